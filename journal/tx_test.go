package journal

import (
	"errors"
	"math"
	"reflect"
	"testing"
	"time"

	"steady/program"
)

// TestUpdateErrorWritesNothing: records, standing and flag written in an
// Update whose function fails are all left out of the journal.
func TestUpdateErrorWritesNothing(t *testing.T) {
	s := openTest(t)
	before := export(t, s, JSON)
	failed := errors.New("the rules failed")
	err := s.Update(func(tx *Tx) error {
		if _, err := tx.AddEntry(entry(at(1, 7, 0), Morning, 3)); err != nil {
			return err
		}
		if _, err := tx.AddSession(session(at(1, 18, 0), 3)); err != nil {
			return err
		}
		if _, err := tx.AddWalk(Walk{Time: at(1, 12, 0), Minutes: 20}); err != nil {
			return err
		}
		if err := tx.SetStanding(program.Standing{Level: 2, Since: at(1, 18, 0)}); err != nil {
			return err
		}
		if err := tx.SetFlag(program.FlagState{Raised: at(1, 18, 0), Tier: program.SameDay}); err != nil {
			return err
		}
		// The transaction sees its own writes.
		if list, err := tx.Sessions(time.Time{}, time.Time{}); err != nil || len(list) != 1 {
			t.Errorf("inside the transaction: %d sessions, %v; want 1", len(list), err)
		}
		return failed
	})
	if err != failed {
		t.Fatalf("got %v, want the function's own error", err)
	}
	if after := export(t, s, JSON); string(after) != string(before) {
		t.Errorf("a failed Update wrote:\n%s", after)
	}
	if _, ok, err := s.Standing(); ok || err != nil {
		t.Errorf("standing: ok=%v err=%v, want none", ok, err)
	}
	if f, err := s.Flag(); err != nil || f.Active() {
		t.Errorf("flag: %+v, %v, want none", f, err)
	}
}

// TestUpdateSavesSessionAndStandingTogether: the application layer's save
// of a session and the standing after it, in one transaction.
func TestUpdateSavesSessionAndStandingTogether(t *testing.T) {
	s := openTest(t)
	var stored Session
	err := s.Update(func(tx *Tx) error {
		var err error
		if stored, err = tx.AddSession(session(at(1, 18, 0), 3)); err != nil {
			return err
		}
		h, err := tx.History(at(1, 19, 0))
		if err != nil {
			return err
		}
		if len(h.Sessions) != 1 {
			t.Errorf("History inside the transaction: %d sessions, want 1", len(h.Sessions))
		}
		stored.Result = Result{Mode: program.Repeat, Level: 2, DoseStep: 1}
		if stored, err = tx.PutSession(stored.Time, stored); err != nil {
			return err
		}
		return tx.SetStanding(program.Standing{Level: 2, DoseStep: 1, Since: at(1, 18, 0)})
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Sessions(time.Time{}, time.Time{})
	if err != nil || len(got) != 1 || got[0].Result != stored.Result {
		t.Errorf("got %+v, %v; want the session with result %+v", got, err, stored.Result)
	}
	if st, ok, err := s.Standing(); !ok || err != nil || st.Level != 2 {
		t.Errorf("standing %+v, %v, %v", st, ok, err)
	}
}

// TestViewRefusesWrites: every write method fails in a View, and nothing
// is written.
func TestViewRefusesWrites(t *testing.T) {
	s := openTest(t)
	if _, err := s.AddEntry(entry(at(1, 7, 0), Morning, 3)); err != nil {
		t.Fatal(err)
	}
	writes := map[string]func(tx *Tx) error{
		"AddEntry":      func(tx *Tx) error { _, err := tx.AddEntry(entry(at(2, 7, 0), Morning, 3)); return err },
		"PutEntry":      func(tx *Tx) error { _, err := tx.PutEntry(at(1, 7, 0), entry(at(2, 7, 0), Morning, 3)); return err },
		"DeleteEntry":   func(tx *Tx) error { _, err := tx.DeleteEntry(at(1, 7, 0)); return err },
		"AddSession":    func(tx *Tx) error { _, err := tx.AddSession(session(at(1, 18, 0), 3)); return err },
		"PutSession":    func(tx *Tx) error { _, err := tx.PutSession(at(1, 18, 0), session(at(1, 18, 0), 3)); return err },
		"DeleteSession": func(tx *Tx) error { _, err := tx.DeleteSession(at(1, 18, 0)); return err },
		"AddWalk":       func(tx *Tx) error { _, err := tx.AddWalk(Walk{Time: at(1, 12, 0), Minutes: 5}); return err },
		"PutWalk": func(tx *Tx) error {
			_, err := tx.PutWalk(at(1, 12, 0), Walk{Time: at(1, 12, 0), Minutes: 5})
			return err
		},
		"DeleteWalk":  func(tx *Tx) error { _, err := tx.DeleteWalk(at(1, 12, 0)); return err },
		"SetStanding": func(tx *Tx) error { return tx.SetStanding(program.Standing{Level: 1}) },
		"SetFlag":     func(tx *Tx) error { return tx.SetFlag(program.FlagState{Tier: program.SameDay}) },
	}
	for name, write := range writes {
		t.Run(name, func(t *testing.T) {
			err := s.View(write)
			if !errors.Is(err, ErrReadOnly) {
				t.Errorf("got %v, want ErrReadOnly", err)
			}
		})
	}
	if list, _ := s.Entries(time.Time{}, time.Time{}); len(list) != 1 {
		t.Errorf("%d entries after the refused writes, want 1", len(list))
	}
}

func TestWalksAddEditDelete(t *testing.T) {
	s := openTest(t)
	w, err := s.AddWalk(Walk{Time: at(1, 12, 0), Minutes: 30, Note: "park\r\nloop"})
	if err != nil {
		t.Fatal(err)
	}
	if w.Note != "park\nloop" {
		t.Errorf("note %q, want line ends made \\n", w.Note)
	}
	// The same time: one nanosecond later.
	w2, err := s.AddWalk(Walk{Time: at(1, 12, 0), Minutes: 10})
	if err != nil || !w2.Time.Equal(at(1, 12, 0).Add(1)) {
		t.Fatalf("second walk at %v, %v; want 1 ns later", w2.Time, err)
	}
	w.Minutes = 35
	if err := s.PutWalk(w.Time, w); err != nil {
		t.Fatal(err)
	}
	got, err := s.Walks(at(1, 0, 0), at(2, 0, 0))
	if err != nil || len(got) != 2 || got[0].Minutes != 35 || got[1].Minutes != 10 {
		t.Fatalf("got %+v, %v", got, err)
	}
	del, err := s.DeleteWalk(w2.Time)
	if err != nil || del.Minutes != 10 {
		t.Fatalf("deleted %+v, %v", del, err)
	}
	if _, err := s.DeleteWalk(w2.Time); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: got %v, want ErrNotFound", err)
	}
	for _, bad := range []Walk{
		{Time: at(1, 9, 0), Minutes: 0},
		{Time: at(1, 9, 0), Minutes: MaxWalkMinutes + 1},
		{Minutes: 5},
		{Time: at(1, 9, 0), Minutes: 5, Note: string(make([]byte, MaxNoteLength+1))},
	} {
		if _, err := s.AddWalk(bad); err == nil {
			t.Errorf("AddWalk(%+v): no error", bad)
		}
	}
}

// TestHistoryWalksAndNumbWeak: History lists the walks and the times of
// every entry and session with new numbness or weakness, up to now.
func TestHistoryWalksAndNumbWeak(t *testing.T) {
	s := openTest(t)
	err := s.Update(func(tx *Tx) error {
		for _, w := range []Walk{{Time: at(1, 12, 0), Minutes: 20}, {Time: at(2, 12, 0), Minutes: 45}, {Time: at(25, 12, 0), Minutes: 5}} {
			if _, err := tx.AddWalk(w); err != nil {
				return err
			}
		}
		numb := entry(at(1, 20, 0), AnyTime, 3)
		numb.NumbWeak = true
		for _, e := range []Entry{entry(at(1, 7, 0), Morning, 3), numb} {
			if _, err := tx.AddEntry(e); err != nil {
				return err
			}
		}
		x := session(at(2, 18, 0), 3)
		x.NumbWeak = true
		future := session(at(26, 18, 0), 3)
		future.NumbWeak = true
		for _, x := range []Session{session(at(1, 18, 0), 2), x, future} {
			if _, err := tx.AddSession(x); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.History(testNow())
	if err != nil {
		t.Fatal(err)
	}
	wantWalks := []program.LoggedWalk{{Time: at(1, 12, 0), Minutes: 20}, {Time: at(2, 12, 0), Minutes: 45}}
	if len(h.Walks) != 2 || !h.Walks[0].Time.Equal(wantWalks[0].Time) || h.Walks[0].Minutes != 20 ||
		!h.Walks[1].Time.Equal(wantWalks[1].Time) || h.Walks[1].Minutes != 45 {
		t.Errorf("walks %+v, want %+v", h.Walks, wantWalks)
	}
	var numb []time.Time
	for _, tm := range h.NumbWeak {
		numb = append(numb, tm.In(zone))
	}
	if want := []time.Time{at(1, 20, 0), at(2, 18, 0)}; !reflect.DeepEqual(numb, want) {
		t.Errorf("NumbWeak %v, want %v", numb, want)
	}
}

// TestStandingReasonAsData: every field of a reason comes back.
func TestStandingReasonAsData(t *testing.T) {
	s := openTest(t)
	st := program.Standing{Level: 2, DoseStep: 1, Since: at(3, 18, 0), CalmUntil: at(4, 0, 0),
		Reason: program.Reason{Rule: program.RuleStepDown, Source: program.SourceTrafficLight,
			At: at(3, 18, 0), Until: at(4, 0, 0), Level: 2, DoseStep: 1, Steps: 3,
			Values:   map[string]float64{"pain": 6, "baseline": 2.5},
			Criteria: []program.Criterion{program.PainHigh, program.LegStayed}}}
	if err := s.SetStanding(st); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Standing()
	if err != nil || !ok || !got.Equal(st) {
		t.Errorf("got %+v, %v, %v; want %+v", got, ok, err, st)
	}
	nan := st
	nan.Reason.Values = map[string]float64{"x": math.NaN()}
	if err := s.SetStanding(nan); err == nil {
		t.Error("a NaN value was stored")
	}
}
