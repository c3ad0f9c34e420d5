//go:build e2e

package e2e

import (
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// steadyAt runs the binary without a window in home, from the folder dir,
// and returns its exit status and output.
func steadyAt(t *testing.T, home, dir string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(steadyBin, args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "LANG=en_US.UTF-8", "DISPLAY=" + display.Name}, homeEnv(home)...)
	return runCommand(t, cmd)
}

// steadyWindows counts the visible windows titled Steady on the display.
func steadyWindows(t *testing.T, a *App) int {
	t.Helper()
	out, _ := a.xdotool("search", "--onlyvisible", "--name", "^Steady$") // none found is exit status 1
	n := 0
	for _, f := range strings.Fields(out) {
		if f[0] >= '0' && f[0] <= '9' {
			n++
		}
	}
	return n
}

// screenshotter is a display Steady's window is on: Xvfb or a headless sway.
type screenshotter interface {
	Screenshot(path string) (image.Image, error)
}

// waitChange waits up to timeout for the window to differ from before in
// at least minChanged pixels, saving the screenshot as name.
func waitChange(t *testing.T, a screenshotter, before image.Image, minChanged int, name string, timeout time.Duration) image.Image {
	t.Helper()
	path := filepath.Join(outDir, name+".png")
	for deadline := time.Now().Add(timeout); ; time.Sleep(100 * time.Millisecond) {
		img, err := a.Screenshot(path)
		if err != nil {
			t.Fatal(err)
		}
		if n := Changed(before, img); n >= minChanged {
			return img
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the window did not change within %v", name, timeout)
		}
	}
}

// With the window open, the commands are run by it, with the same output
// and exit status as with the window closed; a second Steady switches to
// it; steady -start starts the session in it; a window that does not
// answer is reported, not waited for; after a kill -9 the next Steady
// starts cleanly.
func TestDrillOneSteady(t *testing.T) {
	home := t.TempDir()
	a := launch(t, home)
	completeFirstRun(t, a, "one-steady-")

	// An import shows in the open window's Journal at once.
	if err := a.Key("ctrl+2"); err != nil {
		t.Fatal(err)
	}
	journal := shot(t, a, "one-steady-journal")
	recent := filepath.Join(t.TempDir(), "recent.csv")
	os.WriteFile(recent, entriesFrom(t, time.Now().Add(-3*time.Hour).Truncate(time.Hour), 2, numbered), 0o600)
	exit, out := steadyIn(t, home, "import", recent)
	if exit != 0 || !strings.Contains(out, "Imported 2 check-ins") {
		t.Fatalf("import with the window open: exit %d:\n%s", exit, out)
	}
	waitChange(t, a, journal, 2000, "one-steady-journal-imported", 5*time.Second)
	if err := a.Key("ctrl+1"); err != nil {
		t.Fatal(err)
	}

	// The commands, run from a folder of their own, with relative names.
	at := time.Now().Add(time.Hour).Format(time.RFC3339)
	commands := [][]string{
		{"status", "-at", at}, // first: it stores the standing the rules return then
		{"status", "-at", at, "-format", "json"},
		{"export"},
		{"export", "-format", "json"},
		{"report", "-o", "report.html"},
		{"backup", "copy.db"},
		{"import", "recent.csv"},
	}
	type result struct {
		exit int
		out  string
	}
	runAll := func(dir string) []result {
		os.WriteFile(filepath.Join(dir, "recent.csv"), entriesFrom(t, time.Now().Add(-3*time.Hour).Truncate(time.Hour), 2, numbered), 0o600)
		var got []result
		for _, args := range commands {
			start := time.Now()
			exit, out := steadyAt(t, home, dir, args...)
			t.Logf("steady %s: exit %d after %v", strings.Join(args, " "), exit, time.Since(start).Round(time.Millisecond))
			if exit != 0 {
				t.Errorf("steady %s: exit %d:\n%s", strings.Join(args, " "), exit, out)
			}
			got = append(got, result{exit, out})
		}
		for _, name := range []string{"report.html", "copy.db"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Errorf("%s was not written in the command's folder: %v", name, err)
			}
		}
		bboltCheck(t, filepath.Join(dir, "copy.db"))
		return got
	}
	open := runAll(t.TempDir())

	// A second Steady: no second window, exit 0, a line saying so.
	exit, out = steadyAt(t, home, t.TempDir())
	if exit != 0 || !strings.Contains(out, "switched to it") {
		t.Errorf("a second steady: exit %d:\n%s", exit, out)
	}
	time.Sleep(500 * time.Millisecond)
	if n := steadyWindows(t, a); n != 1 {
		t.Errorf("%d windows titled Steady after a second steady, want 1", n)
	}

	// A hung window: the command says so within a few seconds, exit 1.
	if err := syscall.Kill(a.Pid(), syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	exit, out = steadyIn(t, home, "export")
	took := time.Since(start)
	syscall.Kill(a.Pid(), syscall.SIGCONT)
	if exit != 1 || !strings.Contains(out, "Steady is running but not answering") || took > 4*time.Second {
		t.Errorf("export with a stopped window: exit %d after %v:\n%s", exit, took.Round(time.Millisecond), out)
	}

	// steady -start opens today's session in the open window.
	today := shot(t, a, "one-steady-today")
	exit, out = steadyAt(t, home, t.TempDir(), "-start")
	if exit != 0 || !strings.Contains(out, "started today's session") {
		t.Errorf("steady -start: exit %d:\n%s", exit, out)
	}
	waitChange(t, a, today, 20000, "one-steady-session", 10*time.Second)
	if n := steadyWindows(t, a); n != 1 {
		t.Errorf("%d windows titled Steady after steady -start, want 1", n)
	}

	// Killed: its socket file stays behind. The commands open the journal
	// themselves, with the same output.
	a.Kill()
	closed := runAll(t.TempDir())
	for i, args := range commands {
		if open[i] != closed[i] {
			t.Errorf("steady %s: with the window open:\nexit %d\n%s\nwith it closed:\nexit %d\n%s",
				strings.Join(args, " "), open[i].exit, open[i].out, closed[i].exit, closed[i].out)
		}
	}

	// The next Steady starts cleanly and answers.
	b := launch(t, home)
	if strings.Contains(b.Output(), "already running") {
		t.Errorf("the next Steady after a kill -9 says:\n%s", b.Output())
	}
	if exit, out := steadyIn(t, home, "status"); exit != 0 {
		t.Errorf("status with the next window open: exit %d:\n%s", exit, out)
	}
	if exit, err := b.Stop(10 * time.Second); err != nil || exit != 0 {
		t.Errorf("the next Steady on SIGTERM: exit %d, %v", exit, err)
	}
}

// A backup restored over a journal that has moved on brings it back as it
// was; the journal it replaced is kept; both pass bbolt's own check.
// Restore asks first and refuses while the window is open.
func TestRestoreBackup(t *testing.T) {
	home := t.TempDir()
	importEntries(t, home, 3, numbered)
	backup := filepath.Join(t.TempDir(), "copy.db")
	if exit, out := steadyIn(t, home, "backup", backup); exit != 0 {
		t.Fatalf("backup: exit %d:\n%s", exit, out)
	}
	before := exported(t, home)
	more := filepath.Join(t.TempDir(), "more.csv")
	os.WriteFile(more, entriesFrom(t, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 2, numbered), 0o600)
	if exit, out := steadyIn(t, home, "import", more); exit != 0 {
		t.Fatalf("import: exit %d:\n%s", exit, out)
	}

	// Without a terminal and without -yes: refused, naming -yes.
	exit, out := steadyIn(t, home, "restore", backup)
	if exit != 1 || !strings.Contains(out, "-yes") || !strings.Contains(out, "nothing was changed") {
		t.Errorf("restore without -yes or a terminal: exit %d:\n%s", exit, out)
	}
	// Not a journal: refused.
	notes := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(notes, []byte(strings.Repeat("notes\n", 1000)), 0o600)
	if exit, out := steadyIn(t, home, "restore", "-yes", notes); exit != 1 || !strings.Contains(out, "not a Steady journal") {
		t.Errorf("restore of a file that is not a journal: exit %d:\n%s", exit, out)
	}
	// With the window open: refused.
	a := launch(t, home)
	if exit, out := steadyIn(t, home, "restore", "-yes", backup); exit != 1 || !strings.Contains(out, "quit Steady first") {
		t.Errorf("restore with the window open: exit %d:\n%s", exit, out)
	}
	if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
		t.Fatalf("stopping the window: exit %d, %v", exit, err)
	}

	exit, out = steadyIn(t, home, "restore", "-yes", backup)
	if exit != 0 || !strings.Contains(out, "Now: 5 check-ins") || !strings.Contains(out, "Backup: 3 check-ins") {
		t.Fatalf("restore -yes: exit %d:\n%s", exit, out)
	}
	if after := exported(t, home); after != before {
		t.Errorf("the restored journal's export:\n%s\nwant the backup's:\n%s", after, before)
	}
	kept, _ := filepath.Glob(filepath.Join(dataDir(home), "journal.db.before-restore-*"))
	if len(kept) != 1 {
		t.Fatalf("journals kept aside: %v, want one", kept)
	}
	bboltCheck(t, filepath.Join(dataDir(home), "journal.db"))
	bboltCheck(t, kept[0])
}
