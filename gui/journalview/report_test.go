package journalview

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"time"

	"steady/coach"
	"steady/journal"
	"steady/locale"
	"steady/program"
)

func TestWriteReport(t *testing.T) {
	es, ss := sampleRecords(60)
	r := recordsOf(es, ss, nil, testNow)
	var buf bytes.Buffer
	if err := WriteReport(&buf, r, testNow); err != nil {
		t.Fatalf("WriteReport: %v", err)
	}
	html := buf.String()

	if !r.Ready || r.Mornings != program.BaselineWindow {
		t.Fatalf("the sample has %d mornings for a baseline (ready %v), want %d", r.Mornings, r.Ready, program.BaselineWindow)
	}
	for _, want := range []string{
		"<!DOCTYPE html>",
		"@page { size: A4",
		// The baseline and band are the ones the rules worked out.
		locale.English.Number(r.Baseline, 1) + " / 10 — the median of the last 7 morning back-pain ratings; a change of " +
			locale.English.Number(r.Band, 1) + " points or more is meaningful",
		"First four weeks",
		"16 Mar 2026 (this week so far)",
		"Level 1, step 1",
		"Level 3, step 3",
		"not a substitute for a clinician",
		"Silbernagel et al. (Am J Sports Med 2007;35:897)",
		"an adaptation",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The adherence table: a header and twelve weeks.
	i := strings.Index(html, "Sessions a week")
	table := html[i : i+strings.Index(html[i:], "</table>")]
	if got := strings.Count(table, "<tr"); got != 1+adherenceWeeks {
		t.Errorf("got %d rows in the adherence table, want %d", got, 1+adherenceWeeks)
	}

	m := regexp.MustCompile(`src="data:image/png;base64,([A-Za-z0-9+/=]+)"`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("the report has no PNG data URI")
	}
	raw, err := base64.StdEncoding.DecodeString(m[1])
	if err != nil {
		t.Fatalf("the chart's base64 does not decode: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("the chart is not a PNG: %v", err)
	}
	if got, want := img.Bounds().Size(), (struct{ X, Y int }{reportChartWidth * reportChartScale, reportChartHeight * reportChartScale}); got.X != want.X || got.Y != want.Y {
		t.Errorf("got a chart of %v pixels, want %dx%d", got, want.X, want.Y)
	}
}

func TestWriteReportEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteReport(&buf, coach.Records{}, testNow); err != nil {
		t.Fatalf("WriteReport: %v", err)
	}
	for _, want := range []string{"No records yet", "Not yet set", "no morning check-ins yet", "No sessions yet", "not a substitute for a clinician"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("an empty report lacks %q", want)
		}
	}
}

func TestTrendWords(t *testing.T) {
	for _, tc := range []struct {
		name  string
		a, b  float64
		wants string
	}{
		{"two points down", 6, 4, "meaningful improvement"},
		// One rule for a meaningful change (program.MeaningfulChange): 2
		// points or 30 %, whichever is larger.
		{"thirty per cent down, under two points", 3, 2, "less than the 2 points or 30 % (whichever is larger)"},
		{"two points down, under thirty per cent", 8, 6, "less than"},
		{"thirty per cent down, over two points", 8, 5.5, "meaningful improvement"},
		{"small change", 5, 4.2, "less than the 2 points or 30 %"},
		{"two points up", 3, 5, "meaningful worsening"},
		{"no change from none", 0, 0, "less than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := trendWords(locale.English, tc.a, tc.b); !strings.Contains(got, tc.wants) {
				t.Errorf("trendWords(locale.English, %v, %v) = %q, want it to say %q", tc.a, tc.b, got, tc.wants)
			}
		})
	}
}

func TestMorningTrendNeedsEightWeeks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		days   int
		enough bool
	}{{"seven weeks", 49, false}, {"eight weeks", 56, true}, {"a year", 365, true}} {
		t.Run(tc.name, func(t *testing.T) {
			var es []journal.Entry
			start := startOfDay(testNow).AddDate(0, 0, -tc.days+1)
			for i := range tc.days {
				es = append(es, journal.Entry{Time: start.AddDate(0, 0, i).Add(7 * time.Hour), Kind: journal.Morning, BackPain: 5})
			}
			if got := morningTrend(locale.English, es); got.Enough != tc.enough {
				t.Errorf("got Enough %v (%q), want %v", got.Enough, got.Summary, tc.enough)
			}
		})
	}
}

func TestAdherence(t *testing.T) {
	// testNow is Friday 20 March 2026: this week began Monday 16 March.
	at := func(month time.Month, day int) time.Time { return time.Date(2026, month, day, 18, 0, 0, 0, time.UTC) }
	sessions := []journal.Session{
		{Time: at(time.March, 2), Duration: 15 * time.Minute, MaxPainDuring: 2, Light: program.Green, Final: true},
		{Time: at(time.March, 4), Duration: 20 * time.Minute, MaxPainDuring: 4, Light: program.Amber, Final: true},
		{Time: at(time.March, 17), Duration: 10 * time.Minute, MaxPainDuring: 1, Light: program.Green, Final: true},
		{Time: at(time.March, 19), Duration: 12 * time.Minute, MaxPainDuring: 3, Light: program.Green}, // provisional
		{Time: at(time.December, 1).AddDate(-1, 0, 0), Duration: 10 * time.Minute},                     // long before
	}
	walks := []journal.Walk{
		{Time: at(time.March, 3), Minutes: 20},
		{Time: at(time.March, 5), Minutes: 15},
		{Time: at(time.March, 18), Minutes: 30},
	}
	rows, mean := adherence(locale.English, sessions, walks, at(time.February, 25), testNow)
	if len(rows) != adherenceWeeks {
		t.Fatalf("got %d weeks, want %d", len(rows), adherenceWeeks)
	}
	for _, tc := range []struct {
		name     string
		row      int
		week     string
		sessions int
		minutes  int
		maxPain  string
		before   bool
		// provisional: lights still waiting for the next morning; walk:
		// minutes walked that week.
		provisional, walk int
	}{
		{"this week", 11, "16 Mar 2026", 2, 22, "3", false, 1, 30},
		{"week of 2 March", 9, "2 Mar 2026", 2, 35, "4", false, 0, 35},
		{"week of 23 February, the first", 8, "23 Feb 2026", 0, 0, "–", false, 0, 0},
		{"week before the first record", 7, "16 Feb 2026", 0, 0, "–", true, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rows[tc.row]
			if r.Week != tc.week || r.Sessions != tc.sessions || r.Minutes != tc.minutes || r.MaxPain != tc.maxPain || r.Before != tc.before {
				t.Errorf("got %+v, want week %s, %d sessions, %d min, max pain %s, before %v", r, tc.week, tc.sessions, tc.minutes, tc.maxPain, tc.before)
			}
			if r.Provisional != tc.provisional || r.WalkMinutes != tc.walk {
				t.Errorf("got %d provisional and %d min walked, want %d and %d", r.Provisional, r.WalkMinutes, tc.provisional, tc.walk)
			}
		})
	}
	if want := "On average 0.7 sessions a week over the last 3 full weeks"; !strings.Contains(mean, want) {
		t.Errorf("got %q, want it to say %q", mean, want)
	}
}
