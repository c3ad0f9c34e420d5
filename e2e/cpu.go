package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "embed"
)

// The routine whose level-1 session the processor time measurement plays:
// get-ready, then two minutes of walking with the figure striding.
//
//go:embed testdata/cpu-routine.toml
var cpuRoutine []byte

// LongRoutine is a routine whose level-1 session lasts over half an hour: a
// 20-minute walk, then braces and side bridges (make bench plays it on a
// fast clock to see whether a long session ends on time).
//
//go:embed testdata/long-routine.toml
var LongRoutine []byte

// CPUUse is the share of one core the app used in each state of the
// processor time measurement, over Window each.
type CPUUse struct {
	Window time.Duration
	Hold   float64 // in a walking hold: the figure striding, the ring and digits counting
	Paused float64 // the same session, paused
	Today  float64 // the Today screen of a returning user, nothing touched
}

// MeasureCPU measures the processor time the real app on display d takes in
// a session and on Today. It makes a home in work and clicks through the
// first run there (a new user at level 1, voice on), then runs `bin -start`
// with the processor time routine: from 2 s into the walk it measures for
// window, presses Space and, a second later, measures the paused session for
// window. Then it starts the app again on Today and, 2 s after the window is
// drawn, measures for window. It checks what it measures: the screen moves
// during the hold and is still while paused.
func MeasureCPU(d *Display, bin, work string, window time.Duration) (CPUUse, error) {
	use := CPUUse{Window: window}
	home, err := os.MkdirTemp(work, "cpu-")
	if err != nil {
		return use, fmt.Errorf("e2e: %w", err)
	}
	routine := filepath.Join(home, "cpu-routine.toml")
	if err := os.WriteFile(routine, cpuRoutine, 0o600); err != nil {
		return use, fmt.Errorf("e2e: %w", err)
	}
	if err := seedHome(d, bin, home, routine); err != nil {
		return use, err
	}
	if err := setPreference(home, "sound.voice", true); err != nil {
		return use, err
	}

	a, err := Launch(d, Config{Bin: bin, Home: home, Args: []string{"-start", "-routine", routine}})
	if err != nil {
		return use, err
	}
	defer a.Kill()
	if _, err := a.WaitWindow(30 * time.Second); err != nil {
		return use, err
	}
	// The session starts as the window is built: 5 s of get-ready, then
	// the walk.
	time.Sleep(time.Until(a.Started.Add(timingGetReady + 2*time.Second)))
	shot := filepath.Join(home, "cpu.png")
	if use.Hold, err = cpuShare(a, shot, window, true); err != nil {
		return use, fmt.Errorf("%w (in the walking hold)", err)
	}
	if err := a.Key("space"); err != nil {
		return use, err
	}
	time.Sleep(time.Second)
	if use.Paused, err = cpuShare(a, shot, window, false); err != nil {
		return use, fmt.Errorf("%w (paused)", err)
	}
	a.Kill()

	a, err = Launch(d, Config{Bin: bin, Home: home, Args: []string{"-routine", routine}})
	if err != nil {
		return use, err
	}
	defer a.Kill()
	if _, err := a.WaitWindow(30 * time.Second); err != nil {
		return use, err
	}
	if err := a.WaitDrawn(30 * time.Second); err != nil {
		return use, err
	}
	time.Sleep(2 * time.Second)
	if use.Today, err = cpuShare(a, shot, window, false); err != nil {
		return use, fmt.Errorf("%w (on Today)", err)
	}
	return use, nil
}

// cpuShare measures the share of one core a uses over window, between two
// screenshots (saved at shot) that must differ when moving and be the same
// when not.
func cpuShare(a *App, shot string, window time.Duration, moving bool) (float64, error) {
	before, err := a.Screenshot(shot)
	if err != nil {
		return 0, err
	}
	share, err := a.CPUShare(window)
	if err != nil {
		return 0, err
	}
	after, err := a.Screenshot(shot)
	if err != nil {
		return 0, err
	}
	switch changed := Changed(before, after); {
	case moving && changed == 0:
		return 0, fmt.Errorf("e2e: the screen did not move in %v", window)
	case !moving && changed > 0:
		return 0, fmt.Errorf("e2e: the screen changed in %d pixels in %v", changed, window)
	}
	return share, nil
}
