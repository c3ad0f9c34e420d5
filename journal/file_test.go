package journal

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

func TestSecondOpenIsLockedQuickly(t *testing.T) {
	s := openTest(t)
	start := time.Now()
	s2, err := Open(s.Path())
	if err == nil {
		s2.Close()
		t.Fatal("second Open succeeded, want ErrLocked")
	}
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("got %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("second Open took %v, want about a second", d)
	}
	if _, err := os.Stat(s.Path() + ".damaged-" + testNow().Format("20060102-150405")); err == nil {
		t.Error("a locked file was moved aside")
	}
}

func TestFilePermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "steady")
	s, err := open(filepath.Join(dir, "journal.db"), options{now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for path, want := range map[string]os.FileMode{
		dir:      0o700 | os.ModeDir,
		s.Path(): 0o600,
		filepath.Join(dir, "backups", "journal-2026-03-20.db"): 0o600,
	} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode() != want {
			t.Errorf("%s: mode %v, want %v", path, info.Mode(), want)
		}
	}
}

// setVersion writes a schema version straight into a journal file.
func setVersion(t *testing.T, path string, v uint64) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		return b.Put(keySchema, binary.BigEndian.AppendUint64(nil, v))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewerSchemaIsRefusedAndLeftAlone(t *testing.T) {
	s := openTest(t)
	if _, err := s.AddEntry(entry(at(1, 8, 0), Morning, 3)); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	setVersion(t, path, schemaVersion+1)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}

	s2, err := open(path, options{now: func() time.Time { return testNow().AddDate(0, 0, 1) }})
	if err == nil {
		s2.Close()
		t.Fatal("Open of a newer file succeeded")
	}
	if !errors.Is(err, ErrTooNew) {
		t.Fatalf("got %v, want ErrTooNew", err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("Open changed the bytes of a file from a newer Steady")
	}
	if info2, _ := os.Stat(path); !info2.ModTime().Equal(info.ModTime()) {
		t.Error("Open changed the modification time of a file from a newer Steady")
	}
	matches, _ := filepath.Glob(path + ".damaged-*")
	if len(matches) > 0 {
		t.Errorf("a newer file was moved aside: %v", matches)
	}
}

// fixture is what testdata/journal-v1.db holds once migrated to the
// current schema. Its result and stop reason sentences were not ones the
// version 1 code wrote: they stay as legacy text.
func fixture() ([]Entry, []Session, program.Standing, program.FlagState) {
	entries := []Entry{
		{Time: at(1, 7, 5), Kind: Morning, BackPain: 4, LegPain: 2, Tightness: 6, Cause: program.CausePain, LegReach: program.ReachBelowKnee, Note: "Stiff getting out of bed.\nBetter after a shower."},
		{Time: at(1, 17, 40), Kind: BeforeSession, BackPain: 3, LegPain: 1, Tightness: 4, Cause: program.CauseInactivity, LegReach: program.ReachButtock},
		{Time: at(1, 18, 10), Kind: AfterSession, BackPain: 2, Tightness: 2, Cause: program.CauseNone, NumbWeak: true, Note: "Toes tingled, \"pins\", then settled; ok"},
		{Time: at(2, 7, 0), Kind: Morning, BackPain: 3, Tightness: 3, LegReach: program.ReachFoot},
		{Time: at(2, 12, 0).Add(1), Kind: AnyTime, BackPain: 0, Note: "Walked 20 min — no pain."},
	}
	sessions := []Session{{
		Time: at(1, 18, 5), Started: at(1, 17, 45), Routine: "builtin", Level: 2, DoseStep: 1, Flare: false,
		Completed: []string{"curl-up", "side-bridge-knees", "bird-dog-arm"}, Duration: 19*time.Minute + 42*time.Second,
		MaxPainDuring: 3, PainAfter: 2, LegSpread: program.SpreadSettled, Felt: program.FeltOK,
		Light: program.Amber, ResultText: "Amber: the same dose next time.",
	}, {
		Time: at(2, 18, 0), Started: at(2, 17, 50), Routine: "builtin", Level: 0, Flare: true,
		Skipped: []string{"walk"}, Duration: 10 * time.Minute, MaxPainDuring: 6, PainAfter: 5,
		LegSpread: program.SpreadStayed, NumbWeak: true, Felt: program.FeltHard,
		StoppedForPain: true, StopCauses: []program.StopCause{program.StopOther}, StopNote: "Pain went down the leg.",
		Light: program.Red, ResultText: "Red: one dose step down.",
	}}
	st := program.Standing{Level: 1, DoseStep: 0, Since: at(2, 18, 0),
		Reason: program.Reason{Rule: "red", Text: "One step down after a red session."}, CalmUntil: at(3, 0, 0)}
	f := program.FlagState{Raised: at(2, 18, 1), Tier: program.SeeDoctorSoon, Flags: []string{"night-pain"}, Screened: at(2, 18, 1)}
	return entries, sessions, st, f
}

// migratedCopy copies the journal file name to a new folder, opens it
// there (which migrates it) and closes it again; it returns the copy's
// path.
func migratedCopy(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.db")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := open(path, options{now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if s.Recovery() != nil {
		t.Fatalf("%s was taken for damaged: %v", name, s.Recovery().Err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// openFixture opens a migrated copy of the journal file name.
func openFixture(t *testing.T, name string) *Store {
	t.Helper()
	s, err := open(migratedCopy(t, name), options{now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestFixtureV1 opens a journal written by the first version of the file
// format, kept in testdata, and reads all of it back. It fails when a
// change to the stored shapes would lose what users have written. The
// fixture cannot be written again: the code that wrote it is gone.
func TestFixtureV1(t *testing.T) {
	s := openFixture(t, "testdata/journal-v1.db")
	entries, sessions, st, f := fixture()
	gotE, err := s.Entries(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, gotE, entries)
	gotS, err := s.Sessions(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sameSessions(t, gotS, sessions)
	gotSt, ok, err := s.Standing()
	if err != nil || !ok || !gotSt.Equal(st) {
		t.Errorf("standing: got %+v, %v, %v; want %+v", gotSt, ok, err, st)
	}
	gotF, err := s.Flag()
	if err != nil || gotF.Tier != f.Tier || !reflect.DeepEqual(gotF.Flags, f.Flags) || !gotF.Raised.Equal(f.Raised) {
		t.Errorf("flag: got %+v, %v; want %+v", gotF, err, f)
	}
	if w, err := s.Walks(time.Time{}, time.Time{}); err != nil || len(w) != 0 {
		t.Errorf("walks: got %v, %v; want none", w, err)
	}
}

// TestFixtureV1Sentences opens a version 1 journal holding the sentences
// the version 1 code wrote (testdata/journal-v1-sentences.db, written by
// that code) and checks what the migration read back into data and what
// it kept as text.
func TestFixtureV1Sentences(t *testing.T) {
	s := openFixture(t, "testdata/journal-v1-sentences.db")
	gotS, err := s.Sessions(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		result     Result
		resultText string
		causes     []program.StopCause
		note       string
	}
	wants := []want{
		{result: Result{Mode: program.Normal, Level: 2, DoseStep: 1}},
		{result: Result{Mode: program.Repeat}, causes: []program.StopCause{program.StopNumbness}},
		{result: Result{Mode: program.CalmDownToday},
			causes: []program.StopCause{program.StopLegPain, program.StopWeakness, program.StopOther}, note: "my hip; it clicked"},
		{result: Result{Mode: program.Flare, Until: at(7, 0, 0)}, causes: []program.StopCause{program.StopOther}},
		{result: Result{Mode: program.HoldSeeClinician}, causes: []program.StopCause{program.StopBackPain}},
		{result: Result{Mode: program.RedFlagStop}},
		{resultText: "Amber: the same dose next time.", causes: []program.StopCause{program.StopOther}, note: "Pain went down the leg."},
	}
	if len(gotS) != len(wants) {
		t.Fatalf("got %d sessions, want %d", len(gotS), len(wants))
	}
	for i, w := range wants {
		x := gotS[i]
		if x.Result.Mode != w.result.Mode || x.Result.Level != w.result.Level || x.Result.DoseStep != w.result.DoseStep ||
			!x.Result.Until.Equal(w.result.Until) || x.ResultText != w.resultText {
			t.Errorf("session %d: result %+v %q, want %+v %q", i, x.Result, x.ResultText, w.result, w.resultText)
		}
		if !reflect.DeepEqual(x.StopCauses, w.causes) || x.StopNote != w.note {
			t.Errorf("session %d: stop causes %v %q, want %v %q", i, x.StopCauses, x.StopNote, w.causes, w.note)
		}
		if x.Light != program.Green || x.Final || x.MorningUnknown {
			t.Errorf("session %d: light %q final %v morning unknown %v, want green, false, false", i, x.Light, x.Final, x.MorningUnknown)
		}
	}
	st, ok, err := s.Standing()
	if err != nil || !ok {
		t.Fatalf("standing: %v, %v", ok, err)
	}
	wantSt := program.Standing{Level: 1, Since: at(1, 9, 30),
		Reason: program.Reason{Rule: program.RuleStart, At: at(1, 9, 30), Level: 1}}
	if !st.Equal(wantSt) {
		t.Errorf("standing %+v, want %+v", st, wantSt)
	}
	h, err := s.History(testNow())
	if err != nil {
		t.Fatal(err)
	}
	// The morning of the 2nd and the second session reported numbness.
	if want := []time.Time{at(2, 7, 0), at(4, 19, 0)}; len(h.NumbWeak) != 2 || !h.NumbWeak[0].Equal(want[0]) || !h.NumbWeak[1].Equal(want[1]) {
		t.Errorf("NumbWeak %v, want %v", h.NumbWeak, want)
	}
}

func TestSchemaVersionIsTheMigrationCount(t *testing.T) {
	if schemaVersion != len(migrations) {
		t.Errorf("schemaVersion %d, want len(migrations) = %d", schemaVersion, len(migrations))
	}
	for i, m := range migrations {
		if m.to != i+1 {
			t.Errorf("migrations[%d] goes to version %d, want %d", i, m.to, i+1)
		}
	}
}

func TestMigrateAppliesTheListInOrderOrNothing(t *testing.T) {
	var ran []int
	step := func(to int, fail bool) migration {
		return migration{to: to, what: fmt.Sprint("step ", to), run: func(tx *bolt.Tx) error {
			ran = append(ran, to)
			b, err := tx.CreateBucketIfNotExists([]byte("test"))
			if err != nil {
				return err
			}
			if err := b.Put([]byte{byte(to)}, []byte("done")); err != nil {
				return err
			}
			if fail {
				return errors.New("broken migration")
			}
			return nil
		}}
	}
	tests := []struct {
		name        string
		from        uint64 // 0: a file without a version
		list        []migration
		wantRan     []int
		wantVersion int
		wantErr     bool
	}{
		{"from nothing, all of them", 0, []migration{step(1, false), step(2, false), step(3, false)}, []int{1, 2, 3}, 3, false},
		{"from 1, the rest", 1, []migration{step(1, false), step(2, false), step(3, false)}, []int{2, 3}, 3, false},
		{"current, none", 3, []migration{step(1, false), step(2, false), step(3, false)}, nil, 3, false},
		{"a failure leaves the file as it was", 1, []migration{step(1, false), step(2, false), step(3, true)}, []int{2, 3}, 1, true},
		{"newer than the list", 4, []migration{step(1, false)}, nil, 4, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ran = nil
			path := filepath.Join(t.TempDir(), "j.db")
			if tt.from > 0 {
				setVersion(t, path, tt.from)
			}
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			err = db.Update(func(tx *bolt.Tx) error { return migrate(tx, tt.list) })
			if (err != nil) != tt.wantErr {
				t.Fatalf("got error %v, want error: %v", err, tt.wantErr)
			}
			if !reflect.DeepEqual(ran, tt.wantRan) {
				t.Errorf("ran %v, want %v", ran, tt.wantRan)
			}
			db.View(func(tx *bolt.Tx) error {
				v, err := fileVersion(tx)
				if err != nil || v != tt.wantVersion {
					t.Errorf("version %d (%v), want %d", v, err, tt.wantVersion)
				}
				if tt.wantErr && tx.Bucket([]byte("test")) != nil && tt.from > 0 {
					t.Error("a failed migration left its writes behind")
				}
				return nil
			})
		})
	}
}

func TestOpenMigratesAFileWithoutVersion(t *testing.T) {
	// A bbolt file Steady created but never finished setting up: no
	// meta bucket at all.
	path := filepath.Join(t.TempDir(), "journal.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := open(path, options{now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddEntry(entry(at(1, 8, 0), Morning, 1)); err != nil {
		t.Fatal(err)
	}
	s.db.View(func(tx *bolt.Tx) error {
		if v, _ := fileVersion(tx); v != schemaVersion {
			t.Errorf("version %d, want %d", v, schemaVersion)
		}
		return nil
	})
}
