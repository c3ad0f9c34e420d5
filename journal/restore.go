package journal

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"steady/program"
)

// ErrNotJournal: the file is not a Steady journal.
var ErrNotJournal = errors.New("journal: not a Steady journal")

// A Summary says what a journal file holds.
type Summary struct {
	Schema   int // the file's schema version
	Entries  int
	Sessions int
	Walks    int
	Last     time.Time // the newest record's time; zero for none
	// Standing is where the user is in the routine; nil before the first
	// run, or in a file of an older schema (it is read after migrating).
	Standing *program.Standing
}

// Inspect opens the journal file at path read-only, checks every page of it
// and says what it holds, changing nothing. It refuses a file that is not a
// Steady journal (ErrNotJournal), is damaged, or was written by a newer
// Steady (ErrTooNew); ErrLocked when a Steady has it open.
func Inspect(path string) (sum Summary, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return sum, fmt.Errorf("journal: %w", err)
	}
	if !info.Mode().IsRegular() {
		return sum, fmt.Errorf("%w: %s is not a regular file", ErrNotJournal, path)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: reading %s failed: %v", ErrNotJournal, path, p)
		}
	}()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: lockTimeout})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return sum, fmt.Errorf("%w: %s", ErrLocked, path)
	case err != nil:
		return sum, fmt.Errorf("%w: %s: %v", ErrNotJournal, path, err)
	}
	defer db.Close() // read only: nothing to lose
	if damage := check(db); damage != nil {
		return sum, fmt.Errorf("%w: %v", ErrNotJournal, damage)
	}
	err = db.View(func(tx *bolt.Tx) error {
		v, err := fileVersion(tx)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrNotJournal, path, err)
		}
		if v < 1 {
			return fmt.Errorf("%w: %s has no schema version", ErrNotJournal, path)
		}
		if v > schemaVersion {
			return fmt.Errorf("%w (schema version %d; this Steady knows up to %d): %s", ErrTooNew, v, schemaVersion, path)
		}
		sum.Schema = v
		for _, b := range []struct {
			name  []byte
			count *int
			since int // the schema version that introduced it
		}{{bucketEntries, &sum.Entries, 1}, {bucketSessions, &sum.Sessions, 1}, {bucketWalks, &sum.Walks, 2}} {
			bk := tx.Bucket(b.name)
			if bk == nil {
				if v < b.since {
					continue
				}
				return fmt.Errorf("%w: %s has no %s", ErrNotJournal, path, b.name)
			}
			*b.count = bk.Stats().KeyN
			if k, _ := bk.Cursor().Last(); k != nil {
				if t, err := keyTime(k); err == nil && t.After(sum.Last) {
					sum.Last = t
				}
			}
		}
		if tx.Bucket(bucketState) == nil {
			return fmt.Errorf("%w: %s has no %s", ErrNotJournal, path, bucketState)
		}
		if v == schemaVersion {
			st, ok, err := readStanding(tx)
			if err != nil {
				return fmt.Errorf("%w: %s: its standing: %v", ErrNotJournal, path, err)
			}
			if ok {
				sum.Standing = &st
			}
		}
		return nil
	})
	return sum, err
}

// Restore puts a copy of the journal file from in place of the journal at
// path, and keeps the journal it replaces next to it, as
// path.before-restore-<date-time>; kept is that name, "" when there was no
// journal. The copy is checked (Inspect) before it is put in place, and put
// there with a rename: at every moment path is the old journal or the whole
// new one. ErrLocked when a Steady has the journal open.
func Restore(path, from string, now time.Time) (kept string, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("journal: restore: %w", err)
	}
	// Hold the journal's lock, so no Steady opens it during the swap.
	old, err := os.Open(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		old = nil
	case err != nil:
		return "", fmt.Errorf("journal: restore: %w", err)
	default:
		defer old.Close() // releases the lock; read only
		if err := lockFile(old, lockTimeout); err != nil {
			return "", fmt.Errorf("%w: %s", ErrLocked, path)
		}
	}

	tmp, err := copyTemp(from, dir)
	if err != nil {
		return "", fmt.Errorf("journal: restore %s: %w", from, err)
	}
	defer os.Remove(tmp) // gone after the rename; otherwise a stray copy
	if _, err := Inspect(tmp); err != nil {
		return "", fmt.Errorf("journal: restore %s: %w", from, err)
	}
	if old != nil {
		if kept, err = keepAside(path, now); err != nil {
			return "", fmt.Errorf("journal: restore: keep the current journal: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return kept, fmt.Errorf("journal: restore: %w", err)
	}
	if err := syncDir(dir); err != nil {
		return kept, fmt.Errorf("journal: restore: %w", err)
	}
	return kept, nil
}

// copyTemp copies from to a new temporary file in dir (mode 0600, synced)
// and returns its name.
func copyTemp(from, dir string) (string, error) {
	src, err := os.Open(from)
	if err != nil {
		return "", err
	}
	defer src.Close() // read only
	f, err := os.CreateTemp(dir, ".journal.db.restore-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(f, src)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name()) // best effort: the copy failed already
		return "", err
	}
	return f.Name(), nil
}

// keepAside keeps the file at path, as it is, under the name
// path.before-restore-<date-time> (never over another file): a hard link,
// so path stays in place until the rename over it; a copy where the file
// system has no hard links.
func keepAside(path string, now time.Time) (string, error) {
	base := path + ".before-restore-" + now.Format("20060102-150405")
	to := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(to); errors.Is(err, os.ErrNotExist) {
			break
		}
		to = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Link(path, to); err != nil {
		if err := copyFile(path, to); err != nil {
			return "", err
		}
	}
	return to, syncDir(filepath.Dir(path))
}
