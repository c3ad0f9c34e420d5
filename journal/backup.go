package journal

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Automatic backups: one a day, in the backups folder next to the journal.
const (
	backupDir  = "backups"
	keepBackup = 7 // how many daily backups to keep
)

// backupName matches the automatic backups' names; they sort by date.
var backupName = regexp.MustCompile(`^journal-\d{4}-\d{2}-\d{2}\.db$`)

// Backup writes a consistent copy of the journal to path (mode 0600). The
// copy is written to a temporary file next to path and renamed over it, so
// path holds either the old file or the whole new copy.
func (s *Store) Backup(path string) error {
	err := writeAtomic(path, func(w io.Writer) error {
		return s.db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("journal: backup to %s: %w", path, err)
	}
	return nil
}

// autoBackup makes today's backup if it is missing and keeps the newest
// keepBackup.
func (s *Store) autoBackup(now time.Time) error {
	dir := filepath.Join(filepath.Dir(s.path), backupDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("journal: backup: %w", err)
	}
	today := filepath.Join(dir, "journal-"+now.Format(time.DateOnly)+".db")
	if _, err := os.Stat(today); err == nil {
		return nil
	}
	if err := s.Backup(today); err != nil {
		return err
	}
	names, err := listBackups(filepath.Dir(s.path))
	if err != nil {
		return err
	}
	for _, old := range names[:max(0, len(names)-keepBackup)] {
		if err := os.Remove(old); err != nil {
			return fmt.Errorf("journal: remove old backup: %w", err)
		}
	}
	return nil
}

// listBackups lists the automatic backups of the journal in dir, oldest first.
func listBackups(dir string) ([]string, error) {
	dir = filepath.Join(dir, backupDir)
	des, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("journal: list backups: %w", err)
	}
	var names []string
	for _, de := range des {
		if de.Type().IsRegular() && backupName.MatchString(de.Name()) {
			names = append(names, filepath.Join(dir, de.Name()))
		}
	}
	slices.Sort(names)
	return names, nil
}

// copyFile copies from to to, atomically, mode 0600.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close() // read only: nothing to lose on close
	return writeAtomic(to, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
}

// writeAtomic writes path through write: to a temporary file in the same
// folder (mode 0600), synced, then renamed over path, then the folder
// synced. On failure the temporary file is removed and path is untouched.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()           // already failed: the first error says more
			os.Remove(f.Name()) // best effort: a stray temporary file harms nothing
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	if err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	if err := d.Sync(); err != nil {
		d.Close() // the sync error says more
		return err
	}
	return d.Close()
}
