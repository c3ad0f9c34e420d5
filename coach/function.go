package coach

// The function score (PSFS, CLINICAL.md §8): naming the activities the back
// makes hard, re-rating them weekly, replacing one. Each change is saved
// with what the rules then decide, in one transaction.

import (
	"fmt"
	"maps"
	"time"

	"steady/journal"
	"steady/locale"
	"steady/program"
)

// A NamedActivity is an activity in the user's words with its rating, 0
// (unable) to 10 (as before the back problem).
type NamedActivity struct {
	Name  string
	Score int
}

// Function is the function score as the window and the command line show
// it, worked out as of one moment.
type Function struct {
	// Current are the activities that count now, in the order named;
	// Archived the replaced ones, kept with their ratings.
	Current, Archived []journal.Activity
	// Ratings are every rating up to now, oldest first.
	Ratings []journal.FunctionRating
	// Score is the score as of now (program.FunctionAt).
	Score program.Function
	// Due: offer the re-rating now (program.RerateDue).
	Due bool
	// Weeks is the score week by week (program.FunctionScore at the end
	// of each week, Monday to Sunday, from the first rating; the current
	// week as of now), for the chart.
	Weeks []FunctionWeek
}

// FunctionWeek is the function score at the end of one week.
type FunctionWeek struct {
	At    time.Time
	Score float64
}

// Name is the name of activity id, "" if there is none.
func (f Function) Name(id string) string {
	for _, list := range [][]journal.Activity{f.Current, f.Archived} {
		for _, a := range list {
			if a.ID == id {
				return a.Name
			}
		}
	}
	return ""
}

// ErrNoActivities: NameActivities was given none.
var ErrNoActivities = locale.Err("no activity named")

// NameActivities names activities (up to program.MaxActivities current in
// all) with their first ratings, now, and applies the rules, in one
// transaction.
func (c *Coach) NameActivities(list []NamedActivity) ([]journal.Activity, error) {
	if len(list) == 0 {
		return nil, ErrNoActivities
	}
	var out []journal.Activity
	err := c.change(func(tx *journal.Tx) error {
		now := c.clock.Now()
		for i, n := range list {
			a, err := tx.AddActivity(n.Name, now)
			if err != nil {
				return err
			}
			r := journal.FunctionRating{Time: stamp(now, i, len(list)), Activity: a.ID, Score: n.Score}
			if _, err := tx.AddFunctionRating(r); err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// stamp is the time of the i-th of n ratings made together at now: a
// nanosecond apart (each rating's time is its key), the last at now, so
// the journal as of now holds all of them.
func stamp(now time.Time, i, n int) time.Time {
	return now.Add(-time.Duration(n-1-i) * time.Nanosecond)
}

// RateFunction saves a re-rating made now (activity id to score) and the
// rules' result, in one transaction, and returns that result.
func (c *Coach) RateFunction(scores map[string]int) (program.Decision, error) {
	var d program.Decision
	now := c.clock.Now()
	left := maps.Clone(scores)
	err := c.j.Update(func(tx *journal.Tx) error {
		acts, err := tx.Activities()
		if err != nil {
			return err
		}
		// In the order named, so the ratings' keys follow it.
		i := 0
		for _, a := range acts {
			s, ok := left[a.ID]
			if !ok {
				continue
			}
			r := journal.FunctionRating{Time: stamp(now, i, len(scores)), Activity: a.ID, Score: s}
			if _, err := tx.AddFunctionRating(r); err != nil {
				return err
			}
			i++
			delete(left, a.ID)
		}
		for id := range left {
			return fmt.Errorf("rate activity: no activity %q", id)
		}
		d, err = c.afterChange(tx, now)
		return err
	})
	return d, err
}

// ReplaceActivity archives activity id (it and its ratings are kept) and
// names n in its place, with its first rating, in one transaction.
func (c *Coach) ReplaceActivity(id string, n NamedActivity) (journal.Activity, error) {
	var a journal.Activity
	err := c.change(func(tx *journal.Tx) error {
		now := c.clock.Now()
		if _, err := tx.ArchiveActivity(id, now); err != nil {
			return err
		}
		var err error
		if a, err = tx.AddActivity(n.Name, now); err != nil {
			return err
		}
		_, err = tx.AddFunctionRating(journal.FunctionRating{Time: now, Activity: a.ID, Score: n.Score})
		return err
	})
	return a, err
}

// Function returns the function score as of now.
func (c *Coach) Function() (Function, error) { return c.FunctionAt(c.clock.Now()) }

// FunctionAt is Function as of at.
func (c *Coach) FunctionAt(at time.Time) (Function, error) {
	var f Function
	err := c.j.View(func(tx *journal.Tx) error {
		var err error
		f, err = functionTx(tx, at)
		return err
	})
	return f, err
}

// functionTx is the function score as of at, read in tx.
func functionTx(tx *journal.Tx, at time.Time) (Function, error) {
	var f Function
	acts, err := tx.Activities()
	if err != nil {
		return f, err
	}
	for _, a := range acts {
		switch {
		case a.Created.After(at):
		case a.Archived.IsZero() || a.Archived.After(at):
			f.Current = append(f.Current, a)
		default:
			f.Archived = append(f.Archived, a)
		}
	}
	if f.Ratings, err = tx.FunctionRatings(time.Time{}, at.Add(time.Nanosecond)); err != nil {
		return f, err
	}
	h := program.History{}
	for _, a := range acts {
		h.Activities = append(h.Activities, program.Activity{ID: a.ID, Created: a.Created, Archived: a.Archived})
	}
	for _, r := range f.Ratings {
		h.Function = append(h.Function, program.FunctionRating{Time: r.Time, Activity: r.Activity, Score: r.Score})
	}
	f.Score = program.FunctionAt(h, at)
	f.Due = program.RerateDue(h, at)
	if len(f.Ratings) > 0 {
		for mon := monday(f.Ratings[0].Time); mon.Before(at); mon = mon.AddDate(0, 0, 7) {
			end := mon.AddDate(0, 0, 7).Add(-time.Nanosecond)
			if end.After(at) {
				end = at
			}
			if score, ok := program.FunctionScore(h, end); ok {
				f.Weeks = append(f.Weeks, FunctionWeek{At: end, Score: score})
			}
		}
	}
	return f, nil
}
