package journalview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The report's chart is drawn without a Fyne app, so its paper colours are
// held as values; they must stay the light theme's.
func TestPaperColoursAreTheLightTheme(t *testing.T) {
	test.NewTempApp(t)
	th, v := theme.DefaultTheme(), theme.VariantLight
	got := lightChartColours()
	for _, c := range []struct {
		name      string
		got, want color.Color
	}{
		{"foreground", got.fg, th.Color(theme.ColorNameForeground, v)},
		{"separator", got.sep, th.Color(theme.ColorNameSeparator, v)},
	} {
		if !sameColour(c.got, c.want) {
			t.Errorf("paper %s = %v, the light theme has %v", c.name, c.got, c.want)
		}
	}
}

func sameColour(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
