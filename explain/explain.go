// Package explain puts the progression rules' decisions into words: why this
// level, what the traffic light of a session means, what changes next time,
// and where each rule comes from. It is the one wording layer: package program
// returns rules, moments and numbers as data, and nothing stores a sentence.
//
// Every sentence is a message of the translation catalogs (package locale,
// catalogs/explain.<lang>.json), its English text the message ID, its inputs
// named placeholders ({{.Level}}, {{.Day}}, ...). The functions speak the
// process's language (locale.Current); WhyIn speaks a given one. Wording
// follows CLINICAL.md §7.9: the protective-brace idea is the idea Steady
// follows, not established fact; where a rule is an adaptation or Steady's
// own conservative choice, the sentence says so; every "why" names its
// rule's source. Translations keep the same caution and the same source
// names.
package explain

import (
	"strconv"
	"strings"
	"time"

	"steady/locale"
	"steady/program"
)

// words is the wording in one locale.
type words struct{ locale.Locale }

// current is the wording in the process's language.
func current() words { return words{locale.Current()} }

// args are a message's named inputs.
type args = locale.Args

// Day formats a date as Steady shows it: "Mon 2 Jan" (locale.Locale.Day).
func Day(t time.Time) string { return current().Day(t) }

// Number formats a rating or a mean: no decimals when whole, else one.
func Number(x float64) string { return current().num(x) }

func (w words) num(x float64) string { return w.Number(x, 1) }

func count(n int) string { return strconv.Itoa(n) }

// lastDay is the last calendar day before an end at midnight.
func (w words) lastDay(until time.Time) string { return w.Day(until.Add(-time.Nanosecond)) }

// Citation is the full text of a source, as cited the first time.
func Citation(s program.Source) string { return current().citation(s) }

func (w words) citation(s program.Source) string {
	switch s {
	case program.SourceTrafficLight:
		return w.L("after Silbernagel et al. 2007, a pain-monitoring model from Achilles tendon rehabilitation that Steady adapts to back exercise; it was not tested for backs")
	case program.SourceMCID:
		return w.L("about 2 points or 30 % is the smallest change people notice: Farrar et al. 2001; Ostelo et al. 2008")
	case program.SourceStabilise:
		return w.L("the idea Steady follows: a back that guards itself is stabilised rather than stretched; in a large comparison of exercise types, stretching did no better than no treatment (Owen et al. 2020)")
	case program.SourceRedFlags:
		return w.L("NICE guideline NG59 and NICE CKS on low back pain; these questions refer, they do not diagnose")
	case program.SourceWalking:
		return w.L("progressive walking, built up to 30 minutes on 5 days a week, delayed the next flare in the WalkBack trial (Pocovi et al., Lancet 2024); the steps on the way are Steady's choice")
	case program.SourceSafety:
		return w.L("Steady's safety rule, conservative practice, not a trial result")
	case program.SourceLegSymptoms:
		return w.L("symptoms spreading down the leg mean less load; leg symptoms that keep getting worse need a clinician (NICE NG59); Steady's thresholds are conservative practice, not a trial result")
	case program.SourceFunction:
		return w.L("the Patient-Specific Functional Scale, Stratford et al. 1995; a 2-point change is the usual convention")
	case program.SourceSteady:
		return w.L("Steady's own choice where the sources leave the case open")
	}
	return ""
}

// shortCitation is a source as cited after the first time.
func (w words) shortCitation(s program.Source) string {
	switch s {
	case program.SourceTrafficLight:
		return w.L("after Silbernagel et al. 2007, adapted")
	case program.SourceMCID:
		return "Farrar et al. 2001; Ostelo et al. 2008" // names, the same in every language
	case program.SourceStabilise:
		return "Owen et al. 2020"
	case program.SourceRedFlags:
		return "NICE NG59, NICE CKS"
	case program.SourceWalking:
		return "Pocovi et al. 2024"
	case program.SourceSafety:
		return w.L("Steady's safety rule")
	case program.SourceLegSymptoms:
		return w.L("NICE NG59; Steady's safety rule")
	case program.SourceFunction:
		return "Stratford et al. 1995"
	case program.SourceSteady:
		return w.L("Steady's choice")
	}
	return ""
}

// Criterion describes one traffic-light criterion that fired.
func Criterion(c program.Criterion) string { return current().criterion(c) }

func (w words) criterion(c program.Criterion) string {
	switch c {
	case program.PainModerate:
		return w.L("pain reached 4 or 5 out of 10")
	case program.PainHigh:
		return w.L("pain went above 5 out of 10")
	case program.MorningUpTwo:
		return w.L("the next morning was 2 points above your baseline")
	case program.MorningUpThree:
		return w.L("the next morning was 3 or more points above your baseline")
	case program.NotSettled:
		return w.L("the pain was not back to your baseline within a day")
	case program.LegSettled:
		return w.L("leg symptoms spread further down but settled within 30 minutes")
	case program.LegStayed:
		return w.L("leg symptoms spread further down and stayed")
	case program.NumbWeak:
		return w.L("you noticed new numbness or weakness")
	}
	return string(c)
}

func (w words) criteria(cs []program.Criterion) string {
	ws := make([]string, len(cs))
	for i, c := range cs {
		ws[i] = w.criterion(c)
	}
	return strings.Join(ws, "; ")
}

// reach names how far down the leg symptoms reach.
func (w words) reach(x float64) string {
	switch program.LegReach(x) {
	case program.ReachNone:
		return w.L("nowhere")
	case program.ReachButtock:
		return w.L("the buttock")
	case program.ReachThigh:
		return w.L("the thigh")
	case program.ReachBelowKnee:
		return w.L("below the knee")
	case program.ReachFoot:
		return w.L("the foot")
	}
	return w.L("further down")
}

// step names a level's dose step.
func (w words) step(level, doseStep, steps int) string {
	if steps < 1 {
		return w.L("level {{.Level}}", args{"Level": count(level)})
	}
	return w.L("level {{.Level}}, dose step {{.Step}} of {{.Steps}}",
		args{"Level": count(level), "Step": count(doseStep + 1), "Steps": count(steps)})
}

// Light puts a session's traffic light into words: a title and what it
// means, with the criteria that fired and whether it may still change.
// The result is told in words, never by colour alone.
func Light(l program.Light) (title, meaning string) {
	w := current()
	switch l.Color {
	case program.Green:
		title, meaning = w.L("Green — your back handled it well"), w.L("Keep going at this dose.")
	case program.Amber:
		title, meaning = w.L("Amber — a little much"), w.L("Steady repeats this dose next time rather than moving on.")
	case program.Red:
		title, meaning = w.L("Red — too much for your back today"), w.L("Steady eases off: gentler exercises for now.")
	default:
		return "", ""
	}
	if len(l.Fired) > 0 {
		meaning = w.L("Because {{.Why}}. {{.Meaning}}", args{"Why": w.criteria(l.Fired), "Meaning": meaning})
	}
	switch {
	case !l.Final:
		meaning += " " + w.L("Provisional: tomorrow morning's check-in confirms it.")
	case l.MorningUnknown:
		meaning += " " + w.L("Next morning unknown: judged on what was known, it neither breaks nor adds to a run of green sessions.")
	}
	return title, meaning
}

// Next says in a sentence what changes next time.
func Next(d program.Decision) string {
	w := current()
	at := w.step(d.Standing.Level, d.Standing.DoseStep, 0)
	var s string
	switch d.Mode {
	case program.RedFlagStop:
		if selfClearable(d) {
			s = w.L("No exercise until you tell Steady a clinician has assessed what you reported.")
		} else {
			s = w.L("No exercise until you answer the safety questions again without the warning sign.")
		}
	case program.RescreenStop:
		s = w.L("No exercise until you answer the safety questions again: you reported new numbness or weakness.")
	case program.Flare:
		s = w.L("Flare mode until {{.Day}}: calm-down exercises and short walks only; then {{.Step}}.",
			args{"Day": w.lastDay(d.FlareUntil), "Step": at})
	case program.CalmDownToday:
		s = w.L("Calm-down exercises for the rest of today; {{.Step}} from tomorrow.", args{"Step": at})
	case program.Advance:
		s = w.L("Next time you move up: {{.Step}}.", args{"Step": w.step(d.Level, d.DoseStep, d.Steps)})
	case program.Repeat:
		s = w.L("Next time: the same dose again, {{.Step}}.", args{"Step": w.step(d.Level, d.DoseStep, d.Steps)})
	case program.HoldSeeClinician:
		s = w.L("Your step is held at {{.Step}}; Steady suggests seeing a clinician.", args{"Step": w.step(d.Level, d.DoseStep, d.Steps)})
	case program.HoldProgress:
		s = w.L("Next time: {{.Step}}, held there while your morning pain stays up.", args{"Step": w.step(d.Level, d.DoseStep, d.Steps)})
	default:
		s = w.L("Next time: {{.Step}}.", args{"Step": w.step(d.Level, d.DoseStep, d.Steps)})
	}
	if d.SeeClinician && d.Mode != program.HoldSeeClinician {
		s += " " + w.L("Steady suggests seeing a clinician.")
	}
	if d.SuggestReview {
		s += " " + w.L("A review with a clinician may help.")
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
	w := current()
	return w.cited(r, w.shortCitation(r.Source))
}

func (w words) cited(r program.Reason, source string) string {
	s := w.sentence(r)
	if source == "" {
		return s + "."
	}
	return w.L("{{.Sentence}} ({{.Source}}).", args{"Sentence": s, "Source": source})
}

// Why is the explanation of a decision in order, one sentence per reason,
// each naming its source: in full the first time a source is cited, short
// after that. It speaks the process's language.
func Why(d program.Decision) []string { return WhyIn(locale.Current(), d) }

// WhyIn is Why in the language of l: in English for output that stays the
// same in every language (steady status -format json).
func WhyIn(l locale.Locale, d program.Decision) []string {
	w := words{l}
	out := make([]string, 0, len(d.Explanation))
	seen := map[program.Source]bool{}
	for _, r := range d.Explanation {
		if r.Text != "" {
			out = append(out, r.Text)
			continue
		}
		src := w.shortCitation(r.Source)
		if !seen[r.Source] {
			src = w.citation(r.Source)
			seen[r.Source] = true
		}
		out = append(out, w.cited(r, src))
	}
	return out
}

// About is for the About screen: where the progression rules come from, and
// what Steady is not.
func About() string {
	w := current()
	return w.L("Steady's traffic-light rules — green to move on, amber to repeat, red to step back — are adapted from a pain-monitoring model that Silbernagel and colleagues (2007) tested for Achilles tendon problems. They were not tested for backs; Steady applies the same idea to back exercise.") + " " +
		w.L("Its safety rules (leg symptoms, persistent pain, creeping pain, flares, re-screening) are conservative practice, not trial results.") + " " +
		w.L("Behind the exercises is the idea Steady follows: an irritated back braces itself, so during a flare Steady stabilises rather than stretches.") + " " +
		w.L("Steady is not a substitute for a clinician. It cannot examine you or diagnose anything. If your pain is severe, getting worse, or comes with the warning signs Steady asks about, please see a doctor or physiotherapist.")
}
