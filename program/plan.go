package program

import "time"

// A Plan is one session: the exercises to do today, in order, each with its
// concrete dose. It expands into a Timeline.
type Plan struct {
	Level    int // 0 (calm-down) to 5
	DoseStep int // index of the dose step within the level
	Flare    bool
	Items    []PlanItem
	GetReady time.Duration // before the first rep of each exercise
	Rest     time.Duration // between exercises
}

// A PlanItem is one exercise of a plan with the dose for today.
type PlanItem struct {
	Exercise *Exercise
	Dose     Dose
}
