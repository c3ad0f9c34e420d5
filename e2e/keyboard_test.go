//go:build e2e

package e2e

import (
	"image"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A small laptop's screen, and the window it leaves under a title bar.
const (
	laptopW, laptopH = 1366, 768
	windowW, windowH = 1366, 736
)

// A new user on a small laptop who reads with larger text and uses only the
// keyboard: the first run, a morning check-in, a whole session with its
// ratings, and the journal afterwards, every step by keys alone, with the
// window at 1366 x 736 and never asking for more.
func TestKeyboardOnASmallLaptop(t *testing.T) {
	d, err := StartDisplay(laptopW, laptopH)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	home := t.TempDir()
	if err := setPreference(home, "appearance.largerText", true); err != nil {
		t.Fatal(err)
	}
	a := launchOn(t, d, Config{Bin: steadyBin, Home: home, Args: []string{"-routine", "testdata/short-routine.toml"}})
	if err := a.Resize(windowW, windowH); err != nil {
		t.Fatal(err)
	}
	prev := shot(t, a, "keys-welcome")
	fits(t, a, "the welcome")

	// press presses keys and waits for the screen to change, then checks
	// that the window still fits.
	press := func(name string, keys ...string) image.Image {
		t.Helper()
		if err := a.Key(keys...); err != nil {
			t.Fatal(err)
		}
		img := waitChange(t, a, prev, 500, "keys-"+name, 10*time.Second)
		img = shot(t, a, "keys-"+name) // settled
		fits(t, a, name)
		prev = img
		return img
	}

	// The first run: Enter goes on, Escape goes back.
	safety := press("safety", "Return")
	press("welcome-again", "Escape")
	if d := Changed(safety, press("safety-again", "Return")); d != 0 {
		t.Errorf("Escape then Enter did not come back to the same safety questions: %d pixels differ", d)
	}
	press("start", "Return")
	today := press("today", "Return")

	// The morning check-in: Enter opens it, Escape closes it unsaved; then
	// a number for each scale, Tab between them, and Enter saves.
	press("check-in", "Return")
	if d := Changed(today, press("check-in-cancelled", "Escape")); d != 0 {
		t.Errorf("Escape left the screen %d pixels off Today before the check-in", d)
	}
	press("check-in-again", "Return")
	press("check-in-rated", "3", "Tab", "1", "Tab", "4")
	press("today-checked-in", "Return")

	// The session: Enter starts it; it plays through to the ratings.
	press("session", "Return")
	time.Sleep(6 * time.Second) // get ready, then the first hold
	if _, err := a.Screenshot(filepath.Join(outDir, "keys-session-hold.png")); err != nil {
		t.Fatal(err)
	}
	fits(t, a, "the session")
	ratings, err := a.Settle(filepath.Join(outDir, "keys-ratings.png"), 1500*time.Millisecond, 150*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	prev = ratings
	fits(t, a, "the ratings")
	// Highest pain 2 and Enter, pain now 1 and Enter; then Tab to the leg
	// question's "No" and Space, on to "OK" and Space, and to Save.
	press("ratings-rated", "2", "Return", "1", "Return")
	press("ratings-answered", "Tab", "Tab", "Tab", "space", "Tab", "Tab", "Tab", "Tab", "space")
	press("session-saved", "Tab", "Tab", "Return")
	press("after-session", "Return")
	press("journal", "ctrl+2")

	if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Fatalf("on SIGTERM: exit %d, %v", exit, err)
	}
	exit, out := steadyIn(t, home, "export", "-format", "csv")
	if exit != 0 {
		t.Fatalf("export: exit %d:\n%s", exit, out)
	}
	for _, want := range []string{"entry,", ",morning,3,1,4,", "session,", "green"} {
		if !strings.Contains(out, want) {
			t.Errorf("the export has no %q:\n%s", want, out)
		}
	}
}

// fits fails the test when the window asks the window manager for a
// minimum size larger than a small laptop's window.
func fits(t *testing.T, a *App, screen string) {
	t.Helper()
	w, h, err := a.MinSize()
	if err != nil {
		t.Fatal(err)
	}
	if w > windowW || h > windowH {
		t.Errorf("on %s the window asks for at least %dx%d, more than %dx%d", screen, w, h, windowW, windowH)
	}
}
