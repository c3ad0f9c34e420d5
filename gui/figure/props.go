package figure

import (
	"image/color"
	"math"

	"steady/program"
)

// Props' sizes, in metres.
const (
	chairBack    = 0.92 // height of the backrest's top
	chairLeg     = 0.035
	stickRadius  = 0.016
	caseWidth    = 0.36
	caseHeight   = 0.26
	caseHandle   = 0.05
	stickOverrun = 0.42
)

// stickEnds returns the ends of a stick held along the back: it touches the
// sacrum and the upper back and reaches past the head.
func stickEnds(pts [program.NumJoints]program.Point) (a, b program.Point) {
	back := func(from, to program.Joint, r float64) (program.Point, program.Point) {
		d := pts[to].Sub(pts[from])
		d = d.Scale(1 / math.Hypot(d.X, d.Y))
		n := program.Point{X: -d.Y, Y: d.X} // the back faces anticlockwise of the spine
		return pts[from].Add(n.Scale(r)), d
	}
	sacrum, _ := back(program.Hip, program.Waist, program.Hip.Radius()+stickRadius)
	upper, _ := back(program.Waist, program.Shoulder, program.Shoulder.Radius()+stickRadius)
	upper = upper.Add(pts[program.Shoulder].Sub(pts[program.Waist]).Scale(0.8))
	d := upper.Sub(sacrum)
	d = d.Scale(1 / math.Hypot(d.X, d.Y))
	return sacrum.Sub(d.Scale(0.08)), upper.Add(d.Scale(stickOverrun))
}

// caseCorners returns the corners of a suitcase hanging from the near hand.
func caseCorners(pts [program.NumJoints]program.Point) [4]program.Point {
	h := pts[program.NearHand]
	top := h.Y - caseHandle
	return [4]program.Point{
		{X: h.X - caseWidth/2, Y: top}, {X: h.X + caseWidth/2, Y: top},
		{X: h.X + caseWidth/2, Y: top - caseHeight}, {X: h.X - caseWidth/2, Y: top - caseHeight},
	}
}

// propOutline returns points the prop reaches, for framing.
func propOutline(pr program.Prop, pts [program.NumJoints]program.Point) []program.Point {
	switch pr {
	case program.Chair:
		back := program.ChairFront - program.ChairDepth
		return []program.Point{{X: back, Y: 0}, {X: back, Y: chairBack}, {X: program.ChairFront, Y: program.ChairSeat}}
	case program.Stick:
		a, b := stickEnds(pts)
		return []program.Point{a, b}
	case program.Weight:
		c := caseCorners(pts)
		return c[:]
	}
	return nil
}

func has(props []program.Prop, pr program.Prop) bool {
	for _, x := range props {
		if x == pr {
			return true
		}
	}
	return false
}

// backProps draws the props behind the figure: the chair.
func (p *painter) backProps(pose program.Pose, c color.Color) {
	if !has(pose.Props, program.Chair) {
		return
	}
	front, back := program.ChairFront, program.ChairFront-program.ChairDepth
	seat := program.ChairSeat
	leg := chairLeg * p.scale
	var s shape
	s = append(s,
		capsule(p.at(program.Point{X: back, Y: seat - 0.02}), 0.03*p.scale, p.at(program.Point{X: front, Y: seat - 0.02}), 0.03*p.scale),
		capsule(p.at(program.Point{X: front - 0.03, Y: seat}), leg/2, p.at(program.Point{X: front - 0.03, Y: 0.01}), leg/2),
		capsule(p.at(program.Point{X: back + 0.02, Y: chairBack}), leg/2, p.at(program.Point{X: back + 0.02, Y: 0.01}), leg/2),
		capsule(p.at(program.Point{X: back + 0.02, Y: chairBack - 0.03}), 0.04*p.scale, p.at(program.Point{X: back + 0.04, Y: seat + 0.18}), 0.02*p.scale),
	)
	p.fill(s, c)
}

// frontProps draws the props in front of the figure: the stick and the weight.
func (p *painter) frontProps(pose program.Pose, c, bg color.Color) {
	pts := pose.Points()
	if has(pose.Props, program.Stick) {
		a, b := stickEnds(pts)
		r := stickRadius * p.scale
		p.fill(shape{capsule(p.at(a), r+gap*p.scale*0.6, p.at(b), r+gap*p.scale*0.6)}, bg)
		p.fill(shape{capsule(p.at(a), r, p.at(b), r)}, c)
	}
	if has(pose.Props, program.Weight) {
		k := caseCorners(pts)
		r := 0.03 * p.scale
		in := func(q program.Point, dx, dy float64) pt { return p.at(program.Point{X: q.X + dx, Y: q.Y + dy}) }
		body := blob([]pt{in(k[0], 0.03, -0.03), in(k[1], -0.03, -0.03), in(k[2], -0.03, 0.03), in(k[3], 0.03, 0.03)}, []float64{r, r, r, r})
		h := pts[program.NearHand]
		handle := capsule(p.at(h), 0.018*p.scale, p.at(program.Point{X: h.X, Y: k[0].Y}), 0.018*p.scale)
		p.fill(shape{body, handle}, c)
	}
}
