package program

import (
	"slices"
	"testing"
	"time"
)

// monday is a Monday; tests count days from it.
var monday = time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)

func dayAt(day, hour int) time.Time {
	return monday.AddDate(0, 0, day).Add(time.Duration(hour) * time.Hour)
}

func rating(n int) *int { return &n }

// dailyMornings rates each morning from day from on at 07:00, tightness
// equal to back pain.
func dailyMornings(from int, pains ...int) []MorningRating {
	ms := make([]MorningRating, len(pains))
	for i, p := range pains {
		ms[i] = MorningRating{Time: dayAt(from+i, 7), BackPain: p, Tightness: p, Cause: CauseNone}
	}
	return ms
}

func times(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// testSteps is the number of dose steps per level in these tests.
func testSteps(level int) int { return []int{1, 2, 3, 3, 3, 3}[level] }

// green is an easy, green session at 18:00 on day, with next morning's rating.
func greenSession(day, level, step, next int) SessionOutcome {
	return SessionOutcome{Time: dayAt(day, 18), Level: level, DoseStep: step, MaxPainDuring: 2, PainAfter: 1,
		LegSpread: SpreadNone, Felt: FeltEasy, NextMorning: rating(next)}
}

func TestBaseline(t *testing.T) {
	cases := []struct {
		name   string
		pains  []int
		now    time.Time
		want   float64
		wantOK bool
	}{
		{"none", nil, dayAt(10, 0), 0, false},
		{"one: still forming", []int{4}, dayAt(10, 0), 4, false},
		{"two: still forming, mean of the two", []int{3, 6}, dayAt(10, 0), 4.5, false},
		{"three: odd count, the middle one", []int{5, 1, 3}, dayAt(10, 0), 3, true},
		{"four: even count, mean of the middle two", []int{2, 8, 4, 6}, dayAt(10, 0), 5, true},
		{"nine: only the last seven count", []int{0, 0, 6, 6, 6, 6, 1, 1, 1}, dayAt(10, 0), 6, true},
		{"eight: the last seven, odd", []int{9, 1, 2, 3, 4, 5, 6, 7}, dayAt(10, 0), 4, true},
		{"ratings after now do not count", []int{1, 1, 1, 9, 9}, dayAt(2, 8), 1, true},
		{"a rating exactly at now counts", []int{1, 1, 9}, dayAt(2, 7), 1, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := dailyMornings(0, c.pains...)
			slices.Reverse(ms) // order of input must not matter
			got, ok := Baseline(ms, c.now)
			if got != c.want || ok != c.wantOK {
				t.Errorf("got %v, %v; want %v, %v", got, ok, c.want, c.wantOK)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	type o = SessionOutcome
	cases := []struct {
		name      string
		o         SessionOutcome
		baseline  float64
		want      Color
		fired     []Criterion
		wantFinal bool
	}{
		{"pain 3 is green", o{MaxPainDuring: 3, NextMorning: rating(1)}, 1, Green, nil, true},
		{"pain 4 is amber", o{MaxPainDuring: 4, NextMorning: rating(1)}, 1, Amber, []Criterion{PainModerate}, true},
		{"pain 5 is amber", o{MaxPainDuring: 5, NextMorning: rating(1)}, 1, Amber, []Criterion{PainModerate}, true},
		{"pain 6 is red", o{MaxPainDuring: 6, NextMorning: rating(1)}, 1, Red, []Criterion{PainHigh}, true},
		{"pain after counts like pain during", o{MaxPainDuring: 2, PainAfter: 6, NextMorning: rating(1)}, 1, Red, []Criterion{PainHigh}, true},
		{"pain 4 within baseline 2 + 2 is green", o{MaxPainDuring: 4, NextMorning: rating(2)}, 2, Green, nil, true},
		{"pain 5 within baseline 3 + 2 is green", o{MaxPainDuring: 5, NextMorning: rating(3)}, 3, Green, nil, true},
		{"pain 6 above 5 is red even within baseline 4 + 2", o{MaxPainDuring: 6, NextMorning: rating(4)}, 4, Red, []Criterion{PainHigh}, true},
		{"pain 4 without baseline is amber, provisional", o{MaxPainDuring: 4, NextMorning: rating(2)}, NoBaseline, Amber, []Criterion{PainModerate}, false},
		{"next morning baseline + 1 is green", o{MaxPainDuring: 1, NextMorning: rating(4)}, 3, Green, nil, true},
		{"next morning baseline + 2 is amber", o{MaxPainDuring: 1, NextMorning: rating(5)}, 3, Amber, []Criterion{MorningUpTwo}, true},
		{"next morning baseline + 3 is red", o{MaxPainDuring: 1, NextMorning: rating(6)}, 3, Red, []Criterion{MorningUpThree}, true},
		{"next morning below baseline is green", o{MaxPainDuring: 1, NextMorning: rating(0)}, 3, Green, nil, true},
		{"half-point baseline: + 0.5 is green", o{MaxPainDuring: 1, NextMorning: rating(4)}, 3.5, Green, nil, true},
		{"half-point baseline: + 1.5 is amber", o{MaxPainDuring: 1, NextMorning: rating(5)}, 3.5, Amber, []Criterion{MorningUpTwo}, true},
		{"half-point baseline: + 2.5 is red", o{MaxPainDuring: 1, NextMorning: rating(6)}, 3.5, Red, []Criterion{MorningUpThree}, true},
		{"no next morning yet: green, provisional", o{MaxPainDuring: 1}, 3, Green, nil, false},
		{"not settled in 24 h is red", o{MaxPainDuring: 1, NextMorning: rating(3), NotSettledIn24h: true}, 3, Red, []Criterion{NotSettled}, true},
		{"leg spread settled is amber", o{MaxPainDuring: 1, LegSpread: SpreadSettled, NextMorning: rating(3)}, 3, Amber, []Criterion{LegSettled}, true},
		{"leg spread stayed is red", o{MaxPainDuring: 1, LegSpread: SpreadStayed, NextMorning: rating(3)}, 3, Red, []Criterion{LegStayed}, true},
		{"no leg spread is green", o{MaxPainDuring: 1, LegSpread: SpreadNone, NextMorning: rating(3)}, 3, Green, nil, true},
		{"new numbness is red, final without next morning", o{MaxPainDuring: 0, NewNumbnessOrWeakness: true}, 3, Red, []Criterion{NumbWeak}, true},
		{"amber and red together: red, both listed", o{MaxPainDuring: 4, LegSpread: SpreadStayed, NextMorning: rating(3)}, 1, Red, []Criterion{PainModerate, MorningUpTwo, LegStayed}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Classify(c.o, c.baseline)
			if got.Color != c.want {
				t.Errorf("colour: got %s, want %s", got.Color, c.want)
			}
			if !slices.Equal(got.Fired, c.fired) {
				t.Errorf("fired: got %v, want %v", got.Fired, c.fired)
			}
			if got.Final != c.wantFinal {
				t.Errorf("final: got %v, want %v", got.Final, c.wantFinal)
			}
		})
	}
}

// explains reports whether the decision's explanation has a reason of the
// rule, with a source and no text (rules never write sentences), whose
// values include every one of want.
func explains(d Decision, r Rule, want map[string]float64) bool {
	for _, e := range d.Explanation {
		if e.Rule != r || e.Source == SourceNone || e.Text != "" {
			continue
		}
		ok := true
		for k, v := range want {
			got, has := e.Values[k]
			ok = ok && has && got == v
		}
		if ok {
			return true
		}
	}
	return false
}

// vals is a shorthand for the values a test wants.
type vals = map[string]float64

func TestDecideProgression(t *testing.T) {
	base := dailyMornings(0, times(14, 3)...) // baseline 3 throughout
	start := Start(1, dayAt(0, 8))
	easyWeek := []SessionOutcome{greenSession(4, 1, 0, 3), greenSession(5, 1, 0, 3), greenSession(6, 1, 0, 3)}
	with := func(ss []SessionOutcome, i int, f func(*SessionOutcome)) []SessionOutcome {
		out := slices.Clone(ss)
		f(&out[i])
		return out
	}
	cases := []struct {
		name      string
		standing  Standing
		sessions  []SessionOutcome
		now       time.Time
		wantMode  Mode
		wantLevel int
		wantStep  int
		wantRule  Rule
		want      vals
	}{
		{"3 green, a week, easy: next dose step", start, easyWeek, dayAt(7, 8), Advance, 1, 1, RuleAdvance, nil},
		{"a week less a moment: stay", start, easyWeek, dayAt(7, 8).Add(-time.Nanosecond), Normal, 1, 0, RuleProgress, nil},
		{"exactly a week: next dose step", start, easyWeek, dayAt(7, 8), Advance, 1, 1, RuleAdvance, nil},
		{"last felt ok, not easy: stay", start, with(easyWeek, 2, func(s *SessionOutcome) { s.Felt = FeltOK }), dayAt(7, 8), Normal, 1, 0, RuleProgress, vals{"lastEasy": 0}},
		{"only 2 green: stay", start, easyWeek[1:], dayAt(7, 8), Normal, 1, 0, RuleProgress, vals{"greens": 2}},
		// A session early on day 7 has no next morning by 08:00 and is not a day
		// old: provisional, so the run has no final green at its end.
		{"last without next-morning rating: stay", start, with(easyWeek, 2, func(s *SessionOutcome) { s.Time, s.NextMorning = dayAt(7, 6), nil }), dayAt(7, 8), Normal, 1, 0, RuleProgress, vals{"greens": 0}},
		{"amber in the middle breaks the run", start, with(easyWeek, 1, func(s *SessionOutcome) { s.LegSpread = SpreadSettled }), dayAt(7, 8), Normal, 1, 0, RuleProgress, vals{"greens": 1}},
		{"last amber: repeat", start, with(easyWeek, 2, func(s *SessionOutcome) { s.LegSpread = SpreadSettled }), dayAt(7, 8), Repeat, 1, 0, RuleRepeat, nil},
		{"sessions at another step do not count", start, []SessionOutcome{greenSession(4, 2, 0, 3), greenSession(5, 2, 0, 3), greenSession(6, 2, 0, 3)}, dayAt(7, 8), Normal, 1, 0, RuleProgress, vals{"sessions": 0}},
		{"last step of a level: next level", Standing{Level: 1, DoseStep: 1, Since: dayAt(0, 8)},
			[]SessionOutcome{greenSession(4, 1, 1, 3), greenSession(5, 1, 1, 3), greenSession(6, 1, 1, 3)}, dayAt(7, 8), Advance, 2, 0, RuleAdvance, nil},
		{"last step of the top level: stay", Standing{Level: 5, DoseStep: 2, Since: dayAt(0, 8)},
			[]SessionOutcome{greenSession(4, 5, 2, 3), greenSession(5, 5, 2, 3), greenSession(6, 5, 2, 3)}, dayAt(7, 8), Normal, 5, 2, RuleTop, nil},
		{"sessions before the standing do not count", Start(1, dayAt(5, 0)), easyWeek, dayAt(12, 8), Normal, 1, 0, RuleProgress, vals{"greens": 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := History{Mornings: base, Sessions: c.sessions, Standing: c.standing, StepsInLevel: testSteps}
			d := Decide(in, c.now)
			if d.Mode != c.wantMode || d.Level != c.wantLevel || d.DoseStep != c.wantStep {
				t.Errorf("got %s at level %d step %d, want %s at level %d step %d",
					d.Mode, d.Level, d.DoseStep, c.wantMode, c.wantLevel, c.wantStep)
			}
			if !explains(d, c.wantRule, c.want) {
				t.Errorf("explanation: got %+v, want rule %s with %v", d.Explanation, c.wantRule, c.want)
			}
			checkSettled(t, in, d, c.now)
		})
	}
}

// checkSettled asks Decide again with the standing it returned: the same
// history must not move the user again.
func checkSettled(t *testing.T, in History, d Decision, now time.Time) {
	t.Helper()
	in.Standing = d.Standing
	again := Decide(in, now)
	if !standingEqual(again.Standing, d.Standing) {
		t.Errorf("deciding again moved the standing: got %+v, want %+v", again.Standing, d.Standing)
	}
	if again.Level != d.Level || again.DoseStep != d.DoseStep {
		t.Errorf("deciding again: got level %d step %d, want %d step %d", again.Level, again.DoseStep, d.Level, d.DoseStep)
	}
}

func standingEqual(a, b Standing) bool { return a.Equal(b) }

func redSession(day, level, step int) SessionOutcome {
	return SessionOutcome{Time: dayAt(day, 18), Level: level, DoseStep: step, MaxPainDuring: 6, LegSpread: SpreadNone, Felt: FeltHard}
}

func TestDecideRedAndFlare(t *testing.T) {
	base := dailyMornings(0, times(30, 3)...)
	l2s1 := Standing{Level: 2, DoseStep: 1, Since: dayAt(0, 8)}
	cases := []struct {
		name         string
		standing     Standing
		mornings     []MorningRating
		sessions     []SessionOutcome
		now          time.Time
		wantMode     Mode
		wantLevel    int // offered now
		wantStep     int
		wantStanding [2]int // level and dose step stored
		wantRule     Rule
		want         vals
	}{
		{"red: one dose step down, calm-down today", l2s1, base, []SessionOutcome{redSession(3, 2, 1)}, dayAt(3, 19),
			CalmDownToday, 0, 0, [2]int{2, 0}, RuleStepDown, vals{"from": 1}},
		{"red: calm-down until midnight", l2s1, base, []SessionOutcome{redSession(3, 2, 1)}, dayAt(4, 0).Add(-time.Nanosecond),
			CalmDownToday, 0, 0, [2]int{2, 0}, RuleStepDown, nil},
		{"red: next day at the lower step", l2s1, base, []SessionOutcome{redSession(3, 2, 1)}, dayAt(4, 0),
			Normal, 2, 0, [2]int{2, 0}, RuleStepDown, nil},
		{"red at a level's first step: the step stays, the level too", Standing{Level: 2, Since: dayAt(0, 8)}, base, []SessionOutcome{redSession(3, 2, 0)}, dayAt(3, 19),
			CalmDownToday, 0, 0, [2]int{2, 0}, RuleStepDown, vals{"from": 0}},
		// New numbness is red (a step down) and pauses all exercise until the
		// safety questions are answered again (CLINICAL.md §7.6).
		{"red from new numbness: step down, and re-screen first", l2s1, base, []SessionOutcome{{Time: dayAt(3, 18), Level: 2, DoseStep: 1, NewNumbnessOrWeakness: true}}, dayAt(3, 19),
			RescreenStop, 2, 0, [2]int{2, 0}, RuleRescreen, nil},
		{"red from leg symptoms that stayed", l2s1, base, []SessionOutcome{{Time: dayAt(3, 18), Level: 2, DoseStep: 1, LegSpread: SpreadStayed}}, dayAt(3, 19),
			CalmDownToday, 0, 0, [2]int{2, 0}, RuleStepDown, nil},
		{"two reds within 7 days: flare, restart a level lower", l2s1, base, []SessionOutcome{redSession(3, 2, 1), redSession(5, 2, 0)}, dayAt(5, 19),
			Flare, 0, 0, [2]int{1, 0}, RuleFlareTwoRed, vals{"days": 2}},
		{"two reds exactly 7 days apart: flare", l2s1, base, []SessionOutcome{redSession(3, 2, 1), redSession(10, 2, 0)}, dayAt(10, 19),
			Flare, 0, 0, [2]int{1, 0}, RuleFlareTwoRed, nil},
		{"two reds 7 days and a minute apart: step down only", l2s1, base,
			[]SessionOutcome{redSession(3, 2, 1), {Time: dayAt(10, 18).Add(time.Minute), Level: 2, DoseStep: 0, MaxPainDuring: 7}}, dayAt(10, 19),
			CalmDownToday, 0, 0, [2]int{2, 0}, RuleStepDown, nil},
		{"flare lasts through day 3", l2s1, base, []SessionOutcome{redSession(3, 2, 1), redSession(5, 2, 0)}, dayAt(8, 0).Add(-time.Nanosecond),
			Flare, 0, 0, [2]int{1, 0}, RuleFlareMode, nil},
		{"after the flare: one level lower", l2s1, base, []SessionOutcome{redSession(3, 2, 1), redSession(5, 2, 0)}, dayAt(8, 0),
			Normal, 1, 0, [2]int{1, 0}, RuleFlareTwoRed, nil},
		{"flare from level 0 restarts at level 0", Standing{Level: 0, Since: dayAt(0, 8)}, base, []SessionOutcome{redSession(3, 0, 0), redSession(5, 0, 0)}, dayAt(8, 0),
			Normal, 0, 0, [2]int{0, 0}, RuleFlareTwoRed, nil},
		{"reds that started a flare do not start another", Standing{Level: 1, Since: dayAt(8, 0), FlareStarted: dayAt(5, 18)}, base,
			[]SessionOutcome{redSession(3, 2, 1), redSession(5, 2, 0), redSession(9, 1, 0)}, dayAt(9, 19),
			CalmDownToday, 0, 0, [2]int{1, 0}, RuleStepDown, nil},
		{"morning 7: flare", l2s1, append(dailyMornings(0, 2, 2, 2, 2), dailyMornings(4, 7)...), nil, dayAt(4, 8),
			Flare, 0, 0, [2]int{1, 0}, RuleFlareMorning, vals{"pain": 7, "limit": 7}},
		{"morning baseline + 2: flare", l2s1, append(dailyMornings(0, 3, 3, 3, 3), dailyMornings(4, 5)...), nil, dayAt(4, 8),
			Flare, 0, 0, [2]int{1, 0}, RuleFlareMorning, vals{"pain": 5, "baseline": 3}},
		{"morning baseline + 1: no flare", l2s1, append(dailyMornings(0, 3, 3, 3, 3), dailyMornings(4, 4)...), nil, dayAt(4, 8),
			Normal, 2, 1, [2]int{2, 1}, RuleProgress, nil},
		{"morning 6 with baseline still forming: no flare", l2s1, dailyMornings(0, 2, 6), nil, dayAt(1, 8),
			Normal, 2, 1, [2]int{2, 1}, RuleBaselineForming, vals{"ratings": 2}},
		{"flare started in the evening: still 3 calendar days", l2s1, base, []SessionOutcome{redSession(3, 2, 1), {Time: dayAt(5, 23), Level: 2, MaxPainDuring: 8}}, dayAt(7, 23),
			Flare, 0, 0, [2]int{1, 0}, RuleFlareMode, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := History{Mornings: c.mornings, Sessions: c.sessions, Standing: c.standing, StepsInLevel: testSteps}
			d := Decide(in, c.now)
			if d.Mode != c.wantMode || d.Level != c.wantLevel || d.DoseStep != c.wantStep {
				t.Errorf("got %s at level %d step %d, want %s at level %d step %d",
					d.Mode, d.Level, d.DoseStep, c.wantMode, c.wantLevel, c.wantStep)
			}
			if got := [2]int{d.Standing.Level, d.Standing.DoseStep}; got != c.wantStanding {
				t.Errorf("standing: got level and step %v, want %v", got, c.wantStanding)
			}
			if !explains(d, c.wantRule, c.want) {
				t.Errorf("explanation: got %+v, want rule %s with %v", d.Explanation, c.wantRule, c.want)
			}
			if d.Mode == Flare && d.MobilityAllowed {
				t.Error("flare mode allows mobility, want never")
			}
			checkSettled(t, in, d, c.now)
		})
	}
}

func TestDecideHoldAndReview(t *testing.T) {
	ready := []SessionOutcome{greenSession(39, 1, 0, 3), greenSession(40, 1, 0, 3), greenSession(41, 1, 0, 3)}
	start := Start(1, dayAt(30, 8))
	tight := func(ms []MorningRating, ts ...int) []MorningRating {
		ms = slices.Clone(ms)
		for i := range ms {
			ms[i].Tightness = ts[i]
		}
		return ms
	}
	flat := dailyMornings(21, times(21, 3)...)
	cases := []struct {
		name       string
		mornings   []MorningRating
		sessions   []SessionOutcome
		now        time.Time
		wantMode   Mode
		wantHold   bool
		wantReview bool
		wantRule   Rule
		want       vals
	}{
		{"pain rising two weeks running: hold and see a clinician",
			dailyMornings(21, append(append(times(7, 2), times(7, 3)...), 3, 3, 3, 4, 4, 4, 4)...), ready, dayAt(42, 7),
			HoldSeeClinician, true, false, RuleHold, vals{"week1": 2, "week2": 3}},
		{"tightness rising two weeks running: hold",
			tight(flat, append(append(times(7, 1), times(7, 2)...), times(7, 5)...)...), ready, dayAt(42, 7),
			HoldSeeClinician, true, false, RuleHoldTightness, nil},
		{"rising then level: no hold, progression goes on",
			dailyMornings(21, append(append(times(7, 2), times(7, 3)...), times(7, 3)...)...), ready, dayAt(42, 7),
			Advance, false, false, RuleAdvance, nil},
		// Not rising two weeks running (a week with 2 ratings does not count),
		// but the mean of the last 7 mornings (4) is 2 above the anchored
		// baseline (2): no move up (CLINICAL.md §7.3).
		{"a week with 2 ratings does not count; the creep above the anchor holds",
			dailyMornings(26, append(append([]int{2, 2}, times(7, 3)...), times(7, 4)...)...), ready, dayAt(42, 7),
			HoldProgress, false, false, RuleCreep, vals{"mean": 4, "anchor": 2}},
		{"no improvement after 6 weeks: review",
			dailyMornings(0, times(43, 5)...), nil, dayAt(42, 7),
			Review, false, true, RuleReview, vals{"from": 5, "to": 5}},
		{"a moment before 6 weeks: no review",
			dailyMornings(0, times(43, 5)...), nil, dayAt(42, 7).Add(-time.Nanosecond),
			Normal, false, false, RuleProgress, nil},
		{"improved by exactly 2 points: no review",
			dailyMornings(0, append(times(7, 5), times(36, 3)...)...), nil, dayAt(42, 7),
			Normal, false, false, RuleProgress, nil},
		{"improved by 1 point, 33 % of 3: no review",
			dailyMornings(0, append(times(7, 3), times(36, 2)...)...), nil, dayAt(42, 7),
			Normal, false, false, RuleProgress, nil},
		{"improved by 1 point, 25 % of 4: review",
			dailyMornings(0, append(times(7, 4), times(36, 3)...)...), nil, dayAt(42, 7),
			Review, false, true, RuleReview, vals{"from": 4, "to": 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := History{Mornings: c.mornings, Sessions: c.sessions, Standing: start, StepsInLevel: testSteps}
			if c.sessions == nil {
				in.Standing = Start(1, dayAt(0, 8))
			}
			d := Decide(in, c.now)
			if d.Mode != c.wantMode || d.SeeClinician != c.wantHold || d.SuggestReview != c.wantReview {
				t.Errorf("got %s, see clinician %v, review %v; want %s, %v, %v",
					d.Mode, d.SeeClinician, d.SuggestReview, c.wantMode, c.wantHold, c.wantReview)
			}
			if !explains(d, c.wantRule, c.want) {
				t.Errorf("explanation: got %+v, want rule %s with %v", d.Explanation, c.wantRule, c.want)
			}
		})
	}
}

func TestDecideRedFlag(t *testing.T) {
	ms := dailyMornings(0, 3, 3, 3)
	raised := FlagState{Raised: dayAt(1, 9), Tier: SeeDoctorSoon, Flags: []string{"night-pain"}, Screened: dayAt(1, 9)}
	cases := []struct {
		name         string
		flag         FlagState
		wantMode     Mode
		wantExercise bool
	}{
		{"no flag", FlagState{Screened: dayAt(0, 9)}, Normal, true},
		{"raised, not cleared: no exercise", raised, RedFlagStop, false},
		{"cleared before it was raised: still no exercise", FlagState{Raised: dayAt(1, 9), Cleared: dayAt(1, 8)}, RedFlagStop, false},
		{"cleared at the moment it was raised", FlagState{Raised: dayAt(1, 9), Cleared: dayAt(1, 9)}, Normal, true},
		{"cleared after", FlagState{Raised: dayAt(1, 9), Cleared: dayAt(2, 10)}, Normal, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(History{Mornings: ms, Standing: Start(1, dayAt(0, 8)), Flag: c.flag}, dayAt(2, 12))
			if d.Mode != c.wantMode || d.ExerciseAllowed != c.wantExercise {
				t.Errorf("got %s, exercise %v; want %s, %v", d.Mode, d.ExerciseAllowed, c.wantMode, c.wantExercise)
			}
			if c.wantMode == RedFlagStop && (!explains(d, RuleRedFlag, nil) || d.MobilityAllowed) {
				t.Errorf("red flag: got explanation %+v, mobility %v; want the red-flag rule, no mobility", d.Explanation, d.MobilityAllowed)
			}
		})
	}
}

func TestDecideRescreen(t *testing.T) {
	numb := SessionOutcome{Time: dayAt(2, 18), Level: 1, NewNumbnessOrWeakness: true}
	for _, c := range []struct {
		name     string
		screened time.Time
		want     bool
	}{
		{"numbness after the last screening: ask again", dayAt(0, 9), true},
		{"screened after the numbness: done", dayAt(2, 19), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := History{Mornings: dailyMornings(0, 3, 3, 3), Sessions: []SessionOutcome{numb},
				Standing: Start(1, dayAt(0, 8)), Flag: FlagState{Screened: c.screened}}
			if got := Decide(in, dayAt(2, 20)).Rescreen; got != c.want {
				t.Errorf("got rescreen %v, want %v", got, c.want)
			}
		})
	}
}

func TestDecideMobility(t *testing.T) {
	rate := func(day int, cause Cause, pain int) MorningRating {
		return MorningRating{Time: dayAt(day, 7), BackPain: pain, Tightness: 5, Cause: cause}
	}
	prior := dailyMornings(0, 3, 3, 3)
	cases := []struct {
		name     string
		mornings []MorningRating
		sessions []SessionOutcome
		now      time.Time
		want     bool
		rule     Rule
	}{
		{"tight from inactivity, no flare: offered", append(prior, rate(3, CauseInactivity, 3)), nil, dayAt(3, 9), true, RuleMobility},
		{"tight with pain: not offered", append(prior, rate(3, CausePain, 3)), nil, dayAt(3, 9), false, RuleNoMobilityCause},
		{"from inactivity, but in a flare: not offered", append(prior, rate(3, CauseInactivity, 8)), nil, dayAt(3, 9), false, RuleNoMobilityFlare},
		{"only yesterday's rating: not offered", append(prior, rate(3, CauseInactivity, 3)), nil, dayAt(4, 9), false, RuleNoMobilityUnrated},
		{"calm-down day after red, tightness from inactivity: not offered", append(prior, rate(3, CauseInactivity, 3)),
			[]SessionOutcome{redSession(3, 1, 0)}, dayAt(3, 19), false, RuleNoMobilityCalm},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(History{Mornings: c.mornings, Sessions: c.sessions, Standing: Start(1, dayAt(0, 8))}, c.now)
			if d.MobilityAllowed != c.want || !explains(d, c.rule, nil) {
				t.Errorf("got mobility %v, explanation %+v; want %v and rule %s", d.MobilityAllowed, d.Explanation, c.want, c.rule)
			}
		})
	}
}

func TestDecideLastLight(t *testing.T) {
	in := History{
		Mornings: dailyMornings(-3, 3, 3, 3, 3, 3, 3),
		Sessions: []SessionOutcome{greenSession(1, 1, 0, 3), {Time: dayAt(2, 18), Level: 1, LegSpread: SpreadSettled, Felt: FeltOK}},
		Standing: Start(1, dayAt(0, 8)),
	}
	if got := Decide(in, dayAt(2, 12)).LastLight; got.Color != Green || !got.Final {
		t.Errorf("before the second session: got %+v, want a final green", got)
	}
	if got := Decide(in, dayAt(2, 19)).LastLight; got.Color != Amber || got.Final {
		t.Errorf("after the second session: got %+v, want a provisional amber", got)
	}
	if got := Decide(History{Standing: Start(1, dayAt(0, 8))}, dayAt(1, 0)).LastLight; got.Color != "" {
		t.Errorf("no sessions: got %+v, want no light", got)
	}
}
