package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The session screen has square corners: under software rendering every
// pixel of a rounded button or bar is shaded by the rounded-corner program
// at each of the figure's frames, a square one by the plain one.
func TestSessionThemeSquareCorners(t *testing.T) {
	test.NewApp()
	defer test.NewApp()
	th := sessionTheme{}
	base := fyne.CurrentApp().Settings().Theme()
	for _, n := range []fyne.ThemeSizeName{theme.SizeNameButtonRadius, theme.SizeNameInputRadius, theme.SizeNameSelectionRadius} {
		if base.Size(n) == 0 {
			t.Fatalf("the app's theme has no %s to square off", n)
		}
		if got := th.Size(n); got != 0 {
			t.Errorf("session %s = %v, want 0", n, got)
		}
	}
	if th.Size(theme.SizeNameText) <= base.Size(theme.SizeNameText) {
		t.Errorf("session text %v is not larger than the app's %v", th.Size(theme.SizeNameText), base.Size(theme.SizeNameText))
	}

	// And the session's buttons and progress bar take it up.
	b := widget.NewButtonWithIcon("Pause", theme.MediaPauseIcon(), nil)
	b.Importance = widget.HighImportance
	p := &widget.ProgressBar{Max: 1, Value: 0.5}
	w := test.NewWindow(container.NewThemeOverride(container.NewVBox(b, p), th))
	defer w.Close()
	w.Resize(fyne.NewSize(400, 200))
	filled := 0
	for _, o := range append(test.WidgetRenderer(b).Objects(), test.WidgetRenderer(p).Objects()...) {
		r, ok := o.(*canvas.Rectangle)
		if !ok || r.FillColor == nil {
			continue
		}
		if _, _, _, a := r.FillColor.RGBA(); a == 0 {
			continue
		}
		filled++
		if r.CornerRadius != 0 {
			t.Errorf("a filled rectangle of %v has corner radius %v", r.Size(), r.CornerRadius)
		}
	}
	if filled < 2 {
		t.Errorf("found %d filled rectangles in a button and a progress bar, want at least 2", filled)
	}
}
