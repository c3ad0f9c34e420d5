package main

import (
	"strings"
	"testing"
	"time"

	"steady/e2e"
)

// The processor time rows are rounds, the app and the bare window first in
// turns, each row the median over the rounds and the hold's ratio the median
// of the rounds' own ratios, with every round in the note.
func TestProcessorTimeRowsAreMediansOfRounds(t *testing.T) {
	holds := []float64{0.20, 0.30, 0.18}
	movings := []float64{0.16, 0.20, 0.15} // ratios 1.25, 1.50, 1.20
	var order []string
	measure := func() (e2e.CPUUse, error) {
		i := countOf(order, "app")
		order = append(order, "app")
		return e2e.CPUUse{Hold: holds[i], Paused: 0.01 * float64(i+1), Today: 0.02, FigureW: 603, FigureH: 412, DrawnW: 227, DrawnH: 394}, nil
	}
	bare := func(args ...string) (float64, error) {
		if len(args) == 0 {
			order = append(order, "idle")
			return 0.015, nil
		}
		if !strings.Contains(strings.Join(args, " "), "-picture 603x412") {
			t.Errorf("the bare window animated %v, want the figure's 603x412", args)
		}
		i := countOf(order, "moving")
		order = append(order, "moving")
		return movings[i], nil
	}
	rows, err := processorTimeRows("sway: ", 3, 10*time.Second, measure, bare)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(order, " "), "app moving idle moving idle app app moving idle"; got != want {
		t.Errorf("measured in the order %q, want %q", got, want)
	}
	if len(rows) != 3 {
		t.Fatalf("got %d rows, want 3", len(rows))
	}
	hold := rows[0]
	if hold.steady != "20.0 %" || hold.yard[:6] != "16.0 %" || hold.ratio != 1.25 || !hold.ok {
		t.Errorf("hold row %+v: want 20.0 %% against 16.0 %%, ratio 1.25, within", hold)
	}
	if !strings.HasPrefix(hold.name, "sway: ") || !strings.Contains(hold.name, "median of 3 rounds of 10s") {
		t.Errorf("hold row named %q", hold.name)
	}
	for _, r := range []string{"20.0 % against 16.0 % (1.25)", "30.0 % against 20.0 % (1.50)", "18.0 % against 15.0 % (1.20)"} {
		if !strings.Contains(hold.note, r) {
			t.Errorf("hold note %q lacks the round %q", hold.note, r)
		}
	}
	if rows[1].steady != "2.0 %" || !rows[1].ok {
		t.Errorf("paused row %+v: want the median 2.0 %%, within", rows[1])
	}

	// One round over the ratio does not decide; the median over does.
	holds = []float64{0.22, 0.27, 0.18}
	order = nil
	rows, err = processorTimeRows("", 3, 10*time.Second, measure, bare)
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].ratio != 1.35 || rows[0].ok {
		t.Errorf("hold row %+v: want the median ratio 1.35 (of 1.375, 1.35 and 1.2), not within", rows[0])
	}
}

func countOf(s []string, v string) int {
	n := 0
	for _, x := range s {
		if x == v {
			n++
		}
	}
	return n
}
