//go:build e2e

package e2e

import (
	"errors"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Steady on a Wayland desktop with no X server at all: sway headless (and no
// Xwayland), the real binary with WAYLAND_DISPLAY and no DISPLAY, driven
// with the keyboard through wtype, seen through grim. The first run with
// Enter three times, then Today, and Tab to today's session and Space.
func TestWayland(t *testing.T) {
	s, err := StartSway(1280, 900)
	if errors.Is(err, ErrNoSway) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if t.Failed() {
			t.Logf("sway printed:\n%s", s.Log())
		}
		s.Close()
	}()
	t.Logf("sway headless on %s, as uid %v", s.Socket, os.Getuid())
	desk, err := s.Screenshot(filepath.Join(outDir, "wayland-desktop.png"))
	if err != nil {
		t.Fatal(err)
	}

	a, err := s.Launch(steadyBin)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if t.Failed() {
			t.Logf("the app printed:\n%s", a.Output())
		}
		a.Kill()
	}()
	w, err := s.WaitWindow(a, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("window %q (pid %d, %s) at %dx%d, %v after start", w.Name, w.PID, w.Shell,
		w.Rect.Width, w.Rect.Height, time.Since(a.Started).Round(time.Millisecond))
	if w.Shell != "xdg_shell" {
		t.Errorf("the window's shell is %q, want xdg_shell (a native Wayland window)", w.Shell)
	}
	if env, err := os.ReadFile("/proc/" + strconv.Itoa(a.Pid()) + "/environ"); err != nil {
		t.Error(err)
	} else if strings.Contains("\x00"+string(env), "\x00DISPLAY=") {
		t.Error("the app was started with an X DISPLAY")
	}
	if maps, err := os.ReadFile("/proc/" + strconv.Itoa(a.Pid()) + "/maps"); err != nil {
		t.Error(err)
	} else if !strings.Contains(string(maps), "libwayland-client") {
		t.Error("the app has not loaded libwayland-client")
	}

	welcome := waitScreen(t, s, "wayland-first-run-welcome", desk, 20000)
	prev := welcome
	for _, name := range []string{"safety", "start", "today"} {
		if err := s.Key("Return"); err != nil {
			t.Fatal(err)
		}
		prev = waitScreen(t, s, "wayland-first-run-"+name, prev, 5000)
	}
	today := prev
	if d := Changed(welcome, today); d < 20000 {
		t.Fatalf("Today differs from the welcome in only %d pixels", d)
	}
	// The nav rail is on Today and not on the welcome page.
	if d := changedIn(welcome, today, image.Rect(0, 30, 70, 260)); d < 500 {
		t.Errorf("no nav rail on Today: its corner differs from the welcome in %d pixels", d)
	}

	// Today's focus order: Morning check-in, Why this level?, Start.
	for range 3 {
		if err := s.Key("Tab"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err := s.Key("space"); err != nil {
		t.Fatal(err)
	}
	// The session counts down, so it never settles: plain screenshots.
	session := waitChange(t, s, today, 20000, "wayland-session", 10*time.Second)
	time.Sleep(2 * time.Second)
	later, err := s.Screenshot(filepath.Join(outDir, "wayland-session-later.png"))
	if err != nil {
		t.Fatal(err)
	}
	if d := Changed(session, later); d == 0 {
		t.Error("the session screen did not change in 2 s: no countdown")
	}
	// The session leaves the nav rail: a dialog (Why this level?) would not.
	if d := changedIn(today, session, image.Rect(0, 30, 70, 260)); d < 500 {
		t.Errorf("Space did not open the session (the nav rail is still there: %d pixels differ)", d)
	}

	if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Fatalf("on SIGTERM: exit %d, %v", exit, err)
	}
	for _, line := range strings.Split(a.Output(), "\n") {
		if strings.Contains(line, "X11") || strings.Contains(line, "DISPLAY") {
			t.Errorf("the app speaks of X: %s", line)
		}
	}
}

// waitScreen waits for the screen to differ from before in at least
// minChanged pixels, then to settle, and keeps it as e2e/out/<name>.png.
func waitScreen(t *testing.T, s *Sway, name string, before image.Image, minChanged int) image.Image {
	t.Helper()
	waitChange(t, s, before, minChanged, name, 10*time.Second)
	img, err := s.Settle(filepath.Join(outDir, name+".png"), 200*time.Millisecond, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// changedIn counts the pixels that differ between two images within r.
func changedIn(a, b image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				n++
			}
		}
	}
	return n
}
