package program

import (
	"sort"
	"sync"
	"time"
)

// A Clock tells the time and calls a function later. The Runner takes one, so
// a session runs against the system clock in the app and against a FakeClock in
// tests, where a 30-minute session plays in milliseconds.
type Clock interface {
	// Now returns the current time. Durations between two Now values must be
	// monotonic: the Runner measures elapsed time with Sub.
	Now() time.Time
	// AfterFunc calls f once, in its own goroutine, after d has passed (at
	// once when d <= 0), unless the returned Stopper is stopped first.
	AfterFunc(d time.Duration, f func()) Stopper
}

// A Stopper cancels a function scheduled with Clock.AfterFunc. Stop reports
// whether it stopped the call before it ran. *time.Timer is a Stopper.
type Stopper interface {
	Stop() bool
}

// SystemClock is the real Clock: time.Now (which carries a monotonic reading,
// so wall-clock jumps do not move a session) and time.AfterFunc.
type SystemClock struct{}

// Now returns time.Now().
func (SystemClock) Now() time.Time { return time.Now() }

// AfterFunc calls time.AfterFunc.
func (SystemClock) AfterFunc(d time.Duration, f func()) Stopper { return time.AfterFunc(d, f) }

// A FakeClock is a Clock for tests whose time moves only when Advance is
// called. Scheduled functions run inside Advance, on the goroutine that calls
// it, in the order of their due times (ties in the order they were
// scheduled), with Now reading exactly their due time while they run. A
// function scheduled for now or the past runs at the next Advance, Advance(0)
// included. It is safe for concurrent use.
type FakeClock struct {
	mu     sync.Mutex
	now    time.Time
	seq    uint64
	timers []*fakeTimer
}

// NewFakeClock returns a FakeClock reading start.
func NewFakeClock(start time.Time) *FakeClock {
	return &FakeClock{now: start}
}

type fakeTimer struct {
	clock *FakeClock
	due   time.Time
	seq   uint64
	f     func()
}

// Now returns the fake time.
func (c *FakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// AfterFunc schedules f to run d after the fake now.
func (c *FakeClock) AfterFunc(d time.Duration, f func()) Stopper {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	t := &fakeTimer{clock: c, due: c.now.Add(d), seq: c.seq, f: f}
	c.timers = append(c.timers, t)
	return t
}

// Stop cancels the timer; it reports whether the timer was still pending.
func (t *fakeTimer) Stop() bool {
	c := t.clock
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, p := range c.timers {
		if p == t {
			c.timers = append(c.timers[:i], c.timers[i+1:]...)
			return true
		}
	}
	return false
}

// Advance moves the fake time forward by d, running every function that falls
// due on the way, each at its own due time. Functions scheduled while Advance
// runs also run if they fall due before the end.
func (c *FakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	end := c.now.Add(d)
	c.mu.Unlock()
	c.AdvanceTo(end)
}

// AdvanceTo moves the fake time forward to t (never back), like Advance.
func (c *FakeClock) AdvanceTo(t time.Time) {
	for {
		c.mu.Lock()
		next := c.earliest()
		if next < 0 || c.timers[next].due.After(t) {
			if t.After(c.now) {
				c.now = t
			}
			c.mu.Unlock()
			return
		}
		timer := c.timers[next]
		c.timers = append(c.timers[:next], c.timers[next+1:]...)
		if timer.due.After(c.now) {
			c.now = timer.due
		}
		c.mu.Unlock()
		timer.f()
	}
}

// Pending returns the due times of the scheduled functions, earliest first.
func (c *FakeClock) Pending() []time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	due := make([]time.Time, len(c.timers))
	for i, t := range c.timers {
		due[i] = t.due
	}
	sort.Slice(due, func(i, j int) bool { return due[i].Before(due[j]) })
	return due
}

// earliest returns the index of the timer to run first, or -1; c.mu is held.
func (c *FakeClock) earliest() int {
	best := -1
	for i, t := range c.timers {
		if best < 0 || t.due.Before(c.timers[best].due) ||
			(t.due.Equal(c.timers[best].due) && t.seq < c.timers[best].seq) {
			best = i
		}
	}
	return best
}
