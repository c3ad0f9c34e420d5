package journalview

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/vector"
)

// pen draws filled shapes, strokes and markers into an RGBA image with
// anti-aliasing. Every shape is wound the same way, so overlapping pieces of
// one path add up instead of cancelling out.
type pen struct {
	img *image.RGBA
	z   *vector.Rasterizer
}

type pt struct{ x, y float32 }

func newPen(w, h int) *pen {
	return &pen{img: image.NewRGBA(image.Rect(0, 0, w, h)), z: vector.NewRasterizer(w, h)}
}

// fill paints the path built so far in c and starts a new path.
func (p *pen) fill(c color.Color) {
	b := p.img.Bounds()
	p.z.Draw(p.img, b, image.NewUniform(c), image.Point{})
	p.z.Reset(b.Dx(), b.Dy())
}

// poly adds a closed polygon to the path, clockwise on screen.
func (p *pen) poly(pts ...pt) {
	if len(pts) < 3 {
		return
	}
	var area float32
	for i, a := range pts {
		b := pts[(i+1)%len(pts)]
		area += a.x*b.y - b.x*a.y
	}
	if area < 0 {
		for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
			pts[i], pts[j] = pts[j], pts[i]
		}
	}
	p.z.MoveTo(pts[0].x, pts[0].y)
	for _, q := range pts[1:] {
		p.z.LineTo(q.x, q.y)
	}
	p.z.ClosePath()
}

// rect adds an axis-aligned rectangle.
func (p *pen) rect(x0, y0, x1, y1 float32) {
	p.poly(pt{x0, y0}, pt{x1, y0}, pt{x1, y1}, pt{x0, y1})
}

// segment adds a straight stroke of width w from a to b (butt ends).
func (p *pen) segment(a, b pt, w float32) {
	dx, dy := b.x-a.x, b.y-a.y
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l == 0 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	p.poly(pt{a.x + nx, a.y + ny}, pt{b.x + nx, b.y + ny}, pt{b.x - nx, b.y - ny}, pt{a.x - nx, a.y - ny})
}

// circle adds a disc of radius r around c.
func (p *pen) circle(c pt, r float32) {
	const n = 24
	pts := make([]pt, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / n
		pts[i] = pt{c.x + r*float32(math.Cos(a)), c.y + r*float32(math.Sin(a))}
	}
	p.poly(pts...)
}

// polyline adds a stroke of width w along pts. dash lists on and off
// lengths; nil draws a solid line with round joins.
func (p *pen) polyline(pts []pt, w float32, dash []float32) {
	if len(dash) == 0 {
		for i := 1; i < len(pts); i++ {
			p.segment(pts[i-1], pts[i], w)
		}
		for _, q := range pts {
			p.circle(q, w/2)
		}
		return
	}
	k, left := 0, dash[0] // index into dash, length left in it
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		l := float32(math.Hypot(float64(b.x-a.x), float64(b.y-a.y)))
		var done float32
		for done < l {
			n := min(left, l-done)
			if k%2 == 0 {
				from, to := done/l, (done+n)/l
				p.segment(pt{a.x + (b.x-a.x)*from, a.y + (b.y-a.y)*from},
					pt{a.x + (b.x-a.x)*to, a.y + (b.y-a.y)*to}, w)
			}
			done += n
			left -= n
			if left <= 0 {
				k = (k + 1) % len(dash)
				left = dash[k]
			}
		}
	}
}

// marker adds the shape m of size r (about its radius) centred on c.
func (p *pen) marker(m markerShape, c pt, r float32) {
	switch m {
	case markerSquare:
		s := r * 0.88
		p.rect(c.x-s, c.y-s, c.x+s, c.y+s)
	case markerTriangle:
		s := r * 1.25
		p.poly(pt{c.x, c.y - s}, pt{c.x + s*0.95, c.y + s*0.7}, pt{c.x - s*0.95, c.y + s*0.7})
	case markerDiamond:
		s := r * 1.25
		p.poly(pt{c.x, c.y - s}, pt{c.x + s, c.y}, pt{c.x, c.y + s}, pt{c.x - s, c.y})
	default:
		p.circle(c, r)
	}
}

type markerShape int

const (
	markerCircle markerShape = iota
	markerSquare
	markerTriangle
	markerDiamond
)

// withAlpha returns c with its opacity scaled by a (0–1).
func withAlpha(c color.Color, a float64) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(float64(n.A) * a)
	return n
}

// isDark tells whether a background colour is dark.
func isDark(bg color.Color) bool {
	r, g, b, _ := bg.RGBA()
	return 0.299*float64(r)+0.587*float64(g)+0.114*float64(b) < 0.5*0xffff
}
