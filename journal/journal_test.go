package journal

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"steady/program"
)

// zone is a fixed zone for test times, so tests do not depend on the
// machine's time zone.
var zone = time.FixedZone("CET", 3600)

func at(day, hour, min int) time.Time {
	return time.Date(2026, 3, day, hour, min, 0, 0, zone)
}

// testNow is the clock Open sees in tests.
func testNow() time.Time { return time.Date(2026, 3, 20, 9, 0, 0, 0, zone) }

// openTest opens a journal in a new folder, closed at the end of the test.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := open(filepath.Join(t.TempDir(), "journal.db"), options{now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func entry(t time.Time, kind Kind, back int) Entry {
	return Entry{Time: t, Kind: kind, BackPain: back, LegPain: 1, Tightness: 2,
		Cause: program.CauseInactivity, LegReach: program.ReachThigh, Note: "fine"}
}

func session(t time.Time, maxPain int) Session {
	return Session{
		Time: t, Started: t.Add(-20 * time.Minute), Routine: "big-3", Level: 2, DoseStep: 1,
		Completed: []string{"curl-up", "side-bridge-knees"}, Skipped: []string{"bird-dog-arm"},
		Duration: 19*time.Minute + 30*time.Second, MaxPainDuring: maxPain, PainAfter: 2,
		LegSpread: program.SpreadNone, Felt: program.FeltOK, Light: program.Green, Final: true,
		Result: Result{Mode: program.Normal, Level: 2, DoseStep: 1},
	}
}

// sameEntries compares entries by instant and content, whatever the zone.
func sameEntries(t *testing.T, got, want []Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d:\ngot  %+v\nwant %+v", len(got), len(want), got, want)
	}
	for i := range got {
		if canonicalEntry(got[i]) != canonicalEntry(want[i]) {
			t.Errorf("entry %d:\ngot  %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func sameSessions(t *testing.T, got, want []Session) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d sessions, want %d", len(got), len(want))
	}
	for i := range got {
		if fullSession(got[i]) != fullSession(want[i]) {
			t.Errorf("session %d:\ngot  %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// fullSession encodes all of a session for comparison, instants in UTC.
func fullSession(x Session) string {
	r := x.record()
	r.Time, r.Started, r.ResultUntil = r.Time.UTC(), r.Started.UTC(), r.ResultUntil.UTC()
	return canonicalJSON(r)
}

func TestEntriesRoundTripInTimeOrder(t *testing.T) {
	s := openTest(t)
	// Added out of order, one before 2001 and one far ahead, to see that
	// keys sort by time and not by text.
	times := []time.Time{at(5, 8, 0), at(1, 8, 0), time.Date(1999, 12, 31, 23, 0, 0, 0, time.UTC), at(3, 21, 15), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)}
	var want []Entry
	for i, tm := range times {
		e := entry(tm, Morning, i)
		e.Note = "note " + strings.Repeat("é", i) + "\r\nsecond line"
		got, err := s.AddEntry(e)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Time.Equal(tm) {
			t.Errorf("AddEntry moved %v to %v; the time was free", tm, got.Time)
		}
		if got.Note != strings.ReplaceAll(e.Note, "\r\n", "\n") {
			t.Errorf("stored note %q, want line ends made \\n", got.Note)
		}
		want = append(want, got)
	}
	order := []int{2, 1, 3, 0, 4}
	var sorted []Entry
	for _, i := range order {
		sorted = append(sorted, want[i])
	}
	all, err := s.Entries(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, all, sorted)

	tests := []struct {
		name     string
		from, to time.Time
		want     []int
	}{
		{"from is inclusive, to exclusive", at(1, 8, 0), at(5, 8, 0), []int{1, 3}},
		{"open start", time.Time{}, at(3, 0, 0), []int{2, 1}},
		{"open end", at(4, 0, 0), time.Time{}, []int{0, 4}},
		{"empty range", at(2, 0, 0), at(3, 0, 0), nil},
		{"before 1970", time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), at(1, 9, 0), []int{2, 1}},
		{"reversed is empty", at(5, 0, 0), at(1, 0, 0), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Entries(tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			var w []Entry
			for _, i := range tt.want {
				w = append(w, want[i])
			}
			sameEntries(t, got, w)
		})
	}
}

func TestAddEntryMovesACollisionOneNanosecondLater(t *testing.T) {
	s := openTest(t)
	tm := at(2, 8, 0)
	for i := range 3 {
		got, err := s.AddEntry(entry(tm, AnyTime, i))
		if err != nil {
			t.Fatal(err)
		}
		if want := tm.Add(time.Duration(i)); !got.Time.Equal(want) {
			t.Errorf("entry %d stored at %v, want %v", i, got.Time, want)
		}
	}
	all, err := s.Entries(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range all {
		if e.BackPain != i {
			t.Errorf("entry %d has back pain %d, want %d (added order)", i, e.BackPain, i)
		}
	}
}

func TestEditAndDeleteEntries(t *testing.T) {
	s := openTest(t)
	a, err := s.AddEntry(entry(at(1, 8, 0), Morning, 3))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddEntry(entry(at(2, 8, 0), Morning, 4))
	if err != nil {
		t.Fatal(err)
	}

	edited := a
	edited.BackPain, edited.Note = 5, "worse than I said"
	if err := s.PutEntry(a.Time, edited); err != nil {
		t.Fatal(err)
	}
	moved := b
	moved.Time = at(3, 7, 30)
	if err := s.PutEntry(b.Time, moved); err != nil {
		t.Fatal(err)
	}
	all, err := s.Entries(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, all, []Entry{edited, moved})

	if err := s.PutEntry(at(9, 9, 9), edited); !errors.Is(err, ErrNotFound) {
		t.Errorf("PutEntry at a free time: got %v, want ErrNotFound", err)
	}
	bad := edited
	bad.BackPain = 11
	if err := s.PutEntry(edited.Time, bad); err == nil {
		t.Error("PutEntry with back pain 11: got no error")
	}

	gone, err := s.DeleteEntry(moved.Time)
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, []Entry{gone}, []Entry{moved})
	if _, err := s.DeleteEntry(moved.Time); !errors.Is(err, ErrNotFound) {
		t.Errorf("second DeleteEntry: got %v, want ErrNotFound", err)
	}
	// Undo: add back what was deleted.
	if _, err := s.AddEntry(gone); err != nil {
		t.Fatal(err)
	}
	all, err = s.Entries(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, all, []Entry{edited, moved})
}

func TestSessionsRoundTripEditDelete(t *testing.T) {
	s := openTest(t)
	x := session(at(2, 18, 0), 3)
	x.StoppedForPain, x.StopCauses, x.StopNote = true, []program.StopCause{program.StopLegPain, program.StopOther}, "Sharp pain down the left leg."
	got, err := s.AddSession(x)
	if err != nil {
		t.Fatal(err)
	}
	y, err := s.AddSession(session(at(1, 18, 0), 4))
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Sessions(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sameSessions(t, all, []Session{y, got})
	if !reflect.DeepEqual(all[1].Completed, x.Completed) || all[1].Duration != x.Duration {
		t.Errorf("got %+v, want %+v", all[1], x)
	}

	y2 := y
	y2.Felt, y2.Time = program.FeltHard, at(1, 19, 0)
	if err := s.PutSession(y.Time, y2); err != nil {
		t.Fatal(err)
	}
	gone, err := s.DeleteSession(got.Time)
	if err != nil {
		t.Fatal(err)
	}
	sameSessions(t, []Session{gone}, []Session{got})
	all, err = s.Sessions(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sameSessions(t, all, []Session{y2})
	if _, err := s.DeleteSession(got.Time); !errors.Is(err, ErrNotFound) {
		t.Errorf("second DeleteSession: got %v, want ErrNotFound", err)
	}
}

func TestValidateSaysWhatIsWrong(t *testing.T) {
	ok := entry(at(1, 8, 0), Morning, 3)
	tests := []struct {
		name   string
		change func(*Entry)
		want   []string // parts of the message; none: valid
	}{
		{"valid", func(*Entry) {}, nil},
		{"no cause given is valid", func(e *Entry) { e.Cause = "" }, nil},
		{"note of exactly the limit", func(e *Entry) { e.Note = strings.Repeat("ü", MaxNoteLength) }, nil},
		{"missing time", func(e *Entry) { e.Time = time.Time{} }, []string{"the time is missing"}},
		{"time before 1970", func(e *Entry) { e.Time = time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC) }, []string{"not between 1970 and 2262"}},
		{"unknown kind", func(e *Entry) { e.Kind = "evening" }, []string{`the kind "evening" is not one of`}},
		{"back pain 11", func(e *Entry) { e.BackPain = 11 }, []string{"back pain must be between 0 and 10, not 11"}},
		{"leg pain -1", func(e *Entry) { e.LegPain = -1 }, []string{"leg pain must be between 0 and 10, not -1"}},
		{"tightness 12", func(e *Entry) { e.Tightness = 12 }, []string{"tightness must be between 0 and 10, not 12"}},
		{"unknown cause", func(e *Entry) { e.Cause = "cold" }, []string{`cause of tightness "cold"`}},
		{"reach past the foot", func(e *Entry) { e.LegReach = 5 }, []string{"how far the leg symptoms reach (5)"}},
		{"note too long", func(e *Entry) { e.Note = strings.Repeat("ü", MaxNoteLength+1) }, []string{"the note is longer than 2000 characters: it has 2001"}},
		{"note not UTF-8", func(e *Entry) { e.Note = "\xff" }, []string{"the note is not valid text"}},
		{"every problem at once", func(e *Entry) { e.BackPain, e.LegPain, e.Kind = 11, 12, "" },
			[]string{"back pain must", "leg pain must", "the kind"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ok
			tt.change(&e)
			err := e.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("got no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got %q, want it to say %q", err, w)
				}
			}
		})
	}
}

func TestValidateSession(t *testing.T) {
	ok := session(at(1, 18, 0), 3)
	tests := []struct {
		name   string
		change func(*Session)
		want   string
	}{
		{"valid", func(*Session) {}, ""},
		{"nothing asked yet", func(x *Session) { x.LegSpread, x.Felt, x.Light, x.Started = "", "", "", time.Time{} }, ""},
		{"started after it ended", func(x *Session) { x.Started = x.Time.Add(time.Minute) }, "cannot start after it ended"},
		{"level 6", func(x *Session) { x.Level = 6 }, "the level must be between 0 and 5, not 6"},
		{"negative dose step", func(x *Session) { x.DoseStep = -1 }, "the dose step must be"},
		{"negative duration", func(x *Session) { x.Duration = -time.Second }, "duration cannot be negative"},
		{"pain 11 during", func(x *Session) { x.MaxPainDuring = 11 }, "pain during the session must be between 0 and 10"},
		{"unknown spread", func(x *Session) { x.LegSpread = "up" }, `what the leg symptoms did ("up")`},
		{"unknown felt", func(x *Session) { x.Felt = "meh" }, `how the session felt ("meh")`},
		{"unknown light", func(x *Session) { x.Light = "blue" }, `the traffic light "blue"`},
		{"id with a space", func(x *Session) { x.Completed = []string{"bird dog"} }, `include "bird dog"`},
		{"stop note too long", func(x *Session) { x.StopNote = strings.Repeat("a", maxText+1) }, "your note on stopping is longer"},
		{"unknown stop cause", func(x *Session) { x.StopCauses = []program.StopCause{"cramp"} }, `the reason for stopping "cramp" is not one of`},
		{"stop cause twice", func(x *Session) { x.StopCauses = []program.StopCause{program.StopOther, program.StopOther} }, "is there twice"},
		{"unknown result mode", func(x *Session) { x.Result.Mode = "rest" }, `the result's mode "rest" is not one of`},
		{"result level", func(x *Session) { x.Result.Level = 6 }, "the result's level must be between 0 and 5, not 6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := ok
			tt.change(&x)
			err := x.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("got %v, want no error", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("got %v, want it to say %q", err, tt.want)
			}
		})
	}
}

func TestNoteTooLongIsRefused(t *testing.T) {
	s := openTest(t)
	e := entry(at(1, 8, 0), AnyTime, 2)
	e.Note = strings.Repeat("x", MaxNoteLength+1)
	_, err := s.AddEntry(e)
	if !errors.Is(err, ErrNoteTooLong) {
		t.Fatalf("got %v, want ErrNoteTooLong", err)
	}
	if all, _ := s.Entries(time.Time{}, time.Time{}); len(all) != 0 {
		t.Errorf("got %d entries after a refused one, want 0", len(all))
	}
}

func TestStandingAndFlag(t *testing.T) {
	s := openTest(t)
	if _, ok, err := s.Standing(); ok || err != nil {
		t.Fatalf("new journal: got ok=%v err=%v, want no standing", ok, err)
	}
	if f, err := s.Flag(); err != nil || !reflect.DeepEqual(f, program.FlagState{}) {
		t.Fatalf("new journal: got %+v, %v, want the zero flag state", f, err)
	}
	st := program.Standing{Level: 3, DoseStep: 1, Since: at(2, 9, 0),
		Reason:    program.Reason{Rule: "progress", Text: "Three green sessions in a row."},
		CalmUntil: at(3, 0, 0), FlareStarted: at(1, 7, 0), FlareUntil: at(4, 0, 0)}
	if err := s.SetStanding(st); err != nil {
		t.Fatal(err)
	}
	f := program.FlagState{Raised: at(1, 7, 0), Tier: program.SameDay, Flags: []string{"foot-drop"}, Screened: at(1, 7, 0)}
	if err := s.SetFlag(f); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Standing()
	if err != nil || !ok {
		t.Fatalf("got ok=%v err=%v", ok, err)
	}
	if !got.Since.Equal(st.Since) || !got.CalmUntil.Equal(st.CalmUntil) || !got.FlareUntil.Equal(st.FlareUntil) ||
		!got.FlareStarted.Equal(st.FlareStarted) || got.Level != 3 || got.DoseStep != 1 || !got.Reason.Equal(st.Reason) {
		t.Errorf("got %+v, want %+v", got, st)
	}
	gf, err := s.Flag()
	if err != nil {
		t.Fatal(err)
	}
	if !gf.Raised.Equal(f.Raised) || gf.Tier != f.Tier || !reflect.DeepEqual(gf.Flags, f.Flags) || !gf.Active() {
		t.Errorf("got %+v, want %+v", gf, f)
	}
}

func TestHistoryWiresNextMorning(t *testing.T) {
	s := openTest(t)
	add := func(e Entry) {
		if _, err := s.AddEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	add(entry(at(1, 7, 0), Morning, 2))
	add(entry(at(2, 6, 0), Morning, 4)) // first morning after session A
	add(entry(at(2, 9, 0), Morning, 9)) // a second one the same day: not used
	add(entry(at(2, 19, 0), AfterSession, 5))
	add(entry(at(4, 7, 0), Morning, 3))  // two days after session B: not its next morning
	add(entry(at(25, 7, 0), Morning, 1)) // after now: left out
	for _, x := range []Session{
		session(at(1, 23, 59), 3), // A
		session(at(2, 18, 0), 6),  // B: no morning on the 3rd
		session(at(4, 18, 0), 2),  // C: no next morning yet
		session(at(26, 8, 0), 2),  // after now
	} {
		x.NumbWeak = x.MaxPainDuring == 6
		if _, err := s.AddSession(x); err != nil {
			t.Fatal(err)
		}
	}
	st := program.Standing{Level: 2, DoseStep: 1, Since: at(1, 0, 0)}
	if err := s.SetStanding(st); err != nil {
		t.Fatal(err)
	}
	h, err := s.History(testNow())
	if err != nil {
		t.Fatal(err)
	}
	var backs []int
	for _, m := range h.Mornings {
		backs = append(backs, m.BackPain)
	}
	if want := []int{2, 4, 9, 3}; !reflect.DeepEqual(backs, want) {
		t.Errorf("morning back pains %v, want %v", backs, want)
	}
	if len(h.Sessions) != 3 {
		t.Fatalf("got %d sessions, want 3", len(h.Sessions))
	}
	next := func(i int) any {
		if p := h.Sessions[i].NextMorning; p != nil {
			return *p
		}
		return nil
	}
	for i, want := range []any{4, nil, nil} {
		if got := next(i); got != want {
			t.Errorf("session %d: NextMorning %v, want %v", i, got, want)
		}
	}
	if o := h.Sessions[1]; o.MaxPainDuring != 6 || !o.NewNumbnessOrWeakness || o.Level != 2 || o.DoseStep != 1 || o.Felt != program.FeltOK {
		t.Errorf("session 1: got %+v", o)
	}
	if h.Standing.Level != 2 || !h.Standing.Since.Equal(st.Since) {
		t.Errorf("standing %+v, want %+v", h.Standing, st)
	}
	// The history decides: a session with new numbness is red.
	if d := program.Decide(h, testNow()); d.Level > 5 {
		t.Errorf("Decide gave level %d", d.Level)
	}
}

func TestSeries(t *testing.T) {
	s := openTest(t)
	for _, tm := range []time.Time{at(1, 8, 0), at(2, 8, 0), at(3, 8, 0)} {
		if _, err := s.AddEntry(entry(tm, Morning, 2)); err != nil {
			t.Fatal(err)
		}
	}
	for _, tm := range []time.Time{at(1, 9, 0), at(2, 10, 0), at(2, 18, 0), at(3, 18, 0)} {
		if _, err := s.AddSession(session(tm, 2)); err != nil {
			t.Fatal(err)
		}
	}
	entries, days, err := s.Series(at(2, 0, 0), at(3, 12, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Errorf("got %d entries, want 2", len(entries))
	}
	var want []time.Time
	for _, tm := range []time.Time{at(2, 10, 0)} {
		y, m, d := tm.In(time.Local).Date()
		want = append(want, time.Date(y, m, d, 0, 0, 0, 0, time.Local))
	}
	if len(days) != len(want) || !days[0].Equal(want[0]) {
		t.Errorf("session days %v, want %v", days, want)
	}
}

// Every mode the rules can decide is a result a session can be saved with.
func TestEveryModeIsAResult(t *testing.T) {
	s := openTest(t)
	at := time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC)
	for i, m := range program.Modes() {
		x := Session{Time: at.Add(time.Duration(i) * time.Minute), Level: 1, Felt: program.FeltOK, Result: Result{Mode: m, Level: 1}}
		saved, err := s.AddSession(x)
		if err != nil {
			t.Errorf("mode %s: %v", m, err)
			continue
		}
		got, err := s.Sessions(saved.Time, saved.Time.Add(time.Nanosecond))
		if err != nil || len(got) != 1 || got[0].Result.Mode != m {
			t.Errorf("mode %s read back as %+v (%v)", m, got, err)
		}
	}
}
