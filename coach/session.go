package coach

import (
	"time"

	"steady/coach/session"
	"steady/journal"
	"steady/program"
)

// A Started session is today's session as it began: the plan and the
// decision it was planned from.
type Started struct {
	At       time.Time
	Plan     program.Plan
	Decision program.Decision
}

// StartSession plans today's session as of now. It refuses (ErrNoExercise)
// on a day the rules suggest no exercise, and ErrNotStarted before the
// first run.
func (c *Coach) StartSession(t Timing) (Started, error) {
	day, err := c.Today(t)
	if err != nil {
		return Started{}, err
	}
	if !day.Started {
		return Started{}, ErrNotStarted
	}
	if !day.Decision.ExerciseAllowed {
		return Started{}, ErrNoExercise
	}
	p, err := c.plan(day.Decision, t)
	if err != nil {
		return Started{}, err
	}
	return Started{At: day.Now, Plan: p, Decision: day.Decision}, nil
}

// A Finished session is what saving it brought: the stored session, its
// light (provisional until the next morning), and what the rules decided
// for next time.
type Finished struct {
	Session journal.Session
	Light   program.Light
	After   program.Decision
	// Rescreen: the session reported new numbness or weakness; the safety
	// questions come next.
	Rescreen bool
}

// FinishSession saves a finished session, the standing the rules return
// after it and its light, in one transaction: all of it or none of it.
func (c *Coach) FinishSession(s Started, r session.Result) (Finished, error) {
	end := r.Ended
	if end.IsZero() {
		end = c.clock.Now()
	}
	if r.Started.IsZero() {
		r.Started = s.At
	}
	rec := journal.Session{
		Time: end, Started: r.Started, Routine: c.routine.Name,
		Level: s.Plan.Level, DoseStep: s.Plan.DoseStep, Flare: s.Plan.Flare,
		Completed: r.Completed, Skipped: r.Skipped, Duration: r.Duration,
		MaxPainDuring: r.MaxPainDuring, PainAfter: r.PainAfter, LegSpread: r.LegSpread,
		NumbWeak: r.NumbWeak, Felt: r.Felt, StoppedForPain: r.StoppedForPain,
		StopCauses: r.StopCauses, StopNote: r.StopNote,
	}
	var out Finished
	err := c.j.Update(func(tx *journal.Tx) error {
		saved, err := tx.AddSession(rec)
		if err != nil {
			return err
		}
		// The rules judge the session as of its end: it is in the history,
		// and nothing after it yet.
		d, h, err := c.decideTx(tx, saved.Time)
		if err != nil {
			return err
		}
		sessions, err := judgeTx(tx, h, saved.Time)
		if err != nil {
			return err
		}
		// The saved session is the last one up to its own end.
		judged := sessions[len(sessions)-1]
		saved.Light, saved.Final, saved.MorningUnknown = judged.Light, judged.Final, judged.MorningUnknown
		l := program.Light{Color: judged.Light, Final: judged.Final, MorningUnknown: judged.MorningUnknown}
		saved.Result = journal.Result{Mode: d.Mode, Level: d.Level, DoseStep: d.DoseStep, Until: d.FlareUntil}
		if _, err := tx.PutSession(saved.Time, saved); err != nil {
			return err
		}
		out = Finished{Session: saved, Light: l, After: d, Rescreen: d.Rescreen}
		return nil
	})
	if err != nil {
		return Finished{}, err
	}
	return out, nil
}
