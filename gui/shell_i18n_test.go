package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"steady/explain"
	"steady/locale"
	"steady/program"
)

// speak makes the process speak the language code for the test.
func speak(t *testing.T, code string) {
	t.Helper()
	l, ok := locale.Parse(code)
	if !ok {
		t.Fatalf("%s: not a language Steady speaks", code)
	}
	prev := locale.Current()
	locale.Set(l)
	t.Cleanup(func() { locale.Set(prev) })
}

// reads checks that a screen shows each of want and none of the English
// texts of notEnglish.
func reads(t *testing.T, screen, got string, want, notEnglish []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s does not show %q:\n%s", screen, w, got)
		}
	}
	for _, e := range notEnglish {
		if strings.Contains(got, e) {
			t.Errorf("%s still shows the English %q:\n%s", screen, e, got)
		}
	}
}

// A new user reading German goes through the welcome, the safety questions
// and a referral in German, the questions and guidance included.
func TestFirstRunInGerman(t *testing.T) {
	speak(t, "de")
	test.NewTempApp(t)
	f := newFirstRun(testLevels, func() time.Time { return time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC) },
		func(firstRunResult) {})
	w := test.NewWindow(f.content())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))

	reads(t, "the welcome", texts(f.content()),
		[]string{"Willkommen bei Steady", "Warum Steady so vorgeht", "Weiter"},
		[]string{"Welcome to Steady", "Why Steady works this way", "Continue", "Steady is not a substitute", "Next come a few"})

	test.Tap(button(t, f.content(), "Weiter"))
	var english []string
	for _, q := range program.Questions() {
		english = append(english, q.Text)
	}
	screening := texts(f.content())
	reads(t, "the safety questions", screening,
		[]string{"Sicherheitsfragen", "Hatten Sie jemals Krebs?", "NG59", "Zurück"},
		append(english, "Safety questions", "These questions follow", "Some back problems", "Back"))

	test.Tap(question(t, f.content(), "cancer"))
	test.Tap(button(t, f.content(), "Weiter"))
	referral := texts(f.content())
	reads(t, "the referral", referral,
		[]string{explain.Guidance(program.SeeDoctorSoon), "Bitte vereinbaren Sie bald einen Termin"},
		[]string{"Please see a clinician first", "Please book an appointment", "See your doctor soon.",
			"A clinician has already assessed this", "Not yet — close"})

	cleared := locale.L(clearedText)
	statementBox(t, f.content(), cleared).SetChecked(true)
	test.Tap(button(t, f.content(), "Weiter"))
	reads(t, "the start", texts(f.content()),
		[]string{"Wo möchten Sie beginnen?", "Mit Steady beginnen", startLevel1()},
		[]string{"Where would you like to start?", "Start using Steady", "Start at the beginning (recommended)",
			"My back is flaring up right now", "Choose a level", "You can always go back down."})
}

// Today, the tabs, Settings, About and the walk dialog read German.
func TestShellInGerman(t *testing.T) {
	speak(t, "de")
	now := time.Date(2026, 11, 24, 8, 30, 0, 0, time.Local) // a Tuesday
	u, _, clock := newAppUI(t, now.AddDate(0, 0, -1))
	u.firstRunDone(firstRunResult{StartLevel: 1})
	clock.AdvanceTo(now)
	u.refreshToday()

	var tabs []string
	for _, it := range u.tabs.Items {
		tabs = append(tabs, it.Text)
	}
	if got := strings.Join(tabs, ", "); got != "Heute, Tagebuch, Einstellungen, Info" {
		t.Errorf("tabs: %s", got)
	}
	reads(t, "Today", texts(u.body),
		[]string{"Guten Morgen", "Dienstag, 24. November", "Diese Woche", "Heutige Einheit", "Warum diese Stufe?", "Di"},
		[]string{"Good morning", "Tuesday", "This week", "Today's session", "Why this level?",
			"Morning check-in", "Log a walk", "Walking", "No sessions yet", "Track what your back"})

	u.show(2)
	reads(t, "Settings", texts(u.tabs.Selected().Content),
		[]string{"Darstellung", "Größere Schrift", "Wie das System", "Dunkel", "5 Sekunden", "Sprache", "Erinnerung"},
		[]string{"Appearance", "Larger text", "Follow the system", "Dark", "5 seconds", "Language", "Reminder",
			"Voice", "Volume", "Get ready", "Rest between exercises", "Answer the safety questions again"})

	u.show(3)
	reads(t, "About", texts(u.tabs.Selected().Content),
		[]string{"Steady", "Version test", "Steady-Team", "docs/TRANSLATING.md"},
		[]string{"What Steady does", "What the evidence says", "Your journal is kept", "is not a substitute",
			"translations were written"})

	u.show(0)
	u.logWalk()
	reads(t, "the walk dialog", texts(overlay(u)),
		[]string{"Spaziergang eintragen", "Speichern", "Abbrechen", "Minuten"},
		[]string{"Log a walk", "Minutes walked", "Save", "Cancel", "minutes"})
}

// Every screening text reads in each language in the first run: the check
// boxes are the translated questions.
func TestScreeningInEachLanguage(t *testing.T) {
	for _, code := range []string{"de", "es", "fr"} {
		t.Run(code, func(t *testing.T) {
			speak(t, code)
			test.NewTempApp(t)
			f := newFirstRun(testLevels, time.Now, func(firstRunResult) {})
			f.showScreening()
			got := texts(f.content())
			for _, q := range program.Questions() {
				if !strings.Contains(got, explain.Question(q)) || strings.Contains(got, q.Text) {
					t.Errorf("question %s is not shown in %s", q.ID, code)
				}
			}
			if !strings.Contains(got, explain.ScreeningSources()) || strings.Contains(got, program.ScreeningSources) {
				t.Errorf("the sources are not shown in %s", code)
			}
		})
	}
}
