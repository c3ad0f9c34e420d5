package gui

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/vector"
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

// Set sets the countdown to show and reports whether the ring must be
// redrawn (Refresh) to show it: only when what it shows changes, new words,
// a band a degree shorter, a dash gone out. Every redraw repaints the whole
// window, so a long hold, whose band moves a degree every few hundred
// milliseconds, costs a few frames a second instead of ten.
func (r *ring) Set(label, digits string, remaining float64, style ringStyle, paused bool) bool {
	remaining = max(0, min(1, remaining))
	if r.label == label && r.digits == digits && r.style == style && r.paused == paused &&
		shownPart(r.remaining, style) == shownPart(remaining, style) {
		return false
	}
	r.label, r.digits, r.remaining, r.style, r.paused = label, digits, remaining, style, paused
	return true
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
		label:  canvas.NewText("", color.Transparent),
		digits: canvas.NewText("", color.Transparent),
	}
	// The ring itself is drawn in Go into an image, which the toolkit keeps
	// as a texture until the ring changes. Drawn as arcs, it would be shaded
	// pixel by pixel on every repaint of the window, twenty times a second
	// while the figure moves: in software rendering, most of the session
	// screen's cost.
	rr.shape = canvas.NewRaster(rr.draw)
	rr.label.Alignment = fyne.TextAlignCenter
	rr.label.TextStyle = fyne.TextStyle{Bold: true}
	rr.digits.Alignment = fyne.TextAlignCenter
	rr.digits.TextStyle = fyne.TextStyle{Bold: true}
	rr.objects = []fyne.CanvasObject{rr.shape, rr.label, rr.digits}
	rr.Refresh()
	return rr
}

type ringRenderer struct {
	r             *ring
	shape         *canvas.Raster
	label, digits *canvas.Text
	objects       []fyne.CanvasObject

	// What the shape shows, set by Refresh for draw.
	style             ringStyle
	shown             int // shownPart
	track, band, dash color.Color
	dashOff           color.Color
	z                 vector.Rasterizer
}

func (rr *ringRenderer) Objects() []fyne.CanvasObject { return rr.objects }

func (rr *ringRenderer) Destroy() {}

func (rr *ringRenderer) MinSize() fyne.Size { return rr.r.MinSize() }

func (rr *ringRenderer) Layout(size fyne.Size) {
	d := min(size.Width, size.Height)
	rr.shape.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
	rr.shape.Resize(fyne.NewSize(d, d))
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
	rr.style, rr.shown = r.style, shownPart(r.remaining, r.style)
	rr.track, rr.band, rr.dash, rr.dashOff = faint, accent, fg, faint

	rr.label.Text, rr.label.Color = r.label, fg
	rr.digits.Text, rr.digits.Color = r.digits, fg
	rr.Layout(r.Size())
	for _, o := range rr.objects {
		o.Refresh()
	}
}

// draw renders the ring at w × h pixels: for work, the track and the band
// still to go, clockwise from the top; for rest, the dashes, outlined, lit
// while their time is still to come.
func (rr *ringRenderer) draw(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	d := float64(min(w, h))
	cx, cy := float64(w)/2, float64(h)/2
	outer := d / 2
	inner := outer * ringCutout
	if rr.style == ringWork {
		rr.sector(img, cx, cy, inner, outer, 0, 360, rr.track)
		if rr.shown > 0 {
			rr.sector(img, cx, cy, inner, outer, 0, 360*float64(rr.shown)/ringSteps, rr.band)
		}
		return img
	}
	const slot = 360.0 / ringDashes
	stroke := max(1.5, d/150) // as thick as a 3-unit line on a ring of the usual size
	// Outlines: each dash filled, then the insides of all of them, drawn
	// into a mask, cleared again.
	insides := image.NewAlpha(img.Bounds())
	for i := range ringDashes {
		c := rr.dashOff
		if i < rr.shown {
			c = rr.dash
		}
		from := slot*float64(i) + slot*(1-ringDashFill)/2
		to := from + slot*ringDashFill
		rr.sector(img, cx, cy, inner, outer, from, to, c)
		mid := (inner + outer) / 2
		inset := stroke / mid * 180 / math.Pi // the stroke, in degrees at mid-band
		rr.sector(insides, cx, cy, inner+stroke, outer-stroke, from+inset, to-inset, color.Opaque)
	}
	for i, m := range insides.Pix {
		if m == 0 {
			continue
		}
		keep := uint32(255 - m)
		for k := 4 * i; k < 4*i+4; k++ {
			img.Pix[k] = uint8(uint32(img.Pix[k]) * keep / 255)
		}
	}
	return img
}

// sector fills the part of the annulus between radii inner and outer from
// angle from to angle to (degrees clockwise from the top) with c, over what
// img holds.
func (rr *ringRenderer) sector(img draw.Image, cx, cy, inner, outer, from, to float64, c color.Color) {
	if to <= from || outer <= inner {
		return
	}
	b := img.Bounds()
	z := &rr.z
	z.Reset(b.Dx(), b.Dy())
	point := func(radius, deg float64) (float32, float32) {
		a := deg * math.Pi / 180
		return float32(cx + radius*math.Sin(a)), float32(cy - radius*math.Cos(a))
	}
	steps := max(2, int(math.Ceil((to-from)/2))) // a segment every 2 degrees at most
	z.MoveTo(point(outer, from))
	for k := 1; k <= steps; k++ {
		z.LineTo(point(outer, from+(to-from)*float64(k)/float64(steps)))
	}
	for k := steps; k >= 0; k-- {
		z.LineTo(point(inner, from+(to-from)*float64(k)/float64(steps)))
	}
	z.ClosePath()
	z.DrawOp = draw.Over
	z.Draw(img, b, image.NewUniform(c), image.Point{})
}
