package keys

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A dialog of wrapped text takes the size asked for, not the height of its
// text wrapped a word a line.
func TestDialogTakesItsSize(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("under"))
	w.Resize(fyne.NewSize(1100, 760))
	text := &widget.Label{Text: strings.Repeat("Keep going at this dose. ", 6), Wrapping: fyne.TextWrapWord}
	Inform(w, "Session saved", text, fyne.NewSize(520, 280), "OK", nil)
	var box fyne.Size // the dialog's box: the largest thing under the overlay's background
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if s := o.Size(); s.Width < 1000 && s.Width*s.Height > box.Width*box.Height {
			box = s
		}
	}
	if s := box; s.Width < 500 || s.Height > 320 {
		t.Errorf("the dialog is %v, want about 520x280", s)
	}
}
