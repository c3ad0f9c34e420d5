//go:build e2e

package e2e

import (
	"encoding/binary"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Where the controls are, in a window of the default size.
var (
	checkInButton = [2]int{163, 211} // Today: Morning check-in
	startButton   = [2]int{290, 315} // Today, once checked in: Start today's session
	// The check-in dialog: back pain 3, leg pain 1, tightness 4 after sitting.
	checkInClicks = [][2]int{{517, 105}, {409, 166}, {571, 227}, {345, 286}}
	checkInSave   = [2]int{595, 692}
	// The ratings after a session: highest pain 2, pain now 1, no spread, OK.
	ratingClicks = [][2]int{{256, 249}, {158, 377}, {34, 505}, {133, 610}}
	ratingsSave  = [2]int{1036, 662}
	lightOK      = [2]int{550, 481} // the "Session saved" dialog
	journalNav   = [2]int{36, 92}
)

// clickAll clicks each point in turn.
func clickAll(t *testing.T, a *App, points ...[2]int) {
	t.Helper()
	scratch := filepath.Join(t.TempDir(), "click.png")
	for _, p := range points {
		before, err := a.Screenshot(scratch)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Click(p[0], p[1]); err != nil {
			t.Fatal(err)
		}
		// On a loaded machine the toolkit can miss a click that follows
		// the pointer's move too closely; a person would click again. A
		// click that changes nothing at all is tried once more, slowly.
		if !changedWithin(a, scratch, before, time.Second) {
			if err := a.ClickSlowly(p[0], p[1]); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// changedWithin reports whether the window's picture differs from before
// within d.
func changedWithin(a *App, path string, before image.Image, d time.Duration) bool {
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if img, err := a.Screenshot(path); err == nil && Changed(before, img) > 0 {
			return true
		}
	}
	return false
}

// The whole path of a new user, as a person takes it: first run and the
// safety questions, the morning check-in, a whole session with its sound,
// the ratings, the journal, and a restart with everything still there.
func TestJourney(t *testing.T) {
	home := t.TempDir()
	a := launch(t, home, "-routine", "testdata/short-routine.toml")
	completeFirstRun(t, a, "")

	clickAll(t, a, checkInButton)
	checkIn := shot(t, a, "check-in")
	clickAll(t, a, checkInClicks...)
	clickAll(t, a, checkInSave)
	today := shot(t, a, "today-checked-in")
	if Changed(checkIn, today) < 5000 {
		t.Fatal("saving the check-in did not close the dialog")
	}

	clickAll(t, a, startButton)
	// Get ready takes 5 s, then the first 4 s hold: a plain screenshot, as
	// the countdown never holds still for a settled one.
	time.Sleep(7 * time.Second)
	hold, err := a.Screenshot(filepath.Join(outDir, "session-hold.png"))
	if err != nil {
		t.Fatal(err)
	}
	copyPublished(t, "session-hold")
	if Changed(today, hold) < 20000 {
		t.Fatal("Start did not open the session")
	}
	// The session ends on the ratings form: the first screen that stays
	// still (the countdown changes every second until then).
	started := time.Now()
	ratings, err := a.Settle(filepath.Join(outDir, "session-ratings.png"), 1500*time.Millisecond, 150*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("the session's screen changed for %v before the ratings", time.Since(started).Round(time.Second))
	copyPublished(t, "session-ratings")
	clickAll(t, a, ratingClicks...)
	clickAll(t, a, ratingsSave)
	saved := shot(t, a, "session-saved")
	if Changed(ratings, saved) < 5000 {
		t.Fatal("Save did not close the ratings")
	}
	clickAll(t, a, lightOK, journalNav)
	journal := shot(t, a, "journal-after-session")

	if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Fatalf("on SIGTERM: exit %d, %v", exit, err)
	}
	bursts := soundBursts(t, a.AudioFile)
	t.Logf("the session was heard as %d separate sounds", bursts)
	if bursts < 10 {
		t.Errorf("the captured audio has %d separate sounds; a session with 2 exercises, 4 reps and their "+
			"countdowns has far more", bursts)
	}

	// What the journal holds, read back by Steady's own export.
	exit, out := steadyIn(t, home, "export", "-format", "csv")
	if exit != 0 {
		t.Fatalf("export: exit %d:\n%s", exit, out)
	}
	for _, want := range []string{"entry,", "morning", "session,", "green"} {
		if !strings.Contains(out, want) {
			t.Errorf("the export has no %q:\n%s", want, out)
		}
	}
	bboltCheck(t, filepath.Join(home, ".config", "fyne", "io.github.steady", "journal.db"))

	// After a restart, the journal shows the same.
	b := launch(t, home, "-routine", "testdata/short-routine.toml")
	if err := b.Key("ctrl+2"); err != nil {
		t.Fatal(err)
	}
	again := shot(t, b, "journal-after-restart")
	if d := Changed(journal, again); d > 0 {
		t.Errorf("after a restart the journal screen differs in %d pixels", d)
	}
}

// copyPublished copies a screenshot the test saved itself into the published
// folder, as shot does.
func copyPublished(t *testing.T, name string) {
	t.Helper()
	if dir := os.Getenv("STEADY_SCREENSHOTS"); dir != "" && published[name] {
		if err := copyFile(filepath.Join(outDir, name+".png"), filepath.Join(dir, name+".png")); err != nil {
			t.Fatal(err)
		}
	}
}

// soundBursts counts the separate sounds in a capture (raw S16_LE stereo
// at 44100 Hz): runs of 10 ms windows louder than -40 dBFS, apart by at
// least 50 ms of quiet.
func soundBursts(t *testing.T, path string) int {
	t.Helper()
	if err := waitStill(path, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const frame, window = 4, 441 // bytes a frame; frames in 10 ms
	bursts, quiet, loud := 0, 5, false
	for off := 0; off+frame*window <= len(data); off += frame * window {
		peak := 0
		for i := off; i < off+frame*window; i += frame {
			v := int(int16(binary.LittleEndian.Uint16(data[i:])))
			peak = max(peak, v, -v)
		}
		switch {
		case peak > 327: // -40 dBFS
			if !loud && quiet >= 5 {
				bursts++
			}
			loud, quiet = true, 0
		default:
			loud = false
			quiet++
		}
	}
	return bursts
}
