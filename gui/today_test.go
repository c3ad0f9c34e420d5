package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"steady/program"
)

// texts collects the text of every label and button under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *widget.Card:
			b.WriteString(w.Title + "\n" + w.Subtitle + "\n")
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestTodayShows(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 30, 0, 0, time.UTC) // a Tuesday
	week := make([]dayMark, 7)
	for i := range week {
		week[i].Day = now.AddDate(0, 0, i-1)
	}
	week[0] = dayMark{Day: week[0].Day, Session: true, Light: program.Green}
	base := todayModel{
		Now:       now,
		Decision:  program.Decision{Level: 2, DoseStep: 1, Mode: program.Normal, ExerciseAllowed: true},
		LevelName: "Big-3 regressions", Steps: 3, Minutes: 14 * time.Minute,
		WalkGoal: "Walk 10–15 minutes today", Week: week,
	}
	tests := []struct {
		name     string
		change   func(*todayModel)
		want     []string
		dontWant []string
	}{
		{"a normal morning", func(*todayModel) {},
			[]string{"Good morning", "Tuesday 24 November", "Morning check-in", "Level 2 · Big-3 regressions",
				"Dose step 2 of 3", "Walk 10–15 minutes today", "Start today's session  (about 14 min)",
				"Why this level?", "1 session so far"},
			[]string{"Flare mode", "cleared me"}},
		{"an afternoon without a check-in", func(m *todayModel) { m.Now = m.Now.Add(6 * time.Hour) },
			[]string{"Good afternoon", "How is your back today?", "Morning check-in"}, []string{"this morning"}},
		{"no session this week", func(m *todayModel) { m.Week[0].Session = false },
			[]string{"No sessions yet this week"}, []string{"so far"}},
		{"check-in done", func(m *todayModel) { m.MorningDone = true },
			[]string{"Start today's session"}, []string{"Morning check-in"}},
		{"after yesterday's session", func(m *todayModel) { m.AfterSession = true },
			[]string{"how your back took it"}, nil},
		{"flare", func(m *todayModel) {
			m.Decision.Mode, m.Decision.Level, m.Decision.FlareUntil = program.Flare, 0, now.AddDate(0, 0, 2)
			m.LevelName = "Calm-down"
		}, []string{"Flare mode until Thursday", "no stretching", "Level 0 · Calm-down"}, []string{"Dose step"}},
		{"clinician suggested", func(m *todayModel) { m.Decision.SeeClinician, m.Decision.SuggestReview = true, true },
			[]string{"risen two weeks running", "review your plan"}, nil},
		{"red flag: no exercise", func(m *todayModel) {
			m.Flag = program.FlagState{Raised: now.Add(-time.Hour), Tier: program.SameDay}
		}, []string{"See a doctor today.", "A clinician has cleared me to exercise", "safety questions again"},
			[]string{"Start today's session", "Level 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			m := base
			tt.change(&m)
			v := newTodayView(test.NewWindow(nil), todayActions{})
			v.show(m)
			got := texts(v.content())
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Today does not show %q; it shows:\n%s", w, got)
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(got, w) {
					t.Errorf("Today shows %q, and should not", w)
				}
			}
		})
	}
}
