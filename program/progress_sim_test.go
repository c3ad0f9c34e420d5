package program

import (
	"fmt"
	"strings"
	"testing"
)

// simUser is a person following Steady for 12 weeks (days 0 to 83): morning
// pain falls from 5 to 2, a session in week 5 (day 30) goes red, a second two
// days later starts a flare, two bad mornings keep it going (without a second
// step down, CLINICAL.md §7.5), and the person recovers; an amber session in
// week 9 (day 60) holds them back a day.
type simUser struct{}

// morning returns the back pain on getting up on day d, and why the back is
// tight.
func (simUser) morning(d int) (int, Cause) {
	switch {
	case d >= 33 && d <= 34: // the flare: worse mornings, tight with pain
		return 5, CausePain
	case d >= 30 && d <= 32:
		return 3, CausePain
	case d < 14:
		return 5, CauseInactivity
	case d < 21:
		return 4, CauseInactivity
	case d < 63:
		return 3, CauseInactivity
	}
	return 2, CauseInactivity
}

// session is what the person reports after the session on day d, done at the
// level and dose step Steady offered that morning.
func (simUser) session(d, level, step int) SessionOutcome {
	s := SessionOutcome{Time: dayAt(d, 18), Level: level, DoseStep: step, MaxPainDuring: 2, PainAfter: 1,
		LegSpread: SpreadNone, Felt: FeltEasy}
	switch d {
	case 0, 1, 2, 3, 13, 31, 33, 34: // not easy yet, wary after a red day, in the flare
		s.Felt = FeltOK
	case 30: // first red: pain went to 6
		s.MaxPainDuring, s.Felt = 6, FeltHard
	case 32: // second red within 7 days: pain went to 7
		s.MaxPainDuring, s.Felt = 7, FeltHard
	case 60: // amber: leg symptoms spread, settled within half an hour
		s.LegSpread, s.Felt = SpreadSettled, FeltOK
	}
	return s
}

type pathRow struct {
	day   int
	when  string // "am": deciding at 08:00 after the morning rating; "pm": at 19:00 after the session
	mode  Mode
	level int // the level and dose step offered
	step  int
}

func (r pathRow) String() string {
	return fmt.Sprintf("day %2d %s: %-16s level %d step %d", r.day, r.when, r.mode, r.level, r.step)
}

func TestDecideTwelveWeeks(t *testing.T) {
	// One row per change of what Steady offers. Steps per level: 1, 2, 3, 3, 3, 3.
	want := []pathRow{
		{0, "am", Normal, 1, 0},         // start at level 1; baseline still forming
		{7, "am", Advance, 1, 1},        // 3 green, a week, felt easy
		{7, "pm", Normal, 1, 1},         //
		{15, "am", Advance, 2, 0},       // day 14 waits: day 13 felt only ok; last step of level 1, so level 2
		{15, "pm", Normal, 2, 0},        //
		{22, "am", Advance, 2, 1},       //
		{22, "pm", Normal, 2, 1},        //
		{29, "am", Advance, 2, 2},       //
		{29, "pm", Normal, 2, 2},        //
		{30, "pm", CalmDownToday, 0, 0}, // red (pain 6): one dose step down, calm-down for the evening
		{31, "am", Normal, 2, 1},        // next day one dose step lower
		{32, "pm", Flare, 0, 0},         // second red within 7 days: flare on days 32, 33, 34
		{37, "am", Normal, 1, 0},        // mornings 33 and 34 at 5 (baseline 3 + 2) keep the flare going through day 36, no second step down
		{44, "am", Advance, 1, 1},       // a week from the restart at midnight
		{44, "pm", Normal, 1, 1},        //
		{51, "am", Advance, 2, 0},       //
		{51, "pm", Normal, 2, 0},        //
		{58, "am", Advance, 2, 1},       //
		{58, "pm", Normal, 2, 1},        //
		{60, "pm", Repeat, 2, 1},        // amber: leg symptoms spread and settled; repeat
		{61, "pm", Normal, 2, 1},        // the amber day 60 breaks the run; the week on the step ends on day 65 anyway
		{65, "am", Advance, 2, 2},       //
		{65, "pm", Normal, 2, 2},        //
		{72, "am", Advance, 3, 0},       //
		{72, "pm", Normal, 3, 0},        //
		{79, "am", Advance, 3, 1},       //
		{79, "pm", Normal, 3, 1},        //
	}

	var u simUser
	in := History{Standing: Start(1, dayAt(0, 8)), StepsInLevel: testSteps}
	var got []pathRow
	var last pathRow
	record := func(day int, when string, d Decision) {
		r := pathRow{day, when, d.Mode, d.Level, d.DoseStep}
		if len(got) == 0 || r.mode != last.mode || r.level != last.level || r.step != last.step {
			got = append(got, r)
		}
		last = r
		if d.Mode == Flare && d.MobilityAllowed {
			t.Errorf("day %d %s: flare mode offers mobility, want never", day, when)
		}
		if d.SeeClinician || d.SuggestReview || d.Rescreen || !d.ExerciseAllowed {
			t.Errorf("day %d %s: got see clinician %v, review %v, rescreen %v, exercise %v; want none of these for this user",
				day, when, d.SeeClinician, d.SuggestReview, d.Rescreen, d.ExerciseAllowed)
		}
		if len(d.Explanation) == 0 || d.Explanation[0].Rule == "" {
			t.Errorf("day %d %s: got no explanation", day, when)
		}
		wantRule := map[Mode]Rule{Advance: RuleAdvance, CalmDownToday: RuleStepDown, Flare: RuleFlareMode, Repeat: RuleRepeat}
		if r, ok := wantRule[d.Mode]; ok && !explains(d, r, nil) {
			t.Errorf("day %d %s: %s explanation %+v, want rule %s", day, when, d.Mode, d.Explanation, r)
		}
		if d.Mode == Flare && !explains(d, RuleFlareTwoRed, nil) && !explains(d, RuleFlareExtended, nil) {
			t.Errorf("day %d %s: flare explanation %+v, want the two reds or the flare kept going", day, when, d.Explanation)
		}
		in.Standing = d.Standing
	}
	for day := range 84 {
		pain, cause := u.morning(day)
		in.Mornings = append(in.Mornings, MorningRating{Time: dayAt(day, 7), BackPain: pain, Tightness: pain + 1, Cause: cause})
		if n := len(in.Sessions); n > 0 {
			in.Sessions[n-1].NextMorning = rating(pain)
		}
		am := Decide(in, dayAt(day, 8))
		record(day, "am", am)
		in.Sessions = append(in.Sessions, u.session(day, am.Level, am.DoseStep))
		record(day, "pm", Decide(in, dayAt(day, 19)))
	}

	if len(got) != len(want) {
		t.Errorf("got %d changes, want %d", len(got), len(want))
	}
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i].String()
		}
		if i < len(want) {
			w = want[i].String()
		}
		if g != w {
			t.Errorf("change %d: got %q, want %q", i, g, w)
		}
	}
	if t.Failed() {
		var b strings.Builder
		for _, r := range got {
			fmt.Fprintln(&b, r)
		}
		t.Logf("path taken:\n%s", &b)
	}
}

// BenchmarkDecideYear decides on a year of daily ratings and sessions.
func BenchmarkDecideYear(b *testing.B) {
	var u simUser
	in := History{Standing: Start(1, dayAt(0, 8)), StepsInLevel: testSteps}
	for day := range 365 {
		pain, cause := u.morning(day % 84)
		in.Mornings = append(in.Mornings, MorningRating{Time: dayAt(day, 7), BackPain: pain, Cause: cause})
		in.Sessions = append(in.Sessions, u.session(day%84, 1, 0))
		in.Sessions[day].Time = dayAt(day, 18)
		in.Sessions[day].NextMorning = rating(pain)
	}
	now := dayAt(365, 8)
	for b.Loop() {
		Decide(in, now)
	}
}
