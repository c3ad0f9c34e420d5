package gui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"steady/coach"
	"steady/journal"
	"steady/locale"
	"steady/program"
)

// smallLaptop is the window a 1366 x 768 laptop leaves Steady under its
// title bar: every screen must fit it, in both text sizes.
var smallLaptop = fyne.NewSize(1366, 736)

// newSizedUI is the window on a fresh journal in the given text size, its
// application's clock stopped at now.
func newSizedUI(t *testing.T, larger bool, now time.Time) (*UI, *program.FakeClock) {
	t.Helper()
	return newSizedUIIn(t, "en", larger, now)
}

// newSizedUIIn is newSizedUI speaking the language lang, its routine
// translated as main.go translates it.
func newSizedUIIn(t *testing.T, lang string, larger bool, now time.Time) (*UI, *program.FakeClock) {
	t.Helper()
	l, _ := locale.Parse(lang)
	locale.Set(l)
	t.Cleanup(func() { locale.Set(locale.English) })
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefLargerText, larger)
	w := a.NewWindow("Steady")
	t.Cleanup(w.Close)
	clock := program.NewFakeClock(now)
	u := New(a, w, Options{Version: "test", DataDir: t.TempDir(), Coach: coach.New(openJournal(t), program.Builtin().In(lang), clock)})
	w.Resize(smallLaptop)
	return u, clock
}

// checkFits fails when the window's content, or the dialog on top of it,
// asks for more room than a small laptop has, or for a window wider than
// Steady's smallest: a text too long for it must wrap, not widen the
// window (taller is fine, within the laptop: the words wrapped).
func checkFits(t *testing.T, u *UI, screen string) {
	t.Helper()
	c := u.win.Canvas()
	if m := c.Content().MinSize(); m.Width > minWindowSize.Width || m.Height > smallLaptop.Height {
		t.Errorf("%s asks for at least %v, wider than %v or taller than %v", screen, m, minWindowSize.Width, smallLaptop.Height)
	}
	if top := c.Overlays().Top(); top != nil {
		if m := top.MinSize(); m.Width > minWindowSize.Width || m.Height > smallLaptop.Height {
			t.Errorf("the dialog over %s asks for at least %v, wider than %v or taller than %v", screen, m, minWindowSize.Width, smallLaptop.Height)
		}
	}
}

// Every screen and dialog fits a small laptop's window, and Steady's
// smallest window's width, in every language, with normal and with larger
// text: long screens scroll, long words wrap, and the session scales its
// figure and ring down.
func TestScreensFitASmallLaptop(t *testing.T) {
	for _, lang := range []string{"en", "de", "es", "fr"} {
		for _, larger := range []bool{false, true} {
			name := lang + ", normal text"
			if larger {
				name = lang + ", larger text"
			}
			t.Run(name, func(t *testing.T) { fitsASmallLaptop(t, lang, larger) })
		}
	}
}

func fitsASmallLaptop(t *testing.T, lang string, larger bool) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.Local)
	u, clock := newSizedUIIn(t, lang, larger, now.AddDate(0, 0, -1))

	// The first run, page by page, with a sign that asks for a
	// clinician (the longest page) on the way.
	checkFits(t, u, "the welcome")
	f := newFirstRun(u.levelChoices(), u.now, u.firstRunDone)
	f.win = u.win
	u.setBody(f.content())
	f.showScreening()
	checkFits(t, u, "the safety questions")
	f.answers[program.Questions()[len(program.Questions())-1].ID] = true
	f.screen()
	checkFits(t, u, "a referral")
	f.answers = map[string]bool{}
	f.showStart()
	checkFits(t, u, "where to start")
	u.firstRunDone(firstRunResult{StartLevel: 1})

	clock.AdvanceTo(now)
	u.refreshToday()
	u.win.Resize(fyne.NewSize(minWindowSize.Width, smallLaptop.Height)) // the main screens size the window again
	for i, tab := range u.tabs.Items {
		u.tabs.SelectIndex(i)
		checkFits(t, u, tab.Text)
	}
	u.tabs.SelectIndex(1)
	u.journalScreen().CheckIn(journal.Morning)
	checkFits(t, u, "the check-in")
	u.win.Canvas().Overlays().Top().Hide()
	u.tabs.SelectIndex(0)
	u.logWalk()
	checkFits(t, u, "logging a walk")
	u.win.Canvas().Overlays().Top().Hide()

	u.startSession()
	if u.session == nil {
		t.Fatal("no session started")
	}
	checkFits(t, u, "the session")
	u.session.askEnd()
	checkFits(t, u, "the session asking to end")
	u.session.keepGoing()
	u.session.stopForPain()
	checkFits(t, u, "what happened")
	u.session.painDone()
	checkFits(t, u, "the ratings")
}

// The session fits the smallest window Steady allows (and a small laptop's
// window) in every language, on the real routine, while it runs, paused,
// asking to end, asking what happened and asking for the ratings; no
// control is narrower than its words. With larger text it fits the
// smallest window's width and a small laptop's height: German and Spanish
// names and instructions wrap onto more lines than 540 units hold, so
// there the window grows taller, never wider.
func TestSessionFitsTheSmallestWindow(t *testing.T) {
	for _, lang := range locale.Supported() {
		for _, larger := range []bool{false, true} {
			name := lang.Code + " normal text"
			smallest := minWindowSize
			if larger {
				name = lang.Code + " larger text"
				smallest.Height = smallLaptop.Height
			}
			t.Run(name, func(t *testing.T) {
				now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.Local)
				u, _ := newSizedUIIn(t, lang.Code, larger, now)
				u.firstRunDone(firstRunResult{StartLevel: 1})
				u.startSession()
				if u.session == nil {
					t.Fatal("no session started")
				}
				s := u.session
				fits := func(size fyne.Size, screen string) {
					t.Helper()
					if m := u.win.Canvas().Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
						t.Errorf("at %v, %s asks for at least %v", size, screen, m)
					}
					for _, c := range append(rowControls(s.controls), rowControls(s.confirmRow)...) {
						if !c.button.Visible() {
							continue
						}
						if got, want := c.button.Size().Width, c.button.MinSize().Width; got < want {
							t.Errorf("at %v, %s: %q is %v wide, its words need %v", size, screen, c.button.Text, got, want)
						}
					}
				}
				for _, size := range []fyne.Size{smallest, smallLaptop} {
					u.win.Resize(size)
					fits(size, "the session")
					s.togglePause()
					fits(size, "the session paused")
					s.togglePause()
					s.askEnd()
					fits(size, "the session asking to end")
					s.keepGoing()
				}
				u.win.Resize(smallest)
				s.stopForPain()
				fits(smallest, "what happened")
				s.painDone()
				fits(smallest, "the ratings")
			})
		}
	}
}

// rowControls are the controls of a row made by newControlRow.
func rowControls(row *container.ThemeOverride) []*control {
	return row.Content.(*fyne.Container).Layout.(*controlRow).controls
}
