package e2e

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"steady/gui/figure"

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
	// FigureW and FigureH are the size in pixels of the picture the figure
	// is drawn into in the walking hold, as the app reported it: the size a
	// yardstick's moving picture should have.
	FigureW, FigureH int
	// DrawnW and DrawnH are the size of the part of that picture the figure
	// draws at each frame, the rest being the window's background.
	DrawnW, DrawnH int
}

// WindowWidth and WindowHeight are Steady's default window size, which the
// measurements give the app under sway too.
const WindowWidth, WindowHeight = 1100, 760

// figureSize matches the sizes the figure reports (figure.TraceSizeEnv).
var figureSize = regexp.MustCompile(`figure: (\d+)x(\d+) px, drawn each frame (\d+)x(\d+) px`)

// lastFigureSize reads the last sizes the figure reported in an app's output
// into use.
func lastFigureSize(out string, use *CPUUse) error {
	m := figureSize.FindAllStringSubmatch(out, -1)
	if len(m) == 0 {
		return fmt.Errorf("e2e: the app did not report its figure's size; it printed:\n%s", out)
	}
	last := m[len(m)-1]
	for i, v := range []*int{&use.FigureW, &use.FigureH, &use.DrawnW, &use.DrawnH} {
		*v, _ = strconv.Atoi(last[i+1])
	}
	return nil
}

// cpuHome makes a home in work for the processor time routine, set up
// through the first run on display d (a new user at level 1, voice on),
// and returns it with the routine's path.
func cpuHome(d *Display, bin, work string) (home, routine string, err error) {
	home, err = os.MkdirTemp(work, "cpu-")
	if err != nil {
		return "", "", fmt.Errorf("e2e: %w", err)
	}
	routine = filepath.Join(home, "cpu-routine.toml")
	if err := os.WriteFile(routine, cpuRoutine, 0o600); err != nil {
		return "", "", fmt.Errorf("e2e: %w", err)
	}
	if err := seedHome(d, bin, home, routine); err != nil {
		return "", "", err
	}
	if err := setPreference(home, "sound.voice", true); err != nil {
		return "", "", err
	}
	return home, routine, nil
}

// MeasureCPU measures the processor time the real app on display d takes in
// a session and on Today. It makes a home in work and clicks through the
// first run there (a new user at level 1, voice on), then runs `bin -start`
// with the processor time routine: from 2 s into the walk it measures for
// window, presses Space and, a second later, measures the paused session for
// window. Then it starts the app again on Today and, 2 s after the window is
// drawn, measures for window. It checks what it measures: the screen moves
// during the hold and is still while paused. It also records the size of the
// figure's picture in the hold, as the app reports it.
func MeasureCPU(d *Display, bin, work string, window time.Duration) (CPUUse, error) {
	use := CPUUse{Window: window}
	home, routine, err := cpuHome(d, bin, work)
	if err != nil {
		return use, err
	}

	a, err := Launch(d, Config{Bin: bin, Home: home, Args: []string{"-start", "-routine", routine},
		Env: []string{figure.TraceSizeEnv + "=1"}})
	if err != nil {
		return use, err
	}
	defer a.Kill()
	if _, err := a.WaitWindow(30 * time.Second); err != nil {
		return use, err
	}
	shot := filepath.Join(home, "cpu.png")
	take := func() (image.Image, error) { return a.Screenshot(shot) }
	if err := holdThenPause(a, take, func() error { return a.Key("space") }, window, &use); err != nil {
		return use, err
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
	if use.Today, err = cpuShare(a, take, window, false); err != nil {
		return use, fmt.Errorf("%w (on Today)", err)
	}
	return use, nil
}

// holdThenPause measures the app a, started with -start on the processor
// time routine, in the walking hold from 2 s into the walk (reading the
// figure's sizes from its output), then presses Space with space and, a
// second later, measures the paused session; take reads its screen.
func holdThenPause(a *App, take func() (image.Image, error), space func() error, window time.Duration, use *CPUUse) error {
	// The session starts as the window is built: 5 s of get-ready, then
	// the walk.
	time.Sleep(time.Until(a.Started.Add(timingGetReady + 2*time.Second)))
	var err error
	if use.Hold, err = cpuShare(a, take, window, true); err != nil {
		return fmt.Errorf("%w (in the walking hold); the app printed:\n%s", err, a.Output())
	}
	if err := lastFigureSize(a.Output(), use); err != nil {
		return err
	}
	if err := space(); err != nil {
		return err
	}
	time.Sleep(time.Second)
	if use.Paused, err = cpuShare(a, take, window, false); err != nil {
		return fmt.Errorf("%w (paused)", err)
	}
	return nil
}

// cpuShare measures the share of one core a uses over window, between two
// screenshots taken by screen that must differ when moving and be the same
// when not.
func cpuShare(a *App, screen func() (image.Image, error), window time.Duration, moving bool) (float64, error) {
	before, err := screen()
	if err != nil {
		return 0, err
	}
	share, err := a.CPUShare(window)
	if err != nil {
		return 0, err
	}
	after, err := screen()
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

// MeasureCPUSway is MeasureCPU on the headless Wayland desktop s: the home
// is set up through the first run on the X display d, as for MeasureCPU,
// and copied to the desktop's user, who runs the app natively on Wayland.
// Its window is found through sway, floated at Steady's default size (as
// under X) and its screen read with grim.
func MeasureCPUSway(s *Sway, d *Display, bin, work string, window time.Duration) (CPUUse, error) {
	use := CPUUse{Window: window}
	home, _, err := cpuHome(d, bin, work)
	if err != nil {
		return use, err
	}
	// The app runs as the desktop's user, in the desktop's folder.
	theirs := filepath.Join(s.Dir, "cpu-routine.toml")
	if err := os.WriteFile(theirs, cpuRoutine, 0o644); err != nil {
		return use, fmt.Errorf("e2e: %w", err)
	}
	shot := filepath.Join(home, "cpu.png")
	take := func() (image.Image, error) { return s.Screenshot(shot) }

	a, err := s.LaunchFrom(home, bin, []string{figure.TraceSizeEnv + "=1"}, "-start", "-routine", theirs)
	if err != nil {
		return use, err
	}
	defer a.Kill()
	if _, err := s.WaitWindow(a, 30*time.Second); err != nil {
		return use, err
	}
	if err := s.Float(a, WindowWidth, WindowHeight); err != nil {
		return use, err
	}
	if err := holdThenPause(a, take, func() error { return s.Key("space") }, window, &use); err != nil {
		return use, fmt.Errorf("%w (Wayland)", err)
	}
	a.Kill()

	a, err = s.LaunchFrom(home, bin, nil, "-routine", theirs)
	if err != nil {
		return use, err
	}
	defer a.Kill()
	if _, err := s.WaitWindow(a, 30*time.Second); err != nil {
		return use, err
	}
	if err := s.Float(a, WindowWidth, WindowHeight); err != nil {
		return use, err
	}
	if _, err := s.Settle(shot, 300*time.Millisecond, 30*time.Second); err != nil {
		return use, err
	}
	time.Sleep(2 * time.Second)
	if use.Today, err = cpuShare(a, take, window, false); err != nil {
		return use, fmt.Errorf("%w (on Today, Wayland)", err)
	}
	return use, nil
}
