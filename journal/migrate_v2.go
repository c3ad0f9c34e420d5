package journal

// The migration to schema version 2: version 1 stored sentences (the
// standing's reason, a session's result, a reason for stopping built from
// button labels); version 2 stores data and keeps only what the user typed
// as text. Each sentence is read back into data where it matches, exactly,
// a sentence the version 1 code wrote; anything else is kept as legacy
// text (Reason.Text, Session.ResultText, StopCauses{other} with the whole
// sentence as StopNote), so nothing the user saw is lost.

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

// migrateV2 rewrites every session and the standing in their version 2
// shapes and creates the walks bucket.
func migrateV2(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketWalks); err != nil {
		return err
	}
	sessions := tx.Bucket(bucketSessions)
	type rewrite struct{ k, v []byte }
	var list []rewrite
	err := sessions.ForEach(func(k, v []byte) error {
		var old sessionV1
		if err := json.Unmarshal(v, &old); err != nil {
			return fmt.Errorf("session at key %x: %w", k, err)
		}
		nv, err := json.Marshal(sessionFromV1(old))
		if err != nil {
			return err
		}
		// A value may not be put while ForEach runs over its bucket.
		list = append(list, rewrite{k: append([]byte(nil), k...), v: nv})
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range list {
		if err := sessions.Put(r.k, r.v); err != nil {
			return err
		}
	}
	state := tx.Bucket(bucketState)
	v := state.Get(keyStanding)
	if v == nil {
		return nil
	}
	var old standingV1
	if err := json.Unmarshal(v, &old); err != nil {
		return fmt.Errorf("standing: %w", err)
	}
	nv, err := json.Marshal(standingRecord(standingFromV1(old)))
	if err != nil {
		return err
	}
	return state.Put(keyStanding, nv)
}

// sessionFromV1 is a version 1 session in the version 2 shape.
func sessionFromV1(r sessionV1) sessionV2 {
	causes, note := parseStopReason(r.StopReason)
	words := make([]string, len(causes))
	for i, c := range causes {
		words[i] = string(c)
	}
	res, ok := parseResult(r.Result, r.Time)
	text := ""
	if !ok {
		text = r.Result
	}
	return sessionV2{
		Time: r.Time, Started: r.Started, Routine: r.Routine,
		Level: r.Level, DoseStep: r.DoseStep, Flare: r.Flare,
		Completed: r.Completed, Skipped: r.Skipped, Duration: r.Duration,
		MaxPainDuring: r.MaxPainDuring, PainAfter: r.PainAfter,
		LegSpread: r.LegSpread, NumbWeak: r.NumbWeak, Felt: r.Felt,
		StoppedForPain: r.StoppedForPain, StopCauses: words, StopNote: note,
		Light: r.Light,
		// Final and MorningUnknown were not stored: the application layer
		// works them out again.
		ResultMode: string(res.Mode), ResultLevel: res.Level, ResultDoseStep: res.DoseStep,
		ResultUntil: res.Until, ResultText: text,
	}
}

// stopLabels are the answers to "what happened?" as version 1 stored them:
// the button labels, first letter lower case, joined with "; ".
var stopLabels = []struct {
	text  string
	cause program.StopCause
}{
	{"pain shooting down the leg", program.StopLegPain},
	{"new numbness or tingling", program.StopNumbness},
	{"new weakness", program.StopWeakness},
	{"pain in the back became sharp or too much", program.StopBackPain},
}

// parseStopReason reads a version 1 reason for stopping: known labels
// joined with "; ", then perhaps "something else" or "something else:
// <the user's words>", always last. Anything else is StopOther with the
// whole text as the note.
func parseStopReason(s string) ([]program.StopCause, string) {
	if s == "" {
		return nil, ""
	}
	var causes []program.StopCause
	rest := s
	for rest != "" {
		if rest == "something else" {
			return append(causes, program.StopOther), ""
		}
		if note, ok := strings.CutPrefix(rest, "something else: "); ok {
			return append(causes, program.StopOther), note
		}
		found := false
		for _, l := range stopLabels {
			if after, ok := strings.CutPrefix(rest, l.text); ok && (after == "" || strings.HasPrefix(after, "; ")) {
				if containsCause(causes, l.cause) {
					break // a label twice: not what version 1 wrote
				}
				causes = append(causes, l.cause)
				rest = strings.TrimPrefix(after, "; ")
				found = after == "" || rest != ""
				break
			}
		}
		if !found {
			return []program.StopCause{program.StopOther}, s
		}
	}
	return causes, ""
}

func containsCause(list []program.StopCause, c program.StopCause) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

var nextStepRE = regexp.MustCompile(`^Next time: level (\d+), dose step (\d+)\.$`)
var flareUntilRE = regexp.MustCompile(`^Flare mode: calm-down exercises only until ([A-Z][a-z]+day)\.$`)

// parseResult reads a version 1 session result, a sentence the window
// wrote after the session that ended at end. ok is false when s is not
// one of those sentences (an empty s is the zero Result, ok).
//
// "Next time: level L, dose step S." came from both the normal and the
// advance modes: it becomes Normal. Repeat, calm-down, hold and red-flag
// results named no step: their Level and DoseStep stay 0. A flare result
// named the weekday it ends; Until is the first local midnight after the
// session's day that falls on it, in the zone of the session's time.
func parseResult(s string, end time.Time) (Result, bool) {
	switch s {
	case "":
		return Result{}, true
	case "Next time: the same dose again.":
		return Result{Mode: program.Repeat}, true
	case "Calm-down exercises for the rest of today; one dose step lower from tomorrow.":
		return Result{Mode: program.CalmDownToday}, true
	case "Your level is held for now; consider seeing a clinician.":
		return Result{Mode: program.HoldSeeClinician}, true
	case "No exercise until a clinician has seen you.":
		return Result{Mode: program.RedFlagStop}, true
	}
	if m := nextStepRE.FindStringSubmatch(s); m != nil {
		level, err1 := strconv.Atoi(m[1])
		step, err2 := strconv.Atoi(m[2])
		if err1 != nil || err2 != nil || level > program.TopLevel || step < 1 || step > 101 {
			return Result{}, false
		}
		return Result{Mode: program.Normal, Level: level, DoseStep: step - 1}, true
	}
	if m := flareUntilRE.FindStringSubmatch(s); m != nil {
		y, mo, d := end.Date()
		for i := 1; i <= 7; i++ {
			t := time.Date(y, mo, d+i, 0, 0, 0, 0, end.Location())
			if t.Weekday().String() == m[1] {
				return Result{Mode: program.Flare, Until: t}, true
			}
		}
	}
	return Result{}, false
}

// standingFromV1 is a version 1 standing with its reason read back into
// data where the sentence allows.
func standingFromV1(r standingV1) program.Standing {
	st := program.Standing{
		Level: r.Level, DoseStep: r.DoseStep, Since: r.Since,
		CalmUntil: r.CalmUntil, FlareUntil: r.FlareUntil, FlareStarted: r.FlareStarted,
	}
	st.Reason = parseReason(program.Rule(r.ReasonRule), r.ReasonText, st)
	return st
}

// The sentences version 1 stored as a standing's reason (see
// program/progress_decide.go before reasons were data). A day is written
// "Mon 2 Jan"; the traffic-light source is cited in full or shortened.
var (
	startRE = regexp.MustCompile(`^You started at level (\d+) on (\w{3} \d{1,2} \w{3})\.$`)
	// advanceRE: day, level, dose step (from 1), steps; the number of
	// sessions was always program.GreensToProgress.
	advanceRE = regexp.MustCompile(`^On (\w{3} \d{1,2} \w{3}) you moved up to level (\d+), dose step (\d+) of (\d+): ` +
		`your last (\d+) sessions were green, you had spent at least a week on the step before and it felt easy \(traffic-light rules, [^()]+\)\.$`)
	// stepDownRE: day, criteria, "stay"/"went", level, dose step, steps.
	stepDownRE = regexp.MustCompile(`^Your session on (\w{3} \d{1,2} \w{3}) was red \((.*)\), so you (stay at|went one dose step down, to) ` +
		`level (\d+), dose step (\d+) of (\d+)(?:, already the first dose step of the level)?, ` +
		`with the calm-down level for the rest of that day \(traffic-light rules, [^()]+\)\.$`)
	// flareTailRE is what every flare reason ended with: days, level.
	flareTailRE = regexp.MustCompile(` Flare mode lasts (\d+) days, counting that day; then you restart one level lower, ` +
		`at level (\d+), from its first dose step \(traffic-light rules, [^()]+\)\.$`)
	// flareMorningRE: day, back pain, then either "which is N or more" or
	// "N or more points above your baseline of B".
	flareMorningRE = regexp.MustCompile(`^Your morning back pain on (\w{3} \d{1,2} \w{3}) was (\d+) out of 10, ` +
		`(?:which is (\d+) or more|(\d+) or more points above your baseline of (\d+(?:\.\d)?)), and started flare mode\.$`)
)

// Value names a migrated reason sets in Reason.Values.
const (
	valueBackPain = "back_pain" // flare-morning: the morning's back pain
	valueBaseline = "baseline"  // flare-morning: the baseline it was above
)

// parseReason reads a version 1 reason (rule and sentence) of standing st
// back into data. What it cannot read comes back with the rule and the
// sentence in Text. The sentences' days must be the days of the
// standing's own times, so a sentence is taken only for the standing it
// was written for.
func parseReason(rule program.Rule, text string, st program.Standing) program.Reason {
	legacy := program.Reason{Rule: rule, Text: text}
	atoi := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			return -1
		}
		return n
	}
	switch rule {
	case program.RuleStart:
		m := startRE.FindStringSubmatch(text)
		if m == nil || atoi(m[1]) != st.Level || v1Day(st.Since) != m[2] {
			return legacy
		}
		return program.Reason{Rule: rule, At: st.Since, Level: st.Level}
	case program.RuleAdvance:
		m := advanceRE.FindStringSubmatch(text)
		if m == nil || v1Day(st.Since) != m[1] || atoi(m[2]) != st.Level || atoi(m[3]) != st.DoseStep+1 || atoi(m[4]) < 1 {
			return legacy
		}
		return program.Reason{Rule: rule, Source: program.SourceTrafficLight, At: st.Since,
			Level: st.Level, DoseStep: st.DoseStep, Steps: atoi(m[4])}
	case program.RuleStepDown:
		m := stepDownRE.FindStringSubmatch(text)
		if m == nil || v1Day(st.Since) != m[1] || atoi(m[4]) != st.Level || atoi(m[5]) != st.DoseStep+1 || atoi(m[6]) < 1 {
			return legacy
		}
		criteria, ok := parseCriteria(m[2])
		if !ok {
			return legacy
		}
		return program.Reason{Rule: rule, Source: program.SourceTrafficLight, At: st.Since, Until: st.CalmUntil,
			Level: st.Level, DoseStep: st.DoseStep, Steps: atoi(m[6]), Criteria: criteria}
	case program.RuleFlareMorning:
		tail := flareTailRE.FindStringSubmatchIndex(text)
		if tail == nil {
			return legacy
		}
		head := text[:tail[0]]
		days, level := atoi(text[tail[2]:tail[3]]), atoi(text[tail[4]:tail[5]])
		m := flareMorningRE.FindStringSubmatch(head)
		if m == nil || v1Day(st.FlareStarted) != m[1] || level != st.Level || days != program.FlareDays {
			return legacy
		}
		r := program.Reason{Rule: rule, Source: program.SourceTrafficLight, At: st.FlareStarted, Until: st.FlareUntil,
			Level: st.Level, Values: map[string]float64{valueBackPain: float64(atoi(m[2]))}}
		if m[5] != "" {
			b, err := strconv.ParseFloat(m[5], 64)
			if err != nil {
				return legacy
			}
			r.Values[valueBaseline] = b
		}
		return r
	}
	// The flare started by two red sessions named the first session's day,
	// which the standing does not hold: it keeps its sentence. So do rules
	// version 1 never stored in a standing.
	return legacy
}

// v1Criteria are the criteria as version 1 wrote them in a reason.
var v1Criteria = []struct {
	text string
	c    program.Criterion
}{
	{"pain reached 4 or 5 out of 10", program.PainModerate},
	{"pain went above 5 out of 10", program.PainHigh},
	{"the next morning was 2 points above your baseline", program.MorningUpTwo},
	{"the next morning was 3 or more points above your baseline", program.MorningUpThree},
	{"the pain was not back to your baseline within a day", program.NotSettled},
	{"leg symptoms spread further down but settled within 30 minutes", program.LegSettled},
	{"leg symptoms spread further down and stayed", program.LegStayed},
	{"you noticed new numbness or weakness", program.NumbWeak},
}

// parseCriteria reads the criteria of a red session as version 1 wrote
// them, joined with "; ".
func parseCriteria(s string) ([]program.Criterion, bool) {
	var list []program.Criterion
	for _, part := range strings.Split(s, "; ") {
		found := false
		for _, c := range v1Criteria {
			if c.text == part {
				list, found = append(list, c.c), true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return list, true
}

// v1Day is how version 1 wrote a day in a reason.
func v1Day(t time.Time) string { return t.Format("Mon 2 Jan") }
