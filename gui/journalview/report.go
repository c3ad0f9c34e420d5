package journalview

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"image/png"
	"io"
	"math"
	"sort"
	"time"

	"steady/coach"
	"steady/explain"
	"steady/journal"
	"steady/locale"
	"steady/program"
)

// Size of the report's chart, in Fyne units, and its pixels per unit (two,
// so it stays sharp on paper).
const (
	reportChartWidth  = 1000
	reportChartHeight = 420
	reportChartScale  = 2
)

// trendWindow is how long the first and the last stretch of morning
// ratings are that the report compares.
const trendWindow = 28 * 24 * time.Hour

// adherenceWeeks is how many weeks the adherence table covers.
const adherenceWeeks = 12

// WriteReport writes a printable, self-contained HTML report of the
// journal for a clinician: the chart, the baseline, the trend of morning
// back pain, sessions a week and the path through the levels. now is the
// moment the report is made.
func WriteReport(w io.Writer, r coach.Records, now time.Time) error {
	entries := append([]journal.Entry(nil), r.Entries...)
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Time.Before(entries[j].Time) })
	sessions := append([]journal.Session(nil), r.Sessions...)
	sort.SliceStable(sessions, func(i, j int) bool { return sessions[i].Time.Before(sessions[j].Time) })

	l := locale.Current()
	d := reportData{
		Lang:      l.Lang(),
		Generated: l.DateTime(now),
		Entries:   len(entries),
		Sessions:  len(sessions),
	}
	if first, last, ok := span(entries, sessions); ok {
		d.Range = l.L("{{.From}} to {{.To}}", locale.Args{"From": l.LongDate(first), "To": l.LongDate(last)})
	}

	c := &Chart{now: func() time.Time { return now }}
	c.fill(r)
	img, err := chartImage(c, reportChartWidth, reportChartHeight, reportChartScale, lightChartColours())
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return fmt.Errorf("report: encode chart: %w", err)
	}
	// Base64 holds no quote or markup, so the attribute is safe as written;
	// html/template would otherwise escape every "+" in it.
	d.Chart = template.HTMLAttr(`src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(buf.Bytes()) + `"`)

	d.Function, d.FunctionSummary = functionReport(l, r.Function)
	if math.IsNaN(c.baseline) {
		d.Baseline = l.L("Not yet set: the baseline needs {{.Minimum}} morning check-ins, and there are {{.Mornings}}.",
			locale.Args{"Minimum": program.BaselineMinimum, "Mornings": c.mornings})
	} else {
		d.Baseline = l.L("{{.Baseline}} / 10 — the median of the last {{.Mornings}} morning back-pain ratings; a change of {{.Band}} points or more is meaningful.",
			locale.Args{"Baseline": l.Number(c.baseline, 1), "Mornings": c.mornings, "Band": l.Number(c.band, 1)})
	}
	d.Trend = morningTrend(l, entries)
	first, _, _ := span(entries, sessions)
	d.Weeks, d.WeeksMean = adherence(l, sessions, r.Walks, first, now)
	d.Levels = levelPath(l, sessions)
	for _, e := range entries {
		if e.NumbWeak {
			d.NumbWeak = append(d.NumbWeak, l.DateTime(e.Time))
		}
	}
	for _, s := range sessions {
		if s.NumbWeak {
			d.NumbWeak = append(d.NumbWeak, l.L("{{.Time}} (during a session)", locale.Args{"Time": l.DateTime(s.Time)}))
		}
	}
	if err := reportTemplate.Execute(w, d); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// span is the time of the first and the last record.
func span(entries []journal.Entry, sessions []journal.Session) (first, last time.Time, ok bool) {
	for _, t := range append(ratingTimes(entries), sessionTimes(sessions)...) {
		if !ok || t.Before(first) {
			first = t
		}
		if !ok || t.After(last) {
			last = t
		}
		ok = true
	}
	return first, last, ok
}

func ratingTimes(entries []journal.Entry) []time.Time {
	ts := make([]time.Time, 0, len(entries))
	for _, e := range entries {
		ts = append(ts, e.Time)
	}
	return ts
}

type reportData struct {
	Lang              string // the language's code, for <html lang>
	Generated, Range  string
	Entries, Sessions int
	Chart             template.HTMLAttr // the chart's src attribute
	Baseline          string
	Trend             trend
	Weeks             []weekRow
	WeeksMean         string
	Levels            []levelRow
	NumbWeak          []string
	Function          []functionRow
	FunctionSummary   string
}

// A functionRow is one activity of the function score (PSFS) in the
// report: its first and latest rating and the change.
type functionRow struct {
	Activity, First, Latest, Change string
	Replaced                        bool
}

// A trend compares the first and the last four weeks of morning ratings.
type trend struct {
	Enough   bool
	Summary  string // in plain words
	From, To string // the two stretches, as dates
	Rows     []trendRow
}

type trendRow struct {
	Measure, First, Last, Change string
}

// morningTrend compares the mean morning ratings of the first four weeks
// with those of the last four weeks; back pain decides whether the change
// is meaningful (2 points or 30 %). entries are oldest first.
func morningTrend(l locale.Locale, entries []journal.Entry) trend {
	var mornings []journal.Entry
	for _, e := range entries {
		if e.Kind == journal.Morning {
			mornings = append(mornings, e)
		}
	}
	if len(mornings) == 0 {
		return trend{Summary: l.L("There are no morning check-ins yet, so there is no trend to show.")}
	}
	first := startOfDay(mornings[0].Time)
	lastDay := startOfDay(mornings[len(mornings)-1].Time).AddDate(0, 0, 1)
	if lastDay.Sub(first) < 2*trendWindow {
		days := daysBetween(first, lastDay)
		return trend{Summary: l.L("The trend compares the first and the last four weeks of morning check-ins, so it needs eight weeks of them; so far they cover {{.Days}}.",
			locale.Args{"Days": l.N("{{.Count}} days", days)})}
	}
	earlyEnd, lateStart := first.Add(trendWindow), lastDay.Add(-trendWindow)
	var early, late [3]float64
	var nEarly, nLate float64
	for _, e := range mornings {
		v := [3]float64{float64(e.BackPain), float64(e.LegPain), float64(e.Tightness)}
		switch {
		case e.Time.Before(earlyEnd):
			for i := range v {
				early[i] += v[i]
			}
			nEarly++
		case !e.Time.Before(lateStart):
			for i := range v {
				late[i] += v[i]
			}
			nLate++
		}
	}
	if nEarly == 0 || nLate == 0 {
		return trend{Summary: l.L("There are too few morning check-ins at the start or the end to compare.")}
	}
	t := trend{
		Enough: true,
		From:   l.ShortDate(first) + " – " + l.ShortDate(earlyEnd.AddDate(0, 0, -1)),
		To:     l.ShortDate(lateStart) + " – " + l.ShortDate(lastDay.AddDate(0, 0, -1)),
	}
	for i, name := range []string{l.L("Back pain"), l.L("Leg pain"), l.L("Tightness")} {
		a, b := early[i]/nEarly, late[i]/nLate
		t.Rows = append(t.Rows, trendRow{Measure: name, First: l.Fixed(a, 1), Last: l.Fixed(b, 1), Change: signed(l, b-a)})
	}
	t.Summary = trendWords(l, early[0]/nEarly, late[0]/nLate)
	return t
}

// trendWords says in plain words how morning back pain moved from a to b.
func trendWords(l locale.Locale, a, b float64) string {
	diff := b - a
	pct := 0.0
	if a > 0 {
		pct = 100 * math.Abs(diff) / a
	}
	meaningful := program.MeaningfulChange(a, b)
	data := locale.Args{"Change": l.Fixed(math.Abs(diff), 1), "Percent": l.Fixed(pct, 0), "From": l.Fixed(a, 1), "To": l.Fixed(b, 1)}
	switch {
	case meaningful && diff < 0:
		return l.L("Morning back pain went down by {{.Change}} points ({{.Percent}} %), from a mean of {{.From}} in the first four weeks to {{.To}} in the last four. That is a meaningful improvement: at least 2 points or 30 %, whichever is larger.", data)
	case meaningful && diff > 0:
		return l.L("Morning back pain went up by {{.Change}} points ({{.Percent}} %), from a mean of {{.From}} in the first four weeks to {{.To}} in the last four. That is a meaningful worsening: at least 2 points or 30 %, whichever is larger.", data)
	default:
		return l.L("Morning back pain changed by {{.Change}} points ({{.Percent}} %), from a mean of {{.From}} in the first four weeks to {{.To}} in the last four. That is less than the 2 points or 30 % (whichever is larger) counted as a meaningful change.", data)
	}
}

// signed formats v with one decimal and a sign: "+1.2", "−0.4", "0.0"
// ("+1,2" where the decimal is a comma).
func signed(l locale.Locale, v float64) string {
	switch s := l.Fixed(math.Abs(v), 1); {
	case s == l.Fixed(0, 1):
		return s
	case v < 0:
		return "−" + s
	default:
		return "+" + s
	}
}

type weekRow struct {
	Week              string
	Sessions, Minutes int
	Green, Amber, Red int
	Provisional       int // of them, lights still waiting for the next morning
	WalkMinutes       int
	MaxPain           string
	ThisWeek          bool
	Before            bool // before the journal's first record
}

// adherence counts sessions in each of the last twelve weeks (Monday to
// Sunday), the current week last, and says how many there were a week on
// average over the full weeks since the journal's first record, start.
func adherence(l locale.Locale, sessions []journal.Session, walks []journal.Walk, start, now time.Time) ([]weekRow, string) {
	monday := startOfDay(now)
	for monday.Weekday() != time.Monday {
		monday = monday.AddDate(0, 0, -1)
	}
	rows := make([]weekRow, adherenceWeeks)
	starts := make([]time.Time, adherenceWeeks)
	for i := range rows {
		starts[i] = monday.AddDate(0, 0, -7*(adherenceWeeks-1-i))
		rows[i] = weekRow{Week: l.ShortDate(starts[i]), MaxPain: "–", ThisWeek: i == adherenceWeeks-1}
	}
	maxPain := make([]int, adherenceWeeks)
	for i := range maxPain {
		maxPain[i] = -1
	}
	for _, s := range sessions {
		if s.Time.Before(starts[0]) || !s.Time.Before(monday.AddDate(0, 0, 7)) {
			continue
		}
		i := daysBetween(starts[0], startOfDay(s.Time)) / 7
		r := &rows[i]
		r.Sessions++
		r.Minutes += int(s.Duration.Round(time.Minute) / time.Minute)
		switch s.Light {
		case program.Green:
			r.Green++
		case program.Amber:
			r.Amber++
		case program.Red:
			r.Red++
		}
		if s.Light != "" && !s.Final {
			r.Provisional++
		}
		maxPain[i] = max(maxPain[i], s.MaxPainDuring)
	}
	for _, w := range walks {
		if w.Time.Before(starts[0]) || !w.Time.Before(monday.AddDate(0, 0, 7)) {
			continue
		}
		rows[daysBetween(starts[0], startOfDay(w.Time))/7].WalkMinutes += w.Minutes
	}
	total, weeks := 0, 0
	for i := range rows {
		if maxPain[i] >= 0 {
			rows[i].MaxPain = fmt.Sprint(maxPain[i])
		}
		rows[i].Before = !start.IsZero() && !start.Before(starts[i].AddDate(0, 0, 7))
		if !rows[i].ThisWeek && !rows[i].Before {
			total += rows[i].Sessions
			weeks++
		}
	}
	if weeks == 0 {
		return rows, l.L("There is no full week of records yet to average.")
	}
	return rows, l.L("On average {{.Sessions}} sessions a week over the last {{.Weeks}} full weeks with records, not counting this one.",
		locale.Args{"Sessions": l.Fixed(float64(total)/float64(weeks), 1), "Weeks": weeks})
}

type levelRow struct {
	Level    string
	From, To string
	Sessions int
}

// levelPath lists the levels and dose steps in the order the sessions went
// through them. sessions are oldest first.
func levelPath(l locale.Locale, sessions []journal.Session) []levelRow {
	var rows []levelRow
	var last journal.Session
	for i, s := range sessions {
		if i == 0 || s.Level != last.Level || s.DoseStep != last.DoseStep || s.Flare != last.Flare {
			rows = append(rows, levelRow{Level: levelName(s.Level, s.DoseStep, s.Flare), From: l.ShortDate(s.Time)})
		}
		r := &rows[len(rows)-1]
		r.To = l.ShortDate(s.Time)
		r.Sessions++
		last = s
	}
	return rows
}

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{"L": reportL}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{L "Steady — journal report"}}</title>
<style>
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: #1d1d1f; background: #fff;
  max-width: 190mm; margin: 0 auto; padding: 8mm 0; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 2pt; }
h2 { font-size: 12.5pt; margin: 16pt 0 6pt; border-bottom: 1px solid #ccc; padding-bottom: 2pt; }
p { margin: 4pt 0; }
.meta { color: #555; }
img.chart { width: 100%; height: auto; border: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { text-align: left; padding: 3pt 6pt; border-bottom: 1px solid #e2e2e2; }
th { font-weight: 600; background: #f3f3f3; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.current td { color: #555; font-style: italic; }
td.before { color: #777; }
.note { border-left: 3pt solid #999; padding: 4pt 8pt; background: #f7f7f7; }
section { break-inside: avoid; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
</style>
</head>
<body>
<h1>{{L "Steady — journal report"}}</h1>
<p class="meta">{{L "Made on {{.Date}}." "Date" .Generated}} {{if .Range}}{{L "Records from {{.Range}}:" "Range" .Range}}{{else}}{{L "No records yet:"}}{{end}}
{{L "{{.CheckIns}} check-ins and {{.Sessions}} exercise sessions, written down by the user in the Steady app." "CheckIns" .Entries "Sessions" .Sessions}}</p>

<section>
<h2>{{L "Pain and tightness over time"}}</h2>
<img class="chart" alt="{{L "Chart of back pain, leg pain and tightness (0–10) over time, with the baseline and the session days"}}" {{.Chart}}>
<p>{{L "Ratings are 0–10 (0 = none, 10 = worst imaginable); long ranges show one mean a day. Marks under the plot are days with an exercise session."}}</p>
</section>

<section>
<h2>{{L "Activities the back makes hard (Patient-Specific Functional Scale)"}}</h2>
<p>{{.FunctionSummary}}</p>
{{if .Function}}<table>
<tr><th>{{L "Activity (the user's words)"}}</th><th class="n">{{L "First rating"}}</th><th class="n">{{L "Latest rating"}}</th><th class="n">{{L "Change"}}</th></tr>
{{range .Function}}<tr><td>{{.Activity}}{{if .Replaced}} {{L "(replaced)"}}{{end}}</td><td class="n">{{.First}}</td><td class="n">{{.Latest}}</td><td class="n">{{.Change}}</td></tr>
{{end}}</table>{{end}}
</section>

<section>
<h2>{{L "Baseline"}}</h2>
<p>{{.Baseline}}</p>
</section>

<section>
<h2>{{L "Trend of morning ratings"}}</h2>
<p>{{.Trend.Summary}}</p>
{{if .Trend.Enough}}<table>
<tr><th>{{L "Morning mean (0–10)"}}</th><th class="n">{{L "First four weeks"}}<br>{{.Trend.From}}</th><th class="n">{{L "Last four weeks"}}<br>{{.Trend.To}}</th><th class="n">{{L "Change"}}</th></tr>
{{range .Trend.Rows}}<tr><td>{{.Measure}}</td><td class="n">{{.First}}</td><td class="n">{{.Last}}</td><td class="n">{{.Change}}</td></tr>
{{end}}</table>{{end}}
<p>{{L "A change of about 2 points or 30 % on a 0–10 scale is usually counted as meaningful (Farrar et al., Pain 2001; Ostelo et al., Spine 2008)."}}</p>
</section>

<section>
<h2>{{L "Sessions a week (last {{.Weeks}} weeks)" "Weeks" (len .Weeks)}}</h2>
<p>{{.WeeksMean}}</p>
<table>
<tr><th>{{L "Week from Monday"}}</th><th class="n">{{L "Sessions"}}</th><th class="n">{{L "Minutes"}}</th><th class="n">{{L "Green"}}</th><th class="n">{{L "Amber"}}</th><th class="n">{{L "Red"}}</th><th class="n">{{L "Highest pain during"}}</th><th class="n">{{L "Walking (min)"}}</th></tr>
{{range .Weeks}}<tr{{if .ThisWeek}} class="current"{{end}}><td>{{.Week}}{{if .ThisWeek}} {{L "(this week so far)"}}{{end}}</td>{{if .Before}}<td colspan="7" class="before">{{L "before the first record"}}</td>{{else}}<td class="n">{{.Sessions}}{{if .Provisional}} {{L "({{.Count}} provisional)" "Count" .Provisional}}{{end}}</td><td class="n">{{.Minutes}}</td><td class="n">{{.Green}}</td><td class="n">{{.Amber}}</td><td class="n">{{.Red}}</td><td class="n">{{.MaxPain}}</td><td class="n">{{.WalkMinutes}}</td>{{end}}</tr>
{{end}}</table>
<p>{{L "A light is provisional until the next morning's rating, or 24 hours without one. Walking is logged by the user; Steady's walking goal builds towards 30 minutes on 5 days a week (Pocovi et al., WalkBack, Lancet 2024)."}}</p>
</section>

<section>
<h2>{{L "Path through the levels"}}</h2>
{{if .Levels}}<table>
<tr><th>{{L "Level and dose step"}}</th><th>{{L "From"}}</th><th>{{L "To"}}</th><th class="n">{{L "Sessions"}}</th></tr>
{{range .Levels}}<tr><td>{{.Level}}</td><td>{{.From}}</td><td>{{.To}}</td><td class="n">{{.Sessions}}</td></tr>
{{end}}</table>{{else}}<p>{{L "No sessions yet."}}</p>{{end}}
</section>

<section>
<h2>{{L "New numbness or weakness reported"}}</h2>
{{if .NumbWeak}}<ul>{{range .NumbWeak}}<li>{{.}}</li>{{end}}</ul>{{else}}<p>{{L "None reported."}}</p>{{end}}
</section>

<section>
<h2>{{L "About these records"}}</h2>
<p class="note">{{L "Steady is not a substitute for a clinician. It cannot examine anyone or diagnose anything; these are the user's own ratings."}}
{{L "Steady's traffic lights (green: move on, amber: repeat, red: step back) are an adaptation of the pain-monitoring model of Silbernagel et al. (Am J Sports Med 2007;35:897), which was tested for Achilles tendinopathy, not for low back pain."}}</p>
</section>
</body>
</html>
`))

// reportL is the template's L: the message in the user's language, its
// inputs given as name, value pairs ({{L "Made on {{.Date}}." "Date" .Generated}}).
func reportL(msg string, kv ...any) string {
	data := locale.Args{}
	for i := 0; i+1 < len(kv); i += 2 {
		name, _ := kv[i].(string)
		data[name] = kv[i+1]
	}
	return locale.L(msg, data)
}

// functionReport is the report's function section: each activity, current
// ones first, with its first and latest rating (0 unable to 10 as before).
func functionReport(l locale.Locale, f coach.Function) ([]functionRow, string) {
	if len(f.Current) == 0 && len(f.Archived) == 0 {
		return nil, l.L("No activities named yet.")
	}
	type span struct {
		first, latest     int
		firstAt, latestAt time.Time
		rated             bool
	}
	spans := map[string]*span{}
	for _, r := range f.Ratings {
		s, ok := spans[r.Activity]
		if !ok {
			s = &span{first: r.Score, firstAt: r.Time, rated: true}
			spans[r.Activity] = s
		}
		s.latest, s.latestAt = r.Score, r.Time
	}
	var rows []functionRow
	for _, list := range [][]journal.Activity{f.Current, f.Archived} {
		for _, a := range list {
			row := functionRow{Activity: a.Name, First: "—", Latest: "—", Change: "—", Replaced: !a.Archived.IsZero()}
			if s := spans[a.ID]; s != nil {
				row.First = fmt.Sprintf("%d (%s)", s.first, l.ShortDate(s.firstAt))
				row.Latest = fmt.Sprintf("%d (%s)", s.latest, l.ShortDate(s.latestAt))
				row.Change = fmt.Sprintf("%+d", s.latest-s.first)
			}
			rows = append(rows, row)
		}
	}
	summary := l.L("Each activity is rated from 0 (unable to do it) to 10 (able to do it as before the back problem); a change of about 2 points in the average is the figure commonly used as meaningful (Stratford et al. 1995), a convention.")
	if line := explain.Function(f.Score); line != "" {
		summary = line + " " + summary
	}
	return rows, summary
}
