package explain

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"steady/program"
)

// constantsOf returns the names and values of the constants of the named
// type declared in package program's source, so a new constant without
// words fails here.
func constantsOf(t *testing.T, typ string) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../program/*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != typ {
					continue
				}
				for i, n := range vs.Names {
					lit := vs.Values[i].(*ast.BasicLit)
					out[n.Name] = strings.Trim(lit.Value, `"`)
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("found no constants of type %s in package program", typ)
	}
	return out
}

// full is a reason of the rule with every value and moment set.
func full(rule program.Rule) program.Reason {
	vals := map[string]float64{}
	for _, k := range []string{"baseline", "band", "anchor", "window", "ratings", "minimum", "greens", "needGreens", "days",
		"needDays", "sessions", "lastEasy", "unknown", "from", "pain", "limit", "rise", "flareDays", "reach", "before",
		"mornings", "count", "of", "legPain", "legMedian", "mean", "over", "week1", "week2", "week3", "weeks", "to",
		"points", "share", "tier", "selfClearable", "minutes", "goalMinutes", "goalDays", "targetMinutes", "targetDays",
		"shortMin", "shortMax"} {
		vals[k] = 1
	}
	at := time.Date(2026, time.March, 2, 7, 0, 0, 0, time.UTC)
	return program.Reason{Rule: rule, Source: program.SourceSafety, At: at, Until: at.AddDate(0, 0, 3),
		Level: 1, DoseStep: 0, Steps: 2, Values: vals, Criteria: []program.Criterion{program.PainHigh}}
}

func TestEveryRuleHasWords(t *testing.T) {
	for name, value := range constantsOf(t, "Rule") {
		t.Run(name, func(t *testing.T) {
			s := current().sentence(full(program.Rule(value)))
			if s == "" || s == value {
				t.Errorf("got %q, want words for rule %s", s, value)
			}
			if strings.ContainsAny(s, "{}") {
				t.Errorf("got %q, want every input filled", s)
			}
		})
	}
}

func TestEverySourceHasWords(t *testing.T) {
	for name, value := range constantsOf(t, "Source") {
		if value == "" {
			continue // SourceNone
		}
		t.Run(name, func(t *testing.T) {
			s := program.Source(value)
			if Citation(s) == "" || current().shortCitation(s) == "" {
				t.Errorf("got citation %q, short %q; want both", Citation(s), current().shortCitation(s))
			}
			if len(current().shortCitation(s)) >= len(Citation(s)) {
				t.Errorf("short citation %q is not shorter than %q", current().shortCitation(s), Citation(s))
			}
		})
	}
}

func TestEveryCriterionHasWords(t *testing.T) {
	for name, value := range constantsOf(t, "Criterion") {
		if got := Criterion(program.Criterion(value)); got == value {
			t.Errorf("%s: got %q, want words", name, got)
		}
	}
}

func TestCitations(t *testing.T) {
	cases := []struct {
		s     program.Source
		words []string
	}{
		{program.SourceTrafficLight, []string{"Silbernagel et al. 2007", "Achilles", "adapts"}},
		{program.SourceMCID, []string{"Farrar et al. 2001", "Ostelo et al. 2008"}},
		{program.SourceStabilise, []string{"Owen et al. 2020", "the idea Steady follows"}},
		{program.SourceRedFlags, []string{"NICE", "NG59", "CKS"}},
		{program.SourceWalking, []string{"Pocovi", "WalkBack", "Lancet 2024"}},
		{program.SourceSafety, []string{"Steady's safety rule, conservative practice, not a trial result"}},
		{program.SourceFunction, []string{"Stratford et al. 1995"}},
	}
	for _, c := range cases {
		for _, w := range c.words {
			if !strings.Contains(Citation(c.s), w) {
				t.Errorf("%s: got %q, want it to mention %q", c.s, Citation(c.s), w)
			}
		}
	}
}

var monday = time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)

func TestReason(t *testing.T) {
	day := func(d, h int) time.Time { return monday.AddDate(0, 0, d).Add(time.Duration(h) * time.Hour) }
	cases := []struct {
		name string
		r    program.Reason
		want string
	}{
		{"legacy text as it is", program.Reason{Rule: program.RuleStart, Text: "You started at level 1 on Mon 2 Mar."},
			"You started at level 1 on Mon 2 Mar."},
		{"step down", program.Reason{Rule: program.RuleStepDown, Source: program.SourceTrafficLight, At: day(3, 18),
			Level: 2, DoseStep: 0, Steps: 3, Criteria: []program.Criterion{program.PainHigh}, Values: map[string]float64{"from": 1}},
			"Your session on Thu 5 Mar was red (pain went above 5 out of 10), so you went one dose step down, to level 2, dose step 1 of 3, with the calm-down level for the rest of that day (after Silbernagel et al. 2007, adapted)."},
		{"morning flare above the baseline", program.Reason{Rule: program.RuleFlareMorning, Source: program.SourceTrafficLight,
			At: day(4, 7), Until: day(7, 0), Level: 1, Values: map[string]float64{"pain": 5, "baseline": 3, "rise": 2, "flareDays": 3}},
			"Your morning back pain on Fri 6 Mar was 5 out of 10, 2 or more points above your baseline of 3, and started flare mode through Sun 8 Mar; then you restart at level 1 (after Silbernagel et al. 2007, adapted)."},
		{"creep", program.Reason{Rule: program.RuleCreep, Source: program.SourceSafety,
			Values: map[string]float64{"ratings": 7, "mean": 3.6, "over": 2, "anchor": 1}},
			"Your last 7 morning ratings average 3.6, 2 or more points above your lowest baseline of the last 8 weeks (1): Steady holds you at this step while your pain stays up (Steady's safety rule)."},
		{"low and steady", program.Reason{Rule: program.RuleLowSteady, Source: program.SourceSafety,
			Values: map[string]float64{"weeks": 6, "from": 2, "to": 2}},
			"After 6 weeks your baseline is 2 (from 2): your pain is low and steady, with little room for a 2-point change, so keep going (Steady's safety rule)."},
		{"leg spread", program.Reason{Rule: program.RuleLegCalm, Source: program.SourceLegSymptoms,
			Values: map[string]float64{"reach": float64(program.ReachBelowKnee), "before": float64(program.ReachThigh), "legPain": 5, "legMedian": 2, "rise": 2}},
			"This morning your leg symptoms reached below the knee, further down than on any of the mornings before (the thigh): no progression today and the calm-down level, without stretching (NICE NG59; Steady's safety rule)."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Reason(c.r); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestWhyCitesEachSourceInFullOnce(t *testing.T) {
	in := program.History{StepsInLevel: func(int) int { return 3 }, Standing: program.Standing{Level: 2, DoseStep: 1, Since: monday}}
	for d := range 7 {
		in.Mornings = append(in.Mornings, program.MorningRating{Time: monday.AddDate(0, 0, d).Add(7 * time.Hour), BackPain: 3})
	}
	in.Sessions = []program.SessionOutcome{{Time: monday.AddDate(0, 0, 6).Add(18 * time.Hour), Level: 2, DoseStep: 1, MaxPainDuring: 6}}
	d := program.Decide(in, monday.AddDate(0, 0, 6).Add(19*time.Hour))
	why := Why(d)
	if len(why) != len(d.Explanation) {
		t.Fatalf("got %d sentences for %d reasons", len(why), len(d.Explanation))
	}
	all := strings.Join(why, "\n")
	if n := strings.Count(all, "Achilles"); n != 1 {
		t.Errorf("got the full traffic-light source %d times, want once:\n%s", n, all)
	}
	if n := strings.Count(all, "Silbernagel"); n < 2 {
		t.Errorf("got Silbernagel %d times, want the short citation too:\n%s", n, all)
	}
	for i, s := range why {
		if !strings.HasSuffix(s, ").") {
			t.Errorf("sentence %d: got %q, want it to end naming its source", i, s)
		}
	}
}

func TestLight(t *testing.T) {
	cases := []struct {
		name  string
		l     program.Light
		words []string
	}{
		{"green, provisional", program.Light{Color: program.Green}, []string{"Green", "Provisional: tomorrow morning's check-in confirms it"}},
		{"green, final", program.Light{Color: program.Green, Final: true}, []string{"Keep going"}},
		{"amber because", program.Light{Color: program.Amber, Fired: []program.Criterion{program.LegSettled}, Final: true},
			[]string{"Amber", "Because leg symptoms spread further down but settled within 30 minutes."}},
		{"next morning unknown", program.Light{Color: program.Green, Final: true, MorningUnknown: true}, []string{"Next morning unknown"}},
		{"red", program.Light{Color: program.Red, Fired: []program.Criterion{program.PainHigh}, Final: true}, []string{"Red", "pain went above 5"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			title, meaning := Light(c.l)
			got := title + " " + meaning
			for _, w := range c.words {
				if !strings.Contains(got, w) {
					t.Errorf("got %q, want it to contain %q", got, w)
				}
			}
		})
	}
}

func TestNext(t *testing.T) {
	until := monday.AddDate(0, 0, 3)
	cases := []struct {
		name string
		d    program.Decision
		want string
	}{
		{"flare", program.Decision{Mode: program.Flare, FlareUntil: until, Standing: program.Standing{Level: 1}},
			"Flare mode until Wed 4 Mar: calm-down exercises and short walks only; then level 1."},
		{"calm-down", program.Decision{Mode: program.CalmDownToday, Standing: program.Standing{Level: 2, DoseStep: 1}},
			"Calm-down exercises for the rest of today; level 2 from tomorrow."},
		{"advance", program.Decision{Mode: program.Advance, Level: 2, DoseStep: 0, Steps: 3}, "Next time you move up: level 2, dose step 1 of 3."},
		{"repeat", program.Decision{Mode: program.Repeat, Level: 2, DoseStep: 1, Steps: 3}, "Next time: the same dose again, level 2, dose step 2 of 3."},
		{"hold", program.Decision{Mode: program.HoldSeeClinician, Level: 1, Steps: 2, SeeClinician: true},
			"Your step is held at level 1, dose step 1 of 2; Steady suggests seeing a clinician."},
		{"red flag, emergency", program.Decision{Mode: program.RedFlagStop, Explanation: []program.Reason{{Rule: program.RuleRedFlag,
			Values: map[string]float64{"selfClearable": 0}}}}, "No exercise until you answer the safety questions again without the warning sign."},
		{"red flag, soon", program.Decision{Mode: program.RedFlagStop, Explanation: []program.Reason{{Rule: program.RuleRedFlag,
			Values: map[string]float64{"selfClearable": 1}}}}, "No exercise until you tell Steady a clinician has assessed what you reported."},
		{"rescreen", program.Decision{Mode: program.RescreenStop}, "No exercise until you answer the safety questions again: you reported new numbness or weakness."},
		{"flare with referral", program.Decision{Mode: program.Flare, FlareUntil: until, SeeClinician: true},
			"Flare mode until Wed 4 Mar: calm-down exercises and short walks only; then level 0. Steady suggests seeing a clinician."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Next(c.d); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestAboutAndWords(t *testing.T) {
	for _, w := range []string{"Silbernagel", "Achilles", "adapted", "not a substitute for a clinician", "the idea Steady follows", "not trial results"} {
		if !strings.Contains(About(), w) {
			t.Errorf("About: got %q, want it to mention %q", About(), w)
		}
	}
	// CLINICAL.md §7.9: no absolute claims anywhere.
	texts := []string{About()}
	for _, value := range constantsOf(t, "Rule") {
		texts = append(texts, current().sentence(full(program.Rule(value))))
	}
	for _, value := range constantsOf(t, "Source") {
		texts = append(texts, Citation(program.Source(value)))
	}
	for _, s := range texts {
		for _, bad := range []string{"the way to", "one of the best", "proven", "always works", "cures"} {
			if strings.Contains(strings.ToLower(s), bad) {
				t.Errorf("got %q, want no absolute claim (%q)", s, bad)
			}
		}
	}
}

func TestNumberAndDay(t *testing.T) {
	for x, want := range map[float64]string{3: "3", 3.5: "3.5", 3.57: "3.6", 0: "0"} {
		if got := Number(x); got != want {
			t.Errorf("Number(%v): got %q, want %q", x, got, want)
		}
	}
	if got := Day(monday); got != "Mon 2 Mar" {
		t.Errorf("Day: got %q, want Mon 2 Mar", got)
	}
}
