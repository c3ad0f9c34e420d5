package coach

import (
	"fmt"
	"time"

	"steady/journal"
	"steady/locale"
	"steady/program"
)

// ErrNotStarted is returned where a standing is needed and the first run
// has not been done: the safety questions have not been answered yet.
var ErrNotStarted = locale.Err("the first run is not done: open Steady once to answer the safety questions")

// ErrNoExercise is returned by StartSession on a day the rules suggest no
// exercise (a red flag, or new numbness or weakness to re-screen first).
var ErrNoExercise = locale.Err("no exercise today: the safety questions come first")

// A Coach runs one user's day over their journal and a routine.
type Coach struct {
	j       *journal.Store
	routine *program.Routine
	clock   program.Clock
}

// New returns the application layer over journal j, following routine r,
// with the time from clock.
func New(j *journal.Store, r *program.Routine, clock program.Clock) *Coach {
	if clock == nil {
		clock = program.SystemClock{}
	}
	return &Coach{j: j, routine: r, clock: clock}
}

// Now is the coach's time: the one clock every screen and command uses.
func (c *Coach) Now() time.Time { return c.clock.Now() }

// Clock is the coach's clock, for the session runner.
func (c *Coach) Clock() program.Clock { return c.clock }

// Routine is the routine the coach follows.
func (c *Coach) Routine() *program.Routine { return c.routine }

// Timing is how the user likes a session paced (their settings).
type Timing struct {
	GetReady time.Duration // before each exercise
	Rest     time.Duration // between sets
}

// decideTx applies the rules to the journal as of now inside tx and stores
// the standing they return when it changed, so Today, a check-in and a
// finished session all move the standing the same way.
func (c *Coach) decideTx(tx *journal.Tx, now time.Time) (program.Decision, program.History, error) {
	h, err := tx.History(now)
	if err != nil {
		return program.Decision{}, h, err
	}
	h.StepsInLevel = c.routine.StepsInLevel
	d := program.Decide(h, now)
	if !d.Standing.Equal(h.Standing) {
		if err := tx.SetStanding(d.Standing); err != nil {
			return d, h, err
		}
	}
	return d, h, nil
}

// started reports whether the first run is done.
func started(tx *journal.Tx) (bool, error) {
	_, ok, err := tx.Standing()
	return ok, err
}

// withLights puts on each of the sessions (oldest first, none after now)
// the light the rules give it as of now, from history h: the light a
// session shows is worked out once, in program. It returns the indexes of
// the sessions whose stored light that changes.
func withLights(sessions []journal.Session, h program.History, now time.Time) []int {
	lights := program.Lights(h, now)
	byTime := make(map[int64]program.Light, len(lights))
	for i, s := range h.Sessions {
		byTime[s.Time.UnixNano()] = lights[i]
	}
	var changed []int
	for i := range sessions {
		s := &sessions[i]
		l, ok := byTime[s.Time.UnixNano()]
		if !ok {
			continue
		}
		if s.Light != l.Color || s.Final != l.Final || s.MorningUnknown != l.MorningUnknown {
			changed = append(changed, i)
		}
		s.Light, s.Final, s.MorningUnknown = l.Color, l.Final, l.MorningUnknown
	}
	return changed
}

// judgeTx brings every stored session's light up to date with the rules as
// of now (the journal keeps it for exports and spreadsheets) and returns
// the sessions up to now, oldest first, with their lights. h is the history
// as of now; sessions after now keep what they have.
func judgeTx(tx *journal.Tx, h program.History, now time.Time) ([]journal.Session, error) {
	sessions, err := tx.Sessions(time.Time{}, now.Add(time.Nanosecond))
	if err != nil {
		return nil, err
	}
	for _, i := range withLights(sessions, h, now) {
		if _, err := tx.PutSession(sessions[i].Time, sessions[i]); err != nil {
			return nil, err
		}
	}
	return sessions, nil
}

// afterChange is what every change to the journal is followed by, in the
// same transaction: the rules as of now, the standing they return and the
// sessions' lights.
func (c *Coach) afterChange(tx *journal.Tx, now time.Time) (program.Decision, error) {
	ok, err := started(tx)
	if err != nil || !ok {
		return program.Decision{}, err
	}
	d, h, err := c.decideTx(tx, now)
	if err != nil {
		return d, err
	}
	_, err = judgeTx(tx, h, now)
	return d, err
}

// plan is the session for a decision: the level's dose step, with the
// mobility work added on a day the rules allow it.
func (c *Coach) plan(d program.Decision, t Timing) (program.Plan, error) {
	flare := d.Mode == program.Flare || d.Mode == program.CalmDownToday
	step := min(d.DoseStep, c.routine.StepsInLevel(d.Level)-1)
	p, err := c.routine.Plan(d.Level, step, flare, t.GetReady, t.Rest)
	if err != nil {
		return p, fmt.Errorf("plan today's session: %w", err)
	}
	if d.MobilityAllowed && !flare {
		p.Items = append(p.Items, c.routine.MobilityItems()...)
	}
	return p, nil
}

func midnight(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, t.Location())
}

// monday is the start of t's week (weeks start on Monday).
func monday(t time.Time) time.Time {
	day := midnight(t)
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
}

// DefaultTiming is a session's pacing before the user changes it.
func DefaultTiming() Timing { return Timing{GetReady: 5 * time.Second, Rest: 20 * time.Second} }
