package program

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"steady/assets"
)

// A Joint is one point of the illustrated body, seen from the side. "Near"
// limbs are the ones on the viewer's side, "far" limbs the ones behind.
type Joint int

// The joints of the skeleton. Hip is the root of the chain.
const (
	Hip Joint = iota
	Waist
	Shoulder
	Head // the centre of the head
	NearElbow
	NearWrist
	NearHand // the fingertips
	FarElbow
	FarWrist
	FarHand
	NearKnee
	NearAnkle
	NearHeel
	NearToe
	FarKnee
	FarAnkle
	FarHeel
	FarToe
	NumJoints
)

var jointNames = [NumJoints]string{
	"hip", "waist", "shoulder", "head",
	"near-elbow", "near-wrist", "near-hand",
	"far-elbow", "far-wrist", "far-hand",
	"near-knee", "near-ankle", "near-heel", "near-toe",
	"far-knee", "far-ankle", "far-heel", "far-toe",
}

func (j Joint) String() string {
	if j < 0 || j >= NumJoints {
		return fmt.Sprintf("joint(%d)", int(j))
	}
	return jointNames[j]
}

// Radius is the half-thickness of the body at the joint, in metres: a joint
// touching the floor has its centre this high above it.
func (j Joint) Radius() float64 {
	return jointRadius[j]
}

var jointRadius = [NumJoints]float64{
	Hip: 0.12, Waist: 0.11, Shoulder: 0.12, Head: 0.115,
	NearElbow: 0.042, NearWrist: 0.03, NearHand: 0.03,
	FarElbow: 0.042, FarWrist: 0.03, FarHand: 0.03,
	NearKnee: 0.055, NearAnkle: 0.04, NearHeel: 0.025, NearToe: 0.025,
	FarKnee: 0.055, FarAnkle: 0.04, FarHeel: 0.025, FarToe: 0.025,
}

// A Segment is one bone of the skeleton, between two joints. A pose gives each
// segment a direction; the bone lengths never change.
type Segment int

// The segments of the skeleton. The trunk has two, lumbar and thoracic, so a
// neutral spine (both in line) can be told from a bent one.
const (
	Lumbar   Segment = iota // hip to waist
	Thoracic                // waist to shoulder
	Neck                    // shoulder to the centre of the head
	NearUpperArm
	NearForearm
	NearPalm
	FarUpperArm
	FarForearm
	FarPalm
	NearThigh
	NearShin
	NearFoot // the direction from heel to toe
	FarThigh
	FarShin
	FarFoot
	NumSegments
)

// A bone joins two joints with a fixed length.
type bone struct {
	name     string
	from, to Joint
	length   float64 // metres
}

// bones is the skeleton: a side-view adult about 1.75 m tall. The foot is
// special: its segment runs from heel to toe and the ankle sits above it.
var bones = [NumSegments]bone{
	Lumbar:       {"lumbar", Hip, Waist, 0.20},
	Thoracic:     {"thoracic", Waist, Shoulder, 0.28},
	Neck:         {"neck", Shoulder, Head, 0.24},
	NearUpperArm: {"near-upper-arm", Shoulder, NearElbow, 0.29},
	NearForearm:  {"near-forearm", NearElbow, NearWrist, 0.25},
	NearPalm:     {"near-hand", NearWrist, NearHand, 0.09},
	FarUpperArm:  {"far-upper-arm", Shoulder, FarElbow, 0.29},
	FarForearm:   {"far-forearm", FarElbow, FarWrist, 0.25},
	FarPalm:      {"far-hand", FarWrist, FarHand, 0.09},
	NearThigh:    {"near-thigh", Hip, NearKnee, 0.42},
	NearShin:     {"near-shin", NearKnee, NearAnkle, 0.42},
	NearFoot:     {"near-foot", NearHeel, NearToe, footLength},
	FarThigh:     {"far-thigh", Hip, FarKnee, 0.42},
	FarShin:      {"far-shin", FarKnee, FarAnkle, 0.42},
	FarFoot:      {"far-foot", FarHeel, FarToe, footLength},
}

// The foot's shape: the ankle is ankleHeight above the sole and ankleBack
// in front of the heel.
const (
	footLength  = 0.24
	ankleHeight = 0.07
	ankleBack   = 0.05
)

func (s Segment) String() string {
	if s < 0 || s >= NumSegments {
		return fmt.Sprintf("segment(%d)", int(s))
	}
	return bones[s].name
}

// Ends returns the joints the segment joins.
func (s Segment) Ends() (from, to Joint) { return bones[s].from, bones[s].to }

// Length returns the segment's length in metres.
func (s Segment) Length() float64 { return bones[s].length }

// A Point is a position in the side view, in metres: x forward (to the right),
// y up, the floor at y = 0.
type Point struct{ X, Y float64 }

// Add returns p + q.
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

// Sub returns p - q.
func (p Point) Sub(q Point) Point { return Point{p.X - q.X, p.Y - q.Y} }

// Scale returns p scaled by k.
func (p Point) Scale(k float64) Point { return Point{p.X * k, p.Y * k} }

// Dist returns the distance from p to q.
func (p Point) Dist(q Point) float64 { return math.Hypot(p.X-q.X, p.Y-q.Y) }

// A Limb names a group of segments an exercise works, so the illustration can
// highlight it.
type Limb string

// The limbs a pose can mark as working.
const (
	NearArm Limb = "near-arm"
	FarArm  Limb = "far-arm"
	NearLeg Limb = "near-leg"
	FarLeg  Limb = "far-leg"
	Trunk   Limb = "trunk"
)

// Segments returns the segments of the limb.
func (l Limb) Segments() []Segment {
	switch l {
	case NearArm:
		return []Segment{NearUpperArm, NearForearm, NearPalm}
	case FarArm:
		return []Segment{FarUpperArm, FarForearm, FarPalm}
	case NearLeg:
		return []Segment{NearThigh, NearShin, NearFoot}
	case FarLeg:
		return []Segment{FarThigh, FarShin, FarFoot}
	case Trunk:
		return []Segment{Lumbar, Thoracic}
	}
	return nil
}

// A Prop is an object drawn with the figure.
type Prop string

// The props a pose can show.
const (
	Chair  Prop = "chair"  // a chair behind the figure; its seat is at ChairSeat
	Stick  Prop = "stick"  // a stick held along the back, touching head, upper back and sacrum
	Weight Prop = "weight" // a weight carried in the near hand
)

// The chair's place, in the same coordinates as the poses: the figure's feet
// are at x = 0. The seat spans ChairFront-ChairDepth .. ChairFront.
const (
	ChairSeat  = 0.46
	ChairFront = -0.25
	ChairDepth = 0.45
)

// A Pose is one key position of the illustrated body, seen from the side: the
// direction of each segment and where the hip (the root of the chain) is.
// Joint positions follow by forward kinematics, so the body's proportions are
// the same in every pose.
type Pose struct {
	Name     string
	Root     Point                // the hip
	Angles   [NumSegments]float64 // direction of each segment, radians anticlockwise from +x
	Contacts []Joint              // joints resting on the floor
	Mat      bool                 // drawn on an exercise mat
	Working  []Limb               // limbs the exercise works, highlighted
	Props    []Prop
	Front    bool // seen from the front (a side bridge), not from the side
}

// Points returns the position of every joint.
func (p Pose) Points() [NumJoints]Point {
	pts := relativePoints(p.Angles)
	for i := range pts {
		pts[i] = pts[i].Add(p.Root)
	}
	return pts
}

// relativePoints places the joints with the hip at the origin.
func relativePoints(a [NumSegments]float64) [NumJoints]Point {
	var pts [NumJoints]Point
	for s := Lumbar; s < NumSegments; s++ {
		b := bones[s]
		switch s {
		case NearFoot, FarFoot:
			ankle := pts[b.from-1] // the ankle precedes the heel
			d := dir(a[s])
			up := Point{-d.Y, d.X}
			heel := ankle.Sub(up.Scale(ankleHeight)).Sub(d.Scale(ankleBack))
			pts[b.from] = heel
			pts[b.to] = heel.Add(d.Scale(b.length))
		default:
			pts[b.to] = pts[b.from].Add(dir(a[s]).Scale(b.length))
		}
	}
	return pts
}

func dir(a float64) Point { return Point{math.Cos(a), math.Sin(a)} }

// place sets p.Root so the first contact rests on the floor at x = 0, or the
// hip stands at (0, 1) when nothing touches the floor.
func (p *Pose) place() {
	if len(p.Contacts) == 0 {
		p.Root = Point{0, 1}
		return
	}
	c := p.Contacts[0]
	rel := relativePoints(p.Angles)[c]
	p.Root = Point{-rel.X, c.Radius() - rel.Y}
}

// Interpolate returns the pose a fraction t (0..1) of the way from a to b.
// Each segment turns the short way round. When a and b share a floor contact,
// that contact slides straight from its place in a to its place in b, so a
// body resting on the floor stays on it; otherwise the hip moves in a line.
// Should a limb swing through the floor on the way, the body is lifted just
// clear of it.
func Interpolate(a, b Pose, t float64) Pose {
	out := Pose{Name: a.Name, Mat: a.Mat || b.Mat}
	if t >= 0.5 {
		out.Name = b.Name
	}
	for s := range out.Angles {
		d := math.Remainder(b.Angles[s]-a.Angles[s], 2*math.Pi)
		out.Angles[s] = a.Angles[s] + d*t
	}
	for _, c := range a.Contacts {
		if slices.Contains(b.Contacts, c) {
			out.Contacts = append(out.Contacts, c)
		}
	}
	out.Working = union(a.Working, b.Working)
	out.Props = union(a.Props, b.Props)
	if len(out.Contacts) == 0 {
		out.Root = lerp(a.Root, b.Root, t)
		out.liftClear()
		return out
	}
	c := out.Contacts[0]
	target := lerp(a.Points()[c], b.Points()[c], t)
	out.Root = target.Sub(relativePoints(out.Angles)[c])
	out.liftClear()
	return out
}

// liftClear raises the pose just enough that no joint is below the floor.
func (p *Pose) liftClear() {
	low := 0.0
	for j, q := range p.Points() {
		low = math.Min(low, q.Y-Joint(j).Radius())
	}
	p.Root.Y -= low
}

func lerp(p, q Point, t float64) Point { return p.Add(q.Sub(p).Scale(t)) }

func union[T comparable](a, b []T) []T {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// LookupPose returns the pose of the built-in pose library with the given name.
func LookupPose(name string) (Pose, bool) {
	lib, err := builtinPoses()
	if err != nil {
		return Pose{}, false
	}
	p, ok := lib[name]
	return p, ok
}

// PoseNames returns the names of the built-in poses, sorted.
func PoseNames() []string {
	lib, err := builtinPoses()
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(lib))
	for n := range lib {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// builtinPoses parses the embedded pose library once; the result is never
// modified afterwards.
var builtinPoses = sync.OnceValues(func() (map[string]Pose, error) {
	return ParsePoses(assets.Poses)
})

// poseFile is the TOML form of a pose library.
type poseFile struct {
	Pose []struct {
		Name     string
		Contacts []string
		Fit      map[string][]string
		Mat      bool
		Working  []string
		Props    []string
		Align    string             // keep the first contact where it is in this earlier pose
		View     string             // "side" (the default) or "front"
		Angles   map[string]float64 // degrees
	}
}

// ParsePoses reads a pose library in TOML.
//
// Each [[pose]] has a name, the joints touching the floor (contacts), mat,
// working limbs, props, the view ("side", or "front" for a pose like the side
// bridge that reads best from the front) and an angles table giving each segment's direction in
// degrees, anticlockwise from "forward" (+x): 90 is straight up, -90 straight
// down. A limb segment named without "near-" or "far-" (e.g. "thigh") sets
// both sides; a sided name overrides it.
//
// The pose is placed so its first contact rests on the floor at x = 0, or,
// with align naming an earlier pose, where that contact is in that pose. For
// each further contact, fit may name the segments (or limbs) to turn, all by
// the same small angle, until that contact rests on the floor too: authors
// give the shape, the loader makes it touch.
func ParsePoses(data []byte) (map[string]Pose, error) {
	var f poseFile
	if _, err := toml.Decode(string(data), &f); err != nil {
		return nil, fmt.Errorf("program: parse poses: %w", err)
	}
	lib := make(map[string]Pose, len(f.Pose))
	for _, fp := range f.Pose {
		if fp.Name == "" {
			return nil, fmt.Errorf("program: parse poses: a pose has no name")
		}
		if _, dup := lib[fp.Name]; dup {
			return nil, fmt.Errorf("program: parse poses: pose %q defined twice", fp.Name)
		}
		p := Pose{Name: fp.Name, Mat: fp.Mat}
		switch fp.View {
		case "", "side":
		case "front":
			p.Front = true
		default:
			return nil, fmt.Errorf("program: parse poses: pose %q: unknown view %q", fp.Name, fp.View)
		}
		var set [NumSegments]bool
		// Unsided names first, so sided ones override them.
		keys := make([]string, 0, len(fp.Angles))
		for k := range fp.Angles {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			si, sj := sided(keys[i]), sided(keys[j])
			if si != sj {
				return !si
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			segs, ok := segmentsNamed(k)
			if !ok {
				return nil, fmt.Errorf("program: parse poses: pose %q: unknown segment %q", fp.Name, k)
			}
			for _, s := range segs {
				p.Angles[s] = fp.Angles[k] * math.Pi / 180
				set[s] = true
			}
		}
		for s, ok := range set {
			if !ok {
				return nil, fmt.Errorf("program: parse poses: pose %q: no angle for %s", fp.Name, Segment(s))
			}
		}
		for _, c := range fp.Contacts {
			j, ok := jointNamed(c)
			if !ok {
				return nil, fmt.Errorf("program: parse poses: pose %q: unknown joint %q", fp.Name, c)
			}
			p.Contacts = append(p.Contacts, j)
		}
		for _, w := range fp.Working {
			l := Limb(w)
			if l.Segments() == nil {
				return nil, fmt.Errorf("program: parse poses: pose %q: unknown limb %q", fp.Name, w)
			}
			p.Working = append(p.Working, l)
		}
		for _, pr := range fp.Props {
			switch Prop(pr) {
			case Chair, Stick, Weight:
				p.Props = append(p.Props, Prop(pr))
			default:
				return nil, fmt.Errorf("program: parse poses: pose %q: unknown prop %q", fp.Name, pr)
			}
		}
		p.place()
		for i, c := range p.Contacts {
			names, ok := fp.Fit[c.String()]
			if !ok {
				continue
			}
			if i == 0 {
				return nil, fmt.Errorf("program: parse poses: pose %q: fit %s: the first contact is placed, not fitted", fp.Name, c)
			}
			var segs []Segment
			for _, n := range names {
				ss, ok := segmentsNamed(n)
				if !ok {
					return nil, fmt.Errorf("program: parse poses: pose %q: fit %s: unknown segment %q", fp.Name, c, n)
				}
				segs = append(segs, ss...)
			}
			if err := p.fit(c, segs); err != nil {
				return nil, fmt.Errorf("program: parse poses: pose %q: %w", fp.Name, err)
			}
		}
		for c := range fp.Fit {
			if j, ok := jointNamed(c); !ok || !slices.Contains(p.Contacts, j) {
				return nil, fmt.Errorf("program: parse poses: pose %q: fit %q is not a contact", fp.Name, c)
			}
		}
		if fp.Align != "" {
			ref, ok := lib[fp.Align]
			if !ok {
				return nil, fmt.Errorf("program: parse poses: pose %q: align: no earlier pose %q", fp.Name, fp.Align)
			}
			if len(p.Contacts) == 0 {
				return nil, fmt.Errorf("program: parse poses: pose %q: align: no contact to align", fp.Name)
			}
			c := p.Contacts[0]
			p.Root.X += ref.Points()[c].X - p.Points()[c].X
		}
		lib[p.Name] = p
	}
	return lib, nil
}

// fit turns segs, all by the same angle (the smallest within 45 degrees), so
// that contact c rests on the floor, then places the pose again.
func (p *Pose) fit(c Joint, segs []Segment) error {
	base := p.Angles
	height := func(delta float64) float64 {
		q := *p
		for _, s := range segs {
			q.Angles[s] = base[s] + delta
		}
		q.place()
		return q.Points()[c].Y - c.Radius()
	}
	const step = 0.25 * math.Pi / 180
	lo, hi, found := 0.0, 0.0, false
	for i := 0; i < 180 && !found; i++ {
		for _, sign := range []float64{1, -1} {
			a, b := sign*float64(i)*step, sign*float64(i+1)*step
			if ha, hb := height(a), height(b); ha == 0 || ha*hb < 0 {
				lo, hi, found = a, b, true
				break
			}
		}
	}
	if !found {
		return fmt.Errorf("fit %s: no turn within 45 degrees rests it on the floor", c)
	}
	hlo := height(lo)
	for range 60 {
		mid := (lo + hi) / 2
		if hm := height(mid); hm*hlo > 0 {
			lo, hlo = mid, hm
		} else {
			hi = mid
		}
	}
	for _, s := range segs {
		p.Angles[s] = base[s] + (lo+hi)/2
	}
	p.place()
	return nil
}

func sided(name string) bool {
	return strings.HasPrefix(name, "near-") || strings.HasPrefix(name, "far-")
}

// segmentsNamed resolves a segment name, an unsided limb segment name
// ("thigh": both thighs) or a limb name ("near-leg").
func segmentsNamed(name string) ([]Segment, bool) {
	for s := Lumbar; s < NumSegments; s++ {
		if bones[s].name == name {
			return []Segment{s}, true
		}
	}
	if segs := Limb(name).Segments(); segs != nil {
		return segs, true
	}
	if sided(name) {
		return nil, false
	}
	near, okn := segmentsNamed("near-" + name)
	far, okf := segmentsNamed("far-" + name)
	if !okn || !okf {
		return nil, false
	}
	return append(near, far...), true
}

func jointNamed(name string) (Joint, bool) {
	i := slices.Index(jointNames[:], name)
	return Joint(i), i >= 0
}
