// Package figure draws Steady's exercise illustrations: a friendly, flat
// side-view figure built from the program's pose library, animated between key
// poses by a Fyne widget, and rendered to PNG images and a printable routine
// sheet. The drawing is plain image code, so it works without a display.
package figure

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"

	"steady/program"
)

// A Frame is the part of the scene, in metres (x forward, y up, the floor at
// y = 0), that a drawing fits to its image. Using the frame of all the poses of
// an exercise keeps the figure from jumping or resizing between its frames.
type Frame struct{ Min, Max program.Point }

// Empty reports whether the frame holds nothing.
func (f Frame) Empty() bool { return f.Max.X <= f.Min.X || f.Max.Y <= f.Min.Y }

// Union returns the smallest frame holding f and g.
func (f Frame) Union(g Frame) Frame {
	switch {
	case f.Empty():
		return g
	case g.Empty():
		return f
	}
	return Frame{
		Min: program.Point{X: math.Min(f.Min.X, g.Min.X), Y: math.Min(f.Min.Y, g.Min.Y)},
		Max: program.Point{X: math.Max(f.Max.X, g.Max.X), Y: math.Max(f.Max.Y, g.Max.Y)},
	}
}

func (f Frame) add(p program.Point, r float64) Frame {
	return f.Union(Frame{Min: program.Point{X: p.X - r, Y: p.Y - r}, Max: program.Point{X: p.X + r, Y: p.Y + r}})
}

// FrameOf returns the frame that holds the given poses, their props, the floor
// beneath them and a margin around.
func FrameOf(poses ...program.Pose) Frame {
	var f Frame
	for _, p := range poses {
		pts := p.Points()
		for j := program.Hip; j < program.NumJoints; j++ {
			f = f.add(pts[j], j.Radius())
		}
		for _, pr := range p.Props {
			for _, q := range propOutline(pr, pts) {
				f = f.add(q, 0.03)
			}
		}
	}
	if f.Empty() {
		return f
	}
	f.Min.Y = math.Min(f.Min.Y, -0.06)
	const margin = 0.12
	f.Min.X -= margin
	f.Max.X += margin
	f.Max.Y += margin
	// Lying poses are wide and low: give them some air above.
	if h, w := f.Max.Y-f.Min.Y, f.Max.X-f.Min.X; h < w*0.45 {
		f.Max.Y = f.Min.Y + w*0.45
	}
	return f
}

// A Style says how to draw: the colours, what to highlight and the frame.
type Style struct {
	Background color.Color
	Figure     color.Color // near limbs, trunk and head
	Far        color.Color // the limbs on the far side, lighter
	Working    color.Color // near limbs the exercise works
	FarWorking color.Color // far limbs the exercise works
	Brace      color.Color // the band around the braced trunk
	Mat        color.Color
	Floor      color.Color
	Arrow      color.Color
	Prop       color.Color
	Ghost      color.Color // earlier poses shown faintly in a still image

	Braced bool    // draw the brace band
	Frame  Frame   // the part of the scene to show; empty: fit the pose
	Arrows []Arrow // movement to show
	Ghosts []program.Pose
}

// Light returns the style on a light background.
func Light() Style {
	return Style{
		Background: color.NRGBA{0xfa, 0xfa, 0xf7, 0xff},
		Figure:     color.NRGBA{0x2f, 0x3b, 0x4c, 0xff},
		Far:        color.NRGBA{0x93, 0x9f, 0xae, 0xff},
		Working:    color.NRGBA{0x15, 0x65, 0xc0, 0xff},
		FarWorking: color.NRGBA{0x86, 0xb1, 0xe6, 0xff},
		Brace:      color.NRGBA{0xe6, 0x7e, 0x00, 0xff},
		Mat:        color.NRGBA{0x9c, 0xd3, 0xc4, 0xff},
		Floor:      color.NRGBA{0x8a, 0x8a, 0x8a, 0xff},
		Arrow:      color.NRGBA{0xc6, 0x28, 0x28, 0xff},
		Prop:       color.NRGBA{0x9c, 0x6b, 0x3c, 0xff},
		Ghost:      color.NRGBA{0xdd, 0xe1, 0xe6, 0xff},
	}
}

// Dark returns the style on a dark background.
func Dark() Style {
	return Style{
		Background: color.NRGBA{0x1e, 0x21, 0x26, 0xff},
		Figure:     color.NRGBA{0xec, 0xef, 0xf2, 0xff},
		Far:        color.NRGBA{0x7d, 0x86, 0x92, 0xff},
		Working:    color.NRGBA{0x64, 0xb5, 0xf6, 0xff},
		FarWorking: color.NRGBA{0x3a, 0x6e, 0x9e, 0xff},
		Brace:      color.NRGBA{0xff, 0xa7, 0x26, 0xff},
		Mat:        color.NRGBA{0x2e, 0x5e, 0x55, 0xff},
		Floor:      color.NRGBA{0x80, 0x80, 0x80, 0xff},
		Arrow:      color.NRGBA{0xff, 0x6e, 0x6e, 0xff},
		Prop:       color.NRGBA{0xc8, 0x9a, 0x6a, 0xff},
		Ghost:      color.NRGBA{0x3a, 0x3f, 0x47, 0xff},
	}
}

// The figure's drawn thickness beyond the joint radii, in metres.
const (
	neckRadius = 0.055
	armRoot    = 0.055
	thighRoot  = 0.085
	gap        = 0.018 // the background-coloured outline that separates near limbs
	matDepth   = 0.035
)

// A painter maps the scene onto a picture and fills shapes. It paints the
// part of the picture its image covers; with no image it only measures,
// keeping the pixels its shapes would cover.
type painter struct {
	dst     *image.RGBA     // nil: measure only
	whole   image.Rectangle // the whole picture, which dst lies within
	covered image.Rectangle // what the shapes filled so far cover
	z       vector.Rasterizer
	scale   float64 // pixels per metre
	ox      float64 // pixel x of scene x = 0
	oy      float64 // pixel y of the floor
}

func newPainter(dst *image.RGBA, whole image.Rectangle, f Frame) *painter {
	w, h := float64(whole.Dx()), float64(whole.Dy())
	fw, fh := f.Max.X-f.Min.X, f.Max.Y-f.Min.Y
	s := math.Min(w/fw, h/fh)
	p := &painter{dst: dst, whole: whole, scale: s}
	p.ox = float64(whole.Min.X) + (w-fw*s)/2 - f.Min.X*s
	p.oy = float64(whole.Min.Y) + (h-fh*s)/2 + f.Max.Y*s
	return p
}

func (p *painter) at(q program.Point) pt { return pt{p.ox + q.X*p.scale, p.oy - q.Y*p.scale} }

func (p *painter) fill(s shape, c color.Color) {
	if p.dst == nil {
		p.covered = p.covered.Union(s.bounds().Intersect(p.whole))
		return
	}
	s.fill(p.dst, &p.z, c)
}

// Draw draws the pose into dst, filling it, in the given style.
func Draw(dst *image.RGBA, pose program.Pose, st Style) { drawPart(dst, dst.Bounds(), pose, st) }

// drawPart draws the part that dst covers of a picture with bounds whole,
// dst's bounds lying within whole's: the same pixels as drawing the whole
// picture, for the cost of the part.
func drawPart(dst *image.RGBA, whole image.Rectangle, pose program.Pose, st Style) {
	fillImage(dst, st.Background)
	f := st.frame(pose)
	if f.Empty() || whole.Empty() || dst.Bounds().Empty() {
		return
	}
	p := newPainter(dst, whole, f)
	p.floor(f, pose.Mat, st)
	p.scene(pose, st)
}

// drawFloor draws the part that dst covers of the floor and mat alone, of a
// picture with bounds whole.
func drawFloor(dst *image.RGBA, whole image.Rectangle, pose program.Pose, st Style) {
	fillImage(dst, st.Background)
	f := st.frame(pose)
	if f.Empty() || whole.Empty() || dst.Bounds().Empty() {
		return
	}
	newPainter(dst, whole, f).floor(f, pose.Mat, st)
}

// frame returns the part of the scene to draw the pose in.
func (st Style) frame(pose program.Pose) Frame {
	if !st.Frame.Empty() {
		return st.Frame
	}
	return FrameOf(append([]program.Pose{pose}, st.Ghosts...)...).withArrows(st.Arrows)
}

// scene draws everything but the floor: the props, the ghosts, the figure
// and the arrows.
func (p *painter) scene(pose program.Pose, st Style) {
	p.backProps(pose, st.Prop)
	for _, g := range st.Ghosts {
		p.body(g, st.Ghost, st.Ghost, st.Ghost, st.Ghost, st.Background, false, st.Brace)
	}
	p.body(pose, st.Figure, st.Far, st.Working, st.FarWorking, st.Background, st.Braced, st.Brace)
	p.frontProps(pose, st.Prop, st.Background)
	for _, a := range st.Arrows {
		p.arrow(a, st.Arrow, st.Background)
	}
}

// figureExtent returns the pixels of a picture with bounds whole that
// drawing the pose covers, apart from the floor and the mat.
func figureExtent(whole image.Rectangle, pose program.Pose, st Style) image.Rectangle {
	f := st.frame(pose)
	if f.Empty() || whole.Empty() {
		return image.Rectangle{}
	}
	p := newPainter(nil, whole, f)
	p.scene(pose, st)
	return p.covered
}

// floorExtent returns the pixels of a picture with bounds whole that the
// floor and, on a mat, the mat cover.
func floorExtent(whole image.Rectangle, pose program.Pose, st Style) image.Rectangle {
	f := st.frame(pose)
	if f.Empty() || whole.Empty() {
		return image.Rectangle{}
	}
	p := newPainter(nil, whole, f)
	p.floor(f, pose.Mat, st)
	return p.covered
}

func fillImage(dst *image.RGBA, c color.Color) {
	draw.Draw(dst, dst.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
}

// floor draws the floor line across the image, and the mat under the frame.
func (p *painter) floor(f Frame, mat bool, st Style) {
	b := p.whole
	y := p.oy
	lw := math.Max(1.5, 0.012*p.scale)
	line := []pt{{float64(b.Min.X), y}, {float64(b.Max.X), y}, {float64(b.Max.X), y + lw}, {float64(b.Min.X), y + lw}}
	p.fill(shape{wound(line)}, st.Floor)
	if !mat {
		return
	}
	x0, x1 := p.at(program.Point{X: f.Min.X + 0.04}).x, p.at(program.Point{X: f.Max.X - 0.04}).x
	d := matDepth * p.scale
	r := d / 2
	p.fill(shape{capsule(pt{x0 + r, y + r}, r, pt{x1 - r, y + r}, r)}, st.Mat)
}

// body draws the figure: far limbs, trunk, head, the brace band, near limbs.
func (p *painter) body(pose program.Pose, figure, far, working, farWorking, bg color.Color, braced bool, brace color.Color) {
	pts := pose.Points()
	at := func(j program.Joint) pt { return p.at(pts[j]) }
	rad := func(j program.Joint) float64 { return j.Radius() * p.scale }
	// A limb is narrower where it meets the trunk than the trunk is there.
	root := func(seg program.Segment, j program.Joint) float64 {
		switch seg {
		case program.NearUpperArm, program.FarUpperArm:
			return armRoot * p.scale
		case program.NearThigh, program.FarThigh:
			return thighRoot * p.scale
		}
		return rad(j)
	}
	works := func(l program.Limb) bool {
		for _, w := range pose.Working {
			if w == l {
				return true
			}
		}
		return false
	}
	limb := func(l program.Limb, grow float64) shape {
		var s shape
		for _, seg := range l.Segments() {
			a, b := seg.Ends()
			if seg == program.NearFoot || seg == program.FarFoot {
				ankle := a - 1
				s = append(s, blob([]pt{at(ankle), at(a), at(b)}, []float64{rad(ankle) + grow, rad(a) + grow, rad(b) + grow}))
				continue
			}
			s = append(s, capsule(at(a), root(seg, a)+grow, at(b), rad(b)+grow))
		}
		return s
	}
	colourOf := func(l program.Limb, plain, work color.Color) color.Color {
		if works(l) {
			return work
		}
		return plain
	}
	g := gap * p.scale

	p.fill(limb(program.FarLeg, 0), colourOf(program.FarLeg, far, farWorking))
	p.fill(limb(program.FarArm, 0), colourOf(program.FarArm, far, farWorking))

	var trunk shape
	trunk = append(trunk,
		capsule(at(program.Hip), rad(program.Hip), at(program.Waist), rad(program.Waist)),
		capsule(at(program.Waist), rad(program.Waist), at(program.Shoulder), rad(program.Shoulder)),
		capsule(at(program.Shoulder), neckRadius*p.scale, at(program.Head), neckRadius*p.scale),
		circle(at(program.Head), rad(program.Head)),
	)
	if !pose.Front {
		// A small nose says which way the figure faces.
		d := pts[program.Head].Sub(pts[program.Shoulder])
		d = d.Scale(1 / math.Hypot(d.X, d.Y))
		face := program.Point{X: d.Y, Y: -d.X}
		nose := pts[program.Head].Add(face.Scale(program.Head.Radius() * 0.95)).Add(d.Scale(0.01))
		trunk = append(trunk, circle(p.at(nose), 0.03*p.scale))
	}
	p.fill(trunk, colourOf(program.Trunk, figure, working))
	if braced {
		p.fill(shape{braceBand(at(program.Hip), at(program.Waist), rad(program.Hip)+0.3*g)}, brace)
	}

	p.fill(limb(program.NearLeg, g), bg)
	p.fill(limb(program.NearLeg, 0), colourOf(program.NearLeg, figure, working))
	p.fill(limb(program.NearArm, g), bg)
	p.fill(limb(program.NearArm, 0), colourOf(program.NearArm, figure, working))
}

// braceBand returns a belt around the lower trunk, from just above the hip
// to the waist.
func braceBand(hip, waist pt, r float64) []pt {
	dx, dy := waist.x-hip.x, waist.y-hip.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return nil
	}
	ux, uy := dx/l, dy/l
	nx, ny := -uy, ux
	a := pt{hip.x + ux*l*0.2, hip.y + uy*l*0.2}
	b := pt{hip.x + ux*l*0.95, hip.y + uy*l*0.95}
	return wound([]pt{
		{a.x + nx*r, a.y + ny*r}, {b.x + nx*r, b.y + ny*r},
		{b.x - nx*r, b.y - ny*r}, {a.x - nx*r, a.y - ny*r},
	})
}
