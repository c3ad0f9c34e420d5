package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"steady/coach"
	"steady/explain"
	"steady/locale"
	"steady/program"
)

// statusCmd prints today's decision as the window would show it, from the
// same application layer: steady status [-at TIME] [-format text|json].
func statusCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("status", "[-at TIME] [-format text|json] [-routine FILE]", stderr)
	at := fs.String("at", "", locale.L("apply the rules as of `TIME` (RFC 3339), as opening the window then would"))
	format := fs.String("format", "text", locale.L("text or json"))
	routineFile := fs.String("routine", "", locale.L("follow the routine in `FILE` instead of the built-in one"))
	if status, ok := parse(fs, args, 0, stderr); !ok {
		return status
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintln(stderr, "steady status:", locale.L("-format {{.Format}}: want text or json", locale.Args{"Format": strconv.Quote(*format)}))
		return exitUsage
	}
	when := program.SystemClock{}.Now()
	if *at != "" {
		t, err := time.Parse(time.RFC3339, *at)
		if err != nil {
			fmt.Fprintln(stderr, "steady status:", locale.L("-at {{.Time}} is not an RFC 3339 time such as 2026-12-05T08:00:00+01:00", locale.Args{"Time": strconv.Quote(*at)}))
			return exitUsage
		}
		when = t
	}
	routine, err := loadRoutine(e.path(*routineFile))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	j, release, ok := e.journal(stderr)
	if !ok {
		return exitFail
	}
	defer release()
	s, err := coach.New(j, routine, program.SystemClock{}).Status(when, coach.DefaultTiming())
	if errors.Is(err, coach.ErrNotStarted) {
		fmt.Fprintln(stderr, "steady status:", locale.L("open Steady once to answer the safety questions"))
		return exitFail
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady status:", problem(err))
		return exitFail
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(s)
	} else {
		_, err = io.WriteString(stdout, statusText(s))
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady status:", problem(err))
		return exitFail
	}
	return exitOK
}

// statusText is the status for a person at a terminal, in the user's
// language.
func statusText(s coach.Status) string {
	l := locale.Current()
	var b strings.Builder
	line := func(text string) { b.WriteString(text + "\n") }
	b.WriteString(explain.Day(s.At) + ", " + l.Time(s.At) + "\n")
	switch {
	case s.RescreenRequired:
		line(l.L("Exercise paused: answer the safety questions again in Steady."))
	case !s.ExerciseAllowed:
		line(l.L("No exercise until a clinician has seen you."))
	default:
		line(l.L("Today: level {{.Level}}, dose step {{.Step}} of {{.Steps}} ({{.Mode}})", locale.Args{
			"Level": s.Level, "Step": s.DoseStep + 1, "Steps": max(s.DoseSteps, 1), "Mode": explain.ModeName(s.Mode)}))
		line(l.L("Session: {{.Items}}", locale.Args{"Items": strings.Join(s.Items, ", ")}))
	}
	if s.MobilityOffered {
		line(l.L("Gentle mobility work is offered today."))
	}
	if s.SeeClinician {
		line(l.L("Steady suggests seeing a clinician (see why below)."))
	}
	if s.SuggestReview {
		line(l.L("Steady suggests a review with a clinician (see why below)."))
	}
	if w := s.Walking; w.Short {
		line(l.L("Walking this week: {{.Minutes}}; short walks several times a day for now",
			locale.Args{"Minutes": l.N("{{.Count}} minutes", w.WeekMinutes)}))
	} else if w.GoalMinutes > 0 {
		line(l.L("Walking this week: {{.Minutes}} {{.OnDays}}; goal {{.GoalMinutes}} {{.GoalOnDays}} a week", locale.Args{
			"Minutes": l.N("{{.Count}} minutes", w.WeekMinutes), "OnDays": l.N("on {{.Count}} days", w.WeekDays),
			"GoalMinutes": l.N("{{.Count}} minutes", w.GoalMinutes), "GoalOnDays": l.N("on {{.Count}} days", w.GoalDays)}))
	}
	if f := s.Function; f != nil {
		meaningful := l.L("less than the 2 points counted as meaningful")
		if f.Meaningful {
			meaningful = l.L("a meaningful change (2 points or more, a convention)")
		}
		line(l.L("Function: {{.Average}} out of 10 on average, from {{.First}}: {{.Meaningful}}", locale.Args{
			"Average": explain.Number(f.Average), "First": explain.Number(f.FirstAverage), "Meaningful": meaningful}))
	}
	if ls := s.LastSession; ls != nil {
		state := l.L("final")
		if !ls.Final {
			state = l.L("provisional until the next morning's check-in")
		}
		line(l.L("Last session: {{.Day}} {{.Time}}, {{.Light}} ({{.State}})", locale.Args{
			"Day": explain.Day(ls.Time), "Time": l.Time(ls.Time), "Light": explain.ColorName(ls.Light), "State": state}))
	}
	line(l.L("Why:"))
	for _, r := range s.Why {
		b.WriteString("  - " + r + "\n")
	}
	return b.String()
}
