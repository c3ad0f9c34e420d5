package journalview

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"steady/gui/keys"
	"steady/journal"
	"steady/locale"
	"steady/program"
)

// inLanguage sets the process's locale to name for the test.
func inLanguage(t *testing.T, name string) {
	t.Helper()
	l, ok := locale.Parse(name)
	if !ok {
		t.Fatalf("Steady does not speak %q", name)
	}
	prev := locale.Current()
	locale.Set(l)
	t.Cleanup(func() { locale.Set(prev) })
}

// shownTexts are the texts o shows, one per label, button, choice,
// placeholder and drawn text.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *keys.Button:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *widget.RadioGroup:
			out = append(out, x.Options...)
		case *widget.Select:
			out = append(out, x.Options...)
		case *widget.Entry:
			out = append(out, x.PlaceHolder)
		case *nameEntry:
			out = append(out, x.PlaceHolder)
		case *canvas.Text:
			out = append(out, x.Text)
		}
	})
	return out
}

// checkLanguage fails unless texts include every one of want and none of
// notWant (whole texts, or phrases of several words inside one).
func checkLanguage(t *testing.T, what string, texts, want, notWant []string) {
	t.Helper()
	for _, w := range want {
		if !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, w) }) {
			t.Errorf("%s: no %q among %q", what, w, texts)
		}
	}
	for _, n := range notWant {
		for _, s := range texts {
			if s == n || strings.Contains(n, " ") && strings.Contains(s, n) {
				t.Errorf("%s shows the English %q (in %q)", what, n, s)
			}
		}
	}
}

func TestJournalScreenInGerman(t *testing.T) {
	inLanguage(t, "de_DE")
	es, ss := sampleRecords(60)
	v, w, _ := newTestView(t, &fakeStore{entries: es, sessions: ss})
	v.Content().Refresh()

	checkLanguage(t, "the Journal screen", shownTexts(w.Content()),
		[]string{"Tagebuch", "Neuer Check-in", "Exportieren…", "Verlauf", "Schmerz und Verspannung", "jeder Check-in",
			"30 Tage", "Rückenschmerz", "Freitag, 20. März", "Morgens", "Bearbeiten", "Löschen", "Was Sie können"},
		[]string{"Journal", "New check-in", "Export…", "History", "Pain and tightness", "every check-in", "30 days",
			"Back pain", "Leg pain", "Friday", "March", "Morning", "Edit", "Delete", "What you can do",
			"Session day", "Pain is only part of the story."})
}

// The check-in reads in German, and its choices, compared by their
// labels, still save what was chosen.
func TestCheckInInGerman(t *testing.T) {
	inLanguage(t, "de_DE")
	store := &fakeStore{}
	v, w, _ := newTestView(t, store)
	v.CheckIn(journal.AnyTime)
	checkLanguage(t, "the check-in", shownTexts(w.Canvas().Overlays().Top()),
		[]string{"Rückenschmerz", "Warum verspannt?", "Nach Sitzen oder Autofahren", "Unterhalb des Knies", "Ja",
			"Zwischendurch", "kein Schmerz", "Speichern", "Abbrechen"},
		[]string{"Back pain", "Why tight?", "After sitting or driving", "Below knee", "Yes", "Any time",
			"no pain", "Save", "Cancel", "When", "Note"})
	if got := v.form.kind.Selected; got != "Zwischendurch" {
		t.Errorf("the check-in of any time has %q chosen, want Zwischendurch", got)
	}

	tapCell(v.form.back, 5)
	tapCell(v.form.leg, 2)
	tapCell(v.form.tight, 6)
	v.form.cause.SetSelected("Nach Sitzen oder Autofahren")
	v.form.reach.SetSelected("Fuß")
	v.form.numb.SetSelected("Ja")
	v.form.kind.SetSelected("Morgens")
	test.Tap(button(t, w, "Speichern"))
	if len(store.entries) != 1 {
		t.Fatalf("saved %d entries, want 1", len(store.entries))
	}
	got := store.entries[0]
	want := journal.Entry{Kind: journal.Morning, BackPain: 5, LegPain: 2, Tightness: 6,
		Cause: program.CauseInactivity, LegReach: program.ReachFoot, NumbWeak: true}
	got.Time = time.Time{}
	if got != want {
		t.Errorf("saved %+v, want %+v", got, want)
	}
}

// In a narrow dialog the questions stand above their answers and long
// rows of choices go one under another; in a wide one they sit beside.
func TestCheckInFitsItsDialog(t *testing.T) {
	inLanguage(t, "de_DE")
	test.NewTempApp(t)
	c := newCheckIn(journal.Entry{Kind: journal.Morning}, false, func(journal.Entry) error { return nil })
	c.fit(600)
	if w := c.form.MinSize().Width; w > 600 {
		t.Errorf("at 600 wide the form needs %v", w)
	}
	if c.reach.Horizontal {
		t.Error("five places for leg symptoms side by side in a narrow dialog")
	}
	if !c.numb.Horizontal {
		t.Error("yes and no one under another though they fit side by side")
	}
	c.fit(2000)
	if !c.reach.Horizontal {
		t.Error("the places for leg symptoms one under another in a wide dialog")
	}
	labelX := c.form.Objects[0].Position().X
	c.form.Resize(c.form.MinSize())
	if c.form.Objects[1].Position().X <= labelX {
		t.Error("in a wide dialog the back-pain scale is not beside its question")
	}
}

func TestExportAndNamingDialogsInGerman(t *testing.T) {
	inLanguage(t, "de_DE")
	c0, _ := openStore(t)
	v, w, _ := newTestView(t, c0)
	v.chooseExport()
	checkLanguage(t, "the export dialog", shownTexts(w.Canvas().Overlays().Top()),
		[]string{"Tagebuch exportieren", "CSV – für eine Tabellenkalkulation", "Datei wählen…", "Abbrechen"},
		[]string{"Export the journal", "CSV — for a spreadsheet", "JSON — complete, for other programs", "Choose file…", "Cancel"})
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())

	ShowNaming(w, c0, program.MaxActivities, nil)
	checkLanguage(t, "the naming dialog", shownTexts(w.Canvas().Overlays().Top()),
		[]string{"Was fällt Ihnen wegen Ihres Rückens schwer?", "Nennen Sie bis zu drei", "Speichern", "Abbrechen"},
		[]string{"What does your back make hard?", "Name up to three", "An activity your back makes hard, in your words", "Save", "Cancel"})
}

// The chart's time axis and the history's days are written in the
// user's language.
func TestDatesFollowTheLanguage(t *testing.T) {
	monday := time.Date(2026, time.March, 16, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang                               string
		weekdayDay, dayMonth, header, year string
	}{
		{"en", "Mon 16", "16 Mar", "Monday 16 March", "Monday 16 March 2026"},
		{"de_DE", "Mo. 16.", "16. März", "Montag, 16. März", "Montag, 16. März 2026"},
		{"fr_FR", "lun. 16", "16 mars", "lundi 16 mars", "lundi 16 mars 2026"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			inLanguage(t, tc.lang)
			if got := weekdayDayLabel(monday); got != tc.weekdayDay {
				t.Errorf("axis day: got %q, want %q", got, tc.weekdayDay)
			}
			if got := dayMonthLabel(monday); got != tc.dayMonth {
				t.Errorf("axis date: got %q, want %q", got, tc.dayMonth)
			}
			if got := dayHeader(monday, monday); got != tc.header {
				t.Errorf("history day: got %q, want %q", got, tc.header)
			}
			if got := dayHeader(monday, monday.AddDate(1, 0, 0)); got != tc.year {
				t.Errorf("history day of last year: got %q, want %q", got, tc.year)
			}
		})
	}
}

// An export is data for other programs: the same bytes whatever language
// the window speaks.
func TestExportIsTheSameInEveryLanguage(t *testing.T) {
	c0, store := openStore(t)
	es, ss := sampleRecords(20)
	for _, e := range es {
		if _, err := store.AddEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range ss {
		if _, err := store.AddSession(s); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []journal.Format{journal.CSV, journal.JSON} {
		export := func(lang string) []byte {
			inLanguage(t, lang)
			var b bytes.Buffer
			if err := c0.Export(&b, f); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}
		en, de := export("en"), export("de_DE")
		if len(en) < 1000 {
			t.Fatalf("%v export of %d bytes: the sample is missing", f, len(en))
		}
		if !bytes.Equal(en, de) {
			t.Errorf("the %v export in German differs from the English one", f)
		}
	}
}
