package journalview

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NoValue is a Scale's value before anything is chosen.
const NoValue = -1

// scaleMax is the top of every 0–10 scale.
const scaleMax = 10

// tenWindow is how soon after "1" a "0" makes 10 instead of 0.
const tenWindow = 1500 * time.Millisecond

// Sizes of a scale's cells, in Fyne units.
const (
	cellMinSize = 38
	cellGap     = 4
)

// A Scale is a 0–10 rating: eleven large cells in a row with a label under
// each end. The chosen cell is filled, outlined thickly and numbered in bold,
// so it stands out without relying on colour.
//
// Keyboard, once focused (Tab or a click): 0–9 choose that number; "1" then
// "0" within a second and a half chooses 10; Left/Right or -/+ step by one;
// Home and End choose 0 and 10; Enter calls OnSubmit and Escape OnCancel.
type Scale struct {
	widget.BaseWidget

	// OnChanged is called with the new value when the user changes it.
	OnChanged func(int)
	// OnSubmit is called when the user presses Enter on the focused scale.
	OnSubmit func()
	// OnCancel is called when the user presses Escape on the focused scale.
	OnCancel func()

	lowLabel, highLabel string
	value               int
	hovered             int
	focused             bool
	lastOne             time.Time // when "1" was typed, for "1" "0" = 10
	now                 func() time.Time
}

var (
	_ fyne.Focusable    = (*Scale)(nil)
	_ fyne.Tappable     = (*Scale)(nil)
	_ desktop.Hoverable = (*Scale)(nil)
)

// NewScale returns a 0–10 scale with nothing chosen, labelled lowLabel under
// 0 and highLabel under 10. onChange may be nil.
func NewScale(lowLabel, highLabel string, onChange func(int)) *Scale {
	s := &Scale{
		OnChanged: onChange,
		lowLabel:  lowLabel,
		highLabel: highLabel,
		value:     NoValue,
		hovered:   NoValue,
		now:       time.Now,
	}
	s.ExtendBaseWidget(s)
	return s
}

// Value is the chosen number, or NoValue.
func (s *Scale) Value() int { return s.value }

// SetValue chooses v without calling OnChanged. Values outside 0–10 clear the
// choice.
func (s *Scale) SetValue(v int) {
	if v < 0 || v > scaleMax {
		v = NoValue
	}
	if v == s.value {
		return
	}
	s.value = v
	s.Refresh()
}

// choose sets v as if the user picked it.
func (s *Scale) choose(v int) {
	v = max(0, min(scaleMax, v))
	if v == s.value {
		return
	}
	s.value = v
	s.Refresh()
	if s.OnChanged != nil {
		s.OnChanged(v)
	}
}

// cellAt is the cell under x, or NoValue between and outside cells.
func (s *Scale) cellAt(x float32) int {
	w := cellWidth(s.Size().Width)
	if x < 0 || w <= 0 {
		return NoValue
	}
	i := int(x / (w + cellGap))
	if i > scaleMax {
		return NoValue
	}
	return i
}

// cellWidth is the width of one cell when the scale is width wide.
func cellWidth(width float32) float32 {
	return (width - cellGap*scaleMax) / (scaleMax + 1)
}

// Tapped chooses the cell under the pointer.
func (s *Scale) Tapped(e *fyne.PointEvent) {
	if c := s.cellAt(e.Position.X); c != NoValue {
		s.choose(c)
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(s); c != nil {
		c.Focus(s)
	}
}

// MouseIn, MouseMoved and MouseOut highlight the cell under the pointer.
func (s *Scale) MouseIn(e *desktop.MouseEvent) { s.MouseMoved(e) }

func (s *Scale) MouseMoved(e *desktop.MouseEvent) {
	if c := s.cellAt(e.Position.X); c != s.hovered {
		s.hovered = c
		s.Refresh()
	}
}

func (s *Scale) MouseOut() {
	s.hovered = NoValue
	s.Refresh()
}

// FocusGained and FocusLost show the focus ring.
func (s *Scale) FocusGained() { s.focused = true; s.Refresh() }

func (s *Scale) FocusLost() { s.focused = false; s.Refresh() }

// TypedRune chooses a number by its digit; "1" then "0" makes 10.
func (s *Scale) TypedRune(r rune) {
	switch {
	case r == '0' && !s.lastOne.IsZero() && s.now().Sub(s.lastOne) <= tenWindow:
		s.lastOne = time.Time{}
		s.choose(scaleMax)
		return
	case r >= '0' && r <= '9':
		s.lastOne = time.Time{}
		if r == '1' {
			s.lastOne = s.now()
		}
		s.choose(int(r - '0'))
	case r == '+':
		s.step(1)
	case r == '-':
		s.step(-1)
	}
}

// TypedKey steps with the arrow keys, submits with Enter and cancels with
// Escape.
func (s *Scale) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyLeft, fyne.KeyDown:
		s.step(-1)
	case fyne.KeyRight, fyne.KeyUp:
		s.step(1)
	case fyne.KeyHome:
		s.choose(0)
	case fyne.KeyEnd:
		s.choose(scaleMax)
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.OnSubmit != nil {
			s.OnSubmit()
		}
	case fyne.KeyEscape:
		if s.OnCancel != nil {
			s.OnCancel()
		}
	}
}

func (s *Scale) step(d int) {
	s.lastOne = time.Time{}
	if s.value == NoValue {
		s.choose(0)
		return
	}
	s.choose(s.value + d)
}

// CreateRenderer builds the cells and end labels.
func (s *Scale) CreateRenderer() fyne.WidgetRenderer {
	r := &scaleRenderer{s: s, focus: canvas.NewRectangle(nil)}
	for i := range r.cells {
		r.cells[i] = canvas.NewRectangle(nil)
		r.nums[i] = canvas.NewText(strconv.Itoa(i), nil)
		r.nums[i].Alignment = fyne.TextAlignCenter
	}
	r.low = canvas.NewText("", nil)
	r.high = canvas.NewText("", nil)
	r.high.Alignment = fyne.TextAlignTrailing
	r.objects = append(r.objects, r.focus)
	for i := range r.cells {
		r.objects = append(r.objects, r.cells[i], r.nums[i])
	}
	r.objects = append(r.objects, r.low, r.high)
	r.Refresh()
	return r
}

type scaleRenderer struct {
	s         *Scale
	focus     *canvas.Rectangle
	cells     [scaleMax + 1]*canvas.Rectangle
	nums      [scaleMax + 1]*canvas.Text
	low, high *canvas.Text
	objects   []fyne.CanvasObject
}

func (r *scaleRenderer) labelSize() float32 {
	return r.s.Theme().Size(theme.SizeNameCaptionText)
}

func (r *scaleRenderer) MinSize() fyne.Size {
	th := r.s.Theme()
	label := fyne.MeasureText("Mg", r.labelSize(), fyne.TextStyle{})
	cell := max(float32(cellMinSize), th.Size(theme.SizeNameText)*2.4)
	return fyne.NewSize(cell*(scaleMax+1)+cellGap*scaleMax, cell+th.Size(theme.SizeNameInnerPadding)/2+label.Height)
}

func (r *scaleRenderer) Layout(size fyne.Size) {
	th := r.s.Theme()
	label := fyne.MeasureText("Mg", r.labelSize(), fyne.TextStyle{})
	cellH := size.Height - label.Height - th.Size(theme.SizeNameInnerPadding)/2
	w := cellWidth(size.Width)
	for i := range r.cells {
		x := float32(i) * (w + cellGap)
		r.cells[i].Move(fyne.NewPos(x, 0))
		r.cells[i].Resize(fyne.NewSize(w, cellH))
		r.nums[i].Move(fyne.NewPos(x, 0))
		r.nums[i].Resize(fyne.NewSize(w, cellH))
	}
	r.low.Move(fyne.NewPos(0, size.Height-label.Height))
	r.low.Resize(fyne.NewSize(size.Width/2, label.Height))
	r.high.Move(fyne.NewPos(size.Width/2, size.Height-label.Height))
	r.high.Resize(fyne.NewSize(size.Width/2, label.Height))
	r.focus.Move(fyne.NewPos(-3, -3))
	r.focus.Resize(fyne.NewSize(size.Width+6, cellH+6))
}

func (r *scaleRenderer) Refresh() {
	s := r.s
	th := s.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	textSize := th.Size(theme.SizeNameText) * 1.15
	radius := th.Size(theme.SizeNameInputRadius)
	for i := range r.cells {
		c, n := r.cells[i], r.nums[i]
		c.CornerRadius = radius
		n.TextSize = textSize
		switch {
		case i == s.value:
			c.FillColor = th.Color(theme.ColorNamePrimary, v)
			c.StrokeColor = th.Color(theme.ColorNameForeground, v)
			c.StrokeWidth = 3
			n.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
			n.TextStyle = fyne.TextStyle{Bold: true}
			n.TextSize = textSize * 1.2
		case i == s.hovered:
			c.FillColor = th.Color(theme.ColorNameHover, v)
			c.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
			c.StrokeWidth = 1
			n.Color = th.Color(theme.ColorNameForeground, v)
			n.TextStyle = fyne.TextStyle{}
		default:
			c.FillColor = th.Color(theme.ColorNameInputBackground, v)
			c.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
			c.StrokeWidth = 1
			n.Color = th.Color(theme.ColorNameForeground, v)
			n.TextStyle = fyne.TextStyle{}
		}
		c.Refresh()
		n.Refresh()
	}
	r.focus.FillColor = nil
	r.focus.CornerRadius = radius + 2
	r.focus.StrokeWidth = 2
	r.focus.StrokeColor = nil
	if s.focused {
		// The full accent, not the theme's half-transparent focus colour,
		// which is hard to see on a dark background.
		r.focus.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	}
	r.focus.Refresh()
	r.low.Text, r.high.Text = s.lowLabel, s.highLabel
	for _, t := range []*canvas.Text{r.low, r.high} {
		t.TextSize = r.labelSize()
		t.Color = th.Color(theme.ColorNameForeground, v)
		t.Refresh()
	}
}

func (r *scaleRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *scaleRenderer) Destroy() {}
