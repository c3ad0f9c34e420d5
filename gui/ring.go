package gui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A ringStyle is the shape of a countdown ring, so work and rest differ by
// shape as well as by word: work is one solid band that shrinks, rest a ring of
// hollow dashes that go out one by one.
type ringStyle int

const (
	ringWork ringStyle = iota // solid band: holding, moving, returning
	ringRest                  // hollow dashes: getting ready, switching sides, resting
)

// ringDashes is the number of dashes of a rest ring.
const ringDashes = 24

// Proportions of a ring, as fractions of its diameter.
const (
	ringCutout     = 0.84 // inner radius / outer radius: the band's thickness
	ringDigitsSize = 0.30 // the countdown digits
	ringLabelSize  = 0.085
	ringDashFill   = 0.6 // the part of each dash's slot the dash covers
)

// A ring is a large countdown: a ring that empties clockwise as time runs
// out, with the time left in big digits and a word (HOLD, REST) inside. Its
// canvas objects are made once and reused for every step of a session.
//
// Its methods must be called on Fyne's goroutine.
type ring struct {
	widget.BaseWidget

	label     string  // the word above the digits: "HOLD", "REST"
	digits    string  // the time left: "7", "1:30"
	remaining float64 // fraction of the time left, 0..1
	style     ringStyle
	paused    bool // drawn greyed out
}

func newRing() *ring {
	r := &ring{remaining: 1}
	r.ExtendBaseWidget(r)
	return r
}

// ringSteps is how finely a work ring's band is drawn: one step a degree,
// a few pixels of band at the largest size.
const ringSteps = 360

// Set shows a countdown. It redraws only when what the ring shows changes:
// new words, a band a degree shorter, a dash gone out. Every redraw repaints
// the whole window, so a long hold, whose band moves a degree every few
// hundred milliseconds, costs a few frames a second instead of ten.
func (r *ring) Set(label, digits string, remaining float64, style ringStyle, paused bool) {
	remaining = max(0, min(1, remaining))
	if r.label == label && r.digits == digits && r.style == style && r.paused == paused &&
		shownPart(r.remaining, style) == shownPart(remaining, style) {
		return
	}
	r.label, r.digits, r.remaining, r.style, r.paused = label, digits, remaining, style, paused
	r.Refresh()
}

// shownPart is how much of a ring with remaining time left is drawn: the
// band in degrees for work, the dashes still lit for rest.
func shownPart(remaining float64, style ringStyle) int {
	if style == ringRest {
		lit := 0
		for i := range ringDashes {
			if litDash(i, remaining) {
				lit++
			}
		}
		return lit
	}
	return int(math.Round(remaining * ringSteps))
}

// litDash reports whether dash i of a rest ring is drawn lit: it stays lit
// while the time it stands for is still to come.
func litDash(i int, remaining float64) bool {
	return float64(i)+0.5 < remaining*ringDashes
}

// MinSize keeps the digits readable across a room.
func (r *ring) MinSize() fyne.Size {
	return fyne.NewSize(220, 220)
}

// CreateRenderer makes the ring's objects, once.
func (r *ring) CreateRenderer() fyne.WidgetRenderer {
	rr := &ringRenderer{
		r:      r,
		track:  canvas.NewArc(0, 360, ringCutout, color.Transparent),
		band:   canvas.NewArc(0, 360, ringCutout, color.Transparent),
		label:  canvas.NewText("", color.Transparent),
		digits: canvas.NewText("", color.Transparent),
	}
	rr.label.Alignment = fyne.TextAlignCenter
	rr.label.TextStyle = fyne.TextStyle{Bold: true}
	rr.digits.Alignment = fyne.TextAlignCenter
	rr.digits.TextStyle = fyne.TextStyle{Bold: true}
	rr.objects = []fyne.CanvasObject{rr.track, rr.band}
	const slot = 360.0 / ringDashes
	for i := range rr.dashes {
		start := float32(slot*float64(i) + slot*(1-ringDashFill)/2)
		d := canvas.NewArc(start, start+float32(slot*ringDashFill), ringCutout, color.Transparent)
		d.StrokeWidth = 3
		rr.dashes[i] = d
		rr.objects = append(rr.objects, d)
	}
	rr.objects = append(rr.objects, rr.label, rr.digits)
	rr.Refresh()
	return rr
}

type ringRenderer struct {
	r             *ring
	track, band   *canvas.Arc
	dashes        [ringDashes]*canvas.Arc
	label, digits *canvas.Text
	objects       []fyne.CanvasObject
}

func (rr *ringRenderer) Objects() []fyne.CanvasObject { return rr.objects }

func (rr *ringRenderer) Destroy() {}

func (rr *ringRenderer) MinSize() fyne.Size { return rr.r.MinSize() }

func (rr *ringRenderer) Layout(size fyne.Size) {
	d := min(size.Width, size.Height)
	pos := fyne.NewPos((size.Width-d)/2, (size.Height-d)/2)
	sq := fyne.NewSize(d, d)
	for _, a := range append([]*canvas.Arc{rr.track, rr.band}, rr.dashes[:]...) {
		a.Move(pos)
		a.Resize(sq)
	}
	rr.label.TextSize = d * ringLabelSize
	rr.digits.TextSize = d * ringDigitsSize
	dh := fyne.MeasureText("0", rr.digits.TextSize, rr.digits.TextStyle).Height
	lh := fyne.MeasureText("H", rr.label.TextSize, rr.label.TextStyle).Height
	mid := size.Height / 2
	// The digits sit a little below the centre, the word just above them.
	rr.digits.Move(fyne.NewPos(0, mid-dh/2+dh*0.12))
	rr.digits.Resize(fyne.NewSize(size.Width, dh))
	rr.label.Move(fyne.NewPos(0, mid-dh/2+dh*0.12-lh))
	rr.label.Resize(fyne.NewSize(size.Width, lh))
}

func (rr *ringRenderer) Refresh() {
	r := rr.r
	th := r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	accent := th.Color(theme.ColorNamePrimary, v)
	faint := th.Color(theme.ColorNameInputBorder, v)
	if r.paused {
		fg = th.Color(theme.ColorNameDisabled, v)
		accent = fg
	}

	rr.track.FillColor = faint
	rr.band.FillColor = accent
	rr.band.EndAngle = float32(360 * float64(shownPart(r.remaining, ringWork)) / ringSteps)
	work := r.style == ringWork
	rr.track.Hidden = !work
	rr.band.Hidden = !work || shownPart(r.remaining, ringWork) == 0
	for i, d := range rr.dashes {
		d.Hidden = work
		d.FillColor = color.Transparent
		d.StrokeColor = faint
		if litDash(i, r.remaining) {
			d.StrokeColor = fg
		}
	}

	rr.label.Text, rr.label.Color = r.label, fg
	rr.digits.Text, rr.digits.Color = r.digits, fg
	rr.Layout(r.Size())
	for _, o := range rr.objects {
		o.Refresh()
	}
}
