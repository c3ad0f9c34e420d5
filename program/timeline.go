package program

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"time"
)

// SideSwitch is how long the timeline gives for changing sides between the
// left and right reps of a set.
const SideSwitch = 5 * time.Second

// countdown is how many one-second ticks end a get-ready, a rest or a hold.
const countdown = 3

// halfwayFrom is the shortest rep hold that gets a Halfway event. Timed items
// always get one.
const halfwayFrom = 6 * time.Second

// A Stage is what an Interval of the session is for.
type Stage int

// The stages of a session.
const (
	StageGetReady Stage = iota + 1 // getting into position before an exercise; Setup steps
	StageMove                      // moving into the working position; Move steps
	StageHold                      // holding, or the whole of a timed item; Hold steps
	StageReturn                    // coming back to the start; Return steps
	StageRepRest                   // pause between reps of a set
	StageSwitch                    // changing to the other side; Setup steps
	StageSetRest                   // rest between sets of an exercise
	StageRest                      // rest between exercises
)

var stageNames = [...]string{"", "get ready", "move", "hold", "return", "rep rest", "switch sides", "set rest", "rest"}

func (s Stage) String() string {
	if s > 0 && int(s) < len(stageNames) {
		return stageNames[s]
	}
	return fmt.Sprintf("Stage(%d)", int(s))
}

// A Side is the side of the body being worked, for exercises done on each side
// in turn (Dose.Sides == 2). The left side comes first.
type Side int

// The sides.
const (
	NoSide Side = iota
	LeftSide
	RightSide
)

func (s Side) String() string {
	switch s {
	case NoSide:
		return "none"
	case LeftSide:
		return "left"
	case RightSide:
		return "right"
	}
	return fmt.Sprintf("Side(%d)", int(s))
}

// An EventKind says what an Event announces.
type EventKind int

// The kinds of events. Where several events share an offset they come in the
// order they should be announced, e.g. Release before SessionComplete, NextRep
// before StartMove, Halfway before a LastSeconds tick.
const (
	// GetReady starts an exercise: its name, and its first Setup step.
	GetReady EventKind = iota + 1
	// CountdownTick is one of the last three seconds of a get-ready, a side
	// switch or a rest; Count is 3, 2, then 1.
	CountdownTick
	// StartMove is "go" for a rep that starts by moving (Dose.Up > 0, or a
	// dynamic rep).
	StartMove
	// StartHold starts a hold: of a rep, or of a timed item other than a walk.
	// A rep with no move time starts with it.
	StartHold
	// StartWalk starts a timed walking item (Exercise.Kind == Walk), in place
	// of StartHold.
	StartWalk
	// NextStep is a later step of the same phase, when the phase has several.
	NextStep
	// Halfway is the middle of a hold of six seconds or more, or of a timed
	// item (per side).
	Halfway
	// LastSeconds is one of the last three seconds of a hold or timed item;
	// Count is 3, 2, then 1.
	LastSeconds
	// Release ends the hold (or the move, for a dynamic rep): the return
	// starts. Timed items have none.
	Release
	// NextRep starts the pause before the next rep of the same set and side
	// (or comes right before its StartMove when there is no pause); Rep is the
	// coming rep.
	NextRep
	// SwitchSides starts the change to the other side; Side is the new side.
	SwitchSides
	// Rest starts a rest between sets (Set is the coming set) or between
	// exercises (Item is the exercise just done).
	Rest
	// NextPreview comes halfway through a rest and says what follows: Item,
	// Set and Reps (and Name) describe the coming set or exercise.
	NextPreview
	// SessionComplete is the end of the session, at Timeline.Total.
	SessionComplete
)

var eventNames = [...]string{"", "get ready", "countdown tick", "start move", "start hold", "start walk",
	"next step", "halfway", "last seconds", "release", "next rep", "switch sides", "rest",
	"next preview", "session complete"}

func (k EventKind) String() string {
	if k > 0 && int(k) < len(eventNames) {
		return eventNames[k]
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// An Interval is a stretch of the session with one thing to do: one step of
// one phase of one rep, or a rest. Intervals are contiguous: each starts where
// the one before ends, the first at 0, the last ends at Timeline.Total.
//
// Set, Rep and Side count from 1 (Side: LeftSide, RightSide, or NoSide for an
// exercise done once). Rests between reps and sets and a side switch carry the
// set, rep and side that follow them. The rest between exercises carries the
// exercise it follows (Item), with Set and Rep 0. A timed item has Set, Sets,
// Rep and Reps 0.
type Interval struct {
	Stage           Stage
	Start, Duration time.Duration // offset from the session start, and length

	// The whole phase this interval is part of (a hold split between two
	// steps is one phase of two intervals): count down a hold with these.
	PhaseStart, PhaseDuration time.Duration

	Item      int // index into Plan.Items
	Set, Sets int // the set (from 1) and the number of sets
	Rep, Reps int // the rep (from 1) and the number of reps in this set, per side
	Side      Side
	Sides     int // 2 when each side is worked in turn, else 1
	Step      int // index into the exercise's Steps, or -1 (rests): show the start pose
}

// End returns the offset where the interval ends.
func (iv Interval) End() time.Duration { return iv.Start + iv.Duration }

// An Event is an instant of the session worth announcing: a sound, a spoken
// cue, a change on screen. Offset places it in the Timeline; a Runner adds Due
// and Generation when it plays it.
type Event struct {
	Kind     EventKind
	Offset   time.Duration // from the session start
	Interval int           // index of the interval in progress at Offset (len(Intervals) at the end)

	// Where in the plan, counted as in Interval. Announcements of what comes
	// (GetReady, NextRep, SwitchSides, NextPreview) carry what comes.
	Item      int // index into Plan.Items; -1 for SessionComplete
	Set, Sets int
	Rep, Reps int
	Side      Side

	Step  int    // index into the exercise's Steps, or -1
	Name  string // the exercise's name ("" for SessionComplete)
	Cue   string // the step's spoken cue, or ""
	Count int    // CountdownTick, LastSeconds: seconds left (3, 2, 1)

	Due        time.Time // when it falls due: the Runner's origin + Offset
	Generation uint64    // the Runner's generation when it was read; see Runner
}

// A Timeline is a plan laid out in time, the script a session plays: Plan.Timeline expands a plan into contiguous
// Intervals (what the body is doing now: getting ready, moving, holding,
// returning, resting) and instant Events (what the voice and the sounds say:
// "go", "halfway", "3, 2, 1", "release", "rest"). Everything sits at an exact
// offset from the start of the session, so the same plan always gives the same
// timeline, and a Runner can place every deadline at start + offset.
//
// The shape of one exercise (a PlanItem), with its Dose:
//
//	get ready (Plan.GetReady, the Setup steps; 3-2-1 countdown)
//	for each set:
//	    rest between sets (Dose.SetRest; not before the first set)
//	    for each side (left then right when Dose.Sides == 2):
//	        switch sides (SideSwitch; not before the first side)
//	        for each rep:
//	            rest between reps (Dose.RepRest; not before the first rep)
//	            move (Dose.Up) -> hold (Dose.Hold) -> return (Dose.Down)
//	rest before the next exercise (Plan.Rest; not after the last)
//
// A dynamic rep (Hold == 0) is move then return. A timed item (Dose.Duration >
// 0: walking, a position of comfort) is one long hold per side, with no sets or
// reps. A phase with several steps of the exercise is split evenly between them,
// one Interval per step, so each step's illustration animates over its own
// interval. A phase of zero length has no interval.
//
// It is a value: build it once with Plan.Timeline and share it; its slices
// must not be modified.
type Timeline struct {
	plan      Plan
	intervals []Interval
	events    []Event
	total     time.Duration
	itemStart []time.Duration // offset of each item's GetReady; -1 when it has nothing to do
}

// Plan returns the plan the timeline was built from.
func (t Timeline) Plan() Plan { return t.plan }

// Intervals returns the intervals in order. Do not modify them.
func (t Timeline) Intervals() []Interval { return t.intervals }

// Events returns the events in order of Offset. Do not modify them.
func (t Timeline) Events() []Event { return t.events }

// Total returns the length of the session.
func (t Timeline) Total() time.Duration { return t.total }

// ItemStart returns the offset where plan item i starts (its GetReady), and
// false when the item has nothing to do (no exercise, no sets and no duration)
// and so is left out of the timeline.
func (t Timeline) ItemStart(i int) (time.Duration, bool) {
	if i < 0 || i >= len(t.itemStart) || t.itemStart[i] < 0 {
		return 0, false
	}
	return t.itemStart[i], true
}

// NextItem returns the index of the first item after item i that is in the
// timeline, or -1.
func (t Timeline) NextItem(i int) int {
	for j := i + 1; j < len(t.itemStart); j++ {
		if t.itemStart[j] >= 0 {
			return j
		}
	}
	return -1
}

// PrevItem returns the index of the last item before item i that is in the
// timeline, or -1.
func (t Timeline) PrevItem(i int) int {
	for j := min(i, len(t.itemStart)) - 1; j >= 0; j-- {
		if t.itemStart[j] >= 0 {
			return j
		}
	}
	return -1
}

// A Position is where a session is at one offset: everything the screen needs
// to draw it. The embedded Interval is the one in progress (zero, with Item
// and Step -1, once Done).
type Position struct {
	Interval
	Index int // of the interval in Timeline.Intervals; len(Intervals) once done

	Offset   time.Duration // from the session start
	Total    time.Duration // the session's length
	Progress float64       // Offset / Total, 0..1

	Elapsed, Remaining           time.Duration // in the interval
	Fraction                     float64       // Elapsed / Duration, 0..1: drives the step's animation
	PhaseElapsed, PhaseRemaining time.Duration // in the phase (see Interval.PhaseStart)

	Items        int       // len(Plan.Items)
	Exercise     *Exercise // of Item; nil once done
	Next         int       // index of the next exercise, or -1 when this is the last
	NextExercise *Exercise // of Next, or nil

	Done bool // the session is over (or, from a Runner, ended)

	// Set by Runner.Position only.
	Paused     bool
	Generation uint64
}

// At returns the position at offset from the session start. An offset before
// 0 is the start; one at or after Total is the end (Done). It is a binary
// search: cheap enough to call every frame.
func (t Timeline) At(offset time.Duration) Position {
	offset = max(offset, 0)
	p := Position{Offset: offset, Total: t.total, Items: len(t.plan.Items), Progress: 1}
	if offset >= t.total {
		p.Offset = t.total
		p.Index = len(t.intervals)
		p.Item, p.Step, p.Next = -1, -1, -1
		p.Done = true
		return p
	}
	p.Progress = float64(offset) / float64(t.total)
	i := sort.Search(len(t.intervals), func(i int) bool { return t.intervals[i].End() > offset })
	iv := t.intervals[i]
	p.Interval, p.Index = iv, i
	p.Elapsed = offset - iv.Start
	p.Remaining = iv.Duration - p.Elapsed
	p.Fraction = float64(p.Elapsed) / float64(iv.Duration)
	p.PhaseElapsed = offset - iv.PhaseStart
	p.PhaseRemaining = iv.PhaseStart + iv.PhaseDuration - offset
	p.Exercise = t.plan.Items[iv.Item].Exercise
	p.Next = t.NextItem(iv.Item)
	if p.Next >= 0 {
		p.NextExercise = t.plan.Items[p.Next].Exercise
	}
	return p
}

// Timeline lays the plan out in time. Items with no exercise, or with neither
// sets nor a duration, are left out. It is deterministic: the same plan gives
// the same timeline.
func (p Plan) Timeline() Timeline {
	b := builder{plan: p}
	b.tl.plan = p
	b.tl.itemStart = make([]time.Duration, len(p.Items))
	for i := range p.Items {
		b.tl.itemStart[i] = -1
		if hasWork(p.Items[i]) {
			b.tl.itemStart[i] = 0 // marks it in the timeline, for NextItem below
		}
	}
	for i, item := range p.Items {
		if b.tl.itemStart[i] < 0 {
			continue
		}
		b.tl.itemStart[i] = b.at
		b.item(i, item)
		if next := b.tl.NextItem(i); next >= 0 && p.Rest > 0 {
			b.rest(StageRest, p.Rest, place{item: i, sides: 1}, b.first(next))
		}
	}
	b.event(SessionComplete, b.at, place{item: -1}, -1, 0)
	b.tl.total = b.at

	events := b.tl.events
	slices.SortStableFunc(events, func(a, b Event) int { return cmp.Compare(a.Offset, b.Offset) })
	j := 0
	for k := range events {
		for j < len(b.tl.intervals) && b.tl.intervals[j].End() <= events[k].Offset {
			j++
		}
		events[k].Interval = j
	}
	return b.tl
}

func hasWork(item PlanItem) bool {
	if item.Exercise == nil {
		return false
	}
	if item.Dose.Duration > 0 {
		return true
	}
	for _, n := range item.Dose.Sets {
		if n > 0 {
			return true
		}
	}
	return false
}

// A place is where in the plan an interval or event is.
type place struct {
	item, set, sets, rep, reps, sides int
	side                              Side
}

// phaseSteps are the indexes of an exercise's steps, by phase.
type phaseSteps struct {
	setup, move, hold, ret []int
}

func stepsOf(e *Exercise) phaseSteps {
	var s phaseSteps
	for i, st := range e.Steps {
		switch st.Phase {
		case Setup:
			s.setup = append(s.setup, i)
		case Move:
			s.move = append(s.move, i)
		case Hold:
			s.hold = append(s.hold, i)
		case Return:
			s.ret = append(s.ret, i)
		}
	}
	return s
}

func firstOf(steps []int) int {
	if len(steps) == 0 {
		return -1
	}
	return steps[0]
}

// builder appends intervals and events at its running offset.
type builder struct {
	plan Plan
	tl   Timeline
	at   time.Duration
}

// sets returns the reps of each set of a dose, leaving out empty sets; a timed
// dose is one set of one "rep".
func sets(d Dose) []int {
	if d.Duration > 0 {
		return []int{1}
	}
	var s []int
	for _, n := range d.Sets {
		if n > 0 {
			s = append(s, n)
		}
	}
	return s
}

func sidesOf(d Dose) []Side {
	if d.Sides == 2 {
		return []Side{LeftSide, RightSide}
	}
	return []Side{NoSide}
}

// placeIn returns the place of a rep of item i; set is an index into sets.
func placeIn(i int, d Dose, set, rep int, side Side) place {
	s := sets(d)
	p := place{item: i, set: set + 1, sets: len(s), rep: rep, reps: s[set], side: side, sides: len(sidesOf(d))}
	if d.Duration > 0 {
		p.set, p.sets, p.rep, p.reps = 0, 0, 0, 0
	}
	return p
}

// first returns the place where item i starts.
func (b *builder) first(i int) place {
	d := b.plan.Items[i].Dose
	return placeIn(i, d, 0, 1, sidesOf(d)[0])
}

func (b *builder) item(i int, item PlanItem) {
	d := item.Dose
	steps := stepsOf(item.Exercise)
	start := b.first(i)
	b.event(GetReady, b.at, start, firstOf(steps.setup), 0)
	b.wait(StageGetReady, b.plan.GetReady, start, steps.setup)

	for s := range sets(d) {
		if s > 0 && d.SetRest > 0 {
			next := placeIn(i, d, s, 1, sidesOf(d)[0])
			b.rest(StageSetRest, d.SetRest, next, next)
		}
		for k, side := range sidesOf(d) {
			if k > 0 {
				p := placeIn(i, d, s, 1, side)
				b.event(SwitchSides, b.at, p, firstOf(steps.setup), 0)
				b.wait(StageSwitch, SideSwitch, p, steps.setup)
			}
			p := placeIn(i, d, s, 1, side)
			for r := 1; r <= max(p.reps, 1); r++ {
				p.rep = r
				if d.Duration > 0 {
					p.rep = 0
					kind := StartHold
					if item.Exercise.Kind == Walk {
						kind = StartWalk
					}
					b.hold(kind, d.Duration, p, steps.hold, true)
					continue
				}
				if r > 1 {
					b.event(NextRep, b.at, p, -1, 0)
					b.phase(StageRepRest, d.RepRest, p, nil)
				}
				b.rep(d, p, steps)
			}
		}
	}
}

// rep lays out one rep: move, hold, return.
func (b *builder) rep(d Dose, p place, steps phaseSteps) {
	if d.Up > 0 || d.Hold <= 0 {
		b.event(StartMove, b.at, p, firstOf(steps.move), 0)
	}
	b.phase(StageMove, d.Up, p, steps.move)
	if d.Hold > 0 {
		b.hold(StartHold, d.Hold, p, steps.hold, d.Hold >= halfwayFrom)
	}
	b.event(Release, b.at, p, firstOf(steps.ret), 0)
	b.phase(StageReturn, d.Down, p, steps.ret)
}

// hold lays out a hold with its start, halfway and last-seconds events.
func (b *builder) hold(kind EventKind, d time.Duration, p place, steps []int, halfway bool) {
	start := b.at
	b.event(kind, start, p, firstOf(steps), 0)
	b.phase(StageHold, d, p, steps)
	if halfway {
		mid := start + d/2
		b.event(Halfway, mid, p, b.stepAt(mid), 0)
	}
	b.ticks(LastSeconds, start, p)
}

// wait lays out a get-ready or a side switch, with its countdown.
func (b *builder) wait(stage Stage, d time.Duration, p place, steps []int) {
	start := b.at
	b.phase(stage, d, p, steps)
	b.ticks(CountdownTick, start, p)
}

// rest lays out a rest whose interval carries p, with a preview of next
// halfway through.
func (b *builder) rest(stage Stage, d time.Duration, p, next place) {
	start := b.at
	b.event(Rest, start, p, -1, 0)
	b.phase(stage, d, p, nil)
	b.event(NextPreview, start+d/2, next, -1, 0)
	b.ticks(CountdownTick, start, p)
}

// ticks adds one event for each of the last seconds before the running
// offset, after start.
func (b *builder) ticks(kind EventKind, start time.Duration, p place) {
	for n := countdown; n >= 1; n-- {
		at := b.at - time.Duration(n)*time.Second
		if at > start {
			b.event(kind, at, p, b.stepAt(at), n)
		}
	}
}

// phase adds the intervals of one phase lasting d, split evenly between its
// steps (one interval with no step when it has none), with a NextStep event
// at each later step.
func (b *builder) phase(stage Stage, d time.Duration, p place, steps []int) {
	if d <= 0 {
		return
	}
	n := max(len(steps), 1)
	start := b.at
	for k := range n {
		share := d / time.Duration(n)
		if k == n-1 {
			share = d - share*time.Duration(n-1)
		}
		if share <= 0 {
			continue
		}
		step := -1
		if len(steps) > 0 {
			step = steps[k]
		}
		if k > 0 {
			b.event(NextStep, b.at, p, step, 0)
		}
		b.tl.intervals = append(b.tl.intervals, Interval{
			Stage: stage, Start: b.at, Duration: share,
			PhaseStart: start, PhaseDuration: d,
			Item: p.item, Set: p.set, Sets: p.sets, Rep: p.rep, Reps: p.reps,
			Side: p.side, Sides: p.sides, Step: step,
		})
		b.at += share
	}
}

// stepAt returns the step of the laid-out interval holding offset at.
func (b *builder) stepAt(at time.Duration) int {
	for k := len(b.tl.intervals) - 1; k >= 0; k-- {
		if iv := b.tl.intervals[k]; iv.Start <= at {
			return iv.Step
		}
	}
	return -1
}

func (b *builder) event(kind EventKind, at time.Duration, p place, step, count int) {
	e := Event{
		Kind: kind, Offset: at, Item: p.item,
		Set: p.set, Sets: p.sets, Rep: p.rep, Reps: p.reps, Side: p.side,
		Step: step, Count: count,
	}
	if p.item >= 0 {
		ex := b.plan.Items[p.item].Exercise
		e.Name = ex.Name
		if step >= 0 {
			e.Cue = ex.Steps[step].Cue
		}
	}
	b.tl.events = append(b.tl.events, e)
}
