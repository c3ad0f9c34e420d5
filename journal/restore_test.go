package journal

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestInspect(t *testing.T) {
	s := withStanding(t)
	backup := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	sum, err := Inspect(backup)
	if err != nil {
		t.Fatal(err)
	}
	entries, _, _, _ := fixture()
	if sum.Entries != len(entries) || sum.Sessions != len(filledSessions()) || sum.Walks != len(fixtureWalks()) ||
		sum.Standing == nil || sum.Standing.Level != 1 || sum.Schema != schemaVersion {
		t.Errorf("got %+v", sum)
	}
	// The open journal itself is locked.
	if _, err := Inspect(s.Path()); !errors.Is(err, ErrLocked) {
		t.Errorf("Inspect of an open journal: got %v, want ErrLocked", err)
	}

	dir := t.TempDir()
	notBolt := filepath.Join(dir, "notes.txt")
	os.WriteFile(notBolt, []byte(strings.Repeat("not a journal\n", 500)), 0o600)
	otherBolt := filepath.Join(dir, "other.db")
	if db, err := bolt.Open(otherBolt, 0o600, nil); err != nil {
		t.Fatal(err)
	} else {
		db.Close()
	}
	newer := filepath.Join(dir, "newer.db")
	copyFile(backup, newer)
	setVersion(t, newer, schemaVersion+1)
	for name, path := range map[string]string{"a text file": notBolt, "another bbolt file": otherBolt, "missing": filepath.Join(dir, "none.db")} {
		if _, err := Inspect(path); err == nil {
			t.Errorf("Inspect of %s: no error", name)
		}
	}
	if _, err := Inspect(newer); !errors.Is(err, ErrTooNew) {
		t.Errorf("Inspect of a newer journal: got %v, want ErrTooNew", err)
	}
}

func TestRestore(t *testing.T) {
	src := withStanding(t)
	backup := filepath.Join(t.TempDir(), "copy.db")
	if err := src.Backup(backup); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.db")
	cur, err := open(path, options{now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cur.AddEntry(entry(at(9, 8, 0), Morning, 5)); err != nil {
		t.Fatal(err)
	}
	// Not while it is open.
	if _, err := Restore(path, backup, testNow()); !errors.Is(err, ErrLocked) {
		t.Errorf("Restore over an open journal: got %v, want ErrLocked", err)
	}
	cur.Close()

	// Not a journal: nothing changes.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("junk"), 0o600)
	if _, err := Restore(path, junk, testNow()); !errors.Is(err, ErrNotJournal) {
		t.Errorf("Restore of junk: got %v, want ErrNotJournal", err)
	}
	if sum, err := Inspect(path); err != nil || sum.Entries != 1 {
		t.Fatalf("after a refused restore: %+v, %v; want the journal untouched", sum, err)
	}

	kept, err := Restore(path, backup, testNow())
	if err != nil {
		t.Fatal(err)
	}
	if want := path + ".before-restore-20260320-090000"; kept != want {
		t.Errorf("kept as %q, want %q", kept, want)
	}
	if sum, err := Inspect(kept); err != nil || sum.Entries != 1 {
		t.Errorf("the kept journal: %+v, %v; want the old one", sum, err)
	}
	restored, err := open(path, options{now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	entries, _ := restored.Entries(at(1, 0, 0), at(19, 0, 0))
	if want, _, _, _ := fixture(); len(entries) != len(want) {
		t.Errorf("restored journal: %d entries, want %d", len(entries), len(want))
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("restored journal's mode: %v, %v; want 0600", info.Mode().Perm(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".journal.db.restore-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
