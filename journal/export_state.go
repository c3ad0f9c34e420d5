package journal

import (
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

// A JSON export carries the user's standing (level, dose step and why) and
// red-flag state (the safety answers), so that a journal moved to another
// computer goes on where it was instead of asking the first-run questions
// again. The CSV export carries records only.

// StandingChoice says what an import does with a file's standing and
// safety answers when the journal has a standing of its own that differs.
// A journal with no standing (before the first run) takes the file's in
// every case.
type StandingChoice int

const (
	// KeepStanding keeps the journal's; the records are imported.
	KeepStanding StandingChoice = iota
	// AskStanding refuses the import with a *StandingConflict, so that the
	// user can be asked; nothing is imported.
	AskStanding
	// ReplaceStanding stores the file's in place of the journal's.
	ReplaceStanding
)

// StandingConflict is the error of an import with AskStanding whose file
// carries another standing than the journal's. Nothing was imported.
type StandingConflict struct {
	Journal program.Standing // the journal's standing
	File    program.Standing // the file's
}

func (e *StandingConflict) Error() string {
	return fmt.Sprintf("journal: import: the file's standing (level %d, dose step %d) differs from the journal's (level %d, dose step %d)",
		e.File.Level, e.File.DoseStep, e.Journal.Level, e.Journal.DoseStep)
}

// importedState is the standing and the red-flag state an import file
// carries, with the lines they start on.
type importedState struct {
	standing     *program.Standing
	flag         *program.FlagState
	standingLine int
	flagLine     int
}

// validate lists what is wrong with the standing and the red-flag state.
func (s importedState) validate() []Problem {
	var problems []Problem
	if st := s.standing; st != nil {
		if st.Level < 0 || st.DoseStep < 0 {
			problems = append(problems, Problem{s.standingLine, fmt.Sprintf("standing: level %d, dose step %d: want 0 or more", st.Level, st.DoseStep)})
		}
		if err := checkReason(st.Reason); err != nil {
			problems = append(problems, Problem{s.standingLine, "standing: " + err.Error()})
		}
	}
	if f := s.flag; f != nil && (f.Tier < 0 || len(f.Flags) > 100) {
		problems = append(problems, Problem{s.flagLine, "flag: not a red-flag state this Steady reads"})
	}
	if s.flag != nil && s.standing == nil {
		problems = append(problems, Problem{s.flagLine, "flag: safety answers without a standing"})
	}
	return problems
}

// apply stores the file's standing and red-flag state in tx, as choice
// says, and records in res what it did.
func (s importedState) apply(tx *bolt.Tx, choice StandingChoice, res *ImportResult) error {
	if s.standing == nil {
		return nil
	}
	t := &Tx{tx: tx}
	current, ok, err := t.Standing()
	if err != nil {
		return err
	}
	if ok {
		flag, err := t.Flag()
		if err != nil {
			return err
		}
		if current.Equal(*s.standing) && (s.flag == nil || sameFlag(flag, *s.flag)) {
			return nil
		}
		switch choice {
		case KeepStanding:
			res.StandingKept = true
			return nil
		case AskStanding:
			return &StandingConflict{Journal: current, File: *s.standing}
		}
	}
	if err := t.SetStanding(*s.standing); err != nil {
		return err
	}
	if s.flag != nil {
		if err := t.SetFlag(*s.flag); err != nil {
			return err
		}
	}
	res.StandingSet = true
	return nil
}

// sameFlag reports whether two red-flag states are the same.
func sameFlag(a, b program.FlagState) bool {
	return a.Raised.Equal(b.Raised) && a.Tier == b.Tier && slices.Equal(a.Flags, b.Flags) &&
		a.Cleared.Equal(b.Cleared) && a.Screened.Equal(b.Screened)
}

// exportState puts the stored standing and red-flag state into x, as
// stored; they are absent before the first run.
func exportState(tx *bolt.Tx, x *exportV3) error {
	b := tx.Bucket(bucketState)
	if v := b.Get(keyStanding); v != nil {
		x.Standing = new(standingV2)
		if err := json.Unmarshal(v, x.Standing); err != nil {
			return fmt.Errorf("the standing: %w", err)
		}
	}
	if v := b.Get(keyFlag); v != nil {
		x.Flag = new(flagV1)
		if err := json.Unmarshal(v, x.Flag); err != nil {
			return fmt.Errorf("the red-flag state: %w", err)
		}
	}
	return nil
}
