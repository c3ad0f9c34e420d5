package gui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/gui/journalview"
	"steady/gui/keys"
	"steady/journal"
	"steady/program"
)

// texts collects every text under o a reader sees: labels, buttons, cards,
// drawn and rich texts, check boxes, links, choices, placeholders and form
// labels.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *keys.Button:
			b.WriteString(w.Text + "\n")
		case *widget.Card:
			b.WriteString(w.Title + "\n" + w.Subtitle + "\n")
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *widget.Check:
			b.WriteString(w.Text + "\n")
		case *widget.Hyperlink:
			b.WriteString(w.Text + "\n")
		case *widget.RadioGroup:
			b.WriteString(strings.Join(w.Options, "\n") + "\n")
		case *widget.Select:
			b.WriteString(w.PlaceHolder + "\n" + strings.Join(w.Options, "\n") + "\n")
		case *widget.Entry:
			b.WriteString(w.PlaceHolder + "\n")
		case *keys.Entry:
			b.WriteString(w.PlaceHolder + "\n")
		case *widget.Form:
			for _, it := range w.Items {
				b.WriteString(it.Text + "\n")
			}
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
	week := make([]coach.DayMark, 7)
	for i := range week {
		week[i].Day = now.AddDate(0, 0, i-1)
	}
	week[0].Sessions, week[0].Light = 1, program.Light{Color: program.Green, Final: true}
	week[0].WalkMinutes = 20
	walk := program.WalkGoal{Minutes: 20, Days: 1, GoalMinutes: 15, GoalDays: 3,
		Reason: program.Reason{Rule: program.RuleWalk, Source: program.SourceWalking, Values: map[string]float64{
			"minutes": 20, "days": 1, "goalMinutes": 15, "goalDays": 3, "targetMinutes": 30, "targetDays": 5}}}
	base := coach.Day{
		Now:      now,
		Started:  true,
		Decision: program.Decision{Level: 2, DoseStep: 1, Mode: program.Normal, ExerciseAllowed: true, Walk: walk},
		Level:    program.Level{Number: 2, Name: "Big-3 regressions"}, Steps: 3, Minutes: 14 * time.Minute,
		Week: week,
	}
	tests := []struct {
		name     string
		change   func(*coach.Day)
		want     []string
		dontWant []string
	}{
		{"a normal morning", func(*coach.Day) {},
			[]string{"Good morning", "Tuesday 24 November", "Morning check-in", "Level 2 · Big-3 regressions",
				"Dose step 2 of 3", "Start today's session  (about 14 min)", "Why this level?", "1 session so far"},
			[]string{"Flare mode", "cleared me", "Exercise paused"}},
		{"walking", func(*coach.Day) {},
			[]string{"Walking", "Walking this week: 20 minutes on 1 day. Your goal: 15 minutes on 3 days a week",
				"Log a walk  (Ctrl+L)"}, nil},
		{"an afternoon without a check-in", func(m *coach.Day) { m.Now = m.Now.Add(6 * time.Hour) },
			[]string{"Good afternoon", "How is your back today?", "Morning check-in"}, []string{"this morning"}},
		{"no session this week", func(m *coach.Day) { m.Week = slices.Clone(m.Week); m.Week[0].Sessions = 0 },
			[]string{"No sessions yet this week"}, []string{"so far"}},
		{"check-in done", func(m *coach.Day) { m.MorningDone = true },
			[]string{"Start today's session"}, []string{"Morning check-in"}},
		{"after yesterday's session", func(m *coach.Day) { m.AfterSession = true },
			[]string{"how your back took it"}, nil},
		{"flare", func(m *coach.Day) {
			m.Decision.Mode, m.Decision.Level, m.Decision.FlareUntil = program.Flare, 0, now.AddDate(0, 0, 2)
			m.Level = program.Level{Number: 0, Name: "Calm-down"}
		}, []string{"Flare mode through Thu 26 Nov", "no stretching", "Level 0 · Calm-down"}, []string{"Dose step"}},
		{"clinician suggested", func(m *coach.Day) {
			m.Decision.SeeClinician, m.Decision.SuggestReview = true, true
			m.Decision.Explanation = []program.Reason{{Rule: program.RuleCreepReview, Source: program.SourceSteady,
				Values: map[string]float64{"mean": 5, "anchor": 3, "days": 14}}}
		}, []string{"Steady suggests seeing a doctor or physiotherapist", "a review with a clinician may find a better plan"}, nil},
		// Exercise pauses after new numbness or weakness until the safety
		// questions are answered again (CLINICAL.md §7.6).
		{"new numbness: exercise paused", func(m *coach.Day) {
			m.Decision.Mode, m.Decision.Rescreen, m.Decision.ExerciseAllowed = program.RescreenStop, true, false
			m.MorningDone = true
		}, []string{"Exercise paused", "new numbness or weakness", "Answer the safety questions again", "Walking"},
			[]string{"Start today's session", "Level 2", "cleared me"}},
		// No "cleared me" shortcut for a same-day or emergency sign
		// (CLINICAL.md §7.6): only the safety questions, answered again.
		{"same-day sign: no exercise, no shortcut", func(m *coach.Day) {
			m.Flag = program.FlagState{Raised: now.Add(-time.Hour), Tier: program.SameDay}
		}, []string{"See a doctor today.", "safety questions again"},
			[]string{"Start today's session", "Level 2", "A clinician has cleared me to exercise"}},
		{"emergency sign: no exercise, no shortcut", func(m *coach.Day) {
			m.Flag = program.FlagState{Raised: now.Add(-time.Hour), Tier: program.EmergencyNow}
		}, []string{"Get medical help now.", "safety questions again"},
			[]string{"Start today's session", "Level 2", "A clinician has cleared me to exercise"}},
		{"see-soon sign: a clinician may clear it", func(m *coach.Day) {
			m.Flag = program.FlagState{Raised: now.Add(-time.Hour), Tier: program.SeeDoctorSoon}
		}, []string{"See your doctor soon.", "A clinician has cleared me to exercise", "safety questions again"},
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

// The week strip marks a day's walk beside its session.
func TestTodayWeekShowsWalks(t *testing.T) {
	test.NewTempApp(t)
	now := time.Date(2026, 11, 24, 8, 30, 0, 0, time.UTC)
	mark := coach.DayMark{Day: now, WalkMinutes: 25}
	got := find(dayBadge(mark, true), func(c *canvas.Text) bool { return c.Text != "" && c.Text != "Tue" })
	if got == nil || got.Text != "25′ walk" {
		t.Errorf("the day's badge shows %v, want \"25′ walk\"", got)
	}
}

// The buttons of Today's cards do what they say.
func TestTodayButtons(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		day    coach.Day
		button string
		want   string
	}{
		{"exercise paused", coach.Day{Now: now, Started: true, Decision: program.Decision{Mode: program.RescreenStop, Rescreen: true}},
			"Answer the safety questions again", "rescreen"},
		{"same-day sign", coach.Day{Now: now, Started: true, Flag: program.FlagState{Raised: now, Tier: program.SameDay}},
			"Answer the safety questions again", "rescreen"},
		{"walking", coach.Day{Now: now, Started: true, MorningDone: true}, "Log a walk  (Ctrl+L)", "logWalk"},
		{"check-in", coach.Day{Now: now, Started: true}, "Morning check-in", "checkIn"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			var called []string
			note := func(what string) func() { return func() { called = append(called, what) } }
			v := newTodayView(test.NewWindow(nil), todayActions{checkIn: note("checkIn"), start: note("start"),
				cleared: note("cleared"), rescreen: note("rescreen"), logWalk: note("logWalk")})
			v.show(tc.day)
			test.Tap(button(t, v.content(), tc.button))
			if !slices.Equal(called, []string{tc.want}) {
				t.Errorf("tapping %q called %v, want [%s]", tc.button, called, tc.want)
			}
		})
	}
}

// The activities on Today: a re-rating card when one is due, rated from the
// keyboard and saved with Enter; a quiet offer to name them when there are
// none; nothing when they are named and rated this week.
func TestTodayFunction(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 30, 0, 0, time.UTC)
	named := coach.Function{
		Current: []journal.Activity{{ID: "a1", Name: "Putting on socks"}, {ID: "a2", Name: "A 30-minute walk"}},
		Score: program.Function{Named: true, Rated: true, Activities: []program.ActivityChange{
			{ID: "a1", First: 3, Latest: 5}, {ID: "a2", First: 4, Latest: 4}}},
	}
	due := named
	due.Due = true

	t.Run("due", func(t *testing.T) {
		test.NewTempApp(t)
		var saved []map[string]int
		w := test.NewWindow(nil)
		v := newTodayView(w, todayActions{rateFunction: func(s map[string]int) error { saved = append(saved, s); return nil }})
		w.SetContent(v.content())
		v.show(coach.Day{Now: now, Started: true, MorningDone: true, Function: due})
		got := texts(v.content())
		for _, want := range []string{"How are your activities this week?", "Putting on socks (last time 5)", "A 30-minute walk (last time 4)", "Save ratings"} {
			if !strings.Contains(got, want) {
				t.Errorf("Today does not show %q; it shows:\n%s", want, got)
			}
		}
		if strings.Contains(got, "Track what your back makes hard") {
			t.Error("Today offers to name activities that are named")
		}
		var scales []*journalview.Scale
		search(v.content(), func(s *journalview.Scale) bool { scales = append(scales, s); return false })
		if len(scales) != 2 {
			t.Fatalf("%d scales on Today, want one per activity", len(scales))
		}
		w.Canvas().Focus(scales[0])
		test.Type(scales[0], "7")
		w.Canvas().Focus(scales[1])
		test.Type(scales[1], "6")
		scales[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if len(saved) != 1 || saved[0]["a1"] != 7 || saved[0]["a2"] != 6 {
			t.Errorf("Enter saved %v, want socks 7 and the walk 6", saved)
		}
		if f := w.Canvas().Focused(); f != nil {
			t.Errorf("after the save %T keeps the focus; another Enter would save again", f)
		}
	})
	t.Run("none named", func(t *testing.T) {
		test.NewTempApp(t)
		called := 0
		v := newTodayView(test.NewWindow(nil), todayActions{nameActivities: func() { called++ }})
		v.show(coach.Day{Now: now, Started: true, MorningDone: true})
		if strings.Contains(texts(v.content()), "How are your activities") {
			t.Error("Today offers a re-rating with no activity named")
		}
		test.Tap(button(t, v.content(), "Track what your back makes hard…"))
		if called != 1 {
			t.Errorf("the naming offer called nameActivities %d times, want 1", called)
		}
	})
	t.Run("rated this week", func(t *testing.T) {
		test.NewTempApp(t)
		v := newTodayView(test.NewWindow(nil), todayActions{})
		v.show(coach.Day{Now: now, Started: true, MorningDone: true, Function: named})
		got := texts(v.content())
		if strings.Contains(got, "How are your activities") || strings.Contains(got, "Track what your back makes hard") {
			t.Errorf("with the activities rated this week Today shows:\n%s", got)
		}
	})
}
