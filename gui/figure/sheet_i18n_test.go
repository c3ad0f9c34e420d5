package figure

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"steady/locale"
	"steady/program"
)

// The routine sheet is written in the user's language: its headings, its
// caution and the dose (the exercises' own words come translated with the
// routine).
func TestWriteSheetInFrench(t *testing.T) {
	fr, _ := locale.Parse("fr")
	prev := locale.Current()
	locale.Set(fr)
	defer locale.Set(prev)

	exs := sampleExercises()
	plan := program.Plan{Level: 3, Items: []program.PlanItem{
		{Exercise: exs[4], Dose: program.Dose{Sets: []int{6, 4, 2}, Hold: 7500 * time.Millisecond, Sides: 2}},
	}}
	var buf bytes.Buffer
	if err := WriteSheet(&buf, plan); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	if len(exs[4].StopIf) == 0 {
		t.Fatal("the sample exercise has no stop signs to head")
	}
	for _, want := range []string{`<html lang="fr">`, "Arrêtez si", "professionnel de santé",
		locale.L("Dose: {{.Dose}}", locale.Args{"Dose": DoseText(plan.Items[0].Dose)})} {
		if !strings.Contains(html, want) {
			t.Errorf("sheet: missing %q", want)
		}
	}
	if dose := DoseText(plan.Items[0].Dose); !strings.Contains(dose, "7,5") {
		t.Errorf("dose %q: want the French decimal comma", dose)
	}
	for _, english := range []string{"Dose:", "Stop if:", "your routine", "not a substitute", "each side", "reps 6-4-2", "hold "} {
		if strings.Contains(html, english) {
			t.Errorf("sheet: still English %q", english)
		}
	}
}
