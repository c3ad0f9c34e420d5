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
			"Putting on socks: 3 → 8 since October"},
		{"one rating", program.ActivityChange{First: 3, Latest: 3, FirstAt: oct, LatestAt: oct},
			"Putting on socks: 3 on Mon 6 Oct"},
		{"the same month", program.ActivityChange{First: 3, Latest: 5, FirstAt: oct, LatestAt: oct.AddDate(0, 0, 14)},
			"Putting on socks: 3 → 5 since Mon 6 Oct"},
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
	r := program.Reason{Rule: program.RuleFunctionProgress, Source: program.SourceFunction,
		Values: map[string]float64{"from": 3, "to": 7, "change": 4, "band": 2, "painFrom": 4, "painTo": 4}}
	got := Reason(r)
	for _, want := range []string{"The same pain, and you can do more", "from 3 to 7", "a convention", "does not raise"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to contain %q", got, want)
		}
	}
}
