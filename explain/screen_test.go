package explain

import (
	"strings"
	"testing"

	"steady/locale"
	"steady/program"
)

// tiers are every screening tier, for the guidance.
var tiers = []program.Tier{program.NoFlag, program.SeeDoctorSoon, program.SameDay, program.EmergencyNow}

// answersFor is a screening that ends at tier t: the first question of that
// tier answered yes.
func answersFor(t *testing.T, tier program.Tier) map[string]bool {
	t.Helper()
	if tier == program.NoFlag {
		return nil
	}
	for _, q := range program.Questions() {
		if q.Tier == tier {
			return map[string]bool{q.ID: true}
		}
	}
	t.Fatalf("no question of tier %v", tier)
	return nil
}

// In English the screening reads exactly as program words it: the
// translations are keyed by program's texts, so a change there must be
// made here too.
func TestScreeningEnglishMatchesProgram(t *testing.T) {
	locale.Set(locale.English)
	for _, q := range program.Questions() {
		if got := Question(q); got != q.Text {
			t.Errorf("question %s: got %q, program says %q", q.ID, got, q.Text)
		}
	}
	for _, tier := range tiers {
		want := program.Screen(answersFor(t, tier)).Guidance
		if got := Guidance(tier); got != want {
			t.Errorf("guidance for %v: got %q, program says %q", tier, got, want)
		}
	}
	if got := ScreeningSources(); got != program.ScreeningSources {
		t.Errorf("sources: got %q, program says %q", got, program.ScreeningSources)
	}
}

// Every question, every tier's guidance and the sources have their own
// text in every language, each question a different one, and the source
// names stay as they are.
func TestScreeningTranslated(t *testing.T) {
	defer locale.Set(locale.English)
	for _, code := range []string{"de", "es", "fr"} {
		l, ok := locale.Parse(code)
		if !ok {
			t.Fatalf("%s: not a supported language", code)
		}
		locale.Set(l)
		seen := map[string]string{}
		for _, q := range program.Questions() {
			got := Question(q)
			if got == q.Text || strings.TrimSpace(got) == "" {
				t.Errorf("%s: question %s is not translated: %q", code, q.ID, got)
			}
			if prev, dup := seen[got]; dup {
				t.Errorf("%s: questions %s and %s read the same: %q", code, prev, q.ID, got)
			}
			seen[got] = q.ID
		}
		for _, tier := range tiers {
			english := program.Screen(answersFor(t, tier)).Guidance
			if got := Guidance(tier); got == english || got == "" {
				t.Errorf("%s: guidance for %v is not translated: %q", code, tier, got)
			}
		}
		src := ScreeningSources()
		if src == program.ScreeningSources {
			t.Errorf("%s: the sources line is not translated", code)
		}
		for _, name := range []string{"NICE", "NG59", "CKS", "BMJ Best Practice", "Verhagen et al. 2016"} {
			if !strings.Contains(src, name) {
				t.Errorf("%s: the sources line lost %q: %q", code, name, src)
			}
		}
	}
}
