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

// A Rule names one progression rule, so callers, tests and package explain
// can tell which rule a Reason comes from. Each constant lists the Values
// names its Reasons set; a name not listed is not set. Counts and points
// are plain numbers; 0 and 1 stand for no and yes.
type Rule string

const (
	// RuleStart: the user started at Level on At (Source SourceSteady).
	RuleStart Rule = "start"
	// RuleStartFlaring: the user said at the first run that the back is
	// flaring now: flare mode from At until Until, at level 0 (CLINICAL.md
	// §7.7; SourceSafety).
	RuleStartFlaring Rule = "start-flaring"
	// RuleBaseline: the rolling baseline (§2; SourceMCID). Values:
	// "baseline" (the median), "band" (the meaningful-change band, Band),
	// "anchor" (the anchored baseline, §7.3), "window" (BaselineWindow).
	RuleBaseline Rule = "baseline"
	// RuleBaselineForming: fewer than BaselineMinimum morning ratings, so
	// only the fixed limits apply (SourceSteady). Values: "ratings" (so
	// far), "minimum" (BaselineMinimum).
	RuleBaselineForming Rule = "baseline-forming"
	// RuleProgress: what is still needed to move up (§3;
	// SourceTrafficLight). Level, DoseStep, Steps: the current step.
	// Values: "greens" (final greens in a row), "needGreens"
	// (GreensToProgress), "days" (whole days on the step), "needDays" (7),
	// "sessions" (sessions on the step, 0 or more), "lastEasy" (1 when the
	// last session felt easy), "unknown" (greens skipped because their next
	// morning is unknown, §7.4).
	RuleProgress Rule = "progress"
	// RuleAdvance: 3 green, a week, easy: moved up at At to Level, DoseStep
	// (of Steps) (§3; SourceTrafficLight). Values: "greens", "days" (whole
	// days spent on the step before).
	RuleAdvance Rule = "advance"
	// RuleTop: at the last step of the top level (SourceTrafficLight).
	// Level, DoseStep, Steps.
	RuleTop Rule = "top"
	// RuleRepeat: the last session, at At, was amber: the same dose again
	// (§3; SourceTrafficLight). Criteria: what fired.
	RuleRepeat Rule = "repeat"
	// RuleStepDown: the session at At was red: Level, DoseStep is the step
	// from the next day, calm-down until Until (§3; SourceTrafficLight).
	// Criteria: what fired. Values: "from" (the dose step before, from 0;
	// equal to DoseStep when it was the level's first).
	RuleStepDown Rule = "step-down"
	// RuleCalmDown: today is a calm-down day until Until; from then Level,
	// DoseStep (of Steps) (§3; SourceTrafficLight).
	RuleCalmDown Rule = "calm-down"
	// RuleFlareTwoRed: a second red session within 7 days, at At, started
	// flare mode until Until; restart at Level, dose step 0 (§3;
	// SourceTrafficLight). Values: "days" (days between the two reds,
	// rounded down), "flareDays" (FlareDays).
	RuleFlareTwoRed Rule = "flare-two-red"
	// RuleFlareMorning: the morning rating at At started flare mode until
	// Until; restart at Level (§3; SourceTrafficLight). Values: "pain";
	// then either "limit" (FlareMorningPain: the rating reached it) or
	// "baseline" and "rise" (FlareMorningRise: the rating was that far
	// above the baseline); "flareDays".
	RuleFlareMorning Rule = "flare-morning"
	// RuleFlareLeg: leg symptoms newly reached below the knee or the foot
	// in the morning rating at At: flare mode until Until, restart at Level
	// (§7.1; SourceLegSymptoms). Values: "reach" (the LegReach), "before"
	// (the furthest reach of the previous 7 mornings), "flareDays".
	RuleFlareLeg Rule = "flare-leg"
	// RuleFlareExtended: a new sign of flare at At, inside a flare (or
	// within FlareGrace of its end), kept
	// flare mode going until Until without a second step down: a flare
	// costs at most one level (§7.5; SourceSafety). Level: the restart
	// level, unchanged.
	RuleFlareExtended Rule = "flare-extended"
	// RuleFlareEndedEarly: morning back pain at or below the baseline on
	// "mornings" days ended the flare at At (§7.5; SourceSafety). Values:
	// "mornings", "baseline" (the baseline when the flare started).
	RuleFlareEndedEarly Rule = "flare-ended-early"
	// RuleFlareMode: what flare mode means today: until Until, then Level,
	// DoseStep of Steps (§3; SourceStabilise).
	RuleFlareMode Rule = "flare-mode"
	// RuleFlareLong: flare mode has lasted more than 14 days since At:
	// see a clinician (§7.2; SourceSafety). Values: "days", "limit" (14).
	RuleFlareLong Rule = "flare-long"
	// RuleSeverePain: morning back or leg pain of "limit" or more on
	// "count" of the last "of" mornings: see a clinician, in every mode
	// (§7.2; SourceSafety). At: the latest of those mornings.
	RuleSeverePain Rule = "severe-pain"
	// RuleLegCalm: this morning's leg symptoms (at At) reached further
	// down than on any of the previous 7 mornings, or leg pain was 2 or
	// more above its own 7-morning median: no progression today and the
	// calm-down level (§7.1; SourceLegSymptoms). Values: "reach", "before"
	// (furthest reach of the previous mornings), "legPain", and, when
	// there were earlier mornings, "legMedian" and "rise" (2).
	RuleLegCalm Rule = "leg-calm"
	// RuleLegPersists: leg symptoms have reached further down than before
	// since At, "days" days: see a clinician (§7.1; SourceLegSymptoms).
	// Values: "days", "reach" (the reach they keep).
	RuleLegPersists Rule = "leg-persists"
	// RuleLegSevere: leg pain of "limit" or more on "count" mornings in
	// the last 7 days: see a clinician (§7.1; SourceLegSymptoms). Values:
	// "count", "limit" (7), "days" (7).
	RuleLegSevere Rule = "leg-severe"
	// RuleCreep: the mean of the last "ratings" morning back-pain ratings
	// is "mean", "over" or more points above the anchored baseline
	// "anchor": no move up (§7.3; SourceSafety).
	RuleCreep Rule = "creep"
	// RuleCreepReview: the creep hold has lasted "days" days: suggest a
	// review (§7.3; SourceSafety). Values: "days", "mean", "anchor".
	RuleCreepReview Rule = "creep-review"
	// RuleHold: weekly mean morning back pain rose two weeks running:
	// hold and see a clinician (§3; SourceTrafficLight). Values: "week1",
	// "week2", "week3" (oldest first).
	RuleHold Rule = "hold"
	// RuleHoldTightness: the same for tightness. Values as RuleHold.
	RuleHoldTightness Rule = "hold-tightness"
	// RuleReview: no meaningful improvement (MeaningfulChange) after "weeks" weeks,
	// baseline "from" to "to", and no meaningful improvement of function
	// either: suggest a review (§3, §7.10, §8; SourceMCID).
	// Values: "weeks", "from", "to", "band" (the change that would have counted);
	// when activities are rated, "functionFrom" and "functionTo" (the
	// function averages, Function).
	// A baseline between 2 and 3 counts as room to improve: the safer
	// reading of §7.10, as it suggests the review.
	RuleReview Rule = "review"
	// RuleLowSteady: no meaningful improvement after "weeks" weeks, but the
	// baseline "to" is 2 or less: low and steady, keep going (§7.10;
	// SourceSafety). Values: "weeks", "from", "to", and "functionFrom",
	// "functionTo" as RuleReview.
	RuleLowSteady Rule = "low-steady"
	// RuleFunctionProgress: the function average (PSFS, §8) rose from
	// "from" to "to" ("change", at least "band", FunctionBand) over "weeks"
	// weeks, since the first rating at At, while morning pain did not meaningfully
	// improve: progress, and no review for lack of a pain improvement
	// (SourceFunction). It never raises the load. Values also "painFrom",
	// "painTo" (the starting and current baselines) when they are known.
	RuleFunctionProgress Rule = "function-progress"
	// RuleRedFlag: a red flag raised at At and not lifted: no exercise
	// (§4; SourceRedFlags). Values: "tier" (the Tier), "selfClearable" (1
	// when confirming a clinician's assessment lifts it, §7.6).
	RuleRedFlag Rule = "red-flag"
	// RuleRescreen: new numbness or weakness reported at At, after the last
	// screening: no exercise until the safety questions are answered again
	// (§7.6; SourceRedFlags).
	RuleRescreen Rule = "rescreen"
	// RuleWalk: this week's walking against the goal (§7.8;
	// SourceWalking). Values: "minutes" (logged this week), "days" (days
	// with a walk this week), "goalMinutes" (a day), "goalDays" (a week),
	// "weeks" (whole weeks since the first record), "targetMinutes" (30),
	// "targetDays" (5). Level: the level whose dose bounds the goal.
	RuleWalk Rule = "walk"
	// RuleWalkShort: flare mode: short walks, "shortMin" to "shortMax"
	// minutes, several times a day (§5, §7.8; SourceWalking). Values also
	// "minutes" and "days" as RuleWalk.
	RuleWalkShort Rule = "walk-short"
	// RuleMobility: gentle stretching is offered today: tight from
	// inactivity, and no reason against it (§1; SourceStabilise).
	RuleMobility Rule = "mobility"
	// RuleNoMobilityFlare, RuleNoMobilityCalm: no stretching in flare mode
	// or on a calm-down day (§3; SourceStabilise).
	RuleNoMobilityFlare Rule = "no-mobility-flare"
	RuleNoMobilityCalm  Rule = "no-mobility-calm"
	// RuleNoMobilityLeg: no stretching on a day the leg symptoms steer
	// load, whatever the cause of tightness (§7.1; SourceLegSymptoms).
	RuleNoMobilityLeg Rule = "no-mobility-leg"
	// RuleNoMobilityUnrated: no rating this morning, so the cause of
	// tightness is unknown (§1; SourceStabilise).
	RuleNoMobilityUnrated Rule = "no-mobility-unrated"
	// RuleNoMobilityCause: tightness not from inactivity (§1;
	// SourceStabilise).
	RuleNoMobilityCause Rule = "no-mobility-cause"
	// RuleNoMobilityStop: no exercise at all: a red flag or a re-screening
	// (§4, §7.6; SourceRedFlags).
	RuleNoMobilityStop Rule = "no-mobility-stop"
)

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
