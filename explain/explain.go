// Package explain puts the progression rules' decisions into words: why this
// level, what the traffic light of a session means, what changes next time,
// and where each rule comes from. It is the one wording layer: package program
// returns rules, moments and numbers as data, and nothing stores a sentence.
//
// Each sentence is one format string with named inputs ({level}, {day}, ...),
// filled by fill, so a translation catalog can later replace the formats
// without touching the rules. Wording follows CLINICAL.md §7.9: the
// protective-brace idea is the idea Steady follows, not established fact;
// where a rule is an adaptation or Steady's own conservative choice, the
// sentence says so; every "why" names its rule's source.
package explain

import (
	"fmt"
	"strings"
	"time"

	"steady/program"
)

// fill replaces each {name} in format with its value; kv alternates names
// and values.
func fill(format string, kv ...string) string {
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(format)
}

// Day formats a date as Steady shows it: "Mon 2 Jan".
func Day(t time.Time) string { return t.Format("Mon 2 Jan") }

// Number formats a rating or a mean: no decimals when whole, else one.
func Number(x float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0")
}

func count(n int) string { return fmt.Sprint(n) }

// lastDay is the last calendar day before an end at midnight.
func lastDay(until time.Time) string { return Day(until.Add(-time.Nanosecond)) }

// Citation is the full text of a source, as cited the first time.
func Citation(s program.Source) string {
	switch s {
	case program.SourceTrafficLight:
		return "after Silbernagel et al. 2007, a pain-monitoring model from Achilles tendon rehabilitation that Steady adapts to back exercise; it was not tested for backs"
	case program.SourceMCID:
		return "about 2 points or 30 % is the smallest change people notice: Farrar et al. 2001; Ostelo et al. 2008"
	case program.SourceStabilise:
		return "the idea Steady follows: a back that guards itself is stabilised rather than stretched; in a large comparison of exercise types, stretching did no better than no treatment (Owen et al. 2020)"
	case program.SourceRedFlags:
		return "NICE guideline NG59 and NICE CKS on low back pain; these questions refer, they do not diagnose"
	case program.SourceWalking:
		return "progressive walking, built up to 30 minutes on 5 days a week, delayed the next flare in the WalkBack trial (Pocovi et al., Lancet 2024); the steps on the way are Steady's choice"
	case program.SourceSafety:
		return "Steady's safety rule, conservative practice, not a trial result"
	case program.SourceLegSymptoms:
		return "symptoms spreading down the leg mean less load; leg symptoms that keep getting worse need a clinician (NICE NG59); Steady's thresholds are conservative practice, not a trial result"
	case program.SourceFunction:
		return "the Patient-Specific Functional Scale, Stratford et al. 1995; a 2-point change is the usual convention"
	case program.SourceSteady:
		return "Steady's own choice where the sources leave the case open"
	}
	return ""
}

// shortCitation is a source as cited after the first time.
func shortCitation(s program.Source) string {
	switch s {
	case program.SourceTrafficLight:
		return "after Silbernagel et al. 2007, adapted"
	case program.SourceMCID:
		return "Farrar et al. 2001; Ostelo et al. 2008"
	case program.SourceStabilise:
		return "Owen et al. 2020"
	case program.SourceRedFlags:
		return "NICE NG59, NICE CKS"
	case program.SourceWalking:
		return "Pocovi et al. 2024"
	case program.SourceSafety:
		return "Steady's safety rule"
	case program.SourceLegSymptoms:
		return "NICE NG59; Steady's safety rule"
	case program.SourceFunction:
		return "Stratford et al. 1995"
	case program.SourceSteady:
		return "Steady's choice"
	}
	return ""
}

// Criterion describes one traffic-light criterion that fired.
func Criterion(c program.Criterion) string {
	switch c {
	case program.PainModerate:
		return "pain reached 4 or 5 out of 10"
	case program.PainHigh:
		return "pain went above 5 out of 10"
	case program.MorningUpTwo:
		return "the next morning was 2 points above your baseline"
	case program.MorningUpThree:
		return "the next morning was 3 or more points above your baseline"
	case program.NotSettled:
		return "the pain was not back to your baseline within a day"
	case program.LegSettled:
		return "leg symptoms spread further down but settled within 30 minutes"
	case program.LegStayed:
		return "leg symptoms spread further down and stayed"
	case program.NumbWeak:
		return "you noticed new numbness or weakness"
	}
	return string(c)
}

func criteria(cs []program.Criterion) string {
	ws := make([]string, len(cs))
	for i, c := range cs {
		ws[i] = Criterion(c)
	}
	return strings.Join(ws, "; ")
}

// reach names how far down the leg symptoms reach.
func reach(x float64) string {
	switch program.LegReach(x) {
	case program.ReachNone:
		return "nowhere"
	case program.ReachButtock:
		return "the buttock"
	case program.ReachThigh:
		return "the thigh"
	case program.ReachBelowKnee:
		return "below the knee"
	case program.ReachFoot:
		return "the foot"
	}
	return "further down"
}

// step names a level's dose step.
func step(level, doseStep, steps int) string {
	if steps < 1 {
		return fill("level {level}", "level", count(level))
	}
	return fill("level {level}, dose step {step} of {steps}",
		"level", count(level), "step", count(doseStep+1), "steps", count(steps))
}

// Light puts a session's traffic light into words: a title and what it
// means, with the criteria that fired and whether it may still change.
// The result is told in words, never by colour alone.
func Light(l program.Light) (title, meaning string) {
	switch l.Color {
	case program.Green:
		title, meaning = "Green — your back handled it well", "Keep going at this dose."
	case program.Amber:
		title, meaning = "Amber — a little much", "Steady repeats this dose next time rather than moving on."
	case program.Red:
		title, meaning = "Red — too much for your back today", "Steady eases off: gentler exercises for now."
	default:
		return "", ""
	}
	if len(l.Fired) > 0 {
		meaning = fill("Because {why}. {meaning}", "why", criteria(l.Fired), "meaning", meaning)
	}
	switch {
	case !l.Final:
		meaning += " Provisional: tomorrow morning's check-in confirms it."
	case l.MorningUnknown:
		meaning += " Next morning unknown: judged on what was known, it neither breaks nor adds to a run of green sessions."
	}
	return title, meaning
}

// Next says in a sentence what changes next time.
func Next(d program.Decision) string {
	at := step(d.Standing.Level, d.Standing.DoseStep, 0)
	var s string
	switch d.Mode {
	case program.RedFlagStop:
		if selfClearable(d) {
			s = "No exercise until you tell Steady a clinician has assessed what you reported."
		} else {
			s = "No exercise until you answer the safety questions again without the warning sign."
		}
	case program.RescreenStop:
		s = "No exercise until you answer the safety questions again: you reported new numbness or weakness."
	case program.Flare:
		s = fill("Flare mode until {day}: calm-down exercises and short walks only; then {step}.",
			"day", lastDay(d.FlareUntil), "step", at)
	case program.CalmDownToday:
		s = fill("Calm-down exercises for the rest of today; {step} from tomorrow.", "step", at)
	case program.Advance:
		s = fill("Next time you move up: {step}.", "step", step(d.Level, d.DoseStep, d.Steps))
	case program.Repeat:
		s = fill("Next time: the same dose again, {step}.", "step", step(d.Level, d.DoseStep, d.Steps))
	case program.HoldSeeClinician:
		s = fill("Your step is held at {step}; Steady suggests seeing a clinician.", "step", step(d.Level, d.DoseStep, d.Steps))
	case program.HoldProgress:
		s = fill("Next time: {step}, held there while your morning pain stays up.", "step", step(d.Level, d.DoseStep, d.Steps))
	default:
		s = fill("Next time: {step}.", "step", step(d.Level, d.DoseStep, d.Steps))
	}
	if d.SeeClinician && d.Mode != program.HoldSeeClinician {
		s += " Steady suggests seeing a clinician."
	}
	if d.SuggestReview {
		s += " A review with a clinician may help."
	}
	return s
}

func selfClearable(d program.Decision) bool {
	for _, r := range d.Explanation {
		if r.Rule == program.RuleRedFlag {
			return r.Values["selfClearable"] == 1
		}
	}
	return false
}

// Reason puts one reason into words, naming its source. A Reason with Text
// (from a journal written before reasons were data) comes back as it is.
func Reason(r program.Reason) string {
	if r.Text != "" {
		return r.Text
	}
	return cited(r, shortCitation(r.Source))
}

func cited(r program.Reason, source string) string {
	s := sentence(r)
	if source == "" {
		return s + "."
	}
	return fill("{sentence} ({source}).", "sentence", s, "source", source)
}

// Why is the explanation of a decision in order, one sentence per reason,
// each naming its source: in full the first time a source is cited, short
// after that.
func Why(d program.Decision) []string {
	out := make([]string, 0, len(d.Explanation))
	seen := map[program.Source]bool{}
	for _, r := range d.Explanation {
		if r.Text != "" {
			out = append(out, r.Text)
			continue
		}
		src := shortCitation(r.Source)
		if !seen[r.Source] {
			src = Citation(r.Source)
			seen[r.Source] = true
		}
		out = append(out, cited(r, src))
	}
	return out
}

// About is for the About screen: where the progression rules come from, and
// what Steady is not.
func About() string {
	return "Steady's traffic-light rules — green to move on, amber to repeat, red to step back — are adapted from a pain-monitoring model that Silbernagel and colleagues (2007) tested for Achilles tendon problems. They were not tested for backs; Steady applies the same idea to back exercise. " +
		"Its safety rules (leg symptoms, persistent pain, creeping pain, flares, re-screening) are conservative practice, not trial results. " +
		"Behind the exercises is the idea Steady follows: an irritated back braces itself, so during a flare Steady stabilises rather than stretches. " +
		"Steady is not a substitute for a clinician. It cannot examine you or diagnose anything. If your pain is severe, getting worse, or comes with the warning signs Steady asks about, please see a doctor or physiotherapist."
}
