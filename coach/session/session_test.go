package session

import (
	"slices"
	"sync"
	"testing"
	"time"

	"steady/audio"
	"steady/program"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// testPlan is two short exercises: heel slides on each side, then bird dog,
// whose hold is long enough for a halfway cue.
func testPlan() program.Plan {
	slides := &program.Exercise{ID: "heel-slide", Name: "Heel slides", Position: "on your back, knees bent",
		Steps: []program.Step{
			{Phase: program.Setup, Cue: "Lie on your back", Poses: []string{"hooklying"}},
			{Phase: program.Move, Cue: "Slide the heel out", Poses: []string{"heel-slide-out"}},
			{Phase: program.Hold, Cue: "Hold and breathe", Poses: []string{"heel-slide-out"}},
			{Phase: program.Return, Cue: "Slide back", Poses: []string{"hooklying"}},
		}}
	dog := &program.Exercise{ID: "bird-dog", Name: "Bird dog", Position: "on hands and knees",
		Steps: []program.Step{
			{Phase: program.Setup, Cue: "Hands and knees", Poses: []string{"bird-dog-start"}},
			{Phase: program.Move, Cue: "Reach arm and leg", Poses: []string{"bird-dog-arm-leg"}},
			{Phase: program.Hold, Cue: "Hold", Poses: []string{"bird-dog-arm-leg"}},
			{Phase: program.Return, Cue: "Lower", Poses: []string{"bird-dog-start"}},
		}}
	return program.Plan{GetReady: 5 * time.Second, Rest: 6 * time.Second, Items: []program.PlanItem{
		{Exercise: slides, Dose: program.Dose{Sets: []int{2}, Up: time.Second, Hold: 5 * time.Second, Down: time.Second,
			Sides: 2, RepRest: time.Second}},
		{Exercise: dog, Dose: program.Dose{Sets: []int{1}, Up: time.Second, Hold: 6 * time.Second, Down: time.Second}},
	}}
}

// sound is one call to the fake output: a tone (text "") or a phrase, due
// at at and handed over at given.
type sound struct {
	cue   audio.Cue
	text  string
	at    time.Time
	given time.Time
}

// fakeSound records what a session asks the sound output to do.
type fakeSound struct {
	clock *program.FakeClock

	mu       sync.Mutex
	sounds   []sound
	cancels  int
	prepared []string
	held     bool
}

func (f *fakeSound) PlayAt(c audio.Cue, at time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sounds = append(f.sounds, sound{cue: c, at: at, given: f.clock.Now()})
}

func (f *fakeSound) SayAt(text string, at time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sounds = append(f.sounds, sound{cue: -1, text: text, at: at, given: f.clock.Now()})
}

func (f *fakeSound) CancelPending() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cancels++
}

func (f *fakeSound) Prepare(texts ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.prepared = append(f.prepared, texts...)
}

func (f *fakeSound) Hold(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.held = on
}

func (f *fakeSound) holding() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.held
}

func (f *fakeSound) cancelled() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cancels
}

// tones returns the tones due at or after from, in order of due time.
func (f *fakeSound) tones(from time.Time) []sound {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []sound
	for _, s := range f.sounds {
		if s.text == "" && !s.at.Before(from) {
			out = append(out, s)
		}
	}
	sortSounds(out)
	return out
}

// count is how many sounds were asked for so far.
func (f *fakeSound) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.sounds)
}

// tonesSince returns the tones asked for after the first n sounds, in order
// of due time.
func (f *fakeSound) tonesSince(n int) []sound {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []sound
	for _, s := range f.sounds[n:] {
		if s.text == "" {
			out = append(out, s)
		}
	}
	sortSounds(out)
	return out
}

func (f *fakeSound) said(text string) []time.Time {
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

func sortSounds(s []sound) {
	slices.SortStableFunc(s, func(a, b sound) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return int(a.cue) - int(b.cue)
	})
}

// rig is a Follow of testPlan on a fake clock, with what its callbacks said.
type rig struct {
	f     *Follow
	clock *program.FakeClock
	sound *fakeSound

	mu      sync.Mutex
	changes int
	ticks   int
	ends    []bool
}

func newRig(t *testing.T) *rig {
	t.Helper()
	r := &rig{clock: program.NewFakeClock(t0)}
	r.sound = &fakeSound{clock: r.clock}
	r.f = New(testPlan(), r.clock, r.sound)
	r.f.OnChange = func(program.Position) { r.mu.Lock(); r.changes++; r.mu.Unlock() }
	r.f.OnTick = func(program.Position) { r.mu.Lock(); r.ticks++; r.mu.Unlock() }
	r.f.OnEnd = func(c bool) { r.mu.Lock(); r.ends = append(r.ends, c); r.mu.Unlock() }
	return r
}

func (r *rig) start() {
	r.f.Start()
	r.clock.Advance(0)
}

// at steps the clock to offset from the start, a tick at a time, like a
// real clock.
func (r *rig) at(offset time.Duration) {
	end := t0.Add(offset)
	for now := r.clock.Now(); now.Before(end); now = r.clock.Now() {
		next := now.Add(TickEvery)
		if next.After(end) {
			next = end
		}
		r.clock.AdvanceTo(next)
	}
}

// wait steps the clock on by d, a tick at a time.
func (r *rig) wait(d time.Duration) { r.at(r.clock.Now().Add(d).Sub(t0)) }

func (r *rig) endings() []bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.ends)
}

var fine = Ratings{MaxPainDuring: 2, PainAfter: 1, LegSpread: program.SpreadNone, Felt: program.FeltOK}

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

func TestWholeSession(t *testing.T) {
	r := newRig(t)
	total := r.f.Timeline().Total()
	if got := r.f.Phase(); got != Ready {
		t.Fatalf("phase %v before Start, want ready", got)
	}
	if _, ok := r.f.Finish(fine); ok {
		t.Fatal("Finish worked before the session started")
	}
	r.start()
	if got := r.f.Phase(); got != Running {
		t.Fatalf("phase %v after Start, want running", got)
	}
	if !r.sound.holding() {
		t.Error("the running session does not hold the sound output awake")
	}
	if !slices.Contains(r.sound.prepared, "Reach arm and leg") || !slices.Contains(r.sound.prepared, "Last set") {
		t.Error("the session's phrases were not prepared")
	}
	r.at(total - time.Second)
	if got := r.f.Phase(); got != Running {
		t.Fatalf("phase %v a second before the end, want running", got)
	}
	r.at(total + time.Second)
	if got := r.f.Phase(); got != Rating {
		t.Fatalf("phase %v after the end, want rating", got)
	}
	if got := r.endings(); !slices.Equal(got, []bool{true}) {
		t.Errorf("OnEnd calls %v, want one, completed", got)
	}
	if r.sound.holding() {
		t.Error("the finished session still holds the sound output")
	}
	if p := r.clock.Pending(); len(p) != 0 {
		t.Errorf("%d timers pending after the end", len(p))
	}
	if r.ticks < int(total/TickEvery)-1 {
		t.Errorf("%d ticks over %v, want one every %v", r.ticks, total, TickEvery)
	}
	r.clock.Advance(time.Minute) // the user takes a minute to rate
	got, ok := r.f.Finish(Ratings{MaxPainDuring: 3, PainAfter: 2, LegSpread: program.SpreadSettled, Felt: program.FeltEasy})
	if !ok {
		t.Fatal("Finish refused complete ratings")
	}
	if !got.Started.Equal(t0) || !got.Ended.Equal(t0.Add(total)) || got.Duration != total {
		t.Errorf("started %v ended %v duration %v; want the start, start+%v and %v", got.Started, got.Ended, got.Duration, total, total)
	}
	if !slices.Equal(got.Completed, []string{"heel-slide", "bird-dog"}) || len(got.Skipped) != 0 {
		t.Errorf("completed %v skipped %v, want both done", got.Completed, got.Skipped)
	}
	if got.EndedEarly || got.StoppedForPain || got.NumbWeak || got.StopCauses != nil || got.StopNote != "" {
		t.Errorf("flags set on a plain session: %+v", got)
	}
	if got.MaxPainDuring != 3 || got.PainAfter != 2 || got.LegSpread != program.SpreadSettled || got.Felt != program.FeltEasy {
		t.Errorf("ratings %d %d %q %q, want 3 2 settled easy", got.MaxPainDuring, got.PainAfter, got.LegSpread, got.Felt)
	}
	if r.f.Phase() != Finished {
		t.Errorf("phase %v after Finish, want finished", r.f.Phase())
	}
	if _, ok := r.f.Finish(fine); ok {
		t.Error("a second Finish worked")
	}
}

func TestPauseAndResume(t *testing.T) {
	r := newRig(t)
	r.start()
	total := r.f.Timeline().Total()
	hold := intervalOf(t, r.f.Timeline(), 0, program.StageHold, 1, program.LeftSide)
	r.at(hold.Start + time.Second)
	cancels := r.sound.cancelled()

	r.f.TogglePause()
	r.clock.Advance(0)
	if got := r.f.Phase(); got != Paused {
		t.Fatalf("phase %v after TogglePause, want paused", got)
	}
	if r.sound.cancelled() == cancels {
		t.Error("pausing did not cancel the queued cues")
	}
	if at := r.sound.said("Paused"); len(at) != 1 || !at[0].IsZero() {
		t.Errorf("Paused said at %v, want once, at once", at)
	}
	if r.sound.holding() {
		t.Error("the paused session holds the sound output awake")
	}
	if p := r.clock.Pending(); len(p) != 0 {
		t.Errorf("%d timers pending while paused, want none", len(p))
	}
	ticks := r.ticks
	r.clock.Advance(time.Minute)
	if p := r.f.Position(); p.Offset != hold.Start+time.Second {
		t.Errorf("offset %v after a minute paused, want %v", p.Offset, hold.Start+time.Second)
	}
	if r.ticks != ticks {
		t.Errorf("%d ticks while paused", r.ticks-ticks)
	}

	r.f.TogglePause()
	if got := r.f.Phase(); got != Running {
		t.Fatalf("phase %v after the second TogglePause, want running", got)
	}
	if at := r.sound.said("Paused"); len(at) != 1 {
		t.Errorf("Paused said %d times, want once: resuming says nothing", len(at))
	}
	r.wait(1100 * time.Millisecond)
	if p := r.f.Position(); p.Offset != hold.Start+2100*time.Millisecond {
		t.Errorf("offset %v 1.1 s after resuming, want %v", p.Offset, hold.Start+2100*time.Millisecond)
	}
	r.at(time.Minute + total + time.Second)
	got, ok := r.f.Finish(fine)
	if !ok {
		t.Fatalf("Finish refused in phase %v", r.f.Phase())
	}
	if got.Duration != total {
		t.Errorf("duration %v, want %v (the pause left out)", got.Duration, total)
	}
	if !got.Ended.Equal(t0.Add(time.Minute + total)) {
		t.Errorf("ended %v, want a minute after the session's length", got.Ended.Sub(t0))
	}
}

func TestJumps(t *testing.T) {
	plan := testPlan()
	tl := plan.Timeline()
	rest := intervalOf(t, tl, 0, program.StageRest, 0, program.NoSide)
	dog, _ := tl.ItemStart(1)
	tests := []struct {
		name          string
		play          func(r *rig)
		wantOffset    time.Duration // where the session is after play; -1: not checked
		end           func(r *rig)  // then; nil plays to the end
		completed     []string
		skipped       []string
		endedEarly    bool
		completedEnds []bool // what OnEnd said
	}{
		{"skip the first, do the second",
			func(r *rig) { r.at(3 * time.Second); r.f.Next() }, dog, nil,
			[]string{"bird-dog"}, []string{"heel-slide"}, false, []bool{true}},
		{"skip then back within the grace time",
			func(r *rig) { r.at(3 * time.Second); r.f.Next(); r.wait(time.Second); r.f.Back() }, 0, nil,
			[]string{"heel-slide", "bird-dog"}, nil, false, []bool{true}},
		{"back late in an exercise restarts it",
			func(r *rig) { r.at(dog + 4*time.Second); r.f.Back() }, dog, nil,
			[]string{"heel-slide", "bird-dog"}, nil, false, []bool{true}},
		{"repeat",
			func(r *rig) { r.at(7 * time.Second); r.f.Repeat() }, 0, nil,
			[]string{"heel-slide", "bird-dog"}, nil, false, []bool{true}},
		{"skip in the rest after work done",
			func(r *rig) { r.at(rest.Start + time.Second); r.f.Next() }, dog, nil,
			[]string{"heel-slide", "bird-dog"}, nil, false, []bool{true}},
		{"next from the last exercise ends it",
			func(r *rig) { r.at(dog + time.Second); r.f.Next() }, -1, nil,
			[]string{"heel-slide"}, []string{"bird-dog"}, false, []bool{true}},
		{"skipped while paused stays paused",
			func(r *rig) {
				r.at(3 * time.Second)
				r.f.TogglePause()
				r.f.Next()
				r.wait(time.Minute)
				r.f.TogglePause()
			},
			dog, nil, []string{"bird-dog"}, []string{"heel-slide"}, false, []bool{true}},
		{"ended early",
			func(r *rig) { r.at(rest.Start + time.Second) }, -1,
			func(r *rig) {
				if !r.f.EndEarly() {
					t.Error("EndEarly did not end a running session")
				}
			},
			[]string{"heel-slide"}, []string{"bird-dog"}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t)
			r.start()
			tt.play(r)
			if tt.wantOffset >= 0 {
				if got := r.f.Position().Offset; got != tt.wantOffset {
					t.Errorf("offset %v, want %v", got, tt.wantOffset)
				}
			}
			if tt.end != nil {
				tt.end(r)
			}
			r.wait(time.Hour)
			if got := r.f.Phase(); got != Rating {
				t.Fatalf("phase %v at the end, want rating", got)
			}
			if got := r.endings(); !slices.Equal(got, tt.completedEnds) {
				t.Errorf("OnEnd calls %v, want %v", got, tt.completedEnds)
			}
			got, ok := r.f.Finish(fine)
			if !ok {
				t.Fatal("Finish refused")
			}
			if !slices.Equal(got.Completed, tt.completed) || !slices.Equal(got.Skipped, tt.skipped) {
				t.Errorf("completed %v skipped %v, want %v %v", got.Completed, got.Skipped, tt.completed, tt.skipped)
			}
			if got.EndedEarly != tt.endedEarly {
				t.Errorf("ended early %v, want %v", got.EndedEarly, tt.endedEarly)
			}
		})
	}
}

func TestAskEnd(t *testing.T) {
	for _, tt := range []struct {
		name        string
		pausedFirst bool
	}{{"while running", false}, {"while paused", true}} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t)
			r.start()
			r.at(2 * time.Second)
			if tt.pausedFirst {
				r.f.TogglePause()
			}
			r.f.AskEnd()
			if !r.f.EndAsked() || r.f.Phase() != Paused {
				t.Fatalf("asked %v, phase %v; want asked and paused", r.f.EndAsked(), r.f.Phase())
			}
			r.f.Next()
			r.f.TogglePause()
			if p := r.f.Position(); p.Offset != 2*time.Second || r.f.Phase() != Paused {
				t.Errorf("while asked, Next and TogglePause moved the session: %v, %v", p.Offset, r.f.Phase())
			}
			r.wait(30 * time.Second)
			r.f.KeepGoing()
			want := Running
			if tt.pausedFirst {
				want = Paused
			}
			if r.f.EndAsked() || r.f.Phase() != want {
				t.Errorf("after KeepGoing: asked %v, phase %v; want %v", r.f.EndAsked(), r.f.Phase(), want)
			}
			if want == Paused {
				r.f.TogglePause()
			}
			r.wait(time.Second)
			if got := r.f.Position().Offset; got != 3*time.Second {
				t.Errorf("offset %v a second after going on, want 3s", got)
			}

			r.f.AskEnd()
			r.wait(30 * time.Second)
			if !r.f.EndEarly() {
				t.Fatal("EndEarly refused")
			}
			if r.f.EndEarly() || r.f.StopForPain() {
				t.Error("a second ending worked")
			}
			r.wait(time.Minute)
			got, ok := r.f.Finish(fine)
			if !ok {
				t.Fatal("Finish refused")
			}
			if got.Duration != 3*time.Second || !got.EndedEarly || got.StoppedForPain {
				t.Errorf("duration %v, ended early %v, stopped for pain %v; want 3s, true, false",
					got.Duration, got.EndedEarly, got.StoppedForPain)
			}
			if len(got.Completed) != 0 || len(got.Skipped) != 2 {
				t.Errorf("completed %v skipped %v, want none and both", got.Completed, got.Skipped)
			}
			if len(r.endings()) != 0 {
				t.Errorf("OnEnd called for an ending asked for: %v", r.endings())
			}
		})
	}
}

func TestStopForPain(t *testing.T) {
	tests := []struct {
		name       string
		causes     []program.StopCause
		note       string
		wantCauses []program.StopCause
		wantNote   string
		numbWeak   bool
	}{
		{"numbness", []program.StopCause{program.StopNumbness}, "", []program.StopCause{program.StopNumbness}, "", true},
		{"weakness and back pain", []program.StopCause{program.StopWeakness, program.StopBackPain}, "",
			[]program.StopCause{program.StopWeakness, program.StopBackPain}, "", true},
		{"leg pain and the user's words", []program.StopCause{program.StopLegPain, program.StopOther}, "  a twinge in the hip ",
			[]program.StopCause{program.StopLegPain, program.StopOther}, "a twinge in the hip", false},
		{"words without Other are not kept", []program.StopCause{program.StopBackPain}, "typed, then untick",
			[]program.StopCause{program.StopBackPain}, "", false},
		{"ticked twice", []program.StopCause{program.StopLegPain, program.StopLegPain}, "",
			[]program.StopCause{program.StopLegPain}, "", false},
		{"nothing said", nil, "", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t)
			r.start()
			hold := intervalOf(t, r.f.Timeline(), 0, program.StageHold, 1, program.LeftSide)
			r.at(hold.Start + time.Second)
			cancels := r.sound.cancelled()
			if r.f.WhatHappened(tt.causes, tt.note) {
				t.Error("WhatHappened worked before stopping")
			}
			if !r.f.StopForPain() {
				t.Fatal("StopForPain refused")
			}
			if got := r.f.Phase(); got != StoppedForPain {
				t.Fatalf("phase %v, want stopped for pain", got)
			}
			if r.sound.cancelled() == cancels {
				t.Error("queued cues not cancelled")
			}
			if r.f.StopForPain() || r.f.EndEarly() {
				t.Error("a second ending worked")
			}
			r.wait(time.Minute)
			if _, ok := r.f.Finish(fine); ok {
				t.Error("Finish worked before saying what happened")
			}
			if !r.f.WhatHappened(tt.causes, tt.note) {
				t.Fatal("WhatHappened refused")
			}
			if got := r.f.Phase(); got != Rating {
				t.Fatalf("phase %v, want rating", got)
			}
			got, ok := r.f.Finish(Ratings{MaxPainDuring: 7, PainAfter: 5, LegSpread: program.SpreadStayed, Felt: program.FeltHard})
			if !ok {
				t.Fatal("Finish refused")
			}
			if !got.StoppedForPain || !got.EndedEarly {
				t.Errorf("stopped for pain %v, ended early %v; want both", got.StoppedForPain, got.EndedEarly)
			}
			if !slices.Equal(got.StopCauses, tt.wantCauses) || got.StopNote != tt.wantNote {
				t.Errorf("causes %v note %q, want %v %q", got.StopCauses, got.StopNote, tt.wantCauses, tt.wantNote)
			}
			if got.NumbWeak != tt.numbWeak {
				t.Errorf("NumbWeak %v, want %v", got.NumbWeak, tt.numbWeak)
			}
			if want := t0.Add(hold.Start + time.Second); !got.Ended.Equal(want) || got.Duration != hold.Start+time.Second {
				t.Errorf("ended %v after %v, want %v (when stopped, not when rated)", got.Ended, got.Duration, want)
			}
			if len(r.endings()) != 0 {
				t.Errorf("OnEnd called: %v", r.endings())
			}
		})
	}
}

func TestRatingsOpen(t *testing.T) {
	tests := []struct {
		name string
		r    Ratings
		want []Question
	}{
		{"complete", fine, nil},
		{"zero pain is an answer", Ratings{0, 0, program.SpreadNone, program.FeltEasy}, nil},
		{"nothing", Ratings{NotRated, NotRated, "", ""}, []Question{AskMaxPain, AskPainAfter, AskLegSpread, AskFelt}},
		{"pain after missing", Ratings{4, NotRated, program.SpreadStayed, program.FeltHard}, []Question{AskPainAfter}},
		{"out of range", Ratings{11, 3, program.SpreadNone, "meh"}, []Question{AskMaxPain, AskFelt}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Open(); !slices.Equal(got, tt.want) {
				t.Errorf("Open() = %v, want %v", got, tt.want)
			}
		})
	}
	r := newRig(t)
	r.start()
	r.wait(time.Hour)
	if _, ok := r.f.Finish(Ratings{NotRated, 2, program.SpreadNone, program.FeltOK}); ok {
		t.Error("Finish worked with a question open")
	}
	if r.f.Phase() != Rating {
		t.Errorf("phase %v after a refused Finish, want rating", r.f.Phase())
	}
}

func TestClose(t *testing.T) {
	r := newRig(t)
	r.start()
	r.at(3 * time.Second)
	cancels := r.sound.cancelled()
	r.f.Close()
	r.clock.Advance(0)
	if r.f.Phase() != Finished {
		t.Errorf("phase %v after Close, want finished", r.f.Phase())
	}
	if r.sound.cancelled() == cancels {
		t.Error("Close left cues queued")
	}
	if p := r.clock.Pending(); len(p) != 0 {
		t.Errorf("%d timers pending after Close", len(p))
	}
	r.wait(time.Hour)
	if len(r.endings()) != 0 {
		t.Errorf("OnEnd called after Close: %v", r.endings())
	}
	if _, ok := r.f.Finish(fine); ok {
		t.Error("a closed session gave a result")
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

// wantTones are the tones of the events after offset from, due at origin +
// offset.
func wantTones(tl program.Timeline, origin time.Time, from time.Duration) []sound {
	var out []sound
	for _, e := range tl.Events() {
		if c, ok := toneOf(e); ok && e.Offset > from {
			out = append(out, sound{cue: c, at: origin.Add(e.Offset)})
		}
	}
	sortSounds(out)
	return out
}

// sameTones compares tones by cue and due time.
func sameTones(t *testing.T, got, want []sound, origin time.Time) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d tones, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i].cue != want[i].cue || !got[i].at.Equal(want[i].at) {
			t.Errorf("tone %d: got %v at %v, want %v at %v", i, got[i].cue, got[i].at.Sub(origin), want[i].cue, want[i].at.Sub(origin))
			return
		}
	}
}

func TestCuesAtTimelineOffsets(t *testing.T) {
	r := newRig(t)
	r.start()
	tl := r.f.Timeline()
	r.at(tl.Total() + time.Second)

	got := r.sound.tones(t0)
	sameTones(t, got, wantTones(tl, t0, -1), t0)
	// Each tone is handed over a lookahead ahead of its moment (within a
	// tick), except those due in the first moments, before there was one.
	for _, s := range got {
		ahead := s.at.Sub(s.given)
		if s.at.Sub(t0) < Lookahead {
			continue
		}
		if ahead < Lookahead-TickEvery || ahead > Lookahead {
			t.Errorf("%v at %v handed over %v ahead, want %v to %v", s.cue, s.at.Sub(t0), ahead, Lookahead-TickEvery, Lookahead)
		}
	}

	if at := r.sound.said("Heel slides"); len(at) != 1 || !at[0].Equal(t0) {
		t.Errorf("Heel slides said at %v, want once at the start", at)
	}
	dog, _ := tl.ItemStart(1)
	rest := intervalOf(t, tl, 0, program.StageRest, 0, program.NoSide)
	preview := t0.Add(rest.Start + rest.Duration/2)
	if at := r.sound.said("Next exercise"); len(at) != 1 || !at[0].Equal(preview) {
		t.Errorf("Next exercise said at %v, want once at %v", at, preview.Sub(t0))
	}
	// The name in the rest follows "Next exercise"; as it starts, it follows
	// the tone ending the rest.
	wantDog := []time.Time{preview.Add(speechLength("Next exercise")), t0.Add(dog + toneGap)}
	if at := r.sound.said("Bird dog"); !slices.EqualFunc(at, wantDog, time.Time.Equal) {
		t.Errorf("Bird dog said at %v, want %v", at, wantDog)
	}
	if at := r.sound.said("Well done, session complete"); len(at) != 1 || !at[0].Equal(t0.Add(tl.Total()+completeGap)) {
		t.Errorf("the end said at %v, want %v after the last tone", at, completeGap)
	}
	if at := r.sound.said("Last one"); len(at) != 2 {
		t.Errorf("Last one said at %v, want before the last rep of each side of heel slides", at)
	}
	if n := r.sound.cancelled(); n != 1 {
		t.Errorf("%d cancels in a session with no pause or jump, want the one at the start", n)
	}
}

func TestCuesAfterPauseAndJump(t *testing.T) {
	r := newRig(t)
	r.start()
	tl := r.f.Timeline()
	const pauseAt = 9 * time.Second
	r.at(pauseAt)
	r.f.TogglePause()
	r.wait(time.Minute)
	resumed := r.clock.Now()
	r.f.TogglePause()
	r.at(time.Minute + tl.Total() + time.Second)
	// After the pause, every tone still to come is a minute later than its
	// offset.
	sameTones(t, r.sound.tones(resumed), wantTones(tl, t0.Add(time.Minute), pauseAt), t0)

	// A jump cancels what was queued and queues from where it lands.
	r = newRig(t)
	r.start()
	r.at(3 * time.Second)
	cancels, before := r.sound.cancelled(), r.sound.count()
	r.f.Next()
	jumped := r.clock.Now()
	if r.sound.cancelled() == cancels {
		t.Error("Next did not cancel the queued cues")
	}
	dog, _ := tl.ItemStart(1)
	r.at(tl.Total() + time.Hour)
	origin := jumped.Add(-dog)
	sameTones(t, r.sound.tonesSince(before), wantTones(tl, origin, dog-1), t0)
}
