package journal

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

// Format is a file format for Export and Import.
type Format int

const (
	CSV  Format = iota + 1 // RFC 4180, one row per entry, session and walk
	JSON                   // {"version":3,"entries":[...],"sessions":[...],"walks":[...],"standing":{...},"flag":{...}}
)

func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case JSON:
		return "json"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat returns the format named name ("csv" or "json", any case, a
// leading dot allowed so a file's extension works).
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(name, ".")) {
	case "csv":
		return CSV, nil
	case "json":
		return JSON, nil
	}
	return 0, fmt.Errorf("journal: unknown format %q: want csv or json", name)
}

// exportVersion is the version of the JSON export this code writes.
// Version 3 added the standing and the safety answers. Import reads
// versions 1 and 2 too: version 1's sessions held sentences (stop_reason,
// result), which are read as the migration to schema version 2 reads them.
const exportVersion = 3

// exportV3 is the JSON export: the stored shapes, each list oldest first,
// and the standing and red-flag state as stored (absent before the first
// run).
type exportV3 struct {
	Version  int         `json:"version"`
	Entries  []entryV1   `json:"entries"`
	Sessions []sessionV2 `json:"sessions"`
	Walks    []walkV1    `json:"walks"`
	Standing *standingV2 `json:"standing,omitempty"`
	Flag     *flagV1     `json:"flag,omitempty"`
}

// Columns of the CSV export, in order.
const (
	colRecord = iota
	colTime
	// entries
	colKind
	colBackPain
	colLegPain
	colTightness
	colCause
	colLegReach
	// entries and sessions
	colNumbWeak
	// entries and walks
	colNote
	// walks
	colMinutes
	// sessions
	colStarted
	colRoutine
	colLevel
	colDoseStep
	colFlare
	colCompleted
	colSkipped
	colDuration
	colMaxPainDuring
	colPainAfter
	colLegSpread
	colFelt
	colStoppedForPain
	colStopCauses
	colStopNote
	colLight
	colFinal
	colMorningUnknown
	colResultMode
	colResultLevel
	colResultDoseStep
	colResultUntil
	colResultText
	numColumns
)

// csvHeader is the CSV export's header row. A row is an entry, a session
// or a walk, as its record column says; the columns of the other kinds
// stay empty.
var csvHeader = []string{
	colRecord: "record", colTime: "time",
	colKind: "kind", colBackPain: "back_pain", colLegPain: "leg_pain", colTightness: "tightness",
	colCause: "cause", colLegReach: "leg_reach",
	colNumbWeak: "numb_weak",
	colNote:     "note",
	colMinutes:  "minutes",
	colStarted:  "started", colRoutine: "routine", colLevel: "level", colDoseStep: "dose_step",
	colFlare: "flare", colCompleted: "completed", colSkipped: "skipped", colDuration: "duration",
	colMaxPainDuring: "max_pain_during", colPainAfter: "pain_after", colLegSpread: "leg_spread",
	colFelt: "felt", colStoppedForPain: "stopped_for_pain", colStopCauses: "stop_causes", colStopNote: "stop_note",
	colLight: "light", colFinal: "final", colMorningUnknown: "morning_unknown",
	colResultMode: "result_mode", colResultLevel: "result_level", colResultDoseStep: "result_dose_step",
	colResultUntil: "result_until", colResultText: "result_text",
}

// csvHeaderV1 is the header of a version 1 CSV export, which Import reads
// too.
var csvHeaderV1 = []string{"record", "time", "kind", "back_pain", "leg_pain", "tightness", "cause", "leg_reach",
	"numb_weak", "note", "started", "routine", "level", "dose_step", "flare", "completed", "skipped", "duration",
	"max_pain_during", "pain_after", "leg_spread", "felt", "stopped_for_pain", "stop_reason", "light", "result"}

// Column sets by record kind: the columns a row of that kind fills, besides
// record and time. A row leaves every other column empty. (stop_reason
// and result are version 1's.)
var (
	entryColumns   = []string{"kind", "back_pain", "leg_pain", "tightness", "cause", "leg_reach", "numb_weak", "note"}
	sessionColumns = []string{"numb_weak", "started", "routine", "level", "dose_step", "flare", "completed", "skipped",
		"duration", "max_pain_during", "pain_after", "leg_spread", "felt", "stopped_for_pain", "stop_causes", "stop_note",
		"light", "final", "morning_unknown", "result_mode", "result_level", "result_dose_step", "result_until", "result_text",
		"stop_reason", "result"}
	walkColumns = []string{"note", "minutes"}
)

const (
	recordEntry   = "entry"
	recordSession = "session"
	recordWalk    = "walk"
)

// Export writes the whole journal (entries, sessions and walks) to w in
// format f. CSV rows are in time order; times are RFC 3339 with
// nanoseconds and the offset they were recorded with. A JSON export is
// read completely before anything is written; a CSV export is written as
// it is read, so a record that cannot be read stops it part-way, with an
// error.
func (s *Store) Export(w io.Writer, f Format) error {
	var err error
	switch f {
	case CSV:
		err = s.exportCSV(w)
	case JSON:
		err = s.exportJSON(w)
	default:
		err = fmt.Errorf("unknown format %v", f)
	}
	if err != nil {
		return fmt.Errorf("journal: export: %w", err)
	}
	return nil
}

func (s *Store) exportJSON(w io.Writer) error {
	x := exportV3{Version: exportVersion, Entries: []entryV1{}, Sessions: []sessionV2{}, Walks: []walkV1{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		if err := exportState(tx, &x); err != nil {
			return err
		}
		err := each(tx.Bucket(bucketEntries), time.Time{}, time.Time{}, decodeEntry, func(e Entry) {
			x.Entries = append(x.Entries, e.record())
		})
		if err == nil {
			err = each(tx.Bucket(bucketSessions), time.Time{}, time.Time{}, decodeSession, func(rec Session) {
				x.Sessions = append(x.Sessions, rec.record())
			})
		}
		if err == nil {
			err = each(tx.Bucket(bucketWalks), time.Time{}, time.Time{}, decodeWalk, func(w Walk) {
				x.Walks = append(x.Walks, w.record())
			})
		}
		return err
	})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}

// exportCSV writes the CSV export to w, in one read transaction. Each row
// is written as its record is decoded, the entries, sessions and walks
// merged by key (time): at the same instant an entry comes first, then a
// session, then a walk.
func (s *Store) exportCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, numColumns)
	err := s.db.View(func(tx *bolt.Tx) error {
		// One cursor per bucket, in the order records at the same instant
		// are written.
		type source struct {
			c    *bolt.Cursor
			k, v []byte
			fill func(row []string, v []byte) error
		}
		sources := []*source{
			{c: tx.Bucket(bucketEntries).Cursor(), fill: func(row []string, v []byte) error {
				e, err := decodeEntry(v)
				entryRow(row, e)
				return err
			}},
			{c: tx.Bucket(bucketSessions).Cursor(), fill: func(row []string, v []byte) error {
				x, err := decodeSession(v)
				sessionRow(row, x)
				return err
			}},
			{c: tx.Bucket(bucketWalks).Cursor(), fill: func(row []string, v []byte) error {
				w, err := decodeWalk(v)
				walkRow(row, w)
				return err
			}},
		}
		for _, src := range sources {
			src.k, src.v = src.c.First()
		}
		for {
			var next *source
			for _, src := range sources {
				if src.k != nil && (next == nil || bytes.Compare(src.k, next.k) < 0) {
					next = src
				}
			}
			if next == nil {
				return nil
			}
			if err := next.fill(row, next.v); err != nil {
				return fmt.Errorf("at key %x: %w", next.k, err)
			}
			if err := cw.Write(row); err != nil {
				return err
			}
			next.k, next.v = next.c.Next()
		}
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// A CSV text cell (a note, the routine, exercise ids, the user's words on
// stopping, a legacy result) is written so that a spreadsheet does not
// take it for a formula (CSV injection, as OWASP describes it): a cell
// whose first character is =, +, -, @, a tab or a carriage return gets a
// ' in front. So that every text comes back unchanged, a cell that starts
// with ' gets one more in front as well. Import then removes exactly one
// leading ' from a text cell that has one, and only from a text cell: a
// text that began with ' was written with two and comes back with one.
// Numbers, times, words of enumerations and true/false never start with
// any of these characters and are written as they are. Version 1 exports
// did not escape, so Import leaves their cells as they are.

// escapeCell is text as a CSV text cell.
func escapeCell(text string) string {
	if text != "" && strings.IndexByte("=+-@\t\r'", text[0]) >= 0 {
		return "'" + text
	}
	return text
}

// unescapeCell is the text of a CSV text cell written by escapeCell.
func unescapeCell(cell string) string {
	return strings.TrimPrefix(cell, "'")
}

// entryRow fills row with e's columns; the other columns are empty.
func entryRow(row []string, e Entry) {
	clear(row)
	r := e.record()
	row[colRecord] = recordEntry
	row[colTime] = formatTime(r.Time)
	row[colKind] = r.Kind
	row[colBackPain] = strconv.Itoa(r.BackPain)
	row[colLegPain] = strconv.Itoa(r.LegPain)
	row[colTightness] = strconv.Itoa(r.Tightness)
	row[colCause] = r.Cause
	row[colLegReach] = r.LegReach
	row[colNumbWeak] = strconv.FormatBool(r.NumbWeak)
	row[colNote] = escapeCell(r.Note)
}

// sessionRow fills row with x's columns; the other columns are empty.
func sessionRow(row []string, x Session) {
	clear(row)
	r := x.record()
	row[colRecord] = recordSession
	row[colTime] = formatTime(r.Time)
	row[colNumbWeak] = strconv.FormatBool(r.NumbWeak)
	row[colStarted] = formatTime(r.Started)
	row[colRoutine] = escapeCell(r.Routine)
	row[colLevel] = strconv.Itoa(r.Level)
	row[colDoseStep] = strconv.Itoa(r.DoseStep)
	row[colFlare] = strconv.FormatBool(r.Flare)
	row[colCompleted] = escapeCell(strings.Join(r.Completed, " "))
	row[colSkipped] = escapeCell(strings.Join(r.Skipped, " "))
	row[colDuration] = r.Duration
	row[colMaxPainDuring] = strconv.Itoa(r.MaxPainDuring)
	row[colPainAfter] = strconv.Itoa(r.PainAfter)
	row[colLegSpread] = r.LegSpread
	row[colFelt] = r.Felt
	row[colStoppedForPain] = strconv.FormatBool(r.StoppedForPain)
	row[colStopCauses] = strings.Join(r.StopCauses, " ")
	row[colStopNote] = escapeCell(r.StopNote)
	row[colLight] = r.Light
	row[colFinal] = strconv.FormatBool(r.Final)
	row[colMorningUnknown] = strconv.FormatBool(r.MorningUnknown)
	row[colResultMode] = r.ResultMode
	if r.ResultMode != "" {
		row[colResultLevel] = strconv.Itoa(r.ResultLevel)
		row[colResultDoseStep] = strconv.Itoa(r.ResultDoseStep)
	}
	row[colResultUntil] = formatTime(r.ResultUntil)
	row[colResultText] = escapeCell(r.ResultText)
}

// walkRow fills row with w's columns; the other columns are empty.
func walkRow(row []string, w Walk) {
	clear(row)
	r := w.record()
	row[colRecord] = recordWalk
	row[colTime] = formatTime(r.Time)
	row[colMinutes] = strconv.Itoa(r.Minutes)
	row[colNote] = escapeCell(r.Note)
}

// formatTime is a CSV time: RFC 3339 with nanoseconds; "" for the zero time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// ImportResult counts what Import did.
type ImportResult struct {
	Entries  int // entries added
	Sessions int // sessions added
	Walks    int // walks added
	Skipped  int // records already in the journal, identical

	// StandingSet: the file's standing and safety answers were stored.
	StandingSet bool
	// StandingKept: the file's standing differs and the journal's was kept.
	StandingKept bool
}

// A Problem is one thing wrong in an imported file.
type Problem struct {
	Line int    // the line it starts on, from 1; 0 for the file as a whole
	Msg  string // what is wrong, in plain words
}

func (p Problem) String() string {
	if p.Line == 0 {
		return p.Msg
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
}

// ImportError lists every problem found in an imported file. Import wrote
// nothing.
type ImportError struct {
	Problems []Problem
}

func (e *ImportError) Error() string {
	const shown = 5
	var b strings.Builder
	fmt.Fprintf(&b, "journal: import: %d problem(s), nothing imported: ", len(e.Problems))
	for i, p := range e.Problems {
		if i == shown {
			fmt.Fprintf(&b, "; and %d more", len(e.Problems)-shown)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// maxImport is the largest file Import reads.
const maxImport = 256 << 20

// imported is one record read from an import file.
// It is one of entry, session and walk.
type imported struct {
	line    int
	entry   *Entry
	session *Session
	walk    *Walk
}

// Import adds the entries, sessions and walks in r, in format f, to the
// journal. It checks the whole file first and writes all of it in one
// transaction, or nothing: every problem comes back in an *ImportError,
// with its line. A record whose time is in the journal already with the
// same content is skipped, so importing an export again changes nothing;
// the same time with other content is a problem. Records dated after now
// are kept like any other (a clock that ran ahead must not lose them).
//
// A session's light, final, morning_unknown and result columns (keys) are
// not imported: they are what the application layer worked out, and it
// works them out again after an import. Sessions compare without them.
//
// A JSON file's standing and safety answers are stored when the journal has
// no standing yet; when it has another, the journal's stays (see
// ImportWith).
func (s *Store) Import(r io.Reader, f Format) (ImportResult, error) {
	return s.ImportWith(r, f, KeepStanding)
}

// ImportWith is Import, with what to do with a file's standing and safety
// answers that differ from the journal's.
func (s *Store) ImportWith(r io.Reader, f Format, choice StandingChoice) (ImportResult, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImport+1))
	if err != nil {
		return ImportResult{}, fmt.Errorf("journal: import: %w", err)
	}
	if len(data) > maxImport {
		return ImportResult{}, &ImportError{Problems: []Problem{{Msg: fmt.Sprintf("the file is larger than %d MB", maxImport>>20)}}}
	}
	var (
		recs     []imported
		state    importedState
		problems []Problem
	)
	switch f {
	case CSV:
		recs, problems = parseCSV(data)
	case JSON:
		recs, state, problems = parseJSON(data)
	default:
		return ImportResult{}, fmt.Errorf("journal: import: unknown format %v", f)
	}
	for i := range recs {
		var err error
		switch p := &recs[i]; {
		case p.entry != nil:
			*p.entry = p.entry.clean()
			err = p.entry.Validate()
		case p.session != nil:
			*p.session = withoutCache(p.session.clean())
			err = p.session.Validate()
		default:
			*p.walk = p.walk.clean()
			err = p.walk.Validate()
		}
		if err != nil {
			problems = append(problems, Problem{recs[i].line, strings.ReplaceAll(err.Error(), "\n", "; ")})
		}
	}
	problems = append(problems, state.validate()...)
	if len(problems) > 0 {
		return ImportResult{}, importError(problems)
	}
	var res ImportResult
	errProblems := errors.New("problems found")
	err = s.db.Update(func(tx *bolt.Tx) error {
		res, problems = add(tx, recs)
		if len(problems) > 0 {
			return errProblems
		}
		return state.apply(tx, choice, &res)
	})
	if errors.Is(err, errProblems) {
		return ImportResult{}, importError(problems)
	}
	if sc := (*StandingConflict)(nil); errors.As(err, &sc) {
		return ImportResult{}, sc
	}
	if err != nil {
		return ImportResult{}, fmt.Errorf("journal: import: %w", err)
	}
	return res, nil
}

// importError lists the problems in the order of their lines.
func importError(problems []Problem) *ImportError {
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
	return &ImportError{Problems: problems}
}

// withoutCache is x without what the application layer works out: its
// light and result.
func withoutCache(x Session) Session {
	x.Light, x.Final, x.MorningUnknown = "", false, false
	x.Result, x.ResultText = Result{}, ""
	return x
}

// add stores the valid records, skipping those already there.
func add(tx *bolt.Tx, recs []imported) (ImportResult, []Problem) {
	var (
		res      ImportResult
		problems []Problem
	)
	for _, r := range recs {
		var (
			b         *bolt.Bucket
			t         time.Time
			rec       any
			canonical string
			there     func(v []byte) string // the canonical form of a stored record
			what      string
			count     *int
		)
		switch {
		case r.entry != nil:
			b, t, rec, canonical, what, count = tx.Bucket(bucketEntries), r.entry.Time, r.entry.record(), canonicalEntry(*r.entry), "an entry", &res.Entries
			there = func(v []byte) string { e, err := decodeEntry(v); return canonicalOr(canonicalEntry(e), err) }
		case r.session != nil:
			b, t, rec, canonical, what, count = tx.Bucket(bucketSessions), r.session.Time, r.session.record(), canonicalSession(*r.session), "a session", &res.Sessions
			there = func(v []byte) string { x, err := decodeSession(v); return canonicalOr(canonicalSession(x), err) }
		default:
			b, t, rec, canonical, what, count = tx.Bucket(bucketWalks), r.walk.Time, r.walk.record(), canonicalWalk(*r.walk), "a walk", &res.Walks
			there = func(v []byte) string { w, err := decodeWalk(v); return canonicalOr(canonicalWalk(w), err) }
		}
		if v := b.Get(timeKey(t)); v != nil {
			if there(v) == canonical {
				res.Skipped++
				continue
			}
			problems = append(problems, Problem{r.line, fmt.Sprintf(
				"the journal already has %s at %s, with different content", what, t.Format(time.RFC3339Nano))})
			continue
		}
		if err := put(b, t, rec); err != nil {
			problems = append(problems, Problem{r.line, err.Error()})
			continue
		}
		*count++
	}
	return res, problems
}

// canonicalOr is canonical, or nothing any record's canonical form is when
// the record could not be decoded.
func canonicalOr(canonical string, err error) string {
	if err != nil {
		return ""
	}
	return canonical
}

// canonicalEntry, canonicalSession and canonicalWalk encode a record for
// comparison: the same instants recorded with different offsets are the
// same, and a session's light and result (which Import leaves out) do not
// count.
func canonicalEntry(e Entry) string {
	r := e.record()
	r.Time = r.Time.UTC()
	return canonicalJSON(r)
}

func canonicalSession(x Session) string {
	r := withoutCache(x).record()
	r.Time, r.Started = r.Time.UTC(), r.Started.UTC()
	return canonicalJSON(r)
}

func canonicalWalk(w Walk) string {
	r := w.record()
	r.Time = r.Time.UTC()
	return canonicalJSON(r)
}

func canonicalJSON(r any) string {
	v, err := json.Marshal(r)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(v)
}

// parseCSV reads the records of a CSV export.
func parseCSV(data []byte) ([]imported, []Problem) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, []Problem{{Line: 1, Msg: "the file is empty: want a header row " + strings.Join(csvHeader, ",")}}
	}
	if err != nil {
		return nil, []Problem{csvProblem(err)}
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // a byte order mark from a spreadsheet
	}
	// A version 1 export has stop_reason and no stop_causes.
	v1 := contains(header, "stop_reason") && !contains(header, "stop_causes")
	want := csvHeader
	if v1 {
		want = csvHeaderV1
	}
	col := make(map[string]int, len(header))
	var problems []Problem
	for i, name := range header {
		switch _, dup := col[name]; {
		case dup:
			problems = append(problems, Problem{1, fmt.Sprintf("the column %q is there twice", name)})
		case !contains(want, name):
			problems = append(problems, Problem{1, fmt.Sprintf("unknown column %q", name)})
		}
		col[name] = i
	}
	for _, name := range want {
		if _, ok := col[name]; !ok {
			problems = append(problems, Problem{1, fmt.Sprintf("the column %q is missing", name)})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	var recs []imported
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// After a broken quote the rest cannot be read reliably.
			return nil, append(problems, csvProblem(err))
		}
		line, _ := cr.FieldPos(0)
		if len(row) != len(header) {
			problems = append(problems, Problem{line, fmt.Sprintf("%d fields, want %d like the header", len(row), len(header))})
			continue
		}
		rec, msgs := parseRow(row, col, v1)
		if len(msgs) > 0 {
			problems = append(problems, Problem{line, strings.Join(msgs, "; ")})
			continue
		}
		rec.line = line
		recs = append(recs, rec)
	}
	return recs, problems
}

func csvProblem(err error) Problem {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Problem{pe.Line, "not readable as CSV: " + pe.Err.Error()}
	}
	return Problem{0, "not readable as CSV: " + err.Error()}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseRow turns one CSV row into a record; msgs says what is wrong. v1
// says the row is from a version 1 export.
func parseRow(row []string, col map[string]int, v1 bool) (rec imported, msgs []string) {
	get := func(name string) string { return row[col[name]] }
	// text is the text of a text cell (see escapeCell).
	text := func(name string) string {
		if v1 {
			return get(name)
		}
		return unescapeCell(get(name))
	}
	bad := func(format string, args ...any) { msgs = append(msgs, fmt.Sprintf(format, args...)) }
	num := func(name string) int {
		n, err := strconv.Atoi(get(name))
		if err != nil {
			bad("%s: %q is not a whole number", name, get(name))
		}
		return n
	}
	flag := func(name string) bool {
		v, err := strconv.ParseBool(get(name))
		if err != nil {
			bad("%s: %q is not true or false", name, get(name))
		}
		return v
	}
	when := func(name string, required bool) time.Time {
		v := get(name)
		if v == "" && !required {
			return time.Time{}
		}
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			bad("%s: %q is not a time like 2026-03-02T08:15:00+01:00", name, v)
		}
		return t
	}
	// only checks that the columns other than own, record and time are
	// empty.
	order := csvHeader
	if v1 {
		order = csvHeaderV1
	}
	only := func(own []string, kind string) {
		for _, name := range order {
			if name != "record" && name != "time" && !slices.Contains(own, name) && get(name) != "" {
				bad("%s: leave it empty on a %s row", name, kind)
			}
		}
	}
	ids := func(name string) []string { return strings.Fields(text(name)) }

	switch kind := get("record"); kind {
	case recordEntry:
		only(entryColumns, kind)
		reach, err := parseReach(get("leg_reach"))
		if err != nil {
			bad("leg_reach: %v", err)
		}
		e := Entry{
			Time: when("time", true), Kind: Kind(get("kind")),
			BackPain: num("back_pain"), LegPain: num("leg_pain"), Tightness: num("tightness"),
			Cause: program.Cause(get("cause")), LegReach: reach,
			NumbWeak: flag("numb_weak"), Note: text("note"),
		}
		rec.entry = &e
	case recordSession:
		only(sessionColumns, kind)
		// Light, final, morning_unknown and the result are not imported.
		r := sessionV2{
			Time: when("time", true), Started: when("started", false), Routine: text("routine"),
			Level: num("level"), DoseStep: num("dose_step"), Flare: flag("flare"),
			Completed: ids("completed"), Skipped: ids("skipped"), Duration: get("duration"),
			MaxPainDuring: num("max_pain_during"), PainAfter: num("pain_after"),
			LegSpread: get("leg_spread"), NumbWeak: flag("numb_weak"), Felt: get("felt"),
			StoppedForPain: flag("stopped_for_pain"),
		}
		if v1 {
			causes, note := parseStopReason(get("stop_reason"))
			for _, c := range causes {
				r.StopCauses = append(r.StopCauses, string(c))
			}
			r.StopNote = note
		} else {
			r.StopCauses, r.StopNote = strings.Fields(get("stop_causes")), text("stop_note")
		}
		x, err := r.session()
		if err != nil {
			bad("duration: %v", err)
		}
		rec.session = &x
	case recordWalk:
		if v1 {
			bad("record: %q: a version 1 export has no walks", kind)
			break
		}
		only(walkColumns, kind)
		w := Walk{Time: when("time", true), Minutes: num("minutes"), Note: text("note")}
		rec.walk = &w
	default:
		bad("record: %q is not %s, %s or %s", kind, recordEntry, recordSession, recordWalk)
	}
	return rec, msgs
}

// parseJSON reads the records of a JSON export, each with the line it
// starts on.
func parseJSON(data []byte) ([]imported, importedState, []Problem) {
	lines := lineStarts(data)
	lineAt := func(off int64) int {
		// Skip to where the value starts: past white space and a comma.
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		return sort.Search(len(lines), func(i int) bool { return lines[i] > int(off) })
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	syntax := func(err error) []Problem {
		// The value that does not parse starts here.
		line := lineAt(dec.InputOffset())
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return []Problem{{line, "not readable as JSON: " + err.Error()}}
	}
	expect := func(want json.Delim, what string) *Problem {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return &syntax(err)[0]
		}
		if tok != want {
			return &Problem{lineAt(off), fmt.Sprintf("want %s, found %v", what, tok)}
		}
		return nil
	}
	if p := expect('{', `an object {"version":2,"entries":[...],"sessions":[...],"walks":[...]}`); p != nil {
		return nil, importedState{}, []Problem{*p}
	}
	var (
		recs     []imported
		state    importedState
		problems []Problem
		version  int // 0 until read; sessions are read as version 2's before
	)
	for dec.More() {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil, importedState{}, append(problems, syntax(err)...)
		}
		key, _ := tok.(string) // an object's keys are strings
		switch key {
		case "version":
			off := dec.InputOffset()
			var v int
			if err := dec.Decode(&v); err != nil {
				var se *json.SyntaxError
				if errors.As(err, &se) || err == io.EOF || err == io.ErrUnexpectedEOF {
					return nil, importedState{}, append(problems, syntax(err)...)
				}
				problems = append(problems, Problem{lineAt(off), "version: want a number"})
			} else if v < 1 || v > exportVersion {
				problems = append(problems, Problem{lineAt(off), fmt.Sprintf(
					"version %d: this Steady reads versions 1 to %d; a newer Steady wrote this file", v, exportVersion)})
			} else {
				version = v
			}
			if version == 0 {
				version = -1 // read, but not a version this Steady reads
			}
		case "entries", "sessions", "walks":
			if p := expect('[', "a list [...] of "+key); p != nil {
				return nil, importedState{}, append(problems, *p)
			}
			for dec.More() {
				line := lineAt(dec.InputOffset())
				var (
					rec imported
					err error
				)
				rec.line = line
				switch {
				case key == "entries":
					var r entryV1
					if err = dec.Decode(&r); err == nil {
						var e Entry
						if e, err = r.entry(); err == nil {
							rec.entry = &e
						}
					}
				case key == "walks":
					var r walkV1
					if err = dec.Decode(&r); err == nil {
						w := r.walk()
						rec.walk = &w
					}
				case version == 1:
					// Sentences, read as the migration reads them.
					var r sessionV1
					if err = dec.Decode(&r); err == nil {
						var x Session
						if x, err = sessionFromV1(r).session(); err == nil {
							rec.session = &x
						}
					}
				default:
					var r sessionV2
					if err = dec.Decode(&r); err == nil {
						var x Session
						if x, err = r.session(); err == nil {
							rec.session = &x
						}
					}
				}
				var se *json.SyntaxError
				switch {
				case errors.As(err, &se) || err == io.EOF || err == io.ErrUnexpectedEOF:
					return nil, importedState{}, append(problems, syntax(err)...)
				case err != nil:
					problems = append(problems, Problem{line, jsonMsg(err)})
				default:
					recs = append(recs, rec)
				}
			}
			if p := expect(']', "the end ] of "+key); p != nil {
				return nil, importedState{}, append(problems, *p)
			}
		case "standing", "flag":
			line := lineAt(dec.InputOffset())
			var err error
			if key == "standing" {
				var r standingV2
				if err = dec.Decode(&r); err == nil {
					st := r.standing()
					state.standing, state.standingLine = &st, line
				}
			} else {
				var r flagV1
				if err = dec.Decode(&r); err == nil {
					f := r.flag()
					state.flag, state.flagLine = &f, line
				}
			}
			var se *json.SyntaxError
			switch {
			case errors.As(err, &se) || err == io.EOF || err == io.ErrUnexpectedEOF:
				return nil, importedState{}, append(problems, syntax(err)...)
			case err != nil:
				problems = append(problems, Problem{line, key + ": " + jsonMsg(err)})
			}
		default:
			problems = append(problems, Problem{lineAt(off), fmt.Sprintf("unknown field %q", key)})
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, importedState{}, append(problems, syntax(err)...)
			}
		}
	}
	if p := expect('}', "the end } of the file's object"); p != nil {
		return nil, importedState{}, append(problems, *p)
	}
	if _, err := dec.Token(); err != io.EOF {
		problems = append(problems, Problem{lineAt(dec.InputOffset()), "more after the end of the file's object"})
	}
	if version == 0 {
		problems = append(problems, Problem{0, `the file has no "version"`})
	}
	return recs, state, problems
}

// jsonMsg says what json.Decoder found wrong in a record, in plain words.
func jsonMsg(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s: want a %v, found a JSON %s", te.Field, te.Type, te.Value)
	}
	var pe *time.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%q is not a time like 2026-03-02T08:15:00+01:00", pe.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// lineStarts returns the offset each line of data starts at.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
