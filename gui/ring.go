package gui

import (
	"image"
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
	ringLabelSize  = 0.11 // the word, when it is short enough
	ringLabelWidth = 0.70 // the widest a word may be, inside the band
	ringDashFill   = 0.6  // the part of each dash's slot the dash covers
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
	return fyne.NewSize(150, 150)
}

// CreateRenderer makes the ring's objects, once.
func (r *ring) CreateRenderer() fyne.WidgetRenderer {
	rr := &ringRenderer{
		r:      r,
		label:  canvas.NewText("", color.Transparent),
		digits: canvas.NewText("", color.Transparent),
	}
	// The ring itself is drawn in Go into images, which the toolkit keeps
	// as textures until the ring changes. Drawn as arcs, it would be shaded
	// pixel by pixel on every repaint of the window, fifteen times a second
	// while the figure moves: in software rendering, most of the session
	// screen's cost. Even as a texture, every pixel of it is shaded again at
	// each repaint, so it is four pictures around the band (ringPieces),
	// not one square with a hole.
	for i := range rr.pieces {
		rr.pieces[i] = canvas.NewRaster(func(w, h int) image.Image { return rr.drawPiece(i, w, h) })
		rr.objects = append(rr.objects, rr.pieces[i])
	}
	rr.label.Alignment = fyne.TextAlignCenter
	rr.label.TextStyle = fyne.TextStyle{Bold: true}
	rr.digits.Alignment = fyne.TextAlignCenter
	rr.digits.TextStyle = fyne.TextStyle{Bold: true}
	rr.objects = append(rr.objects, rr.label, rr.digits)
	rr.Refresh()
	return rr
}

type ringRenderer struct {
	r             *ring
	pieces        [4]*canvas.Raster
	label, digits *canvas.Text
	objects       []fyne.CanvasObject

	// What the shape shows, set by Refresh for draw.
	shapeState
	px     int                // the ring's diameter in pixels
	places [4]image.Rectangle // the pieces' places in the ring's square, in pixels
	imgs   [4]*image.RGBA     // reused between draws of the same size
}

// shapeState is what the ring's image shows: when it is the same, the
// image is not drawn again, as the digits change every second.
type shapeState struct {
	style             ringStyle
	shown             int // shownPart
	track, band, dash color.Color
	dashOff           color.Color
}

func (rr *ringRenderer) Objects() []fyne.CanvasObject { return rr.objects }

func (rr *ringRenderer) Destroy() {}

func (rr *ringRenderer) MinSize() fyne.Size { return rr.r.MinSize() }

func (rr *ringRenderer) Layout(size fyne.Size) {
	d := min(size.Width, size.Height)
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(rr.r); c != nil {
		scale = c.Scale()
	}
	rr.px = int(math.Round(float64(d * scale)))
	rr.places = ringPieces(rr.px)
	corner := fyne.NewPos((size.Width-d)/2, (size.Height-d)/2)
	for i, p := range rr.pieces {
		pl := rr.places[i]
		p.Move(corner.AddXY(float32(pl.Min.X)/scale, float32(pl.Min.Y)/scale))
		p.Resize(fyne.NewSize(float32(pl.Dx())/scale, float32(pl.Dy())/scale))
	}
	rr.label.TextSize = labelSize(rr.label.Text, d, rr.label.TextStyle)
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

// labelSize is the text size of the word in a ring d units across: large,
// and smaller for a long word (SWITCH SIDES, SEITE WECHSELN) so that it
// stays inside the band in every language.
func labelSize(word string, d float32, style fyne.TextStyle) float32 {
	size := d * ringLabelSize
	// Text does not scale quite in proportion, so shrink until it fits.
	for range 4 {
		w := fyne.MeasureText(word, size, style).Width
		if w <= d*ringLabelWidth {
			break
		}
		size *= d * ringLabelWidth / w * 0.98
	}
	return size
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
	state := shapeState{style: r.style, shown: shownPart(r.remaining, r.style),
		track: faint, band: accent, dash: fg, dashOff: faint}
	if state != rr.shapeState {
		rr.shapeState = state
		for _, p := range rr.pieces {
			p.Refresh()
		}
	}
	rr.label.Text, rr.label.Color = r.label, fg
	rr.digits.Text, rr.digits.Color = r.digits, fg
	rr.Layout(r.Size())
	rr.label.Refresh()
	rr.digits.Refresh()
}

// ringPieces returns four rectangles of a ring's square, d pixels across,
// that hold its band between them and overlap nowhere: a cap above and below
// as wide as the band there, and the two sides between them as wide as the
// band is thick at the caps' edge. Together they are about 57 % of the
// square.
func ringPieces(d int) [4]image.Rectangle {
	c := float64(d) / 2
	outer, inner := c, c*ringCutout
	h := inner * 0.74 // the caps' inner edges, from the centre: the least area
	capHalf := math.Ceil(math.Sqrt(outer*outer-h*h)) + 1
	holeHalf := math.Floor(math.Sqrt(inner*inner-h*h)) - 1
	top, bottom := int(math.Floor(c-h)), int(math.Ceil(c+h))
	left, right := int(c-capHalf), int(math.Ceil(c+capHalf))
	sq := image.Rect(0, 0, d, d)
	return [4]image.Rectangle{
		image.Rect(left, 0, right, top).Intersect(sq),
		image.Rect(left, bottom, right, d).Intersect(sq),
		image.Rect(0, top, int(c-holeHalf), bottom).Intersect(sq),
		image.Rect(int(math.Ceil(c+holeHalf)), top, d, bottom).Intersect(sq),
	}
}

// drawPiece draws piece i of the ring, w × h pixels (the toolkit's rounding
// of its size).
func (rr *ringRenderer) drawPiece(i, w, h int) image.Image {
	img := rr.imgs[i]
	if img == nil || img.Rect.Dx() != w || img.Rect.Dy() != h {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
		rr.imgs[i] = img
	} else {
		clear(img.Pix)
	}
	rr.drawRegion(img, rr.px, rr.px, rr.places[i].Min)
	return img
}

// drawRegion draws into img the part of the ring, drawn at w × h pixels,
// whose top left corner is at: for work, the track and the band
// still to go, clockwise from the top; for rest, the dashes, outlined, lit
// while their time is still to come. Each pixel's cover is worked out from
// its distance to the centre and its angle, only for pixels near the band:
// a ring is redrawn each time its band loses a degree or a dash goes out,
// and filling polygons over the whole square took 2 ms a time for work and
// 20-40 ms for the 24 dashes of rest at the usual size.
func (rr *ringRenderer) drawRegion(img *image.RGBA, w, h int, at image.Point) {
	d := float64(min(w, h))
	cx, cy := float64(w)/2, float64(h)/2
	outer := d / 2
	inner := outer * ringCutout
	const slot = 360.0 / ringDashes
	stroke := max(1.5, d/150) // as thick as a 3-unit line on a ring of the usual size
	mid := (inner + outer) / 2
	inset := stroke / mid * 180 / math.Pi // the stroke, in degrees at mid-band
	band := 360 * float64(rr.shown) / ringSteps
	track, bandC := premultiplied(rr.track), premultiplied(rr.band)
	lit, out := premultiplied(rr.dash), premultiplied(rr.dashOff)
	near, far := (inner-0.5)*(inner-0.5), (outer+0.5)*(outer+0.5)
	area := img.Rect.Add(at).Intersect(image.Rect(0, 0, w, h))
	for y := area.Min.Y; y < area.Max.Y; y++ {
		dy := float64(y) + 0.5 - cy
		if dy*dy >= far {
			continue
		}
		// The pixels of this row within the outer edge, less those well
		// inside the inner one.
		span, hole := math.Sqrt(far-dy*dy), 0.0
		if dy*dy < near {
			hole = math.Sqrt(near - dy*dy)
		}
		for x := max(area.Min.X, int(cx-span)); x < min(area.Max.X, int(cx+span)+1); x++ {
			if hole > 1 && float64(x) > cx-hole+1 && float64(x) < cx+hole-2 {
				x = int(cx+hole) - 2
				continue
			}
			dx := float64(x) + 0.5 - cx
			r2 := dx*dx + dy*dy
			if r2 <= near || r2 >= far {
				continue
			}
			r := math.Sqrt(r2)
			cover := radialCover(r, inner, outer)
			var px [4]float64
			if rr.style == ringWork && (band <= 0 || band >= 360) {
				px = over(px, track, cover)
				if band >= 360 {
					px = over(px, bandC, cover)
				}
				img.SetRGBA(x-at.X, y-at.Y, rgba(px))
				continue
			}
			// Degrees clockwise from the top, 0 to 360.
			deg := math.Atan2(dx, -dy) * 180 / math.Pi
			if deg < 0 {
				deg += 360
			}
			if rr.style == ringWork {
				px = over(px, track, cover)
				px = over(px, bandC, cover*arcCover(deg, band/2, band/2, r))
			} else {
				i := min(int(deg/slot), ringDashes-1)
				c := out
				if i < rr.shown {
					c = lit
				}
				centre := slot*float64(i) + slot/2
				half := slot * ringDashFill / 2
				px = over(px, c, cover*arcCover(deg, centre, half, r))
				// The dash's inside, cleared: an outline is left.
				hole := radialCover(r, inner+stroke, outer-stroke) * arcCover(deg, centre, half-inset, r)
				for k := range px {
					px[k] *= 1 - hole
				}
			}
			img.SetRGBA(x-at.X, y-at.Y, rgba(px))
		}
	}
}

// rgba rounds a premultiplied pixel to 8 bits a channel.
func rgba(px [4]float64) color.RGBA {
	b := func(v float64) uint8 { return uint8(v*255 + 0.5) }
	return color.RGBA{b(px[0]), b(px[1]), b(px[2]), b(px[3])}
}

// radialCover is how much of the pixel whose centre lies r from the ring's
// centre the band between radii inner and outer covers, 0 to 1.
func radialCover(r, inner, outer float64) float64 {
	return clamp01(outer-r+0.5) * clamp01(r-inner+0.5)
}

// arcCover is how much of the pixel at deg degrees, r from the centre, the
// arc centred on centre degrees and half degrees either side of it covers,
// 0 to 1: by the pixel's distance along the circle to the arc's nearer end.
func arcCover(deg, centre, half, r float64) float64 {
	off := math.Abs(deg - centre) // degrees from the centre, 0 to 180
	if off > 180 {
		off = 360 - off
	}
	return clamp01((half-off)*math.Pi/180*r + 0.5)
}

func clamp01(v float64) float64 { return max(0, min(1, v)) }

// premultiplied is c as premultiplied red, green, blue and alpha, 0 to 1.
func premultiplied(c color.Color) [4]float64 {
	r, g, b, a := c.RGBA()
	return [4]float64{float64(r) / 0xffff, float64(g) / 0xffff, float64(b) / 0xffff, float64(a) / 0xffff}
}

// over lays c, covering the given part of a pixel, over the pixel px.
func over(px, c [4]float64, cover float64) [4]float64 {
	k := 1 - c[3]*cover
	for i := range px {
		px[i] = c[i]*cover + px[i]*k
	}
	return px
}
