package program_test

import (
	"fmt"
	"time"

	"steady/program"
)

// A runner on a fake clock: two reps of a short hold, paused for a minute
// during the first hold.
func ExampleRunner() {
	bridge := &program.Exercise{Name: "side bridge", Steps: []program.Step{
		{Phase: program.Setup, Cue: "Lie on your side"},
		{Phase: program.Move, Cue: "Lift the hips"},
		{Phase: program.Hold, Cue: "Hold"},
		{Phase: program.Return, Cue: "Lower"},
	}}
	plan := program.Plan{GetReady: 2 * time.Second, Items: []program.PlanItem{{
		Exercise: bridge,
		Dose:     program.Dose{Sets: []int{2}, Up: time.Second, Hold: 3 * time.Second, Down: time.Second},
	}}}
	tl := plan.Timeline()

	start := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	clock := program.NewFakeClock(start)
	r := program.NewRunner(tl, clock, func(e program.Event) {
		fmt.Printf("at %-5v offset %-3v %-16v rep %d count %d %q\n", clock.Now().Sub(start), e.Offset, e.Kind, e.Rep, e.Count, e.Cue)
	})
	r.OnEnd = func(completed bool) { fmt.Println("completed:", completed) }
	r.Start()
	clock.Advance(4 * time.Second)
	r.Pause()
	fmt.Println("paused at offset", r.Position().Offset)
	clock.Advance(time.Minute)
	r.Resume()
	clock.Advance(time.Hour)
	fmt.Println("session length", tl.Total())

	// Output:
	// at 0s    offset 0s  get ready        rep 1 count 0 "Lie on your side"
	// at 1s    offset 1s  countdown tick   rep 1 count 1 "Lie on your side"
	// at 2s    offset 2s  start move       rep 1 count 0 "Lift the hips"
	// at 3s    offset 3s  start hold       rep 1 count 0 "Hold"
	// at 4s    offset 4s  last seconds     rep 1 count 2 "Hold"
	// paused at offset 4s
	// at 1m5s  offset 5s  last seconds     rep 1 count 1 "Hold"
	// at 1m6s  offset 6s  release          rep 1 count 0 "Lower"
	// at 1m7s  offset 7s  next rep         rep 2 count 0 ""
	// at 1m7s  offset 7s  start move       rep 2 count 0 "Lift the hips"
	// at 1m8s  offset 8s  start hold       rep 2 count 0 "Hold"
	// at 1m9s  offset 9s  last seconds     rep 2 count 2 "Hold"
	// at 1m10s offset 10s last seconds     rep 2 count 1 "Hold"
	// at 1m11s offset 11s release          rep 2 count 0 "Lower"
	// at 1m12s offset 12s session complete rep 0 count 0 ""
	// completed: true
	// session length 12s
}
