package journalview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"steady/coach"
)

// Naming two activities from the keyboard: type a name, type a digit on
// its scale, Enter saves through the coach; the Journal then shows the
// score, each activity's card and a chart series.
func TestNamingRerateAndChart(t *testing.T) {
	test.NewTempApp(t)
	c, _, clock := openStoreAt(t, testNow.AddDate(0, 0, -14))
	if _, err := c.Begin(coach.Beginning{Answers: map[string]bool{}, Level: 1}); err != nil {
		t.Fatal(err)
	}
	n := NewNaming(3)
	w := test.NewTempWindow(t, n.Content())
	var saved []coach.NamedActivity
	n.OnSave = func(list []coach.NamedActivity) error {
		saved = list
		_, err := c.NameActivities(list)
		return err
	}
	test.Type(n.Names[0], "Putting on socks")
	n.Names[1].SetText("Sitting through a film")
	w.Canvas().Focus(n.Scales[0])
	test.Type(n.Scales[0], "3")
	n.Save()
	if saved != nil {
		t.Fatalf("saved %v with the second activity unrated; want a problem shown", saved)
	}
	w.Canvas().Focus(n.Scales[1])
	test.Type(n.Scales[1], "5")
	n.Scales[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(saved) != 2 || saved[0] != (coach.NamedActivity{Name: "Putting on socks", Score: 3}) || saved[1].Score != 5 {
		t.Fatalf("Enter saved %+v, want socks 3 and film 5", saved)
	}

	// A week later: the re-rating, then the Journal.
	clock.Advance(7 * 24 * 60 * 60 * 1e9)
	f, err := c.Function()
	if err != nil || !f.Due {
		t.Fatalf("a week on: got %+v, %v; want the re-rating due", f, err)
	}
	r := NewRerate(f)
	var scores map[string]int
	r.OnSave = func(s map[string]int) error { scores = s; _, err := c.RateFunction(s); return err }
	test.NewTempWindow(t, r.Content())
	test.Type(r.Scales[0], "8")
	test.Type(r.Scales[1], "9")
	r.Scales[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if scores[f.Current[0].ID] != 8 || scores[f.Current[1].ID] != 9 {
		t.Fatalf("re-rating saved %v, want 8 and 9", scores)
	}
	clock.Advance(60 * 1e9)
	rec, err := c.Journal()
	if err != nil {
		t.Fatal(err)
	}
	cards := FunctionCards(rec.Function)
	if len(cards) != 2 || cards[0] != "Putting on socks: from 3 to 8 since Fri 6 Mar" {
		t.Errorf("cards %q, want socks from 3 to 8", cards)
	}
	ch := newChart(30, clock.Now)
	ch.setData(rec)
	if len(ch.function) != 2 || ch.function[0].v != 4 || ch.function[1].v != 8.5 || ch.functionFirst != 4 {
		t.Errorf("chart function series %+v (first %v), want weeks at 4 then 8.5 around a start of 4", ch.function, ch.functionFirst)
	}
	if got := ch.legendLabel(legendFunction); got == "" {
		t.Error("no legend entry for the function score")
	}
	var report strings.Builder
	if err := WriteReport(&report, rec, clock.Now()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Patient-Specific Functional Scale", "<td>Putting on socks</td><td class=\"n\">3 (6 Mar 2026)</td><td class=\"n\">8 (13 Mar 2026)</td>", "5</td></tr>"} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("report: want %q in the function section", want)
		}
	}
}
