package explain

import (
	"strings"

	"steady/program"
)

// Mode says in a few words what kind of day the decision makes today; ""
// for an ordinary day, where the step says enough.
func Mode(d program.Decision) string {
	switch d.Mode {
	case program.Flare:
		return fill("Flare mode through {day}: calm-down exercises and short walks only, no stretching.", "day", lastDay(d.FlareUntil))
	case program.CalmDownToday:
		return "Calm-down day: today stays gentle, with the calm-down level only."
	case program.Advance:
		return "Moving on: your back has handled the last step well."
	case program.Repeat:
		return "Same dose again: your last session was a little much."
	case program.HoldSeeClinician, program.HoldProgress:
		return "Holding steady at this step for now."
	case program.RescreenStop:
		return "Exercise paused until you answer the safety questions again."
	case program.RedFlagStop:
		return "No exercise until a clinician has seen you."
	}
	return ""
}

// notable are the rules whose reasons Today shows beside the level: a
// suggestion to see a clinician or to have a review, and why.
var notable = map[program.Rule]bool{
	program.RuleSeverePain: true, program.RuleFlareLong: true, program.RuleLegPersists: true,
	program.RuleLegSevere: true, program.RuleHold: true, program.RuleHoldTightness: true,
	program.RuleCreepReview: true, program.RuleReview: true, program.RuleLegCalm: true,
	program.RuleFunctionProgress: true,
}

// Notes are the decision's suggestions beyond the level, each with its
// reason and source: seeing a clinician, a review, a leg-symptom day.
func Notes(d program.Decision) []string {
	var out []string
	if d.SeeClinician {
		out = append(out, "Steady suggests seeing a doctor or physiotherapist about your back. It cannot examine you; a clinician can.")
	}
	for _, r := range d.Explanation {
		if notable[r.Rule] {
			out = append(out, Reason(r))
		}
	}
	return out
}

// Walk is this week's walking against the goal.
func Walk(w program.WalkGoal) string {
	if w.Reason.Rule == "" {
		return ""
	}
	return Reason(w.Reason)
}

// Stop says what the user reported after "Stop — it hurts", with their own
// words.
func Stop(causes []program.StopCause, note string) string {
	var parts []string
	for _, c := range causes {
		switch c {
		case program.StopLegPain:
			parts = append(parts, "pain shooting down the leg")
		case program.StopNumbness:
			parts = append(parts, "new numbness or tingling")
		case program.StopWeakness:
			parts = append(parts, "new weakness")
		case program.StopBackPain:
			parts = append(parts, "back pain became sharp or too much")
		case program.StopOther:
			if note == "" {
				parts = append(parts, "something else")
			} else {
				parts = append(parts, "something else: "+note)
			}
		}
	}
	if len(parts) == 0 {
		if note != "" {
			return "Stopped for pain: " + note
		}
		return "Stopped for pain."
	}
	s := strings.Join(parts, "; ")
	return "Stopped for pain: " + s + "."
}

// LightMark is a session's light in a word or two, marked while it may
// still change: "green", "green (provisional)", "green (next morning
// unknown)".
func LightMark(c program.Color, final, morningUnknown bool) string {
	switch {
	case c == "":
		return ""
	case !final:
		return string(c) + " (provisional)"
	case morningUnknown:
		return string(c) + " (next morning unknown)"
	}
	return string(c)
}
