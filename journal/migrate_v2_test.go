package journal

import (
	"reflect"
	"testing"
	"time"

	"steady/program"
)

func TestParseStopReason(t *testing.T) {
	tests := []struct {
		in     string
		causes []program.StopCause
		note   string
	}{
		{"", nil, ""},
		{"pain shooting down the leg", []program.StopCause{program.StopLegPain}, ""},
		{"new numbness or tingling; new weakness", []program.StopCause{program.StopNumbness, program.StopWeakness}, ""},
		{"pain in the back became sharp or too much; something else", []program.StopCause{program.StopBackPain, program.StopOther}, ""},
		{"something else: my hip; it clicked", []program.StopCause{program.StopOther}, "my hip; it clicked"},
		{"new weakness; something else: ", []program.StopCause{program.StopWeakness, program.StopOther}, ""},
		// Not what version 1 wrote: all of it is the note.
		{"Pain went down the leg.", []program.StopCause{program.StopOther}, "Pain went down the leg."},
		{"new weakness; new weakness", []program.StopCause{program.StopOther}, "new weakness; new weakness"},
		{"new weakness; ", []program.StopCause{program.StopOther}, "new weakness; "},
		{"new weaknesses", []program.StopCause{program.StopOther}, "new weaknesses"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			causes, note := parseStopReason(tt.in)
			if !reflect.DeepEqual(causes, tt.causes) || note != tt.note {
				t.Errorf("got %v %q, want %v %q", causes, note, tt.causes, tt.note)
			}
		})
	}
}

func TestParseResult(t *testing.T) {
	end := at(5, 18, 0) // a Thursday
	tests := []struct {
		in   string
		want Result
		ok   bool
	}{
		{"", Result{}, true},
		{"Next time: level 3, dose step 2.", Result{Mode: program.Normal, Level: 3, DoseStep: 1}, true},
		{"Next time: the same dose again.", Result{Mode: program.Repeat}, true},
		{"Calm-down exercises for the rest of today; one dose step lower from tomorrow.", Result{Mode: program.CalmDownToday}, true},
		{"Flare mode: calm-down exercises only until Saturday.", Result{Mode: program.Flare, Until: at(7, 0, 0)}, true},
		{"Flare mode: calm-down exercises only until Thursday.", Result{Mode: program.Flare, Until: at(12, 0, 0)}, true},
		{"Your level is held for now; consider seeing a clinician.", Result{Mode: program.HoldSeeClinician}, true},
		{"No exercise until a clinician has seen you.", Result{Mode: program.RedFlagStop}, true},
		{"Next time: level 9, dose step 2.", Result{}, false},
		{"Next time: level 1, dose step 0.", Result{}, false},
		{"Flare mode: calm-down exercises only until Funday.", Result{}, false},
		{"Same step tomorrow.", Result{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseResult(tt.in, end)
			if ok != tt.ok || got.Mode != tt.want.Mode || got.Level != tt.want.Level || got.DoseStep != tt.want.DoseStep || !got.Until.Equal(tt.want.Until) {
				t.Errorf("got %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestParseReason reads back the sentences version 1 stored in a standing,
// each written by the version 1 code (program/progress_decide.go then).
func TestParseReason(t *testing.T) {
	const cite = "after Silbernagel et al. 2007, a pain-monitoring model from Achilles tendon rehabilitation that Steady adapts to back exercise"
	thu := at(5, 18, 0) // Thu 5 Mar
	tests := []struct {
		name string
		rule program.Rule
		text string
		st   program.Standing
		want program.Reason // Text empty: read back into data
	}{
		{"start", program.RuleStart, "You started at level 1 on Sun 1 Mar.",
			program.Standing{Level: 1, Since: at(1, 9, 30)},
			program.Reason{Rule: program.RuleStart, At: at(1, 9, 30), Level: 1}},
		{"start on another day than its standing", program.RuleStart, "You started at level 1 on Mon 2 Mar.",
			program.Standing{Level: 1, Since: at(1, 9, 30)}, program.Reason{}},
		{"advance", program.RuleAdvance, "On Thu 5 Mar you moved up to level 2, dose step 1 of 3: your last 3 sessions were green, " +
			"you had spent at least a week on the step before and it felt easy (traffic-light rules, " + cite + ").",
			program.Standing{Level: 2, DoseStep: 0, Since: thu},
			program.Reason{Rule: program.RuleAdvance, Source: program.SourceTrafficLight, At: thu, Level: 2, Steps: 3}},
		{"step down", program.RuleStepDown, "Your session on Thu 5 Mar was red (pain went above 5 out of 10; leg symptoms spread further down and stayed), " +
			"so you went one dose step down, to level 2, dose step 1 of 3, with the calm-down level for the rest of that day (traffic-light rules, " + cite + ").",
			program.Standing{Level: 2, Since: thu, CalmUntil: at(6, 0, 0)},
			program.Reason{Rule: program.RuleStepDown, Source: program.SourceTrafficLight, At: thu, Until: at(6, 0, 0),
				Level: 2, Steps: 3, Criteria: []program.Criterion{program.PainHigh, program.LegStayed}}},
		{"step down at the first step", program.RuleStepDown, "Your session on Thu 5 Mar was red (you noticed new numbness or weakness), " +
			"so you stay at level 0, dose step 1 of 1, already the first dose step of the level, with the calm-down level for the rest of that day (traffic-light rules, after Silbernagel et al. 2007).",
			program.Standing{Level: 0, Since: thu, CalmUntil: at(6, 0, 0)},
			program.Reason{Rule: program.RuleStepDown, Source: program.SourceTrafficLight, At: thu, Until: at(6, 0, 0),
				Level: 0, Steps: 1, Criteria: []program.Criterion{program.NumbWeak}}},
		{"step down with an unknown criterion", program.RuleStepDown, "Your session on Thu 5 Mar was red (it rained), " +
			"so you went one dose step down, to level 2, dose step 1 of 3, with the calm-down level for the rest of that day (traffic-light rules, x).",
			program.Standing{Level: 2, Since: thu, CalmUntil: at(6, 0, 0)}, program.Reason{}},
		{"flare from a morning of 7", program.RuleFlareMorning, "Your morning back pain on Thu 5 Mar was 8 out of 10, which is 7 or more, and started flare mode." +
			" Flare mode lasts 3 days, counting that day; then you restart one level lower, at level 1, from its first dose step (traffic-light rules, " + cite + ").",
			program.Standing{Level: 1, Since: at(8, 0, 0), FlareUntil: at(8, 0, 0), FlareStarted: thu},
			program.Reason{Rule: program.RuleFlareMorning, Source: program.SourceTrafficLight, At: thu, Until: at(8, 0, 0), Level: 1,
				Values: map[string]float64{valueBackPain: 8}}},
		{"flare from a morning above the baseline", program.RuleFlareMorning, "Your morning back pain on Thu 5 Mar was 5 out of 10, 2 or more points above your baseline of 2.5, and started flare mode." +
			" Flare mode lasts 3 days, counting that day; then you restart one level lower, at level 0, from its first dose step (traffic-light rules, " + cite + ").",
			program.Standing{Level: 0, Since: at(8, 0, 0), FlareUntil: at(8, 0, 0), FlareStarted: thu},
			program.Reason{Rule: program.RuleFlareMorning, Source: program.SourceTrafficLight, At: thu, Until: at(8, 0, 0), Level: 0,
				Values: map[string]float64{valueBackPain: 5, valueBaseline: 2.5}}},
		{"flare from two red sessions keeps its sentence", program.RuleFlareTwoRed, "Two red sessions within 7 days (Mon 2 Mar and Thu 5 Mar) started flare mode." +
			" Flare mode lasts 3 days, counting that day; then you restart one level lower, at level 1, from its first dose step (traffic-light rules, " + cite + ").",
			program.Standing{Level: 1, Since: at(8, 0, 0), FlareUntil: at(8, 0, 0), FlareStarted: thu}, program.Reason{}},
		{"a sentence from a test", "red", "One step down after a red session.", program.Standing{Level: 1}, program.Reason{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want.Rule == "" {
				want = program.Reason{Rule: tt.rule, Text: tt.text}
			}
			got := parseReason(tt.rule, tt.text, tt.st)
			if !got.Equal(want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestMigrationDoesNotRunTwice: a migrated file opens again as it is.
func TestMigrationDoesNotRunTwice(t *testing.T) {
	path := migratedCopy(t, "testdata/journal-v1-sentences.db")
	s, err := open(path, options{now: func() time.Time { return testNow().AddDate(0, 0, 1) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if list, err := s.Sessions(time.Time{}, time.Time{}); err != nil || len(list) != 7 {
		t.Errorf("reopened: %d sessions, %v; want 7", len(list), err)
	}
}
