package figure

import (
	"image"
	"image/color"
	"math"
	"sort"

	"golang.org/x/image/vector"
)

// pt is a point in pixels, y down.
type pt struct{ x, y float64 }

// A shape is a set of closed polygons in pixels, all wound the same way, so
// that where they overlap they merge instead of cancelling out.
type shape [][]pt

// circle returns a polygon approximating a circle, with enough sides that
// it looks round at its size.
func circle(c pt, r float64) []pt {
	n := int(math.Ceil(r * 1.2))
	n = max(12, min(n, 96))
	ps := make([]pt, n)
	for i := range ps {
		a := 2 * math.Pi * float64(i) / float64(n)
		ps[i] = pt{c.x + r*math.Cos(a), c.y + r*math.Sin(a)}
	}
	return ps
}

// capsule returns the convex hull of two circles: a limb that tapers from
// radius ra at a to rb at b.
func capsule(a pt, ra float64, b pt, rb float64) []pt {
	return hull(append(circle(a, ra), circle(b, rb)...))
}

// blob returns the convex hull of several circles.
func blob(cs []pt, rs []float64) []pt {
	var all []pt
	for i := range cs {
		all = append(all, circle(cs[i], rs[i])...)
	}
	return hull(all)
}

// hull returns the convex hull of ps (Andrew's monotone chain), wound the same
// way every time.
func hull(ps []pt) []pt {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].x != ps[j].x {
			return ps[i].x < ps[j].x
		}
		return ps[i].y < ps[j].y
	})
	cross := func(o, a, b pt) float64 { return (a.x-o.x)*(b.y-o.y) - (a.y-o.y)*(b.x-o.x) }
	h := make([]pt, 0, 2*len(ps))
	for _, p := range ps {
		for len(h) >= 2 && cross(h[len(h)-2], h[len(h)-1], p) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, p)
	}
	lower := len(h) + 1
	for i := len(ps) - 2; i >= 0; i-- {
		p := ps[i]
		for len(h) >= lower && cross(h[len(h)-2], h[len(h)-1], p) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, p)
	}
	return h[:len(h)-1]
}

// wound returns poly wound like hull's output.
func wound(poly []pt) []pt {
	area := 0.0
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		area += a.x*b.y - b.x*a.y
	}
	if area < 0 {
		out := make([]pt, len(poly))
		for i, p := range poly {
			out[len(poly)-1-i] = p
		}
		return out
	}
	return poly
}

// fill paints the shape in colour c, anti-aliased, rasterizing only the
// rectangle it covers.
func (s shape) fill(dst *image.RGBA, z *vector.Rasterizer, c color.Color) {
	if len(s) == 0 {
		return
	}
	if len(s) > 1 {
		// One polygon at a time: the rectangles they cover add up to far
		// fewer pixels than the one rectangle around them all.
		for _, poly := range s {
			shape{poly}.fill(dst, z, c)
		}
		return
	}
	r := s.bounds().Intersect(dst.Bounds())
	if r.Empty() {
		return
	}
	z.Reset(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, poly := range s {
		if len(poly) < 3 {
			continue
		}
		z.MoveTo(float32(poly[0].x-ox), float32(poly[0].y-oy))
		for _, p := range poly[1:] {
			z.LineTo(float32(p.x-ox), float32(p.y-oy))
		}
		z.ClosePath()
	}
	z.Draw(dst, r, image.NewUniform(c), image.Point{})
}

// bounds returns the pixels the shape touches.
func (s shape) bounds() image.Rectangle {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, poly := range s {
		for _, p := range poly {
			minX, minY = math.Min(minX, p.x), math.Min(minY, p.y)
			maxX, maxY = math.Max(maxX, p.x), math.Max(maxY, p.y)
		}
	}
	if minX > maxX {
		return image.Rectangle{}
	}
	return image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1)
}
