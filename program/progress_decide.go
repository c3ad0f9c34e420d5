package program

import (
	"math"
	"slices"
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
	// CalmDownToday: the calm-down level (0) for the rest of the day: after
	// a red session (one dose step lower from tomorrow), or on a morning
	// the leg symptoms steer load (CLINICAL.md §7.1; no progression today).
	CalmDownToday Mode = "calm-down-today"
	// Flare: flare mode, the calm-down level (0) only, no stretching.
	Flare Mode = "flare"
	// HoldSeeClinician: the level is held and Steady suggests seeing a
	// clinician: pain or tightness rose two weeks running (§3), or a rule
	// that refers fired (§7.1, §7.2).
	HoldSeeClinician Mode = "hold-see-clinician"
	// HoldProgress: morning pain has crept 2 points or more above the anchored
	// baseline (§7.3): training goes on at this step, no move up.
	HoldProgress Mode = "hold"
	// Review: no meaningful improvement after ReviewAfter; training goes on,
	// and Steady suggests a review with a clinician.
	Review Mode = "review"
	// RedFlagStop: a red flag is raised and not lifted. No exercise.
	RedFlagStop Mode = "red-flag-stop"
	// RescreenStop: new numbness or weakness since the last screening. No
	// exercise until the safety questions are answered again (§7.6).
	RescreenStop Mode = "rescreen-stop"
)

// Modes are every Mode Decide returns, for the journal to validate stored
// results against: a mode added here is one the journal accepts.
func Modes() []Mode {
	return []Mode{Normal, Advance, Repeat, CalmDownToday, Flare, HoldSeeClinician, HoldProgress, Review, RedFlagStop, RescreenStop}
}

// Thresholds of the safety rules of CLINICAL.md §7. Each is conservative
// practice, not a trial result.
const (
	// SevereLimit, SevereCount, SevereOf: morning back or leg pain of
	// SevereLimit or more on SevereCount of the last SevereOf mornings
	// refers, in every mode (§7.2). Only ratings of the last SevereSpan
	// count, so a few old ratings do not refer for ever; Steady's choice,
	// wide enough that rating every other morning still counts.
	SevereLimit = 7
	SevereCount = 5
	SevereOf    = 7
	SevereSpan  = 14 * 24 * time.Hour
	// FlareLongest: flare mode lasting longer than this refers (§7.2).
	FlareLongest = 14 * 24 * time.Hour

	// LegWindow: a morning's leg symptoms are compared with those of this
	// many mornings before it (§7.1). With no earlier morning there is
	// nothing to compare with. LegRise: leg pain this far above its own
	// median of those mornings steers load.
	LegWindow = 7
	LegRise   = 2
	// LegPersistDays: leg symptoms further down than before on this many
	// calendar days running refer (§7.1).
	LegPersistDays = 7
	// LegSevereLimit, LegSevereCount: leg pain of LegSevereLimit or more on
	// LegSevereCount mornings within 7 days refers (§7.1).
	LegSevereLimit = 7
	LegSevereCount = 3

	// FlareGrace: a sign of flare this soon after flare mode ended belongs to
	// the same episode (it never settled): flare mode goes on, without a
	// second step down (§7.5). Steady's reading: the first morning after a
	// flare is the one that shows whether it settled.
	FlareGrace = 24 * time.Hour

	// FlareEndMornings: morning back pain at or below the baseline (as it
	// was when the flare started) on this many days since the flare started,
	// this morning among them, ends the flare early (§7.5).
	FlareEndMornings = 3

	// CreepPoints, CreepRatings: no move up while the mean of the last
	// CreepRatings morning back-pain ratings is at least CreepPoints above
	// the anchored baseline (§7.3); CreepReviewAfter of it suggests a
	// review.
	CreepPoints      = 2
	CreepRatings     = 7
	CreepReviewAfter = 14 * 24 * time.Hour

	// LowSteady: a baseline at or below this has no room for a 2-point
	// improvement; no review for lack of one (§7.10).
	LowSteady = 2
)

// A Decision is what Decide suggests now.
type Decision struct {
	// Level and DoseStep are the session to offer now: the calm-down level
	// (0, step 0) in flare mode and on a calm-down day, else the standing.
	Level    int
	DoseStep int
	// Steps is how many dose steps Level has.
	Steps int
	Mode  Mode
	// ExerciseAllowed is false while a red flag is raised and not lifted,
	// and while a re-screening is due (Rescreen).
	ExerciseAllowed bool
	// MobilityAllowed: stretching and mobility work may be offered. Only
	// when today's latest morning rating gives inactivity as the cause of
	// tightness, and it is not a flare, a calm-down day, a day the leg
	// symptoms steer load, a red flag or a re-screening.
	MobilityAllowed bool
	// LastLight is the light of the most recent session at or before now,
	// as Lights gives it; its Color is empty when there is none.
	LastLight     Light
	Baseline      float64
	BaselineReady bool
	FlareUntil    time.Time // zero unless in flare mode
	// SeeClinician: a rule that refers fired (rising two weeks running,
	// §3; persistent severe pain or a long flare, §7.2; leg symptoms that
	// persist or are severe, §7.1). The reasons come first in Explanation.
	SeeClinician bool
	// SuggestReview: no 2-point or 30 % improvement of pain and no
	// FunctionBand improvement of function after ReviewAfter, with room to
	// improve (§7.10, §8), or a creep hold lasting two weeks (§7.3).
	SuggestReview bool
	// Rescreen: new numbness or weakness was reported (History.NumbWeak or
	// a session) since the last screening: ask the red-flag questions
	// again. No exercise until then.
	Rescreen bool
	// Walk is this week's walking against its goal; zero while exercise
	// is stopped.
	Walk WalkGoal
	// Standing is the new standing: store it and pass it back next time.
	Standing Standing
	// Explanation answers "Why this level?", most important first: the
	// rules that refer, the standing's reason, today's rule, then the
	// review, walking, baseline and mobility.
	Explanation []Reason
}

// Start returns the standing of a user starting at level on day at.
func Start(level int, at time.Time) Standing {
	return Standing{Level: level, Since: at, Reason: Reason{
		Rule: RuleStart, Source: SourceSteady, At: at, Level: level,
	}}
}

// StartFlaring returns the standing of a user whose back is flaring at the
// first run (CLINICAL.md §7.7): flare mode from the day of at for FlareDays
// calendar days, at level 0.
func StartFlaring(at time.Time) Standing {
	until := midnight(at).AddDate(0, 0, FlareDays)
	return Standing{Level: 0, Since: at, FlareUntil: until, FlareStarted: at, Reason: Reason{
		Rule: RuleStartFlaring, Source: SourceSafety, At: at, Until: until,
	}}
}

// Decide applies the progression rules to the history, as of now. It acts on
// the ratings and sessions after in.Standing.Since, in time order, then
// judges progression as of now. It is deterministic, and Decide on the
// returned standing with the same history returns that standing again.
//
// Order of precedence: a red flag stops exercise, then a due re-screening;
// a flare beats a red session (two reds make a flare, not two step-downs); a
// calm-down day beats the rest, and a morning whose leg symptoms steer load
// is one; rising pain and the rules that refer hold progression, then pain
// creeping above the anchored baseline; amber repeats the dose. The rules
// that refer (§7.1, §7.2) are judged in every mode.
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
		lights[i] = judge(s, mornings, in.Standing, now)
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
	numbAt, rescreen := rescreenDue(in, now)
	d.Rescreen = rescreen

	why := referrals(mornings, st, now)
	d.SeeClinician = len(why) > 0
	leg, legDay := legToday(mornings, now)
	if st.Reason.Rule != "" {
		why = append(why, st.Reason)
	}
	stop := Reason{Rule: RuleNoMobilityStop, Source: SourceRedFlags}
	switch {
	case in.Flag.Active():
		d.Mode, d.ExerciseAllowed = RedFlagStop, false
		d.Level, d.DoseStep, d.Steps = st.Level, st.DoseStep, steps(st.Level)
		clear := 0.0
		if in.Flag.SelfClearable() {
			clear = 1
		}
		d.Explanation = append([]Reason{{Rule: RuleRedFlag, Source: SourceRedFlags, At: in.Flag.Raised,
			Values: map[string]float64{"tier": float64(in.Flag.Tier), "selfClearable": clear}}}, why...)
		d.Explanation = append(d.Explanation, stop)
		return d
	case rescreen:
		d.Mode, d.ExerciseAllowed = RescreenStop, false
		d.Level, d.DoseStep, d.Steps = st.Level, st.DoseStep, steps(st.Level)
		d.Explanation = append([]Reason{{Rule: RuleRescreen, Source: SourceRedFlags, At: numbAt}}, why...)
		d.Explanation = append(d.Explanation, stop)
		return d
	case now.Before(st.FlareUntil):
		d.Mode, d.FlareUntil = Flare, st.FlareUntil
		why = append(why, Reason{Rule: RuleFlareMode, Source: SourceStabilise, Until: st.FlareUntil,
			Level: st.Level, DoseStep: st.DoseStep, Steps: steps(st.Level)})
	case now.Before(st.CalmUntil):
		d.Mode = CalmDownToday
		why = append(why, Reason{Rule: RuleCalmDown, Source: SourceTrafficLight, Until: st.CalmUntil,
			Level: st.Level, DoseStep: st.DoseStep, Steps: steps(st.Level)})
	case legDay:
		d.Mode = CalmDownToday
		why = append(why, leg)
	default:
		d.Level, d.DoseStep = st.Level, st.DoseStep
		d.Mode = Normal
		rising, risingWhy := risingTwoWeeks(mornings, now)
		creep, creepWhy, creepReview := creepOf(mornings, st, now)
		p := progressOf(sessions, lights, st, now)
		switch {
		case rising:
			d.Mode, d.SeeClinician = HoldSeeClinician, true
			why = append(why, risingWhy)
		case d.SeeClinician:
			d.Mode = HoldSeeClinician
		case creep:
			d.Mode = HoldProgress
			why = append(why, creepWhy)
			if creepReview.Rule != "" {
				d.SuggestReview = true
				why = append(why, creepReview)
			}
		case p.ready() && st.Level == TopLevel && st.DoseStep >= steps(st.Level)-1:
			why = append(why, Reason{Rule: RuleTop, Source: SourceTrafficLight,
				Level: st.Level, DoseStep: st.DoseStep, Steps: steps(st.Level)})
		case p.ready():
			lv, ds := st.Level, st.DoseStep+1
			if ds >= steps(lv) {
				lv, ds = lv+1, 0
			}
			st = Standing{Level: lv, DoseStep: ds, Since: now, FlareUntil: st.FlareUntil, FlareStarted: st.FlareStarted,
				Reason: Reason{Rule: RuleAdvance, Source: SourceTrafficLight, At: now, Level: lv, DoseStep: ds, Steps: steps(lv),
					Values: map[string]float64{"greens": float64(p.greens), "days": float64(int(p.onStep / (24 * time.Hour)))}}}
			d.Standing, d.Mode = st, Advance
			d.Level, d.DoseStep = lv, ds
			why = []Reason{st.Reason} // no rule refers here; the old standing's reason is history
		case p.lastAmber:
			d.Mode = Repeat
			why = append(why, Reason{Rule: RuleRepeat, Source: SourceTrafficLight, At: p.lastAt,
				Level: st.Level, DoseStep: st.DoseStep, Steps: steps(st.Level), Criteria: slices.Clone(p.last.Fired)})
		default:
			why = append(why, p.reason(st, steps(st.Level)))
		}
		if r, ok := review(mornings, FunctionAt(in, now), now); ok {
			if r.Rule == RuleReview {
				d.SuggestReview = true
				if d.Mode == Normal {
					d.Mode = Review
				}
			}
			why = append(why, r)
		}
	}
	if d.Mode == Flare || d.Mode == CalmDownToday {
		d.Level, d.DoseStep = 0, 0
	}
	d.Steps = steps(d.Level)
	d.Walk = walkOf(in, d.Mode == Flare || st.Level == 0, d.Standing.Level, now)
	why = append(why, d.Walk.Reason, baselineReason(mornings, st, now))
	// A day the rules refer the user for their leg symptoms is a leg day
	// for stretching too, whatever today's rating says (§7.1).
	for _, r := range why {
		legDay = legDay || r.Source == SourceLegSymptoms
	}
	mr := mobility(mornings, now, d.Mode, legDay)
	d.MobilityAllowed = mr.Rule == RuleMobility
	d.Explanation = append(why, mr)
	return d
}

// actOn applies the event rules to the ratings and sessions after st.Since
// and up to now, in time order (a morning before a session at the same
// instant): a morning far above the baseline or at 7 or more, leg symptoms
// newly below the knee or in the foot, or two reds within RedWindow start a
// flare (or keep one going); mornings back at the baseline end one early;
// any other red session takes a dose step off. Both lists are sorted by
// time; lights are the sessions' lights.
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
				st = flare(st, m.Time, r)
			} else if r, ok := legFlare(mornings, m); ok {
				st = flare(st, m.Time, r)
			} else if r, ok := flareOver(st, mornings, m); ok {
				st.FlareUntil, st.Since, st.Reason = m.Time, m.Time, r
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
			st = flare(st, s.Time, Reason{Rule: RuleFlareTwoRed, Source: SourceTrafficLight, At: s.Time,
				Values: map[string]float64{"days": float64(int(s.Time.Sub(sessions[j].Time) / (24 * time.Hour)))}})
			continue
		}
		if s.Time.Before(st.FlareUntil) {
			continue // flare mode is the calm-down level already
		}
		st = stepDown(st, s, lights[i], steps)
	}
	return st
}

// morningFlare reports whether morning m starts a flare: back pain at least
// FlareMorningPain, or at least FlareMorningRise above the baseline of the
// ratings before it. mornings are sorted by time.
func morningFlare(mornings []MorningRating, m MorningRating) (Reason, bool) {
	r := Reason{Rule: RuleFlareMorning, Source: SourceTrafficLight, At: m.Time}
	if m.BackPain >= FlareMorningPain {
		r.Values = map[string]float64{"pain": float64(m.BackPain), "limit": FlareMorningPain}
		return r, true
	}
	b, ok := baselineOf(mornings, ratedBefore(mornings, m.Time))
	if ok && float64(m.BackPain) >= b+FlareMorningRise {
		r.Values = map[string]float64{"pain": float64(m.BackPain), "baseline": b, "rise": FlareMorningRise}
		return r, true
	}
	return Reason{}, false
}

// legFlare reports whether morning m's leg symptoms newly reach below the
// knee or the foot: further down than on any of the LegWindow mornings
// before it, and at least below the knee (CLINICAL.md §7.1).
func legFlare(mornings []MorningRating, m MorningRating) (Reason, bool) {
	before, ok := reachBefore(mornings, ratedBefore(mornings, m.Time))
	if !ok || m.LegReach <= before || m.LegReach < ReachBelowKnee {
		return Reason{}, false
	}
	return Reason{Rule: RuleFlareLeg, Source: SourceLegSymptoms, At: m.Time,
		Values: map[string]float64{"reach": float64(m.LegReach), "before": float64(before)}}, true
}

// reachBefore is the furthest leg reach of the LegWindow sorted ratings
// before index n; ok is false when there are none.
func reachBefore(sorted []MorningRating, n int) (LegReach, bool) {
	rs := sorted[max(n-LegWindow, 0):n]
	furthest := ReachNone
	for _, r := range rs {
		furthest = max(furthest, r.LegReach)
	}
	return furthest, len(rs) > 0
}

// flare starts flare mode at at, from the day of at through FlareDays
// calendar days, restarting one level lower (not below 0) at its first dose
// step. Inside a flare, or within FlareGrace of its end, it keeps flare mode
// going instead, without a second step down (CLINICAL.md §7.5). Since
// becomes at: later events in the flare still count; the days on the new
// step count from FlareUntil.
func flare(st Standing, at time.Time, r Reason) Standing {
	until := midnight(at).AddDate(0, 0, FlareDays)
	if !st.FlareUntil.IsZero() && at.Before(st.FlareUntil.Add(FlareGrace)) {
		if until.After(st.FlareUntil) {
			st.FlareUntil = until
		}
		st.Since = at
		st.Reason = Reason{Rule: RuleFlareExtended, Source: SourceSafety, At: at, Until: st.FlareUntil, Level: st.Level}
		return st
	}
	level := max(st.Level-1, 0)
	r.Until, r.Level = until, level
	r.Values["flareDays"] = FlareDays
	return Standing{Level: level, Since: at, Reason: r, FlareUntil: until, FlareStarted: at}
}

// flareOver reports whether morning m, inside a flare, ends it early: it is
// at or below the baseline as it was when the flare started, and so were
// the mornings since the flare started on FlareEndMornings calendar days in
// all (CLINICAL.md §7.5). Counting from the start of the episode, not from
// its last sign, is what lets a flare that keeps being extended end: a
// 3-day flare has only two mornings after any one sign.
func flareOver(st Standing, mornings []MorningRating, m MorningRating) (Reason, bool) {
	if !m.Time.Before(st.FlareUntil) || st.FlareStarted.IsZero() {
		return Reason{}, false
	}
	n := ratedBefore(mornings, st.FlareStarted)
	b, ok := baselineOf(mornings, n)
	if !ok {
		return Reason{}, false
	}
	// The legs must have settled too: a morning whose leg symptoms reach
	// further down than before the flare, or whose leg pain is up by
	// LegRise on its median then, does not count towards ending it, however
	// the back feels (§7.1 before §7.5: the safer reading).
	reach, _ := reachBefore(mornings, n)
	legs := make([]int, 0, LegWindow)
	for _, r := range mornings[max(n-LegWindow, 0):n] {
		legs = append(legs, r.LegPain)
	}
	legMedian := median(legs)
	settled := func(r MorningRating) bool {
		return float64(r.BackPain) <= b && r.LegReach <= reach && float64(r.LegPain) < legMedian+LegRise
	}
	days := map[time.Time]bool{}
	for _, r := range mornings[ratedBy(mornings, st.FlareStarted):ratedBy(mornings, m.Time)] {
		if settled(r) {
			days[midnight(r.Time.In(m.Time.Location()))] = true
		}
	}
	if !settled(m) || len(days) < FlareEndMornings {
		return Reason{}, false
	}
	return Reason{Rule: RuleFlareEndedEarly, Source: SourceSafety, At: m.Time, Level: st.Level, DoseStep: st.DoseStep,
		Values: map[string]float64{"mornings": float64(len(days)), "baseline": b}}, true
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

// stepDown takes one dose step off after red session s and sets a calm-down
// day. The first dose step of a level stays where it is: Steady drops a
// level only after a flare, as the rules say.
func stepDown(st Standing, s SessionOutcome, l Light, steps func(int) int) Standing {
	ds := max(st.DoseStep-1, 0)
	calm := midnight(s.Time).AddDate(0, 0, 1)
	return Standing{
		Level: st.Level, DoseStep: ds, Since: s.Time, CalmUntil: calm,
		FlareUntil: st.FlareUntil, FlareStarted: st.FlareStarted,
		Reason: Reason{Rule: RuleStepDown, Source: SourceTrafficLight, At: s.Time, Until: calm,
			Level: st.Level, DoseStep: ds, Steps: steps(st.Level), Criteria: slices.Clone(l.Fired),
			Values: map[string]float64{"from": float64(st.DoseStep)}},
	}
}

// stepStart is when the days on the standing's step start counting: Since,
// or the end of the flare that set it, whichever is later.
func stepStart(st Standing) time.Time {
	if st.FlareUntil.After(st.Since) {
		return st.FlareUntil
	}
	return st.Since
}

// progress is how far the user is toward the next step.
type progress struct {
	greens    int // final green sessions in a row at the end, on this step
	unknown   int // greens with the next morning unknown, skipped in that run
	sessions  int // sessions on this step
	onStep    time.Duration
	last      Light
	lastAt    time.Time
	lastFelt  Felt
	lastAmber bool
}

func (p progress) ready() bool {
	return p.greens >= GreensToProgress && p.onStep >= StepDuration && p.lastFelt == FeltEasy
}

// progressOf counts the sessions on the standing's step after it took
// effect. A green whose next morning is unknown neither breaks nor adds to
// the run of greens (CLINICAL.md §7.4); a provisional light ends it.
func progressOf(sessions []SessionOutcome, lights []Light, st Standing, now time.Time) progress {
	start := stepStart(st)
	p := progress{onStep: now.Sub(start)}
	counting := true
	for i := len(sessions) - 1; i >= 0; i-- {
		s, l := sessions[i], lights[i]
		if s.Time.After(now) || s.Level != st.Level || s.DoseStep != st.DoseStep {
			continue
		}
		if !s.Time.After(start) {
			break
		}
		if p.sessions == 0 {
			p.last, p.lastAt, p.lastFelt = l, s.Time, s.Felt
			p.lastAmber = l.Color == Amber
		}
		p.sessions++
		switch {
		case !counting:
		case l.Color == Green && l.MorningUnknown:
			p.unknown++
		case l.Color == Green && l.Final:
			p.greens++
		default:
			counting = false
		}
	}
	return p
}

func (p progress) reason(st Standing, steps int) Reason {
	easy := 0.0
	if p.sessions > 0 && p.lastFelt == FeltEasy {
		easy = 1
	}
	return Reason{Rule: RuleProgress, Source: SourceTrafficLight, Level: st.Level, DoseStep: st.DoseStep, Steps: steps,
		Values: map[string]float64{
			"greens": float64(min(p.greens, GreensToProgress)), "needGreens": GreensToProgress,
			"days": float64(max(int(p.onStep/(24*time.Hour)), 0)), "needDays": float64(int(StepDuration / (24 * time.Hour))),
			"sessions": float64(p.sessions), "lastEasy": easy, "unknown": float64(p.unknown),
		}}
}

// risingTwoWeeks compares the mean morning back pain and tightness of the
// three 7-day windows ending at now. Rising means strictly higher than the
// week before, in both of the last two weeks; equal is not rising. A week
// with fewer than WeekMinimum ratings stops the rule.
func risingTwoWeeks(mornings []MorningRating, now time.Time) (bool, Reason) {
	measures := []struct {
		rule Rule
		of   func(MorningRating) int
	}{
		{RuleHold, func(m MorningRating) int { return m.BackPain }},
		{RuleHoldTightness, func(m MorningRating) int { return m.Tightness }},
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
			return true, Reason{Rule: ms.rule, Source: SourceTrafficLight,
				Values: map[string]float64{"week1": means[0], "week2": means[1], "week3": means[2]}}
		}
	}
	return false, Reason{}
}

// review looks, ReviewAfter or longer after the first rating, for a
// meaningful improvement of the baseline (MeaningfulChange from the starting
// baseline, the median of the first
// BaselineWindow ratings) or of function (f, CLINICAL.md §8). Without
// either it returns RuleReview, or RuleLowSteady when the baseline is
// LowSteady or less (CLINICAL.md §7.10). A baseline between the two (2.5)
// has room to improve: a review, the safer reading. Function up by
// FunctionBand or more while pain has not meaningfully improved is progress,
// said at any time: RuleFunctionProgress, and no review.
func review(mornings []MorningRating, f Function, now time.Time) (Reason, bool) {
	var start, cur float64
	painKnown := false
	if len(mornings) > 0 {
		var okStart, okCur bool
		start, okStart = baselineOf(mornings, min(len(mornings), BaselineWindow))
		cur, okCur = baselineOf(mornings, ratedBy(mornings, now))
		painKnown = okStart && okCur
	}
	if r, ok := functionProgress(f, start, cur, painKnown); ok {
		return r, true
	}
	if !painKnown || now.Sub(mornings[0].Time) < ReviewAfter {
		return Reason{}, false
	}
	if cur < start && MeaningfulChange(start, cur) {
		return Reason{}, false
	}
	weeks := float64(int(now.Sub(mornings[0].Time) / StepDuration))
	v := map[string]float64{"weeks": weeks, "from": start, "to": cur}
	if f.Rated {
		v["functionFrom"], v["functionTo"] = f.FirstAverage, f.Average
	}
	if cur <= LowSteady {
		return Reason{Rule: RuleLowSteady, Source: SourceSafety, Values: v}, true
	}
	v["band"] = Band(start)
	return Reason{Rule: RuleReview, Source: SourceMCID, Values: v}, true
}

// creepOf reports whether morning pain has crept up (CLINICAL.md §7.3): the
// mean of the last CreepRatings morning back-pain ratings at least
// CreepPoints above the anchored baseline. review is set (its Rule not
// empty) when it has held at every day's end for CreepReviewAfter.
func creepOf(mornings []MorningRating, st Standing, now time.Time) (creep bool, hold, review Reason) {
	at := func(t time.Time) (mean, anchor float64, n int, ok bool) {
		end := ratedBy(mornings, t)
		rs := mornings[max(end-CreepRatings, 0):end]
		if len(rs) < BaselineMinimum {
			return 0, 0, 0, false
		}
		var flareEnded time.Time
		if !st.FlareUntil.After(t) {
			flareEnded = st.FlareUntil
		}
		anchor, ok = anchoredOf(mornings, flareEnded, t)
		if !ok {
			return 0, 0, 0, false
		}
		sum := 0
		for _, r := range rs {
			sum += r.BackPain
		}
		mean = float64(sum) / float64(len(rs))
		return mean, anchor, len(rs), mean >= anchor+CreepPoints
	}
	mean, anchor, n, ok := at(now)
	if !ok {
		return false, Reason{}, Reason{}
	}
	hold = Reason{Rule: RuleCreep, Source: SourceSafety, Values: map[string]float64{
		"mean": math.Round(mean*10) / 10, "anchor": anchor, "over": CreepPoints, "ratings": float64(n)}}
	days := int(CreepReviewAfter / (24 * time.Hour))
	for k := 1; k <= days; k++ {
		if _, _, _, ok := at(now.AddDate(0, 0, -k)); !ok {
			return true, hold, Reason{}
		}
	}
	return true, hold, Reason{Rule: RuleCreepReview, Source: SourceSafety, Values: map[string]float64{
		"days": float64(days), "mean": hold.Values["mean"], "anchor": anchor}}
}

// referrals are the rules that suggest seeing a clinician in every mode
// (CLINICAL.md §7.1, §7.2), judged on the sorted mornings up to now and the
// standing after acting on them.
func referrals(mornings []MorningRating, st Standing, now time.Time) []Reason {
	var out []Reason
	end := ratedBy(mornings, now)
	recent := mornings[ratedBy(mornings, now.Add(-SevereSpan)):end]
	recent = recent[max(len(recent)-SevereOf, 0):]
	count := 0
	var latest time.Time
	for _, m := range recent {
		if max(m.BackPain, m.LegPain) >= SevereLimit {
			count++
			latest = m.Time
		}
	}
	if count >= SevereCount {
		out = append(out, Reason{Rule: RuleSeverePain, Source: SourceSafety, At: latest, Values: map[string]float64{
			"count": float64(count), "of": float64(len(recent)), "limit": SevereLimit}})
	}
	if now.Before(st.FlareUntil) && !st.FlareStarted.IsZero() && now.Sub(st.FlareStarted) > FlareLongest {
		out = append(out, Reason{Rule: RuleFlareLong, Source: SourceSafety, At: st.FlareStarted, Values: map[string]float64{
			"days": float64(int(now.Sub(st.FlareStarted) / (24 * time.Hour))), "limit": float64(int(FlareLongest / (24 * time.Hour)))}})
	}
	if r, ok := legPersists(mornings[:end]); ok {
		out = append(out, r)
	}
	week := mornings[ratedBy(mornings, now.Add(-7*24*time.Hour)):end]
	legs := 0
	for _, m := range week {
		if m.LegPain >= LegSevereLimit {
			legs++
		}
	}
	if legs >= LegSevereCount {
		out = append(out, Reason{Rule: RuleLegSevere, Source: SourceLegSymptoms, Values: map[string]float64{
			"count": float64(legs), "limit": LegSevereLimit, "days": 7}})
	}
	return out
}

// legPersists reports whether the leg symptoms of the latest of the sorted
// ratings have stayed further down than before a spread that began at
// least LegPersistDays calendar days before, counting both days.
func legPersists(sorted []MorningRating) (Reason, bool) {
	if len(sorted) == 0 {
		return Reason{}, false
	}
	last := sorted[len(sorted)-1]
	lastDay := midnight(last.Time)
	kept := last.LegReach
	for i := len(sorted) - 1; i >= 0 && kept > ReachNone; i-- {
		m := sorted[i]
		kept = min(kept, m.LegReach)
		before, ok := reachBefore(sorted, i)
		if !ok || m.LegReach <= before || kept <= before {
			continue
		}
		days := int(lastDay.Sub(midnight(m.Time.In(last.Time.Location())))/(24*time.Hour)) + 1
		if days >= LegPersistDays {
			return Reason{Rule: RuleLegPersists, Source: SourceLegSymptoms, At: m.Time,
				Values: map[string]float64{"days": float64(days), "reach": float64(kept)}}, true
		}
	}
	return Reason{}, false
}

// legToday reports whether today's latest morning rating (the calendar day
// of now) has leg symptoms that steer load (CLINICAL.md §7.1): further down
// than on any of the LegWindow mornings before it, or leg pain at least
// LegRise above their median. No progression and the calm-down level then.
func legToday(mornings []MorningRating, now time.Time) (Reason, bool) {
	end := ratedBy(mornings, now)
	if end == 0 || mornings[end-1].Time.Before(midnight(now)) {
		return Reason{}, false
	}
	m := mornings[end-1]
	n := ratedBefore(mornings, m.Time)
	before, ok := reachBefore(mornings, n)
	if !ok {
		return Reason{}, false
	}
	rs := mornings[max(n-LegWindow, 0):n]
	legs := make([]int, len(rs))
	for i, r := range rs {
		legs[i] = r.LegPain
	}
	med := median(legs)
	if m.LegReach <= before && float64(m.LegPain) < med+LegRise {
		return Reason{}, false
	}
	return Reason{Rule: RuleLegCalm, Source: SourceLegSymptoms, At: m.Time, Values: map[string]float64{
		"reach": float64(m.LegReach), "before": float64(before), "legPain": float64(m.LegPain),
		"legMedian": med, "rise": LegRise}}, true
}

// rescreenDue returns the latest report of new numbness or weakness (in
// in.NumbWeak or a session) after the last screening and at or before now.
func rescreenDue(in History, now time.Time) (time.Time, bool) {
	var at time.Time
	due := false
	note := func(t time.Time) {
		if t.After(in.Flag.Screened) && !t.After(now) && (!due || t.After(at)) {
			at, due = t, true
		}
	}
	for _, t := range in.NumbWeak {
		note(t)
	}
	for _, s := range in.Sessions {
		if s.NewNumbnessOrWeakness {
			note(s.Time)
		}
	}
	return at, due
}

func baselineReason(mornings []MorningRating, st Standing, now time.Time) Reason {
	end := ratedBy(mornings, now)
	b, ready := baselineOf(mornings, end)
	if !ready {
		return Reason{Rule: RuleBaselineForming, Source: SourceSteady, Values: map[string]float64{
			"ratings": float64(end), "minimum": BaselineMinimum}}
	}
	var flareEnded time.Time
	if !st.FlareUntil.After(now) {
		flareEnded = st.FlareUntil
	}
	anchor, _ := anchoredOf(mornings, flareEnded, now)
	return Reason{Rule: RuleBaseline, Source: SourceMCID, Values: map[string]float64{
		"baseline": b, "band": Band(b), "anchor": anchor, "window": BaselineWindow}}
}

// mobility says whether stretching may be offered: today's latest morning
// rating (same calendar day as now) gives inactivity as the cause of
// tightness, and there is no flare (CLINICAL.md §1, §3) and no leg symptoms
// steering load (§7.1). Without a rating today Steady does not know why the
// back is tight, so it offers none. On a calm-down day after a red session
// it offers none either: Steady's choice, as the calm-down level is the same
// flare-safe set flare mode offers. The reason's Rule is RuleMobility when
// it is offered.
func mobility(mornings []MorningRating, now time.Time, mode Mode, legDay bool) Reason {
	var today *MorningRating
	for i := range mornings {
		m := &mornings[i]
		if !m.Time.After(now) && !m.Time.Before(midnight(now)) {
			today = m
		}
	}
	r := Reason{Source: SourceStabilise}
	switch {
	case mode == Flare:
		r.Rule = RuleNoMobilityFlare
	case legDay:
		r.Rule, r.Source = RuleNoMobilityLeg, SourceLegSymptoms
	case mode == CalmDownToday:
		r.Rule = RuleNoMobilityCalm
	case today == nil:
		r.Rule = RuleNoMobilityUnrated
	case today.Cause == CauseInactivity:
		r.Rule = RuleMobility
	default:
		r.Rule = RuleNoMobilityCause
	}
	return r
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
