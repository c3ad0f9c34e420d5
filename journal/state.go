package journal

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

// Standing returns where the user is in the routine; ok is false until
// SetStanding has stored one.
func (t *Tx) Standing() (program.Standing, bool, error) {
	st, ok, err := readStanding(t.tx)
	if err != nil {
		return program.Standing{}, false, fmt.Errorf("journal: read standing: %w", err)
	}
	return st, ok, nil
}

// SetStanding stores where the user is in the routine.
func (t *Tx) SetStanding(st program.Standing) error {
	err := t.writable()
	if err == nil {
		err = checkReason(st.Reason)
	}
	if err == nil {
		err = t.putState(keyStanding, standingRecord(st))
	}
	if err != nil {
		return fmt.Errorf("journal: store standing: %w", err)
	}
	return nil
}

// Flag returns the red-flag state; the zero state until SetFlag stored one.
func (t *Tx) Flag() (program.FlagState, error) {
	f, err := readFlag(t.tx)
	if err != nil {
		return program.FlagState{}, fmt.Errorf("journal: read red-flag state: %w", err)
	}
	return f, nil
}

// SetFlag stores the red-flag state.
func (t *Tx) SetFlag(f program.FlagState) error {
	rec := flagRecord(f)
	err := t.writable()
	if err == nil {
		err = t.putState(keyFlag, rec)
	}
	if err != nil {
		return fmt.Errorf("journal: store red-flag state: %w", err)
	}
	return nil
}

func (t *Tx) putState(key []byte, rec any) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return t.tx.Bucket(bucketState).Put(key, v)
}

// checkReason refuses what JSON cannot store: a value that is not a
// finite number.
func checkReason(r program.Reason) error {
	for name, v := range r.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("the reason's value %q is %v, not a number that can be stored", name, v)
		}
	}
	return nil
}

// standingRecord is st as stored.
func standingRecord(st program.Standing) standingV2 {
	r := st.Reason
	var criteria []string
	for _, c := range r.Criteria {
		criteria = append(criteria, string(c))
	}
	return standingV2{
		Level: st.Level, DoseStep: st.DoseStep, Since: st.Since.Round(0),
		Reason: reasonV2{
			Rule: string(r.Rule), Source: string(r.Source), At: r.At.Round(0), Until: r.Until.Round(0),
			Level: r.Level, DoseStep: r.DoseStep, Steps: r.Steps,
			Values: maps.Clone(r.Values), Criteria: criteria, Text: r.Text,
		},
		CalmUntil: st.CalmUntil.Round(0), FlareUntil: st.FlareUntil.Round(0), FlareStarted: st.FlareStarted.Round(0),
	}
}

func readStanding(tx *bolt.Tx) (program.Standing, bool, error) {
	v := tx.Bucket(bucketState).Get(keyStanding)
	if v == nil {
		return program.Standing{}, false, nil
	}
	var r standingV2
	if err := json.Unmarshal(v, &r); err != nil {
		return program.Standing{}, false, err
	}
	return r.standing(), true, nil
}

// standing is the program.Standing r stores.
func (r standingV2) standing() program.Standing {
	var criteria []program.Criterion
	for _, c := range r.Reason.Criteria {
		criteria = append(criteria, program.Criterion(c))
	}
	return program.Standing{
		Level: r.Level, DoseStep: r.DoseStep, Since: r.Since,
		Reason: program.Reason{
			Rule: program.Rule(r.Reason.Rule), Source: program.Source(r.Reason.Source),
			At: r.Reason.At, Until: r.Reason.Until,
			Level: r.Reason.Level, DoseStep: r.Reason.DoseStep, Steps: r.Reason.Steps,
			Values: r.Reason.Values, Criteria: criteria, Text: r.Reason.Text,
		},
		CalmUntil: r.CalmUntil, FlareUntil: r.FlareUntil, FlareStarted: r.FlareStarted,
	}
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
	return r.flag(), nil
}

// flag is the program.FlagState r stores.
func (r flagV1) flag() program.FlagState {
	return program.FlagState{
		Raised: r.Raised, Tier: program.Tier(r.Tier), Flags: r.Flags,
		Cleared: r.Cleared, Screened: r.Screened,
	}
}

// flagRecord is f as stored.
func flagRecord(f program.FlagState) flagV1 {
	return flagV1{
		Raised: f.Raised.Round(0), Tier: int(f.Tier), Flags: slices.Clone(f.Flags),
		Cleared: f.Cleared.Round(0), Screened: f.Screened.Round(0),
	}
}

// History returns what program.Decide judges, as of now: the morning
// ratings (Morning entries), the sessions as outcomes, the standing (the
// zero Standing if none is stored), the red-flag state, the logged walks
// and the times of every entry (of any kind) and session that reported new
// numbness or weakness. Records after now are left out. A session's
// NextMorning is the back pain of the first Morning entry on the next
// calendar day, in the session's own time zone. StepsInLevel is left for
// the caller, and NotSettledIn24h is false: the journal does not record it.
func (t *Tx) History(now time.Time) (program.History, error) {
	var h program.History
	end := now.Add(time.Nanosecond) // records up to and including now
	err := each(t.tx.Bucket(bucketEntries), time.Time{}, end, decodeEntry, func(e Entry) {
		if e.NumbWeak {
			h.NumbWeak = append(h.NumbWeak, e.Time)
		}
		if e.Kind != Morning {
			return
		}
		h.Mornings = append(h.Mornings, program.MorningRating{
			Time: e.Time, BackPain: e.BackPain, LegPain: e.LegPain,
			Tightness: e.Tightness, Cause: e.Cause, LegReach: e.LegReach,
		})
	})
	if err == nil {
		err = each(t.tx.Bucket(bucketSessions), time.Time{}, end, decodeSession, func(x Session) {
			if x.NumbWeak {
				h.NumbWeak = append(h.NumbWeak, x.Time)
			}
			h.Sessions = append(h.Sessions, program.SessionOutcome{
				Time: x.Time, Level: x.Level, DoseStep: x.DoseStep,
				MaxPainDuring: x.MaxPainDuring, PainAfter: x.PainAfter,
				LegSpread: x.LegSpread, NewNumbnessOrWeakness: x.NumbWeak, Felt: x.Felt,
				NextMorning: nextMorning(h.Mornings, x.Time),
			})
		})
	}
	if err == nil {
		err = each(t.tx.Bucket(bucketWalks), time.Time{}, end, decodeWalk, func(w Walk) {
			h.Walks = append(h.Walks, program.LoggedWalk{Time: w.Time, Minutes: w.Minutes})
		})
	}
	if err == nil {
		h.Standing, _, err = readStanding(t.tx)
	}
	if err == nil {
		h.Flag, err = readFlag(t.tx)
	}
	if err != nil {
		return program.History{}, fmt.Errorf("journal: read history: %w", err)
	}
	return h, nil
}

// Standing returns where the user is in the routine; ok is false until
// SetStanding has stored one.
func (s *Store) Standing() (st program.Standing, ok bool, err error) {
	err = s.View(func(tx *Tx) error { st, ok, err = tx.Standing(); return err })
	return st, ok, err
}

// SetStanding stores where the user is in the routine.
func (s *Store) SetStanding(st program.Standing) error {
	return s.Update(func(tx *Tx) error { return tx.SetStanding(st) })
}

// Flag returns the red-flag state; the zero state until SetFlag stored one.
func (s *Store) Flag() (f program.FlagState, err error) {
	err = s.View(func(tx *Tx) error { f, err = tx.Flag(); return err })
	return f, err
}

// SetFlag stores the red-flag state.
func (s *Store) SetFlag(f program.FlagState) error {
	return s.Update(func(tx *Tx) error { return tx.SetFlag(f) })
}

// History returns what program.Decide judges, as of now, in one read
// transaction: see Tx.History.
func (s *Store) History(now time.Time) (h program.History, err error) {
	err = s.View(func(tx *Tx) error { h, err = tx.History(now); return err })
	return h, err
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
