package journalview

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/locale"
)

// chartPanel is the chart with its title and range selector.
type chartPanel struct {
	chart   *Chart
	ranges  *widget.Select
	caption *widget.Label
	content fyne.CanvasObject
}

// defaultRange is the range the chart opens at, in days.
const defaultRange = 30

func newChartPanel(now func() time.Time) *chartPanel {
	p := &chartPanel{chart: newChart(defaultRange, now)}
	var labels []string
	for _, r := range chartRanges() {
		labels = append(labels, r.label)
	}
	p.ranges = widget.NewSelect(labels, p.rangeChosen)
	p.caption = &widget.Label{TextStyle: fyne.TextStyle{Italic: true}}
	title := &widget.Label{Text: locale.L("Pain and tightness"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	header := container.New(&barLayout{}, container.NewHBox(title, p.caption), p.ranges)
	p.content = container.NewBorder(header, nil, nil, nil, p.chart)
	p.ranges.SetSelected(rangeLabel(defaultRange))
	return p
}

func rangeLabel(days int) string {
	for _, r := range chartRanges() {
		if r.days == days {
			return r.label
		}
	}
	return ""
}

func (p *chartPanel) rangeChosen(label string) {
	for _, r := range chartRanges() {
		if r.label != label {
			continue
		}
		p.chart.setRange(r.days)
		if r.days == 0 || r.days > dailyAfter {
			p.caption.SetText(locale.L("daily averages"))
		} else {
			p.caption.SetText(locale.L("every check-in"))
		}
	}
}
