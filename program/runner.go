package program

import (
	"sort"
	"sync"
	"time"
)

// BackGrace is how far into an exercise Runner.Back still goes to the
// exercise before; later, Back restarts the current one.
const BackGrace = 2 * time.Second

// A Runner plays a Timeline against a Clock: it calls back at each Event, and
// tells where the session is at any moment (Position) for drawing.
//
// Timing. The runner keeps one origin time, with offset = now - origin while
// running. Each Event is due at origin + Event.Offset and one timer at a time
// waits for the next due event; when it fires, every event due by then is
// delivered. Timer intervals are never added up, so nothing drifts: a session
// that is never paused ends at start + Total (with the system clock, plus the
// scheduling latency of the last timer only). Pause freezes the offset; Resume
// moves the origin by exactly the time spent paused; Next, Back and Repeat move
// it by the jump. Events skipped over by Next are not delivered; the events at
// the offset jumped to are. Back and Repeat deliver the events of the
// restarted exercise again.
//
// Callbacks. onEvent, OnChange and OnEnd are called from the clock's timer
// goroutine (with SystemClock: a goroutine of time.AfterFunc; with FakeClock:
// the goroutine calling Advance), never from inside a Runner method, one
// call at a time and in order. So a callback may call any Runner method, and
// the GUI wraps its widget updates in fyne.Do. The effects of Start, Pause,
// Resume, Next, Back, Repeat and End (OnChange, events at the new offset) are
// delivered the same way, just after the method returns. Callbacks should
// return quickly: the next delivery waits for them.
//
// Generations. Every Start, Pause, Resume, Next, Back, Repeat and End begins a
// new generation (Position.Generation, Event.Generation). Cues scheduled ahead
// from Upcoming belong to the generation they were read in: when OnChange
// reports a new generation, cancel them and read Upcoming again. An event can
// still arrive just after a Pause or Next that raced with it; it carries the
// older generation. onEvent is called for every event, scheduled ahead or not.
//
// A sketch of the wiring:
//
//	r := program.NewRunner(plan.Timeline(), program.SystemClock{}, func(e program.Event) {
//		fyne.Do(func() { screen.announce(e) })
//	})
//	r.OnChange = func(p program.Position) {
//		fyne.Do(func() { screen.show(p) })
//		sound.Reschedule(p.Generation, r.Upcoming(2*time.Second))
//	}
//	r.OnEnd = func(completed bool) { fyne.Do(func() { screen.finish(completed) }) }
//	r.Start()
//
// All methods are safe for concurrent use. Methods other than Start do
// nothing before Start or after the session is done.
type Runner struct {
	// OnChange, if set, is called with the new position whenever a new
	// interval begins and after every Start, Pause, Resume, Next, Back, Repeat
	// and End. Set it before Start.
	OnChange func(Position)
	// OnEnd, if set, is called once when the session is over: completed is
	// true when it played to SessionComplete, false when End stopped it. Set
	// it before Start.
	OnEnd func(completed bool)

	tl      Timeline
	clock   Clock
	onEvent func(Event)

	deliver sync.Mutex // held while collecting and delivering a batch: keeps batches in order

	mu        sync.Mutex
	started   bool
	paused    bool
	done      bool
	completed bool
	origin    time.Time     // while running: offset = now - origin
	frozen    time.Duration // the offset while paused or done
	next      int           // index of the next event to deliver
	gen       uint64
	timer     Stopper
	changed   bool // an OnChange is owed
	ended     bool // an OnEnd is owed
	interval  int  // the interval last reported to OnChange
}

// NewRunner returns a runner for tl on clock that calls onEvent (which may be
// nil) at each event. It does nothing until Start.
func NewRunner(tl Timeline, clock Clock, onEvent func(Event)) *Runner {
	return &Runner{tl: tl, clock: clock, onEvent: onEvent, interval: -1}
}

// Timeline returns the timeline the runner plays.
func (r *Runner) Timeline() Timeline { return r.tl }

// Start starts the session now, at offset 0. Only the first call counts.
func (r *Runner) Start() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.started {
		return
	}
	r.started = true
	r.origin = r.clock.Now()
	r.next = 0
	r.reschedule()
}

// Pause freezes the session at the current offset.
func (r *Runner) Pause() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.running() {
		return
	}
	r.frozen = r.offset(r.clock.Now())
	r.paused = true
	r.reschedule()
}

// Resume continues a paused session where it was paused: every later
// deadline moves by exactly the time spent paused.
func (r *Runner) Resume() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.started || r.done || !r.paused {
		return
	}
	r.origin = r.clock.Now().Add(-r.frozen)
	r.paused = false
	r.reschedule()
}

// Next skips to the start of the next exercise (its get-ready); from the last
// exercise it skips to the end, which completes the session. A paused session
// stays paused, except at the end.
func (r *Runner) Next() {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, item, ok := r.current()
	if !ok {
		return
	}
	target := r.tl.Total()
	if n := r.tl.NextItem(item); n >= 0 {
		target, _ = r.tl.ItemStart(n)
	}
	r.seek(target)
}

// Back restarts the current exercise from its get-ready, or goes to the
// previous exercise when less than BackGrace has passed in the current one.
func (r *Runner) Back() {
	r.mu.Lock()
	defer r.mu.Unlock()
	off, item, ok := r.current()
	if !ok {
		return
	}
	start, _ := r.tl.ItemStart(item)
	if off-start < BackGrace {
		if prev := r.tl.PrevItem(item); prev >= 0 {
			start, _ = r.tl.ItemStart(prev)
		}
	}
	r.seek(start)
}

// Repeat restarts the current exercise from its get-ready. During the rest
// after an exercise, that exercise is the current one.
func (r *Runner) Repeat() {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, item, ok := r.current()
	if !ok {
		return
	}
	start, _ := r.tl.ItemStart(item)
	r.seek(start)
}

// current returns the offset now and the exercise in progress, and false when
// there is none: before Start, once done, or at the end with its
// SessionComplete still to be delivered. r.mu is held.
func (r *Runner) current() (time.Duration, int, bool) {
	if !r.started || r.done {
		return 0, 0, false
	}
	off := r.offset(r.clock.Now())
	p := r.tl.At(off)
	return off, p.Item, !p.Done
}

// End stops the session where it is; OnEnd is called with completed false.
func (r *Runner) End() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.started || r.done {
		return
	}
	r.frozen = r.offset(r.clock.Now())
	r.done, r.paused = true, false
	r.ended = true
	r.reschedule()
}

// Paused reports whether the session is paused.
func (r *Runner) Paused() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.paused
}

// Done reports whether the session is over: completed or ended.
func (r *Runner) Done() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.done
}

// Position returns where the session is now, with Paused and Generation set.
// Before Start it is the start of the session.
func (r *Runner) Position() Position {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.position(r.clock.Now())
}

// Upcoming returns the events not yet delivered that fall due within the
// given time from now, in order, each with its Due time and the current
// Generation, so sounds can be scheduled slightly ahead of their due time.
// It includes events already due but not yet delivered. It returns nil while
// paused, before Start and once done. Scheduled cues must be dropped when the
// generation changes (see Runner).
func (r *Runner) Upcoming(within time.Duration) []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.running() {
		return nil
	}
	limit := r.clock.Now().Sub(r.origin) + within
	var out []Event
	for _, e := range r.tl.events[r.next:] {
		if e.Offset >= limit {
			break
		}
		out = append(out, r.stamp(e))
	}
	return out
}

// running reports whether the session's clock is moving; r.mu is held.
func (r *Runner) running() bool { return r.started && !r.paused && !r.done }

// offset returns the session offset at now; r.mu is held.
func (r *Runner) offset(now time.Time) time.Duration {
	switch {
	case !r.started:
		return 0
	case r.paused || r.done:
		return r.frozen
	}
	return min(max(now.Sub(r.origin), 0), r.tl.Total())
}

func (r *Runner) position(now time.Time) Position {
	p := r.tl.At(r.offset(now))
	p.Paused = r.paused
	p.Generation = r.gen
	p.Done = p.Done || r.done
	return p
}

func (r *Runner) stamp(e Event) Event {
	e.Due = r.origin.Add(e.Offset)
	e.Generation = r.gen
	return e
}

// seek moves the session to offset target; r.mu is held.
func (r *Runner) seek(target time.Duration) {
	target = min(max(target, 0), r.tl.Total())
	events := r.tl.events
	r.next = sort.Search(len(events), func(i int) bool { return events[i].Offset >= target })
	now := r.clock.Now()
	if r.paused && target < r.tl.Total() {
		r.frozen = target
	} else {
		r.paused = false
		r.origin = now.Add(-target)
	}
	r.reschedule()
}

// reschedule begins a new generation: it cancels the pending timer and
// schedules a delivery at once, which reports the change and then waits for
// the next event; r.mu is held.
func (r *Runner) reschedule() {
	r.gen++
	r.changed = true
	if r.timer != nil {
		r.timer.Stop()
	}
	gen := r.gen
	r.timer = r.clock.AfterFunc(0, func() { r.dispatch(gen) })
}

// dispatch delivers every event due by now, schedules the next, and calls the
// callbacks. It runs on the clock's timer goroutine.
func (r *Runner) dispatch(gen uint64) {
	r.deliver.Lock()
	defer r.deliver.Unlock()

	r.mu.Lock()
	if gen != r.gen {
		r.mu.Unlock()
		return
	}
	now := r.clock.Now()
	var batch []Event
	if r.running() {
		off := now.Sub(r.origin)
		events := r.tl.events
		for r.next < len(events) && events[r.next].Offset <= off {
			e := r.stamp(events[r.next])
			batch = append(batch, e)
			r.next++
			if e.Kind == SessionComplete {
				r.done, r.completed, r.ended = true, true, true
				r.frozen = r.tl.Total()
			}
		}
		if !r.done && r.next < len(events) {
			due := r.origin.Add(events[r.next].Offset)
			r.timer = r.clock.AfterFunc(due.Sub(now), func() { r.dispatch(gen) })
		}
	}
	pos := r.position(now)
	change := r.changed || pos.Index != r.interval
	r.changed, r.interval = false, pos.Index
	end, completed := r.ended, r.completed
	r.ended = false
	onEvent, onChange, onEnd := r.onEvent, r.OnChange, r.OnEnd
	r.mu.Unlock()

	if onEvent != nil {
		for _, e := range batch {
			onEvent(e)
		}
	}
	if change && onChange != nil {
		onChange(pos)
	}
	if end && onEnd != nil {
		onEnd(completed)
	}
}
