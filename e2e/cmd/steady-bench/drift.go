package main

import (
	"fmt"
	"time"

	"steady/e2e"
	"steady/program"
)

// scaledClock is a program.Clock that runs k times faster than the system
// clock, from base: a 30-minute session plays in 30/k minutes. It keeps the
// system clock's monotonic reading, and its timers are the system's, so
// whatever the runner does with real timers it does here too, k times
// magnified: a timer firing 1 ms late shows as k ms on this clock.
type scaledClock struct {
	base time.Time
	k    float64
}

func (c scaledClock) Now() time.Time {
	return c.base.Add(time.Duration(float64(time.Since(c.base)) * c.k))
}

func (c scaledClock) AfterFunc(d time.Duration, f func()) program.Stopper {
	return time.AfterFunc(time.Duration(float64(d)/c.k), f)
}

// longPlan is the level-1 session of e2e.LongRoutine, with the default
// get-ready and rest times.
func longPlan() (program.Timeline, error) {
	r, err := program.ParseRoutine("long-routine.toml", e2e.LongRoutine)
	if err != nil {
		return program.Timeline{}, err
	}
	p, err := r.Plan(1, 0, false, 5*time.Second, 20*time.Second)
	if err != nil {
		return program.Timeline{}, err
	}
	return p.Timeline(), nil
}

// sessionDrift plays the long session on a program.Runner
// with a clock k times faster than the system's and returns how far from
// plan the session ended (SessionComplete delivered vs start + Total) and
// the latest any event was delivered, both on the session's clock.
func sessionDrift(k float64) (tl program.Timeline, end, worst time.Duration, err error) {
	tl, err = longPlan()
	if err != nil {
		return tl, 0, 0, err
	}
	clock := scaledClock{base: time.Now(), k: k}
	r := program.NewRunner(tl, clock, func(e program.Event) {
		if late := clock.Now().Sub(e.Due); late > worst {
			worst = late
		}
	})
	done := make(chan time.Time, 1)
	r.OnEnd = func(bool) { done <- clock.Now() }
	start := clock.Now()
	r.Start()
	limit := time.Duration(float64(tl.Total())/k) + 30*time.Second
	select {
	case ended := <-done:
		return tl, ended.Sub(start) - tl.Total(), worst, nil
	case <-time.After(limit):
		r.End()
		return tl, 0, 0, fmt.Errorf("the session did not end within %v", limit)
	}
}
