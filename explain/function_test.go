package explain

import (
	"strings"
	"testing"
	"time"

	"steady/program"
)

func TestActivityChange(t *testing.T) {
	oct := time.Date(2025, 10, 6, 19, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		c    program.ActivityChange
		want string
	}{
		{"since another month", program.ActivityChange{First: 3, Latest: 8, FirstAt: oct, LatestAt: oct.AddDate(0, 1, 0)},
			"Putting on socks: from 3 to 8 since October"},
		{"one rating", program.ActivityChange{First: 3, Latest: 3, FirstAt: oct, LatestAt: oct},
			"Putting on socks: 3 on Mon 6 Oct"},
		{"the same month", program.ActivityChange{First: 3, Latest: 5, FirstAt: oct, LatestAt: oct.AddDate(0, 0, 14)},
			"Putting on socks: from 3 to 5 since Mon 6 Oct"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ActivityChange("Putting on socks", c.c); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestFunctionProgressWords(t *testing.T) {
	oct := time.Date(2026, 10, 5, 19, 0, 0, 0, time.UTC)
	r := program.Reason{Rule: program.RuleFunctionProgress, Source: program.SourceFunction, At: oct,
		Values: map[string]float64{"from": 3, "to": 7, "change": 4, "band": 2, "painFrom": 4, "painTo": 4, "weeks": 8}}
	got := Reason(r)
	for _, want := range []string{"Your activities are up 4 points since Mon 5 Oct", "that is real progress", "pain went from 4 to 4",
		"from 3 to 7", "a convention", "does not raise", "(Stratford et al. 1995)."} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to contain %q", got, want)
		}
	}
}

// Without pain ratings or a first moment, the progress is said in weeks and
// without a word about pain.
func TestFunctionProgressWordsWithoutPain(t *testing.T) {
	r := program.Reason{Rule: program.RuleFunctionProgress, Source: program.SourceFunction,
		Values: map[string]float64{"from": 2, "to": 4.5, "change": 2.5, "band": 2, "weeks": 3}}
	got := Reason(r)
	if !strings.HasPrefix(got, "Your activities are up 2.5 points in 3 weeks (from 2 to 4.5") || strings.Contains(got, "pain went") {
		t.Errorf("got %q, want the change in weeks and nothing about pain", got)
	}
}
