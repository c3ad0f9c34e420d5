package journalview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestChartRendersNinetyDays(t *testing.T) {
	for _, tc := range []struct {
		name    string
		variant fyne.ThemeVariant
		days    int
	}{
		{"light_90", theme.VariantLight, 90},
		{"dark_90", theme.VariantDark, 90},
		{"light_7", theme.VariantLight, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(variantTheme{tc.variant})
			es, ss := sampleRecords(120)
			c := newChart(tc.days, fixedNow)
			c.setData(recordsOf(es, ss, nil, testNow))
			w := test.NewTempWindow(t, c)
			w.Resize(fyne.NewSize(860, 420))
			test.AssertImageMatches(t, "chart_"+tc.name+".png", w.Canvas().Capture())
		})
	}
}
