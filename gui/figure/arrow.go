package figure

import (
	"image/color"
	"math"
	"sort"

	"steady/program"
)

// An Arrow shows a movement: a curve from From to To bending through Via,
// with its head at To. Points are in metres, like the poses.
type Arrow struct{ From, Via, To program.Point }

// movers are the joints whose movement an arrow can show: the ends of the
// limbs, the head and the hip.
var movers = []program.Joint{
	program.NearHand, program.FarHand, program.NearToe, program.FarToe,
	program.Head, program.Hip,
}

// Arrows returns the arrows that show the movement from pose a to pose b: one
// for the joint that travels furthest, and one more for a second joint that
// travels nearly as far. Each sits just outside the body, beside the path the
// joint takes.
func Arrows(a, b program.Pose) []Arrow {
	pa, pb := a.Points(), b.Points()
	type move struct {
		j program.Joint
		d float64
	}
	var ms []move
	for _, j := range movers {
		if d := pa[j].Dist(pb[j]); d >= 0.06 {
			ms = append(ms, move{j, d})
		}
	}
	sort.SliceStable(ms, func(i, k int) bool { return ms[i].d > ms[k].d })
	var out []Arrow
	var shown [][2]program.Point // the paths the arrows show
	centre := pa[program.Hip].Add(pa[program.Shoulder]).Scale(0.5)
	for i, m := range ms {
		if len(out) == 2 || (i > 0 && m.d < 0.6*ms[0].d) {
			break
		}
		from, to := pa[m.j], pb[m.j]
		if nearAny(shown, from, to) {
			continue
		}
		shown = append(shown, [2]program.Point{from, to})
		out = append(out, arrowBeside(from, to, centre, m.j.Radius()))
	}
	return out
}

// nearAny reports whether an arrow already shows about the same movement:
// nearby, and in much the same direction.
func nearAny(paths [][2]program.Point, from, to program.Point) bool {
	d := to.Sub(from)
	for _, p := range paths {
		e := p[1].Sub(p[0])
		cos := (d.X*e.X + d.Y*e.Y) / (math.Hypot(d.X, d.Y) * math.Hypot(e.X, e.Y))
		if p[0].Dist(from) < 0.45 && cos > 0.7 {
			return true
		}
	}
	return false
}

// withArrows returns the frame grown to hold the arrows too.
func (f Frame) withArrows(as []Arrow) Frame {
	for _, a := range as {
		for _, p := range []program.Point{a.From, a.Via, a.To} {
			f = f.add(p, 0.1)
		}
	}
	return f
}

// arrowBeside places an arrow alongside the path from..to, on the side away
// from the body's centre, at least a visible length long.
func arrowBeside(from, to, centre program.Point, r float64) Arrow {
	d := to.Sub(from)
	l := math.Hypot(d.X, d.Y)
	u := d.Scale(1 / l)
	n := program.Point{X: -u.Y, Y: u.X}
	mid := from.Add(to).Scale(0.5)
	if n.X*(mid.X-centre.X)+n.Y*(mid.Y-centre.Y) < 0 {
		n = n.Scale(-1)
	}
	const minLength = 0.2
	if l < minLength {
		from = mid.Sub(u.Scale(minLength / 2))
		to = mid.Add(u.Scale(minLength / 2))
		l = minLength
	}
	off := n.Scale(r + 0.09)
	// Shorten a little so the arrow does not touch the limb at either end.
	from = from.Add(u.Scale(l * 0.08)).Add(off)
	to = to.Sub(u.Scale(l * 0.04)).Add(off)
	via := from.Add(to).Scale(0.5).Add(n.Scale(l * 0.15))
	return Arrow{From: from, Via: via, To: to}
}

// arrow draws a thick curved arrow with a background-coloured outline.
func (p *painter) arrow(a Arrow, c, bg color.Color) {
	const n = 16
	w := 0.022 * p.scale
	head := 0.07 * p.scale
	pts := make([]pt, n+1)
	for i := range pts {
		t := float64(i) / n
		q := a.From.Scale((1 - t) * (1 - t)).Add(a.Via.Scale(2 * t * (1 - t))).Add(a.To.Scale(t * t))
		pts[i] = p.at(q)
	}
	tip := pts[n]
	// Direction at the tip, from the curve's tangent.
	dx, dy := tip.x-pts[n-1].x, tip.y-pts[n-1].y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	dx, dy = dx/l, dy/l
	base := pt{tip.x - dx*head, tip.y - dy*head}
	// Stop the shaft inside the head.
	var shaft []pt
	for _, q := range pts {
		if (q.x-base.x)*dx+(q.y-base.y)*dy > -w {
			break
		}
		shaft = append(shaft, q)
	}
	shaft = append(shaft, base)
	tri := func(grow float64) []pt {
		t := pt{tip.x + dx*grow*1.6, tip.y + dy*grow*1.6}
		b := pt{base.x - dx*grow, base.y - dy*grow}
		hw := head*0.75 + grow*1.6
		return wound([]pt{t, {b.x - dy*hw, b.y + dx*hw}, {b.x + dy*hw, b.y - dx*hw}})
	}
	line := func(r float64) shape {
		var s shape
		for i := 1; i < len(shaft); i++ {
			s = append(s, capsule(shaft[i-1], r, shaft[i], r))
		}
		return s
	}
	g := gap * p.scale
	p.fill(append(line(w+g), tri(g)), bg)
	p.fill(append(line(w), tri(0)), c)
}
