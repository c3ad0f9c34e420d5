package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"steady/gui/keys"
)

// A statement is a check box whose text wraps. The toolkit's check box
// keeps its text on one line, and a long question or setting, longer
// still in German or French or with larger text, would widen the window
// past the screen. Tapping the text ticks the box, as it does the
// toolkit's.
type statement struct {
	widget.Label
	check *keys.Check
}

func newStatement(text string, checked bool, changed func(bool)) *statement {
	c := keys.NewCheck("", changed)
	c.Checked = checked
	s := &statement{check: c}
	s.Text, s.Wrapping = text, fyne.TextWrapWord
	s.ExtendBaseWidget(s)
	return s
}

// row is the box with its text beside it, the box level with the first
// line.
func (s *statement) row() fyne.CanvasObject {
	return container.NewBorder(nil, nil, container.NewVBox(s.check), nil, s)
}

// Tapped ticks or clears the box.
func (s *statement) Tapped(*fyne.PointEvent) {
	if !s.check.Disabled() {
		s.check.SetChecked(!s.check.Checked)
	}
}
