package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"steady/journal"
	"steady/program"
)

// newAppUI is the window on a fresh journal, with the clock at now.
func newAppUI(t *testing.T, now time.Time) (*UI, *journal.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("Steady")
	t.Cleanup(w.Close)
	j := openJournal(t)
	u := New(a, w, Options{Version: "test", DataDir: t.TempDir(), Journal: j, Routine: program.Builtin(),
		Now: func() time.Time { return now }, Clock: program.NewFakeClock(now)})
	return u, j
}

func TestFirstRunStartsTheChosenLevel(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local)
	tests := []struct {
		name      string
		result    firstRunResult
		wantLevel int
		wantFlag  bool
	}{
		{"level 1", firstRunResult{At: now, StartLevel: 1}, 1, false},
		{"calm-down", firstRunResult{At: now, StartLevel: 0}, 0, false},
		{"a later level", firstRunResult{At: now, StartLevel: 3}, 3, false},
		{"a warning sign, not yet seen", firstRunResult{At: now, StartLevel: -1,
			Referral: program.Referral{Tier: program.SameDay, Flags: []string{"one-leg-weak"}}}, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, j := newAppUI(t, now)
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
			m, err := u.todayModel(now)
			if err != nil {
				t.Fatal(err)
			}
			if m.Decision.ExerciseAllowed == tt.wantFlag || m.Minutes <= 0 && !tt.wantFlag {
				t.Errorf("exercise allowed %v, session %v", m.Decision.ExerciseAllowed, m.Minutes)
			}
		})
	}
}

func TestTodayModelReadsTheJournal(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.Local) // a Thursday
	u, j := newAppUI(t, now)
	u.firstRunDone(firstRunResult{At: now.AddDate(0, 0, -3), StartLevel: 2})
	yesterday := now.AddDate(0, 0, -1)
	if _, err := j.AddSession(journal.Session{Time: yesterday, Started: yesterday.Add(-15 * time.Minute),
		Level: 2, MaxPainDuring: 2, PainAfter: 1, LegSpread: program.SpreadNone, Felt: program.FeltOK,
		Light: program.Green}); err != nil {
		t.Fatal(err)
	}
	m, err := u.todayModel(now)
	if err != nil {
		t.Fatal(err)
	}
	if m.Decision.Level != 2 || m.LevelName == "" || m.Steps < 2 || m.Minutes < 8*time.Minute {
		t.Errorf("level %d %q, %d steps, %v: want level 2 of the built-in routine", m.Decision.Level, m.LevelName, m.Steps, m.Minutes)
	}
	if m.MorningDone || !m.AfterSession {
		t.Errorf("morning done %v, after a session %v; want false, true", m.MorningDone, m.AfterSession)
	}
	if len(m.Week) != 7 || m.Week[0].Day.Weekday() != time.Monday || !m.Week[2].Session || m.Week[2].Light != program.Green {
		t.Errorf("the week: %+v; want Monday first and Wednesday's green session", m.Week)
	}

	if _, err := j.AddEntry(journal.Entry{Time: now.Add(-time.Hour), Kind: journal.Morning, BackPain: 2, Tightness: 5,
		Cause: program.CauseInactivity, NumbWeak: true}); err != nil {
		t.Fatal(err)
	}
	m, _ = u.todayModel(now)
	if !m.MorningDone || !m.Decision.Rescreen {
		t.Errorf("after a check-in with new numbness: morning done %v, rescreen %v; want both", m.MorningDone, m.Decision.Rescreen)
	}
}

func TestFinishedSessionIsSavedAndJudged(t *testing.T) {
	now := time.Date(2026, 11, 24, 18, 0, 0, 0, time.Local)
	tests := []struct {
		name      string
		result    sessionResult
		wantLight program.Color
	}{
		{"easy going", sessionResult{MaxPainDuring: 2, PainAfter: 1, LegSpread: program.SpreadNone, Felt: program.FeltOK}, program.Green},
		{"pain of 5", sessionResult{MaxPainDuring: 5, PainAfter: 3, LegSpread: program.SpreadNone, Felt: program.FeltHard}, program.Amber},
		{"stopped: it hurt", sessionResult{MaxPainDuring: 7, PainAfter: 6, LegSpread: program.SpreadStayed, Felt: program.FeltHard,
			StoppedForPain: true, StopCauses: []program.StopCause{program.StopLegPain}, NumbWeak: true}, program.Red},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, j := newAppUI(t, now)
			u.firstRunDone(firstRunResult{At: now.AddDate(0, 0, -1), StartLevel: 1})
			u.startSession()
			if u.session == nil || u.body.Objects[0] == u.tabs {
				t.Fatal("Start did not open the session")
			}
			r := tt.result
			r.Started, r.Ended, r.Duration = now, now.Add(12*time.Minute), 12*time.Minute
			r.Completed = []string{"brace-back"}
			u.session.onFinish(r)
			if u.session != nil || u.body.Objects[0] != u.tabs {
				t.Error("after the session the tabs are not back")
			}
			got, err := j.Sessions(time.Time{}, time.Time{})
			if err != nil || len(got) != 1 {
				t.Fatalf("sessions %v, %v; want the one", got, err)
			}
			s := got[0]
			if s.Light != tt.wantLight || s.Level != 1 || s.MaxPainDuring != r.MaxPainDuring ||
				s.StoppedForPain != r.StoppedForPain || s.StopReason != stopReason(r.StopCauses, r.StopNote) {
				t.Errorf("saved %+v; want light %s and the ratings given", s, tt.wantLight)
			}
			// What is kept with the session is what the rules decided after it.
			d, _, err := u.decide(r.Ended.Add(time.Second))
			if err != nil || s.Result != nextTimeText(d) {
				t.Errorf("kept result %q, want %q (%v)", s.Result, nextTimeText(d), err)
			}
			if tt.wantLight == program.Red && d.Mode != program.CalmDownToday {
				t.Errorf("after a red session the mode is %s, want %s", d.Mode, program.CalmDownToday)
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
		u := New(a, w, Options{Journal: j, Routine: program.Builtin(), StartSession: true,
			Now: func() time.Time { return now }, Clock: program.NewFakeClock(now)})
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
	a := test.NewTempApp(t)
	w := a.NewWindow("Steady")
	t.Cleanup(w.Close)
	j := openJournal(t)
	u := New(a, w, Options{Journal: j, Routine: program.Builtin(),
		Now: func() time.Time { return now }, Clock: program.NewFakeClock(now)})
	u.firstRunDone(firstRunResult{At: now, StartLevel: 1})
	checkInShown := func() bool { return strings.Contains(texts(u.today.content()), "Morning check-in") }
	if !checkInShown() {
		t.Fatal("no check-in offered on a new morning")
	}
	// A check-in saved behind the window's back: within the hour, Today
	// is not worked out again.
	if _, err := j.AddEntry(journal.Entry{Time: now, Kind: journal.Morning, BackPain: 2, Cause: program.CauseNone}); err != nil {
		t.Fatal(err)
	}
	now = now.Add(30 * time.Minute)
	u.tabs.SelectIndex(1)
	u.tabs.SelectIndex(0)
	if !checkInShown() {
		t.Error("Today was worked out again within the same hour")
	}
	now = now.Add(30 * time.Minute) // 09:10
	u.tabs.SelectIndex(1)
	u.tabs.SelectIndex(0)
	if checkInShown() {
		t.Error("in a new hour, Today still offers the check-in that was done")
	}
	// Through the window, a change shows at once.
	if _, err := j.DeleteEntry(now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	u.journalChanged()
	if !checkInShown() {
		t.Error("after the check-in was deleted, Today does not offer it again")
	}
}
