package coach

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"steady/coach/session"
	"steady/journal"
	"steady/program"
)

// start is a Monday morning; the tests' days count from it.
var start = time.Date(2026, 3, 2, 7, 0, 0, 0, time.UTC)

func at(day, hour int) time.Time {
	return start.Add(time.Duration(day)*24*time.Hour + time.Duration(hour-7)*time.Hour)
}

// newCoach is a coach over a new journal file, with a fake clock at start.
func newCoach(t *testing.T) (*Coach, *journal.Store, *program.FakeClock) {
	t.Helper()
	j, err := journal.Open(filepath.Join(t.TempDir(), "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	clock := program.NewFakeClock(start)
	return New(j, program.Builtin(), clock), j, clock
}

// begin does the first run at level with no warning sign.
func begin(t *testing.T, c *Coach, level int) {
	t.Helper()
	if _, err := c.Begin(Beginning{Answers: map[string]bool{}, Level: level}); err != nil {
		t.Fatal(err)
	}
}

func setTime(clock *program.FakeClock, t time.Time) { clock.Advance(t.Sub(clock.Now())) }

func morning(t *testing.T, c *Coach, clock *program.FakeClock, day, back int) CheckedIn {
	t.Helper()
	setTime(clock, at(day, 7))
	got, err := c.CheckIn(journal.Entry{Kind: journal.Morning, BackPain: back, Cause: program.CauseNone})
	if err != nil {
		t.Fatalf("day %d check-in: %v", day, err)
	}
	return got
}

// doSession starts today's session at 18:00 and finishes it with the
// ratings given.
func doSession(t *testing.T, c *Coach, clock *program.FakeClock, day, painDuring int, felt program.Felt) Finished {
	t.Helper()
	setTime(clock, at(day, 18))
	s, err := c.StartSession(DefaultTiming())
	if err != nil {
		t.Fatalf("day %d start: %v", day, err)
	}
	total := s.Plan.Timeline().Total()
	clock.Advance(total)
	var done []string
	for _, it := range s.Plan.Items {
		done = append(done, it.Exercise.ID)
	}
	f, err := c.FinishSession(s, session.Result{
		Started: s.At, Ended: clock.Now(), Duration: total, Completed: done,
		MaxPainDuring: painDuring, PainAfter: painDuring, LegSpread: program.SpreadNone, Felt: felt,
	})
	if err != nil {
		t.Fatalf("day %d finish: %v", day, err)
	}
	return f
}

// Two morning ratings of 3, then a session with pain 4 during: the light
// the ratings dialog shows is the light the history, the status and the
// rules see, before and after the next morning.
func TestTwoMorningsOneLight(t *testing.T) {
	c, j, clock := newCoach(t)
	begin(t, c, 1)
	morning(t, c, clock, 0, 3)
	morning(t, c, clock, 1, 3)
	f := doSession(t, c, clock, 1, 4, program.FeltOK)

	check := func(when string, want program.Light) {
		t.Helper()
		now := clock.Now()
		rec, err := c.JournalAt(now)
		if err != nil {
			t.Fatal(err)
		}
		h, err := j.History(now)
		if err != nil {
			t.Fatal(err)
		}
		h.StepsInLevel = c.routine.StepsInLevel
		rules := program.Lights(h, now)
		st, err := c.Status(now, DefaultTiming())
		if err != nil {
			t.Fatal(err)
		}
		stored, err := j.Sessions(time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]program.Color{
			"history": rec.Sessions[0].Light,
			"rules":   rules[0].Color,
			"status":  st.LastSession.Light,
			"stored":  stored[0].Light,
		}
		for where, c := range got {
			if c != want.Color {
				t.Errorf("%s: the %s shows %s, want %s", when, where, c, want.Color)
			}
		}
		if rec.Sessions[0].Final != want.Final || st.LastSession.Final != want.Final || rules[0].Final != want.Final {
			t.Errorf("%s: final: history %v, status %v, rules %v; want %v", when, rec.Sessions[0].Final, st.LastSession.Final, rules[0].Final, want.Final)
		}
	}
	if f.Light.Final {
		t.Errorf("right after the session its light is final; want provisional until the next morning")
	}
	check("after the session", f.Light)

	if f.Light.Color != program.Amber {
		t.Errorf("pain 4 during the session: %s, want amber (above 3 of 10)", f.Light.Color)
	}

	// The next morning is 3 points above both mornings, but two mornings
	// make no baseline yet (program.BaselineMinimum): the light stays amber
	// and provisional, the same everywhere, and is final a day after the
	// session.
	morning(t, c, clock, 2, 6)
	check("after the next morning", f.Light)
	setTime(clock, at(2, 19))
	h, err := j.History(clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got := program.Lights(h, clock.Now())[0]; got.Color != program.Amber || !got.Final {
		t.Errorf("a day after the session: %s final %v, want amber and final", got.Color, got.Final)
	}
	check("a day after the session", program.Light{Color: program.Amber, Final: true})
}

// A provisional light left without a next-morning rating becomes final
// after 24 hours, marked "next morning unknown".
func TestLightFinalWithoutMorning(t *testing.T) {
	c, _, clock := newCoach(t)
	begin(t, c, 1)
	for d := range 3 {
		morning(t, c, clock, d, 2)
	}
	doSession(t, c, clock, 2, 2, program.FeltEasy)
	setTime(clock, at(3, 17))
	rec, err := c.Journal()
	if err != nil {
		t.Fatal(err)
	}
	if s := rec.Sessions[0]; s.Final {
		t.Errorf("23 h after the session: final, want provisional")
	}
	setTime(clock, at(3, 19))
	rec, err = c.Journal()
	if err != nil {
		t.Fatal(err)
	}
	if s := rec.Sessions[0]; !s.Final || !s.MorningUnknown || s.Light != program.Green {
		t.Errorf("25 h after the session: light %s final %v unknown %v; want green, final, next morning unknown", s.Light, s.Final, s.MorningUnknown)
	}
}

// A session that cannot be saved leaves nothing behind: not the session,
// not a new standing.
func TestFinishSessionAllOrNothing(t *testing.T) {
	c, j, clock := newCoach(t)
	begin(t, c, 1)
	before, _, err := j.Standing()
	if err != nil {
		t.Fatal(err)
	}
	setTime(clock, at(0, 18))
	s, err := c.StartSession(DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.FinishSession(s, session.Result{Ended: clock.Now(), MaxPainDuring: 11, Felt: program.FeltOK})
	if err == nil {
		t.Fatal("a pain of 11 was saved")
	}
	got, err := j.Sessions(time.Time{}, time.Time{})
	if err != nil || len(got) != 0 {
		t.Errorf("after a failed save: %d sessions (%v), want none", len(got), err)
	}
	after, _, err := j.Standing()
	if err != nil {
		t.Fatal(err)
	}
	if !after.Equal(before) {
		t.Errorf("the standing changed on a failed save: %+v, was %+v", after, before)
	}
}

// New numbness or weakness in a check-in pauses exercise until the safety
// questions are answered again; answered without a sign, exercise resumes.
func TestNumbnessInCheckInPausesExercise(t *testing.T) {
	c, _, clock := newCoach(t)
	begin(t, c, 1)
	setTime(clock, at(1, 7))
	got, err := c.CheckIn(journal.Entry{Kind: journal.Morning, BackPain: 3, NumbWeak: true})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Rescreen {
		t.Fatal("a check-in with new numbness did not ask for the safety questions")
	}
	if _, err := c.StartSession(DefaultTiming()); !errors.Is(err, ErrNoExercise) {
		t.Errorf("starting a session before re-screening: %v, want ErrNoExercise", err)
	}
	if _, err := c.Rescreen(map[string]bool{}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := c.StartSession(DefaultTiming()); err != nil {
		t.Errorf("after re-screening without a sign: %v, want a session", err)
	}
}

// The emergency tier has no "a clinician cleared me" shortcut.
func TestNoSelfClearanceForEmergency(t *testing.T) {
	c, _, _ := newCoach(t)
	var emergency string
	for _, q := range program.Questions() {
		if q.Tier == program.EmergencyNow {
			emergency = q.ID
			break
		}
	}
	if _, err := c.Begin(Beginning{Answers: map[string]bool{emergency: true}, Cleared: true, Level: 1}); err != nil {
		t.Fatal(err)
	}
	if err := c.Clear(); !errors.Is(err, ErrNotSelfClearable) {
		t.Errorf("clearing an emergency sign: %v, want ErrNotSelfClearable", err)
	}
	if _, err := c.StartSession(DefaultTiming()); !errors.Is(err, ErrNoExercise) {
		t.Errorf("a session with an emergency sign raised: %v, want ErrNoExercise", err)
	}
}

// "My back is flaring up right now" at the first run starts flare mode.
func TestBeginFlaring(t *testing.T) {
	c, _, _ := newCoach(t)
	if _, err := c.Begin(Beginning{Answers: map[string]bool{}, Flaring: true}); err != nil {
		t.Fatal(err)
	}
	d, err := c.Today(DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	if d.Decision.Mode != program.Flare || d.Decision.Level != 0 || d.Decision.MobilityAllowed {
		t.Errorf("first run while flaring: mode %s level %d mobility %v; want flare, level 0, no mobility",
			d.Decision.Mode, d.Decision.Level, d.Decision.MobilityAllowed)
	}
}

// status before the first run says so.
func TestStatusBeforeFirstRun(t *testing.T) {
	c, _, clock := newCoach(t)
	if _, err := c.Status(clock.Now(), DefaultTiming()); !errors.Is(err, ErrNotStarted) {
		t.Errorf("status before the first run: %v, want ErrNotStarted", err)
	}
}

// The status JSON has the documented fields, and items are today's plan.
func TestStatusJSON(t *testing.T) {
	c, _, clock := newCoach(t)
	begin(t, c, 2)
	morning(t, c, clock, 0, 2)
	s, err := c.Status(clock.Now(), DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"mode", "level", "dose_step", "exercise_allowed", "mobility_offered", "see_clinician",
		"suggest_review", "rescreen_required", "items", "reasons", "last_session", "walking"} {
		if _, ok := m[k]; !ok {
			t.Errorf("status JSON has no %q: %s", k, b)
		}
	}
	if m["last_session"] != nil {
		t.Errorf("last_session = %v before any session, want null", m["last_session"])
	}
	p, err := c.routine.Plan(2, 0, false, DefaultTiming().GetReady, DefaultTiming().Rest)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, it := range p.Items {
		want = append(want, it.Exercise.ID)
	}
	if !slices.Equal(s.Items, want) {
		t.Errorf("items = %v, want the level 2 plan %v", s.Items, want)
	}
	for _, r := range s.Reasons {
		if r.Rule == "" || r.Text == "" {
			t.Errorf("a reason without its rule or words: %+v", r)
		}
	}
}

// An import works each session's light out again from its ratings: the
// file's light column does not decide it.
func TestImportRecomputesLights(t *testing.T) {
	c, _, clock := newCoach(t)
	begin(t, c, 1)
	for d := range 3 {
		morning(t, c, clock, d, 2)
	}
	doSession(t, c, clock, 2, 2, program.FeltEasy)
	morning(t, c, clock, 3, 2)
	var csv bytes.Buffer
	if err := c.Export(&csv, journal.CSV); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), ",green,") {
		t.Fatalf("the export has no green light:\n%s", csv.String())
	}
	tampered := strings.Replace(csv.String(), ",green,", ",red,", 1)

	c2, j2, clock2 := newCoach(t)
	begin(t, c2, 1)
	setTime(clock2, clock.Now())
	if _, err := c2.Import(strings.NewReader(tampered), journal.CSV); err != nil {
		t.Fatal(err)
	}
	stored, err := j2.Sessions(time.Time{}, time.Time{})
	if err != nil || len(stored) != 1 {
		t.Fatalf("imported sessions: %d (%v), want 1", len(stored), err)
	}
	if stored[0].Light != program.Green || !stored[0].Final {
		t.Errorf("imported light %s final %v; want green and final, as its ratings say", stored[0].Light, stored[0].Final)
	}
}

// Twelve weeks on the fake clock through the application, as the window
// does it: a check-in every morning, a session every evening, pain
// easing. The user moves up, never down, and every session's light is
// final by the next day.
func TestTwelveWeeks(t *testing.T) {
	c, j, clock := newCoach(t)
	begin(t, c, 1)
	level, step := 1, 0
	for day := range 84 {
		back := max(4-day/21, 1)
		morning(t, c, clock, day, back)
		f := doSession(t, c, clock, day, min(back, 3), program.FeltEasy)
		d := f.After
		t.Logf("day %2d: back %d, session %s, next: %s level %d step %d", day, back, f.Light.Color, d.Mode, d.Level, d.DoseStep)
		if d.Level < level || (d.Level == level && d.DoseStep < step) {
			t.Fatalf("day %d: moved down to level %d step %d from %d/%d with easing pain", day, d.Level, d.DoseStep, level, step)
		}
		level, step = d.Level, d.DoseStep
	}
	if level < 3 {
		t.Errorf("after 12 weeks of green, easy sessions: level %d, want at least 3", level)
	}
	stored, err := j.Sessions(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stored[:len(stored)-1] {
		if !s.Final || s.Light != program.Green {
			t.Errorf("session of %s: %s final %v, want green and final", s.Time.Format(time.DateOnly), s.Light, s.Final)
		}
	}
}
