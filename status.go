package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"steady/coach"
	"steady/explain"
	"steady/program"
)

// statusCmd prints today's decision as the window would show it, from the
// same application layer: steady status [-at TIME] [-format text|json].
func statusCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("status", "[-at TIME] [-format text|json] [-routine FILE]", stderr)
	at := fs.String("at", "", "apply the rules as of `TIME` (RFC 3339), as opening the window then would")
	format := fs.String("format", "text", "text or json")
	routineFile := fs.String("routine", "", "follow the routine in `FILE` instead of the built-in one")
	if status, ok := parse(fs, args, 0, stderr); !ok {
		return status
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "steady status: -format %q: want text or json\n", *format)
		return exitUsage
	}
	when := program.SystemClock{}.Now()
	if *at != "" {
		t, err := time.Parse(time.RFC3339, *at)
		if err != nil {
			fmt.Fprintf(stderr, "steady status: -at %q is not an RFC 3339 time such as 2026-12-05T08:00:00+01:00\n", *at)
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
		fmt.Fprintln(stderr, "steady status: open Steady once to answer the safety questions")
		return exitFail
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady status:", err)
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
		fmt.Fprintln(stderr, "steady status:", err)
		return exitFail
	}
	return exitOK
}

// statusText is the status for a person at a terminal.
func statusText(s coach.Status) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s\n", explain.Day(s.At), s.At.Format("15:04"))
	switch {
	case s.RescreenRequired:
		b.WriteString("Exercise paused: answer the safety questions again in Steady.\n")
	case !s.ExerciseAllowed:
		b.WriteString("No exercise until a clinician has seen you.\n")
	default:
		fmt.Fprintf(&b, "Today: level %d, dose step %d of %d (%s)\n", s.Level, s.DoseStep+1, max(s.DoseSteps, 1), s.Mode)
		fmt.Fprintf(&b, "Session: %s\n", strings.Join(s.Items, ", "))
	}
	if s.MobilityOffered {
		b.WriteString("Gentle mobility work is offered today.\n")
	}
	if s.SeeClinician {
		b.WriteString("Steady suggests seeing a clinician (see why below).\n")
	}
	if s.SuggestReview {
		b.WriteString("Steady suggests a review with a clinician (see why below).\n")
	}
	if w := s.Walking; w.Short {
		fmt.Fprintf(&b, "Walking this week: %d minutes; short walks several times a day for now\n", w.WeekMinutes)
	} else if w.GoalMinutes > 0 {
		fmt.Fprintf(&b, "Walking this week: %d minutes on %d days; goal %d minutes on %d days a week\n", w.WeekMinutes, w.WeekDays, w.GoalMinutes, w.GoalDays)
	}
	if l := s.LastSession; l != nil {
		state := "final"
		if !l.Final {
			state = "provisional until the next morning's check-in"
		}
		fmt.Fprintf(&b, "Last session: %s %s, %s (%s)\n", explain.Day(l.Time), l.Time.Format("15:04"), l.Light, state)
	}
	b.WriteString("Why:\n")
	for _, r := range s.Reasons {
		fmt.Fprintf(&b, "  - %s\n", r.Text)
	}
	return b.String()
}
