package journalview

import (
	"io"
	"time"

	"steady/journal"
)

// Store is what the Journal screen needs of the journal; *journal.Store
// has it, and tests may use a fake.
type Store interface {
	AddEntry(e journal.Entry) (journal.Entry, error)
	PutEntry(old time.Time, e journal.Entry) error
	DeleteEntry(t time.Time) (journal.Entry, error)
	Entries(from, to time.Time) ([]journal.Entry, error)
	AddSession(x journal.Session) (journal.Session, error)
	DeleteSession(t time.Time) (journal.Session, error)
	Sessions(from, to time.Time) ([]journal.Session, error)
	Export(w io.Writer, f journal.Format) error
}

var _ Store = (*journal.Store)(nil)
