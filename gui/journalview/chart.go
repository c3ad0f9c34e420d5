package journalview

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/locale"
	"steady/program"
)

// A rating is one check-in as the chart sees it; NoValue where a scale was
// not rated.
type rating struct {
	at                   time.Time
	back, leg, tightness int
	morning              bool
}

// A series is one of the chart's lines; it picks the line's colour.
type series int

const (
	seriesTightness series = iota
	seriesLeg
	seriesBack
	seriesFunction // the function score, week by week
)

// seriesStyle says how one line of the chart is told apart: by colour and
// also by dash pattern and marker shape. label is what the legend shows,
// in the user's language.
type seriesStyle struct {
	series series
	label  string
	value  func(rating) int
	dash   []float32 // in Fyne units; nil is solid
	marker markerShape
}

// chartSeries lists the chart's lines, drawn in this order (the last on top).
func chartSeries() []seriesStyle {
	return []seriesStyle{
		{series: seriesTightness, label: locale.L("Tightness"), value: func(r rating) int { return r.tightness }, dash: []float32{1.5, 3.5}, marker: markerTriangle},
		{series: seriesLeg, label: locale.L("Leg pain"), value: func(r rating) int { return r.leg }, dash: []float32{7, 4}, marker: markerSquare},
		{series: seriesBack, label: locale.L("Back pain"), value: func(r rating) int { return r.back }, marker: markerCircle},
	}
}

// seriesColour picks colours from the Okabe–Ito palette, which stays apart
// for the common kinds of colour blindness, lighter ones on dark backgrounds.
func seriesColour(s series, dark bool) color.Color {
	switch s {
	case seriesBack:
		if dark {
			return color.NRGBA{R: 0x56, G: 0xb4, B: 0xe9, A: 0xff}
		}
		return color.NRGBA{R: 0x00, G: 0x72, B: 0xb2, A: 0xff}
	case seriesFunction:
		// Okabe–Ito bluish green.
		if dark {
			return color.NRGBA{R: 0x3f, G: 0xc8, B: 0x9a, A: 0xff}
		}
		return color.NRGBA{R: 0x00, G: 0x9e, B: 0x73, A: 0xff}
	case seriesLeg:
		if dark {
			return color.NRGBA{R: 0xe6, G: 0x9f, B: 0x00, A: 0xff}
		}
		return color.NRGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0xff}
	default:
		if dark {
			return color.NRGBA{R: 0xe0, G: 0x8f, B: 0xc0, A: 0xff}
		}
		return color.NRGBA{R: 0x88, G: 0x3f, B: 0x8f, A: 0xff}
	}
}

// A chartRange is a choice of the range selector; 0 days is everything.
type chartRange struct {
	label string
	days  int
}

// chartRanges are the choices of the range selector, named in the user's
// language (the selector compares the chosen label with these).
func chartRanges() []chartRange {
	return []chartRange{
		{locale.L("7 days"), 7},
		{locale.L("30 days"), 30},
		{locale.L("90 days"), 90},
		{locale.L("1 year"), 365},
		{locale.L("All"), 0},
	}
}

// dailyAfter is the range (in days) above which the chart plots one mean
// per day instead of every check-in.
const dailyAfter = 30

// A Chart draws back pain, leg pain and tightness over time, the baseline
// with its band of meaningful change, and the days with a session.
type Chart struct {
	widget.BaseWidget

	ratings  []rating    // oldest first
	sessions []time.Time // oldest first
	baseline float64     // NaN while there is none
	band     float64     // half-width of the meaningful-change band around it
	mornings int         // morning back-pain ratings the baseline rests on
	// function is the function score week by week (program.FunctionScore
	// at each week's end); functionFirst the first average, the centre of
	// its meaningful-change band (program.FunctionBand), NaN when none.
	function      []chartPoint
	functionFirst float64
	days          int // range shown, 0 for all
	now           func() time.Time
}

// newChart returns an empty chart showing the last days days.
func newChart(days int, now func() time.Time) *Chart {
	c := &Chart{days: days, baseline: math.NaN(), functionFirst: math.NaN(), now: now}
	c.ExtendBaseWidget(c)
	return c
}

// setData replaces what the chart shows with the journal's records, and
// the baseline and band the rules worked out (program.Baseline and
// program.Band: the chart draws them and defines neither).
func (c *Chart) setData(r coach.Records) {
	c.fill(r)
	c.Refresh()
}

// fill sets the chart's data without redrawing it.
func (c *Chart) fill(r coach.Records) {
	c.ratings = ratingsOf(r.Entries)
	sort.SliceStable(c.ratings, func(i, j int) bool { return c.ratings[i].at.Before(c.ratings[j].at) })
	c.sessions = sessionTimes(r.Sessions)
	sort.Slice(c.sessions, func(i, j int) bool { return c.sessions[i].Before(c.sessions[j]) })
	c.baseline, c.band, c.mornings = math.NaN(), 0, r.Mornings
	if r.Ready {
		c.baseline, c.band = r.Baseline, r.Band
	}
	c.function, c.functionFirst = nil, math.NaN()
	for _, w := range r.Function.Weeks {
		c.function = append(c.function, chartPoint{at: w.At, v: w.Score})
	}
	if f := r.Function.Score; f.Rated {
		c.functionFirst = f.FirstAverage
	}
}

// setRange shows the last days days, or everything for 0.
func (c *Chart) setRange(days int) {
	c.days = days
	c.Refresh()
}

// span is the time range shown: whole days up to the end of today.
func (c *Chart) span() (from, to time.Time) {
	now := c.now()
	to = startOfDay(now).AddDate(0, 0, 1)
	days := c.days
	if days == 0 {
		days = 7
		if len(c.ratings) > 0 {
			days = max(days, daysBetween(startOfDay(c.ratings[0].at), to))
		}
		if len(c.sessions) > 0 {
			days = max(days, daysBetween(startOfDay(c.sessions[0]), to))
		}
	}
	return to.AddDate(0, 0, -days), to
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

func daysBetween(a, b time.Time) int {
	return int(math.Round(b.Sub(a).Hours() / 24))
}

// chartPoint is one plotted value.
type chartPoint struct {
	at time.Time
	v  float64
}

// points are the values of one series within [from, to): every rating, or
// one mean per day for long ranges.
func (c *Chart) points(s seriesStyle, from, to time.Time) []chartPoint {
	daily := c.days == 0 || c.days > dailyAfter
	var out []chartPoint
	var day time.Time
	var sum, n float64
	flush := func() {
		if n > 0 {
			out = append(out, chartPoint{at: day.Add(12 * time.Hour), v: sum / n})
		}
		sum, n = 0, 0
	}
	for _, r := range c.ratings {
		v := s.value(r)
		if v == NoValue || r.at.Before(from) || !r.at.Before(to) {
			continue
		}
		if !daily {
			out = append(out, chartPoint{at: r.at, v: float64(v)})
			continue
		}
		if d := startOfDay(r.at); !d.Equal(day) {
			flush()
			day = d
		}
		sum += float64(v)
		n++
	}
	flush()
	return out
}

// gapBreak is how far apart two ratings may be and still be joined by a line.
const gapBreak = 3 * 24 * time.Hour

// CreateRenderer builds the plot, axes and legend.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.plot = canvas.NewRaster(r.draw)
	r.objects = append(r.objects, r.plot)
	for i := range r.yLabels {
		r.yLabels[i] = canvas.NewText(fmt.Sprint(2*i), nil)
		r.yLabels[i].Alignment = fyne.TextAlignTrailing
		r.objects = append(r.objects, r.yLabels[i])
	}
	for i := range r.xLabels {
		r.xLabels[i] = canvas.NewText("", nil)
		r.xLabels[i].Hide()
		r.objects = append(r.objects, r.xLabels[i])
	}
	for i := range r.legend {
		it := &r.legend[i]
		it.kind = legendOrder[i]
		it.swatch = canvas.NewRaster(func(w, h int) image.Image { return drawSwatch(it.kind, w, h, r.colours()) })
		r.objects = append(r.objects, it.swatch)
		for j := range it.lines {
			it.lines[j] = canvas.NewText("", nil)
			r.objects = append(r.objects, it.lines[j])
		}
	}
	r.empty = canvas.NewText("", nil)
	r.empty.Alignment = fyne.TextAlignCenter
	r.objects = append(r.objects, r.empty)
	r.Refresh()
	return r
}

// Legend entries after the three series.
const (
	legendBaseline = 3
	legendSession  = 4
	legendFunction = 5 // only while there is a function score
	legendItems    = 6
)

// legendOrder lists the legend entries as read: back pain first.
var legendOrder = [legendItems]int{2, 1, 0, legendBaseline, legendSession, legendFunction}

// legendLines is the most lines one legend entry wraps to in a narrow
// chart.
const legendLines = 4

type legendItem struct {
	kind   int
	text   string // "" for an entry not shown
	swatch *canvas.Raster
	lines  [legendLines]*canvas.Text // text, wrapped to the chart's width
}

// chartGeom is where things are, in Fyne units relative to the raster.
type chartGeom struct {
	w, h           float32 // raster size
	x0, x1, y0, y1 float32 // plot area: x0,y1 is (from, 0); x1,y0 is (to, 10)
	from, to       time.Time
}

func (g chartGeom) x(t time.Time) float32 {
	f := float32(t.Sub(g.from).Seconds() / g.to.Sub(g.from).Seconds())
	return g.x0 + f*(g.x1-g.x0)
}

func (g chartGeom) y(v float64) float32 {
	return g.y1 - float32(v/scaleMax)*(g.y1-g.y0)
}

// Sizes in the chart, in Fyne units.
const (
	chartLine    = 2
	chartMarker  = 3.6
	chartStrip   = 12 // session marks under the plot
	chartInset   = 8
	swatchWidth  = 34
	swatchHeight = 16
)

type chartRenderer struct {
	c       *Chart
	plot    *canvas.Raster
	yLabels [scaleMax/2 + 1]*canvas.Text
	xLabels [16]*canvas.Text
	ticks   []time.Time
	legend  [legendItems]legendItem
	empty   *canvas.Text
	objects []fyne.CanvasObject
	geom    chartGeom
	briefH  float32 // the brief legend's height at the last layout's width
}

// chartColours are the theme colours a chart is drawn in.
type chartColours struct {
	fg, sep, bg color.Color
	dark        bool
}

func (r *chartRenderer) colours() chartColours {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := th.Color(theme.ColorNameBackground, v)
	return chartColours{fg: th.Color(theme.ColorNameForeground, v), sep: th.Color(theme.ColorNameSeparator, v), bg: bg, dark: isDark(bg)}
}

func (r *chartRenderer) textSize() float32 { return r.c.Theme().Size(theme.SizeNameText) }

func (r *chartRenderer) captionSize() float32 {
	return r.c.Theme().Size(theme.SizeNameCaptionText) * 1.1
}

// chartPlotMin is the least height of the plot under the legend.
const chartPlotMin = 80

// MinSize leaves the plot room under the brief legend, which wraps to
// more rows in a narrow chart: the height follows the legend's at the last
// layout, and the window lays the chart out again when that changes.
func (r *chartRenderer) MinSize() fyne.Size {
	pad := r.c.Theme().Size(theme.SizeNamePadding)
	axis := fyne.MeasureText("10", r.captionSize(), fyne.TextStyle{})
	return fyne.NewSize(360, max(180, r.briefH+3*pad+chartPlotMin+axis.Height))
}

// placeLegend places the legend items in rows within width and returns
// the height they take; brief leaves out the long explanations (the
// baseline's and the function score's), for a chart with little height.
// With place false it only measures.
func (r *chartRenderer) placeLegend(width float32, brief, place bool) float32 {
	pad := r.c.Theme().Size(theme.SizeNamePadding)
	size := r.textSize()
	measure := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	lineH := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	var x, y, rowH float32
	for i := range r.legend {
		it := &r.legend[i]
		shown := it.text != "" && !(brief && (it.kind == legendBaseline || it.kind == legendFunction))
		if place {
			for _, l := range it.lines {
				l.Hide()
			}
			it.swatch.Hide()
		}
		if !shown {
			continue
		}
		lines := wrapText(it.text, width-swatchWidth-pad, measure, legendLines)
		var textW float32
		for _, l := range lines {
			textW = max(textW, measure(l))
		}
		w := swatchWidth + pad + textW
		h := max(swatchHeight, lineH*float32(len(lines)))
		if x > 0 && (x+w > width || rowH != h) {
			x, y = 0, y+rowH+pad
		}
		rowH = h
		if place {
			it.swatch.Move(fyne.NewPos(x, y+(h-swatchHeight)/2))
			it.swatch.Resize(fyne.NewSize(swatchWidth, swatchHeight))
			it.swatch.Show()
			top := y + (h-lineH*float32(len(lines)))/2
			for j, l := range lines {
				t := it.lines[j]
				t.Text = l
				t.Move(fyne.NewPos(x+swatchWidth+pad, top+float32(j)*lineH))
				t.Resize(fyne.NewSize(measure(l), lineH))
				t.Show()
				t.Refresh()
			}
		}
		x += w + 4*pad
	}
	return y + rowH
}

// wrapText breaks text at spaces into at most maxLines lines that fit
// within width as measure measures them; a word wider than width has a
// line of its own, and the last line takes whatever is left.
func wrapText(text string, width float32, measure func(string) float32, maxLines int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case len(lines) < maxLines-1 && measure(line+" "+word) > width:
			lines = append(lines, line)
			line = word
		default:
			line += " " + word
		}
	}
	return append(lines, line)
}

func (r *chartRenderer) Layout(size fyne.Size) {
	th := r.c.Theme()
	pad := th.Size(theme.SizeNamePadding)
	axis := fyne.MeasureText("10", r.captionSize(), fyne.TextStyle{})
	// The whole legend while the plot keeps its room under it, else the
	// brief one (the series only).
	brief := size.Height-r.placeLegend(size.Width, false, false)-3*pad-axis.Height < chartPlotMin
	legendH := r.placeLegend(size.Width, brief, true)
	r.briefH = r.placeLegend(size.Width, true, false)
	left := axis.Width + 2*pad
	top := legendH + 2*pad
	g := chartGeom{w: size.Width - left - pad, h: size.Height - top - axis.Height - pad}
	g.x0, g.x1 = chartInset, g.w-chartInset
	g.y0, g.y1 = chartInset, g.h-chartStrip-chartInset/2
	g.from, g.to = r.c.span()
	r.geom = g
	r.plot.Move(fyne.NewPos(left, top))
	r.plot.Resize(fyne.NewSize(g.w, g.h))

	// A label every 2 points, or every 4 (0, 4, 8) when they would touch.
	every := 1
	if g.y(0)-g.y(2) < axis.Height {
		every = 2
	}
	for i, l := range r.yLabels {
		y := top + g.y(float64(2*i)) - axis.Height/2
		l.Move(fyne.NewPos(0, y))
		l.Resize(fyne.NewSize(axis.Width+pad, axis.Height))
		if i%every == 0 {
			l.Show()
		} else {
			l.Hide()
		}
	}

	sample := tickSampleWidth(func(s string) float32 {
		return fyne.MeasureText(s, r.captionSize(), fyne.TextStyle{}).Width
	})
	maxLabels := int((g.x1 - g.x0) / (sample + 4*pad))
	ticks, labels := dateTicks(g.from, g.to, max(2, min(maxLabels, len(r.xLabels))))
	r.ticks = ticks
	for i, l := range r.xLabels {
		if i >= len(ticks) {
			l.Hide()
			continue
		}
		l.Text = labels[i]
		l.Refresh()
		ts := fyne.MeasureText(l.Text, l.TextSize, l.TextStyle)
		at := ticks[i]
		if daysBetween(g.from, g.to) <= 2*len(r.xLabels) && len(ticks) == daysBetween(g.from, g.to) {
			at = at.Add(12 * time.Hour) // one label a day: centre it on the day
		}
		x := left + g.x(at) - ts.Width/2
		x = max(0, min(size.Width-ts.Width, x))
		l.Move(fyne.NewPos(x, top+g.h))
		l.Resize(ts)
		l.Show()
	}
	r.empty.Move(fyne.NewPos(left, top+g.h/3))
	r.empty.Resize(fyne.NewSize(g.w, fyne.MeasureText("Mg", r.empty.TextSize, r.empty.TextStyle).Height))
}

func (r *chartRenderer) Refresh() {
	c := r.c
	fg := r.colours().fg
	for _, l := range r.yLabels {
		l.Color, l.TextSize = fg, r.captionSize()
		l.Refresh()
	}
	for _, l := range r.xLabels {
		l.Color, l.TextSize = fg, r.captionSize()
	}
	for i := range r.legend {
		it := &r.legend[i]
		it.text = c.legendLabel(it.kind)
		for _, l := range it.lines {
			l.Color, l.TextSize = fg, r.textSize()
		}
		it.swatch.Refresh()
	}
	from, to := c.span()
	r.empty.Text = ""
	if !c.anyIn(from, to) {
		r.empty.Text = locale.L("No ratings in this range yet")
		if len(c.ratings) == 0 {
			r.empty.Text = locale.L("No ratings yet: your check-ins will show here")
		}
	}
	r.empty.Color, r.empty.TextSize = fg, r.textSize()
	r.empty.Refresh()
	r.Layout(c.Size())
	r.plot.Refresh()
}

// legendLabel is the legend's text for entry kind; "" for an entry not
// shown (the function score before any activity is rated).
func (c *Chart) legendLabel(kind int) string {
	switch kind {
	case legendBaseline:
		return baselineLegend(c.baseline, c.band, c.mornings)
	case legendSession:
		return locale.L("Session day")
	case legendFunction:
		if len(c.function) == 0 {
			return ""
		}
		return locale.L("What you can do (weekly), ±2 from the start")
	}
	return chartSeries()[kind].label
}

// anyIn tells whether a rating falls in [from, to).
func (c *Chart) anyIn(from, to time.Time) bool {
	for _, r := range c.ratings {
		if !r.at.Before(from) && r.at.Before(to) {
			return true
		}
	}
	return false
}

// baselineLegend explains the baseline line and its band.
func baselineLegend(baseline, band float64, mornings int) string {
	if math.IsNaN(baseline) {
		return locale.L("Baseline: after {{.Needed}} morning check-ins ({{.SoFar}} so far)",
			locale.Args{"Needed": program.BaselineMinimum, "SoFar": mornings})
	}
	l := locale.Current()
	return locale.L("Baseline {{.Baseline}} (median of last {{.Mornings}} mornings); shaded ±{{.Band}} = a meaningful change",
		locale.Args{"Baseline": l.Number(baseline, 1), "Mornings": mornings, "Band": l.Number(band, 1)})
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Destroy() {}

// draw renders the plot at w×h pixels.
func (r *chartRenderer) draw(w, h int) image.Image {
	p := newPen(w, h)
	if r.geom.w <= 0 || r.geom.h <= 0 {
		return p.img
	}
	r.c.drawPlot(p, pt{}, float32(w)/r.geom.w, r.geom, r.ticks, r.colours())
	return p.img
}

// drawPlot draws the plot area of geometry g with its top left corner at
// origin (in pixels), s pixels to a Fyne unit, with grid lines at ticks.
func (c *Chart) drawPlot(p *pen, origin pt, s float32, g chartGeom, ticks []time.Time, col chartColours) {
	fg, sep, bg, dark := col.fg, col.sep, col.bg, col.dark
	px := func(t time.Time, v float64) pt { return pt{origin.x + g.x(t)*s, origin.y + g.y(v)*s} }
	rect := func(x0, y0, x1, y1 float32) { p.rect(origin.x+x0, origin.y+y0, origin.x+x1, origin.y+y1) }

	// Grid: a line every 2 points and at every date label.
	for v := 0; v <= scaleMax; v += 2 {
		y := g.y(float64(v)) * s
		rect(g.x0*s, y-0.5*s, g.x1*s, y+0.5*s)
	}
	p.fill(sep)
	for _, t := range ticks {
		x := g.x(t) * s
		rect(x-0.5*s, g.y0*s, x+0.5*s, g.y1*s)
	}
	p.fill(withAlpha(sep, 0.6))

	// Baseline and its band of meaningful change.
	if !math.IsNaN(c.baseline) {
		b := c.band
		lo, hi := math.Max(0, c.baseline-b), math.Min(scaleMax, c.baseline+b)
		rect(g.x0*s, g.y(hi)*s, g.x1*s, g.y(lo)*s)
		p.fill(withAlpha(seriesColour(seriesBack, dark), 0.16))
		y := origin.y + g.y(c.baseline)*s
		p.polyline([]pt{{origin.x + g.x0*s, y}, {origin.x + g.x1*s, y}}, 1.5*s, []float32{10 * s, 5 * s})
		p.fill(withAlpha(fg, 0.75))
	}

	// The function score's band of meaningful change around its start
	// (2 points, a convention: CLINICAL.md §8).
	if !math.IsNaN(c.functionFirst) && len(c.function) > 0 {
		lo, hi := math.Max(0, c.functionFirst-program.FunctionBand), math.Min(scaleMax, c.functionFirst+program.FunctionBand)
		rect(g.x0*s, g.y(hi)*s, g.x1*s, g.y(lo)*s)
		p.fill(withAlpha(seriesColour(seriesFunction, dark), 0.12))
	}

	// Session days: a bar in the strip under the plot.
	daily := c.days == 0 || c.days > dailyAfter
	dayW := min(4, (g.x1-g.x0)/float32(daysBetween(g.from, g.to))*0.6)
	for _, t := range c.sessions {
		if t.Before(g.from) || !t.Before(g.to) {
			continue
		}
		if daily {
			t = startOfDay(t).Add(12 * time.Hour)
		}
		x := g.x(t) * s
		rect(x-dayW/2*s, (g.h-chartStrip+3)*s, x+dayW/2*s, g.h*s)
	}
	p.fill(withAlpha(fg, 0.7))

	// The series: lines, then markers on a halo of background.
	for _, st := range chartSeries() {
		pts := c.points(st, g.from, g.to)
		colour := seriesColour(st.series, dark)
		var dash []float32
		for _, d := range st.dash {
			dash = append(dash, d*s)
		}
		run := []pt{}
		for i, q := range pts {
			if i > 0 && q.at.Sub(pts[i-1].at) > gapBreak {
				p.polyline(run, chartLine*s, dash)
				run = run[:0]
			}
			run = append(run, px(q.at, q.v))
		}
		p.polyline(run, chartLine*s, dash)
		p.fill(colour)
		if len(pts) == 0 || float32(len(pts)) > (g.x1-g.x0)/(3*chartMarker) {
			continue
		}
		for _, q := range pts {
			p.marker(st.marker, px(q.at, q.v), (chartMarker+1.5)*s)
		}
		p.fill(bg)
		for _, q := range pts {
			p.marker(st.marker, px(q.at, q.v), chartMarker*s)
		}
		p.fill(colour)
	}

	// The function score, week by week: a line of diamonds.
	var run []pt
	var marks []pt
	for _, q := range c.function {
		if q.at.Before(g.from) || !q.at.Before(g.to) {
			continue
		}
		run = append(run, px(q.at, q.v))
	}
	marks = append(marks, run...)
	colour := seriesColour(seriesFunction, dark)
	p.polyline(run, chartLine*1.4*s, []float32{3 * s, 2 * s})
	p.fill(colour)
	for _, m := range marks {
		p.marker(markerDiamond, m, (chartMarker+1.5)*s)
	}
	p.fill(bg)
	for _, m := range marks {
		p.marker(markerDiamond, m, chartMarker*s)
	}
	p.fill(colour)
}

// drawSwatch renders legend entry kind at w×h pixels.
func drawSwatch(kind, w, h int, col chartColours) image.Image {
	p := newPen(w, h)
	drawSwatchAt(p, pt{}, float32(w)/swatchWidth, kind, col)
	return p.img
}

// drawSwatchAt draws legend entry kind with its top left corner at origin,
// s pixels to a Fyne unit.
func drawSwatchAt(p *pen, origin pt, s float32, kind int, col chartColours) {
	fg, bg, dark := col.fg, col.bg, col.dark
	w, h := swatchWidth*s, swatchHeight*s
	x0, mid := origin.x, origin.y+h/2
	switch kind {
	case legendBaseline:
		p.rect(x0, mid-5*s, x0+w, mid+5*s)
		p.fill(withAlpha(seriesColour(seriesBack, dark), 0.16))
		p.polyline([]pt{{x0, mid}, {x0 + w, mid}}, 1.5*s, []float32{10 * s, 5 * s})
		p.fill(withAlpha(fg, 0.75))
	case legendSession:
		x := x0 + w/2
		p.rect(x-2.5*s, mid-5*s, x+2.5*s, mid+5*s)
		p.fill(withAlpha(fg, 0.7))
	case legendFunction:
		colour := seriesColour(seriesFunction, dark)
		p.rect(x0, mid-5*s, x0+w, mid+5*s)
		p.fill(withAlpha(colour, 0.12))
		p.polyline([]pt{{x0 + 1*s, mid}, {x0 + w - 1*s, mid}}, chartLine*1.4*s, []float32{3 * s, 2 * s})
		p.fill(colour)
		c := pt{x0 + w/2, mid}
		p.marker(markerDiamond, c, (chartMarker+1.5)*s)
		p.fill(bg)
		p.marker(markerDiamond, c, chartMarker*s)
		p.fill(colour)
	default:
		st := chartSeries()[kind]
		colour := seriesColour(st.series, dark)
		var dash []float32
		for _, d := range st.dash {
			dash = append(dash, d*s)
		}
		p.polyline([]pt{{x0 + 1*s, mid}, {x0 + w - 1*s, mid}}, chartLine*s, dash)
		p.fill(colour)
		c := pt{x0 + w/2, mid}
		p.marker(st.marker, c, (chartMarker+1.5)*s)
		p.fill(bg)
		p.marker(st.marker, c, chartMarker*s)
		p.fill(colour)
	}
}

// dateTicks picks at most maxLabels evenly spaced dates in [from, to) for
// the time axis, with their labels.
func dateTicks(from, to time.Time, maxLabels int) ([]time.Time, []string) {
	type step struct {
		days, months int
	}
	steps := []step{{days: 1}, {days: 2}, {days: 7}, {days: 14}, {months: 1}, {months: 2}, {months: 3}, {months: 6}, {months: 12}}
	for i, st := range steps {
		var ticks []time.Time
		var labels []string
		switch {
		case st.days > 0:
			t := startOfDay(from)
			if st.days >= 7 { // weekly ticks on Mondays
				for t.Weekday() != time.Monday {
					t = t.AddDate(0, 0, 1)
				}
			}
			for ; t.Before(to); t = t.AddDate(0, 0, st.days) {
				ticks = append(ticks, t)
				if st.days == 1 {
					labels = append(labels, weekdayDayLabel(t))
				} else {
					labels = append(labels, dayMonthLabel(t))
				}
			}
		default:
			t := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, from.Location())
			for t.Before(from) || (int(t.Month())-1)%st.months != 0 {
				t = t.AddDate(0, 1, 0)
			}
			for ; t.Before(to); t = t.AddDate(0, st.months, 0) {
				ticks = append(ticks, t)
				switch {
				case st.months == 12:
					labels = append(labels, strconv.Itoa(t.Year()))
				case t.Month() == time.January || len(labels) == 0:
					labels = append(labels, monthYearLabel(t))
				default:
					labels = append(labels, locale.Current().MonthShort(t.Month()))
				}
			}
		}
		if len(ticks) <= maxLabels || i == len(steps)-1 {
			return ticks, labels
		}
	}
	return nil, nil
}

// The time axis's labels, in the user's language.

// weekdayDayLabel labels a day by its weekday and date: "Mon 2".
func weekdayDayLabel(t time.Time) string {
	return locale.L("{{.Weekday}} {{.Day}}", locale.Args{"Weekday": locale.Current().WeekdayShort(t.Weekday()), "Day": t.Day()})
}

// dayMonthLabel labels a day by its date and month: "2 Jan".
func dayMonthLabel(t time.Time) string {
	return locale.L("{{.Day}} {{.Month}}", locale.Args{"Day": t.Day(), "Month": locale.Current().MonthShort(t.Month())})
}

// monthYearLabel labels a month of a year: "Jan 2026".
func monthYearLabel(t time.Time) string {
	return locale.L("{{.Month}} {{.Year}}", locale.Args{"Month": locale.Current().MonthShort(t.Month()), "Year": t.Year()})
}

// tickSampleWidth is the width, as measure gives it, of a wide day label
// on the time axis, to work out how many labels fit: "Wed 30", or a
// language's wider "30 Sep" ("30. Sept.").
func tickSampleWidth(measure func(string) float32) float32 {
	wed30 := time.Date(2026, time.September, 30, 12, 0, 0, 0, time.UTC)
	return max(measure(weekdayDayLabel(wed30)), measure(dayMonthLabel(wed30)))
}
