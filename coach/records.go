package coach

import (
	"time"

	"steady/journal"
	"steady/program"
)

// A CheckedIn is a saved check-in and what followed from it.
type CheckedIn struct {
	Entry journal.Entry
	// Rescreen: the check-in reported new numbness or weakness; exercise
	// pauses until the safety questions are answered again, and the window
	// offers them at once (CLINICAL.md §7.6).
	Rescreen bool
	Decision program.Decision
}

// CheckIn saves a check-in made now (its Time is set to now) and, in the
// same transaction, the standing the rules then return and the lights of
// the sessions it judges.
func (c *Coach) CheckIn(e journal.Entry) (CheckedIn, error) {
	now := c.clock.Now()
	e.Time = now
	var out CheckedIn
	err := c.j.Update(func(tx *journal.Tx) error {
		saved, err := tx.AddEntry(e)
		if err != nil {
			return err
		}
		out.Entry = saved
		out.Decision, err = c.afterChange(tx, now)
		return err
	})
	out.Rescreen = out.Decision.Rescreen
	return out, err
}

// EditEntry replaces the check-in at old with e.
func (c *Coach) EditEntry(old time.Time, e journal.Entry) error {
	return c.change(func(tx *journal.Tx) error {
		_, err := tx.PutEntry(old, e)
		return err
	})
}

// DeleteEntry deletes the check-in at t and returns it, for an undo.
func (c *Coach) DeleteEntry(t time.Time) (journal.Entry, error) {
	var gone journal.Entry
	err := c.change(func(tx *journal.Tx) error {
		var err error
		gone, err = tx.DeleteEntry(t)
		return err
	})
	return gone, err
}

// RestoreEntry puts back a check-in that DeleteEntry returned.
func (c *Coach) RestoreEntry(e journal.Entry) error {
	return c.change(func(tx *journal.Tx) error {
		_, err := tx.AddEntry(e)
		return err
	})
}

// DeleteSession deletes the session that ended at t and returns it.
func (c *Coach) DeleteSession(t time.Time) (journal.Session, error) {
	var gone journal.Session
	err := c.change(func(tx *journal.Tx) error {
		var err error
		gone, err = tx.DeleteSession(t)
		return err
	})
	return gone, err
}

// RestoreSession puts back a session that DeleteSession returned.
func (c *Coach) RestoreSession(s journal.Session) error {
	return c.change(func(tx *journal.Tx) error {
		_, err := tx.AddSession(s)
		return err
	})
}

// LogWalk saves a walk of minutes, made now, with the rules after it.
func (c *Coach) LogWalk(minutes int, note string) (journal.Walk, error) {
	var saved journal.Walk
	err := c.change(func(tx *journal.Tx) error {
		var err error
		saved, err = tx.AddWalk(journal.Walk{Time: c.clock.Now(), Minutes: minutes, Note: note})
		return err
	})
	return saved, err
}

// DeleteWalk deletes the walk logged at t and returns it.
func (c *Coach) DeleteWalk(t time.Time) (journal.Walk, error) {
	var gone journal.Walk
	err := c.change(func(tx *journal.Tx) error {
		var err error
		gone, err = tx.DeleteWalk(t)
		return err
	})
	return gone, err
}

// RestoreWalk puts back a walk that DeleteWalk returned.
func (c *Coach) RestoreWalk(w journal.Walk) error {
	return c.change(func(tx *journal.Tx) error {
		_, err := tx.AddWalk(w)
		return err
	})
}

// change runs write and then the rules, in one transaction.
func (c *Coach) change(write func(tx *journal.Tx) error) error {
	now := c.clock.Now()
	return c.j.Update(func(tx *journal.Tx) error {
		if err := write(tx); err != nil {
			return err
		}
		_, err := c.afterChange(tx, now)
		return err
	})
}

// Records are the journal's records, each session with the light the
// rules give it now (its Light, Final and MorningUnknown fields).
type Records struct {
	Entries  []journal.Entry
	Sessions []journal.Session
	Walks    []journal.Walk
	// Baseline is the rolling baseline as of now (program.Baseline) and
	// Ready whether it has enough mornings; Band is the meaningful-change
	// band around it (program.Band).
	Baseline float64
	Ready    bool
	Band     float64
	Mornings int // morning ratings the baseline is made of
}

// Journal returns every record up to now, for the Journal screen, the
// clinician report and the command line. Records dated after now (a clock
// that ran ahead) are kept in the journal but not shown until their time.
func (c *Coach) Journal() (Records, error) { return c.JournalAt(c.clock.Now()) }

// JournalAt is Journal as of at.
func (c *Coach) JournalAt(at time.Time) (Records, error) {
	var r Records
	end := at.Add(time.Nanosecond)
	err := c.j.View(func(tx *journal.Tx) error {
		var err error
		if r.Entries, err = tx.Entries(time.Time{}, end); err != nil {
			return err
		}
		sessions, err := tx.Sessions(time.Time{}, end)
		if err != nil {
			return err
		}
		if r.Walks, err = tx.Walks(time.Time{}, end); err != nil {
			return err
		}
		h, err := tx.History(at)
		if err != nil {
			return err
		}
		withLights(sessions, h, at) // read only here: the next change stores them
		r.Sessions = sessions
		r.Baseline, r.Ready = program.Baseline(h.Mornings, at)
		r.Band = program.Band(r.Baseline)
		r.Mornings = min(len(h.Mornings), program.BaselineWindow)
		return nil
	})
	return r, err
}
