package program

import (
	"reflect"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

func TestFakeClockRunsTimersInOrderAtTheirDueTime(t *testing.T) {
	c := NewFakeClock(t0)
	type call struct {
		name string
		at   time.Duration
	}
	var calls []call
	record := func(name string) func() {
		return func() { calls = append(calls, call{name, c.Now().Sub(t0)}) }
	}
	c.AfterFunc(3*sec, record("c"))
	c.AfterFunc(sec, record("a"))
	c.AfterFunc(3*sec, record("d: same time as c, scheduled later"))
	stopped := c.AfterFunc(2*sec, record("stopped"))
	c.AfterFunc(2*sec, func() {
		calls = append(calls, call{"b", c.Now().Sub(t0)})
		c.AfterFunc(500*time.Millisecond, record("b+: scheduled while advancing"))
		c.AfterFunc(10*sec, record("late: after the end"))
	})
	if !stopped.Stop() {
		t.Error("Stop of a pending timer: got false, want true")
	}
	c.Advance(4 * sec)

	want := []call{
		{"a", sec}, {"b", 2 * sec}, {"b+: scheduled while advancing", 2500 * time.Millisecond},
		{"c", 3 * sec}, {"d: same time as c, scheduled later", 3 * sec},
	}
	if !reflect.DeepEqual(calls, want) {
		t.Errorf("got calls %v, want %v", calls, want)
	}
	if got := c.Now(); !got.Equal(t0.Add(4 * sec)) {
		t.Errorf("now: got %v, want %v", got, t0.Add(4*sec))
	}
	if got := c.Pending(); len(got) != 1 || !got[0].Equal(t0.Add(12*sec)) {
		t.Errorf("pending: got %v, want one at %v", got, t0.Add(12*sec))
	}
	if stopped.Stop() {
		t.Error("second Stop: got true, want false")
	}
}

func TestFakeClockRunsTimersDueNowOnTheNextAdvance(t *testing.T) {
	c := NewFakeClock(t0)
	ran := 0
	c.AfterFunc(0, func() { ran++ })
	c.AfterFunc(-sec, func() { ran++ })
	if ran != 0 {
		t.Fatalf("got %d calls before Advance, want 0", ran)
	}
	c.Advance(0)
	if ran != 2 {
		t.Errorf("got %d calls after Advance(0), want 2", ran)
	}
	if got := c.Now(); !got.Equal(t0) {
		t.Errorf("now: got %v, want %v (a timer in the past does not move time back)", got, t0)
	}
}

func TestSystemClockCallsBack(t *testing.T) {
	var c Clock = SystemClock{}
	start := c.Now()
	done := make(chan time.Time, 1)
	c.AfterFunc(time.Millisecond, func() { done <- c.Now() })
	select {
	case at := <-done:
		if at.Sub(start) < time.Millisecond {
			t.Errorf("called after %v, want at least 1ms", at.Sub(start))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("AfterFunc never called back")
	}
	stopper := c.AfterFunc(time.Hour, func() { t.Error("stopped timer ran") })
	if !stopper.Stop() {
		t.Error("Stop: got false, want true")
	}
}
