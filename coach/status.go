package coach

import (
	"time"

	"steady/explain"
	"steady/locale"
	"steady/program"
)

// Status is today's decision for the command line (steady status), the
// same as the window shows: the JSON field names are documented in
// docs/status.md and do not change.
type Status struct {
	At               time.Time      `json:"at"`
	Mode             program.Mode   `json:"mode"`
	Level            int            `json:"level"`
	DoseStep         int            `json:"dose_step"` // from 0, as in the journal's exports
	DoseSteps        int            `json:"dose_steps"`
	ExerciseAllowed  bool           `json:"exercise_allowed"`
	MobilityOffered  bool           `json:"mobility_offered"`
	SeeClinician     bool           `json:"see_clinician"`
	SuggestReview    bool           `json:"suggest_review"`
	RescreenRequired bool           `json:"rescreen_required"`
	Items            []string       `json:"items"`
	Reasons          []StatusReason `json:"reasons"`
	Walking          StatusWalking  `json:"walking"`
	LastSession      *StatusSession `json:"last_session"`
	// Function is the function score; nil (JSON null) while no activity
	// is named.
	Function *StatusFunction `json:"function"`
	// Why are the reasons in the user's language, for the text output;
	// Reasons' texts are in English, the same in every language.
	Why []string `json:"-"`
}

// StatusFunction is the function score (PSFS, CLINICAL.md §8): the average
// of the current activities' latest ratings, of their first ratings, the
// change, and whether it is meaningful (2 points or more, a convention).
type StatusFunction struct {
	Average      float64 `json:"average"`
	FirstAverage float64 `json:"first_average"`
	Change       float64 `json:"change"`
	Meaningful   bool    `json:"meaningful"`
}

// A StatusReason is one answer to "Why this level?".
type StatusReason struct {
	Rule   program.Rule   `json:"rule"`
	Text   string         `json:"text"`
	Source program.Source `json:"source"`
}

// StatusSession is the latest session's light.
type StatusSession struct {
	Time  time.Time     `json:"time"`
	Light program.Color `json:"light"`
	Final bool          `json:"final"`
}

// StatusWalking is this week's walking against its goal.
type StatusWalking struct {
	WeekMinutes int  `json:"week_minutes"` // logged this week (Monday on), up to now
	WeekDays    int  `json:"week_days"`    // days this week with a walk
	GoalMinutes int  `json:"goal_minutes"` // a walking day's goal
	GoalDays    int  `json:"goal_days"`    // walking days a week
	Short       bool `json:"short"`        // short walks several times a day (flare mode, level 0)
}

// Status works out the status as of at, exactly as opening the window then
// would: the rules see only what is dated up to at, and the standing they
// return is stored, so calling it day after day replays a user's weeks.
// ErrNotStarted before the first run.
func (c *Coach) Status(at time.Time, t Timing) (Status, error) {
	day, err := c.DayAt(at, t)
	if err != nil {
		return Status{}, err
	}
	if !day.Started {
		return Status{}, ErrNotStarted
	}
	d := day.Decision
	s := Status{
		At: at, Mode: d.Mode, Level: d.Level, DoseStep: d.DoseStep, DoseSteps: day.Steps,
		ExerciseAllowed: d.ExerciseAllowed, MobilityOffered: day.Mobility,
		SeeClinician: d.SeeClinician, SuggestReview: d.SuggestReview, RescreenRequired: d.Rescreen,
		Items:   []string{},
		Reasons: []StatusReason{},
	}
	if d.ExerciseAllowed {
		for _, it := range day.Plan.Items {
			s.Items = append(s.Items, it.Exercise.ID)
		}
	}
	texts := explain.WhyIn(locale.English, d)
	s.Why = explain.Why(d)
	for i, r := range d.Explanation {
		s.Reasons = append(s.Reasons, StatusReason{Rule: r.Rule, Text: texts[i], Source: r.Source})
	}
	w := d.Walk
	s.Walking = StatusWalking{WeekMinutes: w.Minutes, WeekDays: w.Days, GoalMinutes: w.GoalMinutes, GoalDays: w.GoalDays, Short: w.Short}
	if f := day.Function.Score; f.Named {
		s.Function = &StatusFunction{Average: f.Average, FirstAverage: f.FirstAverage, Change: f.Change, Meaningful: f.Meaningful()}
	}
	if day.Last != nil {
		s.LastSession = &StatusSession{Time: day.Last.Time, Light: day.Last.Light, Final: day.Last.Final}
	}
	return s, nil
}
