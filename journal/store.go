package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

var (
	// ErrLocked: another Steady has the journal open.
	ErrLocked = errors.New("journal: the file is open in another Steady (Steady is already running)")
	// ErrTooNew: the file was written by a newer Steady. Open refuses it
	// and leaves it exactly as it was.
	ErrTooNew = errors.New("journal: the file was written by a newer Steady")
	// ErrNotFound: no entry or session at that time.
	ErrNotFound = errors.New("journal: nothing recorded at that time")
)

// lockTimeout is how long Open waits for another Steady to let go of the file.
const lockTimeout = time.Second

// A Store is an open journal. Its methods may be called from several
// goroutines.
type Store struct {
	db        *bolt.DB
	path      string
	recovery  *Recovery
	backupErr error
}

// Recovery says what Open did with a damaged journal file; the command
// line and the window put it into words (recoveryNotice in main).
type Recovery struct {
	Moved        string    // where the damaged file is now; Steady never deletes it
	RestoredFrom string    // the backup restored in its place, or "" for a new empty journal
	BackupTime   time.Time // when that backup was written
	Err          error     // what was wrong with the file
}

// options are what tests change about Open.
type options struct {
	now func() time.Time // the clock, for naming backups and damaged files
}

// Open opens the journal at path, creating it (mode 0600, its folder 0700)
// if it does not exist. It waits at most a second for another Steady that
// has the file open and then returns ErrLocked; a file from a newer Steady
// gives ErrTooNew. A damaged file is moved aside and the newest good backup
// restored: see Recovery. Open also makes the day's automatic backup.
func Open(path string) (*Store, error) {
	return open(path, options{now: time.Now})
}

func open(path string, o options) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("journal: open %s: %w", path, err)
	}
	s := &Store{path: path}
	db, damage, err := openChecked(path)
	if err != nil {
		return nil, err
	}
	if damage != nil {
		if db, s.recovery, err = recoverFile(path, damage, o.now()); err != nil {
			return nil, err
		}
	}
	s.db = db
	if err := s.migrate(); err != nil {
		// The migration error says more than a failed close would.
		_ = db.Close()
		return nil, err
	}
	s.backupErr = s.autoBackup(o.now())
	return s, nil
}

// migrate brings the file to schemaVersion in one Update; a file that is
// current is not written to at all.
func (s *Store) migrate() error {
	var v int
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = fileVersion(tx)
		return err
	})
	if err == nil && v == schemaVersion {
		return nil
	}
	if err == nil {
		err = s.db.Update(func(tx *bolt.Tx) error { return migrate(tx, migrations) })
	}
	if err != nil {
		return fmt.Errorf("journal: open %s: %w", s.path, err)
	}
	return nil
}

// openChecked opens the bbolt file at path and checks all of it. A damaged
// file comes back as damage (and no DB); err is for everything else.
func openChecked(path string) (db *bolt.DB, damage, err error) {
	db, damage, err = openBolt(path)
	if err != nil || damage != nil {
		return nil, damage, err
	}
	if damage = check(db); damage != nil {
		// The damage matters more than a failed close.
		_ = db.Close()
		return nil, damage, nil
	}
	var v int
	if verr := db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = fileVersion(tx)
		return err
	}); verr != nil {
		_ = db.Close() // a version that cannot be read is damage, and matters more
		return nil, verr, nil
	}
	if v > schemaVersion {
		_ = db.Close() // refusing the file matters more
		return nil, nil, fmt.Errorf("%w (schema version %d; this Steady knows up to %d): %s", ErrTooNew, v, schemaVersion, path)
	}
	return db, nil, nil
}

// openBolt opens the file, telling damage from other failures. bbolt may
// panic on a damaged file; the panic is damage too.
func openBolt(path string) (db *bolt.DB, damage, err error) {
	// bbolt opens the file through this hook, so that after a panic the
	// file can still be closed and its lock released.
	var file *os.File
	openFile := func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, perm)
		if file == nil {
			file = f
		}
		return f, err
	}
	defer func() {
		if p := recover(); p != nil {
			if file != nil {
				// Best effort: the panic is what matters. The failed
				// bbolt's memory map stays, the size of the file.
				unlock(file)
				file.Close()
			}
			db, damage, err = nil, fmt.Errorf("journal: reading %s failed: %v", path, p), nil
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, OpenFile: openFile})
	switch {
	case err == nil:
		return db, nil, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, nil, fmt.Errorf("%w: %s", ErrLocked, path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping):
		return nil, fmt.Errorf("journal: open %s: %w", path, err), nil
	}
	return nil, nil, fmt.Errorf("journal: open %s: %w", path, err)
}

// check reads every bucket, key and value of the file, then runs bbolt's
// own consistency check. The walk comes first and in this goroutine: a
// broken page panics here, where it is recovered, rather than in the
// goroutine tx.Check runs in.
func check(db *bolt.DB) (damage error) {
	defer func() {
		if p := recover(); p != nil {
			damage = fmt.Errorf("journal: reading %s failed: %v", db.Path(), p)
		}
	}()
	return db.View(func(tx *bolt.Tx) error {
		if err := tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(b) }); err != nil {
			return err
		}
		var errs []error
		for err := range tx.Check() {
			if len(errs) < 10 {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			return fmt.Errorf("journal: check %s: %w", db.Path(), errors.Join(errs...))
		}
		return nil
	})
}

// walk visits every page of b and its nested buckets.
func walk(b *bolt.Bucket) error {
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil {
			if nb := b.Bucket(k); nb != nil {
				if err := walk(nb); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// recoverFile moves the damaged file at path aside, puts the newest backup
// that opens and checks in its place (or a new empty journal) and opens it.
func recoverFile(path string, damage error, now time.Time) (*bolt.DB, *Recovery, error) {
	moved, err := moveAside(path, now)
	if err != nil {
		return nil, nil, fmt.Errorf("journal: move damaged %s aside: %w (the damage: %v)", path, err, damage)
	}
	r := &Recovery{Moved: moved, Err: damage}
	backups, err := listBackups(filepath.Dir(path))
	if err != nil {
		return nil, nil, err
	}
	for i := len(backups) - 1; i >= 0; i-- {
		b := backups[i]
		info, err := os.Stat(b)
		if err != nil {
			continue // gone since it was listed: try the next
		}
		if err := copyFile(b, path); err != nil {
			return nil, nil, fmt.Errorf("journal: restore %s: %w", b, err)
		}
		db, bad, err := openChecked(path)
		if err != nil {
			return nil, nil, fmt.Errorf("journal: restore %s: %w", b, err)
		}
		if bad != nil {
			// A damaged backup: drop its copy and try an older one; the
			// backup itself stays where it is.
			if err := os.Remove(path); err != nil {
				return nil, nil, fmt.Errorf("journal: restore %s: %w", b, err)
			}
			continue
		}
		r.RestoredFrom, r.BackupTime = b, info.ModTime()
		return db, r, nil
	}
	db, bad, err := openChecked(path)
	if err == nil && bad != nil {
		err = bad
	}
	if err != nil {
		return nil, nil, fmt.Errorf("journal: start a new journal at %s: %w", path, err)
	}
	return db, r, nil
}

// moveAside renames path to path.damaged-<date-time>, never over another file.
func moveAside(path string, now time.Time) (string, error) {
	base := path + ".damaged-" + now.Format("20060102-150405")
	to := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(to); errors.Is(err, os.ErrNotExist) {
			break
		}
		to = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(path, to); err != nil {
		return "", err
	}
	return to, syncDir(filepath.Dir(path))
}

// Recovery is non-nil when Open found the file damaged: it says what Open
// did about it.
func (s *Store) Recovery() *Recovery { return s.recovery }

// BackupErr is why Open could not make the day's automatic backup; nil when
// it made it or it was there already.
func (s *Store) BackupErr() error { return s.backupErr }

// Path is the journal file's path.
func (s *Store) Path() string { return s.path }

// Close closes the journal. Everything written is on disk already.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("journal: close %s: %w", s.path, err)
	}
	return nil
}
