package program

import (
	"slices"
	"strings"
	"testing"
)

func TestQuestions(t *testing.T) {
	qs := Questions()
	wantTier := map[string]Tier{
		"bladder": EmergencyNow, "bowel": EmergencyNow, "saddle-numbness": EmergencyNow,
		"both-legs-pain": EmergencyNow, "both-legs-weak": EmergencyNow, "sexual": EmergencyNow,
		"leg-weakness": SameDay,
		"cancer":       SeeDoctorSoon, "weight-loss": SeeDoctorSoon, "fever": SeeDoctorSoon, "immune": SeeDoctorSoon,
		"iv-drugs": SeeDoctorSoon, "infection": SeeDoctorSoon, "trauma": SeeDoctorSoon, "night-pain": SeeDoctorSoon,
		"age": SeeDoctorSoon, "no-improvement": SeeDoctorSoon,
	}
	if len(qs) != len(wantTier) {
		t.Errorf("got %d questions, want %d", len(qs), len(wantTier))
	}
	seen := map[string]bool{}
	for i, q := range qs {
		if seen[q.ID] {
			t.Errorf("question %q: listed twice", q.ID)
		}
		seen[q.ID] = true
		if want, ok := wantTier[q.ID]; !ok || q.Tier != want {
			t.Errorf("question %q: got tier %s, want %s (known: %v)", q.ID, q.Tier, want, ok)
		}
		if !strings.HasSuffix(q.Text, "?") {
			t.Errorf("question %q: got %q, want a question", q.ID, q.Text)
		}
		if i > 0 && q.Tier > qs[i-1].Tier {
			t.Errorf("question %q: tier %s after %s, want most urgent first", q.ID, q.Tier, qs[i-1].Tier)
		}
		if q.Tier == EmergencyNow && !strings.Contains(q.Text, "new") {
			t.Errorf("question %q: got %q, want it to ask whether it is new or worsening", q.ID, q.Text)
		}
	}
	qs[0].Text = "changed"
	if Questions()[0].Text == "changed" {
		t.Error("Questions: changing the returned slice changed the table")
	}
}

func TestScreen(t *testing.T) {
	cases := []struct {
		name      string
		answers   map[string]bool
		want      Tier
		flags     []string
		guidance  string
		wantsStop bool
	}{
		{"no answers", nil, NoFlag, nil, "answer these questions again", false},
		{"all no", map[string]bool{"bladder": false, "cancer": false}, NoFlag, nil, "None of your answers", false},
		{"unknown ids are ignored", map[string]bool{"headache": true}, NoFlag, nil, "None of your answers", false},
		{"bladder: emergency", map[string]bool{"bladder": true}, EmergencyNow, []string{"bladder"}, "emergency department", true},
		{"bowel: emergency", map[string]bool{"bowel": true}, EmergencyNow, []string{"bowel"}, "call emergency services", true},
		{"saddle numbness: emergency", map[string]bool{"saddle-numbness": true}, EmergencyNow, []string{"saddle-numbness"}, "now", true},
		{"sciatica in both legs: emergency", map[string]bool{"both-legs-pain": true}, EmergencyNow, []string{"both-legs-pain"}, "now", true},
		{"weakness in both legs: emergency", map[string]bool{"both-legs-weak": true}, EmergencyNow, []string{"both-legs-weak"}, "now", true},
		{"sexual function: emergency", map[string]bool{"sexual": true}, EmergencyNow, []string{"sexual"}, "now", true},
		{"foot drop: same day", map[string]bool{"leg-weakness": true}, SameDay, []string{"leg-weakness"}, "today", true},
		{"cancer: soon", map[string]bool{"cancer": true}, SeeDoctorSoon, []string{"cancer"}, "book an appointment", true},
		{"weight loss: soon", map[string]bool{"weight-loss": true}, SeeDoctorSoon, []string{"weight-loss"}, "soon", true},
		{"fever: soon", map[string]bool{"fever": true}, SeeDoctorSoon, []string{"fever"}, "soon", true},
		{"immune: soon", map[string]bool{"immune": true}, SeeDoctorSoon, []string{"immune"}, "soon", true},
		{"IV drugs: soon", map[string]bool{"iv-drugs": true}, SeeDoctorSoon, []string{"iv-drugs"}, "soon", true},
		{"recent infection: soon", map[string]bool{"infection": true}, SeeDoctorSoon, []string{"infection"}, "soon", true},
		{"trauma: soon", map[string]bool{"trauma": true}, SeeDoctorSoon, []string{"trauma"}, "soon", true},
		{"night pain: soon", map[string]bool{"night-pain": true}, SeeDoctorSoon, []string{"night-pain"}, "soon", true},
		{"age: soon", map[string]bool{"age": true}, SeeDoctorSoon, []string{"age"}, "soon", true},
		{"no improvement: soon", map[string]bool{"no-improvement": true}, SeeDoctorSoon, []string{"no-improvement"}, "soon", true},
		{"the most urgent tier wins; flags in question order",
			map[string]bool{"night-pain": true, "leg-weakness": true, "bladder": true, "cancer": false},
			EmergencyNow, []string{"bladder", "leg-weakness", "night-pain"}, "emergency department", true},
		{"same day beats soon", map[string]bool{"fever": true, "leg-weakness": true}, SameDay, []string{"leg-weakness", "fever"}, "today", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Screen(c.answers)
			if got.Tier != c.want {
				t.Errorf("tier: got %s, want %s", got.Tier, c.want)
			}
			if !slices.Equal(got.Flags, c.flags) {
				t.Errorf("flags: got %v, want %v", got.Flags, c.flags)
			}
			if !strings.Contains(got.Guidance, c.guidance) {
				t.Errorf("guidance: got %q, want it to contain %q", got.Guidance, c.guidance)
			}
			if got.StopsExercise() != c.wantsStop {
				t.Errorf("stops exercise: got %v, want %v", got.StopsExercise(), c.wantsStop)
			}
		})
	}
}

func TestScreenGuidanceIsDistinctPerTier(t *testing.T) {
	seen := map[string]Tier{}
	for _, q := range []map[string]bool{nil, {"cancer": true}, {"leg-weakness": true}, {"bladder": true}} {
		r := Screen(q)
		if other, dup := seen[r.Guidance]; dup {
			t.Errorf("tiers %s and %s: got the same guidance, want each its own", other, r.Tier)
		}
		seen[r.Guidance] = r.Tier
		for _, w := range []string{"diagnos", "you have ", "cauda equina"} {
			if strings.Contains(strings.ToLower(r.Guidance), w) {
				t.Errorf("tier %s guidance: got %q, want it to refer without naming a diagnosis (%q)", r.Tier, r.Guidance, w)
			}
		}
	}
}

func TestFlagStateThroughDecide(t *testing.T) {
	in := History{Mornings: dailyMornings(0, 3, 3, 3, 3), Standing: Start(1, dayAt(0, 8)), StepsInLevel: testSteps}
	type step struct {
		name         string
		act          func(FlagState) FlagState
		wantExercise bool
		wantTier     Tier
	}
	steps := []step{
		{"first run, all no", func(f FlagState) FlagState { return f.Record(Screen(nil), dayAt(0, 9)) }, true, NoFlag},
		{"night pain reported", func(f FlagState) FlagState {
			return f.Record(Screen(map[string]bool{"night-pain": true}), dayAt(1, 9))
		}, false, SeeDoctorSoon},
		{"answering no again does not lift it", func(f FlagState) FlagState { return f.Record(Screen(nil), dayAt(1, 10)) }, false, SeeDoctorSoon},
		{"a clinician cleared the user", func(f FlagState) FlagState { return f.Clear(dayAt(2, 9)) }, true, SeeDoctorSoon},
		{"a new flag after clearance stops again", func(f FlagState) FlagState {
			return f.Record(Screen(map[string]bool{"bladder": true}), dayAt(3, 9))
		}, false, EmergencyNow},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			in.Flag = s.act(in.Flag)
			d := Decide(in, dayAt(3, 12))
			if d.ExerciseAllowed != s.wantExercise || in.Flag.Tier != s.wantTier {
				t.Errorf("got exercise %v, tier %s; want %v, %s", d.ExerciseAllowed, in.Flag.Tier, s.wantExercise, s.wantTier)
			}
			if wantMode := map[bool]Mode{true: Normal, false: RedFlagStop}[s.wantExercise]; d.Mode != wantMode {
				t.Errorf("mode: got %s, want %s", d.Mode, wantMode)
			}
		})
	}
}
