package explain

import (
	"steady/program"
)

// sentence is the words of one reason, without its source. Each rule's
// Values are documented at its constant in package program.
func sentence(r program.Reason) string {
	v := func(name string) string { return Number(r.Values[name]) }
	at := step(r.Level, r.DoseStep, r.Steps)
	switch r.Rule {
	case program.RuleStart:
		return fill("You started at level {level} on {day}", "level", count(r.Level), "day", Day(r.At))
	case program.RuleStartFlaring:
		return fill("You started on {day} with your back flaring, so Steady began in flare mode at the calm-down level through {until}",
			"day", Day(r.At), "until", lastDay(r.Until))
	case program.RuleBaseline:
		return fill("Your baseline is {baseline} out of 10, the middle value of your last {window} morning back-pain ratings; a change of {band} points or more is one that matters. Sessions are judged against your lowest baseline of the last 8 weeks, {anchor}, so pain that creeps up is not hidden",
			"baseline", v("baseline"), "window", v("window"), "band", v("band"), "anchor", v("anchor"))
	case program.RuleBaselineForming:
		return fill("Your baseline is still forming: {ratings} of {minimum} morning ratings so far. Until then sessions are judged by the fixed limits only",
			"ratings", v("ratings"), "minimum", v("minimum"))
	case program.RuleProgress:
		return fill("You move up after {needGreens} green sessions in a row, at least {needDays} days on a step and a session that felt easy. So far at {step}: {greens} of {needGreens} green in a row, {days} of {needDays} days{easy}{unknown}",
			"needGreens", v("needGreens"), "needDays", v("needDays"), "step", at, "greens", v("greens"), "days", v("days"),
			"easy", progressEasy(r), "unknown", progressUnknown(r))
	case program.RuleAdvance:
		return fill("On {day} you moved up to {step}: your last {greens} sessions were green, you had spent at least a week on the step before and it felt easy",
			"day", Day(r.At), "step", at, "greens", v("greens"))
	case program.RuleTop:
		return fill("You have reached {step}, the last step of the top level. Keep it up: this is the routine to keep", "step", at)
	case program.RuleRepeat:
		return fill("Your session on {day} was amber ({why}): repeat the same dose until sessions are green again",
			"day", Day(r.At), "why", criteria(r.Criteria))
	case program.RuleStepDown:
		if r.Values["from"] == float64(r.DoseStep) {
			return fill("Your session on {day} was red ({why}); you stay at {step}, already the first dose step of the level, with the calm-down level for the rest of that day",
				"day", Day(r.At), "why", criteria(r.Criteria), "step", at)
		}
		return fill("Your session on {day} was red ({why}), so you went one dose step down, to {step}, with the calm-down level for the rest of that day",
			"day", Day(r.At), "why", criteria(r.Criteria), "step", at)
	case program.RuleCalmDown:
		return fill("For the rest of today, the calm-down level only; tomorrow you go on at {step}", "step", at)
	case program.RuleFlareTwoRed:
		return fill("Two red sessions {days} days apart, the second on {day}, started flare mode through {until}; then you restart one level lower, at level {level}",
			"days", v("days"), "day", Day(r.At), "until", lastDay(r.Until), "level", count(r.Level))
	case program.RuleFlareMorning:
		if _, ok := r.Values["baseline"]; ok {
			return fill("Your morning back pain on {day} was {pain} out of 10, {rise} or more points above your baseline of {baseline}, and started flare mode through {until}; then you restart at level {level}",
				"day", Day(r.At), "pain", v("pain"), "rise", v("rise"), "baseline", v("baseline"), "until", lastDay(r.Until), "level", count(r.Level))
		}
		return fill("Your morning back pain on {day} was {pain} out of 10, {limit} or more, and started flare mode through {until}; then you restart at level {level}",
			"day", Day(r.At), "pain", v("pain"), "limit", v("limit"), "until", lastDay(r.Until), "level", count(r.Level))
	case program.RuleFlareLeg:
		return fill("On {day} your leg symptoms reached {reach}, further than {before} before, and started flare mode through {until}; then you restart at level {level}",
			"day", Day(r.At), "reach", reach(r.Values["reach"]), "before", reach(r.Values["before"]), "until", lastDay(r.Until), "level", count(r.Level))
	case program.RuleFlareExtended:
		return fill("A new sign of the flare on {day} kept flare mode going through {until}. One flare costs at most one level, so you still restart at level {level}",
			"day", Day(r.At), "until", lastDay(r.Until), "level", count(r.Level))
	case program.RuleFlareEndedEarly:
		return fill("Your morning back pain was back at or below your baseline of {baseline} on {mornings} days, so the flare ended early on {day}; you go on at {step}",
			"baseline", v("baseline"), "mornings", v("mornings"), "day", Day(r.At), "step", at)
	case program.RuleFlareMode:
		return fill("Flare mode through {until}: breathing with a gentle brace, positions of comfort and short walks. No stretching while the back guards itself. Then you restart at {step}",
			"until", lastDay(r.Until), "step", at)
	case program.RuleFlareLong:
		return fill("Flare mode has lasted {days} days since {day}, more than {limit}: Steady suggests seeing a clinician about it",
			"days", v("days"), "day", Day(r.At), "limit", v("limit"))
	case program.RuleSeverePain:
		return fill("Your morning back or leg pain was {limit} or more on {count} of your last {of} mornings: Steady suggests seeing a clinician about it, whatever mode you are in",
			"limit", v("limit"), "count", v("count"), "of", v("of"))
	case program.RuleLegCalm:
		if r.Values["reach"] > r.Values["before"] {
			return fill("This morning your leg symptoms reached {reach}, further down than on any of the mornings before ({before}): no progression today and the calm-down level, without stretching",
				"reach", reach(r.Values["reach"]), "before", reach(r.Values["before"]))
		}
		return fill("This morning your leg pain was {legPain}, {rise} or more above its usual {legMedian}: no progression today and the calm-down level, without stretching",
			"legPain", v("legPain"), "rise", v("rise"), "legMedian", v("legMedian"))
	case program.RuleLegPersists:
		return fill("Your leg symptoms have reached further down than before ({reach}) for {days} days, since {day}: Steady suggests seeing a clinician about it",
			"reach", reach(r.Values["reach"]), "days", v("days"), "day", Day(r.At))
	case program.RuleLegSevere:
		return fill("Your leg pain was {limit} or more on {count} mornings in the last {days} days: Steady suggests seeing a clinician about it",
			"limit", v("limit"), "count", v("count"), "days", v("days"))
	case program.RuleCreep:
		return fill("Your last {ratings} morning ratings average {mean}, {over} or more points above your lowest baseline of the last 8 weeks ({anchor}): Steady holds you at this step while your pain stays up",
			"ratings", v("ratings"), "mean", v("mean"), "over", v("over"), "anchor", v("anchor"))
	case program.RuleCreepReview:
		return fill("Your morning pain has stayed up, averaging {mean} against {anchor}, for {days} days: a review with a clinician may find a better plan",
			"mean", v("mean"), "anchor", v("anchor"), "days", v("days"))
	case program.RuleHold:
		return fill("Your weekly average morning back pain rose two weeks running ({week1}, then {week2}, then {week3}): Steady holds you at this step and suggests you see a clinician about it",
			"week1", v("week1"), "week2", v("week2"), "week3", v("week3"))
	case program.RuleHoldTightness:
		return fill("Your weekly average morning tightness rose two weeks running ({week1}, then {week2}, then {week3}): Steady holds you at this step and suggests you see a clinician about it",
			"week1", v("week1"), "week2", v("week2"), "week3", v("week3"))
	case program.RuleReview:
		return fill("After {weeks} weeks your baseline has gone from {from} to {to}, less than the {band} points counted as a meaningful change (2 points or 30 %, whichever is larger){function}. A review with a clinician may find a better plan; you can keep training meanwhile",
			"weeks", v("weeks"), "from", v("from"), "to", v("to"), "band", v("band"), "function", reviewFunction(r))
	case program.RuleFunctionProgress:
		// Said plainly first: what the user can do has changed, and that
		// counts, whatever the pain did.
		up := fill("Your activities are up {change} points in {weeks} weeks", "change", v("change"), "weeks", v("weeks"))
		if !r.At.IsZero() {
			up = fill("Your activities are up {change} points since {day}", "change", v("change"), "day", Day(r.At))
		}
		if _, ok := r.Values["painFrom"]; ok {
			return fill("{up} (from {from} to {to} out of 10 on average), while your morning pain went from {painFrom} to {painTo}: you can do more, and that is real progress. {band} points is the usual mark of a meaningful change, a convention; it does not raise your exercise load by itself",
				"up", up, "from", v("from"), "to", v("to"), "painFrom", v("painFrom"), "painTo", v("painTo"), "band", v("band"))
		}
		return fill("{up} (from {from} to {to} out of 10 on average): you can do more, and that is real progress. {band} points is the usual mark of a meaningful change, a convention; it does not raise your exercise load by itself",
			"up", up, "from", v("from"), "to", v("to"), "band", v("band"))
	case program.RuleLowSteady:
		return fill("After {weeks} weeks your baseline is {to} (from {from}): your pain is low and steady, with little room for a 2-point change, so keep going",
			"weeks", v("weeks"), "from", v("from"), "to", v("to"))
	case program.RuleRedFlag:
		if r.Values["selfClearable"] == 1 {
			return fill("On {day} you answered yes to a question that needs a clinician to look at your back first. Steady suggests no exercise until you tell it a clinician has assessed it",
				"day", Day(r.At))
		}
		return fill("On {day} you answered yes to a question about a warning sign that needs a doctor urgently. Steady suggests no exercise until you answer the safety questions again without that sign",
			"day", Day(r.At))
	case program.RuleRescreen:
		return fill("On {day} you reported new numbness or weakness. Please answer the safety questions again before any exercise", "day", Day(r.At))
	case program.RuleWalk:
		return fill("Walking this week: {minutes} minutes on {days}. Your goal: {goalMinutes} minutes on {goalDays} days a week, building towards {targetMinutes} minutes on {targetDays} days over the months",
			"minutes", v("minutes"), "days", days(r.Values["days"]), "goalMinutes", v("goalMinutes"), "goalDays", v("goalDays"),
			"targetMinutes", v("targetMinutes"), "targetDays", v("targetDays"))
	case program.RuleWalkShort:
		return fill("Short walks of {shortMin} to {shortMax} minutes, several times a day, while your back settles. This week so far: {minutes} minutes",
			"shortMin", v("shortMin"), "shortMax", v("shortMax"), "minutes", v("minutes"))
	case program.RuleMobility:
		return "Gentle stretching is offered today: you said the tightness comes from sitting still, and nothing speaks against it"
	case program.RuleNoMobilityFlare:
		return "No stretching in flare mode: the idea Steady follows is that the back muscles are guarding, and stretching works against that"
	case program.RuleNoMobilityCalm:
		return "No stretching for the rest of today: Steady keeps to the calm-down level"
	case program.RuleNoMobilityLeg:
		return "No stretching today while your leg symptoms steer the load, whatever the cause of the tightness"
	case program.RuleNoMobilityUnrated:
		return "No stretching offered: rate this morning first, including why your back feels tight"
	case program.RuleNoMobilityCause:
		return "No stretching today: you did not say the tightness comes from sitting still, so Steady sticks to stabilising"
	case program.RuleNoMobilityStop:
		return "No exercise and no stretching until the safety questions are settled"
	}
	return string(r.Rule)
}

// reviewFunction is what a review says about function, when the user
// rates activities: it has not changed by 2 points either.
func reviewFunction(r program.Reason) string {
	if _, ok := r.Values["functionFrom"]; !ok {
		return ""
	}
	return fill(", and the activities you named went from {from} to {to} out of 10 on average, less than the 2 points counted as a meaningful change",
		"from", Number(r.Values["functionFrom"]), "to", Number(r.Values["functionTo"]))
}

func progressEasy(r program.Reason) string {
	switch {
	case r.Values["sessions"] == 0:
		return "; no session on this step yet"
	case r.Values["lastEasy"] == 0:
		return "; still needed: a session that feels easy"
	}
	return ""
}

func progressUnknown(r program.Reason) string {
	if r.Values["unknown"] == 0 {
		return ""
	}
	return fill("; {n} green sessions without a next-morning rating were left out of the count", "n", Number(r.Values["unknown"]))
}

// days is a count of days with its noun: "1 day", "3 days".
func days(n float64) string {
	if n == 1 {
		return "1 day"
	}
	return Number(n) + " days"
}
