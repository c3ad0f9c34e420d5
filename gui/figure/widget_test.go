package figure

import (
	"image"
	"image/color"
	"image/draw"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"steady/program"
)

// fakeTicker is a ticker the test drives by hand.
type fakeTicker struct {
	c       chan time.Time
	stopped chan struct{}
	once    sync.Once
}

func (t *fakeTicker) C() <-chan time.Time { return t.c }
func (t *fakeTicker) Stop()               { t.once.Do(func() { close(t.stopped) }) }

// figureAt returns a figure whose clock reads *now and whose ticker never
// ticks: the test draws its frames itself.
func figureAt(now *time.Time) *Figure {
	f := New()
	f.now = func() time.Time { return *now }
	f.newTicker = func(time.Duration) ticker {
		return &fakeTicker{c: make(chan time.Time), stopped: make(chan struct{})}
	}
	return f
}

// rig is a figure with a fake clock, fake ticker and a fake driver that draws
// the raster (calls its generator) on every refresh, as a real one would on
// the next paint.
type rig struct {
	f       *Figure
	now     time.Time
	tickers []*fakeTicker
	drawn   chan program.Pose // one per generator call
}

func newRig(t *testing.T) *rig {
	t.Helper()
	test.NewTempApp(t)
	r := &rig{now: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC), drawn: make(chan program.Pose, 16)}
	f := New()
	f.now = func() time.Time { return r.now }
	f.newTicker = func(time.Duration) ticker {
		tk := &fakeTicker{c: make(chan time.Time), stopped: make(chan struct{})}
		r.tickers = append(r.tickers, tk)
		return tk
	}
	f.draw = func(_ *image.RGBA, _ image.Rectangle, p program.Pose, _ Style) { r.drawn <- p }
	f.refresh = func() { f.generate(80, 60) }
	r.f = f
	return r
}

// frame delivers one tick of the running ticker and returns the pose drawn.
func (r *rig) frame(t *testing.T) program.Pose {
	t.Helper()
	tk := r.running(t)
	tk.c <- r.now
	select {
	case p := <-r.drawn:
		return p
	case <-time.After(5 * time.Second):
		t.Fatal("tick: got no frame drawn, want one")
	}
	return program.Pose{}
}

// running returns the ticker that is running, failing if there is none.
func (r *rig) running(t *testing.T) *fakeTicker {
	t.Helper()
	if len(r.tickers) == 0 {
		t.Fatal("got no ticker, want one running")
	}
	tk := r.tickers[len(r.tickers)-1]
	select {
	case <-tk.stopped:
		t.Fatal("got the ticker stopped, want it running")
	default:
	}
	return tk
}

// waitStopped waits until the last ticker is stopped.
func (r *rig) waitStopped(t *testing.T) {
	t.Helper()
	select {
	case <-r.tickers[len(r.tickers)-1].stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("got the ticker running, want it stopped")
	}
}

// drawCount drains and counts the frames drawn so far.
func (r *rig) drawCount() int {
	n := 0
	for {
		select {
		case <-r.drawn:
			n++
		default:
			return n
		}
	}
}

func pose(t *testing.T, name string) program.Pose {
	t.Helper()
	p, ok := program.LookupPose(name)
	if !ok {
		t.Fatalf("pose %q not found", name)
	}
	return p
}

func samePose(a, b program.Pose) bool {
	pa, pb := a.Points(), b.Points()
	for j := range pa {
		if pa[j].Dist(pb[j]) > 1e-9 {
			return false
		}
	}
	return true
}

func TestFigureAnimates(t *testing.T) {
	r := newRig(t)
	a, b := pose(t, "bird-dog-start"), pose(t, "bird-dog-arm-leg")
	r.f.SetStep([]program.Pose{a, b}, true, 2*time.Second, r.now)
	if got := r.drawCount(); got != 1 {
		t.Fatalf("frames drawn by SetStep: got %d, want 1", got)
	}
	r.now = r.now.Add(time.Second)
	if got, want := r.frame(t), program.Interpolate(a, b, 0.5); !samePose(got, want) {
		t.Error("frame halfway: got a pose other than halfway between the key poses")
	}
	r.now = r.now.Add(1500 * time.Millisecond)
	if got := r.frame(t); !samePose(got, b) {
		t.Error("frame after the end: got a pose other than the last key pose")
	}
	r.waitStopped(t)
	if got := r.drawCount(); got != 0 {
		t.Errorf("frames drawn after the end: got %d, want 0", got)
	}
}

func TestFigureStillDoesNotAnimate(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(f *Figure, now time.Time, p program.Pose)
	}{
		{"SetStill", func(f *Figure, _ time.Time, p program.Pose) { f.SetStill(p) }},
		{"one-pose step", func(f *Figure, now time.Time, p program.Pose) {
			f.SetStep([]program.Pose{p}, true, 10*time.Second, now)
		}},
		{"finished step", func(f *Figure, now time.Time, p program.Pose) {
			f.SetStep([]program.Pose{p, p}, false, time.Second, now.Add(-2*time.Second))
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newRig(t)
			c.set(r.f, r.now, pose(t, "hooklying"))
			if got := r.drawCount(); got != 1 {
				t.Errorf("frames drawn: got %d, want 1", got)
			}
			if got := len(r.tickers); got != 0 {
				t.Errorf("tickers started: got %d, want 0", got)
			}
		})
	}
}

func TestFigurePauseStopsRedraws(t *testing.T) {
	r := newRig(t)
	a, b := pose(t, "hooklying"), pose(t, "bridge-up")
	r.f.SetStep([]program.Pose{a, b}, true, 4*time.Second, r.now)
	r.drawCount()
	r.now = r.now.Add(time.Second)
	r.frame(t)

	r.f.Pause()
	r.waitStopped(t)
	r.now = r.now.Add(time.Minute) // a long pause
	if got := r.drawCount(); got != 0 {
		t.Errorf("frames drawn while paused: got %d, want 0", got)
	}

	r.f.Resume()
	if got := len(r.tickers); got != 2 {
		t.Fatalf("tickers after Resume: got %d, want 2", got)
	}
	r.drawCount() // the frame Resume draws
	r.now = r.now.Add(time.Second)
	// Two seconds of movement have played in all: halfway, whatever the pause.
	if got, want := r.frame(t), program.Interpolate(a, b, 0.5); !samePose(got, want) {
		t.Error("frame after resuming: got a pose other than halfway")
	}
}

func TestFigureNewStepStopsOldTicker(t *testing.T) {
	r := newRig(t)
	a, b := pose(t, "hooklying"), pose(t, "bridge-up")
	r.f.SetStep([]program.Pose{a, b}, true, 4*time.Second, r.now)
	r.f.SetStep([]program.Pose{b, a}, true, 4*time.Second, r.now)
	select {
	case <-r.tickers[0].stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("first step's ticker: got running, want stopped")
	}
	r.running(t)
}

func TestPoseAt(t *testing.T) {
	a, b, c := pose(t, "bird-dog-start"), pose(t, "bird-dog-arm"), pose(t, "bird-dog-arm-leg")
	for _, tc := range []struct {
		name string
		keys []program.Pose
		p    float64
		want program.Pose
	}{
		{"start", []program.Pose{a, b}, 0, a},
		{"end", []program.Pose{a, b}, 1, b},
		{"past the end", []program.Pose{a, b}, 1.5, b},
		{"halfway", []program.Pose{a, b}, 0.5, program.Interpolate(a, b, 0.5)},
		{"eased in", []program.Pose{a, b}, 0.25, program.Interpolate(a, b, 0.15625)},
		{"second pair", []program.Pose{a, b, c}, 0.75, program.Interpolate(b, c, 0.5)},
		{"middle key", []program.Pose{a, b, c}, 0.5, b},
		{"one pose", []program.Pose{c}, 0.3, c},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := PoseAt(tc.keys, tc.p); !samePose(got, tc.want) {
				t.Errorf("PoseAt(%g): got another pose than want", tc.p)
			}
		})
	}
}

// variant forces the default theme's light or dark colours.
type variant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

func TestFigureGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		step program.Step
		at   float64 // progress through the step
		dark bool
	}{
		{"curl-up-move", program.Step{Phase: program.Move, Poses: []string{"curl-up-start", "curl-up-lifted"}, Brace: true}, 0.5, false},
		{"side-bridge-hold", program.Step{Phase: program.Hold, Poses: []string{"side-bridge-knees-up"}, Brace: true}, 0, false},
		{"bird-dog-move-dark", program.Step{Phase: program.Move, Poses: []string{"bird-dog-start", "bird-dog-arm-leg"}, Brace: true}, 0.6, true},
		{"sit-to-stand", program.Step{Phase: program.Move, Poses: []string{"sitting", "sit-lean", "stand-by-chair"}}, 0.4, false},
		{"walking-dark", program.Step{Phase: program.Hold, Poses: []string{"walking-a", "walking-b"}}, 0.012, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			v := theme.VariantLight
			if c.dark {
				v = theme.VariantDark
			}
			a.Settings().SetTheme(variant{theme.DefaultTheme(), v})
			now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
			f := figureAt(&now)
			const dur = 10 * time.Second
			if err := f.ShowStep(c.step, dur, now.Add(-time.Duration(c.at*float64(dur)))); err != nil {
				t.Fatal(err)
			}
			w := test.NewTempWindow(t, f)
			w.SetPadded(false)
			w.Resize(fyne.NewSize(400, 300))
			test.AssertImageMatches(t, c.name+".png", w.Canvas().Capture())
		})
	}
}

func TestShowStepUnknownPose(t *testing.T) {
	test.NewTempApp(t)
	f := New()
	if err := f.ShowStep(program.Step{Cue: "Lift", Poses: []string{"no-such-pose"}}, time.Second, time.Now()); err == nil {
		t.Error("got no error, want one for an unknown pose")
	}
}

func BenchmarkFrame800x600(b *testing.B) {
	a, _ := program.LookupPose("bird-dog-start")
	c, _ := program.LookupPose("bird-dog-arm-leg")
	st := Light()
	st.Braced = true
	st.Arrows = Arrows(a, c)
	st.Frame = FrameOf(a, c)
	dst := image.NewRGBA(image.Rect(0, 0, 800, 600))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Draw(dst, program.Interpolate(a, c, float64(i%30)/30), st)
	}
}

// An owner's BeforeFrame runs before each frame the animation draws, so what
// it redraws lands in the same repaint, and once more when the animation
// stops, so nothing it held back waits for a frame that never comes.
func TestFigureBeforeFrame(t *testing.T) {
	r := newRig(t)
	calls := make(chan program.Pose, 16) // the pose drawn last when BeforeFrame ran
	var last program.Pose
	draw := r.f.draw
	r.f.draw = func(dst *image.RGBA, whole image.Rectangle, p program.Pose, st Style) {
		last = p
		draw(dst, whole, p, st)
	}
	r.f.BeforeFrame = func() { calls <- last }
	count := func() int {
		n := 0
		for {
			select {
			case <-calls:
				n++
			default:
				return n
			}
		}
	}

	a, b := pose(t, "hooklying"), pose(t, "bridge-up")
	r.f.SetStep([]program.Pose{a, b}, true, 4*time.Second, r.now)
	if !r.f.Moving() {
		t.Fatal("Moving is false for an animated step")
	}
	r.drawCount()
	r.now = r.now.Add(time.Second)
	r.frame(t)
	select {
	case p := <-calls:
		if !samePose(p, a) {
			t.Error("BeforeFrame ran after its frame was drawn, want before")
		}
	default:
		t.Fatal("BeforeFrame did not run for a frame")
	}

	r.f.Pause()
	if got := count(); got != 1 {
		t.Errorf("BeforeFrame ran %d times on Pause, want 1", got)
	}
	if r.f.Moving() {
		t.Error("Moving is true while paused")
	}
	r.f.Resume()
	r.drawCount()
	r.now = r.now.Add(10 * time.Second) // past the end: the last frame
	r.frame(t)
	r.waitStopped(t)
	if got := count(); got != 1 {
		t.Errorf("BeforeFrame ran %d times for the last frame, want 1 (the stop)", got)
	}
	if r.f.Moving() {
		t.Error("Moving is true after the last frame")
	}

	r.f.SetStill(a)
	if got := count(); got != 0 {
		t.Errorf("BeforeFrame ran %d times for a still pose, want 0", got)
	}
}

// The window shows the figure as the background with two pictures over it,
// the floor strip and the part the figure moves through. At every moment of
// a step, that must be the very picture of the whole scene, and for a
// walking stride the moving part must be a small share of the widget: it is
// what each frame costs.
func TestFigureDrawsOnlyWhereItMoves(t *testing.T) {
	for _, c := range []struct {
		name  string
		step  program.Step
		share float64 // the most of the widget the moving part may cover
	}{
		{"walking", program.Step{Phase: program.Hold, Poses: []string{"walking-a", "walking-b"}}, 0.5},
		{"bird-dog", program.Step{Phase: program.Move, Poses: []string{"bird-dog-start", "bird-dog-arm-leg"}, Brace: true}, 0.8},
		{"sit-to-stand", program.Step{Phase: program.Move, Poses: []string{"sitting", "sit-lean", "stand-by-chair"}}, 0.8},
		{"heel-slide", program.Step{Phase: program.Move, Poses: []string{"hooklying", "heel-slide-out"}, Brace: true}, 0.8},
		{"still", program.Step{Phase: program.Hold, Poses: []string{"side-bridge-knees-up"}}, 0.8},
	} {
		t.Run(c.name, func(t *testing.T) {
			test.NewTempApp(t)
			start := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
			now := start
			f := figureAt(&now)
			const dur = 6 * time.Second
			if err := f.ShowStep(c.step, dur, start); err != nil {
				t.Fatal(err)
			}
			w := test.NewTempWindow(t, f)
			w.SetPadded(false)
			w.Resize(fyne.NewSize(603, 412))
			if f.whole != image.Rect(0, 0, 603, 412) {
				t.Fatalf("the widget is %v in pixels, want 603x412", f.whole)
			}
			if got := float64(f.part.Dx()*f.part.Dy()) / float64(f.whole.Dx()*f.whole.Dy()); got > c.share {
				t.Errorf("the moving part %v covers %.0f %% of the widget, want at most %.0f %%", f.part, 100*got, 100*c.share)
			}
			if f.strip.Dy() > 30 {
				t.Errorf("the floor strip %v is %d px tall, want a thin strip", f.strip, f.strip.Dy())
			}
			st := f.st
			for i := range 61 {
				now = start.Add(dur * time.Duration(i) / 60)
				want := image.NewRGBA(f.whole)
				pose, _ := f.poseAt(now)
				Draw(want, pose, st)
				got := image.NewRGBA(f.whole)
				fillImage(got, theme.Color(theme.ColorNameBackground))
				draw.Draw(got, f.strip, f.generateGround(f.strip.Dx(), f.strip.Dy()), image.Point{}, draw.Src)
				draw.Draw(got, f.part, f.generate(f.part.Dx(), f.part.Dy()), image.Point{}, draw.Src)
				if n := differing(got, want); n > 0 {
					t.Fatalf("at %v the shown picture differs from the whole scene's in %d pixels", now.Sub(start), n)
				}
			}
		})
	}
}

// differing counts the pixels where a and b differ by more than eight levels
// (3 %) in a channel: an edge rasterised from a shifted origin rounds its
// coverage a little differently (up to five levels, measured).
func differing(a, b *image.RGBA) int {
	n := 0
	for i := 0; i < len(a.Pix); i += 4 {
		for c := range 4 {
			if d := int(a.Pix[i+c]) - int(b.Pix[i+c]); d > 8 || d < -8 {
				n++
				break
			}
		}
	}
	return n
}

// BenchmarkPlace is the work of finding, at each new step, the part of a
// 603x412 widget a walking stride moves through.
func BenchmarkPlace(b *testing.B) {
	test.NewTempApp(b)
	f := New()
	if err := f.ShowStep(program.Step{Phase: program.Hold, Poses: []string{"walking-a", "walking-b"}}, time.Minute, time.Now()); err != nil {
		b.Fatal(err)
	}
	f.Resize(fyne.NewSize(603, 412))
	for b.Loop() {
		f.place()
	}
}

// A walk repeats its stride for minutes: each of the stride's different
// frames is drawn once, then shown again as drawn, at whichever moment near
// its place on the animation's grid the frame comes. A new size or a new
// step draws them afresh.
func TestWalkDrawsEachFrameOfTheStrideOnce(t *testing.T) {
	test.NewTempApp(t)
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	now := start
	f := figureAt(&now)
	draws := 0
	f.draw = func(dst *image.RGBA, whole image.Rectangle, p program.Pose, st Style) {
		draws++
		drawPart(dst, whole, p, st)
	}
	walk := program.Step{Phase: program.Hold, Poses: []string{"walking-a", "walking-b"}}
	if err := f.ShowStep(walk, time.Minute, start); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, f)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(603, 412))

	n := f.strideFrames()
	if n != 18 {
		t.Fatalf("a stride of %v takes %d frames, want 18", cycleTime, n)
	}
	frame := func(k int, late time.Duration) *image.RGBA {
		now = start.Add(time.Duration(k)*FrameInterval + late)
		return f.generate(f.part.Dx(), f.part.Dy()).(*image.RGBA)
	}
	draws = 0
	first := make([]*image.RGBA, n)
	for k := range n {
		first[k] = frame(k, 0)
	}
	if draws != n/2+1 {
		t.Errorf("the first stride drew %d frames, want %d: a frame and its mirror on the way back are one", draws, n/2+1)
	}
	for k := 1; k < n; k++ {
		if first[k] != first[n-k] {
			t.Errorf("frames %d and %d of the stride are different pictures, want the same", k, n-k)
		}
	}
	// Later strides, with the ticker early or late by up to a third of an
	// interval: nothing drawn, each frame the one of its place.
	draws = 0
	for stride := 1; stride <= 4; stride++ {
		for k := range n {
			late := time.Duration((k%5)-2) * FrameInterval / 6
			if got := frame(stride*n+k, late); got != first[k] {
				t.Fatalf("stride %d, frame %d (%v off the grid): not the frame drawn in the first stride", stride, k, late)
			}
		}
	}
	if draws != 0 {
		t.Errorf("the later strides drew %d frames, want none", draws)
	}
	// A kept frame is what drawing it now gives.
	want := image.NewRGBA(first[3].Rect)
	pose, _ := f.poseAt(start.Add(3 * FrameInterval))
	drawPart(want, f.whole.Sub(f.part.Min), pose, f.st)
	if !slices.Equal(want.Pix, first[3].Pix) {
		t.Error("a kept frame differs from the same frame drawn now")
	}

	// Drawn while the clock moves on past the middle of two frames, the
	// frame is kept as the frame of its own place.
	clear(f.strides)
	now = start.Add(7*FrameInterval + FrameInterval*2/5)
	f.now = func() time.Time { t := now; now = now.Add(FrameInterval / 5); return t }
	f.generate(f.part.Dx(), f.part.Dy())
	f.now = func() time.Time { return now }
	for k, img := range f.strides {
		want := image.NewRGBA(img.Rect)
		drawPart(want, f.whole.Sub(f.part.Min), PoseAt(f.keys, f.strideAt(k)), f.st)
		if !slices.Equal(want.Pix, img.Pix) {
			t.Errorf("the frame kept for place %d of the stride is another place's", k)
		}
	}

	w.Resize(fyne.NewSize(500, 380))
	draws = 0
	if got := frame(3, 0); got == first[3] || draws != 1 {
		t.Errorf("after a resize: %d frames drawn, the old picture shown %v; want it drawn afresh", draws, got == first[3])
	}
	w.Resize(fyne.NewSize(603, 412))
	kept := frame(5, 0)
	walk.Brace = true // the same stride, drawn with the trunk braced
	if err := f.ShowStep(walk, time.Minute, start); err != nil {
		t.Fatal(err)
	}
	draws = 0
	if got := frame(5, 0); got == kept || draws != 1 {
		t.Errorf("after a new step: %d frames drawn, the old picture shown %v; want it drawn afresh", draws, got == kept)
	}
}
