package journal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

// jsonEntry and jsonSession decode a stored record with encoding/json
// alone: what decodeEntry and decodeSession must match.
func jsonEntry(v []byte) (Entry, error) {
	var r entryV1
	if err := json.Unmarshal(v, &r); err != nil {
		return Entry{}, fmt.Errorf("decode entry: %w", err)
	}
	return r.entry()
}

func jsonSession(v []byte) (Session, error) {
	var r sessionV2
	if err := json.Unmarshal(v, &r); err != nil {
		return Session{}, fmt.Errorf("decode session: %w", err)
	}
	return r.session()
}

func jsonWalk(v []byte) (Walk, error) {
	var r walkV1
	if err := json.Unmarshal(v, &r); err != nil {
		return Walk{}, fmt.Errorf("decode walk: %w", err)
	}
	return r.walk(), nil
}

// textRunes are what random texts are made of: plain letters, everything
// encoding/json escapes, multi-byte characters and invalid UTF-8, which
// json.Marshal writes as U+FFFD.
var textRunes = []string{
	"a", "Z", " ", "0", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
	"<", ">", "&", "\u2028", "\u2029", "é", "—", "日", "😀", "\ufffd", "\xff", "\xe2\x80",
}

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(12) {
		b.WriteString(textRunes[rng.IntN(len(textRunes))])
	}
	return b.String()
}

// randomZones are the zones of random times: UTC, this machine's, whole
// hours and offsets that are not.
var randomZones = []*time.Location{
	time.UTC, time.Local, zone, time.FixedZone("", -5*3600), time.FixedZone("IST", 5*3600+1800),
	time.FixedZone("", 13*3600+45*60), time.FixedZone("", -(9*3600 + 30*60)),
}

func randomTime(rng *rand.Rand) time.Time {
	if rng.IntN(10) == 0 {
		return time.Time{}
	}
	t := time.Unix(rng.Int64N(1<<34), 0)
	if rng.IntN(2) == 0 {
		t = t.Add(time.Duration(rng.Int64N(1e9)))
	}
	return t.In(randomZones[rng.IntN(len(randomZones))])
}

// randomInt is a small number mostly, and now and then one at the ends of
// the range.
func randomInt(rng *rand.Rand) int {
	switch rng.IntN(8) {
	case 0:
		return []int{math.MinInt, math.MaxInt, -1, 0, 1 << 40}[rng.IntN(5)]
	case 1:
		return rng.Int() - math.MaxInt/2
	}
	return rng.IntN(21) - 5
}

func randomIDs(rng *rand.Rand) []string {
	switch rng.IntN(3) {
	case 0:
		return nil
	case 1:
		return []string{}
	}
	ids := make([]string, 1+rng.IntN(4))
	for i := range ids {
		ids[i] = randomText(rng)
	}
	return ids
}

// randomWords are mostly some of words, in any order, and now and then
// random texts.
func randomWords(rng *rand.Rand, words []string) []string {
	if rng.IntN(4) == 0 {
		return randomIDs(rng)
	}
	list := make([]string, rng.IntN(len(words)+1))
	for i := range list {
		list[i] = words[rng.IntN(len(words))]
	}
	return list
}

// randomWord is mostly one of words, and now and then a random text.
func randomWord(rng *rand.Rand, words []string) string {
	if rng.IntN(4) == 0 {
		return randomText(rng)
	}
	return words[rng.IntN(len(words))]
}

// randomRecords are n entries, sessions and walks as stored, with random
// values for every field, valid or not.
func randomRecords(n int) ([]entryV1, []sessionV2, []walkV1) {
	rng := rand.New(rand.NewPCG(1, 2))
	entries := make([]entryV1, n)
	sessions := make([]sessionV2, n)
	walks := make([]walkV1, n)
	for i := range n {
		entries[i] = entryV1{
			Time: randomTime(rng), Kind: randomText(rng),
			BackPain: randomInt(rng), LegPain: randomInt(rng), Tightness: randomInt(rng),
			Cause: randomText(rng), LegReach: randomText(rng), NumbWeak: rng.IntN(2) == 0, Note: randomText(rng),
		}
		sessions[i] = sessionV2{
			Time: randomTime(rng), Started: randomTime(rng), Routine: randomText(rng),
			Level: randomInt(rng), DoseStep: randomInt(rng), Flare: rng.IntN(2) == 0,
			Completed: randomIDs(rng), Skipped: randomIDs(rng), Duration: randomText(rng),
			MaxPainDuring: randomInt(rng), PainAfter: randomInt(rng), LegSpread: randomText(rng),
			NumbWeak: rng.IntN(2) == 0, Felt: randomText(rng), StoppedForPain: rng.IntN(2) == 0,
			StopCauses: randomWords(rng, stopCauseWords), StopNote: randomText(rng),
			Light: randomWord(rng, lightWords), Final: rng.IntN(2) == 0, MorningUnknown: rng.IntN(2) == 0,
			ResultMode: randomWord(rng, modeWords), ResultLevel: randomInt(rng), ResultDoseStep: randomInt(rng),
			ResultUntil: randomTime(rng), ResultText: randomText(rng),
		}
		walks[i] = walkV1{Time: randomTime(rng), Minutes: randomInt(rng), Note: randomText(rng)}
	}
	return entries, sessions, walks
}

// reordered is the JSON object v with its members in reverse order and
// white space around everything: the same record to encoding/json.
func reordered(t testing.TB, v []byte) []byte {
	t.Helper()
	var members []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(v))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			t.Fatal(err)
		}
		name, _ := json.Marshal(key)
		members = append(members, append(append(name, " :\t"...), val...))
	}
	var b bytes.Buffer
	b.WriteString(" \r\n{ ")
	for i := len(members) - 1; i >= 0; i-- {
		b.Write(members[i])
		if i > 0 {
			b.WriteString(" ,\n ")
		}
	}
	b.WriteString("\n}\t")
	return b.Bytes()
}

// checkEntry fails unless readEntry reads v, and as json.Unmarshal does.
func checkEntry(t *testing.T, v []byte) {
	t.Helper()
	got, ok := readEntry(v)
	if !ok {
		t.Fatalf("readEntry left this to encoding/json:\n%s", v)
	}
	var want entryV1
	if err := json.Unmarshal(v, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("readEntry of\n%s\ngot  %#v\nwant %#v", v, got, want)
	}
}

// checkSession is checkEntry for sessions.
func checkSession(t *testing.T, v []byte) {
	t.Helper()
	got, ok := readSession(v)
	if !ok {
		t.Fatalf("readSession left this to encoding/json:\n%s", v)
	}
	var want sessionV2
	if err := json.Unmarshal(v, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("readSession of\n%s\ngot  %#v\nwant %#v", v, got, want)
	}
}

// checkWalk is checkEntry for walks.
func checkWalk(t *testing.T, v []byte) {
	t.Helper()
	got, ok := readWalk(v)
	if !ok {
		t.Fatalf("readWalk left this to encoding/json:\n%s", v)
	}
	var want walkV1
	if err := json.Unmarshal(v, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("readWalk of\n%s\ngot  %#v\nwant %#v", v, got, want)
	}
}

// TestReadRecordsAsEncodingJSON: everything json.Marshal writes for a
// record, and the same members in another order and with white space, is
// read by the fast path, and read as encoding/json reads it.
func TestReadRecordsAsEncodingJSON(t *testing.T) {
	entries, sessions, walks := randomRecords(3000)
	for _, r := range entries {
		v, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		checkEntry(t, v)
		checkEntry(t, reordered(t, v))
	}
	for _, r := range sessions {
		v, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		checkSession(t, v)
		checkSession(t, reordered(t, v))
	}
	for _, r := range walks {
		v, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		checkWalk(t, v)
		checkWalk(t, reordered(t, v))
	}
}

// TestReadHandWrittenJSON: escapes json.Marshal does not write, and other
// JSON that means a record, are read by the fast path too.
func TestReadHandWrittenJSON(t *testing.T) {
	for _, v := range []string{
		`{}`,
		`{"note":"\u00e9\u00C9 \/ \ud83d\ude00 \u0000 \"\\\b\f\n\r\t"}`,
		`{"back_pain":-0,"leg_pain":-9223372036854775808,"tightness":9223372036854775807}`,
		`{"kind":"morning","kind":"any-time","numb_weak":true,"numb_weak":false}`,
		`{"time":"2026-03-01T07:05:00.5-03:30","time":"2026-03-01T07:05:00Z"}`,
	} {
		checkEntry(t, []byte(v))
	}
	for _, v := range []string{
		`{"completed":[ "a" , "b\u0020c" ],"skipped":[]}`,
		`{"completed":["a"],"completed":null,"skipped":["a"],"skipped":[]}`,
		`{"started":"0001-01-01T00:00:00Z","duration":"1h2m3.5s"}`,
		`{"stop_causes":["leg-pain","numb\u0065ss","other"],"result_mode":"flare","result_until":"2026-03-04T00:00:00+01:00"}`,
	} {
		checkSession(t, []byte(v))
	}
	checkWalk(t, []byte(`{"minutes":30,"note":"\u00e9","time":"2026-03-01T07:05:00Z"}`))
}

// TestReadLeavesTheUnexpectedToEncodingJSON: what the fast path does not
// read goes to encoding/json, which reads it or says what is wrong, as it
// did before the fast path.
func TestReadLeavesTheUnexpectedToEncodingJSON(t *testing.T) {
	good := `"time":"2026-03-01T07:05:00+01:00","kind":"morning","leg_reach":"none"`
	for _, v := range []string{
		`{"Kind":"morning",` + good + `}`,       // a name in another case: encoding/json matches it
		`{"n\u006fte":"x",` + good + `}`,        // an escaped name
		`{"extra":[1,{"a":null}],` + good + `}`, // a member the record does not have
		`{"note":null,` + good + `}`,            // null leaves a value as it is
		`{"back_pain":1.0,` + good + `}`,        // a fraction
		`{"back_pain":1e1,` + good + `}`,        // an exponent
		`{"back_pain":99999999999999999999,` + good + `}`,
		`{"back_pain":01,` + good + `}`,
		`{"note":"\ud800",` + good + `}`, // a lone surrogate: U+FFFD
		`{"note":"\udc00\ud800",` + good + `}`,
		"{\"note\":\"\xff\"," + good + `}`, // invalid UTF-8: U+FFFD
		"{\"note\":\"a\tb\"," + good + `}`, // a control character: not JSON
		`{"note":"\x",` + good + `}`,
		`{"numb_weak":"true",` + good + `}`,
		`{"time":"2026-03-01",` + good[len(`"time":"2026-03-01T07:05:00+01:00",`):] + `}`,
		`{"note":"no closing quote`,
		`{"note":"ends in an escape\`,
		`{` + good + `,}`,
		`{` + good + `}x`,
		`{` + good + `} {}`,
		`{` + good,
		`[]`,
		``,
		`null`,
	} {
		if _, ok := readEntry([]byte(v)); ok {
			t.Errorf("readEntry read %s", v)
		}
		got, gotErr := decodeEntry([]byte(v))
		want, wantErr := jsonEntry([]byte(v))
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Errorf("decodeEntry(%s) = %+v, %v; encoding/json: %+v, %v", v, got, gotErr, want, wantErr)
		}
	}
	for _, v := range []string{
		`{"completed":"a","duration":"1s"}`,
		`{"completed":[1],"duration":"1s"}`,
		`{"completed":["a",],"duration":"1s"}`,
		`{"completed":["a" "b"],"duration":"1s"}`,
		`{"skipped":nul,"duration":"1s"}`,
		`{"started":null,"duration":"1s"}`,
		`{"stop_causes":"leg-pain","duration":"1s"}`,
		`{"stop_reason":"new weakness","duration":"1s"}`, // version 1's
		`{"result":"Next time: the same dose again.","duration":"1s"}`,
		`{"result_until":null,"duration":"1s"}`,
		`{"final":1,"duration":"1s"}`,
	} {
		if _, ok := readSession([]byte(v)); ok {
			t.Errorf("readSession read %s", v)
		}
		got, gotErr := decodeSession([]byte(v))
		want, wantErr := jsonSession([]byte(v))
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Errorf("decodeSession(%s) = %+v, %v; encoding/json: %+v, %v", v, got, gotErr, want, wantErr)
		}
	}
}

// TestFixtureTakesTheFastPath: every record of the version 1 fixtures,
// migrated, is read by the fast path, and as encoding/json reads it.
func TestFixtureTakesTheFastPath(t *testing.T) {
	for _, name := range []string{"testdata/journal-v1.db", "testdata/journal-v1-sentences.db"} {
		path := migratedCopy(t, name)
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		n := 0
		err = db.View(func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketEntries).ForEach(func(_, v []byte) error {
				checkEntry(t, v)
				n++
				return nil
			}); err != nil {
				return err
			}
			return tx.Bucket(bucketSessions).ForEach(func(_, v []byte) error {
				checkSession(t, v)
				n++
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		if n < 7 {
			t.Errorf("%s: read %d records, want at least 7", name, n)
		}
	}
}

// FuzzDecodeRecords: on any bytes, decodeEntry, decodeSession and decodeWalk return
// what encoding/json alone does, error included; and when the fast path
// reads a record, encoding/json reads it too.
func FuzzDecodeRecords(f *testing.F) {
	entries, sessions, walks := randomRecords(20)
	for i := range entries {
		for _, r := range []any{entries[i], sessions[i], walks[i]} {
			v, _ := json.Marshal(r)
			f.Add(v)
			f.Add(reordered(f, v))
		}
	}
	for _, v := range []string{
		`{"note":"\ud83d\ude00\u00e9\/","back_pain":-0}`,
		`{"completed":["a"],"completed":null,"skipped":[ ]}`,
		`{"Kind":"morning","note":null,"back_pain":1.0}`,
		"{\"note\":\"\xff\\ud800\"}",
		`{"time":"2026-03-01T07:05:00Z"} `,
		`{"time":"2026-03-01T07:05:00Z",}`,
	} {
		f.Add([]byte(v))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		if v == nil {
			v = []byte{} // decodeEntry(nil) is ErrNotFound: a missing key
		}
		if r, ok := readEntry(v); ok {
			var want entryV1
			if err := json.Unmarshal(v, &want); err != nil || !reflect.DeepEqual(r, want) {
				t.Fatalf("readEntry: %#v; encoding/json: %#v, %v", r, want, err)
			}
		}
		if r, ok := readWalk(v); ok {
			var want walkV1
			if err := json.Unmarshal(v, &want); err != nil || !reflect.DeepEqual(r, want) {
				t.Fatalf("readWalk: %#v; encoding/json: %#v, %v", r, want, err)
			}
		}
		if r, ok := readSession(v); ok {
			var want sessionV2
			if err := json.Unmarshal(v, &want); err != nil || !reflect.DeepEqual(r, want) {
				t.Fatalf("readSession: %#v; encoding/json: %#v, %v", r, want, err)
			}
		}
		gotE, gotErr := decodeEntry(v)
		wantE, wantErr := jsonEntry(v)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(gotE, wantE) {
			t.Fatalf("decodeEntry: %#v, %v; encoding/json: %#v, %v", gotE, gotErr, wantE, wantErr)
		}
		gotS, gotErr := decodeSession(v)
		wantS, wantErr := jsonSession(v)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(gotS, wantS) {
			t.Fatalf("decodeSession: %#v, %v; encoding/json: %#v, %v", gotS, gotErr, wantS, wantErr)
		}
		gotW, gotErr := decodeWalk(v)
		wantW, wantErr := jsonWalk(v)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(gotW, wantW) {
			t.Fatalf("decodeWalk: %#v, %v; encoding/json: %#v, %v", gotW, gotErr, wantW, wantErr)
		}
	})
}

// BenchmarkDecodeEntry decodes one entry as the benchmark journal stores it.
func BenchmarkDecodeEntry(b *testing.B) {
	e := Entry{
		Time: benchEnd, Kind: AnyTime, BackPain: 3, LegPain: 1, Tightness: 4, Cause: program.CauseInactivity,
		LegReach: program.ReachThigh, Note: strings.Repeat("Felt stiff after the drive. ", 2),
	}
	v, err := json.Marshal(e.record())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := decodeEntry(v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeSession decodes one session as the benchmark journal
// stores it.
func BenchmarkDecodeSession(b *testing.B) {
	v, err := json.Marshal(session(benchEnd, 3).record())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := decodeSession(v); err != nil {
			b.Fatal(err)
		}
	}
}
