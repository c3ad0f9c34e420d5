package journalview

import (
	"encoding/json"
	"html"
	"math"
	"strings"
	"testing"
	"time"

	"steady/coach"
	"steady/explain"
	"steady/journal"
	"steady/program"
)

// Eight weeks of the same morning pain (4 every day) while two activities
// go from 3 to 7 on average, rated once a week: the one journal behind what
// the chart draws, the clinician report, steady status -format json and
// Today's words all say the same progress (CLINICAL.md §8).
func TestFunctionProgressShowsEverywhere(t *testing.T) {
	day0 := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC) // a Monday
	c, _, clock := openStoreAt(t, day0.Add(7*time.Hour))
	if _, err := c.Begin(coach.Beginning{Answers: map[string]bool{}, Level: 1}); err != nil {
		t.Fatal(err)
	}
	to := func(at time.Time) { clock.Advance(at.Sub(clock.Now())) }
	var acts []journal.Activity
	for day := 0; day <= 56; day++ {
		to(day0.AddDate(0, 0, day).Add(7 * time.Hour))
		if _, err := c.CheckIn(journal.Entry{Kind: journal.Morning, BackPain: 4, Tightness: 3, Cause: program.CauseNone}); err != nil {
			t.Fatal(err)
		}
		if day%7 != 0 {
			continue
		}
		to(day0.AddDate(0, 0, day).Add(19 * time.Hour))
		// Socks 2 → 6 and the film 4 → 8: the average 3 → 7 in eight
		// weekly steps of half a point.
		socks := 2 + day*4/56
		if day == 0 {
			var err error
			acts, err = c.NameActivities([]coach.NamedActivity{{Name: "Putting on socks", Score: socks}, {Name: "Sitting through a film", Score: socks + 2}})
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, err := c.RateFunction(map[string]int{acts[0].ID: socks, acts[1].ID: socks + 2}); err != nil {
			t.Fatal(err)
		}
	}
	now := day0.AddDate(0, 0, 57).Add(8 * time.Hour)
	to(now)
	rec, err := c.Journal()
	if err != nil {
		t.Fatal(err)
	}

	// The chart: the weekly function line climbs from 3 to 7 around a band
	// centred on 3, while the pain line stays flat at 4.
	ch := newChart(90, clock.Now)
	ch.setData(rec)
	if len(ch.function) < 8 || ch.function[0].v != 3 || ch.function[len(ch.function)-1].v != 7 || ch.functionFirst != 3 {
		t.Errorf("chart function series %+v (first %v); want weekly points from 3 to 7 around a start of 3", ch.function, ch.functionFirst)
	}
	for i := 1; i < len(ch.function); i++ {
		if ch.function[i].v < ch.function[i-1].v {
			t.Errorf("chart function series falls at week %d: %+v", i, ch.function)
		}
	}
	if ch.baseline != 4 {
		t.Errorf("chart baseline %v, want the flat pain of 4", ch.baseline)
	}

	// The report: each activity with its first and latest rating and the
	// change, and the average's meaningful change.
	var report strings.Builder
	if err := WriteReport(&report, rec, now); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(report.String()) // the template writes "+" as "&#43;"
	for _, want := range []string{
		`<td>Putting on socks</td><td class="n">2 (5 Oct 2026)</td><td class="n">6 (30 Nov 2026)</td><td class="n">+4</td>`,
		`<td>Sitting through a film</td><td class="n">4 (5 Oct 2026)</td><td class="n">8 (30 Nov 2026)</td><td class="n">+4</td>`,
		"What you can do: 7 out of 10 on average, up from 3: a meaningful change",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report: want %q in the function section", want)
		}
	}

	// steady status -format json encodes this Status.
	st, err := c.Status(now, coach.DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Function *struct {
			Average, FirstAverage, Change float64
			Meaningful                    bool
		} `json:"function"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if f := got.Function; f == nil || f.Average != 7 || f.Change != 4 || !f.Meaningful || math.Abs(f.Average-f.Change-3) > 1e-9 {
		t.Errorf("status JSON function %s; want average 7, change 4, meaningful", b)
	}

	// Today's words: the notes beside the level, from explain, with the
	// source.
	day, err := c.Today(coach.DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(explain.Notes(day.Decision), "\n")
	if !strings.Contains(notes, "Your activities are up 4 points since Mon 5 Oct") ||
		!strings.Contains(notes, "while your morning pain went from 4 to 4: you can do more, and that is real progress") ||
		!strings.Contains(notes, "(Stratford et al. 1995)") {
		t.Errorf("Today's notes:\n%s\nwant the function progress said plainly, with its source", notes)
	}
	if day.Decision.SuggestReview {
		t.Error("Today suggests a review for the flat pain although function improved")
	}
}
