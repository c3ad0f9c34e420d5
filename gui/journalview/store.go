package journalview

import (
	"io"
	"time"

	"steady/coach"
	"steady/journal"
)

// Store is what the Journal screen asks of the application layer: the
// records with the lights the rules give them, and every change, which the
// application saves together with what the rules then decide.
// *coach.Coach has it, and tests may use a fake.
type Store interface {
	Journal() (coach.Records, error)
	CheckIn(e journal.Entry) (coach.CheckedIn, error)
	EditEntry(old time.Time, e journal.Entry) error
	DeleteEntry(t time.Time) (journal.Entry, error)
	RestoreEntry(e journal.Entry) error
	DeleteSession(t time.Time) (journal.Session, error)
	RestoreSession(s journal.Session) error
	DeleteWalk(t time.Time) (journal.Walk, error)
	RestoreWalk(w journal.Walk) error
	Export(w io.Writer, f journal.Format) error
	FunctionStore
}

var _ Store = (*coach.Coach)(nil)
