package journal

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"steady/program"
)

// Kind says when an entry was made.
type Kind string

const (
	Morning       Kind = "morning"        // on getting up: the rating progression uses
	BeforeSession Kind = "before-session" // right before a session
	AfterSession  Kind = "after-session"  // right after a session
	AnyTime       Kind = "any-time"       // whenever the user wants to write something down
)

// MaxNoteLength is the longest note, in characters (runes).
const MaxNoteLength = 2000

// maxText is the longest of the other free texts of a session.
const maxText = MaxNoteLength

// maxIDs is the most exercise ids a session may list as completed or skipped.
const maxIDs = 500

// ErrNoteTooLong is returned (wrapped) by Validate for a note longer than
// MaxNoteLength characters.
var ErrNoteTooLong = fmt.Errorf("the note is longer than %d characters", MaxNoteLength)

// An Entry is one rating the user wrote down.
type Entry struct {
	// Time is when the entry was made. It is the entry's key: no two
	// entries have the same Time (AddEntry moves a new entry 1 ns later
	// while its time is taken).
	Time      time.Time
	Kind      Kind
	BackPain  int              // 0 (none) to 10 (worst imaginable)
	LegPain   int              // 0 to 10, rated apart from back pain
	Tightness int              // 0 to 10
	Cause     program.Cause    // why the back is tight; "" when not asked
	LegReach  program.LegReach // how far down the leg symptoms reach
	NumbWeak  bool             // new numbness or weakness
	Note      string           // at most MaxNoteLength characters
}

// Validate reports every value out of range, joined, in plain words.
func (e Entry) Validate() error {
	var errs []error
	errs = append(errs, checkTime("the time", e.Time))
	switch e.Kind {
	case Morning, BeforeSession, AfterSession, AnyTime:
	default:
		errs = append(errs, fmt.Errorf("the kind %q is not one of morning, before-session, after-session, any-time", e.Kind))
	}
	errs = append(errs,
		checkScale("back pain", e.BackPain),
		checkScale("leg pain", e.LegPain),
		checkScale("tightness", e.Tightness))
	switch e.Cause {
	case "", program.CauseNone, program.CauseInactivity, program.CausePain:
	default:
		errs = append(errs, fmt.Errorf("the cause of tightness %q is not one of none, inactivity, pain", e.Cause))
	}
	if _, ok := reachName(e.LegReach); !ok {
		errs = append(errs, fmt.Errorf("how far the leg symptoms reach (%d) is not one of %s", e.LegReach, strings.Join(reachNames, ", ")))
	}
	errs = append(errs, checkNote(e.Note))
	return errors.Join(errs...)
}

// A Session is one exercise session as the journal keeps it.
type Session struct {
	Time      time.Time // when it ended: the session's key
	Started   time.Time // when it started; zero if unknown
	Routine   string    // which routine
	Level     int       // the level and dose step it was done at
	DoseStep  int
	Flare     bool     // done in flare mode
	Completed []string // ids of the exercises done
	Skipped   []string // ids of the exercises skipped
	Duration  time.Duration
	// MaxPainDuring and PainAfter: highest pain during it and pain right
	// after it, 0 to 10.
	MaxPainDuring int
	PainAfter     int
	LegSpread     program.LegSpread // "" when not asked
	NumbWeak      bool              // new numbness or weakness
	Felt          program.Felt      // "" when not asked
	// StoppedForPain: the user pressed "Stop — it hurts"; StopCauses are
	// the answers they ticked to "what happened?", StopNote what they
	// wrote in their own words.
	StoppedForPain bool
	StopCauses     []program.StopCause
	StopNote       string
	// Light, Final and MorningUnknown cache the session's traffic light as
	// the application layer last judged it: the colour ("" if none),
	// whether it is final, and whether it waits for a next-morning rating.
	// The application layer refreshes them; Import leaves them zero.
	Light          program.Color
	Final          bool
	MorningUnknown bool
	// Result is what the progression rules decided after the session; the
	// zero Result when unknown. Import leaves it zero.
	Result Result
	// ResultText is the result in the words of a journal written before
	// results were data, kept where the migration could not read it back
	// into a Result. Nothing new sets it; Import leaves it empty.
	ResultText string
}

// A Result is what the progression rules decided after a session: the
// mode of the next day and the step to train at, and when what the rules
// started ends (a flare), zero when nothing ends or it is not known.
type Result struct {
	Mode     program.Mode // "" when unknown
	Level    int
	DoseStep int // from 0
	Until    time.Time
}

// A Walk is one walk the user logged.
type Walk struct {
	// Time is when it was logged: the walk's key, like an entry's.
	Time    time.Time
	Minutes int    // 1 to MaxWalkMinutes
	Note    string // at most MaxNoteLength characters
}

// MaxWalkMinutes is the longest walk, in minutes.
const MaxWalkMinutes = 600

// Validate reports every value out of range, joined, in plain words.
func (w Walk) Validate() error {
	var errs []error
	errs = append(errs, checkTime("the time", w.Time))
	if w.Minutes < 1 || w.Minutes > MaxWalkMinutes {
		errs = append(errs, fmt.Errorf("a walk must be 1 to %d minutes long, not %d", MaxWalkMinutes, w.Minutes))
	}
	errs = append(errs, checkNote(w.Note))
	return errors.Join(errs...)
}

func checkNote(note string) error {
	if !utf8.ValidString(note) {
		return errors.New("the note is not valid text (UTF-8)")
	}
	if n := utf8.RuneCountInString(note); n > MaxNoteLength {
		return fmt.Errorf("%w: it has %d", ErrNoteTooLong, n)
	}
	return nil
}

// Validate reports every value out of range, joined, in plain words.
func (x Session) Validate() error {
	var errs []error
	errs = append(errs, checkTime("the end time", x.Time))
	if !x.Started.IsZero() {
		errs = append(errs, checkTime("the start time", x.Started))
		if x.Started.After(x.Time) {
			errs = append(errs, errors.New("the session cannot start after it ended"))
		}
	}
	if x.Level < 0 || x.Level > program.TopLevel {
		errs = append(errs, fmt.Errorf("the level must be between 0 and %d, not %d", program.TopLevel, x.Level))
	}
	if x.DoseStep < 0 || x.DoseStep > 100 {
		errs = append(errs, fmt.Errorf("the dose step must be between 0 and 100, not %d", x.DoseStep))
	}
	if x.Duration < 0 {
		errs = append(errs, fmt.Errorf("the duration cannot be negative (%v)", x.Duration))
	}
	errs = append(errs,
		checkScale("pain during the session", x.MaxPainDuring),
		checkScale("pain after the session", x.PainAfter))
	switch x.LegSpread {
	case "", program.SpreadNone, program.SpreadSettled, program.SpreadStayed:
	default:
		errs = append(errs, fmt.Errorf("what the leg symptoms did (%q) is not one of none, settled, stayed", x.LegSpread))
	}
	switch x.Felt {
	case "", program.FeltEasy, program.FeltOK, program.FeltHard:
	default:
		errs = append(errs, fmt.Errorf("how the session felt (%q) is not one of easy, ok, hard", x.Felt))
	}
	switch x.Light {
	case "", program.Green, program.Amber, program.Red:
	default:
		errs = append(errs, fmt.Errorf("the traffic light %q is not one of green, amber, red", x.Light))
	}
	if len(x.StopCauses) > len(stopCauseWords) {
		errs = append(errs, fmt.Errorf("the session lists %d reasons for stopping, more than the %d there are", len(x.StopCauses), len(stopCauseWords)))
	}
	for i, c := range x.StopCauses {
		if !slices.Contains(stopCauseWords, string(c)) {
			errs = append(errs, fmt.Errorf("the reason for stopping %q is not one of %s", c, strings.Join(stopCauseWords, ", ")))
		} else if slices.Contains(x.StopCauses[:i], c) {
			errs = append(errs, fmt.Errorf("the reason for stopping %q is there twice", c))
		}
	}
	if m := x.Result.Mode; m != "" && !slices.Contains(modeWords, string(m)) {
		errs = append(errs, fmt.Errorf("the result's mode %q is not one of %s", m, strings.Join(modeWords, ", ")))
	}
	if x.Result.Level < 0 || x.Result.Level > program.TopLevel {
		errs = append(errs, fmt.Errorf("the result's level must be between 0 and %d, not %d", program.TopLevel, x.Result.Level))
	}
	if x.Result.DoseStep < 0 || x.Result.DoseStep > 100 {
		errs = append(errs, fmt.Errorf("the result's dose step must be between 0 and 100, not %d", x.Result.DoseStep))
	}
	if !x.Result.Until.IsZero() {
		errs = append(errs, checkTime("the result's end time", x.Result.Until))
	}
	errs = append(errs,
		checkText("the routine", x.Routine),
		checkText("your note on stopping", x.StopNote),
		checkText("the result", x.ResultText),
		checkIDs("the completed exercises", x.Completed),
		checkIDs("the skipped exercises", x.Skipped))
	return errors.Join(errs...)
}

// earliest and latest are the times a key can hold (Unix nanoseconds).
var (
	earliest = time.Unix(0, 0)
	latest   = time.Unix(0, 1<<63-1)
)

func checkTime(what string, t time.Time) error {
	switch {
	case t.IsZero():
		return fmt.Errorf("%s is missing", what)
	case t.Before(earliest) || t.After(latest):
		return fmt.Errorf("%s %s is not between 1970 and 2262", what, t.Format(time.RFC3339))
	}
	return nil
}

func checkScale(what string, v int) error {
	if v < 0 || v > 10 {
		return fmt.Errorf("%s must be between 0 and 10, not %d", what, v)
	}
	return nil
}

func checkText(what, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid text (UTF-8)", what)
	}
	if n := utf8.RuneCountInString(s); n > maxText {
		return fmt.Errorf("%s is longer than %d characters: it has %d", what, maxText, n)
	}
	return nil
}

func checkIDs(what string, ids []string) error {
	if len(ids) > maxIDs {
		return fmt.Errorf("%s list more than %d exercises: %d", what, maxIDs, len(ids))
	}
	for _, id := range ids {
		if id == "" || strings.ContainsAny(id, " ,;\r\n\t") || !utf8.ValidString(id) || len(id) > 100 {
			return fmt.Errorf("%s include %q, which is not an exercise id", what, id)
		}
	}
	return nil
}

// reachNames are the stored words for program.LegReach, in order.
var reachNames = []string{"none", "buttock", "thigh", "below-knee", "foot"}

func reachName(r program.LegReach) (string, bool) {
	if r < 0 || int(r) >= len(reachNames) {
		return "", false
	}
	return reachNames[r], true
}

func parseReach(s string) (program.LegReach, error) {
	i := slices.Index(reachNames, s)
	if i < 0 {
		return 0, fmt.Errorf("how far the leg symptoms reach (%q) is not one of %s", s, strings.Join(reachNames, ", "))
	}
	return program.LegReach(i), nil
}

// cleanText makes line ends "\n", so a text reads the same after a CSV
// export and import (CSV readers turn "\r\n" into "\n").
func cleanText(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// clean returns the entry as it is stored: time without a monotonic
// reading, line ends made "\n".
func (e Entry) clean() Entry {
	e.Time = e.Time.Round(0)
	e.Note = cleanText(e.Note)
	return e
}

func (w Walk) clean() Walk {
	w.Time = w.Time.Round(0)
	w.Note = cleanText(w.Note)
	return w
}

func (x Session) clean() Session {
	x.Time = x.Time.Round(0)
	x.Started = x.Started.Round(0)
	x.Routine = cleanText(x.Routine)
	x.StopCauses = slices.Clone(x.StopCauses)
	if len(x.StopCauses) == 0 {
		x.StopCauses = nil // reads the same after any export and import
	}
	x.StopNote = cleanText(x.StopNote)
	x.Result.Until = x.Result.Until.Round(0)
	x.ResultText = cleanText(x.ResultText)
	x.Completed = cloneIDs(x.Completed)
	x.Skipped = cloneIDs(x.Skipped)
	return x
}

// cloneIDs copies ids; an empty list is nil, so it reads the same after
// any export and import.
func cloneIDs(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	return slices.Clone(ids)
}

func (e Entry) record() entryV1 {
	reach, _ := reachName(e.LegReach) // Validate has checked it
	return entryV1{
		Time: e.Time, Kind: string(e.Kind),
		BackPain: e.BackPain, LegPain: e.LegPain, Tightness: e.Tightness,
		Cause: string(e.Cause), LegReach: reach, NumbWeak: e.NumbWeak, Note: e.Note,
	}
}

func (r entryV1) entry() (Entry, error) {
	reach, err := parseReach(r.LegReach)
	if err != nil {
		return Entry{}, err
	}
	return Entry{
		Time: r.Time, Kind: Kind(r.Kind),
		BackPain: r.BackPain, LegPain: r.LegPain, Tightness: r.Tightness,
		Cause: program.Cause(r.Cause), LegReach: reach, NumbWeak: r.NumbWeak, Note: r.Note,
	}, nil
}

func (x Session) record() sessionV2 {
	causes := make([]string, len(x.StopCauses))
	for i, c := range x.StopCauses {
		causes[i] = string(c)
	}
	return sessionV2{
		Time: x.Time, Started: x.Started, Routine: x.Routine,
		Level: x.Level, DoseStep: x.DoseStep, Flare: x.Flare,
		Completed: x.Completed, Skipped: x.Skipped, Duration: x.Duration.String(),
		MaxPainDuring: x.MaxPainDuring, PainAfter: x.PainAfter,
		LegSpread: string(x.LegSpread), NumbWeak: x.NumbWeak, Felt: string(x.Felt),
		StoppedForPain: x.StoppedForPain, StopCauses: causes, StopNote: x.StopNote,
		Light: string(x.Light), Final: x.Final, MorningUnknown: x.MorningUnknown,
		ResultMode: string(x.Result.Mode), ResultLevel: x.Result.Level, ResultDoseStep: x.Result.DoseStep,
		ResultUntil: x.Result.Until, ResultText: x.ResultText,
	}
}

func (r sessionV2) session() (Session, error) {
	d, err := time.ParseDuration(r.Duration)
	if err != nil {
		return Session{}, fmt.Errorf("the duration %q is not a duration like 25m30s", r.Duration)
	}
	var causes []program.StopCause
	for _, c := range r.StopCauses {
		causes = append(causes, program.StopCause(c))
	}
	return Session{
		Time: r.Time, Started: r.Started, Routine: r.Routine,
		Level: r.Level, DoseStep: r.DoseStep, Flare: r.Flare,
		Completed: r.Completed, Skipped: r.Skipped, Duration: d,
		MaxPainDuring: r.MaxPainDuring, PainAfter: r.PainAfter,
		LegSpread: program.LegSpread(r.LegSpread), NumbWeak: r.NumbWeak, Felt: program.Felt(r.Felt),
		StoppedForPain: r.StoppedForPain, StopCauses: causes, StopNote: r.StopNote,
		Light: program.Color(r.Light), Final: r.Final, MorningUnknown: r.MorningUnknown,
		Result: Result{
			Mode: program.Mode(r.ResultMode), Level: r.ResultLevel, DoseStep: r.ResultDoseStep,
			Until: r.ResultUntil,
		},
		ResultText: r.ResultText,
	}, nil
}

func (w Walk) record() walkV1 {
	return walkV1{Time: w.Time, Minutes: w.Minutes, Note: w.Note}
}

func (r walkV1) walk() Walk {
	return Walk{Time: r.Time, Minutes: r.Minutes, Note: r.Note}
}
