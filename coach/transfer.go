package coach

import (
	"io"

	"steady/journal"
)

// Export writes the whole journal in format f. Each session's light is
// brought up to date with the rules first, so a spreadsheet sees the same
// light as the window (the import ignores it and works it out again).
func (c *Coach) Export(w io.Writer, f journal.Format) error {
	if err := c.Rejudge(); err != nil {
		return err
	}
	return c.j.Export(w, f)
}

// Import adds the records of r (format f) all or nothing, then works out
// every session's light and the standing from the ratings, as the rules
// see them now: a journal moved between computers judges the same. Records
// dated after now are kept; the rules see them when their time comes.
//
// A JSON file's standing and safety answers are taken when the journal has
// no standing; otherwise the journal's stay (see ImportWith).
func (c *Coach) Import(r io.Reader, f journal.Format) (journal.ImportResult, error) {
	return c.ImportWith(r, f, journal.KeepStanding)
}

// ImportWith is Import, with what to do with a file's standing and safety
// answers that differ from the journal's (journal.StandingChoice).
func (c *Coach) ImportWith(r io.Reader, f journal.Format, choice journal.StandingChoice) (journal.ImportResult, error) {
	res, err := c.j.ImportWith(r, f, choice)
	if err != nil {
		return res, err
	}
	// The lights are a cache of the rules: if this is interrupted, the next
	// change or Today works them out again.
	return res, c.Rejudge()
}

// Rejudge applies the rules as of now and brings every stored light up to
// date. Before the first run it only reads.
func (c *Coach) Rejudge() error {
	return c.change(func(*journal.Tx) error { return nil })
}
