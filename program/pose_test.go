package program

import (
	"math"
	"testing"

	"steady/assets"
)

// deg returns the difference a-b in degrees, in (-180, 180].
func deg(a, b float64) float64 {
	d := math.Remainder(a-b, 2*math.Pi) * 180 / math.Pi
	if d <= -180 {
		d += 360
	}
	return d
}

// jointRanges are the human ranges of motion the figure must stay within, in
// degrees, from the segments' directions (the figure facing +x).
var jointRanges = []struct {
	name     string
	angle    func(a [NumSegments]float64) float64
	min, max float64
}{
	{"spine flexion", func(a [NumSegments]float64) float64 { return deg(a[Lumbar], a[Thoracic]) }, -20, 40},
	{"neck flexion", func(a [NumSegments]float64) float64 { return deg(a[Thoracic], a[Neck]) }, -45, 60},
	{"near shoulder flexion", shoulderFlexion(NearUpperArm), -60, 185},
	{"far shoulder flexion", shoulderFlexion(FarUpperArm), -60, 185},
	{"near elbow flexion", func(a [NumSegments]float64) float64 { return deg(a[NearForearm], a[NearUpperArm]) }, -5, 150},
	{"far elbow flexion", func(a [NumSegments]float64) float64 { return deg(a[FarForearm], a[FarUpperArm]) }, -5, 150},
	{"near wrist extension", func(a [NumSegments]float64) float64 { return deg(a[NearPalm], a[NearForearm]) }, -80, 95},
	{"far wrist extension", func(a [NumSegments]float64) float64 { return deg(a[FarPalm], a[FarForearm]) }, -80, 95},
	{"near hip flexion", hipFlexion(NearThigh), -25, 130},
	{"far hip flexion", hipFlexion(FarThigh), -25, 130},
	{"near knee flexion", func(a [NumSegments]float64) float64 { return deg(a[NearThigh], a[NearShin]) }, -5, 150},
	{"far knee flexion", func(a [NumSegments]float64) float64 { return deg(a[FarThigh], a[FarShin]) }, -5, 150},
	// 90 is neutral; less is pointing the toes, more is pulling them up.
	{"near ankle", func(a [NumSegments]float64) float64 { return deg(a[NearFoot], a[NearShin]) }, 35, 120},
	{"far ankle", func(a [NumSegments]float64) float64 { return deg(a[FarFoot], a[FarShin]) }, 35, 120},
}

func shoulderFlexion(arm Segment) func(a [NumSegments]float64) float64 {
	return func(a [NumSegments]float64) float64 {
		d := deg(a[arm], a[Thoracic]+math.Pi)
		if d <= -90 {
			d += 360
		}
		return d
	}
}

func hipFlexion(thigh Segment) func(a [NumSegments]float64) float64 {
	return func(a [NumSegments]float64) float64 { return deg(a[thigh], a[Lumbar]+math.Pi) }
}

// checkPose reports every way the pose breaks the body's rules.
func checkPose(t *testing.T, p Pose, floorTolerance float64) {
	t.Helper()
	pts := p.Points()
	for s := Lumbar; s < NumSegments; s++ {
		from, to := s.Ends()
		if got, want := pts[from].Dist(pts[to]), s.Length(); math.Abs(got-want) > 1e-9 {
			t.Errorf("%s length: got %.12f, want %.12f", s, got, want)
		}
	}
	for _, foot := range [][3]Joint{{NearAnkle, NearHeel, NearToe}, {FarAnkle, FarHeel, FarToe}} {
		wantHeel := math.Hypot(ankleHeight, ankleBack)
		wantToe := math.Hypot(ankleHeight, footLength-ankleBack)
		if got := pts[foot[0]].Dist(pts[foot[1]]); math.Abs(got-wantHeel) > 1e-9 {
			t.Errorf("%s to %s: got %.12f, want %.12f", foot[0], foot[1], got, wantHeel)
		}
		if got := pts[foot[0]].Dist(pts[foot[2]]); math.Abs(got-wantToe) > 1e-9 {
			t.Errorf("%s to %s: got %.12f, want %.12f", foot[0], foot[2], got, wantToe)
		}
	}
	for _, r := range jointRanges {
		if got := r.angle(p.Angles); got < r.min-1e-6 || got > r.max+1e-6 {
			t.Errorf("%s: got %.1f degrees, want %g..%g", r.name, got, r.min, r.max)
		}
	}
	for _, c := range p.Contacts {
		if got := pts[c].Y - c.Radius(); math.Abs(got) > floorTolerance {
			t.Errorf("contact %s: %.4f m off the floor, want within %g", c, got, floorTolerance)
		}
	}
	for j := Hip; j < NumJoints; j++ {
		if got := pts[j].Y - j.Radius(); got < -floorTolerance {
			t.Errorf("%s: %.4f m below the floor", j, -got)
		}
	}
}

func TestBuiltinPoses(t *testing.T) {
	lib, err := ParsePoses(assets.Poses)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib) == 0 {
		t.Fatal("got no poses, want some")
	}
	for name, p := range lib {
		t.Run(name, func(t *testing.T) {
			if p.Name != name {
				t.Errorf("name: got %q, want %q", p.Name, name)
			}
			checkPose(t, p, 0.001)
		})
	}
}

func TestLookupPose(t *testing.T) {
	names := PoseNames()
	if len(names) == 0 {
		t.Fatal("PoseNames: got none")
	}
	for _, n := range names {
		if p, ok := LookupPose(n); !ok || p.Name != n {
			t.Errorf("LookupPose(%q): got %q, %v; want the pose", n, p.Name, ok)
		}
	}
	if _, ok := LookupPose("no-such-pose"); ok {
		t.Error(`LookupPose("no-such-pose"): got ok, want not found`)
	}
}

func TestInterpolate(t *testing.T) {
	a, b := mustPose(t, "bird-dog-start"), mustPose(t, "bird-dog-arm-leg")
	t.Run("ends", func(t *testing.T) {
		for _, c := range []struct {
			t    float64
			want Pose
		}{{0, a}, {1, b}} {
			got := Interpolate(a, b, c.t).Points()
			want := c.want.Points()
			for j := range got {
				if got[j].Dist(want[j]) > 1e-9 {
					t.Errorf("t=%g %s: got %v, want %v", c.t, Joint(j), got[j], want[j])
				}
			}
		}
	})
	t.Run("shared contact stays put", func(t *testing.T) {
		arm := mustPose(t, "bird-dog-arm")
		for _, f := range []float64{0.25, 0.5, 0.75} {
			mid := Interpolate(a, arm, f)
			if got, want := mid.Points()[FarKnee], a.Points()[FarKnee]; got.Dist(want) > 1e-9 {
				t.Errorf("t=%g far knee: got %v, want %v", f, got, want)
			}
			checkLengths(t, mid)
		}
	})
	t.Run("lifted clear of the floor", func(t *testing.T) {
		// Rolling from a side bridge to a plank swings the top arm down
		// through where the floor is.
		mid := Interpolate(mustPose(t, "side-bridge-feet-up"), mustPose(t, "plank"), 0.5)
		pts := mid.Points()
		if got := pts[NearHand].Y - NearHand.Radius(); math.Abs(got) > 1e-9 {
			t.Errorf("near hand: got %.4f m above the floor, want 0", got)
		}
	})
	t.Run("short way round", func(t *testing.T) {
		var p, q Pose
		p.Angles[Neck] = 170 * math.Pi / 180
		q.Angles[Neck] = -170 * math.Pi / 180
		got := Interpolate(p, q, 0.5).Angles[Neck]
		if d := math.Abs(deg(got, math.Pi)); d > 1e-9 {
			t.Errorf("halfway from 170 to -170 degrees: got %.3f, want 180", got*180/math.Pi)
		}
	})
}

func checkLengths(t *testing.T, p Pose) {
	t.Helper()
	pts := p.Points()
	for s := Lumbar; s < NumSegments; s++ {
		from, to := s.Ends()
		if got, want := pts[from].Dist(pts[to]), s.Length(); math.Abs(got-want) > 1e-9 {
			t.Errorf("%s length: got %.12f, want %.12f", s, got, want)
		}
	}
}

func TestParsePosesErrors(t *testing.T) {
	full := "[pose.angles]\nlumbar=90\nthoracic=90\nneck=90\nupper-arm=-90\nforearm=-90\nhand=-90\nthigh=-90\nshin=-90\nfoot=0\n"
	for _, c := range []struct{ name, toml string }{
		{"no name", "[[pose]]\n" + full},
		{"missing angle", "[[pose]]\nname=\"a\"\n[pose.angles]\nlumbar=90\n"},
		{"unknown segment", "[[pose]]\nname=\"a\"\n" + full + "tail=3\n"},
		{"unknown joint", "[[pose]]\nname=\"a\"\ncontacts=[\"nose\"]\n" + full},
		{"fit of a non-contact", "[[pose]]\nname=\"a\"\ncontacts=[\"near-heel\"]\nfit={far-heel=[\"far-shin\"]}\n" + full},
		{"unreachable fit", "[[pose]]\nname=\"a\"\ncontacts=[\"near-heel\", \"head\"]\nfit={head=[\"neck\"]}\n" + full},
		{"duplicate", "[[pose]]\nname=\"a\"\n" + full + "[[pose]]\nname=\"a\"\n" + full},
		{"bad toml", "[[pose]\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := ParsePoses([]byte(c.toml)); err == nil {
				t.Error("got no error, want one")
			}
		})
	}
}

func mustPose(t *testing.T, name string) Pose {
	t.Helper()
	p, ok := LookupPose(name)
	if !ok {
		t.Fatalf("pose %q: not found", name)
	}
	return p
}

// movements are the key-pose sequences the routine animates.
var movements = [][]string{
	{"hooklying", "heel-slide-out"},
	{"curl-up-start", "curl-up-lifted"},
	{"curl-up-elbows-start", "curl-up-elbows-lifted"},
	{"side-bridge-knees-down", "side-bridge-knees-up"},
	{"side-bridge-feet-down", "side-bridge-feet-up"},
	{"side-bridge-feet-up", "plank"},
	{"bird-dog-start", "bird-dog-arm-leg"},
	{"bird-dog-start", "bird-dog-arm"},
	{"bird-dog-start", "bird-dog-leg"},
	{"bird-dog-arm-leg", "bird-dog-tuck"},
	{"hooklying", "bridge-up"},
	{"dead-bug-start", "dead-bug-arm-leg"},
	{"hinge-upright", "hinge-bent"},
	{"carry-a", "carry-b"},
	{"split-squat-up", "split-squat-down"},
	{"sitting", "sit-lean", "stand-by-chair"},
	{"walking-a", "walking-b"},
}

// TestMovementsStayOnTheFloor checks the in-between frames of every movement:
// the body keeps its proportions, does not sink into the floor, and does not
// float: some joint touches it.
func TestMovementsStayOnTheFloor(t *testing.T) {
	const sink = 0.001
	for _, m := range movements {
		for i := 0; i+1 < len(m); i++ {
			a, b := mustPose(t, m[i]), mustPose(t, m[i+1])
			t.Run(m[i]+"->"+m[i+1], func(t *testing.T) {
				for _, f := range []float64{0.1, 0.25, 0.5, 0.75, 0.9} {
					mid := Interpolate(a, b, f)
					checkLengths(t, mid)
					pts := mid.Points()
					low := math.Inf(1)
					for j := Hip; j < NumJoints; j++ {
						got := pts[j].Y - j.Radius()
						if got < -sink {
							t.Errorf("t=%g %s: %.3f m below the floor, want at most %g", f, j, -got, sink)
						}
						low = math.Min(low, got)
					}
					if low > 0.05 {
						t.Errorf("t=%g: lowest joint %.3f m above the floor, want the body on it", f, low)
					}
				}
			})
		}
	}
}
