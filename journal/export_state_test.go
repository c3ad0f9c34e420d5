package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"steady/program"
)

// withStanding is filled with the fixture's standing and red-flag state.
func withStanding(t *testing.T) *Store {
	t.Helper()
	s := filled(t)
	_, _, st, f := fixture()
	if err := s.SetStanding(st); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFlag(f); err != nil {
		t.Fatal(err)
	}
	return s
}

// The JSON export carries the standing and the safety answers; imported
// into a journal with none, they are stored as they were.
func TestJSONCarriesTheStanding(t *testing.T) {
	data := export(t, withStanding(t), JSON)
	for _, want := range []string{`"version": 3`, `"standing": {`, `"flag": {`, `"night-pain"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the JSON export has no %s:\n%s", want, data)
		}
	}
	if csv := export(t, withStanding(t), CSV); bytes.Contains(csv, []byte("night-pain")) {
		t.Error("the CSV export carries the safety answers; it carries records only")
	}

	dst := openTest(t)
	res, err := dst.ImportWith(bytes.NewReader(data), JSON, AskStanding)
	if err != nil {
		t.Fatal(err)
	}
	if !res.StandingSet {
		t.Errorf("got %+v, want StandingSet", res)
	}
	_, _, wantSt, wantF := fixture()
	st, ok, err := dst.Standing()
	if err != nil || !ok || !st.Equal(wantSt) {
		t.Errorf("standing: got %+v (%v, %v), want %+v", st, ok, err, wantSt)
	}
	if f, err := dst.Flag(); err != nil || !sameFlag(f, wantF) {
		t.Errorf("red-flag state: got %+v (%v), want %+v", f, err, wantF)
	}
	// Exported again, the standing and safety answers are as they were.
	// (The sessions' lights are not imported: the rules work them out.)
	var first, again exportV3
	if err := json.Unmarshal(data, &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(export(t, dst, JSON), &again); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first.Standing, again.Standing) || !reflect.DeepEqual(first.Flag, again.Flag) {
		t.Errorf("export -> import -> export changed the standing or flag:\n%+v %+v\nwant\n%+v %+v",
			again.Standing, again.Flag, first.Standing, first.Flag)
	}
	// The same again: nothing to ask.
	if res, err := dst.ImportWith(bytes.NewReader(data), JSON, AskStanding); err != nil || res.StandingSet || res.StandingKept {
		t.Errorf("importing the same again: got %+v, %v; want nothing done to the standing", res, err)
	}
}

// A journal with another standing: the import asks (nothing imported),
// keeps the journal's, or replaces it, as told.
func TestImportOfAnotherStanding(t *testing.T) {
	data := export(t, withStanding(t), JSON)
	other := program.Standing{Level: 3, DoseStep: 2, Since: at(1, 8, 0), Reason: program.Reason{Rule: "start"}}
	tests := []struct {
		choice    StandingChoice
		wantErr   bool
		wantLevel int
		wantRes   ImportResult
	}{
		{AskStanding, true, 3, ImportResult{}},
		{KeepStanding, false, 3, ImportResult{StandingKept: true}},
		{ReplaceStanding, false, 1, ImportResult{StandingSet: true}},
	}
	for _, tt := range tests {
		t.Run(map[StandingChoice]string{AskStanding: "ask", KeepStanding: "keep", ReplaceStanding: "replace"}[tt.choice], func(t *testing.T) {
			dst := openTest(t)
			if err := dst.SetStanding(other); err != nil {
				t.Fatal(err)
			}
			res, err := dst.ImportWith(bytes.NewReader(data), JSON, tt.choice)
			var sc *StandingConflict
			if tt.wantErr {
				if !errors.As(err, &sc) || sc.Journal.Level != 3 || sc.File.Level != 1 {
					t.Fatalf("got %v, want a StandingConflict of level 3 and level 1", err)
				}
				if n, _ := dst.Entries(at(1, 0, 0), at(9, 0, 0)); len(n) != 0 {
					t.Errorf("a refused import added %d entries", len(n))
				}
			} else if err != nil {
				t.Fatal(err)
			} else {
				res.Entries, res.Sessions, res.Walks = 0, 0, 0
				if res != tt.wantRes {
					t.Errorf("got %+v, want %+v", res, tt.wantRes)
				}
			}
			if st, _, _ := dst.Standing(); st.Level != tt.wantLevel {
				t.Errorf("level after import: got %d, want %d", st.Level, tt.wantLevel)
			}
		})
	}
}

func TestImportOfABadStanding(t *testing.T) {
	data := `{"version": 3,
"standing": {"level": -1, "dose_step": 0},
"flag": {"tier": "high"}}`
	_, err := openTest(t).Import(strings.NewReader(data), JSON)
	var ie *ImportError
	if !errors.As(err, &ie) || len(ie.Problems) != 2 || ie.Problems[0].Line != 2 || ie.Problems[1].Line != 3 {
		t.Errorf("got %v, want two problems, on lines 2 and 3", err)
	}
}
