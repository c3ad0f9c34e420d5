package journal

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

// Standing returns where the user is in the routine; ok is false until
// SetStanding has stored one.
func (s *Store) Standing() (st program.Standing, ok bool, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		st, ok, err = readStanding(tx)
		return err
	})
	if err != nil {
		return program.Standing{}, false, fmt.Errorf("journal: read standing: %w", err)
	}
	return st, ok, nil
}

// SetStanding stores where the user is in the routine.
func (s *Store) SetStanding(st program.Standing) error {
	rec := standingV1{
		Level: st.Level, DoseStep: st.DoseStep, Since: st.Since.Round(0),
		ReasonRule: string(st.Reason.Rule), ReasonText: st.Reason.Text,
		CalmUntil: st.CalmUntil.Round(0), FlareUntil: st.FlareUntil.Round(0), FlareStarted: st.FlareStarted.Round(0),
	}
	if err := s.putState(keyStanding, rec); err != nil {
		return fmt.Errorf("journal: store standing: %w", err)
	}
	return nil
}

// Flag returns the red-flag state; the zero state until SetFlag stored one.
func (s *Store) Flag() (program.FlagState, error) {
	var f program.FlagState
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		f, err = readFlag(tx)
		return err
	})
	if err != nil {
		return program.FlagState{}, fmt.Errorf("journal: read red-flag state: %w", err)
	}
	return f, nil
}

// SetFlag stores the red-flag state.
func (s *Store) SetFlag(f program.FlagState) error {
	rec := flagV1{
		Raised: f.Raised.Round(0), Tier: int(f.Tier), Flags: slices.Clone(f.Flags),
		Cleared: f.Cleared.Round(0), Screened: f.Screened.Round(0),
	}
	if err := s.putState(keyFlag, rec); err != nil {
		return fmt.Errorf("journal: store red-flag state: %w", err)
	}
	return nil
}

func (s *Store) putState(key []byte, rec any) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		v, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketState).Put(key, v)
	})
}

func readStanding(tx *bolt.Tx) (program.Standing, bool, error) {
	v := tx.Bucket(bucketState).Get(keyStanding)
	if v == nil {
		return program.Standing{}, false, nil
	}
	var r standingV1
	if err := json.Unmarshal(v, &r); err != nil {
		return program.Standing{}, false, err
	}
	return program.Standing{
		Level: r.Level, DoseStep: r.DoseStep, Since: r.Since,
		Reason:    program.Reason{Rule: program.Rule(r.ReasonRule), Text: r.ReasonText},
		CalmUntil: r.CalmUntil, FlareUntil: r.FlareUntil, FlareStarted: r.FlareStarted,
	}, true, nil
}

func readFlag(tx *bolt.Tx) (program.FlagState, error) {
	v := tx.Bucket(bucketState).Get(keyFlag)
	if v == nil {
		return program.FlagState{}, nil
	}
	var r flagV1
	if err := json.Unmarshal(v, &r); err != nil {
		return program.FlagState{}, err
	}
	return program.FlagState{
		Raised: r.Raised, Tier: program.Tier(r.Tier), Flags: r.Flags,
		Cleared: r.Cleared, Screened: r.Screened,
	}, nil
}

// History returns what program.Decide judges, as of now: the morning
// ratings (Morning entries), the sessions as outcomes, the standing (the
// zero Standing if none is stored) and the red-flag state. Records after now
// are left out. A session's NextMorning is the back pain of the first
// Morning entry on the next calendar day, in the session's own time zone.
// StepsInLevel is left for the caller, and NotSettledIn24h is false: the
// journal does not record it.
func (s *Store) History(now time.Time) (program.History, error) {
	var h program.History
	end := now.Add(time.Nanosecond) // records up to and including now
	err := s.db.View(func(tx *bolt.Tx) error {
		err := each(tx.Bucket(bucketEntries), time.Time{}, end, decodeEntry, func(e Entry) {
			if e.Kind != Morning {
				return
			}
			h.Mornings = append(h.Mornings, program.MorningRating{
				Time: e.Time, BackPain: e.BackPain, LegPain: e.LegPain,
				Tightness: e.Tightness, Cause: e.Cause, LegReach: e.LegReach,
			})
		})
		if err != nil {
			return err
		}
		err = each(tx.Bucket(bucketSessions), time.Time{}, end, decodeSession, func(x Session) {
			h.Sessions = append(h.Sessions, program.SessionOutcome{
				Time: x.Time, Level: x.Level, DoseStep: x.DoseStep,
				MaxPainDuring: x.MaxPainDuring, PainAfter: x.PainAfter,
				LegSpread: x.LegSpread, NewNumbnessOrWeakness: x.NumbWeak, Felt: x.Felt,
				NextMorning: nextMorning(h.Mornings, x.Time),
			})
		})
		if err != nil {
			return err
		}
		if h.Standing, _, err = readStanding(tx); err != nil {
			return err
		}
		h.Flag, err = readFlag(tx)
		return err
	})
	if err != nil {
		return program.History{}, fmt.Errorf("journal: read history: %w", err)
	}
	return h, nil
}

// nextMorning returns the back pain of the first of the mornings (oldest
// first) on the calendar day after t, in t's time zone; nil if there is none.
func nextMorning(mornings []program.MorningRating, t time.Time) *int {
	y, m, d := t.Date()
	start := time.Date(y, m, d+1, 0, 0, 0, 0, t.Location())
	end := time.Date(y, m, d+2, 0, 0, 0, 0, t.Location())
	i := sort.Search(len(mornings), func(i int) bool { return !mornings[i].Time.Before(start) })
	if i == len(mornings) || !mornings[i].Time.Before(end) {
		return nil
	}
	pain := mornings[i].BackPain
	return &pain
}
