package explain

import (
	"strings"

	"steady/program"
)

// Mode says in a few words what kind of day the decision makes today; ""
// for an ordinary day, where the step says enough.
func Mode(d program.Decision) string {
	w := current()
	switch d.Mode {
	case program.Flare:
		return w.L("Flare mode through {{.Day}}: calm-down exercises and short walks only, no stretching.", args{"Day": w.lastDay(d.FlareUntil)})
	case program.CalmDownToday:
		return w.L("Calm-down day: today stays gentle, with the calm-down level only.")
	case program.Advance:
		return w.L("Moving on: your back has handled the last step well.")
	case program.Repeat:
		return w.L("Same dose again: your last session was a little much.")
	case program.HoldSeeClinician, program.HoldProgress:
		return w.L("Holding steady at this step for now.")
	case program.RescreenStop:
		return w.L("Exercise paused until you answer the safety questions again.")
	case program.RedFlagStop:
		return w.L("No exercise until a clinician has seen you.")
	}
	return ""
}

// ModeName is a mode in a word or two, as the command line shows it beside
// the level: "normal", "flare mode".
func ModeName(m program.Mode) string {
	w := current()
	switch m {
	case program.Normal:
		return w.L("normal")
	case program.Advance:
		return w.L("moving on")
	case program.Repeat:
		return w.L("same dose again")
	case program.CalmDownToday:
		return w.L("calm-down day")
	case program.Flare:
		return w.L("flare mode")
	case program.HoldSeeClinician, program.HoldProgress:
		return w.L("holding steady")
	case program.Review:
		return w.L("review suggested")
	case program.RedFlagStop:
		return w.L("no exercise: warning sign")
	case program.RescreenStop:
		return w.L("no exercise: safety questions again")
	}
	return string(m)
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
		out = append(out, current().L("Steady suggests seeing a doctor or physiotherapist about your back. It cannot examine you; a clinician can."))
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
	w := current()
	var parts []string
	for _, c := range causes {
		switch c {
		case program.StopLegPain:
			parts = append(parts, w.L("pain shooting down the leg"))
		case program.StopNumbness:
			parts = append(parts, w.L("new numbness or tingling"))
		case program.StopWeakness:
			parts = append(parts, w.L("new weakness"))
		case program.StopBackPain:
			parts = append(parts, w.L("back pain became sharp or too much"))
		case program.StopOther:
			if note == "" {
				parts = append(parts, w.L("something else"))
			} else {
				parts = append(parts, w.L("something else: {{.Note}}", args{"Note": note}))
			}
		}
	}
	if len(parts) == 0 {
		if note != "" {
			return w.L("Stopped for pain: {{.What}}", args{"What": note})
		}
		return w.L("Stopped for pain.")
	}
	return w.L("Stopped for pain: {{.What}}.", args{"What": strings.Join(parts, "; ")})
}

// ColorName is a light's colour in a word: "green", "amber", "red".
func ColorName(c program.Color) string {
	w := current()
	switch c {
	case program.Green:
		return w.L("green")
	case program.Amber:
		return w.L("amber")
	case program.Red:
		return w.L("red")
	}
	return string(c)
}

// LightMark is a session's light in a word or two, marked while it may
// still change: "green", "green (provisional)", "green (next morning
// unknown)".
func LightMark(c program.Color, final, morningUnknown bool) string {
	w := current()
	switch {
	case c == "":
		return ""
	case !final:
		return w.L("{{.Color}} (provisional)", args{"Color": ColorName(c)})
	case morningUnknown:
		return w.L("{{.Color}} (next morning unknown)", args{"Color": ColorName(c)})
	}
	return ColorName(c)
}
