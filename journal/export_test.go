package journal

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

// fixtureWalks are the walks filled adds to the fixture: one at the same
// instant as an entry, notes a spreadsheet would take for formulas.
func fixtureWalks() []Walk {
	return []Walk{
		{Time: at(1, 7, 5), Minutes: 15, Note: "=HYPERLINK(\"http://x\",\"click\")"},
		{Time: at(2, 9, 30), Minutes: 40},
		{Time: at(3, 20, 0), Minutes: 600, Note: "'quoted already"},
	}
}

// filledSessions are the fixture's sessions and one with its light,
// result and reasons for stopping as data, its note one a spreadsheet
// would take for a formula.
func filledSessions() []Session {
	_, sessions, _, _ := fixture()
	return append(sessions, Session{
		Time: at(3, 18, 0), Started: at(3, 17, 40), Routine: "builtin", Level: 1, Completed: []string{"curl-up"},
		Duration: 12 * time.Minute, MaxPainDuring: 7, PainAfter: 6, LegSpread: program.SpreadNone, Felt: program.FeltHard,
		StoppedForPain: true, StopCauses: []program.StopCause{program.StopBackPain, program.StopOther}, StopNote: "-5 after @sum",
		Light: program.Red, Final: true, MorningUnknown: true,
		Result: Result{Mode: program.Flare, Until: at(6, 0, 0)},
	})
}

// filled is a journal holding the fixture's entries, filledSessions and
// fixtureWalks.
func filled(t testing.TB) *Store {
	t.Helper()
	s := openTest(t)
	entries, _, _, _ := fixture()
	sessions := filledSessions()
	for _, e := range entries {
		if _, err := s.AddEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, x := range sessions {
		if _, err := s.AddSession(x); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range fixtureWalks() {
		if _, err := s.AddWalk(w); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func export(t testing.TB, s *Store, f Format) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := s.Export(&b, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestExportImportRoundTrip(t *testing.T) {
	for _, f := range []Format{CSV, JSON} {
		t.Run(f.String(), func(t *testing.T) {
			src := filled(t)
			data := export(t, src, f)

			dst := openTest(t)
			res, err := dst.Import(bytes.NewReader(data), f)
			if err != nil {
				t.Fatal(err)
			}
			entries, _, _, _ := fixture()
			sessions, walks := filledSessions(), fixtureWalks()
			if want := (ImportResult{Entries: len(entries), Sessions: len(sessions), Walks: len(walks)}); res != want {
				t.Errorf("got %+v, want %+v", res, want)
			}
			gotE, _ := dst.Entries(time.Time{}, time.Time{})
			sameEntries(t, gotE, entries)
			// Import leaves out what the application layer works out.
			for i := range sessions {
				sessions[i] = withoutCache(sessions[i])
			}
			gotS, _ := dst.Sessions(time.Time{}, time.Time{})
			sameSessions(t, gotS, sessions)
			gotW, _ := dst.Walks(time.Time{}, time.Time{})
			if !reflect.DeepEqual(canonicalWalks(gotW), canonicalWalks(walks)) {
				t.Errorf("walks:\ngot  %+v\nwant %+v", gotW, walks)
			}
			for i := range gotE {
				if _, off := gotE[i].Time.Zone(); off != 3600 {
					t.Errorf("entry %d: offset %d, want the recorded +01:00", i, off)
				}
			}

			// Importing again changes nothing: sessions compare without
			// their light and result.
			before := export(t, dst, f)
			res, err = dst.Import(bytes.NewReader(data), f)
			if err != nil {
				t.Fatal(err)
			}
			if want := (ImportResult{Skipped: len(entries) + len(sessions) + len(walks)}); res != want {
				t.Errorf("re-import: got %+v, want %+v", res, want)
			}
			if again := export(t, dst, f); !bytes.Equal(again, before) {
				t.Error("re-import changed the journal")
			}

			// The export of the imported journal imports to the same export.
			third := openTest(t)
			if _, err := third.Import(bytes.NewReader(before), f); err != nil {
				t.Fatal(err)
			}
			if again := export(t, third, f); !bytes.Equal(again, before) {
				t.Errorf("export of the imported journal differs:\n%s\nwant\n%s", again, before)
			}
		})
	}
}

func canonicalWalks(ws []Walk) []string {
	var list []string
	for _, w := range ws {
		list = append(list, canonicalWalk(w))
	}
	return list
}

func TestCSVExportReadsAsCSV(t *testing.T) {
	s := filled(t)
	rows, err := csv.NewReader(bytes.NewReader(export(t, s, CSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], csvHeader) {
		t.Errorf("header %v, want %v", rows[0], csvHeader)
	}
	entries, _, _, _ := fixture()
	n := 1 + len(entries) + len(filledSessions()) + len(fixtureWalks())
	if len(rows) != n {
		t.Fatalf("got %d rows, want %d", len(rows), n)
	}
	// Rows in time order, an entry before a walk at the same instant.
	var kinds []string
	var last time.Time
	for _, row := range rows[1:] {
		kinds = append(kinds, row[0])
		tm, err := time.Parse(time.RFC3339, row[1])
		if err != nil {
			t.Fatalf("time %q: %v", row[1], err)
		}
		if tm.Before(last) {
			t.Errorf("row at %v after %v: not in time order", tm, last)
		}
		last = tm
	}
	if want := "entry walk entry session entry entry walk entry session session walk"; strings.Join(kinds, " ") != want {
		t.Errorf("records %v, want %s", kinds, want)
	}
	if !strings.HasSuffix(rows[1][1], "+01:00") {
		t.Errorf("time %q: want the offset it was recorded with", rows[1][1])
	}
}

// TestCSVHeaderIsTheFormat: the CSV export's columns, in order, are part
// of the export format.
func TestCSVHeaderIsTheFormat(t *testing.T) {
	const want = "record,time,kind,back_pain,leg_pain,tightness,cause,leg_reach,numb_weak,note,minutes," +
		"started,routine,level,dose_step,flare,completed,skipped,duration," +
		"max_pain_during,pain_after,leg_spread,felt,stopped_for_pain,stop_causes,stop_note," +
		"light,final,morning_unknown,result_mode,result_level,result_dose_step,result_until,result_text"
	if got := strings.Join(csvHeader, ","); got != want || len(csvHeader) != numColumns {
		t.Errorf("header %s (%d columns), want %s (%d)", got, len(csvHeader), want, numColumns)
	}
}

// TestExportStopsAtAnUnreadableRecord: an entry or session that cannot be
// decoded fails the export in either format and says where it is.
func TestExportStopsAtAnUnreadableRecord(t *testing.T) {
	for _, bucket := range [][]byte{bucketEntries, bucketSessions} {
		s := filled(t)
		t0 := at(1, 18, 7) // between the fixture's records
		err := s.db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(bucket).Put(timeKey(t0), []byte(`{"time":"2026-03-01T18:07:00+01:00","back_pain":"four"}`))
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []Format{CSV, JSON} {
			err := s.Export(io.Discard, f)
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("at key %x", timeKey(t0))) {
				t.Errorf("%s export with a broken record in %s: got %v, want an error at key %x", f, bucket, err, timeKey(t0))
			}
		}
	}
}

// csvLine is a CSV line of the current header's columns: the first
// cells as given, the rest empty.
func csvLine(cells ...string) string {
	return strings.Join(cells, ",") + strings.Repeat(",", numColumns-len(cells))
}

func TestImportReportsEveryProblemWithItsLine(t *testing.T) {
	header := strings.Join(csvHeader, ",")
	goodEntry := csvLine("entry", "2026-03-01T08:00:00+01:00", "morning", "3", "1", "2", "inactivity", "thigh", "false", "ok")
	tests := []struct {
		name   string
		format Format
		data   string
		want   []Problem // compared by line and a part of the message
	}{
		{"csv: two bad rows among good ones", CSV, header + "\n" + goodEntry + "\n" +
			csvLine("entry", "2026-03-02T08:00:00+01:00", "morning", "11", "1", "2", "inactivity", "thigh", "false") + "\n" +
			csvLine(`"entry"`, `"2026-03-03T08:00:00+01:00"`, `"morning"`, "3", "1", "2", "inactivity", "thigh", "false", "\"a note\nover two lines\"") + "\n" +
			csvLine("session", "yesterday", "", "", "", "", "", "", "true", "", "", "", "", "x") + "\n",
			[]Problem{{3, "back pain must be between 0 and 10, not 11"}, {6, `time: "yesterday" is not a time like 2026-03-02T08:15:00+01:00; level: "x" is not a whole number`}}},
		{"csv: missing column", CSV, strings.Replace(header, "kind,", "", 1) + "\n", []Problem{{1, `the column "kind" is missing`}}},
		{"csv: unknown and doubled columns", CSV, header + ",colour,time\n", []Problem{{1, `unknown column "colour"`}, {1, `the column "time" is there twice`}}},
		{"csv: unknown record", CSV, header + "\n" + csvLine("note", "2026-03-01T08:00:00+01:00") + "\n", []Problem{{2, `record: "note" is not entry, session or walk`}}},
		{"csv: wrong field count", CSV, header + "\nentry,2026\n", []Problem{{2, "2 fields, want 34"}}},
		{"csv: broken quote", CSV, header + "\n" + goodEntry + "\nentry,\"2026,\n", []Problem{{3, "not readable as CSV"}}},
		{"csv: session column on an entry", CSV, header + "\n" + strings.Replace(goodEntry, "ok,,,", "ok,,,builtin", 1) + "\n", []Problem{{2, "routine: leave it empty on a entry row"}}},
		{"csv: a walk too long, with a session column", CSV, header + "\n" + csvLine("walk", "2026-03-01T08:00:00+01:00", "", "", "", "", "", "", "", "", "601", "", "builtin") + "\n",
			[]Problem{{2, "routine: leave it empty on a walk row"}}},
		{"csv: a walk too long", CSV, header + "\n" + csvLine("walk", "2026-03-01T08:00:00+01:00", "", "", "", "", "", "", "", "", "601") + "\n",
			[]Problem{{2, "a walk must be 1 to 600 minutes long, not 601"}}},
		{"csv: a walk in a version 1 export", CSV, strings.Join(csvHeaderV1, ",") + "\nwalk,2026-03-01T08:00:00+01:00" + strings.Repeat(",", len(csvHeaderV1)-2) + "\n",
			[]Problem{{2, "a version 1 export has no walks"}}},
		{"csv: empty", CSV, "", []Problem{{1, "the file is empty"}}},
		{"json: bad values on their lines", JSON, `{
  "version": 1,
  "entries": [
    {"time": "2026-03-01T08:00:00+01:00", "kind": "morning", "back_pain": 3, "leg_reach": "none"},
    {"time": "2026-03-02T08:00:00+01:00", "kind": "morning", "back_pain": "three", "leg_reach": "none"},
    {"time": "2026-03-03T08:00:00+01:00", "kind": "evening", "back_pain": 3, "leg_reach": "none"},
    {"time": "2026-03-04T08:00:00+01:00", "kind": "morning", "back_pain": 3, "leg_reach": "knee"}
  ],
  "sessions": [
    {"time": "2026-03-01T18:00:00+01:00", "duration": "20m", "colour": "red"}
  ]
}`, []Problem{{5, "back_pain: want a int"}, {6, `the kind "evening"`}, {7, `("knee") is not one of`}, {10, `unknown field "colour"`}}},
		{"json: syntax error", JSON, "{\n  \"version\": 1,\n  \"entries\": [\n    {\"time\": }\n  ]\n}", []Problem{{4, "not readable as JSON"}}},
		{"json: newer version", JSON, `{"version": 4, "entries": [], "sessions": []}`, []Problem{{1, "version 4"}}},
		{"json: a walk of no minutes", JSON, `{"version": 2, "walks": [{"time": "2026-03-01T08:00:00+01:00", "minutes": 0}]}`, []Problem{{1, "1 to 600 minutes long, not 0"}}},
		{"json: a stop cause unknown", JSON, `{"version": 2, "sessions": [{"time": "2026-03-01T08:00:00+01:00", "duration": "1m", "stop_causes": ["cramp"]}]}`,
			[]Problem{{1, `the reason for stopping "cramp" is not one of`}}},
		{"json: no version", JSON, `{"entries": []}`, []Problem{{0, `no "version"`}}},
		{"json: not an object", JSON, `[1, 2]`, []Problem{{1, "want an object"}}},
		{"json: unknown top field", JSON, "{\"version\": 1,\n\"notes\": [1]}", []Problem{{2, `unknown field "notes"`}}},
		{"json: trailing data", JSON, "{\"version\": 1}\n{}", []Problem{{2, "more after the end"}}},
		{"json: same time twice, different", JSON, `{"version": 1, "entries": [
{"time": "2026-03-01T08:00:00+01:00", "kind": "morning", "back_pain": 3, "leg_reach": "none"},
{"time": "2026-03-01T07:00:00Z", "kind": "morning", "back_pain": 4, "leg_reach": "none"}]}`,
			[]Problem{{3, "already has an entry at 2026-03-01T07:00:00Z, with different content"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			_, err := s.Import(strings.NewReader(tt.data), tt.format)
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an *ImportError", err)
			}
			if len(ie.Problems) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(ie.Problems), len(tt.want), ie.Problems)
			}
			for i, w := range tt.want {
				if p := ie.Problems[i]; p.Line != w.Line || !strings.Contains(p.Msg, w.Msg) {
					t.Errorf("problem %d: got %v, want line %d saying %q", i, p, w.Line, w.Msg)
				}
			}
			if all, _ := s.Entries(time.Time{}, time.Time{}); len(all) != 0 {
				t.Errorf("a failed import wrote %d entries", len(all))
			}
		})
	}
}

func TestImportConflictWithTheJournal(t *testing.T) {
	s := filled(t)
	data := export(t, s, JSON)
	entries, _, _, _ := fixture()
	changed := entries[2]
	changed.Note = "I changed my mind"
	if err := s.PutEntry(changed.Time, changed); err != nil {
		t.Fatal(err)
	}
	before := export(t, s, JSON)
	_, err := s.Import(bytes.NewReader(data), JSON)
	var ie *ImportError
	if !errors.As(err, &ie) || len(ie.Problems) != 1 || !strings.Contains(ie.Problems[0].Msg, "with different content") {
		t.Fatalf("got %v, want one conflict", err)
	}
	if after := export(t, s, JSON); !bytes.Equal(before, after) {
		t.Error("a refused import changed the journal")
	}
}

func TestParseFormat(t *testing.T) {
	for name, want := range map[string]Format{"csv": CSV, ".CSV": CSV, "json": JSON, "JSON": JSON} {
		if got, err := ParseFormat(name); got != want || err != nil {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", name, got, err, want)
		}
	}
	if _, err := ParseFormat("xlsx"); err == nil {
		t.Error("ParseFormat(xlsx): got no error")
	}
}

// FuzzImport feeds any bytes to Import as CSV and as JSON: it never panics,
// either imports or says why in an ImportError, and leaves a journal whose
// export imports again without a change.
func FuzzImport(f *testing.F) {
	s := filled(f)
	f.Add(export(f, s, CSV), false)
	f.Add(export(f, s, JSON), true)
	f.Add([]byte(strings.Join(csvHeader, ",")+"\nentry,2026-03-01T08:00:00+01:00,morning,3,1,2,,none,false,\"a\r\nb\",,,,,,,,,,,,,,,,\n"), false)
	f.Add([]byte("record,time\nentry,\"2026"), false)
	f.Add([]byte(`{"version":1,"entries":[{"time":"2026-03-01T08:00:00Z","kind":"morning","leg_reach":"none","note":"\r"}]}`), true)
	f.Add([]byte(`{"version":1,"entries":[{"time":"2026-03-01T08:00:00Z"},`), true)
	f.Add([]byte(`{"version":1,"sessions":[{"time":"2026-03-01T08:00:00Z","duration":"1h","completed":[]}]}`), true)
	f.Add([]byte(`{"version":1,"sessions":[{"time":"2026-03-01T08:00:00Z","duration":"1h","stop_reason":"new weakness; something else: =1"}]}`), true)
	f.Add([]byte(`{"version":2,"walks":[{"time":"2026-03-01T08:00:00Z","minutes":5,"note":"'+x"}]}`), true)
	f.Add([]byte(strings.Join(csvHeaderV1, ",")+"\nsession,2026-03-01T08:00:00+01:00,,,,,,,false,,,,1,0,false,,,1m,0,0,,,true,something else: '-x,,\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		format := CSV
		if isJSON {
			format = JSON
		}
		s := openTest(t)
		res, err := s.Import(bytes.NewReader(data), format)
		var ie *ImportError
		if err != nil && !errors.As(err, &ie) {
			t.Fatalf("got %v, want nil or an *ImportError", err)
		}
		entries, err2 := s.Entries(time.Time{}, time.Time{})
		if err2 != nil {
			t.Fatal(err2)
		}
		sessions, err2 := s.Sessions(time.Time{}, time.Time{})
		if err2 != nil {
			t.Fatal(err2)
		}
		walks, err2 := s.Walks(time.Time{}, time.Time{})
		if err2 != nil {
			t.Fatal(err2)
		}
		n := len(entries) + len(sessions) + len(walks)
		if err != nil {
			if n != 0 {
				t.Fatalf("a failed import left %d records", n)
			}
			return
		}
		if len(entries) != res.Entries || len(sessions) != res.Sessions || len(walks) != res.Walks {
			t.Fatalf("imported %+v, journal holds %d entries, %d sessions, %d walks", res, len(entries), len(sessions), len(walks))
		}
		for _, f := range []Format{CSV, JSON} {
			out := export(t, s, f)
			res, err := s.Import(bytes.NewReader(out), f)
			if err != nil {
				t.Fatalf("re-import of the %v export: %v", f, err)
			}
			if res.Entries+res.Sessions+res.Walks != 0 || res.Skipped != n {
				t.Fatalf("re-import of the %v export: %+v", f, res)
			}
		}
	})
}

func TestMain(m *testing.M) {
	if os.Getenv(crashChildEnv) != "" {
		crashChild(os.Getenv(crashChildEnv))
		return
	}
	os.Exit(m.Run())
}

// TestCSVEscapesFormulas: a text cell that a spreadsheet would take for a
// formula is written with a ' in front, and every text comes back as it
// was: those, and one that starts with ' itself.
func TestCSVEscapesFormulas(t *testing.T) {
	notes := []string{`=HYPERLINK("http://x","click")`, "-5", "@sum", "+1", "\tindented", "'quoted", "''twice", "plain", "", "a=b"}
	cells := []string{`'=HYPERLINK("http://x","click")`, "'-5", "'@sum", "'+1", "'\tindented", "''quoted", "'''twice", "plain", "", "a=b"}
	s := openTest(t)
	for i, n := range notes {
		e := entry(at(1, 7, i), AnyTime, 0)
		e.Note = n
		if _, err := s.AddEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	x := session(at(2, 18, 0), 3)
	x.Routine, x.StopNote, x.Completed = "=cmd", "-2 and worse", []string{"-x", "y"}
	if _, err := s.AddSession(x); err != nil {
		t.Fatal(err)
	}
	data := export(t, s, CSV)
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range cells {
		if got := rows[1+i][colNote]; got != want {
			t.Errorf("note %q: cell %q, want %q", notes[i], got, want)
		}
	}
	srow := rows[1+len(notes)]
	if srow[colRoutine] != "'=cmd" || srow[colStopNote] != "'-2 and worse" || srow[colCompleted] != "'-x y" {
		t.Errorf("session cells %q %q %q, want escaped", srow[colRoutine], srow[colStopNote], srow[colCompleted])
	}
	if srow[colLevel] != "2" || srow[colMaxPainDuring] != "3" {
		t.Errorf("numbers %q %q, want them as they are", srow[colLevel], srow[colMaxPainDuring])
	}
	dst := openTest(t)
	if _, err := dst.Import(bytes.NewReader(data), CSV); err != nil {
		t.Fatal(err)
	}
	got, _ := dst.Entries(time.Time{}, time.Time{})
	for i, want := range notes {
		if got[i].Note != want {
			t.Errorf("note %d: got %q, want %q", i, got[i].Note, want)
		}
	}
	gotS, _ := dst.Sessions(time.Time{}, time.Time{})
	sameSessions(t, gotS, []Session{withoutCache(x)})
}

// TestImportKeepsFutureRecords: records dated after now (a clock that ran
// ahead) are imported, and History leaves them out until their time.
func TestImportKeepsFutureRecords(t *testing.T) {
	future := time.Now().AddDate(1, 0, 0).Truncate(time.Second)
	src := openTest(t)
	if _, err := src.AddEntry(entry(future, Morning, 3)); err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddSession(session(future.Add(time.Hour), 3)); err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddWalk(Walk{Time: future.Add(2 * time.Hour), Minutes: 10}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{CSV, JSON} {
		t.Run(f.String(), func(t *testing.T) {
			dst := openTest(t)
			res, err := dst.Import(bytes.NewReader(export(t, src, f)), f)
			if err != nil {
				t.Fatal(err)
			}
			if want := (ImportResult{Entries: 1, Sessions: 1, Walks: 1}); res != want {
				t.Errorf("got %+v, want %+v", res, want)
			}
			h, err := dst.History(time.Now())
			if err != nil || len(h.Mornings)+len(h.Sessions)+len(h.Walks) != 0 {
				t.Errorf("History now: %+v, %v; want the future records left out", h, err)
			}
		})
	}
}

// TestImportVersion1Exports: a version 1 export (CSV or JSON) still
// imports; its reasons for stopping are read as the migration reads them,
// its light and result are left out, and its cells were not escaped.
func TestImportVersion1Exports(t *testing.T) {
	csvData := strings.Join(csvHeaderV1, ",") + "\n" +
		"entry,2026-03-01T08:00:00+01:00,morning,3,1,2,inactivity,thigh,false,'not escaped,,,,,,,,,,,,,,,,\n" +
		"session,2026-03-01T18:00:00+01:00,,,,,,,true,,,builtin,2,1,false,curl-up bird-dog,,20m0s,6,5,stayed,hard,true," +
		"\"new weakness; something else: a cramp, I think\",red,Next time: the same dose again.\n"
	jsonData := `{"version": 1, "entries": [
  {"time": "2026-03-01T08:00:00+01:00", "kind": "morning", "back_pain": 3, "leg_pain": 1, "tightness": 2, "cause": "inactivity", "leg_reach": "thigh", "numb_weak": false, "note": "'not escaped"}],
 "sessions": [
  {"time": "2026-03-01T18:00:00+01:00", "started": "0001-01-01T00:00:00Z", "routine": "builtin", "level": 2, "dose_step": 1, "flare": false,
   "completed": ["curl-up", "bird-dog"], "skipped": null, "duration": "20m0s", "max_pain_during": 6, "pain_after": 5, "leg_spread": "stayed",
   "numb_weak": true, "felt": "hard", "stopped_for_pain": true, "stop_reason": "new weakness; something else: a cramp, I think",
   "light": "red", "result": "Next time: the same dose again."}]}`
	wantE := entry(at(1, 8, 0), Morning, 3)
	wantE.Note = "'not escaped"
	wantS := Session{Time: at(1, 18, 0), Routine: "builtin", Level: 2, DoseStep: 1, Completed: []string{"curl-up", "bird-dog"},
		Duration: 20 * time.Minute, MaxPainDuring: 6, PainAfter: 5, LegSpread: program.SpreadStayed, NumbWeak: true,
		Felt: program.FeltHard, StoppedForPain: true, StopCauses: []program.StopCause{program.StopWeakness, program.StopOther},
		StopNote: "a cramp, I think"}
	for _, tt := range []struct {
		f    Format
		data string
	}{{CSV, csvData}, {JSON, jsonData}} {
		t.Run(tt.f.String(), func(t *testing.T) {
			s := openTest(t)
			if _, err := s.Import(strings.NewReader(tt.data), tt.f); err != nil {
				t.Fatal(err)
			}
			gotE, _ := s.Entries(time.Time{}, time.Time{})
			sameEntries(t, gotE, []Entry{wantE})
			gotS, _ := s.Sessions(time.Time{}, time.Time{})
			sameSessions(t, gotS, []Session{wantS})
		})
	}
}
