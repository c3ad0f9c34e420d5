package program

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Mode is what kind of day Decide suggests.
type Mode string

const (
	// Normal: train at the current step.
	Normal Mode = "normal"
	// Advance: the progression rule moved the user up a dose step or level.
	Advance Mode = "advance"
	// Repeat: the last session was amber; repeat the same dose.
	Repeat Mode = "repeat"
	// CalmDownToday: a red session today; the calm-down level (0) for the
	// rest of the day, one dose step lower from tomorrow.
	CalmDownToday Mode = "calm-down-today"
	// Flare: flare mode, the calm-down level (0) only, no stretching.
	Flare Mode = "flare"
	// HoldSeeClinician: pain or tightness rose two weeks running; the level
	// is held and Steady suggests seeing a clinician.
	HoldSeeClinician Mode = "hold-see-clinician"
	// Review: no meaningful improvement after ReviewAfter; training goes on,
	// and Steady suggests a review with a clinician.
	Review Mode = "review"
	// RedFlagStop: a red flag is raised and not cleared. No exercise.
	RedFlagStop Mode = "red-flag-stop"
)

// A Rule names one progression rule, so callers and tests can tell which
// rule an explanation comes from.
type Rule string

const (
	RuleStart        Rule = "start"
	RuleBaseline     Rule = "baseline"
	RuleProgress     Rule = "progress"      // what is still needed to move up
	RuleAdvance      Rule = "advance"       // 3 green, a week, easy: moved up
	RuleTop          Rule = "top"           // at the top of the routine
	RuleRepeat       Rule = "repeat"        // amber: same dose again
	RuleStepDown     Rule = "step-down"     // red: one dose step down, calm-down today
	RuleFlareTwoRed  Rule = "flare-two-red" // 2 red within 7 days
	RuleFlareMorning Rule = "flare-morning" // a morning rating far above baseline, or 7+
	RuleFlareMode    Rule = "flare-mode"    // what flare mode means today
	RuleHold         Rule = "hold"          // rising two weeks running
	RuleReview       Rule = "review"        // no meaningful improvement
	RuleRedFlag      Rule = "red-flag"      // exercise stopped
	RuleMobility     Rule = "mobility"      // whether stretching is offered
)

// A Decision is what Decide suggests now.
type Decision struct {
	// Level and DoseStep are the session to offer now: the calm-down level
	// (0, step 0) in flare mode and on a calm-down day, else the standing.
	Level    int
	DoseStep int
	Mode     Mode
	// ExerciseAllowed is false while a red flag is raised and not cleared.
	ExerciseAllowed bool
	// MobilityAllowed: stretching and mobility work may be offered. Only
	// when today's latest morning rating gives inactivity as the cause of
	// tightness, and it is not a flare, a calm-down day or a red flag.
	MobilityAllowed bool
	// LastLight is the light of the most recent session at or before now;
	// its Color is empty when there is none.
	LastLight     Light
	Baseline      float64
	BaselineReady bool
	FlareUntil    time.Time // zero unless in flare mode
	// SeeClinician: weekly mean pain or tightness rose two weeks running.
	SeeClinician bool
	// SuggestReview: no 2-point or 30 % improvement after ReviewAfter.
	SuggestReview bool
	// Rescreen: a session since the last screening reported new numbness
	// or weakness; ask the red-flag questions again.
	Rescreen bool
	// Standing is the new standing: store it and pass it back next time.
	Standing Standing
	// Explanation answers "Why this level?", most important first.
	Explanation []Reason
}

// Start returns the standing of a user starting at level on day at.
func Start(level int, at time.Time) Standing {
	return Standing{Level: level, Since: at, Reason: Reason{
		Rule: RuleStart,
		Text: fmt.Sprintf("You started at level %d on %s.", level, day(at)),
	}}
}

// Decide applies the progression rules to the history, as of now. It acts on
// the ratings and sessions after in.Standing.Since, in time order, then
// judges progression as of now. It is deterministic, and Decide on the
// returned standing with the same history returns that standing again.
//
// Order of precedence: a red flag stops exercise; a flare beats a red
// session (two reds make a flare, not two step-downs); a calm-down day beats
// the rest; rising pain holds progression; amber repeats the dose. Rising
// pain and the review are judged outside flare mode and calm-down days only.
//
// Ties, all decided one way:
//   - a morning rating and a session at the same instant: the rating first;
//   - an event at the very instant of Since counts as acted on;
//   - exactly a week on a step is a week; two reds exactly 7 days apart are
//     within 7 days; a morning exactly baseline + 2 starts a flare;
//   - flare mode and a calm-down day end at local midnight: at that instant
//     they are over;
//   - a weekly mean equal to the week before is not rising;
//   - exactly ReviewAfter counts; exactly 2 points or 30 % is an improvement.
func Decide(in History, now time.Time) Decision {
	steps := func(level int) int {
		if in.StepsInLevel == nil {
			return 1
		}
		return max(in.StepsInLevel(level), 1)
	}
	sessions := slices.Clone(in.Sessions)
	slices.SortStableFunc(sessions, func(a, b SessionOutcome) int { return a.Time.Compare(b.Time) })
	mornings := sortedMornings(in.Mornings)

	lights := make([]Light, len(sessions))
	for i, s := range sessions {
		lights[i] = Classify(s, baselineAt(mornings, s.Time))
	}

	st := actOn(in.Standing, mornings, sessions, lights, now, steps)

	d := Decision{Standing: st, ExerciseAllowed: true}
	d.Baseline, d.BaselineReady = baselineOf(mornings, ratedBy(mornings, now))
	for i := len(sessions) - 1; i >= 0; i-- {
		if !sessions[i].Time.After(now) {
			d.LastLight = lights[i]
			break
		}
	}
	for _, s := range sessions {
		if s.NewNumbnessOrWeakness && s.Time.After(in.Flag.Screened) && !s.Time.After(now) {
			d.Rescreen = true
		}
	}

	var why []Reason
	if st.Reason.Text != "" {
		why = append(why, st.Reason)
	}
	switch {
	case in.Flag.Active():
		d.Mode, d.ExerciseAllowed = RedFlagStop, false
		d.Level, d.DoseStep = st.Level, st.DoseStep
		d.Explanation = []Reason{{Rule: RuleRedFlag, Text: fmt.Sprintf(
			"On %s you answered yes to a question that needs a clinician to look at your back first. Steady suggests no exercise until you tell it a clinician has cleared you (%s).",
			day(in.Flag.Raised), sourceRedFlags)}}
		return d
	case now.Before(st.FlareUntil):
		d.Mode, d.FlareUntil = Flare, st.FlareUntil
		why = append(why, Reason{Rule: RuleFlareMode, Text: fmt.Sprintf(
			"Flare mode through %s: breathing with a gentle brace, positions of comfort and short walks. No stretching: %s. Then you restart at %s.",
			day(st.FlareUntil.Add(-time.Nanosecond)), sourceStabilise, stepName(st.Level, st.DoseStep, steps))})
	case now.Before(st.CalmUntil):
		d.Mode = CalmDownToday
		why = append(why, Reason{Rule: RuleStepDown, Text: fmt.Sprintf(
			"For the rest of today, the calm-down level only. Tomorrow you go on at %s.",
			stepName(st.Level, st.DoseStep, steps))})
	default:
		d.Level, d.DoseStep = st.Level, st.DoseStep
		d.Mode = Normal
		hold, holdWhy := risingTwoWeeks(mornings, now)
		p := progressOf(sessions, lights, st, now)
		switch {
		case hold:
			d.Mode, d.SeeClinician = HoldSeeClinician, true
			why = append(why, Reason{Rule: RuleHold, Text: holdWhy +
				" Steady holds you at this step and suggests you see a clinician about it."})
		case p.ready() && st.Level == TopLevel && st.DoseStep >= steps(st.Level)-1:
			why = append(why, Reason{Rule: RuleTop, Text: "You have reached the last step of the top level. Keep it up: this is the routine to keep."})
		case p.ready():
			lv, ds := st.Level, st.DoseStep+1
			if ds >= steps(lv) {
				lv, ds = lv+1, 0
			}
			st = Standing{Level: lv, DoseStep: ds, Since: now, FlareStarted: st.FlareStarted, Reason: Reason{
				Rule: RuleAdvance,
				Text: fmt.Sprintf("On %s you moved up to %s: your last %d sessions were green, you had spent at least a week on the step before and it felt easy (traffic-light rules, %s).",
					day(now), stepName(lv, ds, steps), GreensToProgress, sourceTrafficLight),
			}}
			d.Standing, d.Mode = st, Advance
			d.Level, d.DoseStep = lv, ds
			why = []Reason{st.Reason}
		case p.lastAmber:
			d.Mode = Repeat
			why = append(why, Reason{Rule: RuleRepeat, Text: fmt.Sprintf(
				"Your last session was amber (%s): repeat the same dose until sessions are green again (traffic-light rules, %s).",
				firedText(p.last.Fired), sourceTrafficLight)})
		default:
			why = append(why, Reason{Rule: RuleProgress, Text: p.status()})
		}
		if r, ok := review(mornings, now); ok {
			d.SuggestReview = true
			if d.Mode == Normal {
				d.Mode = Review
			}
			why = append(why, r)
		}
	}
	if d.Mode == Flare || d.Mode == CalmDownToday {
		d.Level, d.DoseStep = 0, 0
	}
	why = append(why, baselineReason(d.Baseline, d.BaselineReady, mornings, now))
	ok, mr := mobility(mornings, now, d.Mode)
	d.MobilityAllowed = ok
	d.Explanation = citeOnce(append(why, mr))
	return d
}

// actOn applies the event rules to the ratings and sessions after st.Since
// and up to now, in time order (a morning before a session at the same
// instant): a morning far above the baseline, or two reds within RedWindow,
// start a flare; any other red session takes a dose step off. Both lists are
// sorted by time; lights are the sessions' lights.
func actOn(st Standing, mornings []MorningRating, sessions []SessionOutcome, lights []Light, now time.Time, steps func(int) int) Standing {
	mi, si := 0, 0
	for mi < len(mornings) || si < len(sessions) {
		if mi < len(mornings) && (si == len(sessions) || !mornings[mi].Time.After(sessions[si].Time)) {
			m := mornings[mi]
			mi++
			if !m.Time.After(st.Since) || m.Time.After(now) {
				continue
			}
			if r, ok := morningFlare(mornings, m); ok {
				st = startFlare(st, m.Time, r)
			}
			continue
		}
		i := si
		s := sessions[i]
		si++
		if !s.Time.After(st.Since) || s.Time.After(now) || lights[i].Color != Red {
			continue
		}
		if j := earlierRed(sessions, lights, i, st.FlareStarted); j >= 0 {
			st = startFlare(st, s.Time, Reason{Rule: RuleFlareTwoRed, Text: fmt.Sprintf(
				"Two red sessions within 7 days (%s and %s) started flare mode.",
				day(sessions[j].Time), day(s.Time))})
			continue
		}
		st = stepDown(st, s, lights[i], steps)
	}
	return st
}

// citeOnce keeps the full description of the traffic-light source in the
// first reason that has it and shortens it in the rest.
func citeOnce(rs []Reason) []Reason {
	seen := false
	for i, r := range rs {
		if !strings.Contains(r.Text, sourceTrafficLight) {
			continue
		}
		if seen {
			rs[i].Text = strings.ReplaceAll(r.Text, sourceTrafficLight, sourceTrafficLightShort)
		}
		seen = true
	}
	return rs
}

// baselineAt is the baseline as of t from the sorted ratings, or NoBaseline
// while it is forming.
func baselineAt(sorted []MorningRating, t time.Time) float64 {
	b, ok := baselineOf(sorted, ratedBy(sorted, t))
	if !ok {
		return NoBaseline
	}
	return b
}

// morningFlare reports whether morning m starts a flare: back pain at least
// FlareMorningPain, or at least FlareMorningRise above the baseline of the
// ratings before it. mornings are sorted by time.
func morningFlare(mornings []MorningRating, m MorningRating) (Reason, bool) {
	if m.BackPain >= FlareMorningPain {
		return Reason{Rule: RuleFlareMorning, Text: fmt.Sprintf(
			"Your morning back pain on %s was %d out of 10, which is %d or more, and started flare mode.",
			day(m.Time), m.BackPain, FlareMorningPain)}, true
	}
	b, ok := baselineOf(mornings, ratedBefore(mornings, m.Time))
	if ok && float64(m.BackPain) >= b+FlareMorningRise {
		return Reason{Rule: RuleFlareMorning, Text: fmt.Sprintf(
			"Your morning back pain on %s was %d out of 10, %d or more points above your baseline of %s, and started flare mode.",
			day(m.Time), m.BackPain, FlareMorningRise, num(b))}, true
	}
	return Reason{}, false
}

// earlierRed returns the index of a red session before session i and within
// RedWindow of it, after the last flare started; -1 if none.
func earlierRed(sessions []SessionOutcome, lights []Light, i int, lastFlare time.Time) int {
	for j := i - 1; j >= 0; j-- {
		if sessions[i].Time.Sub(sessions[j].Time) > RedWindow || !sessions[j].Time.After(lastFlare) {
			return -1
		}
		if lights[j].Color == Red {
			return j
		}
	}
	return -1
}

// startFlare puts the user in flare mode from the day of at through
// FlareDays calendar days, restarting one level lower (not below 0) at its
// first dose step.
func startFlare(st Standing, at time.Time, r Reason) Standing {
	until := midnight(at).AddDate(0, 0, FlareDays)
	level := max(st.Level-1, 0)
	r.Text += fmt.Sprintf(" Flare mode lasts %d days, counting that day; then you restart one level lower, at level %d, from its first dose step (traffic-light rules, %s).",
		FlareDays, level, sourceTrafficLight)
	return Standing{Level: level, Since: until, Reason: r, FlareUntil: until, FlareStarted: at}
}

// stepDown takes one dose step off after red session s and sets a calm-down
// day. The first dose step of a level stays where it is: Steady drops a
// level only after a flare, as the rules say.
func stepDown(st Standing, s SessionOutcome, l Light, steps func(int) int) Standing {
	ds := max(st.DoseStep-1, 0)
	var what string
	if ds == st.DoseStep {
		what = fmt.Sprintf("you stay at %s, already the first dose step of the level", stepName(st.Level, ds, steps))
	} else {
		what = fmt.Sprintf("you went one dose step down, to %s", stepName(st.Level, ds, steps))
	}
	return Standing{
		Level: st.Level, DoseStep: ds, Since: s.Time, CalmUntil: midnight(s.Time).AddDate(0, 0, 1),
		FlareStarted: st.FlareStarted,
		Reason: Reason{Rule: RuleStepDown, Text: fmt.Sprintf(
			"Your session on %s was red (%s), so %s, with the calm-down level for the rest of that day (traffic-light rules, %s).",
			day(s.Time), firedText(l.Fired), what, sourceTrafficLight)},
	}
}

// progress is how far the user is toward the next step.
type progress struct {
	greens    int // final green sessions in a row at the end, on this step
	onStep    time.Duration
	last      Light
	lastFelt  Felt
	any       bool
	lastAmber bool
}

func (p progress) ready() bool {
	return p.greens >= GreensToProgress && p.onStep >= StepDuration && p.lastFelt == FeltEasy
}

// progressOf counts the sessions on the standing's step after it took effect.
func progressOf(sessions []SessionOutcome, lights []Light, st Standing, now time.Time) progress {
	p := progress{onStep: now.Sub(st.Since)}
	counting := true
	for i := len(sessions) - 1; i >= 0; i-- {
		s := sessions[i]
		if s.Time.After(now) || s.Level != st.Level || s.DoseStep != st.DoseStep {
			continue
		}
		if !s.Time.After(st.Since) {
			break
		}
		if !p.any {
			p.any, p.last, p.lastFelt = true, lights[i], s.Felt
			p.lastAmber = lights[i].Color == Amber
		}
		if counting && lights[i].Color == Green && lights[i].Final {
			p.greens++
		} else {
			counting = false
		}
	}
	return p
}

func (p progress) status() string {
	days := int(p.onStep / (24 * time.Hour))
	var need []string
	switch {
	case !p.any:
		need = append(need, "no session on this step yet")
	case p.greens < GreensToProgress:
		need = append(need, fmt.Sprintf("%d of %d green sessions in a row so far (a session counts once its next-morning rating is in)", min(p.greens, GreensToProgress), GreensToProgress))
	}
	if p.onStep < StepDuration {
		need = append(need, fmt.Sprintf("%d of 7 days on this step", days))
	}
	if p.any && p.lastFelt != FeltEasy {
		need = append(need, "a session that feels easy")
	}
	return fmt.Sprintf("You move up after %d green sessions in a row, at least a week on a step and a session that felt easy (traffic-light rules, %s). Still needed: %s.",
		GreensToProgress, sourceTrafficLight, strings.Join(need, "; "))
}

// risingTwoWeeks compares the mean morning back pain and tightness of the
// three 7-day windows ending at now. Rising means strictly higher than the
// week before, in both of the last two weeks; equal is not rising. A week
// with fewer than WeekMinimum ratings stops the rule.
func risingTwoWeeks(mornings []MorningRating, now time.Time) (bool, string) {
	measures := []struct {
		name string
		of   func(MorningRating) int
	}{
		{"back pain", func(m MorningRating) int { return m.BackPain }},
		{"tightness", func(m MorningRating) int { return m.Tightness }},
	}
	for _, ms := range measures {
		var means [3]float64
		enough := true
		for w := range 3 {
			from := now.Add(-time.Duration(3-w) * StepDuration)
			to := from.Add(StepDuration)
			sum, n := 0, 0
			for _, m := range mornings {
				if !m.Time.Before(from) && m.Time.Before(to) {
					sum += ms.of(m)
					n++
				}
			}
			if n < WeekMinimum {
				enough = false
				break
			}
			means[w] = float64(sum) / float64(n)
		}
		if enough && means[1] > means[0] && means[2] > means[1] {
			return true, fmt.Sprintf("Your weekly average morning %s rose two weeks running (%s, then %s, then %s).",
				ms.name, num(means[0]), num(means[1]), num(means[2]))
		}
	}
	return false, ""
}

// review suggests a review when, ReviewAfter or longer after the first
// rating, the baseline has improved by less than ImprovementPoints and less
// than ImprovementShare of the starting baseline (the median of the first
// BaselineWindow ratings).
func review(mornings []MorningRating, now time.Time) (Reason, bool) {
	if len(mornings) == 0 || now.Sub(mornings[0].Time) < ReviewAfter {
		return Reason{}, false
	}
	start, ok := baselineOf(mornings, min(len(mornings), BaselineWindow))
	if !ok {
		return Reason{}, false
	}
	cur, ok := baselineOf(mornings, ratedBy(mornings, now))
	if !ok {
		return Reason{}, false
	}
	drop := start - cur
	if drop >= ImprovementPoints || drop >= ImprovementShare*start {
		return Reason{}, false
	}
	return Reason{Rule: RuleReview, Text: fmt.Sprintf(
		"After %d weeks your baseline has gone from %s to %s, less than 2 points or 30 %% better (%s). A review with a clinician may find a better plan; you can keep training meanwhile.",
		int(ReviewAfter/StepDuration), num(start), num(cur), sourceMCID)}, true
}

func baselineReason(b float64, ready bool, mornings []MorningRating, now time.Time) Reason {
	if !ready {
		n := 0
		for _, m := range mornings {
			if !m.Time.After(now) {
				n++
			}
		}
		return Reason{Rule: RuleBaseline, Text: fmt.Sprintf(
			"Your baseline is still forming: %d of %d morning ratings so far. Until then sessions are judged by the fixed limits only.",
			n, BaselineMinimum)}
	}
	return Reason{Rule: RuleBaseline, Text: fmt.Sprintf(
		"Your baseline is %s out of 10: the middle value of your last %d morning back-pain ratings.", num(b), BaselineWindow)}
}

// mobility reports whether stretching may be offered: today's latest
// morning rating (same calendar day as now) gives inactivity as the cause of
// tightness, and there is no flare (CLINICAL.md §1, §3). Without a rating
// today Steady does not know why the back is tight, so it offers none. On a
// calm-down day after a red session it offers none either: Steady's choice,
// as the calm-down level is the same flare-safe set flare mode offers.
func mobility(mornings []MorningRating, now time.Time, mode Mode) (bool, Reason) {
	r := Reason{Rule: RuleMobility}
	var today *MorningRating
	for i := range mornings {
		m := &mornings[i]
		if !m.Time.After(now) && !m.Time.Before(midnight(now)) {
			today = m
		}
	}
	switch {
	case mode == Flare:
		r.Text = "No stretching in flare mode: the back muscles are guarding, and stretching works against that."
	case mode == CalmDownToday:
		r.Text = "No stretching for the rest of today: after a red session Steady keeps to the calm-down level."
	case today == nil:
		r.Text = "No stretching offered: rate this morning first, including why your back feels tight."
	case today.Cause == CauseInactivity:
		r.Text = "Gentle stretching is offered today: you said the tightness comes from sitting still, and you are not in a flare."
		return true, r
	default:
		r.Text = "No stretching today: you did not say the tightness comes from sitting still, so Steady sticks to stabilising."
	}
	return false, r
}

func firedText(cs []Criterion) string {
	ts := make([]string, len(cs))
	for i, c := range cs {
		ts[i] = c.Text()
	}
	return strings.Join(ts, "; ")
}

func stepName(level, step int, steps func(int) int) string {
	return fmt.Sprintf("level %d, dose step %d of %d", level, step+1, steps(level))
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

func day(t time.Time) string { return t.Format("Mon 2 Jan") }

// num formats a rating or mean: no decimals when whole, else one.
func num(x float64) string {
	s := fmt.Sprintf("%.1f", x)
	return strings.TrimSuffix(s, ".0")
}
