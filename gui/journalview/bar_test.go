package journalview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A bar keeps its title and controls on one row while they fit, and puts
// the controls that do not fit on rows below, never wider than it is.
func TestBarWrapsWhatDoesNotFit(t *testing.T) {
	test.NewTempApp(t)
	title := widget.NewLabel("Journal")
	a, b, c := widget.NewButton("New check-in", nil), widget.NewButton("Export…", nil), widget.NewButton("Clinician report…", nil)
	l := &barLayout{}
	bar := container.New(l, title, a, b, c)
	one := title.MinSize().Width + a.MinSize().Width + b.MinSize().Width + c.MinSize().Width + 3*4 + 40

	bar.Resize(fyne.NewSize(one, 100))
	if y := c.Position().Y; y != a.Position().Y {
		t.Errorf("at %v wide the report button is on another row (y %v, not %v)", one, y, a.Position().Y)
	}
	if right := c.Position().X + c.Size().Width; right != one {
		t.Errorf("the last control ends at %v, want the right edge %v", right, one)
	}
	oneRow := bar.MinSize().Height

	narrow := title.MinSize().Width + a.MinSize().Width + 20
	bar.Resize(fyne.NewSize(narrow, 100))
	if c.Position().Y <= a.Position().Y {
		t.Errorf("at %v wide the report button stays on the first row", narrow)
	}
	for _, o := range []fyne.CanvasObject{title, a, b, c} {
		if o.Position().X < 0 || o.Position().X+o.Size().Width > narrow {
			t.Errorf("%T at x %v, %v wide, is outside the bar's %v", o, o.Position().X, o.Size().Width, narrow)
		}
	}
	if title.Position().X != 0 {
		t.Errorf("the title moved to x %v", title.Position().X)
	}
	if h := bar.MinSize().Height; h <= oneRow {
		t.Errorf("wrapped, the bar asks for %v high, no more than one row's %v", h, oneRow)
	}
	if w := bar.MinSize().Width; w > narrow {
		t.Errorf("the bar asks for %v wide, more than the %v it wraps within", w, narrow)
	}
}
