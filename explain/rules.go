package explain

import (
	"steady/program"
)

// sentence is the words of one reason, without its source. Each rule's
// Values are documented at its constant in package program.
func (w words) sentence(r program.Reason) string {
	v := func(name string) string { return w.num(r.Values[name]) }
	at := w.step(r.Level, r.DoseStep, r.Steps)
	switch r.Rule {
	case program.RuleStart:
		return w.L("You started at level {{.Level}} on {{.Day}}", args{"Level": count(r.Level), "Day": w.Day(r.At)})
	case program.RuleStartFlaring:
		return w.L("You started on {{.Day}} with your back flaring, so Steady began in flare mode at the calm-down level through {{.Until}}", args{"Day": w.Day(r.At), "Until": w.lastDay(r.Until)})
	case program.RuleBaseline:
		return w.L("Your baseline is {{.Baseline}} out of 10, the middle value of your last {{.Window}} morning back-pain ratings; a change of {{.Band}} points or more is one that matters. Sessions are judged against your lowest baseline of the last 8 weeks, {{.Anchor}}, so pain that creeps up is not hidden", args{"Baseline": v("baseline"), "Window": v("window"), "Band": v("band"), "Anchor": v("anchor")})
	case program.RuleBaselineForming:
		return w.L("Your baseline is still forming: {{.Ratings}} of {{.Minimum}} morning ratings so far. Until then sessions are judged by the fixed limits only", args{"Ratings": v("ratings"), "Minimum": v("minimum")})
	case program.RuleProgress:
		return w.L("You move up after {{.NeedGreens}} green sessions in a row, at least {{.NeedDays}} days on a step and a session that felt easy. So far at {{.Step}}: {{.Greens}} of {{.NeedGreens}} green in a row, {{.Days}} of {{.NeedDays}} days{{.Easy}}{{.Unknown}}", args{"NeedGreens": v("needGreens"), "NeedDays": v("needDays"), "Step": at, "Greens": v("greens"), "Days": v("days"), "Easy": w.progressEasy(r), "Unknown": w.progressUnknown(r)})
	case program.RuleAdvance:
		return w.L("On {{.Day}} you moved up to {{.Step}}: your last {{.Greens}} sessions were green, you had spent at least a week on the step before and it felt easy", args{"Day": w.Day(r.At), "Step": at, "Greens": v("greens")})
	case program.RuleTop:
		return w.L("You have reached {{.Step}}, the last step of the top level. Keep it up: this is the routine to keep", args{"Step": at})
	case program.RuleRepeat:
		return w.L("Your session on {{.Day}} was amber ({{.Why}}): repeat the same dose until sessions are green again", args{"Day": w.Day(r.At), "Why": w.criteria(r.Criteria)})
	case program.RuleStepDown:
		if r.Values["from"] == float64(r.DoseStep) {
			return w.L("Your session on {{.Day}} was red ({{.Why}}); you stay at {{.Step}}, already the first dose step of the level, with the calm-down level for the rest of that day", args{"Day": w.Day(r.At), "Why": w.criteria(r.Criteria), "Step": at})
		}
		return w.L("Your session on {{.Day}} was red ({{.Why}}), so you went one dose step down, to {{.Step}}, with the calm-down level for the rest of that day", args{"Day": w.Day(r.At), "Why": w.criteria(r.Criteria), "Step": at})
	case program.RuleCalmDown:
		return w.L("For the rest of today, the calm-down level only; tomorrow you go on at {{.Step}}", args{"Step": at})
	case program.RuleFlareTwoRed:
		return w.L("Two red sessions {{.Days}} days apart, the second on {{.Day}}, started flare mode through {{.Until}}; then you restart one level lower, at level {{.Level}}", args{"Days": v("days"), "Day": w.Day(r.At), "Until": w.lastDay(r.Until), "Level": count(r.Level)})
	case program.RuleFlareMorning:
		if _, ok := r.Values["baseline"]; ok {
			return w.L("Your morning back pain on {{.Day}} was {{.Pain}} out of 10, {{.Rise}} or more points above your baseline of {{.Baseline}}, and started flare mode through {{.Until}}; then you restart at level {{.Level}}", args{"Day": w.Day(r.At), "Pain": v("pain"), "Rise": v("rise"), "Baseline": v("baseline"), "Until": w.lastDay(r.Until), "Level": count(r.Level)})
		}
		return w.L("Your morning back pain on {{.Day}} was {{.Pain}} out of 10, {{.Limit}} or more, and started flare mode through {{.Until}}; then you restart at level {{.Level}}", args{"Day": w.Day(r.At), "Pain": v("pain"), "Limit": v("limit"), "Until": w.lastDay(r.Until), "Level": count(r.Level)})
	case program.RuleFlareLeg:
		return w.L("On {{.Day}} your leg symptoms reached {{.Reach}}, further than {{.Before}} before, and started flare mode through {{.Until}}; then you restart at level {{.Level}}", args{"Day": w.Day(r.At), "Reach": w.reach(r.Values["reach"]), "Before": w.reach(r.Values["before"]), "Until": w.lastDay(r.Until), "Level": count(r.Level)})
	case program.RuleFlareExtended:
		return w.L("A new sign of the flare on {{.Day}} kept flare mode going through {{.Until}}. One flare costs at most one level, so you still restart at level {{.Level}}", args{"Day": w.Day(r.At), "Until": w.lastDay(r.Until), "Level": count(r.Level)})
	case program.RuleFlareEndedEarly:
		return w.L("Your morning back pain was back at or below your baseline of {{.Baseline}} on {{.Mornings}} days, so the flare ended early on {{.Day}}; you go on at {{.Step}}", args{"Baseline": v("baseline"), "Mornings": v("mornings"), "Day": w.Day(r.At), "Step": at})
	case program.RuleFlareMode:
		return w.L("Flare mode through {{.Until}}: breathing with a gentle brace, positions of comfort and short walks. No stretching while the back guards itself. Then you restart at {{.Step}}", args{"Until": w.lastDay(r.Until), "Step": at})
	case program.RuleFlareLong:
		return w.L("Flare mode has lasted {{.Days}} days since {{.Day}}, more than {{.Limit}}: Steady suggests seeing a clinician about it", args{"Days": v("days"), "Day": w.Day(r.At), "Limit": v("limit")})
	case program.RuleSeverePain:
		return w.L("Your morning back or leg pain was {{.Limit}} or more on {{.Count}} of your last {{.Of}} mornings: Steady suggests seeing a clinician about it, whatever mode you are in", args{"Limit": v("limit"), "Count": v("count"), "Of": v("of")})
	case program.RuleLegCalm:
		if r.Values["reach"] > r.Values["before"] {
			return w.L("This morning your leg symptoms reached {{.Reach}}, further down than on any of the mornings before ({{.Before}}): no progression today and the calm-down level, without stretching", args{"Reach": w.reach(r.Values["reach"]), "Before": w.reach(r.Values["before"])})
		}
		return w.L("This morning your leg pain was {{.LegPain}}, {{.Rise}} or more above its usual {{.LegMedian}}: no progression today and the calm-down level, without stretching", args{"LegPain": v("legPain"), "Rise": v("rise"), "LegMedian": v("legMedian")})
	case program.RuleLegPersists:
		return w.L("Your leg symptoms have reached further down than before ({{.Reach}}) for {{.Days}} days, since {{.Day}}: Steady suggests seeing a clinician about it", args{"Reach": w.reach(r.Values["reach"]), "Days": v("days"), "Day": w.Day(r.At)})
	case program.RuleLegSevere:
		return w.L("Your leg pain was {{.Limit}} or more on {{.Count}} mornings in the last {{.Days}} days: Steady suggests seeing a clinician about it", args{"Limit": v("limit"), "Count": v("count"), "Days": v("days")})
	case program.RuleCreep:
		return w.L("Your last {{.Ratings}} morning ratings average {{.Mean}}, {{.Over}} or more points above your lowest baseline of the last 8 weeks ({{.Anchor}}): Steady holds you at this step while your pain stays up", args{"Ratings": v("ratings"), "Mean": v("mean"), "Over": v("over"), "Anchor": v("anchor")})
	case program.RuleCreepReview:
		return w.L("Your morning pain has stayed up, averaging {{.Mean}} against {{.Anchor}}, for {{.Days}} days: a review with a clinician may find a better plan", args{"Mean": v("mean"), "Anchor": v("anchor"), "Days": v("days")})
	case program.RuleHold:
		return w.L("Your weekly average morning back pain rose two weeks running ({{.Week1}}, then {{.Week2}}, then {{.Week3}}): Steady holds you at this step and suggests you see a clinician about it", args{"Week1": v("week1"), "Week2": v("week2"), "Week3": v("week3")})
	case program.RuleHoldTightness:
		return w.L("Your weekly average morning tightness rose two weeks running ({{.Week1}}, then {{.Week2}}, then {{.Week3}}): Steady holds you at this step and suggests you see a clinician about it", args{"Week1": v("week1"), "Week2": v("week2"), "Week3": v("week3")})
	case program.RuleReview:
		return w.L("After {{.Weeks}} weeks your baseline has gone from {{.From}} to {{.To}}, less than the {{.Band}} points counted as a meaningful change (2 points or 30 %, whichever is larger){{.Function}}. A review with a clinician may find a better plan; you can keep training meanwhile", args{"Weeks": v("weeks"), "From": v("from"), "To": v("to"), "Band": v("band"), "Function": w.reviewFunction(r)})
	case program.RuleFunctionProgress:
		// Said plainly first: what the user can do has changed, and that
		// counts, whatever the pain did.
		up := w.L("Your activities are up {{.Change}} points in {{.Weeks}} weeks", args{"Change": v("change"), "Weeks": v("weeks")})
		if !r.At.IsZero() {
			up = w.L("Your activities are up {{.Change}} points since {{.Day}}", args{"Change": v("change"), "Day": w.Day(r.At)})
		}
		if _, ok := r.Values["painFrom"]; ok {
			return w.L("{{.Up}} (from {{.From}} to {{.To}} out of 10 on average), while your morning pain went from {{.PainFrom}} to {{.PainTo}}: you can do more, and that is real progress. {{.Band}} points is the usual mark of a meaningful change, a convention; it does not raise your exercise load by itself",
				args{"Up": up, "From": v("from"), "To": v("to"), "PainFrom": v("painFrom"), "PainTo": v("painTo"), "Band": v("band")})
		}
		return w.L("{{.Up}} (from {{.From}} to {{.To}} out of 10 on average): you can do more, and that is real progress. {{.Band}} points is the usual mark of a meaningful change, a convention; it does not raise your exercise load by itself",
			args{"Up": up, "From": v("from"), "To": v("to"), "Band": v("band")})
	case program.RuleLowSteady:
		return w.L("After {{.Weeks}} weeks your baseline is {{.To}} (from {{.From}}): your pain is low and steady, with little room for a 2-point change, so keep going", args{"Weeks": v("weeks"), "From": v("from"), "To": v("to")})
	case program.RuleRedFlag:
		if r.Values["selfClearable"] == 1 {
			return w.L("On {{.Day}} you answered yes to a question that needs a clinician to look at your back first. Steady suggests no exercise until you tell it a clinician has assessed it", args{"Day": w.Day(r.At)})
		}
		return w.L("On {{.Day}} you answered yes to a question about a warning sign that needs a doctor urgently. Steady suggests no exercise until you answer the safety questions again without that sign", args{"Day": w.Day(r.At)})
	case program.RuleRescreen:
		return w.L("On {{.Day}} you reported new numbness or weakness. Please answer the safety questions again before any exercise", args{"Day": w.Day(r.At)})
	case program.RuleWalk:
		return w.L("Walking this week: {{.Minutes}} minutes {{.OnDays}}. Your goal: {{.GoalMinutes}} minutes on {{.GoalDays}} days a week, building towards {{.TargetMinutes}} minutes on {{.TargetDays}} days over the months", args{"Minutes": v("minutes"), "OnDays": w.onDays(r.Values["days"]), "GoalMinutes": v("goalMinutes"), "GoalDays": v("goalDays"), "TargetMinutes": v("targetMinutes"), "TargetDays": v("targetDays")})
	case program.RuleWalkShort:
		return w.L("Short walks of {{.ShortMin}} to {{.ShortMax}} minutes, several times a day, while your back settles. This week so far: {{.Minutes}} minutes", args{"ShortMin": v("shortMin"), "ShortMax": v("shortMax"), "Minutes": v("minutes")})
	case program.RuleMobility:
		return w.L("Gentle stretching is offered today: you said the tightness comes from sitting still, and nothing speaks against it")
	case program.RuleNoMobilityFlare:
		return w.L("No stretching in flare mode: the idea Steady follows is that the back muscles are guarding, and stretching works against that")
	case program.RuleNoMobilityCalm:
		return w.L("No stretching for the rest of today: Steady keeps to the calm-down level")
	case program.RuleNoMobilityLeg:
		return w.L("No stretching today while your leg symptoms steer the load, whatever the cause of the tightness")
	case program.RuleNoMobilityUnrated:
		return w.L("No stretching offered: rate this morning first, including why your back feels tight")
	case program.RuleNoMobilityCause:
		return w.L("No stretching today: you did not say the tightness comes from sitting still, so Steady sticks to stabilising")
	case program.RuleNoMobilityStop:
		return w.L("No exercise and no stretching until the safety questions are settled")
	}
	return string(r.Rule)
}

// reviewFunction is what a review says about function, when the user
// rates activities: it has not changed by 2 points either.
func (w words) reviewFunction(r program.Reason) string {
	if _, ok := r.Values["functionFrom"]; !ok {
		return ""
	}
	return w.L(", and the activities you named went from {{.From}} to {{.To}} out of 10 on average, less than the 2 points counted as a meaningful change", args{"From": w.num(r.Values["functionFrom"]), "To": w.num(r.Values["functionTo"])})
}

func (w words) progressEasy(r program.Reason) string {
	switch {
	case r.Values["sessions"] == 0:
		return w.L("; no session on this step yet")
	case r.Values["lastEasy"] == 0:
		return w.L("; still needed: a session that feels easy")
	}
	return ""
}

func (w words) progressUnknown(r program.Reason) string {
	if r.Values["unknown"] == 0 {
		return ""
	}
	return w.L("; {{.N}} green sessions without a next-morning rating were left out of the count", args{"N": w.num(r.Values["unknown"])})
}

// onDays is a count of days as in "on 3 days" (a whole number of days,
// as the walking rule counts them).
func (w words) onDays(n float64) string {
	return w.N("on {{.Count}} days", int(n))
}
