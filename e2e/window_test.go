//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCommandLine(t *testing.T) {
	tests := []struct {
		name     string
		env      []string
		args     []string
		wantExit int
		want     string // in the output
		lines    int    // when > 0, the output's exact number of lines
	}{
		{"version", nil, []string{"-version"}, 0, "steady 0.1.0", 1},
		{"unknown flag", nil, []string{"-bogus"}, 2, "Usage: steady", 0},
		{"stray argument", nil, []string{"bogus"}, 2, `unexpected argument "bogus"`, 0},
		{"no display", nil, nil, 1, "no display found", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exit, out := steady(t, tt.env, tt.args...)
			if exit != tt.wantExit {
				t.Errorf("exit status %d, want %d; output:\n%s", exit, tt.wantExit, out)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output %q does not contain %q", out, tt.want)
			}
			if n := strings.Count(strings.TrimSpace(out), "\n") + 1; tt.lines > 0 && n != tt.lines {
				t.Errorf("output has %d lines, want %d:\n%s", n, tt.lines, out)
			}
		})
	}
}

// The navigation entries, top to bottom, at the left of the window.
var nav = []struct {
	name     string
	x, y     int
	shortcut string
}{
	{"today", 36, 40, "ctrl+1"},
	{"journal", 36, 92, "ctrl+2"},
	{"settings", 36, 148, "ctrl+3"},
	{"about", 36, 205, "ctrl+4"},
}

func TestNavigation(t *testing.T) {
	a := launch(t, "")
	completeFirstRun(t, a, "")
	shots := map[string]int{}
	prev := shot(t, a, "today")
	for _, n := range nav[1:] {
		if err := a.Click(n.x, n.y); err != nil {
			t.Fatal(err)
		}
		img := shot(t, a, n.name)
		changed := Changed(prev, img)
		if changed < 500 {
			t.Errorf("clicking %s changed %d pixels; the screen did not change", n.name, changed)
		}
		shots[n.name] = changed
		prev = img
	}
	t.Logf("pixels changed by each click: %v", shots)

	// The keyboard reaches every screen too, and shows the same screen a click does.
	for _, n := range nav {
		if err := a.Key(n.shortcut); err != nil {
			t.Fatal(err)
		}
		img := shot(t, a, n.name+"-by-key")
		want, err := loadPNG(filepath.Join(outDir, n.name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		if d := Changed(want, img); d != 0 {
			t.Errorf("%s by %s differs from the screen by click in %d pixels", n.name, n.shortcut, d)
		}
	}

	if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Errorf("on SIGTERM: exit %d, %v; want a clean exit 0", exit, err)
	}
}

func TestRemembersWindowSize(t *testing.T) {
	home := t.TempDir()
	a := launch(t, home)
	shot(t, a, "size-before") // the window has finished its first layout
	if err := a.Resize(900, 640); err != nil {
		t.Fatal(err)
	}
	shot(t, a, "size-after") // and its layout at the new size
	if w, h, err := a.Size(); err != nil || w != 900 || h != 640 {
		t.Fatalf("resized window is %dx%d (%v), want 900x640", w, h, err)
	}
	if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Fatalf("on SIGTERM: exit %d, %v", exit, err)
	}

	b := launch(t, home)
	w, h, err := b.Size()
	if err != nil {
		t.Fatal(err)
	}
	if w != 900 || h != 640 {
		prefs, _ := os.ReadFile(filepath.Join(home, ".config", "fyne", "io.github.steady", "preferences.json"))
		t.Errorf("after a restart the window is %dx%d, want the 900x640 it was left at; preferences: %s", w, h, prefs)
	}

	// The window asks for its minimum size; a window manager keeps it there.
	// (Xvfb has none, so the hint is what can be checked.)
	w, h, err = b.MinSize()
	if err != nil {
		t.Fatal(err)
	}
	if w < 760 || h < 540 {
		t.Errorf("the window asks for a minimum of %dx%d, want at least 760x540", w, h)
	}
}
