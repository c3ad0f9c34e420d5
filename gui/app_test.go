package gui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/explain"
	"steady/gui/keys"
	"steady/journal"
	"steady/program"
)

// newAppUI is the window on a fresh journal, the application's clock
// stopped at now.
func newAppUI(t *testing.T, now time.Time) (*UI, *journal.Store, *program.FakeClock) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("Steady")
	t.Cleanup(w.Close)
	j := openJournal(t)
	clock := program.NewFakeClock(now)
	u := New(a, w, Options{Version: "test", DataDir: t.TempDir(), Coach: coach.New(j, program.Builtin(), clock)})
	return u, j, clock
}

// overlay is the dialog on top of the window, nil if none.
func overlay(u *UI) fyne.CanvasObject { return u.win.Canvas().Overlays().Top() }

// bodyText is the text of what the window shows under its dialogs.
func bodyText(u *UI) string { return texts(u.body) }

func TestFirstRunStartsTheChosenLevel(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local)
	tests := []struct {
		name      string
		result    firstRunResult
		wantLevel int
		wantFlag  bool
		wantMode  program.Mode
	}{
		{"level 1", firstRunResult{At: now, StartLevel: 1}, 1, false, program.Normal},
		{"calm-down", firstRunResult{At: now, StartLevel: 0}, 0, false, program.Normal},
		{"flaring right now", firstRunResult{At: now, StartLevel: 0, Flaring: true}, 0, false, program.Flare},
		{"a later level", firstRunResult{At: now, StartLevel: 3}, 3, false, program.Normal},
		// Exercise waits for a clinician; the level is the recommended
		// beginning, for when it resumes.
		{"a warning sign, not yet seen", firstRunResult{At: now, StartLevel: -1,
			Answers:  map[string]bool{"leg-weakness": true},
			Referral: program.Screen(map[string]bool{"leg-weakness": true})}, 1, true, program.RedFlagStop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, j, _ := newAppUI(t, now)
			if got := u.body.Objects[0]; got == u.tabs {
				t.Fatal("a new user sees the tabs, not the first run")
			}
			u.firstRunDone(tt.result)
			st, ok, err := j.Standing()
			if err != nil || !ok || st.Level != tt.wantLevel {
				t.Errorf("standing %+v (stored %v, %v), want level %d", st, ok, err, tt.wantLevel)
			}
			flag, _ := j.Flag()
			if flag.Active() != tt.wantFlag {
				t.Errorf("red flag active %v, want %v", flag.Active(), tt.wantFlag)
			}
			if u.body.Objects[0] != u.tabs {
				t.Error("after the first run the tabs are not shown")
			}
			m, err := u.opt.Coach.DayAt(now, u.timing())
			if err != nil {
				t.Fatal(err)
			}
			if m.Decision.ExerciseAllowed == tt.wantFlag || m.Minutes <= 0 && !tt.wantFlag {
				t.Errorf("exercise allowed %v, session %v", m.Decision.ExerciseAllowed, m.Minutes)
			}
			if m.Decision.Mode != tt.wantMode {
				t.Errorf("mode %s, want %s", m.Decision.Mode, tt.wantMode)
			}
			if line := explain.Mode(m.Decision); !tt.wantFlag && line != "" && !strings.Contains(bodyText(u), line) {
				t.Errorf("Today does not say %q", line)
			}
		})
	}
}

func TestTodayReadsTheJournal(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.Local) // a Thursday
	u, j, clock := newAppUI(t, now.AddDate(0, 0, -3))
	u.firstRunDone(firstRunResult{StartLevel: 2})
	clock.AdvanceTo(now)
	yesterday := now.AddDate(0, 0, -1)
	if _, err := j.AddSession(journal.Session{Time: yesterday, Started: yesterday.Add(-15 * time.Minute),
		Level: 2, MaxPainDuring: 2, PainAfter: 1, LegSpread: program.SpreadNone, Felt: program.FeltOK}); err != nil {
		t.Fatal(err)
	}
	m, err := u.opt.Coach.DayAt(now, u.timing())
	if err != nil {
		t.Fatal(err)
	}
	if m.Decision.Level != 2 || m.Level.Name == "" || m.Steps < 2 || m.Minutes < 8*time.Minute {
		t.Errorf("level %d %q, %d steps, %v: want level 2 of the built-in routine", m.Decision.Level, m.Level.Name, m.Steps, m.Minutes)
	}
	if m.MorningDone || !m.AfterSession {
		t.Errorf("morning done %v, after a session %v; want false, true", m.MorningDone, m.AfterSession)
	}
	// The light is the one the rules give the session, not one stored with it.
	if len(m.Week) != 7 || m.Week[0].Day.Weekday() != time.Monday || m.Week[2].Sessions != 1 || m.Week[2].Light.Color != program.Green {
		t.Errorf("the week: %+v; want Monday first and Wednesday's green session", m.Week)
	}

	if _, err := j.AddEntry(journal.Entry{Time: now.Add(-time.Hour), Kind: journal.Morning, BackPain: 2, Tightness: 5,
		Cause: program.CauseInactivity, NumbWeak: true}); err != nil {
		t.Fatal(err)
	}
	m, _ = u.opt.Coach.DayAt(now, u.timing())
	if !m.MorningDone || !m.Decision.Rescreen {
		t.Errorf("after a check-in with new numbness: morning done %v, rescreen %v; want both", m.MorningDone, m.Decision.Rescreen)
	}
	// New numbness pauses exercise until the questions are answered again
	// (CLINICAL.md §7.6).
	if m.Decision.Mode != program.RescreenStop || m.Decision.ExerciseAllowed {
		t.Errorf("after a check-in with new numbness: mode %s, exercise allowed %v; want %s and no exercise",
			m.Decision.Mode, m.Decision.ExerciseAllowed, program.RescreenStop)
	}
}

func TestFinishedSessionIsSavedAndJudged(t *testing.T) {
	now := time.Date(2026, 11, 24, 18, 0, 0, 0, time.Local)
	tests := []struct {
		name      string
		result    sessionResult
		wantLight program.Color
		wantMode  program.Mode // "" for any
	}{
		{"easy going", sessionResult{MaxPainDuring: 2, PainAfter: 1, LegSpread: program.SpreadNone, Felt: program.FeltOK}, program.Green, ""},
		{"pain of 5", sessionResult{MaxPainDuring: 5, PainAfter: 3, LegSpread: program.SpreadNone, Felt: program.FeltHard}, program.Amber, ""},
		{"stopped: it hurt", sessionResult{MaxPainDuring: 7, PainAfter: 6, LegSpread: program.SpreadStayed, Felt: program.FeltHard,
			StoppedForPain: true, StopCauses: []program.StopCause{program.StopLegPain, program.StopOther}, StopNote: "a twinge"},
			program.Red, program.CalmDownToday},
		// New numbness or weakness during a session now pauses exercise
		// until the safety questions are answered again (CLINICAL.md §7.6),
		// where a red session alone means a calm-down day.
		{"stopped: it hurt, with numbness", sessionResult{MaxPainDuring: 7, PainAfter: 6, LegSpread: program.SpreadStayed, Felt: program.FeltHard,
			StoppedForPain: true, StopCauses: []program.StopCause{program.StopLegPain, program.StopNumbness}, NumbWeak: true},
			program.Red, program.RescreenStop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, j, clock := newAppUI(t, now.AddDate(0, 0, -1))
			u.firstRunDone(firstRunResult{StartLevel: 1})
			clock.AdvanceTo(now)
			u.startSession()
			if u.session == nil || u.body.Objects[0] == u.tabs {
				t.Fatal("Start did not open the session")
			}
			r := tt.result
			r.Started, r.Ended, r.Duration = now.Add(-12*time.Minute), now, 12*time.Minute
			r.Completed = []string{"brace-back"}
			u.session.onFinish(r)
			if u.session != nil || u.body.Objects[0] != u.tabs {
				t.Error("after the session the tabs are not back")
			}
			got, err := j.Sessions(time.Time{}, time.Time{})
			if err != nil || len(got) != 1 {
				t.Fatalf("sessions %v, %v; want the one (%s)", got, err, texts(overlay(u)))
			}
			s := got[0]
			if s.Light != tt.wantLight || s.Level != 1 || s.MaxPainDuring != r.MaxPainDuring ||
				s.StoppedForPain != r.StoppedForPain || !slices.Equal(s.StopCauses, r.StopCauses) || s.StopNote != r.StopNote {
				t.Errorf("saved %+v; want light %s and the ratings given", s, tt.wantLight)
			}
			// What is kept with the session is what the rules decided after
			// it, as data.
			day, err := u.opt.Coach.DayAt(r.Ended.Add(time.Second), u.timing())
			d := day.Decision
			if want := (journal.Result{Mode: d.Mode, Level: d.Level, DoseStep: d.DoseStep, Until: d.FlareUntil}); err != nil || s.Result != want {
				t.Errorf("kept result %+v, want %+v (%v)", s.Result, want, err)
			}
			if tt.wantMode != "" && (d.Mode != tt.wantMode || s.Result.Mode != tt.wantMode) {
				t.Errorf("after the session the mode is %s (kept %s), want %s", d.Mode, s.Result.Mode, tt.wantMode)
			}
			// The window tells the light in words, and what comes next.
			top := overlay(u)
			if top == nil {
				t.Fatal("no word on how the session went")
			}
			title, _ := explain.Light(program.Light{Color: tt.wantLight})
			if got := texts(top); !strings.Contains(got, title) || !strings.Contains(got, "Session saved") {
				t.Errorf("the dialog says:\n%s\nwant %q", got, title)
			}
			test.Tap(button(t, top, "OK"))
			if rescreen := tt.wantMode == program.RescreenStop; rescreen != strings.Contains(bodyText(u), "Safety questions") {
				t.Errorf("after the dialog, safety questions shown %v, want %v", !rescreen, rescreen)
			}
		})
	}
}

// steady -start opens straight into today's session, once the first run is
// done; before it, the first run comes first.
func TestStartSessionOption(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local)
	for _, known := range []bool{false, true} {
		a := test.NewTempApp(t)
		w := a.NewWindow("Steady")
		j := openJournal(t)
		if known {
			if err := j.SetStanding(program.Start(1, now.AddDate(0, 0, -2))); err != nil {
				t.Fatal(err)
			}
		}
		u := New(a, w, Options{Coach: coach.New(j, program.Builtin(), program.NewFakeClock(now)), StartSession: true})
		if got := u.session != nil; got != known {
			t.Errorf("with a level stored %v: session open %v, want %v", known, got, known)
		}
		if u.session != nil {
			u.session.close()
		}
		w.Close()
	}
}

// Coming back to Today reads the journal again only in a new hour; a change
// made through the window shows at once.
func TestTodayRefreshesWhenStale(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 10, 0, 0, time.Local)
	u, j, clock := newAppUI(t, now)
	u.firstRunDone(firstRunResult{StartLevel: 1})
	checkInShown := func() bool { return strings.Contains(texts(u.today.content()), "Morning check-in") }
	if !checkInShown() {
		t.Fatal("no check-in offered on a new morning")
	}
	// A check-in saved behind the window's back: within the hour, Today
	// is not worked out again.
	if _, err := j.AddEntry(journal.Entry{Time: now, Kind: journal.Morning, BackPain: 2, Cause: program.CauseNone}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(30 * time.Minute)
	u.tabs.SelectIndex(1)
	u.tabs.SelectIndex(0)
	if !checkInShown() {
		t.Error("Today was worked out again within the same hour")
	}
	clock.Advance(30 * time.Minute) // 09:10
	u.tabs.SelectIndex(1)
	u.tabs.SelectIndex(0)
	if checkInShown() {
		t.Error("in a new hour, Today still offers the check-in that was done")
	}
	// Through the window, a change shows at once.
	if _, err := j.DeleteEntry(now); err != nil {
		t.Fatal(err)
	}
	u.journalChanged()
	if !checkInShown() {
		t.Error("after the check-in was deleted, Today does not offer it again")
	}
}

// A check-in that reports new numbness or weakness pauses exercise and
// offers the safety questions at once, and Today says so until they are
// answered again (CLINICAL.md §7.6).
func TestNumbnessPausesExerciseUntilRescreened(t *testing.T) {
	for _, answer := range []string{"Answer the questions", "Later"} {
		t.Run(answer, func(t *testing.T) {
			now := time.Date(2026, 11, 24, 7, 0, 0, 0, time.Local)
			u, j, clock := newAppUI(t, now.AddDate(0, 0, -1))
			u.firstRunDone(firstRunResult{StartLevel: 1})
			clock.AdvanceTo(now)

			// As the Journal screen does after saving a check-in.
			done, err := u.opt.Coach.CheckIn(journal.Entry{Kind: journal.Morning, BackPain: 3, LegPain: 2, Tightness: 2,
				Cause: program.CauseNone, LegReach: program.ReachThigh, NumbWeak: true})
			if err != nil {
				t.Fatal(err)
			}
			u.checkedIn(done)
			u.journalChanged()

			if got := bodyText(u); !strings.Contains(got, "Exercise paused") || strings.Contains(got, "Start today's session") {
				t.Errorf("Today after new numbness shows:\n%s\nwant exercise paused and no session", got)
			}
			top := overlay(u)
			if top == nil || !strings.Contains(texts(top), "new numbness or weakness") {
				t.Fatal("the safety questions are not offered at once")
			}
			test.Tap(button(t, top, answer))
			if answer == "Later" {
				if strings.Contains(bodyText(u), "Safety questions") {
					t.Fatal("Later opened the safety questions")
				}
				// Today's card offers them again.
				test.Tap(button(t, u.today.content(), "Answer the safety questions again"))
			}
			if got := bodyText(u); !strings.Contains(got, "Safety questions") {
				t.Fatalf("the safety questions are not shown:\n%s", got)
			}
			// Answered again without a warning sign: exercise resumes at the
			// same level.
			test.Tap(button(t, u.body, "Continue"))
			if u.body.Objects[0] != u.tabs {
				t.Fatal("after answering, the tabs are not back")
			}
			if got := bodyText(u); strings.Contains(got, "Exercise paused") || !strings.Contains(got, "Start today's session") {
				t.Errorf("Today after the questions shows:\n%s\nwant the session back", got)
			}
			flag, _ := j.Flag()
			st, _, _ := j.Standing()
			if !flag.Screened.Equal(now) || flag.Active() || st.Level != 1 {
				t.Errorf("flag %+v, level %d; want screened now, no flag, level 1", flag, st.Level)
			}
		})
	}
}

// Settings offers the safety questions at any time; a user who answers
// them keeps their level.
func TestSettingsOffersTheSafetyQuestions(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)
	u, j, clock := newAppUI(t, now.AddDate(0, 0, -1))
	u.firstRunDone(firstRunResult{StartLevel: 3})
	clock.AdvanceTo(now)
	u.show(2)
	test.Tap(button(t, u.tabs.Selected().Content, "Answer the safety questions again"))
	if got := bodyText(u); !strings.Contains(got, "Safety questions") {
		t.Fatalf("Settings did not open the safety questions:\n%s", got)
	}
	// A "see a doctor soon" sign, not yet seen by a clinician.
	test.Tap(question(t, u.body, "cancer"))
	test.Tap(button(t, u.body, "Continue"))
	test.Tap(button(t, u.body, "Not yet — close"))
	if u.body.Objects[0] != u.tabs {
		t.Fatal("after the questions the tabs are not back")
	}
	st, _, _ := j.Standing()
	flag, _ := j.Flag()
	if st.Level != 3 || !flag.Active() || flag.Tier != program.SeeDoctorSoon {
		t.Errorf("level %d, flag %+v; want level 3 kept and a see-soon flag", st.Level, flag)
	}
	u.show(0)
	if got := bodyText(u); !strings.Contains(got, "See your doctor soon.") || !strings.Contains(got, "A clinician has cleared me to exercise") {
		t.Errorf("Today shows:\n%s\nwant the see-soon card with its clearance", got)
	}
}

// The first run's "My back is flaring up right now" starts flare mode at
// level 0 (CLINICAL.md §7.7).
func TestFirstRunFlaringStartsFlareMode(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local)
	u, j, _ := newAppUI(t, now)
	u.win.Resize(fyne.NewSize(1100, 760))
	test.Tap(button(t, u.body, "Continue")) // welcome
	test.Tap(button(t, u.body, "Continue")) // no warning sign
	find(u.body, func(r *widget.RadioGroup) bool { return true }).SetSelected(startFlare())
	test.Tap(button(t, u.body, "Start using Steady"))
	st, ok, err := j.Standing()
	if err != nil || !ok || st.Level != 0 || !st.FlareUntil.After(now) {
		t.Fatalf("standing %+v (%v, %v); want level 0 in flare mode", st, ok, err)
	}
	day, err := u.opt.Coach.Today(u.timing())
	if err != nil || day.Decision.Mode != program.Flare {
		t.Fatalf("today's mode %s (%v), want flare", day.Decision.Mode, err)
	}
	if got := bodyText(u); !strings.Contains(got, explain.Mode(day.Decision)) || !strings.Contains(got, "Level 0") {
		t.Errorf("Today shows:\n%s\nwant flare mode at level 0", got)
	}
}

// Ctrl+L logs a walk: minutes and Enter save it; a number outside 1 to
// 600 is refused.
func TestLogWalk(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.Local)
	u, _, clock := newAppUI(t, now.AddDate(0, 0, -1))
	u.firstRunDone(firstRunResult{StartLevel: 1})
	clock.AdvanceTo(now)
	u.refreshToday()
	ctrlL := &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	enter := func(text string) *keys.Entry {
		t.Helper()
		e, ok := u.win.Canvas().Focused().(*keys.Entry)
		if !ok {
			t.Fatalf("the minutes are not focused (%T)", u.win.Canvas().Focused())
		}
		e.SetText("")
		test.Type(e, text)
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		return e
	}
	walks := func() []journal.Walk {
		t.Helper()
		r, err := u.opt.Coach.Journal()
		if err != nil {
			t.Fatal(err)
		}
		return r.Walks
	}

	typeShortcut(t, u.win.Canvas(), ctrlL)
	if top := overlay(u); top == nil || !strings.Contains(texts(top), "Minutes walked") {
		t.Fatal("Ctrl+L opened no walk dialog")
	}
	for _, refused := range []string{"0", "700", "twenty"} {
		enter(refused)
		if n := len(walks()); n != 0 || overlay(u) == nil {
			t.Errorf("%q minutes: %d walks saved, dialog open %v; want it refused", refused, n, overlay(u) != nil)
		}
		if got := texts(overlay(u)); !strings.Contains(got, "Please enter the minutes you walked, 1 to 600.") {
			t.Errorf("%q minutes: the dialog does not say why:\n%s", refused, got)
		}
	}
	enter("25")
	if w := walks(); len(w) != 1 || w[0].Minutes != 25 || !w[0].Time.Equal(now) {
		t.Fatalf("walks %+v, want one of 25 minutes now", w)
	}
	if overlay(u) != nil {
		t.Error("the walk dialog is still open after saving")
	}
	if got := bodyText(u); !strings.Contains(got, "25 minutes on 1 day.") || !strings.Contains(got, "25′ walk") {
		t.Errorf("Today does not count the walk:\n%s", got)
	}
	// A new walk starts empty: this week's total is no walk's length.
	typeShortcut(t, u.win.Canvas(), ctrlL)
	if e, ok := u.win.Canvas().Focused().(*keys.Entry); !ok || e.Text != "" {
		t.Errorf("the next walk's minutes start as %q, want empty", e.Text)
	}
}

// Activities named in the first run are saved with the level; a week later
// Today offers their re-rating, and saving it takes the offer away.
func TestFirstRunActivitiesThenTodaysRerating(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local)
	u, _, clock := newAppUI(t, now)
	u.firstRunDone(firstRunResult{At: now, StartLevel: 1, Activities: []coach.NamedActivity{
		{Name: "Putting on socks", Score: 3}, {Name: "A night's sleep", Score: 5}}})
	f, err := u.opt.Coach.Function()
	if err != nil || len(f.Current) != 2 || f.Score.Average != 4 {
		t.Fatalf("after the first run: %+v, %v; want two activities averaging 4", f.Score, err)
	}
	if got := bodyText(u); strings.Contains(got, "How are your activities") || strings.Contains(got, "Track what your back makes hard") {
		t.Errorf("right after naming them Today shows:\n%s", got)
	}
	clock.AdvanceTo(now.AddDate(0, 0, 7))
	u.refreshToday()
	if got := bodyText(u); !strings.Contains(got, "How are your activities this week?") || !strings.Contains(got, "Putting on socks (last time 3)") {
		t.Fatalf("a week on Today shows:\n%s\nwant the re-rating", got)
	}
	if err := u.rateFunction(map[string]int{f.Current[0].ID: 6, f.Current[1].ID: 6}); err != nil {
		t.Fatal(err)
	}
	if f, _ := u.opt.Coach.Function(); f.Score.Average != 6 || f.Due || len(f.Ratings) != 4 {
		t.Errorf("after the re-rating: %+v, due %v, %d ratings; want an average of 6, not due, 4 ratings", f.Score, f.Due, len(f.Ratings))
	}
	if got := bodyText(u); strings.Contains(got, "How are your activities") {
		t.Errorf("after the re-rating Today still offers it:\n%s", got)
	}
}

// With no activity named, Today offers to name them.
func TestTodayOffersNaming(t *testing.T) {
	u, _, _ := newAppUI(t, time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local))
	u.firstRunDone(firstRunResult{StartLevel: 1})
	test.Tap(button(t, u.body, "Track what your back makes hard…"))
	if o := overlay(u); o == nil || !strings.Contains(texts(o), "What does your back make hard?") {
		t.Error("the offer did not open the naming form")
	}
}
