package journal

// Stored entries, sessions and walks are read by a decoder written for
// their flat shapes: encoding/json's reflection was most of the time spent
// reading the whole journal (an export, History). encoding/json stays the
// definition of the format. The decoder takes only input it reads exactly
// as json.Unmarshal does (the members of entryV1, sessionV2 and walkV1 by
// their exact names, in any order; strings; whole numbers; true and false;
// lists of strings or null for a list) and reports anything else (another
// member, null for a value, a fraction, invalid UTF-8, a syntax error) so
// that the record goes to json.Unmarshal, which reads it or says what is
// wrong.

import (
	"math"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"steady/program"
)

// The stored words of the enumerations, for objectReader.word (leg_reach
// has reachNames).
var (
	kindWords   = []string{string(Morning), string(BeforeSession), string(AfterSession), string(AnyTime)}
	causeWords  = []string{string(program.CauseNone), string(program.CauseInactivity), string(program.CausePain)}
	spreadWords = []string{string(program.SpreadNone), string(program.SpreadSettled), string(program.SpreadStayed)}
	feltWords   = []string{string(program.FeltEasy), string(program.FeltOK), string(program.FeltHard)}
	lightWords  = []string{string(program.Green), string(program.Amber), string(program.Red)}
	// stopCauseWords are the program.StopCause words, which Validate
	// accepts too.
	stopCauseWords = []string{string(program.StopLegPain), string(program.StopNumbness), string(program.StopWeakness),
		string(program.StopBackPain), string(program.StopOther)}
	// modeWords are the program.Mode words, which Validate accepts too.
	modeWords = func() []string {
		var ws []string
		for _, m := range program.Modes() {
			ws = append(ws, string(m))
		}
		return ws
	}()
)

// readEntry reads a stored entry as json.Unmarshal reads it into an
// entryV1. ok is false when v holds something left to encoding/json; rec is
// then incomplete.
func readEntry(v []byte) (rec entryV1, ok bool) {
	r := newObjectReader(v)
	for r.next() {
		switch string(r.key) {
		case "time":
			rec.Time = r.time()
		case "kind":
			rec.Kind = r.word(kindWords)
		case "back_pain":
			rec.BackPain = r.int()
		case "leg_pain":
			rec.LegPain = r.int()
		case "tightness":
			rec.Tightness = r.int()
		case "cause":
			rec.Cause = r.word(causeWords)
		case "leg_reach":
			rec.LegReach = r.word(reachNames)
		case "numb_weak":
			rec.NumbWeak = r.bool()
		case "note":
			rec.Note = r.string()
		default:
			r.fail()
		}
	}
	return rec, r.ok()
}

// readSession reads a stored session as json.Unmarshal reads it into a
// sessionV2, like readEntry.
func readSession(v []byte) (rec sessionV2, ok bool) {
	r := newObjectReader(v)
	for r.next() {
		switch string(r.key) {
		case "time":
			rec.Time = r.time()
		case "started":
			rec.Started = r.time()
		case "routine":
			rec.Routine = r.string()
		case "level":
			rec.Level = r.int()
		case "dose_step":
			rec.DoseStep = r.int()
		case "flare":
			rec.Flare = r.bool()
		case "completed":
			rec.Completed = r.strings()
		case "skipped":
			rec.Skipped = r.strings()
		case "duration":
			rec.Duration = r.string()
		case "max_pain_during":
			rec.MaxPainDuring = r.int()
		case "pain_after":
			rec.PainAfter = r.int()
		case "leg_spread":
			rec.LegSpread = r.word(spreadWords)
		case "numb_weak":
			rec.NumbWeak = r.bool()
		case "felt":
			rec.Felt = r.word(feltWords)
		case "stopped_for_pain":
			rec.StoppedForPain = r.bool()
		case "stop_causes":
			rec.StopCauses = r.words(stopCauseWords)
		case "stop_note":
			rec.StopNote = r.string()
		case "light":
			rec.Light = r.word(lightWords)
		case "final":
			rec.Final = r.bool()
		case "morning_unknown":
			rec.MorningUnknown = r.bool()
		case "result_mode":
			rec.ResultMode = r.word(modeWords)
		case "result_level":
			rec.ResultLevel = r.int()
		case "result_dose_step":
			rec.ResultDoseStep = r.int()
		case "result_until":
			rec.ResultUntil = r.time()
		case "result_text":
			rec.ResultText = r.string()
		default:
			r.fail()
		}
	}
	return rec, r.ok()
}

// readWalk reads a stored walk as json.Unmarshal reads it into a walkV1,
// like readEntry.
func readWalk(v []byte) (rec walkV1, ok bool) {
	r := newObjectReader(v)
	for r.next() {
		switch string(r.key) {
		case "time":
			rec.Time = r.time()
		case "minutes":
			rec.Minutes = r.int()
		case "note":
			rec.Note = r.string()
		default:
			r.fail()
		}
	}
	return rec, r.ok()
}

// An objectReader reads the members of one JSON object whose values are
// strings, whole numbers, booleans or lists of strings. next moves to a
// member; the caller then reads its value with the method for its type.
// At the first thing it does not expect the reader stops and ok reports
// false: it never guesses.
type objectReader struct {
	data    []byte
	pos     int
	key     []byte // the current member's name, as written
	members int    // members read so far
	done    bool   // the object's closing brace was read
	bad     bool   // something unexpected was found
}

func newObjectReader(data []byte) objectReader {
	r := objectReader{data: data}
	r.space()
	r.expect('{')
	return r
}

// next moves to the object's next member and reads its name and the colon
// after it. It reports false at the end of the object or when the input is
// not as expected.
func (r *objectReader) next() bool {
	if r.bad || r.done {
		return false
	}
	r.space()
	if r.peek() == '}' {
		r.pos++
		r.done = true
		return false
	}
	if r.members > 0 {
		r.expect(',')
		r.space()
	}
	name, escaped := r.stringToken()
	if escaped {
		// No stored name has an escape; encoding/json would unescape it
		// before matching names.
		r.fail()
	}
	r.space()
	r.expect(':')
	r.space()
	r.key = name
	r.members++
	return !r.bad
}

// ok reports whether the input was one whole object, with nothing but
// white space after it, and every value in it was read as expected.
func (r *objectReader) ok() bool {
	if r.bad || !r.done {
		return false
	}
	r.space()
	return r.pos == len(r.data)
}

// fail stops the reader: the input is left to encoding/json.
func (r *objectReader) fail() {
	r.bad = true
}

// peek returns the next byte, or 0 at the end of the input.
func (r *objectReader) peek() byte {
	if r.pos < len(r.data) {
		return r.data[r.pos]
	}
	return 0
}

// expect reads the byte c, or fails.
func (r *objectReader) expect(c byte) {
	if r.peek() != c {
		r.fail()
		return
	}
	r.pos++
}

// space skips JSON white space.
func (r *objectReader) space() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// literal reads the word w (true, false, null) if it is next.
func (r *objectReader) literal(w string) bool {
	if r.bad || len(r.data)-r.pos < len(w) || string(r.data[r.pos:r.pos+len(w)]) != w {
		return false
	}
	r.pos += len(w)
	return true
}

// notPlain marks the bytes a string's scan stops at: its closing quote, an
// escape, a control character and the first byte of a multi-byte
// character.
var notPlain = func() (t [256]bool) {
	for c := range t {
		t[c] = c == '"' || c == '\\' || c < 0x20 || c >= utf8.RuneSelf
	}
	return t
}()

// stringToken reads a JSON string and returns what is between its quotes,
// as written, and whether that holds an escape. It fails on a control
// character or invalid UTF-8, which encoding/json refuses or replaces.
func (r *objectReader) stringToken() (s []byte, escaped bool) {
	if r.bad || r.peek() != '"' {
		r.fail()
		return nil, false
	}
	rest := r.data[r.pos+1:]
	ascii := true
	i := 0
	for {
		for i < len(rest) && !notPlain[rest[i]] {
			i++
		}
		if i >= len(rest) {
			r.fail() // no closing quote
			return nil, false
		}
		switch c := rest[i]; {
		case c == '"':
			if !ascii && !utf8.Valid(rest[:i]) {
				r.fail()
				return nil, false
			}
			r.pos += 1 + i + 1
			return rest[:i], escaped
		case c == '\\':
			escaped = true
			i += 2 // the escape is checked when it is unescaped
		case c < 0x20:
			r.fail()
			return nil, false
		default:
			ascii = false
			i++
		}
	}
}

// string reads a string value.
func (r *objectReader) string() string {
	return r.text(r.stringToken())
}

// word reads a string value that is usually one of words, the stored words
// of an enumeration: that word itself comes back, and nothing is copied.
func (r *objectReader) word(words []string) string {
	s, escaped := r.stringToken()
	if !r.bad && !escaped {
		for _, w := range words {
			if string(s) == w {
				return w
			}
		}
	}
	return r.text(s, escaped)
}

// text is the value of a string token from stringToken.
func (r *objectReader) text(s []byte, escaped bool) string {
	if r.bad {
		return ""
	}
	if !escaped {
		return string(s)
	}
	u, ok := unescape(s)
	if !ok {
		r.fail()
	}
	return u
}

// unescape returns the text of s, the inside of a JSON string holding
// escapes. ok is false for an invalid escape, and for a surrogate that is
// not half of a pair, which encoding/json replaces with U+FFFD.
func unescape(s []byte) (_ string, ok bool) {
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\\' {
			i++
		}
		b.Write(s[:i])
		if s = s[i:]; len(s) == 0 {
			break
		}
		if len(s) < 2 {
			return "", false
		}
		switch c := s[1]; c {
		case '"', '\\', '/':
			b.WriteByte(c)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, valid := hex4(s[2:])
			if !valid {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				// Only a high surrogate followed by a low one.
				s = s[6:]
				if len(s) < 2 || s[0] != '\\' || s[1] != 'u' {
					return "", false
				}
				low, valid := hex4(s[2:])
				if r = utf16.DecodeRune(r, low); !valid || r == utf8.RuneError {
					return "", false
				}
			}
			b.WriteRune(r)
			s = s[6:]
			continue
		default:
			return "", false
		}
		s = s[2:]
	}
	return b.String(), true
}

// hex4 reads the four hex digits of a \u escape.
func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// int reads a whole number as encoding/json reads it into an int. A
// number that does not fit, and one with a fraction or an exponent, fail:
// encoding/json says what is wrong with them.
func (r *objectReader) int() int {
	if r.bad {
		return 0
	}
	neg := r.peek() == '-'
	if neg {
		r.pos++
	}
	start := r.pos
	for r.pos < len(r.data) && '0' <= r.data[r.pos] && r.data[r.pos] <= '9' {
		r.pos++
	}
	digits := r.data[start:r.pos]
	switch c := r.peek(); {
	case len(digits) == 0 || len(digits) > 19, // 19 digits fit a uint64
		len(digits) > 1 && digits[0] == '0', // a leading zero: not JSON
		c == '.' || c == 'e' || c == 'E':
		r.fail()
		return 0
	}
	var n uint64
	for _, c := range digits {
		n = n*10 + uint64(c-'0')
	}
	switch {
	case !neg && n <= math.MaxInt:
		return int(n)
	case neg && n <= -math.MinInt:
		return int(-n)
	}
	r.fail()
	return 0
}

// bool reads true or false.
func (r *objectReader) bool() bool {
	switch {
	case r.literal("true"):
		return true
	case r.literal("false"):
		return false
	}
	r.fail()
	return false
}

// time reads a time the way encoding/json does: it hands the string, as
// written and with its quotes, to time.Time's UnmarshalJSON.
func (r *objectReader) time() time.Time {
	start := r.pos
	r.stringToken()
	if r.bad {
		return time.Time{}
	}
	var t time.Time
	if err := t.UnmarshalJSON(r.data[start:r.pos]); err != nil {
		r.fail() // encoding/json says what is wrong
	}
	return t
}

// strings reads a list of strings as encoding/json reads it into a
// []string: null is nil, [] is an empty list that is not nil.
func (r *objectReader) strings() []string {
	return r.words(nil)
}

// words reads a list of strings like strings, each usually one of words
// (see word).
func (r *objectReader) words(words []string) []string {
	if r.literal("null") {
		return nil
	}
	r.expect('[')
	r.space()
	list := []string{}
	if r.peek() == ']' {
		r.pos++
		return list
	}
	for !r.bad {
		list = append(list, r.word(words))
		r.space()
		switch r.peek() {
		case ',':
			r.pos++
			r.space()
		case ']':
			r.pos++
			return list
		default:
			r.fail()
		}
	}
	return nil
}
