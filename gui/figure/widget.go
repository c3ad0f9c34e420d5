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
// through the step's key poses over its duration. It redraws only while it
// animates, and then only the part of itself the figure moves through.
//
// Each frame of an animation repaints the whole window, and where the window
// is drawn in software every picture in it costs in proportion to its area,
// each frame. So the figure is drawn as two pictures over the window's
// background: the floor, a thin strip across the widget drawn once a step,
// and the part of the scene the step's poses and arrows reach, drawn each
// frame; the rest of the widget is the background and is not drawn at all.
// Where the figure's background is not the window's (a theme that gives the
// widget another), the moving picture covers the whole widget instead. A
// repeating movement (a walk) is shown on the animation's grid of frames,
// and each different frame of its stride is drawn once and kept.
//
// Its methods must be called on Fyne's goroutine (from a callback, or through
// fyne.Do).
type Figure struct {
	widget.BaseWidget

	moving *canvas.Raster // the part the figure moves through, drawn each frame
	ground *canvas.Raster // the floor and mat, drawn when the step changes
	img    *image.RGBA    // the moving part's, reused between frames of the same size
	under  *image.RGBA    // the ground's
	// strides keeps the frames of a repeating movement once drawn, by its
	// place in the stride (strideFrame), for the step as placed: a walk shows
	// the same ten frames again and again for minutes.
	strides map[int]*image.RGBA

	whole image.Rectangle    // the widget in pixels
	part  image.Rectangle    // where moving is, in whole's pixels
	strip image.Rectangle    // where ground is, in whole's pixels
	shown [2]image.Rectangle // whole and part as last traced (see traceSize)
	st    Style              // the step's style, set by place, not per frame

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
	draw      func(dst *image.RGBA, whole image.Rectangle, pose program.Pose, st Style)
	refresh   func()         // asks the driver to draw the moving part again
	scale     func() float32 // the canvas's pixels per unit
}

// New returns a figure showing nothing until SetStep or SetStill.
func New() *Figure {
	f := &Figure{
		now:       time.Now,
		newTicker: func(d time.Duration) ticker { return realTicker{time.NewTicker(d)} },
		draw:      drawPart,
	}
	f.moving = canvas.NewRaster(f.generate)
	f.ground = canvas.NewRaster(f.generateGround)
	f.refresh = f.moving.Refresh
	f.scale = func() float32 {
		if c := fyne.CurrentApp().Driver().CanvasForObject(f); c != nil {
			return c.Scale()
		}
		return 1
	}
	f.ExtendBaseWidget(f)
	return f
}

// SetClock makes the figure keep time by now, in place of the system clock,
// so that it plays in step with a session timed by the same clock. Set it
// before showing a step.
func (f *Figure) SetClock(now func() time.Time) { f.now = now }

// CreateRenderer is part of fyne.Widget.
func (f *Figure) CreateRenderer() fyne.WidgetRenderer { return &renderer{f} }

type renderer struct{ f *Figure }

func (r *renderer) Layout(fyne.Size)             { r.f.place() }
func (r *renderer) MinSize() fyne.Size           { return r.f.MinSize() }
func (r *renderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.f.ground, r.f.moving} }
func (r *renderer) Destroy()                     {}

// Refresh follows a change of theme, which may change the background.
func (r *renderer) Refresh() {
	r.f.place()
	r.f.ground.Refresh()
	r.f.moving.Refresh()
}

// MinSize is large enough to read the figure.
func (f *Figure) MinSize() fyne.Size { return fyne.NewSize(240, 160) }

// SetFrame fixes the part of the scene the figure shows, so that every step
// of an exercise is drawn at the same scale and place (see ExerciseFrame).
// An empty frame fits each step on its own.
func (f *Figure) SetFrame(fr Frame) {
	f.frame = fr
	f.changed()
}

// changed places and draws the figure's pictures again after its frame, poses
// or arrows changed.
func (f *Figure) changed() {
	f.place()
	f.ground.Refresh()
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
	f.setStep(poses, s.Brace, dur, startedAt)
	switch {
	case len(poses) < 2:
	case s.Phase == program.Hold:
		f.cycle = cycleTime
	case s.Phase == program.Move || s.Phase == program.Return:
		f.arrows = Arrows(poses[0], poses[len(poses)-1])
	}
	f.changed()
	return nil
}

// SetStep shows key poses: one pose still, or two or more animated in order
// over dur, eased, starting at startedAt. braced highlights the braced trunk.
// It draws no arrows (ShowStep does).
func (f *Figure) SetStep(poses []program.Pose, braced bool, dur time.Duration, startedAt time.Time) {
	f.setStep(poses, braced, dur, startedAt)
	f.changed()
}

// setStep is SetStep but for placing and drawing the pictures again.
func (f *Figure) setStep(poses []program.Pose, braced bool, dur time.Duration, startedAt time.Time) {
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
		return PoseAt(f.keys, f.strideAt(f.strideFrame(t))), true
	}
	return PoseAt(f.keys, f.progress(t)), true
}

// strideFrame returns which frame of a repeating movement's stride to show
// at time t: the frame whose place on the animation's grid, FrameInterval
// apart from the step's start, is nearest t, folded at the stride's middle
// so that a frame and its mirror on the way back are one. A frame
// is at most half an interval early or late, as with any ticker; on the grid,
// a stride of 1.2 s has 18 frames, of 10 different poses.
func (f *Figure) strideFrame(t time.Time) int {
	if f.paused {
		t = f.pausedAt
	}
	n := f.strideFrames()
	k := int(math.Round(float64(t.Sub(f.started))/float64(FrameInterval))) % n
	if k < 0 {
		k += n
	}
	return min(k, n-k)
}

// strideFrames is how many frames a stride of the repeating movement takes.
func (f *Figure) strideFrames() int {
	return max(2, int(math.Round(float64(f.cycle)/float64(FrameInterval))))
}

// strideAt returns how far through the key poses frame k of the stride
// (strideFrame) is: there and back, 0 -> 1 -> 0, over the stride.
func (f *Figure) strideAt(k int) float64 {
	return 2 * float64(k) / float64(f.strideFrames())
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

// traceSize makes every figure print its picture's size in pixels, and the
// size of the part drawn at each frame, whenever they change, for measuring
// against a picture of the same size (make bench). The variable is set by
// the bench, not meant for users, and not in -help.
var traceSize = os.Getenv(TraceSizeEnv) != ""

// TraceSizeEnv is the environment variable that asks for traceSize.
const TraceSizeEnv = "STEADY_FIGURE_SIZE"

// samples is how many poses along a step place measures to find the part
// of the widget the figure moves through; between two of them a limb moves
// a few pixels at most, which reach covers.
const samples = 24

// reach is the margin, in pixels, around what the sampled poses cover.
const reach = 4

// place works out the widget's size in pixels and the parts of it the two
// pictures cover, and puts them there.
func (f *Figure) place() {
	scale := f.scale()
	size := f.Size()
	f.whole = image.Rect(0, 0, int(math.Round(float64(size.Width*scale))), int(math.Round(float64(size.Height*scale))))
	f.part, f.strip = image.Rectangle{}, image.Rectangle{}
	f.st = f.stepStyle()
	clear(f.strides)
	if len(f.keys) > 0 {
		st := f.st
		if !f.onBackground() {
			f.part = f.whole
		} else {
			for i := 0; i <= samples; i++ {
				pose := f.keys[0]
				if len(f.keys) > 1 {
					pose = PoseAt(f.keys, float64(i)/samples)
				}
				f.part = f.part.Union(figureExtent(f.whole, pose, st))
				if len(f.keys) == 1 {
					break
				}
			}
			f.part = f.part.Inset(-reach).Intersect(f.whole)
			f.strip = floorExtent(f.whole, f.keys[0], st).Inset(-1).Intersect(f.whole)
		}
	}
	put := func(r *canvas.Raster, px image.Rectangle) {
		if px.Empty() {
			r.Hide()
			return
		}
		r.Move(fyne.NewPos(float32(px.Min.X)/scale, float32(px.Min.Y)/scale))
		r.Resize(fyne.NewSize(float32(px.Dx())/scale, float32(px.Dy())/scale))
		r.Show()
	}
	put(f.moving, f.part)
	put(f.ground, f.strip)
	if shown := [2]image.Rectangle{f.whole, f.part}; traceSize && shown != f.shown && !f.whole.Empty() {
		f.shown = shown
		fmt.Fprintf(os.Stderr, "figure: %dx%d px, drawn each frame %dx%d px\n", f.whole.Dx(), f.whole.Dy(), f.part.Dx(), f.part.Dy())
	}
}

// onBackground reports whether the figure's background is the window's, so
// the parts of the widget left undrawn look as if the figure drew them.
func (f *Figure) onBackground() bool {
	a := color.NRGBAModel.Convert(theme.ColorForWidget(theme.ColorNameBackground, f))
	b := color.NRGBAModel.Convert(theme.Color(theme.ColorNameBackground))
	return a == b
}

// generate draws the current frame of the moving part, w by h pixels (the
// driver's rounding of the part's size). The driver takes a picture's
// pixels from (0, 0), so the whole widget is drawn shifted by the part's
// place.
func (f *Figure) generate(w, h int) image.Image {
	if f.img == nil || f.img.Bounds().Dx() != w || f.img.Bounds().Dy() != h {
		f.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	st := f.st
	now := f.now()
	pose, ok := f.poseAt(now)
	if !ok {
		fillImage(f.img, st.Background)
		return f.img
	}
	if f.cycle > 0 && w*h*4*(f.strideFrames()/2+1) <= strideMemory {
		k := f.strideFrame(now)
		if img := f.strides[k]; img != nil && img.Rect.Dx() == w && img.Rect.Dy() == h {
			return img
		}
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		f.draw(img, f.whole.Sub(f.part.Min), PoseAt(f.keys, f.strideAt(k)), st)
		if f.strides == nil {
			f.strides = make(map[int]*image.RGBA)
		}
		f.strides[k] = img
		return img
	}
	f.draw(f.img, f.whole.Sub(f.part.Min), pose, st)
	return f.img
}

// strideMemory is the most a repeating movement's frames may take, in
// bytes, to be kept once drawn (strides): the walk at the default window
// size takes 3.6 MB; a larger one is drawn at every frame.
const strideMemory = 16 << 20

// generateGround draws the floor strip.
func (f *Figure) generateGround(w, h int) image.Image {
	if f.under == nil || f.under.Bounds().Dx() != w || f.under.Bounds().Dy() != h {
		f.under = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	st := f.st
	if len(f.keys) == 0 {
		fillImage(f.under, st.Background)
		return f.under
	}
	drawFloor(f.under, f.whole.Sub(f.strip.Min), f.keys[0], st)
	return f.under
}

// stepStyle is the style the figure draws its step in.
func (f *Figure) stepStyle() Style {
	st := f.style()
	st.Braced = f.braced
	st.Arrows = f.arrows
	st.Frame = f.frame.Union(FrameOf(f.keys...)).withArrows(f.arrows)
	return st
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
