package program

// Walking (CLINICAL.md §1, §5, §7.8): progressive walking nearly doubled the
// time to the next flare in the WalkBack trial (Pocovi et al., Lancet 2024),
// which built up to 30 minutes on 5 days a week by month 6. Steady shows the
// week's logged minutes against a goal that builds the same way.
//
// How the goal builds (Steady's choice; the trial's target, §5's doses):
//   - minutes a walking day ramp from WalkStartMinutes to WalkTargetMinutes
//     over WalkRampWeeks since the first record in the history (rating,
//     session or walk), in steps of 5 minutes;
//   - the level bounds it: each level's walking dose of §5 (walkDose), so a
//     user held at a low level is not asked to walk far, and one who moves
//     up fast walks the level's dose;
//   - days a week build from 3 by one every 4 weeks to WalkTargetDays;
//     levels 4 and 5 walk 5 days a week, as §5 says;
//   - in flare mode and at the calm-down level: short walks of 3 to 5
//     minutes, several times a day (§5 level 0).

import "time"

// Walking goal figures (CLINICAL.md §1, §5, §7.8).
const (
	WalkTargetMinutes = 30 // WalkBack: >= 30 min ...
	WalkTargetDays    = 5  // ... on 5 days a week
	WalkRampWeeks     = 26 // ... by month 6
	WalkStartMinutes  = 10 // §5 level 1: 5–10 min twice a day
	WalkShortMin      = 3  // §5 level 0: walk 3–5 min several times a day
	WalkShortMax      = 5
)

// walkDose is the lowest and highest minutes a walking day of each level
// (§5). Level 1's "5–10 min twice a day" is counted as 10 to 15 so the
// bounds never fall as the level rises.
var walkDose = [TopLevel + 1][2]int{{WalkShortMin, WalkShortMax}, {10, 15}, {10, 15}, {15, 20}, {20, 30}, {30, 30}}

// WalkGoal is the week's walking against its goal.
type WalkGoal struct {
	WeekStart time.Time // Monday 00:00 of now's week, in now's location
	Minutes   int       // minutes logged this week, up to now
	Days      int       // days this week with a walk logged
	// GoalMinutes a walking day on GoalDays days a week. With Short, the
	// goal is short walks of WalkShortMin to WalkShortMax minutes, several
	// times a day, every day.
	GoalMinutes int
	GoalDays    int
	Short       bool
	Reason      Reason // RuleWalk or RuleWalkShort
}

// walkOf is the walking of now's week; short in flare mode and at level 0.
func walkOf(in History, short bool, level int, now time.Time) WalkGoal {
	w := WalkGoal{WeekStart: midnight(now).AddDate(0, 0, -((int(now.Weekday()) + 6) % 7))}
	days := map[time.Time]bool{}
	for _, x := range in.Walks {
		if !x.Time.Before(w.WeekStart) && !x.Time.After(now) && x.Minutes > 0 {
			w.Minutes += x.Minutes
			days[midnight(x.Time.In(now.Location()))] = true
		}
	}
	w.Days = len(days)
	values := map[string]float64{"minutes": float64(w.Minutes), "days": float64(w.Days)}
	if short {
		w.Short, w.GoalMinutes, w.GoalDays = true, WalkShortMax, 7
		values["shortMin"], values["shortMax"] = WalkShortMin, WalkShortMax
		w.Reason = Reason{Rule: RuleWalkShort, Source: SourceWalking, Level: level, Values: values}
		return w
	}
	weeks := weeksSinceFirst(in, now)
	ramp := WalkStartMinutes + (WalkTargetMinutes-WalkStartMinutes)*weeks/WalkRampWeeks
	ramp = min(ramp/5*5, WalkTargetMinutes)
	dose := walkDose[min(max(level, 0), TopLevel)]
	w.GoalMinutes = min(max(ramp, dose[0]), dose[1])
	w.GoalDays = min(3+weeks/4, WalkTargetDays)
	if level >= 4 {
		w.GoalDays = WalkTargetDays
	}
	values["goalMinutes"], values["goalDays"], values["weeks"] = float64(w.GoalMinutes), float64(w.GoalDays), float64(weeks)
	values["targetMinutes"], values["targetDays"] = WalkTargetMinutes, WalkTargetDays
	w.Reason = Reason{Rule: RuleWalk, Source: SourceWalking, Level: level, Values: values}
	return w
}

// weeksSinceFirst is how many whole weeks lie between the first record of
// the history (rating, session or walk) and now; 0 without one.
func weeksSinceFirst(in History, now time.Time) int {
	var first time.Time
	note := func(t time.Time) {
		if first.IsZero() || t.Before(first) {
			first = t
		}
	}
	for _, m := range in.Mornings {
		note(m.Time)
	}
	for _, s := range in.Sessions {
		note(s.Time)
	}
	for _, x := range in.Walks {
		note(x.Time)
	}
	if first.IsZero() || first.After(now) {
		return 0
	}
	return int(now.Sub(first) / (7 * 24 * time.Hour))
}
