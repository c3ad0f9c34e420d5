package journal

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// day returns a clock standing on March d, 2026.
func day(d int) options {
	return options{now: func() time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, zone) }}
}

// withEntry opens the journal at path on day d, adds one entry with back
// pain d and closes it.
func withEntry(t *testing.T, path string, d int) Entry {
	t.Helper()
	s, err := open(path, day(d))
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.AddEntry(entry(at(d, 10, 0), AnyTime, d))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestDamagedFileIsMovedAsideAndBackupRestored(t *testing.T) {
	const pageSize = 4096
	damages := map[string]func(t *testing.T, path string){
		"not a bbolt file": func(t *testing.T, path string) {
			garbage := make([]byte, 64<<10)
			for i := range garbage {
				garbage[i] = byte(rand.IntN(256))
			}
			if err := os.WriteFile(path, garbage, 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"pages after the meta pages zeroed": func(t *testing.T, path string) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			clear(data[2*pageSize:])
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"both meta pages zeroed": func(t *testing.T, path string) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			clear(data[:2*pageSize])
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"a leaf page zeroed": func(t *testing.T, path string) {
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			var leaf int
			db.View(func(tx *bolt.Tx) error {
				for id := 2; ; id++ {
					p, err := tx.Page(id)
					if p == nil || err != nil {
						return err
					}
					if p.Type == "leaf" {
						leaf = id
						return nil
					}
				}
			})
			db.Close()
			if leaf == 0 {
				t.Fatal("no leaf page found")
			}
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteAt(make([]byte, pageSize), int64(leaf)*pageSize); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, damage := range damages {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.db")
			// Each day's backup is made on opening, before that day's entry.
			one := withEntry(t, path, 1)
			two := withEntry(t, path, 2)
			withEntry(t, path, 3) // after the newest backup: lost with the file
			damage(t, path)
			damaged, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !damageDetected(path) {
				t.Fatal("the check did not notice the damage")
			}

			s, err := open(path, day(4))
			if err != nil {
				t.Fatalf("Open of a damaged file: %v", err)
			}
			defer s.Close()
			r := s.Recovery()
			if r == nil {
				t.Fatal("Recovery is nil after a damaged file")
			}
			wantMoved := path + ".damaged-20260304-090000"
			if r.Moved != wantMoved {
				t.Errorf("moved to %s, want %s", r.Moved, wantMoved)
			}
			if moved, err := os.ReadFile(r.Moved); err != nil || !bytes.Equal(moved, damaged) {
				t.Errorf("the damaged file is not kept as it was (%v)", err)
			}
			wantFrom := filepath.Join(filepath.Dir(path), "backups", "journal-2026-03-03.db")
			if r.RestoredFrom != wantFrom {
				t.Errorf("restored from %q, want %q", r.RestoredFrom, wantFrom)
			}
			got, err := s.Entries(time.Time{}, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			sameEntries(t, got, []Entry{one, two})
			// The restored journal works.
			if _, err := s.AddEntry(entry(at(4, 10, 0), Morning, 1)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// damageDetected reports whether Open's check finds the file at path damaged.
func damageDetected(path string) bool {
	db, damage, err := openChecked(path)
	if db != nil {
		db.Close()
	}
	return damage != nil || err != nil
}

func TestDamagedFileWithoutGoodBackup(t *testing.T) {
	tests := []struct {
		name      string
		prepare   func(t *testing.T, dir string)
		wantFrom  string // backup file name, "" for an empty journal
		wantCount int    // entries after recovery
	}{
		{"no backups at all", func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, "backups")); err != nil {
				t.Fatal(err)
			}
		}, "", 0},
		{"newest backup damaged too: the one before", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, "backups", "journal-2026-03-03.db"), []byte("not a journal"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "journal-2026-03-02.db", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "journal.db")
			withEntry(t, path, 1)
			withEntry(t, path, 2)
			withEntry(t, path, 3)
			if err := os.WriteFile(path, []byte("garbage, not a bbolt file, long enough to read a page from"), 0o600); err != nil {
				t.Fatal(err)
			}
			tt.prepare(t, dir)
			s, err := open(path, day(4))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			r := s.Recovery()
			if r == nil {
				t.Fatal("Recovery is nil")
			}
			if got := filepath.Base(r.RestoredFrom); (tt.wantFrom == "" && r.RestoredFrom != "") || (tt.wantFrom != "" && got != tt.wantFrom) {
				t.Errorf("restored from %q, want %q", r.RestoredFrom, tt.wantFrom)
			}
			got, err := s.Entries(time.Time{}, time.Time{})
			if err != nil || len(got) != tt.wantCount {
				t.Errorf("got %d entries (%v), want %d", len(got), err, tt.wantCount)
			}
			if _, err := os.Stat(r.Moved); err != nil {
				t.Errorf("damaged file not kept: %v", err)
			}
		})
	}
}

func TestBackupsOneADayKeepSeven(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.db")
	for d := 1; d <= 10; d++ {
		withEntry(t, path, d)
	}
	// A second Open the same day leaves that day's backup alone.
	withEntry(t, path, 10)
	names, err := listBackups(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range names {
		got = append(got, filepath.Base(n))
	}
	var want []string
	for d := 4; d <= 10; d++ {
		want = append(want, time.Date(2026, 3, d, 0, 0, 0, 0, zone).Format("journal-2006-01-02.db"))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("backups %v, want %v", got, want)
	}
	// Day 10's backup was made when it opened first: it holds the
	// entries of days 1 to 9.
	b, err := open(filepath.Join(dir, "backups", "journal-2026-03-10.db"), day(10))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got, _ := b.Entries(time.Time{}, time.Time{}); len(got) != 9 {
		t.Errorf("day 10's backup holds %d entries, want 9", len(got))
	}
	if info, err := os.Stat(names[0]); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode: %v, %v; want 0600", info.Mode(), err)
	}
}

func TestBackup(t *testing.T) {
	s := openTest(t)
	e, err := s.AddEntry(entry(at(1, 8, 0), Morning, 3))
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(to, []byte("an older copy"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(to); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(to)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("backup mode %v (%v), want 0600", info.Mode(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(to), ".copy.db.tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	b, err := open(to, day(1))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	got, err := b.Entries(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, got, []Entry{e})
	if err := s.Backup(filepath.Join(t.TempDir(), "no", "such", "folder", "x.db")); err == nil {
		t.Error("Backup into a missing folder: got no error")
	}
}
