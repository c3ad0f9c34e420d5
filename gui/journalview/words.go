package journalview

import (
	"errors"
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

// A kindChoice is a kind of check-in with its name in the check-in dialog.
type kindChoice struct {
	kind  journal.Kind
	label string
}

// kindChoices are the kinds of check-in in the order offered, named in the
// user's language (the dialog compares the chosen label with these).
func kindChoices() []kindChoice {
	return []kindChoice{
		{journal.Morning, locale.L("Morning")},
		{journal.BeforeSession, locale.L("Before a session")},
		{journal.AfterSession, locale.L("After a session")},
		{journal.AnyTime, locale.L("Any time")},
	}
}

// kindName is a short name for kind, as history rows show it.
func kindName(k journal.Kind) string {
	switch k {
	case journal.Morning:
		return locale.L("Morning")
	case journal.BeforeSession:
		return locale.L("Before session")
	case journal.AfterSession:
		return locale.L("After session")
	case journal.AnyTime:
		return locale.L("Any time")
	}
	return string(k)
}

// A causeChoice is an answer to "Why tight?".
type causeChoice struct {
	cause program.Cause
	label string
	short string // in history rows
}

// causeChoices are the answers to "Why tight?", in the user's language;
// "Not tight" comes last.
func causeChoices() []causeChoice {
	return []causeChoice{
		{program.CauseInactivity, locale.L("After sitting or driving"), locale.L("after sitting")},
		{program.CausePain, locale.L("With pain or a flare"), locale.L("with pain")},
		{program.CauseNone, locale.L("Not tight"), ""},
	}
}

// A reachChoice is an answer to "How far down do leg symptoms reach?".
type reachChoice struct {
	reach program.LegReach
	label string
}

// reachChoices are the answers to "How far down do leg symptoms reach?",
// in the user's language.
func reachChoices() []reachChoice {
	return []reachChoice{
		{program.ReachNone, locale.L("None")},
		{program.ReachButtock, locale.L("Buttock")},
		{program.ReachThigh, locale.L("Thigh")},
		{program.ReachBelowKnee, locale.L("Below knee")},
		{program.ReachFoot, locale.L("Foot")},
	}
}

// entryLine is one readable line for an entry, without its note:
// "08:12 · Morning · back 3 · leg 1 · tight 4 (after sitting)".
func entryLine(e journal.Entry) string {
	tight := locale.L("tight {{.Value}}", locale.Args{"Value": e.Tightness})
	for _, c := range causeChoices() {
		if c.cause == e.Cause && c.short != "" {
			tight += " (" + c.short + ")"
		}
	}
	parts := []string{locale.Current().Time(e.Time), kindName(e.Kind),
		locale.L("back {{.Value}}", locale.Args{"Value": e.BackPain}),
		locale.L("leg {{.Value}}", locale.Args{"Value": e.LegPain}), tight}
	switch e.LegReach {
	case program.ReachButtock:
		parts = append(parts, locale.L("leg symptoms to the buttock"))
	case program.ReachThigh:
		parts = append(parts, locale.L("leg symptoms to the thigh"))
	case program.ReachBelowKnee:
		parts = append(parts, locale.L("leg symptoms below the knee"))
	case program.ReachFoot:
		parts = append(parts, locale.L("leg symptoms to the foot"))
	}
	if e.NumbWeak {
		parts = append(parts, locale.L("new numbness or weakness"))
	}
	return strings.Join(parts, " · ")
}

// sessionLine is one readable line for a session:
// "17:40 · Session · Level 2, step 1 · 14 min · pain during 3 · felt OK · green".
func sessionLine(s journal.Session) string {
	parts := []string{locale.Current().Time(s.Time), locale.L("Session"), levelName(s.Level, s.DoseStep, s.Flare)}
	if s.Duration > 0 {
		parts = append(parts, locale.L("{{.Minutes}} min", locale.Args{"Minutes": int(s.Duration.Round(time.Minute) / time.Minute)}))
	}
	parts = append(parts, locale.L("pain during {{.Value}}", locale.Args{"Value": s.MaxPainDuring}))
	switch s.Felt {
	case program.FeltEasy:
		parts = append(parts, locale.L("felt easy"))
	case program.FeltOK:
		parts = append(parts, locale.L("felt OK"))
	case program.FeltHard:
		parts = append(parts, locale.L("felt hard"))
	}
	if s.StoppedForPain {
		parts = append(parts, locale.L("stopped for pain"))
	}
	if s.NumbWeak {
		parts = append(parts, locale.L("new numbness or weakness"))
	}
	if s.Light != "" {
		parts = append(parts, explain.LightMark(s.Light, s.Final, s.MorningUnknown))
	}
	return strings.Join(parts, " · ")
}

// walkLine is one readable line for a logged walk: "12:30 · Walk · 20 min".
func walkLine(w journal.Walk) string {
	return locale.L("{{.Time}} · Walk · {{.Minutes}} min", locale.Args{"Time": locale.Current().Time(w.Time), "Minutes": w.Minutes})
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
	l := locale.Current()
	data := locale.Args{"Weekday": l.Weekday(day.Weekday()), "Day": day.Day(), "Month": l.Month(day.Month()), "Year": day.Year()}
	if day.Year() == now.Year() {
		return locale.L("{{.Weekday}} {{.Day}} {{.Month}}", data)
	}
	return locale.L("{{.Weekday}} {{.Day}} {{.Month}} {{.Year}}", data)
}

// dayTime is a day and time as the check-in dialog and the undo bar name
// an entry: "2 January, 15:04".
func dayTime(t time.Time) string {
	l := locale.Current()
	return locale.L("{{.Day}} {{.Month}}, {{.Clock}}", locale.Args{"Day": t.Day(), "Month": l.Month(t.Month()), "Clock": l.Time(t)})
}

// SaveProblem says in plain words why what could not be saved: a full disk
// and a folder that cannot be written to are named as such; anything else
// comes with the system's own words. what is already in the user's
// language, written as the object of "save" ("this check-in").
func SaveProblem(what string, err error) string {
	data := locale.Args{"What": what}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return locale.L("Steady could not save {{.What}}: the disk is full. Free some space, then try again.", data)
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return locale.L("Steady could not save {{.What}}: the folder of your journal cannot be written to.", data)
	}
	data["Error"] = err.Error()
	return locale.L("Steady could not save {{.What}}: {{.Error}}", data)
}

// ratingLine is one activity rating as the history lists it.
func ratingLine(name string, r journal.FunctionRating) string {
	return locale.L("{{.Time}} · What you can do · {{.Activity}}: {{.Score}} / 10",
		locale.Args{"Time": locale.Current().Time(r.Time), "Activity": name, "Score": r.Score})
}
