package journal

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	CSV  Format = iota + 1 // RFC 4180, one row per entry and per session
	JSON                   // {"version":1,"entries":[...],"sessions":[...]}
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

// exportVersion is the version of the export formats.
const exportVersion = 1

// exportV1 is the JSON export.
type exportV1 struct {
	Version  int         `json:"version"`
	Entries  []entryV1   `json:"entries"`
	Sessions []sessionV1 `json:"sessions"`
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
	// both
	colNumbWeak
	// entries
	colNote
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
	colStopReason
	colLight
	colResult
	numColumns
)

// csvHeader is the CSV export's header row. A row is an entry or a session,
// as its record column says; the columns of the other kind stay empty.
var csvHeader = []string{
	colRecord: "record", colTime: "time",
	colKind: "kind", colBackPain: "back_pain", colLegPain: "leg_pain", colTightness: "tightness",
	colCause: "cause", colLegReach: "leg_reach",
	colNumbWeak: "numb_weak",
	colNote:     "note",
	colStarted:  "started", colRoutine: "routine", colLevel: "level", colDoseStep: "dose_step",
	colFlare: "flare", colCompleted: "completed", colSkipped: "skipped", colDuration: "duration",
	colMaxPainDuring: "max_pain_during", colPainAfter: "pain_after", colLegSpread: "leg_spread",
	colFelt: "felt", colStoppedForPain: "stopped_for_pain", colStopReason: "stop_reason",
	colLight: "light", colResult: "result",
}

// Column sets by record kind: what a row of the other kind leaves empty.
var (
	entryOnly   = []string{"kind", "back_pain", "leg_pain", "tightness", "cause", "leg_reach", "note"}
	sessionOnly = []string{"started", "routine", "level", "dose_step", "flare", "completed", "skipped", "duration",
		"max_pain_during", "pain_after", "leg_spread", "felt", "stopped_for_pain", "stop_reason", "light", "result"}
)

const (
	recordEntry   = "entry"
	recordSession = "session"
)

// Export writes the whole journal (entries and sessions) to w in format f.
// CSV rows are in time order; times are RFC 3339 with nanoseconds and the
// offset they were recorded with. A JSON export is read completely before
// anything is written; a CSV export is written as it is read, so a record
// that cannot be read stops it part-way, with an error.
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
	x := exportV1{Version: exportVersion, Entries: []entryV1{}, Sessions: []sessionV1{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		err := each(tx.Bucket(bucketEntries), time.Time{}, time.Time{}, decodeEntry, func(e Entry) {
			x.Entries = append(x.Entries, e.record())
		})
		if err != nil {
			return err
		}
		return each(tx.Bucket(bucketSessions), time.Time{}, time.Time{}, decodeSession, func(rec Session) {
			x.Sessions = append(x.Sessions, rec.record())
		})
	})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}

// exportCSV writes the CSV export to w, in one read transaction. Each row
// is written as its record is decoded, the entries and sessions merged by
// key (time): an entry comes before a session at the same instant.
func (s *Store) exportCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, numColumns)
	err := s.db.View(func(tx *bolt.Tx) error {
		entries, sessions := tx.Bucket(bucketEntries).Cursor(), tx.Bucket(bucketSessions).Cursor()
		ek, ev := entries.First()
		sk, sv := sessions.First()
		for ek != nil || sk != nil {
			if sk == nil || (ek != nil && bytes.Compare(ek, sk) <= 0) {
				e, err := decodeEntry(ev)
				if err != nil {
					return fmt.Errorf("at key %x: %w", ek, err)
				}
				entryRow(row, e)
				ek, ev = entries.Next()
			} else {
				x, err := decodeSession(sv)
				if err != nil {
					return fmt.Errorf("at key %x: %w", sk, err)
				}
				sessionRow(row, x)
				sk, sv = sessions.Next()
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// entryRow fills row with e's columns; the session columns are empty.
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
	row[colNote] = r.Note
}

// sessionRow fills row with x's columns; the entry columns are empty.
func sessionRow(row []string, x Session) {
	clear(row)
	r := x.record()
	row[colRecord] = recordSession
	row[colTime] = formatTime(r.Time)
	row[colNumbWeak] = strconv.FormatBool(r.NumbWeak)
	row[colStarted] = formatTime(r.Started)
	row[colRoutine] = r.Routine
	row[colLevel] = strconv.Itoa(r.Level)
	row[colDoseStep] = strconv.Itoa(r.DoseStep)
	row[colFlare] = strconv.FormatBool(r.Flare)
	row[colCompleted] = strings.Join(r.Completed, " ")
	row[colSkipped] = strings.Join(r.Skipped, " ")
	row[colDuration] = r.Duration
	row[colMaxPainDuring] = strconv.Itoa(r.MaxPainDuring)
	row[colPainAfter] = strconv.Itoa(r.PainAfter)
	row[colLegSpread] = r.LegSpread
	row[colFelt] = r.Felt
	row[colStoppedForPain] = strconv.FormatBool(r.StoppedForPain)
	row[colStopReason] = r.StopReason
	row[colLight] = r.Light
	row[colResult] = r.Result
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
	Skipped  int // records already in the journal, identical
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
type imported struct {
	line    int
	entry   *Entry
	session *Session
}

// Import adds the entries and sessions in r, in format f, to the journal.
// It checks the whole file first and writes all of it in one transaction,
// or nothing: every problem comes back in an *ImportError, with its line.
// A record whose time is in the journal already with the same content is
// skipped, so importing an export again changes nothing; the same time
// with other content is a problem.
func (s *Store) Import(r io.Reader, f Format) (ImportResult, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImport+1))
	if err != nil {
		return ImportResult{}, fmt.Errorf("journal: import: %w", err)
	}
	if len(data) > maxImport {
		return ImportResult{}, &ImportError{Problems: []Problem{{Msg: fmt.Sprintf("the file is larger than %d MB", maxImport>>20)}}}
	}
	var (
		recs     []imported
		problems []Problem
	)
	switch f {
	case CSV:
		recs, problems = parseCSV(data)
	case JSON:
		recs, problems = parseJSON(data)
	default:
		return ImportResult{}, fmt.Errorf("journal: import: unknown format %v", f)
	}
	for i := range recs {
		var err error
		if p := &recs[i]; p.entry != nil {
			*p.entry = p.entry.clean()
			err = p.entry.Validate()
		} else {
			*p.session = p.session.clean()
			err = p.session.Validate()
		}
		if err != nil {
			problems = append(problems, Problem{recs[i].line, strings.ReplaceAll(err.Error(), "\n", "; ")})
		}
	}
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
		return nil
	})
	if errors.Is(err, errProblems) {
		return ImportResult{}, importError(problems)
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

// add stores the valid records, skipping those already there.
func add(tx *bolt.Tx, recs []imported) (ImportResult, []Problem) {
	var (
		res      ImportResult
		problems []Problem
	)
	entries, sessions := tx.Bucket(bucketEntries), tx.Bucket(bucketSessions)
	for _, r := range recs {
		var (
			b         *bolt.Bucket
			t         time.Time
			rec       any
			canonical string
			what      string
			count     *int
		)
		if r.entry != nil {
			b, t, rec, canonical, what, count = entries, r.entry.Time, r.entry.record(), canonicalEntry(*r.entry), "an entry", &res.Entries
		} else {
			b, t, rec, canonical, what, count = sessions, r.session.Time, r.session.record(), canonicalSession(*r.session), "a session", &res.Sessions
		}
		if v := b.Get(timeKey(t)); v != nil {
			var there string
			if r.entry != nil {
				e, err := decodeEntry(v)
				if err == nil {
					there = canonicalEntry(e)
				}
			} else {
				x, err := decodeSession(v)
				if err == nil {
					there = canonicalSession(x)
				}
			}
			if there == canonical {
				res.Skipped++
				continue
			}
			problems = append(problems, Problem{r.line, fmt.Sprintf(
				"the journal already has %s at %s, with different content", what, t.Format(time.RFC3339Nano))})
			continue
		}
		if err := putRecord(b, t, rec); err != nil {
			problems = append(problems, Problem{r.line, err.Error()})
			continue
		}
		*count++
	}
	return res, problems
}

// canonicalEntry and canonicalSession encode a record for comparison: the
// same instants recorded with different offsets are the same.
func canonicalEntry(e Entry) string {
	r := e.record()
	r.Time = r.Time.UTC()
	v, err := json.Marshal(r)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(v)
}

func canonicalSession(x Session) string {
	r := x.record()
	r.Time, r.Started = r.Time.UTC(), r.Started.UTC()
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
	col := make(map[string]int, len(header))
	var problems []Problem
	for i, name := range header {
		name = strings.TrimPrefix(name, "\ufeff") // a byte order mark from a spreadsheet
		switch _, dup := col[name]; {
		case dup:
			problems = append(problems, Problem{1, fmt.Sprintf("the column %q is there twice", name)})
		case !contains(csvHeader, name):
			problems = append(problems, Problem{1, fmt.Sprintf("unknown column %q", name)})
		}
		col[name] = i
	}
	for _, name := range csvHeader {
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
		rec, msgs := parseRow(row, col)
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

// parseRow turns one CSV row into a record; msgs says what is wrong.
func parseRow(row []string, col map[string]int) (rec imported, msgs []string) {
	get := func(name string) string { return row[col[name]] }
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
	empty := func(names []string, kind string) {
		for _, name := range names {
			if get(name) != "" {
				bad("%s: leave it empty on a %s row", name, kind)
			}
		}
	}
	ids := func(name string) []string { return strings.Fields(get(name)) }

	switch kind := get("record"); kind {
	case recordEntry:
		empty(sessionOnly, kind)
		reach, err := parseReach(get("leg_reach"))
		if err != nil {
			bad("leg_reach: %v", err)
		}
		e := Entry{
			Time: when("time", true), Kind: Kind(get("kind")),
			BackPain: num("back_pain"), LegPain: num("leg_pain"), Tightness: num("tightness"),
			Cause: program.Cause(get("cause")), LegReach: reach,
			NumbWeak: flag("numb_weak"), Note: get("note"),
		}
		rec.entry = &e
	case recordSession:
		empty(entryOnly, kind)
		r := sessionV1{
			Time: when("time", true), Started: when("started", false), Routine: get("routine"),
			Level: num("level"), DoseStep: num("dose_step"), Flare: flag("flare"),
			Completed: ids("completed"), Skipped: ids("skipped"), Duration: get("duration"),
			MaxPainDuring: num("max_pain_during"), PainAfter: num("pain_after"),
			LegSpread: get("leg_spread"), NumbWeak: flag("numb_weak"), Felt: get("felt"),
			StoppedForPain: flag("stopped_for_pain"), StopReason: get("stop_reason"),
			Light: get("light"), Result: get("result"),
		}
		x, err := r.session()
		if err != nil {
			bad("duration: %v", err)
		}
		rec.session = &x
	default:
		bad("record: %q is neither %s nor %s", kind, recordEntry, recordSession)
	}
	return rec, msgs
}

// parseJSON reads the records of a JSON export, each with the line it
// starts on.
func parseJSON(data []byte) ([]imported, []Problem) {
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
	if p := expect('{', `an object {"version":1,"entries":[...],"sessions":[...]}`); p != nil {
		return nil, []Problem{*p}
	}
	var (
		recs     []imported
		problems []Problem
		version  bool
	)
	for dec.More() {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil, append(problems, syntax(err)...)
		}
		key, _ := tok.(string) // an object's keys are strings
		switch key {
		case "version":
			off := dec.InputOffset()
			var v int
			if err := dec.Decode(&v); err != nil {
				var se *json.SyntaxError
				if errors.As(err, &se) || err == io.EOF || err == io.ErrUnexpectedEOF {
					return nil, append(problems, syntax(err)...)
				}
				problems = append(problems, Problem{lineAt(off), "version: want a number"})
			} else if v != exportVersion {
				problems = append(problems, Problem{lineAt(off), fmt.Sprintf(
					"version %d: this Steady reads version %d; a newer Steady wrote this file", v, exportVersion)})
			}
			version = true
		case "entries", "sessions":
			if p := expect('[', "a list [...] of "+key); p != nil {
				return nil, append(problems, *p)
			}
			for dec.More() {
				line := lineAt(dec.InputOffset())
				var (
					rec imported
					err error
				)
				rec.line = line
				if key == "entries" {
					var r entryV1
					if err = dec.Decode(&r); err == nil {
						var e Entry
						if e, err = r.entry(); err == nil {
							rec.entry = &e
						}
					}
				} else {
					var r sessionV1
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
					return nil, append(problems, syntax(err)...)
				case err != nil:
					problems = append(problems, Problem{line, jsonMsg(err)})
				default:
					recs = append(recs, rec)
				}
			}
			if p := expect(']', "the end ] of "+key); p != nil {
				return nil, append(problems, *p)
			}
		default:
			problems = append(problems, Problem{lineAt(off), fmt.Sprintf("unknown field %q", key)})
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, append(problems, syntax(err)...)
			}
		}
	}
	if p := expect('}', "the end } of the file's object"); p != nil {
		return nil, append(problems, *p)
	}
	if _, err := dec.Token(); err != io.EOF {
		problems = append(problems, Problem{lineAt(dec.InputOffset()), "more after the end of the file's object"})
	}
	if !version {
		problems = append(problems, Problem{0, `the file has no "version"`})
	}
	return recs, problems
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
