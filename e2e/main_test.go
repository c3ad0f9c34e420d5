//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Shared by every real-window test: the binary under test and one X server.
var (
	steadyBin string
	display   *Display
	outDir    string
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	steadyBin = os.Getenv("STEADY_BIN")
	if steadyBin == "" {
		fmt.Fprintln(os.Stderr, "e2e: STEADY_BIN is not set: run `make e2e`, which builds the binary first")
		return 1
	}
	if _, err := os.Stat(steadyBin); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	var err error
	outDir, err = filepath.Abs("out")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	display, err = StartDisplay(1280, 900)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer display.Close()
	fmt.Printf("e2e: real X server Xvfb %s (1280x900x24), binary %s\n", display.Name, steadyBin)
	return m.Run()
}

// launch starts Steady with a fresh home (or the given one) and waits for its
// window to be drawn; the app is stopped when the test ends.
func launch(t *testing.T, home string, args ...string) *App {
	t.Helper()
	if home == "" {
		home = t.TempDir()
	}
	return launchEnv(t, home, nil, args...)
}

// launchEnv is launch with extra environment.
func launchEnv(t *testing.T, home string, env []string, args ...string) *App {
	t.Helper()
	a := startApp(t, home, env, args...)
	took, err := a.WaitWindow(20 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("window %s mapped %v after start", a.Window, took.Round(time.Millisecond))
	if err := a.WaitDrawn(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	return a
}

// startApp starts Steady without waiting for its window; it is killed when
// the test ends, if it still runs, and its output is shown if the test failed.
func startApp(t *testing.T, home string, env []string, args ...string) *App {
	t.Helper()
	return startWith(t, Config{Bin: steadyBin, Args: args, Home: home, Env: env})
}

// startWith is startApp for any launch: Steady run through another program,
// such as unshare.
func startWith(t *testing.T, cfg Config) *App {
	t.Helper()
	return startOn(t, display, cfg)
}

// launchOn starts Steady on the display d, which a test made for itself,
// and waits until its window is drawn; it is killed when the test ends.
func launchOn(t *testing.T, d *Display, cfg Config) *App {
	t.Helper()
	a := startOn(t, d, cfg)
	if _, err := a.WaitWindow(20 * time.Second); err != nil {
		t.Fatal(err)
	}
	if err := a.WaitDrawn(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	return a
}

// startOn is startWith on the display d.
func startOn(t *testing.T, d *Display, cfg Config) *App {
	t.Helper()
	a, err := Launch(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		select {
		case <-a.done:
		default:
			a.Kill()
		}
		if t.Failed() {
			t.Logf("the app printed:\n%s", a.Output())
		}
	})
	return a
}

// completeFirstRun answers the first-run pages as a new user with no warning
// signs would: Continue past the welcome, tick nothing, start at level 1.
// Each click must change the screen. Its screenshots are named
// <prefix>first-run-*.png: a test with its own prefix keeps clear of the
// published ones.
func completeFirstRun(t *testing.T, a *App, prefix string) {
	t.Helper()
	prev := shot(t, a, prefix+"first-run-welcome")
	for _, step := range FirstRunSteps {
		name := prefix + "first-run-" + step.Name
		img, err := a.ClickChange(step.X, step.Y, prev, 500, filepath.Join(outDir, name+".png"), 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		publish(t, name)
		prev = img
	}
}

// published are the screenshots the README and docs show: make screenshots
// copies them to docs/screenshots.
var published = map[string]bool{
	"today": true, "journal": true, "settings": true, "about": true,
	"first-run-welcome": true, "first-run-safety": true, "first-run-start": true,
	"check-in": true, "session-hold": true, "session-ratings": true, "session-saved": true,
	"journal-after-session": true,
}

// shot takes a settled screenshot into e2e/out/<name>.png, and copies a
// published one to $STEADY_SCREENSHOTS when that is set (make screenshots).
func shot(t *testing.T, a *App, name string) image.Image {
	t.Helper()
	path := filepath.Join(outDir, name+".png")
	img, err := a.Settle(path, 150e6, 5e9)
	if err != nil {
		t.Fatal(err)
	}
	publish(t, name)
	return img
}

// publish copies the screenshot e2e/out/<name>.png to $STEADY_SCREENSHOTS
// when that is set (make screenshots) and the screenshot is a published one.
func publish(t *testing.T, name string) {
	t.Helper()
	if dir := os.Getenv("STEADY_SCREENSHOTS"); dir != "" && published[name] {
		if err := copyFile(filepath.Join(outDir, name+".png"), filepath.Join(dir, name+".png")); err != nil {
			t.Fatal(err)
		}
	}
}

func copyFile(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// steady runs the binary without a window and returns its exit status and output.
func steady(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(steadyBin, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "LANG=en_US.UTF-8"}, env...)
	return runCommand(t, cmd)
}

// runCommand runs cmd to its end and returns its exit status and output.
func runCommand(t *testing.T, cmd *exec.Cmd) (int, string) {
	t.Helper()
	out, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode(), string(out)
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}
