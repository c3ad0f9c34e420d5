package coach

import (
	"steady/journal"
	"steady/locale"
	"steady/program"
)

// ErrNotSelfClearable is returned by Clear for a warning sign that only
// answering the safety questions again, without it, can lift: the
// emergency and same-day tiers (CLINICAL.md §7.6).
var ErrNotSelfClearable = locale.Err("this warning sign is lifted only by answering the safety questions again without it")

// A Beginning is what a new user told Steady at the first run.
type Beginning struct {
	Answers map[string]bool // red-flag question ID -> yes
	// Cleared: the user confirmed a clinician has already assessed what
	// they ticked. Only a "see a doctor soon" sign may be cleared so.
	Cleared bool
	// Level is where to start; Flaring starts flare mode at level 0
	// ("my back is flaring up right now", CLINICAL.md §7.7).
	Level   int
	Flaring bool
}

// Begin records the first run: the safety answers and, the first time,
// where to start. It returns the screening's referral.
func (c *Coach) Begin(b Beginning) (program.Referral, error) {
	now := c.clock.Now()
	r := program.Screen(b.Answers)
	err := c.j.Update(func(tx *journal.Tx) error {
		if err := c.recordScreening(tx, r, b.Cleared); err != nil {
			return err
		}
		if _, known, err := tx.Standing(); err != nil || known {
			return err
		}
		st := program.Start(b.Level, now)
		if b.Flaring {
			st = program.StartFlaring(now)
		}
		if err := tx.SetStanding(st); err != nil {
			return err
		}
		_, err := c.afterChange(tx, now)
		return err
	})
	return r, err
}

// Rescreen records the safety questions answered again, keeping the
// user's level. Answered without a warning sign, exercise resumes.
func (c *Coach) Rescreen(answers map[string]bool, cleared bool) (program.Referral, error) {
	now := c.clock.Now()
	r := program.Screen(answers)
	err := c.j.Update(func(tx *journal.Tx) error {
		if err := c.recordScreening(tx, r, cleared); err != nil {
			return err
		}
		_, err := c.afterChange(tx, now)
		return err
	})
	return r, err
}

// recordScreening stores a screening's result, and a clinician's clearance
// where the tier allows one.
func (c *Coach) recordScreening(tx *journal.Tx, r program.Referral, cleared bool) error {
	now := c.clock.Now()
	f, err := tx.Flag()
	if err != nil {
		return err
	}
	f = f.Record(r, now)
	if cleared && f.Active() && f.SelfClearable() {
		f = f.Clear(now)
	}
	return tx.SetFlag(f)
}

// Clear records that a clinician has assessed a "see a doctor soon" sign
// and cleared the user to exercise. The emergency and same-day tiers are
// refused with ErrNotSelfClearable.
func (c *Coach) Clear() error {
	now := c.clock.Now()
	return c.j.Update(func(tx *journal.Tx) error {
		f, err := tx.Flag()
		if err != nil {
			return err
		}
		if !f.SelfClearable() {
			return ErrNotSelfClearable
		}
		if err := tx.SetFlag(f.Clear(now)); err != nil {
			return err
		}
		_, err = c.afterChange(tx, now)
		return err
	})
}
