package journalview

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"syscall"
	"time"

	"steady/explain"
	"steady/journal"
	"steady/locale"
	"steady/program"
)

// ratingsOf turns journal entries into the chart's ratings, oldest first.
func ratingsOf(entries []journal.Entry) []rating {
	rs := make([]rating, 0, len(entries))
	for _, e := range entries {
		rs = append(rs, rating{at: e.Time, back: e.BackPain, leg: e.LegPain, tightness: e.Tightness, morning: e.Kind == journal.Morning})
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].at.Before(rs[j].at) })
	return rs
}

// sessionTimes are the times sessions ended, oldest first.
func sessionTimes(sessions []journal.Session) []time.Time {
	ts := make([]time.Time, 0, len(sessions))
	for _, s := range sessions {
		ts = append(ts, s.Time)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	return ts
}

// kindChoices are the kinds of check-in in the order offered, with their
// names in the check-in dialog.
var kindChoices = []struct {
	kind  journal.Kind
	label string
}{
	{journal.Morning, "Morning"},
	{journal.BeforeSession, "Before a session"},
	{journal.AfterSession, "After a session"},
	{journal.AnyTime, "Any time"},
}

// kindName is a short name for kind, as history rows show it.
func kindName(k journal.Kind) string {
	switch k {
	case journal.Morning:
		return "Morning"
	case journal.BeforeSession:
		return "Before session"
	case journal.AfterSession:
		return "After session"
	case journal.AnyTime:
		return "Any time"
	}
	return string(k)
}

// causeChoices are the answers to "Why tight?".
var causeChoices = []struct {
	cause program.Cause
	label string
	short string // in history rows
}{
	{program.CauseInactivity, "After sitting or driving", "after sitting"},
	{program.CausePain, "With pain or a flare", "with pain"},
	{program.CauseNone, "Not tight", ""},
}

// reachChoices are the answers to "How far down do leg symptoms reach?".
var reachChoices = []struct {
	reach program.LegReach
	label string
}{
	{program.ReachNone, "None"},
	{program.ReachButtock, "Buttock"},
	{program.ReachThigh, "Thigh"},
	{program.ReachBelowKnee, "Below knee"},
	{program.ReachFoot, "Foot"},
}

// entryLine is one readable line for an entry, without its note:
// "08:12 · Morning · back 3 · leg 1 · tight 4 (after sitting)".
func entryLine(e journal.Entry) string {
	tight := fmt.Sprintf("tight %d", e.Tightness)
	for _, c := range causeChoices {
		if c.cause == e.Cause && c.short != "" {
			tight += " (" + c.short + ")"
		}
	}
	parts := []string{e.Time.Format("15:04"), kindName(e.Kind),
		fmt.Sprintf("back %d", e.BackPain), fmt.Sprintf("leg %d", e.LegPain), tight}
	switch e.LegReach {
	case program.ReachButtock:
		parts = append(parts, "leg symptoms to the buttock")
	case program.ReachThigh:
		parts = append(parts, "leg symptoms to the thigh")
	case program.ReachBelowKnee:
		parts = append(parts, "leg symptoms below the knee")
	case program.ReachFoot:
		parts = append(parts, "leg symptoms to the foot")
	}
	if e.NumbWeak {
		parts = append(parts, "new numbness or weakness")
	}
	return strings.Join(parts, " · ")
}

// sessionLine is one readable line for a session:
// "17:40 · Session · Level 2, step 1 · 14 min · pain during 3 · felt OK · green".
func sessionLine(s journal.Session) string {
	parts := []string{s.Time.Format("15:04"), "Session", levelName(s.Level, s.DoseStep, s.Flare)}
	if s.Duration > 0 {
		parts = append(parts, fmt.Sprintf("%d min", int(s.Duration.Round(time.Minute)/time.Minute)))
	}
	parts = append(parts, fmt.Sprintf("pain during %d", s.MaxPainDuring))
	switch s.Felt {
	case program.FeltEasy:
		parts = append(parts, "felt easy")
	case program.FeltOK:
		parts = append(parts, "felt OK")
	case program.FeltHard:
		parts = append(parts, "felt hard")
	}
	if s.StoppedForPain {
		parts = append(parts, "stopped for pain")
	}
	if s.NumbWeak {
		parts = append(parts, "new numbness or weakness")
	}
	if s.Light != "" {
		parts = append(parts, explain.LightMark(s.Light, s.Final, s.MorningUnknown))
	}
	return strings.Join(parts, " · ")
}

// walkLine is one readable line for a logged walk: "12:30 · Walk · 20 min".
func walkLine(w journal.Walk) string {
	return fmt.Sprintf("%s · Walk · %d min", w.Time.Format("15:04"), w.Minutes)
}

// levelName names a level and dose step as the user sees them (steps
// count from 1).
func levelName(level, step int, flare bool) string {
	data := locale.Args{"Level": level, "Step": step + 1}
	if flare {
		return locale.L("Level {{.Level}}, step {{.Step}} (flare mode)", data)
	}
	return locale.L("Level {{.Level}}, step {{.Step}}", data)
}

// dayHeader is a history day heading, with the year only when it is not
// this year: "Tuesday 24 November", "Monday 3 March 2025".
func dayHeader(day, now time.Time) string {
	if day.Year() == now.Year() {
		return day.Format("Monday 2 January")
	}
	return day.Format("Monday 2 January 2006")
}

// SaveProblem says in plain words why what could not be saved: a full disk
// and a folder that cannot be written to are named as such; anything else
// comes with the system's own words.
func SaveProblem(what string, err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "Steady could not save " + what + ": the disk is full. Free some space, then try again."
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return "Steady could not save " + what + ": the folder of your journal cannot be written to."
	}
	return "Steady could not save " + what + ": " + err.Error()
}

// ratingLine is one activity rating as the history lists it.
func ratingLine(name string, r journal.FunctionRating) string {
	return fmt.Sprintf("%s · What you can do · %s: %d / 10", r.Time.Format("15:04"), name, r.Score)
}
