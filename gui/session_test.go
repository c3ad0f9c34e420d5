package gui

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"steady/audio"
	"steady/coach/session"
	"steady/explain"
	"steady/locale"
	"steady/program"
)

// sound is one call to the fake player: a tone (text "") or a phrase.
type sound struct {
	cue  audio.Cue
	text string
	at   time.Time
}

// fakePlayer records what a session asks the sound output to do.
type fakePlayer struct {
	mu       sync.Mutex
	sounds   []sound
	cancels  int
	prepared []string
	held     bool // Hold's last word
}

func (f *fakePlayer) Hold(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.held = on
}

func (f *fakePlayer) holding() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.held
}

func (f *fakePlayer) PlayAt(c audio.Cue, at time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sounds = append(f.sounds, sound{cue: c, at: at})
}

func (f *fakePlayer) SayAt(text string, at time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sounds = append(f.sounds, sound{cue: -1, text: text, at: at})
}

func (f *fakePlayer) CancelPending() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cancels++
}

func (f *fakePlayer) Prepare(texts ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.prepared = append(f.prepared, texts...)
}

// tones returns the tones asked for at or after from.
func (f *fakePlayer) tones(from time.Time) []sound {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []sound
	for _, s := range f.sounds {
		if s.text == "" && !s.at.Before(from) {
			out = append(out, s)
		}
	}
	return out
}

func (f *fakePlayer) said(text string) []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []time.Time
	for _, s := range f.sounds {
		if s.text == text {
			out = append(out, s.at)
		}
	}
	return out
}

var sessionT0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// sessionPlan is two short exercises: heel slides on each side, then bird
// dog, whose hold is long enough for a halfway cue. Each step shows one pose.
func sessionPlan() program.Plan {
	slides := &program.Exercise{ID: "heel-slide", Name: "Heel slides", Position: "on your back, knees bent",
		Steps: []program.Step{
			{Phase: program.Setup, Cue: "Lie on your back", Instruction: "Lie on your back with both knees bent.", Poses: []string{"hooklying"}},
			{Phase: program.Move, Cue: "Slide the heel out", Poses: []string{"heel-slide-out"}, Brace: true},
			{Phase: program.Hold, Cue: "Hold and breathe", Instruction: "Keep the low back still and breathe.", Poses: []string{"heel-slide-out"}, Brace: true},
			{Phase: program.Return, Cue: "Slide back", Poses: []string{"hooklying"}},
		}}
	dog := &program.Exercise{ID: "bird-dog", Name: "Bird dog", Position: "on hands and knees",
		Steps: []program.Step{
			{Phase: program.Setup, Cue: "Hands and knees", Poses: []string{"bird-dog-start"}},
			{Phase: program.Move, Cue: "Reach arm and leg", Poses: []string{"bird-dog-arm-leg"}, Brace: true},
			{Phase: program.Hold, Cue: "Hold", Instruction: "Reach long; the low back stays still.", Poses: []string{"bird-dog-arm-leg"}, Brace: true},
			{Phase: program.Return, Cue: "Lower", Poses: []string{"bird-dog-start"}},
		}}
	return program.Plan{GetReady: 5 * time.Second, Rest: 6 * time.Second, Items: []program.PlanItem{
		{Exercise: slides, Dose: program.Dose{Sets: []int{2}, Up: time.Second, Hold: 5 * time.Second, Down: time.Second,
			Sides: 2, RepRest: time.Second}},
		{Exercise: dog, Dose: program.Dose{Sets: []int{1}, Up: time.Second, Hold: 6 * time.Second, Down: time.Second}},
	}}
}

type sessionRig struct {
	s       *sessionView
	w       fyne.Window
	clock   *program.FakeClock
	sound   *fakePlayer
	results []sessionResult
}

// newSessionRig shows a started session of sessionPlan at 1100x760, its first
// position drawn.
func newSessionRig(t *testing.T) *sessionRig {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(&appTheme{variant: themeLight})
	r := &sessionRig{clock: program.NewFakeClock(sessionT0), sound: &fakePlayer{}}
	r.w = test.NewWindow(nil)
	t.Cleanup(r.w.Close)
	r.s = newSessionView(r.w, sessionPlan(), r.clock, r.sound, func(res sessionResult) { r.results = append(r.results, res) })
	r.w.SetContent(r.s.content())
	r.w.Resize(fyne.NewSize(1100, 760))
	r.s.start()
	r.clock.Advance(0)
	return r
}

// at advances the session's clock to offset from the start.
func (r *sessionRig) at(offset time.Duration) { r.clock.AdvanceTo(sessionT0.Add(offset)) }

// press sends a key the way the desktop driver does: to the focused widget,
// else to the canvas.
func (r *sessionRig) press(k fyne.KeyName) {
	e := &fyne.KeyEvent{Name: k}
	if f := r.w.Canvas().Focused(); f != nil {
		f.TypedKey(e)
		return
	}
	if h := r.w.Canvas().OnTypedKey(); h != nil {
		h(e)
	}
}

// intervalOf returns the first interval of item in stage, with rep and side.
func intervalOf(t *testing.T, tl program.Timeline, item int, stage program.Stage, rep int, side program.Side) program.Interval {
	t.Helper()
	for _, iv := range tl.Intervals() {
		if iv.Item == item && iv.Stage == stage && iv.Rep == rep && iv.Side == side {
			return iv
		}
	}
	t.Fatalf("no %v interval of item %d rep %d side %v", stage, item, rep, side)
	return program.Interval{}
}

// rate answers the ratings form by keyboard and with the radio groups.
func (r *sessionRig) rate(t *testing.T, during, after rune, leg, felt string) {
	t.Helper()
	focused := r.w.Canvas().Focused()
	if focused != r.s.rate.maxPain {
		t.Fatalf("focus on %T, want the highest-pain scale", focused)
	}
	focused.TypedRune(during)
	r.press(fyne.KeyReturn)
	if f := r.w.Canvas().Focused(); f != r.s.rate.painNow {
		t.Fatalf("after Enter, focus on %T, want the pain-now scale", f)
	}
	r.w.Canvas().Focused().TypedRune(after)
	r.press(fyne.KeyReturn)
	if !r.s.rate.save.Disabled() {
		t.Fatal("Save is enabled before the leg and feel questions are answered")
	}
	r.s.rate.leg.SetSelected(leg)
	r.s.rate.felt.SetSelected(felt)
	if r.s.rate.save.Disabled() {
		t.Fatalf("Save still disabled: %q", r.s.rate.missing.Text)
	}
}

func TestSessionCountdownAndCounters(t *testing.T) {
	r := newSessionRig(t)
	tl := r.s.follow.Timeline()

	check := func(label, digits, counters, name string) {
		t.Helper()
		if got := r.s.ring.label; got != label {
			t.Errorf("ring word %q, want %q", got, label)
		}
		if got := r.s.ring.digits; got != digits {
			t.Errorf("ring digits %q, want %q", got, digits)
		}
		if got := r.s.counters.Text; got != counters {
			t.Errorf("counters %q, want %q", got, counters)
		}
		if got := r.s.name.Text; got != name {
			t.Errorf("name %q, want %q", got, name)
		}
	}

	check("GET READY", "5", "Rep 1 of 2 · Left side", "Heel slides")
	if r.s.ring.style != ringRest {
		t.Error("get-ready ring is not the dashed rest ring")
	}
	if got := r.s.progressText.Text; !strings.HasPrefix(got, "Exercise 1 of 2") {
		t.Errorf("progress %q, want Exercise 1 of 2", got)
	}
	r.at(1500 * time.Millisecond)
	check("GET READY", "4", "Rep 1 of 2 · Left side", "Heel slides")

	hold := intervalOf(t, tl, 0, program.StageHold, 1, program.LeftSide)
	r.at(hold.Start)
	check("HOLD", "5", "Rep 1 of 2 · Left side", "Heel slides")
	if r.s.ring.style != ringWork {
		t.Error("hold ring is not the solid work ring")
	}
	if got := r.s.instruction.Text; got != "Keep the low back still and breathe." {
		t.Errorf("instruction %q", got)
	}
	r.at(hold.Start + 2*time.Second)
	check("HOLD", "3", "Rep 1 of 2 · Left side", "Heel slides")
	if got := r.s.ring.remaining; got < 0.59 || got > 0.61 {
		t.Errorf("ring shows %.2f of the hold left, want 0.6", got)
	}

	hold2 := intervalOf(t, tl, 0, program.StageHold, 2, program.LeftSide)
	r.at(hold2.Start + 100*time.Millisecond)
	check("HOLD", "5", "Rep 2 of 2 · Left side", "Heel slides")

	sw := intervalOf(t, tl, 0, program.StageSwitch, 1, program.RightSide)
	r.at(sw.Start)
	check("SWITCH SIDES", "5", "Up next: Rep 1 of 2 · Right side", "Heel slides")

	rest := intervalOf(t, tl, 0, program.StageRest, 0, program.NoSide)
	r.at(rest.Start + time.Second)
	check("REST", "5", "Exercise 1 of 2 done", "Rest")
	if got := r.s.instruction.Text; !strings.Contains(got, "Next: Bird dog") {
		t.Errorf("rest instruction %q does not say what comes", got)
	}

	dog := intervalOf(t, tl, 1, program.StageHold, 1, program.NoSide)
	r.at(dog.Start)
	check("HOLD", "6", "Rep 1 of 1", "Bird dog")
	if got := r.s.progressText.Text; !strings.HasPrefix(got, "Exercise 2 of 2") {
		t.Errorf("progress %q, want Exercise 2 of 2", got)
	}
	if got := r.s.next.Text; got != "Last exercise" {
		t.Errorf("next %q, want Last exercise", got)
	}
}

func TestSessionPauseAndResume(t *testing.T) {
	r := newSessionRig(t)
	hold := intervalOf(t, r.s.follow.Timeline(), 0, program.StageHold, 1, program.LeftSide)
	r.at(hold.Start + time.Second)
	cancels := r.sound.cancels
	if !r.sound.holding() {
		t.Error("the running session does not hold the sound output awake")
	}

	r.press(fyne.KeySpace)
	r.clock.Advance(0)
	if !(r.s.follow.Phase() == session.Paused) {
		t.Fatal("Space did not pause")
	}
	if r.sound.holding() {
		t.Error("the paused session still holds the sound output awake")
	}
	if r.s.ring.label != "PAUSED" || r.s.ring.digits != "4" {
		t.Errorf("paused ring shows %q %q, want PAUSED 4", r.s.ring.label, r.s.ring.digits)
	}
	if r.sound.cancels == cancels {
		t.Error("pausing did not cancel the queued cues")
	}
	if got := r.s.pauseButton.button.Text; got != "Resume" {
		t.Errorf("pause button says %q while paused", got)
	}
	if p := r.clock.Pending(); len(p) != 0 {
		t.Errorf("%d timers still pending while paused, want none (no ticker)", len(p))
	}
	before := len(r.sound.tones(sessionT0))
	r.clock.Advance(time.Minute)
	if r.s.ring.digits != "4" || r.s.counters.Text != "Rep 1 of 2 · Left side" {
		t.Errorf("display moved while paused: %q, %q", r.s.ring.digits, r.s.counters.Text)
	}
	if after := len(r.sound.tones(sessionT0)); after != before {
		t.Errorf("%d tones queued while paused", after-before)
	}

	r.press(fyne.KeySpace)
	if r.s.follow.Phase() == session.Paused {
		t.Fatal("second Space did not resume")
	}
	if !r.sound.holding() {
		t.Error("the resumed session does not hold the sound output awake")
	}
	r.clock.Advance(1100 * time.Millisecond)
	if r.s.ring.label != "HOLD" || r.s.ring.digits != "3" {
		t.Errorf("after resuming 1.1 s, ring shows %q %q, want HOLD 3", r.s.ring.label, r.s.ring.digits)
	}
}

func TestSessionNextBackRepeat(t *testing.T) {
	r := newSessionRig(t)
	r.at(3 * time.Second)
	r.press(fyne.KeyRight)
	if got := r.s.name.Text; got != "Bird dog" {
		t.Fatalf("after Right, exercise %q, want Bird dog", got)
	}
	if got := r.s.ring.label; got != "GET READY" {
		t.Errorf("after Right, ring word %q, want GET READY", got)
	}
	r.clock.Advance(time.Second)
	r.press(fyne.KeyLeft) // within the grace time: back to heel slides
	if got := r.s.name.Text; got != "Heel slides" {
		t.Fatalf("after Left, exercise %q, want Heel slides", got)
	}
	r.clock.Advance(7 * time.Second)
	r.press(fyne.KeyR)
	if p := r.s.follow.Position(); p.Offset != 0 || r.s.ring.digits != "5" {
		t.Errorf("after R, offset %v digits %q, want the exercise's start", p.Offset, r.s.ring.digits)
	}

	// Skip heel slides again, do bird dog to the end.
	r.clock.Advance(time.Second)
	test.Tap(rowControls(r.s.controls)[2].button) // Next
	r.clock.Advance(time.Hour)
	if !r.s.rate.Visible() {
		t.Fatal("no ratings after the session's end")
	}
	r.rate(t, '2', '1', "No", "Easy")
	test.Tap(r.s.rate.save)
	if len(r.results) != 1 {
		t.Fatalf("onFinish called %d times", len(r.results))
	}
	got := r.results[0]
	if !slices.Equal(got.Completed, []string{"bird-dog"}) || !slices.Equal(got.Skipped, []string{"heel-slide"}) {
		t.Errorf("completed %v skipped %v, want [bird-dog] [heel-slide]", got.Completed, got.Skipped)
	}
	if got.EndedEarly || got.StoppedForPain {
		t.Errorf("ended early %v, stopped for pain %v; want neither", got.EndedEarly, got.StoppedForPain)
	}
}

func TestSessionEndWithEscape(t *testing.T) {
	for _, tc := range []struct {
		name    string
		confirm fyne.KeyName
	}{{"escape twice", fyne.KeyEscape}, {"escape then enter", fyne.KeyReturn}} {
		t.Run(tc.name, func(t *testing.T) {
			r := newSessionRig(t)
			r.at(8 * time.Second)
			r.press(fyne.KeyEscape)
			if !r.s.confirm.Visible() || !(r.s.follow.Phase() == session.Paused) {
				t.Fatalf("Escape: question shown %v, paused %v; want both", r.s.confirm.Visible(), (r.s.follow.Phase() == session.Paused))
			}
			r.clock.Advance(30 * time.Second)
			r.press(tc.confirm)
			if !r.s.follow.Position().Done {
				t.Error("session still running after confirming the end")
			}
			if !r.s.rate.Visible() || r.s.running.Visible() {
				t.Fatal("ratings form not shown after ending")
			}
			r.clock.Advance(time.Minute) // the runner's own end report must not change anything
			r.rate(t, '3', '2', "Yes, settled within 30 min", "OK")
			r.press(fyne.KeyReturn) // nothing focused: Enter saves
			if len(r.results) != 1 {
				t.Fatalf("onFinish called %d times", len(r.results))
			}
			got := r.results[0]
			if !got.EndedEarly || got.StoppedForPain {
				t.Errorf("ended early %v, stopped for pain %v; want true, false", got.EndedEarly, got.StoppedForPain)
			}
			if want := 8 * time.Second; got.Duration != want {
				t.Errorf("duration %v, want %v (the question's pause left out)", got.Duration, want)
			}
			if len(got.Completed) != 0 || len(got.Skipped) != 2 {
				t.Errorf("completed %v skipped %v, want none and both", got.Completed, got.Skipped)
			}
		})
	}
}

func TestSessionEscapeThenKeepGoing(t *testing.T) {
	r := newSessionRig(t)
	r.at(2 * time.Second)
	r.press(fyne.KeyEscape)
	r.press(fyne.KeySpace)
	if r.s.confirm.Visible() || (r.s.follow.Phase() == session.Paused) {
		t.Fatalf("after Space: question shown %v, paused %v; want neither", r.s.confirm.Visible(), (r.s.follow.Phase() == session.Paused))
	}
	r.clock.Advance(time.Second)
	if got := r.s.ring.digits; got != "2" {
		t.Errorf("digits %q a second after going on, want 2", got)
	}
}

func TestSessionStopForPain(t *testing.T) {
	for _, tc := range []struct {
		name     string
		stop     func(*sessionRig)
		tick     []int
		other    string
		numbWeak bool
		causes   []program.StopCause
		reason   string
	}{
		{"button, numbness", func(r *sessionRig) { test.Tap(r.s.hurt) }, []int{1}, "", true,
			[]program.StopCause{program.StopNumbness}, "Stopped for pain: new numbness or tingling."},
		{"key H, leg pain and words", func(r *sessionRig) { r.press(fyne.KeyH) }, []int{0}, "a twinge in the hip", false,
			[]program.StopCause{program.StopLegPain, program.StopOther}, "Stopped for pain: pain shooting down the leg; something else: a twinge in the hip."},
		{"weakness", func(r *sessionRig) { test.Tap(r.s.hurt) }, []int{2, 3}, "", true,
			[]program.StopCause{program.StopWeakness, program.StopBackPain}, "Stopped for pain: new weakness; back pain became sharp or too much."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newSessionRig(t)
			hold := intervalOf(t, r.s.follow.Timeline(), 0, program.StageHold, 1, program.LeftSide)
			r.at(hold.Start + time.Second)
			cancels := r.sound.cancels
			tc.stop(r)
			if !r.s.follow.Position().Done {
				t.Fatal("the runner is still going")
			}
			if r.sound.cancels == cancels {
				t.Error("queued cues not cancelled")
			}
			if !r.s.pain.Visible() || r.s.running.Visible() {
				t.Fatal("the what-happened form is not shown")
			}
			if !strings.Contains(texts(r.s.pain.root), "seek urgent care") {
				t.Error("the form does not say when to seek urgent care")
			}
			r.clock.Advance(time.Minute)
			for _, i := range tc.tick {
				test.Tap(r.s.pain.checks[i])
			}
			if tc.other != "" {
				test.Type(r.s.pain.text, tc.other)
				if !r.s.pain.other.Checked {
					t.Error("typing what happened did not tick Something else")
				}
			}
			test.Tap(r.s.pain.next)
			if !r.s.rate.Visible() {
				t.Fatal("no ratings after the what-happened form")
			}
			r.rate(t, '7', '5', "Yes, and it stayed", "Hard")
			test.Tap(r.s.rate.save)
			if len(r.results) != 1 {
				t.Fatalf("onFinish called %d times", len(r.results))
			}
			got := r.results[0]
			if !got.StoppedForPain || !got.EndedEarly {
				t.Errorf("stopped for pain %v, ended early %v; want both", got.StoppedForPain, got.EndedEarly)
			}
			if got.NumbWeak != tc.numbWeak {
				t.Errorf("NumbWeak %v, want %v", got.NumbWeak, tc.numbWeak)
			}
			if note := strings.TrimSpace(tc.other); !slices.Equal(got.StopCauses, tc.causes) || got.StopNote != note {
				t.Errorf("causes %v note %q, want %v %q", got.StopCauses, got.StopNote, tc.causes, note)
			}
			if got := explain.Stop(got.StopCauses, got.StopNote); got != tc.reason {
				t.Errorf("reason %q, want %q", got, tc.reason)
			}
			if want := sessionT0.Add(hold.Start + time.Second); !got.Ended.Equal(want) {
				t.Errorf("ended %v, want %v (when stopped, not when saved)", got.Ended, want)
			}
			if got.MaxPainDuring != 7 || got.PainAfter != 5 || got.LegSpread != program.SpreadStayed || got.Felt != program.FeltHard {
				t.Errorf("ratings %d %d %q %q, want 7 5 stayed hard", got.MaxPainDuring, got.PainAfter, got.LegSpread, got.Felt)
			}
		})
	}
}

func TestSessionRatingsSave(t *testing.T) {
	r := newSessionRig(t)
	called := false
	r.s.prevKey = func(*fyne.KeyEvent) { called = true }
	r.clock.Advance(time.Hour)
	if !r.s.rate.Visible() {
		t.Fatal("no ratings after the whole session")
	}
	if got := r.s.rate.title.Text; !strings.Contains(got, "complete") {
		t.Errorf("title %q after a completed session", got)
	}
	if !r.s.rate.save.Disabled() {
		t.Error("Save enabled with nothing answered")
	}
	r.s.saveRatings()
	if len(r.results) != 0 {
		t.Fatal("saving worked with nothing answered")
	}
	r.rate(t, '1', '0', "Yes, settled within 30 min", "Easy")
	// "1" then "0" would make 10 on one scale; Enter between them moved on.
	test.Tap(r.s.rate.save)
	if len(r.results) != 1 {
		t.Fatalf("onFinish called %d times", len(r.results))
	}
	got := r.results[0]
	want := sessionResult{MaxPainDuring: 1, PainAfter: 0, LegSpread: program.SpreadSettled, Felt: program.FeltEasy}
	if got.MaxPainDuring != want.MaxPainDuring || got.PainAfter != want.PainAfter || got.LegSpread != want.LegSpread || got.Felt != want.Felt {
		t.Errorf("got %+v, want ratings %+v", got, want)
	}
	if !got.Started.Equal(sessionT0) || !got.Ended.Equal(sessionT0.Add(r.s.follow.Timeline().Total())) || got.Duration != r.s.follow.Timeline().Total() {
		t.Errorf("started %v ended %v duration %v; want the session's start, end and length", got.Started, got.Ended, got.Duration)
	}
	if !slices.Equal(got.Completed, []string{"heel-slide", "bird-dog"}) || len(got.Skipped) != 0 {
		t.Errorf("completed %v skipped %v", got.Completed, got.Skipped)
	}
	if got.EndedEarly || got.StoppedForPain || got.NumbWeak {
		t.Errorf("flags set on a plain session: %+v", got)
	}
	test.Tap(r.s.rate.save)
	if len(r.results) != 1 {
		t.Error("a second Save called onFinish again")
	}
	r.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeySpace})
	if !called {
		t.Error("the window's own key handler was not given back")
	}
}

func TestSessionClose(t *testing.T) {
	r := newSessionRig(t)
	r.at(3 * time.Second)
	r.s.close()
	r.clock.Advance(0)
	if !r.s.follow.Position().Done {
		t.Error("close left the runner going")
	}
	if p := r.clock.Pending(); len(p) != 0 {
		t.Errorf("%d timers pending after close", len(p))
	}
	if r.w.Canvas().OnTypedKey() != nil {
		t.Error("close kept the session's key handler on the window")
	}
	r.clock.Advance(time.Hour)
	if r.s.rate.Visible() || len(r.results) != 0 {
		t.Error("a closed session went on to its ratings")
	}
}

// toneOf is the tone an event starts with, if any.
func toneOf(e program.Event) (audio.Cue, bool) {
	switch e.Kind {
	case program.GetReady:
		return audio.RestOver, e.Offset > 0
	case program.CountdownTick:
		return audio.GetReadyTick, true
	case program.StartMove, program.StartHold, program.StartWalk:
		return audio.Go, true
	case program.Halfway:
		return audio.Halfway, true
	case program.LastSeconds:
		return audio.LastSecondsTick, true
	case program.Release:
		return audio.Release, true
	case program.SwitchSides:
		return audio.SwitchSides, true
	case program.SessionComplete:
		return audio.SessionComplete, true
	}
	return 0, false
}

// wantTones are the tones of the events after offset from, placed at
// origin + offset.
func wantTones(tl program.Timeline, origin time.Time, from time.Duration) []sound {
	var out []sound
	for _, e := range tl.Events() {
		if c, ok := toneOf(e); ok && e.Offset > from {
			out = append(out, sound{cue: c, at: origin.Add(e.Offset)})
		}
	}
	return out
}

func sortSounds(s []sound) {
	slices.SortFunc(s, func(a, b sound) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return int(a.cue) - int(b.cue)
	})
}

func TestSessionCuesAtTimelineOffsets(t *testing.T) {
	r := newSessionRig(t)
	tl := r.s.follow.Timeline()
	// Step through like a real clock would, a little at a time.
	for off := time.Duration(0); off <= tl.Total()+time.Second; off += 250 * time.Millisecond {
		r.at(off)
	}
	got := r.sound.tones(sessionT0)
	want := wantTones(tl, sessionT0, -1)
	sortSounds(got)
	sortSounds(want)
	if !slices.Equal(got, want) {
		t.Errorf("got %d tones, want %d", len(got), len(want))
		for i := range max(len(got), len(want)) {
			var g, w sound
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("tone %d: got %v at %v, want %v at %v", i, g.cue, g.at.Sub(sessionT0), w.cue, w.at.Sub(sessionT0))
			}
		}
	}
	if at := r.sound.said("Heel slides"); len(at) != 1 || !at[0].Equal(sessionT0) {
		t.Errorf("exercise name said at %v, want once at the start", at)
	}
	dog, _ := tl.ItemStart(1)
	if at := r.sound.said("Bird dog"); len(at) != 2 || at[1].Before(sessionT0.Add(dog)) || at[0].After(sessionT0.Add(dog)) {
		t.Errorf("Bird dog said at %v, want once in the rest before it and once as it starts (%v)", at, dog)
	}
	if r.sound.cancels != 1 {
		t.Errorf("%d cancels in a session with no pause or skip, want the one at the start", r.sound.cancels)
	}
	if !slices.Contains(r.sound.prepared, "Reach arm and leg") {
		t.Error("the plan's cues were not prepared")
	}
}

func TestSessionCuesAfterPause(t *testing.T) {
	r := newSessionRig(t)
	tl := r.s.follow.Timeline()
	const pauseAt = 9 * time.Second
	r.at(pauseAt)
	r.press(fyne.KeySpace)
	r.clock.Advance(time.Minute)
	resumed := r.clock.Now()
	r.press(fyne.KeySpace)
	for r.clock.Now().Before(sessionT0.Add(time.Minute + tl.Total() + time.Second)) {
		r.clock.Advance(300 * time.Millisecond)
	}
	// After the pause, every tone still to come is a minute later than its
	// offset.
	got := r.sound.tones(resumed)
	want := wantTones(tl, sessionT0.Add(time.Minute), pauseAt)
	sortSounds(got)
	sortSounds(want)
	if !slices.Equal(got, want) {
		t.Errorf("after the pause got %d tones, want %d; first %v", len(got), len(want), got[:min(3, len(got))])
	}
	if r.sound.cancels < 2 {
		t.Error("the pause did not cancel pending cues")
	}
}

func TestSessionImageHold(t *testing.T) {
	r := newSessionRig(t)
	hold := intervalOf(t, r.s.follow.Timeline(), 0, program.StageHold, 2, program.LeftSide)
	r.at(hold.Start + 2*time.Second)
	test.AssertImageMatches(t, "session_hold.png", r.w.Canvas().Capture())
}

// newRingRig shows a ring in a window 300 units square and returns it with
// its renderer.
func newRingRig(t *testing.T) (*ring, *ringRenderer) {
	t.Helper()
	test.NewTempApp(t)
	rg := newRing()
	w := test.NewWindow(rg)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(300, 300))
	return rg, test.WidgetRenderer(rg).(*ringRenderer)
}

func TestRingStyles(t *testing.T) {
	rg, rr := newRingRig(t)
	// at is the colour of the ring drawn at 200 × 200 pixels, at mid-band,
	// deg degrees clockwise from the top.
	at := func(img image.Image, deg float64) color.Color {
		a := deg * math.Pi / 180
		mid := 100 * (1 + ringCutout) / 2
		return img.At(int(100+mid*math.Sin(a)), int(100-mid*math.Cos(a)))
	}
	same := func(a, b color.Color) bool {
		r1, g1, b1, a1 := a.RGBA()
		r2, g2, b2, a2 := b.RGBA()
		return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
	}

	rg.Set("HOLD", "3", 0.5, ringWork, false)
	rg.Refresh()
	img := wholeRing(rr, 200)
	if c := at(img, 90); !same(c, rr.band) {
		t.Errorf("work ring, half left: at 3 o'clock %v, want the band's %v", c, rr.band)
	}
	if c := at(img, 270); !same(c, rr.track) {
		t.Errorf("work ring, half left: at 9 o'clock %v, want the track's %v", c, rr.track)
	}
	if _, _, _, a := img.At(100, 100).RGBA(); a != 0 {
		t.Error("the ring's middle is not clear for the digits")
	}
	if rr.digits.Text != "3" || rr.label.Text != "HOLD" {
		t.Errorf("ring text %q %q", rr.label.Text, rr.digits.Text)
	}

	rg.Set("REST", "9", 0.25, ringRest, false)
	rg.Refresh()
	if rr.shown != ringDashes/4 {
		t.Errorf("%d dashes drawn for a quarter left, want %d", rr.shown, ringDashes/4)
	}
	img = wholeRing(rr, 200)
	// Dash 0 (lit) and dash 12 (gone out) are outlines: their middles are
	// clear, and a lit dash's outline differs from one gone out.
	slot := 360.0 / ringDashes
	if _, _, _, a := at(img, slot/2).RGBA(); a != 0 {
		t.Error("a rest dash is filled, want it hollow")
	}
	edge := func(i int) color.Color {
		a := (slot*float64(i) + slot/2) * math.Pi / 180
		r := 100 - 1.0 // just inside the outer edge
		return img.At(int(100+r*math.Sin(a)), int(100-r*math.Cos(a)))
	}
	if !same(edge(0), rr.dash) || !same(edge(12), rr.dashOff) {
		t.Errorf("dash outlines: lit %v, out %v; want %v and %v", edge(0), edge(12), rr.dash, rr.dashOff)
	}
}

// wholeRing draws the whole ring rr shows, d pixels across, in one image.
func wholeRing(rr *ringRenderer, d int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, d, d))
	rr.drawRegion(img, d, d, image.Point{})
	return img
}

// The ring is drawn as four pieces around its band. Laid side by side they
// must be the whole ring's picture, pixel for pixel, for work and rest rings
// at sizes from small to large, with none of them drawn over another (their
// edges are see-through, so an overlap would darken them), and cover well
// under the square, which is what every repaint shades.
func TestRingPiecesMakeTheWholeRing(t *testing.T) {
	rg, rr := newRingRig(t)
	for _, c := range []struct {
		remaining float64
		style     ringStyle
	}{{0.37, ringWork}, {1, ringWork}, {0, ringWork}, {0.6, ringRest}} {
		rg.Set("HOLD", "3", c.remaining, c.style, false)
		rg.Refresh()
		for _, d := range []int{150, 199, 200, 352, 701} {
			want := wholeRing(rr, d)
			got := image.NewRGBA(want.Rect)
			covered := 0
			rr.px, rr.places = d, ringPieces(d)
			for i, pl := range rr.places {
				for j := range i {
					if pl.Overlaps(rr.places[j]) {
						t.Fatalf("d=%d: pieces %d %v and %d %v overlap", d, i, pl, j, rr.places[j])
					}
				}
				draw.Draw(got, pl, rr.drawPiece(i, pl.Dx(), pl.Dy()), image.Point{}, draw.Src)
				covered += pl.Dx() * pl.Dy()
			}
			if !slices.Equal(got.Pix, want.Pix) {
				t.Errorf("d=%d, %v left, style %d: the pieces differ from the whole ring", d, c.remaining, c.style)
			}
			if share := float64(covered) / float64(d*d); share > 0.6 {
				t.Errorf("d=%d: the pieces cover %.0f %% of the square, want at most 60 %%", d, 100*share)
			}
		}
	}
}

// The ring redraws only when what it shows changes: the band a whole degree
// shorter, a dash gone out, new words. Each redraw repaints the window.
func TestRingRedrawsOnlyVisibleChanges(t *testing.T) {
	rg, rr := newRingRig(t)

	set := func(label, digits string, remaining float64, style ringStyle, want bool) {
		t.Helper()
		if got := rg.Set(label, digits, remaining, style, false); got != want {
			t.Errorf("Set(%q, %q, %.4f) asks for a redraw: %v, want %v", label, digits, remaining, got, want)
		}
		rg.Refresh()
	}
	set("HOLD", "60", 1, ringWork, true)
	set("HOLD", "60", 1-0.4/360, ringWork, false) // under a degree
	set("HOLD", "60", 1-1.2/360, ringWork, true)
	if got := rr.shown; got != 359 {
		t.Errorf("band drawn to %v degrees after 1.2 degrees went, want 359", got)
	}
	set("HOLD", "59", 1-1.3/360, ringWork, true) // new digits, same band
	if rr.digits.Text != "59" {
		t.Errorf("digits %q after the second changed, want 59", rr.digits.Text)
	}

	set("REST", "20", 1, ringRest, true)
	set("REST", "20", 1-0.3/ringDashes, ringRest, false) // under half a dash: no dash goes out
	set("REST", "20", 1-0.6/ringDashes, ringRest, true)
	if rr.shown != ringDashes-1 {
		t.Errorf("%d dashes lit after one went out, want %d", rr.shown, ringDashes-1)
	}
}

func TestSessionProgressBarSetPixelByPixel(t *testing.T) {
	r := newSessionRig(t)
	width := r.s.progress.Size().Width
	if width < 100 {
		t.Fatalf("progress bar %v wide", width)
	}
	pixel := time.Duration(float64(r.s.follow.Timeline().Total()) / float64(width))
	show := func(at time.Duration) float64 {
		r.at(at)
		r.s.render(r.s.follow.Position())
		return r.s.progress.Value
	}
	set := show(10*pixel + pixel/4)
	if want := float64(10*pixel+pixel/4) / float64(r.s.follow.Timeline().Total()); math.Abs(set-want) > 1e-9 {
		t.Fatalf("bar at %v, want %v", set, want)
	}
	if got := show(10*pixel + pixel*3/4); got != set {
		t.Errorf("bar set again to %v (from %v) with under a pixel more to fill", got, set)
	}
	if got := show(11*pixel + pixel/4); got == set {
		t.Errorf("bar still at %v a pixel later", got)
	}
}

// shownTexts are the words the window shows now: labels, buttons, checks,
// radio choices, keys and the ring's word, of every visible object.
func shownTexts(w fyne.Window) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *widget.Label:
			out = append(out, o.Text)
		case *keyButton:
			out = append(out, o.Text)
		case *widget.Button:
			out = append(out, o.Text)
		case *widget.Check:
			out = append(out, o.Text)
		case *widget.RadioGroup:
			out = append(out, o.Options...)
		case *keyHint:
			out = append(out, o.key)
		case *ring:
			out = append(out, o.label)
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case *container.ThemeOverride:
			walk(o.Content)
		case *container.Scroll:
			walk(o.Content)
		}
	}
	walk(w.Content())
	return out
}

// The session speaks the user's language: in German, every part of it
// shows German words and none of the English ones.
func TestSessionSpeaksGerman(t *testing.T) {
	de, _ := locale.Parse("de")
	locale.Set(de)
	t.Cleanup(func() { locale.Set(locale.English) })
	r := newSessionRig(t)
	hold := intervalOf(t, r.s.follow.Timeline(), 0, program.StageHold, 2, program.LeftSide)
	r.at(hold.Start + 2*time.Second)
	check := func(screen string, want, notWant []string) {
		t.Helper()
		texts := shownTexts(r.w)
		all := strings.Join(texts, "\n")
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: no %q among %q", screen, w, texts)
			}
		}
		for _, text := range texts {
			for _, n := range notWant {
				if strings.Contains(text, n) {
					t.Errorf("%s shows English %q in %q", screen, n, text)
				}
			}
		}
	}
	english := []string{"Back", "Next", "Repeat", "End", "Space", "Rep ", "Left side", "HOLD",
		"Stop if", "it hurts", "Exercise", "minute", "Resume", "PAUSED", "Keep going", "session"}
	check("the hold", []string{"HALTEN", "Wiederholung 2 von 2 · Linke Seite", "Übung 1 von 2", "Nächste Übung: Bird dog",
		"Zurück", "Pause", "Weiter", "Wiederholen", "Beenden", "Leertaste", "Stopp – es tut weh", "Hören Sie auf"},
		english[:len(english)-4])
	r.press(fyne.KeySpace)
	check("paused", []string{"PAUSIERT", "Fortsetzen"}, english)
	r.press(fyne.KeySpace)
	r.press(fyne.KeyEscape)
	check("asking to end", []string{"Einheit beenden?", "Weitermachen", "Enter"}, english)
	r.press(fyne.KeyH)
	check("what happened", []string{"Angehalten. Lassen Sie sich Zeit.", "Neue Schwäche"},
		[]string{"Stopped", "weakness", "Something else", "urgent", "Next: how"})
	r.s.painDone()
	check("the ratings", []string{"Schmerz jetzt", "Wie hat es sich angefühlt?", "Leicht", "Ja, und sie halten an",
		"Noch offen: stärkster Schmerz", "Speichern"},
		[]string{"Pain now", "How did it feel", "Easy", "Hard", "stayed", "Still to answer", "highest pain", "Save", "Four quick"})
}

// The ring's word is large when short and shrinks to stay inside the band
// when long, in every language's longest stage word.
func TestRingWordFitsInside(t *testing.T) {
	test.NewTempApp(t)
	bold := fyne.TextStyle{Bold: true}
	const d = 200
	if got := labelSize("HOLD", d, bold); got != d*ringLabelSize {
		t.Errorf("HOLD is %v high, want the full %v", got, d*ringLabelSize)
	}
	for _, word := range []string{"SWITCH SIDES", "SEITE WECHSELN", "CHANGEZ DE CÔTÉ", "CAMBIA DE LADO", "VORBEREITEN"} {
		size := labelSize(word, d, bold)
		if w := fyne.MeasureText(word, size, bold).Width; w > d*ringLabelWidth+0.5 {
			t.Errorf("%s is %v wide in a ring %v across, more than %v", word, w, d, d*ringLabelWidth)
		}
		if size >= d*ringLabelSize {
			t.Errorf("%s kept the full size %v", word, size)
		}
	}
}

// The leg answers sit side by side when the window has room for them, and
// one a line when it has not.
func TestRatingsChoicesFollowTheWidth(t *testing.T) {
	r := newSessionRig(t)
	r.press(fyne.KeyEscape)
	r.press(fyne.KeyReturn)
	if !r.s.rate.Visible() {
		t.Fatal("no ratings after ending the session")
	}
	if !r.s.rate.leg.Horizontal {
		t.Error("at 1100 wide, the leg answers are one a line")
	}
	r.w.Resize(fyne.NewSize(500, 760))
	if r.s.rate.leg.Horizontal {
		t.Error("at 500 wide, the leg answers are still side by side")
	}
	if w := r.s.rate.leg.Size().Width; w > 500 {
		t.Errorf("the leg answers are %v wide in a window 500 wide", w)
	}
	r.w.Resize(fyne.NewSize(1100, 760))
	if !r.s.rate.leg.Horizontal {
		t.Error("back at 1100 wide, the leg answers stay one a line")
	}
}
