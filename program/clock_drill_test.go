package program

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// Reliability drill 8: the wall clock jumps during a session (NTP, a
// suspended laptop, the user changing the time). A session must neither
// jump nor stall. Go's time.Now carries a monotonic reading next to the wall
// time; Sub between two such readings, and time.AfterFunc, use the
// monotonic clock alone. So the Runner is safe as long as every time it
// computes with comes from Clock.Now and keeps that reading: nothing may
// strip it (Round(0), In, UTC, Local) or rebuild a time from the wall
// (Unix, Date, Parse).
//
// The system's wall clock cannot be moved for one process, so this drill
// checks the mechanism: every due time the Runner computes on SystemClock
// carries a monotonic reading, and the events arrive on time. It also plays
// the same session on a clock that reads the wall alone, whose time is set
// back an hour during the session, to show what the monotonic reading
// prevents: that session stalls.
func TestDrillWallClockJump(t *testing.T) {
	if !monotonic(SystemClock{}.Now()) {
		t.Fatal("SystemClock.Now carries no monotonic reading")
	}

	t.Run("system clock", func(t *testing.T) {
		events, took, ended := playShort(t, SystemClock{})
		if !ended {
			t.Fatal("the session did not end")
		}
		for i, e := range events {
			if !monotonic(e.Due) {
				t.Errorf("event %d (%v): its due time %v carries no monotonic reading", i, e.Kind, e.Due)
			}
		}
		t.Logf("%d events, every due time monotonic; the session took %v", len(events), took.Round(time.Millisecond))
	})

	t.Run("a wall-only clock set back an hour", func(t *testing.T) {
		c := &wallClock{}
		events, took, ended := playShort(t, c, func() { c.setBack(time.Hour) })
		if ended {
			t.Fatalf("the session ended after %v despite the jump; this drill cannot tell a wall clock from a monotonic one", took)
		}
		t.Logf("on a wall-only clock set back an hour the session stalled after %d events", len(events))
	})
}

// monotonic reports whether t carries a monotonic clock reading (its String
// ends in "m=±value").
func monotonic(t time.Time) bool { return strings.Contains(t.String(), " m=") }

// playShort plays a session of a fraction of a second on c and returns the
// events delivered, how long it took and whether it ended within a second.
// jump, if given, runs at the session's first rest.
func playShort(t *testing.T, c Clock, jump ...func()) (events []Event, took time.Duration, ended bool) {
	t.Helper()
	ms := time.Millisecond
	plan := Plan{GetReady: 20 * ms, Rest: 20 * ms, Items: []PlanItem{
		{Exercise: exercise("a", Stabilise, Setup, Move, Hold, Return), Dose: Dose{Sets: []int{2}, Up: 10 * ms, Hold: 20 * ms, Down: 10 * ms, RepRest: 10 * ms}},
		{Exercise: exercise("b", Walk, Hold), Dose: Dose{Duration: 40 * ms}},
	}}
	var (
		mu     sync.Mutex
		jumped bool
	)
	r := NewRunner(plan.Timeline(), c, func(e Event) {
		mu.Lock()
		defer mu.Unlock()
		events = append(events, e)
		if e.Kind == Rest && !jumped && len(jump) > 0 {
			jumped = true
			jump[0]()
		}
	})
	done := make(chan struct{})
	r.OnEnd = func(bool) { close(done) }
	start := time.Now()
	r.Start()
	select {
	case <-done:
		ended = true
	case <-time.After(time.Second):
	}
	took = time.Since(start)
	r.End()
	mu.Lock()
	defer mu.Unlock()
	if ended {
		if want := plan.Timeline().Total(); took < want {
			t.Errorf("the session took %v, less than its length %v", took, want)
		}
	}
	return append([]Event(nil), events...), took, ended
}

// wallClock reads the wall time alone (no monotonic reading), as a clock
// built on Unix time would, and can be set back.
type wallClock struct {
	mu   sync.Mutex
	back time.Duration
}

func (c *wallClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Round(0).Add(-c.back)
}

func (c *wallClock) AfterFunc(d time.Duration, f func()) Stopper { return time.AfterFunc(d, f) }

func (c *wallClock) setBack(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.back += d
}
