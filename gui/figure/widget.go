package figure

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/program"
)

// FrameInterval is the time between animation frames: 15 a second, the
// rate of hand-drawn animation, smooth enough for movements that take a
// second or more, seen from across a room. Each frame repaints the whole
// window, which costs a lot where the window is drawn in software: in a
// walking hold, 20 frames a second took 28 % of a core, 15 take 22 %.
const FrameInterval = time.Second / 15

// A ticker delivers animation frames; tests replace it with one they drive.
type ticker interface {
	C() <-chan time.Time
	Stop()
}

type realTicker struct{ *time.Ticker }

func (t realTicker) C() <-chan time.Time { return t.Ticker.C }

// Figure is a widget that shows one step of an exercise: still, or animated
// through the step's key poses over its duration. It draws into one raster,
// and redraws only while it animates.
//
// Its methods must be called on Fyne's goroutine (from a callback, or through
// fyne.Do).
type Figure struct {
	widget.BaseWidget

	raster *canvas.Raster
	img    *image.RGBA // reused between frames of the same size

	keys     []program.Pose
	braced   bool
	arrows   []Arrow
	frame    Frame // set by SetFrame: the frame of the whole exercise
	dur      time.Duration
	cycle    time.Duration // when > 0, the poses repeat, there and back, with this period
	started  time.Time
	paused   bool
	pausedAt time.Time

	stop chan struct{} // closes to end the running ticker; nil when still

	// BeforeFrame, when set, is called on Fyne's goroutine before each frame
	// of an animation is drawn and when an animation stops. Each frame
	// repaints the whole window, so an owner with more to redraw while the
	// figure moves can do it here and pay for one repaint instead of two.
	BeforeFrame func()

	// Seams for tests.
	now       func() time.Time
	newTicker func(time.Duration) ticker
	draw      func(dst *image.RGBA, pose program.Pose, st Style)
	refresh   func() // asks the driver to draw the raster again
}

// New returns a figure showing nothing until SetStep or SetStill.
func New() *Figure {
	f := &Figure{
		now:       time.Now,
		newTicker: func(d time.Duration) ticker { return realTicker{time.NewTicker(d)} },
		draw:      Draw,
	}
	f.raster = canvas.NewRaster(f.generate)
	f.refresh = f.raster.Refresh
	f.ExtendBaseWidget(f)
	return f
}

// SetClock makes the figure keep time by now, in place of the system clock,
// so that it plays in step with a session timed by the same clock. Set it
// before showing a step.
func (f *Figure) SetClock(now func() time.Time) { f.now = now }

// CreateRenderer is part of fyne.Widget.
func (f *Figure) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(f.raster)
}

// MinSize is large enough to read the figure.
func (f *Figure) MinSize() fyne.Size { return fyne.NewSize(240, 160) }

// SetFrame fixes the part of the scene the figure shows, so that every step
// of an exercise is drawn at the same scale and place (see ExerciseFrame).
// An empty frame fits each step on its own.
func (f *Figure) SetFrame(fr Frame) {
	f.frame = fr
	f.refresh()
}

// cycleTime is how long a repeating movement (a walking stride) takes to go
// through its key poses and back.
const cycleTime = 1200 * time.Millisecond

// ShowStep shows a step of an exercise that started at startedAt and lasts
// dur. Its key poses play once over dur, eased, with arrows showing the
// movement for Move and Return steps; a Hold step with several poses (walking,
// a carry) repeats them, there and back, every 1.2 s until dur is over. It
// fails if the step names a pose the library lacks.
func (f *Figure) ShowStep(s program.Step, dur time.Duration, startedAt time.Time) error {
	poses := make([]program.Pose, 0, len(s.Poses))
	for _, n := range s.Poses {
		p, ok := program.LookupPose(n)
		if !ok {
			return fmt.Errorf("figure: step %q: no pose %q", s.Cue, n)
		}
		poses = append(poses, p)
	}
	if len(poses) == 0 {
		return fmt.Errorf("figure: step %q: no poses", s.Cue)
	}
	f.SetStep(poses, s.Brace, dur, startedAt)
	switch {
	case len(poses) < 2:
	case s.Phase == program.Hold:
		f.cycle = cycleTime
	case s.Phase == program.Move || s.Phase == program.Return:
		f.arrows = Arrows(poses[0], poses[len(poses)-1])
		f.refresh()
	}
	return nil
}

// SetStep shows key poses: one pose still, or two or more animated in order
// over dur, eased, starting at startedAt. braced highlights the braced trunk.
// It draws no arrows (ShowStep does).
func (f *Figure) SetStep(poses []program.Pose, braced bool, dur time.Duration, startedAt time.Time) {
	f.stopTicker()
	f.keys = append(f.keys[:0], poses...)
	f.braced = braced
	f.dur = dur
	f.cycle = 0
	f.started = startedAt
	f.paused = false
	f.arrows = nil
	if f.animating() {
		f.startTicker()
	}
	f.refresh()
}

// SetStill shows one pose, still.
func (f *Figure) SetStill(pose program.Pose) {
	f.SetStep([]program.Pose{pose}, false, 0, time.Time{})
}

// Pause freezes the animation where it is.
func (f *Figure) Pause() {
	if f.paused || !f.animating() {
		return
	}
	f.paused = true
	f.pausedAt = f.now()
	f.stopTicker()
}

// Resume continues a paused animation from where it froze.
func (f *Figure) Resume() {
	if !f.paused {
		return
	}
	f.paused = false
	f.started = f.started.Add(f.now().Sub(f.pausedAt))
	if f.animating() {
		f.startTicker()
	}
	f.refresh()
}

// animating reports whether the step still has movement to show.
func (f *Figure) animating() bool {
	return len(f.keys) >= 2 && f.dur > 0 && !f.paused && f.progress(f.now()) < 1
}

// progress returns how far through the step the time t is, from 0 to 1.
func (f *Figure) progress(t time.Time) float64 {
	if f.dur <= 0 {
		return 1
	}
	if f.paused {
		t = f.pausedAt
	}
	return math.Max(0, math.Min(1, float64(t.Sub(f.started))/float64(f.dur)))
}

// poseAt returns the pose to show at time t.
func (f *Figure) poseAt(t time.Time) (program.Pose, bool) {
	if len(f.keys) == 0 {
		return program.Pose{}, false
	}
	if f.cycle > 0 {
		if f.paused {
			t = f.pausedAt
		}
		// There and back: 0 -> 1 -> 0 over one cycle.
		c := math.Mod(float64(t.Sub(f.started))/float64(f.cycle), 1)
		if c < 0 {
			c++
		}
		return PoseAt(f.keys, 1-math.Abs(1-2*c)), true
	}
	return PoseAt(f.keys, f.progress(t)), true
}

// PoseAt returns the pose a fraction p (0..1) of the way through the key
// poses, eased in and out between each pair.
func PoseAt(keys []program.Pose, p float64) program.Pose {
	if len(keys) == 1 || p <= 0 {
		return keys[0]
	}
	if p >= 1 {
		return keys[len(keys)-1]
	}
	x := p * float64(len(keys)-1)
	i := int(x)
	return program.Interpolate(keys[i], keys[i+1], ease(x-float64(i)))
}

// ease is a smooth ease-in-out curve from 0 to 1.
func ease(t float64) float64 { return t * t * (3 - 2*t) }

func (f *Figure) startTicker() {
	stop := make(chan struct{})
	f.stop = stop
	t := f.newTicker(FrameInterval)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C():
				fyne.Do(func() { f.tick(stop) })
			}
		}
	}()
}

func (f *Figure) stopTicker() {
	if f.stop != nil {
		close(f.stop)
		f.stop = nil
		f.beforeFrame()
	}
}

// Moving reports whether the figure is animating: it then repaints the
// window on its own, every FrameInterval.
func (f *Figure) Moving() bool { return f.stop != nil }

func (f *Figure) beforeFrame() {
	if f.BeforeFrame != nil {
		f.BeforeFrame()
	}
}

// tick draws the next frame of the animation run that stop belongs to, and
// ends that run once the last pose is reached.
func (f *Figure) tick(stop chan struct{}) {
	if f.stop != stop {
		return // a frame of an earlier step, delivered late
	}
	if f.animating() {
		f.beforeFrame()
	} else {
		f.stopTicker()
	}
	f.refresh()
}

// generate draws the current frame into the reused image.
// traceSize makes every figure print its picture's size in pixels whenever
// that changes, for measuring against a picture of the same size (make
// bench). The variable is set by the bench, not meant for users, and not in
// -help.
var traceSize = os.Getenv(TraceSizeEnv) != ""

// TraceSizeEnv is the environment variable that asks for traceSize.
const TraceSizeEnv = "STEADY_FIGURE_SIZE"

func (f *Figure) generate(w, h int) image.Image {
	if f.img == nil || f.img.Bounds().Dx() != w || f.img.Bounds().Dy() != h {
		f.img = image.NewRGBA(image.Rect(0, 0, w, h))
		if traceSize {
			fmt.Fprintf(os.Stderr, "figure: %dx%d px\n", w, h)
		}
	}
	st := f.style()
	pose, ok := f.poseAt(f.now())
	if !ok {
		fillImage(f.img, st.Background)
		return f.img
	}
	st.Braced = f.braced
	st.Arrows = f.arrows
	st.Frame = f.frame.Union(FrameOf(f.keys...)).withArrows(f.arrows)
	f.draw(f.img, pose, st)
	return f.img
}

// style takes the figure's colours from the Fyne theme.
func (f *Figure) style() Style {
	c := func(n fyne.ThemeColorName) color.Color { return theme.ColorForWidget(n, f) }
	bg, fg, primary := c(theme.ColorNameBackground), c(theme.ColorNameForeground), c(theme.ColorNamePrimary)
	base := Light()
	if luminance(bg) < 0.5 {
		base = Dark()
	}
	base.Background = bg
	base.Figure = fg
	base.Far = mix(fg, bg, 0.55)
	base.Working = primary
	base.FarWorking = mix(primary, bg, 0.5)
	base.Brace = c(theme.ColorNameWarning)
	base.Arrow = c(theme.ColorNameError)
	base.Mat = mix(c(theme.ColorNameSuccess), bg, 0.6)
	base.Floor = mix(fg, bg, 0.6)
	base.Ghost = mix(fg, bg, 0.85)
	return base
}

// mix returns a blended k of the way from a to b.
func mix(a, b color.Color, k float64) color.Color {
	ca, cb := color.NRGBAModel.Convert(a).(color.NRGBA), color.NRGBAModel.Convert(b).(color.NRGBA)
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-k) + float64(y)*k)) }
	return color.NRGBA{m(ca.R, cb.R), m(ca.G, cb.G), m(ca.B, cb.B), 0xff}
}

func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return (0.2126*float64(n.R) + 0.7152*float64(n.G) + 0.0722*float64(n.B)) / 255
}

// ExerciseFrame returns the frame holding every pose of the exercise, so its
// steps share one scale and place.
func ExerciseFrame(e *program.Exercise) Frame {
	var poses []program.Pose
	for _, s := range e.Steps {
		for _, n := range s.Poses {
			if p, ok := program.LookupPose(n); ok {
				poses = append(poses, p)
			}
		}
	}
	return FrameOf(poses...)
}
