package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Steady's look: Fyne's default theme with Steady's teal as the
// primary colour, an optional fixed light or dark variant, and optionally
// larger text for reading from the floor.
type appTheme struct {
	variant    string // themeSystem, themeLight or themeDark
	largerText bool
}

var _ fyne.Theme = (*appTheme)(nil)

// Steady's primary colours, matched to the icon.
var (
	tealLight = color.NRGBA{R: 0x0b, G: 0x7a, B: 0x72, A: 0xff}
	tealDark  = color.NRGBA{R: 0x2d, G: 0xd4, B: 0xbf, A: 0xff}
)

func (t *appTheme) resolve(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.variant {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.resolve(v)
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		if v == theme.VariantDark {
			return tealDark
		}
		return tealLight
	case theme.ColorNameFocus:
		c := tealLight
		if v == theme.VariantDark {
			c = tealDark
		}
		c.A = 0x7f
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	if !t.largerText {
		return s
	}
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * 1.25
	}
	return s
}
