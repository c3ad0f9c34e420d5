// Package session follows one exercise session from its start to the user's
// ratings: it plays the plan's timeline on a clock, keeps which exercises were
// done and which skipped, the time spent paused, how the session ended (played
// through, ended early, stopped for pain and why) and the ratings after it,
// and hands the sound output each cue ahead of its moment. It knows nothing of
// the screen: a window draws a Follow and forwards the user's input to it.
package session

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"steady/program"
)

// A Phase is which part of a session a Follow is in.
type Phase int

// The phases, in the order a session goes through them. StoppedForPain is
// skipped unless the user stops for pain.
const (
	Ready          Phase = iota // built, not started
	Running                     // following along
	Paused                      // following along, paused
	StoppedForPain              // stopped by "Stop — it hurts": what happened?
	Rating                      // over: waiting for the ratings
	Finished                    // rated, or closed without a result
)

var phaseNames = [...]string{"ready", "running", "paused", "stopped for pain", "rating", "finished"}

func (p Phase) String() string {
	if p >= 0 && int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return fmt.Sprintf("Phase(%d)", int(p))
}

// TickEvery is how often OnTick is called while the session runs.
const TickEvery = 100 * time.Millisecond

// A Result is what a session leaves for the journal: what was done, how it
// ended and what the user said about it afterwards.
type Result struct {
	Started, Ended time.Time
	Duration       time.Duration // time spent in the session, pauses left out

	Completed []string // IDs of the exercises played through, in plan order
	Skipped   []string // IDs of the exercises skipped or not reached, in plan order

	MaxPainDuring int // highest pain during the session, 0 to 10
	PainAfter     int // pain right after it, 0 to 10
	LegSpread     program.LegSpread
	Felt          program.Felt

	// NumbWeak is new numbness, tingling or weakness: always a red light,
	// and the caller asks the red-flag questions again.
	NumbWeak       bool
	StoppedForPain bool // "Stop — it hurts" ended the session
	EndedEarly     bool // ended before the session's end, by the user

	StopCauses []program.StopCause // what happened, when stopped for pain
	StopNote   string              // the user's own words for StopOther, or ""
}

// NotRated is a pain rating not given yet.
const NotRated = -1

// Ratings are the user's four answers after a session. The zero value has
// the pain ratings at 0; start from NotRated for unanswered ones.
type Ratings struct {
	MaxPainDuring int               // 0 to 10, or NotRated
	PainAfter     int               // 0 to 10, or NotRated
	LegSpread     program.LegSpread // "" when not answered
	Felt          program.Felt      // "" when not answered
}

// A Question is one of the ratings.
type Question int

// The questions after a session, in the order they are asked.
const (
	AskMaxPain Question = iota + 1
	AskPainAfter
	AskLegSpread
	AskFelt
)

// Open returns the questions without a valid answer, in order.
func (r Ratings) Open() []Question {
	var open []Question
	if r.MaxPainDuring < 0 || r.MaxPainDuring > 10 {
		open = append(open, AskMaxPain)
	}
	if r.PainAfter < 0 || r.PainAfter > 10 {
		open = append(open, AskPainAfter)
	}
	switch r.LegSpread {
	case program.SpreadNone, program.SpreadSettled, program.SpreadStayed:
	default:
		open = append(open, AskLegSpread)
	}
	switch r.Felt {
	case program.FeltEasy, program.FeltOK, program.FeltHard:
	default:
		open = append(open, AskFelt)
	}
	return open
}

// itemStatus is how far one exercise of the plan got.
type itemStatus int

const (
	itemNotDone itemStatus = iota
	itemSkipped
	itemDone
)

// A Follow is one session being followed along: the plan's timeline played
// on a clock, from Start through the ratings to its Result.
//
// Its methods may be called from any goroutine; a window calls them from its
// own. The callbacks are called from the clock's goroutine (see
// program.Runner), never from inside a Follow method and never with a lock
// held, so they may call any method; a window hands them on to its own
// goroutine. Set them before Start.
type Follow struct {
	// OnChange is called with the new position when a new interval begins
	// and after every start, pause, resume and jump. The methods that move
	// the session report it this way too, a moment after they return;
	// Position tells at once.
	OnChange func(program.Position)
	// OnTick is called with the position every TickEvery while the session
	// runs, to redraw a countdown.
	OnTick func(program.Position)
	// OnEnd is called once if the session ends by itself: played to its end
	// (completed), or jumped past its last exercise. The Follow is then in
	// Rating. Endings asked for by a method (EndEarly, StopForPain, Close)
	// do not call it.
	OnEnd func(completed bool)

	plan   program.Plan
	tl     program.Timeline
	clock  program.Clock
	sound  Sound
	runner *program.Runner
	cues   *cueQueue

	// Facts of the timeline, by plan item.
	workEnd   []time.Duration // where the item's last work ends (-1: not in the session)
	ordinal   []int           // the item's number among those in the session, from 1
	exercises int             // how many items the session has

	mu          sync.Mutex
	phase       Phase // Ready, Running, StoppedForPain, Rating or Finished: Paused is the runner's
	status      []itemStatus
	started     time.Time
	ended       time.Time
	pausedAt    time.Time // while paused
	pausedFor   time.Duration
	asking      bool // AskEnd is waiting for an answer
	resumeAfter bool // AskEnd paused a running session
	result      Result

	// The pump calls OnTick and tops up the cues while running.
	pumpMu    sync.Mutex
	pumping   bool
	pumpGen   int
	pumpTimer program.Stopper
}

// New returns a session of plan, timed by clock, with its cues played on
// sound. Nothing happens until Start.
func New(plan program.Plan, clock program.Clock, sound Sound) *Follow {
	f := &Follow{plan: plan, tl: plan.Timeline(), clock: clock, sound: sound}
	f.cues = newCueQueue(sound, f.tl)
	f.learnTimeline()
	f.runner = program.NewRunner(f.tl, clock, f.event)
	f.runner.OnChange = f.change
	f.runner.OnEnd = f.end
	return f
}

// learnTimeline works out where each exercise's work ends and numbers the
// exercises of the session.
func (f *Follow) learnTimeline() {
	n := len(f.plan.Items)
	f.workEnd = make([]time.Duration, n)
	f.ordinal = make([]int, n)
	f.status = make([]itemStatus, n)
	for i := range n {
		f.workEnd[i] = -1
		if _, ok := f.tl.ItemStart(i); ok {
			f.exercises++
			f.ordinal[i] = f.exercises
		}
	}
	for _, iv := range f.tl.Intervals() {
		if iv.Stage != program.StageRest {
			f.workEnd[iv.Item] = max(f.workEnd[iv.Item], iv.End())
		}
	}
}

// Timeline returns the timeline the session plays.
func (f *Follow) Timeline() program.Timeline { return f.tl }

// Now returns the time on the session's clock.
func (f *Follow) Now() time.Time { return f.clock.Now() }

// Position returns where the session is now.
func (f *Follow) Position() program.Position { return f.runner.Position() }

// ExerciseNumber returns plan item's number among the exercises of the
// session, from 1 (0 when it is left out), and how many there are.
func (f *Follow) ExerciseNumber(item int) (n, of int) {
	if item < 0 || item >= len(f.ordinal) {
		return 0, f.exercises
	}
	return f.ordinal[item], f.exercises
}

// Phase returns the part of the session it is in.
func (f *Follow) Phase() Phase {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.phase == Running && f.runner.Paused() {
		return Paused
	}
	return f.phase
}

// EndAsked reports whether AskEnd is waiting for EndEarly or KeepGoing.
func (f *Follow) EndAsked() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.asking
}

// Start starts the session now. Only the first call counts.
func (f *Follow) Start() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.phase != Ready {
		return
	}
	f.phase = Running
	f.started = f.clock.Now()
	f.sound.Prepare(phrases(f.plan)...)
	f.runner.Start()
}

// steering reports whether the user may pause, skip or go back; f.mu is
// held.
func (f *Follow) steering() bool { return f.phase == Running && !f.asking }

// TogglePause pauses a running session, saying so, and resumes a paused one.
func (f *Follow) TogglePause() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.steering() {
		return
	}
	if f.runner.Paused() {
		f.resume()
		return
	}
	if f.pause() {
		f.sound.SayAt(sayPaused, time.Time{})
	}
}

// pause pauses the runner and drops the cues queued for it now, not when
// the runner's report arrives; f.mu is held.
func (f *Follow) pause() bool {
	if f.runner.Paused() || f.runner.Done() {
		return false
	}
	f.runner.Pause()
	f.setPump(false)
	f.cues.update(f.runner.Position().Generation, nil)
	f.pausedAt = f.clock.Now()
	return true
}

// resume resumes a paused runner; f.mu is held.
func (f *Follow) resume() {
	if !f.runner.Paused() {
		return
	}
	f.runner.Resume()
	f.pausedFor += f.clock.Now().Sub(f.pausedAt)
	f.pausedAt = time.Time{}
	p := f.runner.Position()
	f.cues.update(p.Generation, f.runner.Upcoming(Lookahead))
	f.setPump(true)
}

// Next goes to the next exercise; the one in progress counts as skipped
// unless its work was done. From the last exercise it goes to the end.
func (f *Follow) Next() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.steering() {
		return
	}
	p := f.runner.Position()
	if !p.Done && p.Offset < f.workEnd[p.Item] && f.status[p.Item] != itemDone {
		f.status[p.Item] = itemSkipped
	}
	f.jumped(f.runner.Next)
}

// Back restarts the exercise in progress, or goes to the one before within
// program.BackGrace of its start.
func (f *Follow) Back() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.steering() {
		f.jumped(f.runner.Back)
	}
}

// Repeat restarts the exercise in progress.
func (f *Follow) Repeat() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.steering() {
		f.jumped(f.runner.Repeat)
	}
}

// jumped moves the session with move; an exercise gone back to can be
// completed again. f.mu is held.
func (f *Follow) jumped(move func()) {
	move()
	p := f.runner.Position()
	if p.Done {
		return // the session's end comes through the runner
	}
	if f.status[p.Item] == itemSkipped {
		f.status[p.Item] = itemNotDone
	}
	if !p.Paused {
		f.cues.update(p.Generation, f.runner.Upcoming(Lookahead))
	}
}

// AskEnd pauses the session while the user is asked whether to end it:
// EndEarly ends it, KeepGoing goes on as before.
func (f *Follow) AskEnd() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.steering() {
		return
	}
	f.resumeAfter = f.pause()
	f.asking = true
}

// KeepGoing answers AskEnd: the session goes on, running again if AskEnd
// paused it.
func (f *Follow) KeepGoing() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.asking {
		return
	}
	f.asking = false
	if f.phase == Running && f.resumeAfter {
		f.resume()
	}
}

// EndEarly ends the session where it is; the ratings come next. It reports
// whether it ended it: false when the session was not running.
func (f *Follow) EndEarly() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.phase != Running {
		return false
	}
	f.stop(true)
	f.result.EndedEarly = true
	f.phase = Rating
	return true
}

// StopForPain stops everything at once; WhatHappened comes next. It reports
// whether it stopped the session: false when the session was not running.
func (f *Follow) StopForPain() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.phase != Running {
		return false
	}
	f.stop(true)
	f.result.EndedEarly = true
	f.result.StoppedForPain = true
	f.phase = StoppedForPain
	return true
}

// WhatHappened keeps what the user said after StopForPain: the causes they
// ticked, and their own words for StopOther (note is kept only with it).
// The ratings come next. It reports false, and keeps nothing, outside
// StoppedForPain.
func (f *Follow) WhatHappened(causes []program.StopCause, note string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.phase != StoppedForPain {
		return false
	}
	var kept []program.StopCause
	for _, c := range causes {
		if !slices.Contains(kept, c) {
			kept = append(kept, c)
		}
	}
	f.result.StopCauses = kept
	f.result.NumbWeak = slices.Contains(kept, program.StopNumbness) || slices.Contains(kept, program.StopWeakness)
	f.result.StopNote = ""
	if slices.Contains(kept, program.StopOther) {
		f.result.StopNote = strings.TrimSpace(note)
	}
	f.phase = Rating
	return true
}

// Finish completes the session with the user's ratings and returns its
// result. It reports false, and changes nothing, outside Rating or while a
// question is open (see Ratings.Open).
func (f *Follow) Finish(r Ratings) (Result, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.phase != Rating || len(r.Open()) > 0 {
		return Result{}, false
	}
	f.phase = Finished
	res := f.result
	res.Started, res.Ended = f.started, f.ended
	res.Duration = max(f.ended.Sub(f.started)-f.pausedFor, 0)
	for i, it := range f.plan.Items {
		if f.ordinal[i] == 0 {
			continue
		}
		if f.status[i] == itemDone {
			res.Completed = append(res.Completed, it.Exercise.ID)
		} else {
			res.Skipped = append(res.Skipped, it.Exercise.ID)
		}
	}
	res.StopCauses = slices.Clone(res.StopCauses)
	res.MaxPainDuring, res.PainAfter = r.MaxPainDuring, r.PainAfter
	res.LegSpread, res.Felt = r.LegSpread, r.Felt
	return res, true
}

// Close ends the session without a result, whatever phase it is in, and
// silences what it had queued.
func (f *Follow) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.phase == Finished {
		return
	}
	f.runner.End()
	f.setPump(false)
	f.sound.CancelPending()
	f.asking = false
	f.phase = Finished
}

// stop ends the runner and notes when. cancel drops the sounds still
// queued; a session that played to its end keeps them, to say it is
// complete. f.mu is held.
func (f *Follow) stop(cancel bool) {
	f.runner.End()
	f.setPump(false)
	if cancel {
		f.sound.CancelPending()
	}
	f.asking = false
	f.ended = f.clock.Now()
	if !f.pausedAt.IsZero() {
		f.pausedFor += f.ended.Sub(f.pausedAt)
		f.pausedAt = time.Time{}
	}
}

// event is the runner's call at each event, on the clock's goroutine.
func (f *Follow) event(e program.Event) {
	// Most events were queued ahead; this catches those that were not (the
	// first ones, and those where a jump lands), a moment late.
	f.cues.update(e.Generation, []program.Event{e})
	f.mu.Lock()
	defer f.mu.Unlock()
	// An exercise is done when the session plays past the end of its work.
	for i, end := range f.workEnd {
		if end == e.Offset && f.status[i] != itemSkipped {
			f.status[i] = itemDone
		}
	}
}

// change is the runner's report of a new position, on the clock's
// goroutine.
func (f *Follow) change(p program.Position) {
	f.cues.update(p.Generation, f.runner.Upcoming(Lookahead))
	// A report can trail a pause made just before it: the pump follows the
	// runner as it is now.
	now := f.runner.Position()
	f.setPump(!now.Paused && !now.Done)
	if f.OnChange != nil {
		f.OnChange(p)
	}
}

// end is the runner's report that the session is over, on the clock's
// goroutine.
func (f *Follow) end(completed bool) {
	f.mu.Lock()
	if f.phase != Running {
		f.mu.Unlock()
		return // ended by a method, which moved on already
	}
	f.stop(!completed)
	f.result.EndedEarly = !completed
	f.phase = Rating
	f.mu.Unlock()
	if f.OnEnd != nil {
		f.OnEnd(completed)
	}
}

// setPump starts or stops the pump, and holds the sound output awake while
// it runs.
func (f *Follow) setPump(on bool) {
	f.pumpMu.Lock()
	defer f.pumpMu.Unlock()
	if on == f.pumping {
		return
	}
	f.pumping = on
	f.pumpGen++
	if h, ok := f.sound.(Holder); ok {
		h.Hold(on)
	}
	if f.pumpTimer != nil {
		f.pumpTimer.Stop()
		f.pumpTimer = nil
	}
	if on {
		f.schedulePump(f.pumpGen)
	}
}

// schedulePump queues the next beat of pump run gen; f.pumpMu is held.
func (f *Follow) schedulePump(gen int) {
	f.pumpTimer = f.clock.AfterFunc(TickEvery, func() { f.pump(gen) })
}

// pump is one beat: it queues the sounds coming up (on the clock's
// goroutine, so they never wait for the screen) and calls OnTick.
func (f *Follow) pump(gen int) {
	f.pumpMu.Lock()
	if gen != f.pumpGen {
		f.pumpMu.Unlock()
		return
	}
	f.schedulePump(gen)
	f.pumpMu.Unlock()
	if evs := f.runner.Upcoming(Lookahead); len(evs) > 0 {
		f.cues.update(evs[0].Generation, evs)
	}
	if f.OnTick != nil {
		f.OnTick(f.runner.Position())
	}
}
