package program

import (
	"maps"
	"slices"
	"time"
)

// A Reason is one answer to "Why this level?" as data: the rule that fired,
// the moment and the numbers it used, and the source it follows. Nothing
// here is a sentence; package explain puts a Reason into words at display
// time, so a stored Reason follows every later change of wording and every
// language.
type Reason struct {
	Rule   Rule
	Source Source
	// At is the moment the rule acted on (a morning rating, a session, the
	// start of a standing); zero when the rule is about now.
	At time.Time
	// Until is when what the rule started ends (a flare, a calm-down day);
	// zero when nothing ends.
	Until time.Time
	// Level and DoseStep name the step the reason speaks of (DoseStep from
	// 0); Steps is how many dose steps that level has, 0 when no step is
	// named.
	Level, DoseStep, Steps int
	// Values are the numbers the rule used, by name. Each rule documents
	// the names it sets (see the Rule constants); explain reads them.
	Values map[string]float64
	// Criteria are the traffic-light criteria a session-based rule used.
	Criteria []Criterion
	// Text is a sentence from a journal written before reasons were data
	// that the migration could not read back into a rule; it is shown as it
	// is. Rules never set it.
	Text string
}

// Source names where a rule comes from. explain turns it into a citation.
type Source string

const (
	SourceNone         Source = ""
	SourceTrafficLight Source = "traffic-light" // Silbernagel et al. 2007, adapted (CLINICAL.md §3)
	SourceMCID         Source = "mcid"          // Farrar et al. 2001; Ostelo et al. 2008 (§2)
	SourceStabilise    Source = "stabilise"     // Owen et al. 2020 (§1)
	SourceRedFlags     Source = "red-flags"     // NICE NG59, NICE CKS (§4)
	SourceWalking      Source = "walking"       // Pocovi et al., WalkBack, Lancet 2024 (§1, §7.8)
	SourceSafety       Source = "safety"        // Steady's conservative practice (CLINICAL.md §7), not a trial result
	SourceLegSymptoms  Source = "leg-symptoms"  // spreading down the leg = reduce load (§2); NICE NG59 (§7.1)
	SourceFunction     Source = "psfs"          // Stratford et al. 1995 (§8)
	SourceSteady       Source = "steady"        // Steady's own choice where the sources leave a case open
)

// Equal reports whether r and o say the same: the same rule, source, times
// (as instants), step, values and criteria.
func (r Reason) Equal(o Reason) bool {
	return r.Rule == o.Rule && r.Source == o.Source && r.At.Equal(o.At) && r.Until.Equal(o.Until) &&
		r.Level == o.Level && r.DoseStep == o.DoseStep && r.Steps == o.Steps &&
		maps.Equal(r.Values, o.Values) && slices.Equal(r.Criteria, o.Criteria) && r.Text == o.Text
}

// Equal reports whether s and o are the same standing, times compared as
// instants.
func (s Standing) Equal(o Standing) bool {
	return s.Level == o.Level && s.DoseStep == o.DoseStep && s.Since.Equal(o.Since) &&
		s.CalmUntil.Equal(o.CalmUntil) && s.FlareUntil.Equal(o.FlareUntil) &&
		s.FlareStarted.Equal(o.FlareStarted) && s.Reason.Equal(o.Reason)
}
