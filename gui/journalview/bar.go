package journalview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// A barLayout lays out a bar of a title and controls, such as the
// Journal's toolbar: its first object at the left and the others after it,
// right-aligned, on the same row while they fit; the controls that do not
// fit go to rows of their own below, right-aligned too. So a translated
// toolbar wraps in a narrow window instead of widening it.
//
// The height it needs depends on the width it is given, which MinSize is
// not told: it reports the height of its last layout (one row before the
// first), as a wrapping label does, and the window lays out the
// containers around it again when that changes.
type barLayout struct {
	height float32 // at the last layout; 0 before the first
}

// barRow is one row of a bar: its objects, their width with the gaps
// between them, and their height.
type barRow struct {
	objs          []fyne.CanvasObject
	width, height float32
}

// barRows breaks the visible objects into rows within width.
func barRows(objs []fyne.CanvasObject, width float32) []barRow {
	gap := theme.Padding()
	var rows []barRow
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if n := len(rows); n > 0 && rows[n-1].width+gap+s.Width <= width {
			r := &rows[n-1]
			r.objs = append(r.objs, o)
			r.width += gap + s.Width
			r.height = max(r.height, s.Height)
			continue
		}
		rows = append(rows, barRow{objs: []fyne.CanvasObject{o}, width: s.Width, height: s.Height})
	}
	return rows
}

// MinSize is as wide as the widest object and as high as the last layout
// needed.
func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		if o.Visible() {
			s := o.MinSize()
			w, h = max(w, s.Width), max(h, s.Height)
		}
	}
	return fyne.NewSize(w, max(h, l.height))
}

// Layout places the rows within size.
func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	rows := barRows(objs, size.Width)
	var y float32
	for i, r := range rows {
		x := size.Width - r.width // right-aligned
		for j, o := range r.objs {
			s := o.MinSize()
			if i == 0 && j == 0 {
				// The title keeps the left edge.
				o.Move(fyne.NewPos(0, y+(r.height-s.Height)/2))
				o.Resize(s)
				x = max(x, 0) + s.Width + gap
				continue
			}
			o.Move(fyne.NewPos(x, y+(r.height-s.Height)/2))
			o.Resize(s)
			x += s.Width + gap
		}
		if i > 0 {
			y += gap
		}
		y += r.height
	}
	if len(rows) > 0 {
		l.height = y
	}
}
