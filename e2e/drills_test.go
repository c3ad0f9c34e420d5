//go:build e2e

package e2e

// Reliability drills: the real binary under the failures a person's machine
// can throw at it (a crash, a damaged or locked journal, a read-only or full
// disk, no sound, no display, bad files, no network). Each drill checks what
// the person sees, the message, the exit status and that no data is lost.
// docs/RELIABILITY.md lists them with what they observed.

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// dataDir is where Steady keeps the journal for a home prepared by Launch
// or steadyIn.
func dataDir(home string) string {
	return filepath.Join(home, ".config", "fyne", "io.github.steady")
}

// importEntries imports n any-time check-ins, an hour apart from the start
// of 2025, into the journal in home, each with the note note(i).
func importEntries(t *testing.T, home string, n int, note func(i int) string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "entries.csv")
	if err := os.WriteFile(path, entriesCSV(t, n, note), 0o600); err != nil {
		t.Fatal(err)
	}
	exit, out := steadyIn(t, home, "import", path)
	if exit != 0 || !strings.Contains(out, fmt.Sprintf("Imported %d check-in", n)) {
		t.Fatalf("import of %d check-ins: exit %d:\n%s", n, exit, out)
	}
}

// entriesCSV is an import file, in the export's own format, of n any-time
// check-ins an hour apart from the start of 2025.
func entriesCSV(t *testing.T, n int, note func(i int) string) []byte {
	return entriesFrom(t, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), n, note)
}

// entriesFrom is entriesCSV starting at start.
func entriesFrom(t *testing.T, start time.Time, n int, note func(i int) string) []byte {
	t.Helper()
	exit, out := steadyIn(t, t.TempDir(), "export", "-format", "csv")
	if exit != 0 {
		t.Fatalf("export of an empty journal: exit %d:\n%s", exit, out)
	}
	cols, err := csv.NewReader(strings.NewReader(out)).Read()
	if err != nil {
		t.Fatalf("the export's header: %v\n%s", err, out)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(cols)
	for i := range n {
		vals := map[string]string{"record": "entry", "time": start.Add(time.Duration(i) * time.Hour).Format(time.RFC3339),
			"kind": "any-time", "back_pain": "2", "leg_pain": "0", "tightness": "3", "cause": "inactivity",
			"leg_reach": "none", "numb_weak": "false", "note": note(i)}
		row := make([]string, len(cols))
		for j, c := range cols {
			row[j] = vals[c]
		}
		w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// numbered is a note that tells the check-ins apart.
func numbered(i int) string { return fmt.Sprintf("drill note %d", i) }

// exported is the journal in home as Steady's own CSV export.
func exported(t *testing.T, home string) string {
	t.Helper()
	exit, out := steadyIn(t, home, "export", "-format", "csv")
	if exit != 0 {
		t.Fatalf("export: exit %d:\n%s", exit, out)
	}
	return out
}

// checkEntries checks that the journal in home holds exactly the n numbered
// check-ins importEntries put there.
func checkEntries(t *testing.T, home string, n int) {
	t.Helper()
	out := exported(t, home)
	if got := strings.Count(out, "\nentry,"); got != n {
		t.Errorf("the journal holds %d check-ins, want %d", got, n)
	}
	for _, i := range []int{0, n / 2, n - 1} {
		if !strings.Contains(out, ","+numbered(i)+",") {
			t.Errorf("the check-in %q is missing from the export", numbered(i))
		}
	}
}

// noCrash fails when the output shows a Go panic or fatal error.
func noCrash(t *testing.T, out string) {
	t.Helper()
	for _, sign := range []string{"panic:", "goroutine ", "fatal error:", "SIGSEGV"} {
		if strings.Contains(out, sign) {
			t.Errorf("the output shows a crash (%q):\n%s", sign, out)
			return
		}
	}
}

// ownLines are the lines of out that are not the toolkit's log. (The
// toolkit may log "Preferences load error: EOF" when its file watcher reads
// the preferences while it rewrites them; see docs/RELIABILITY.md.)
func ownLines(out string) []string {
	var own []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line != "" && !strings.Contains(line, "Fyne error") && !strings.Contains(line, "  Cause: ") && !strings.Contains(line, "  At: ") {
			own = append(own, line)
		}
	}
	return own
}

// closeProblem closes the window Steady shows when it cannot open the
// journal, as a keyboard user would (Tab to Close, Space), and returns the
// exit status. (Close moves with the length of the message.)
func closeProblem(t *testing.T, a *App) int {
	t.Helper()
	if err := a.Key("Tab", "space"); err != nil {
		t.Fatal(err)
	}
	exit, err := a.Wait(10 * time.Second)
	if err != nil {
		t.Fatalf("after Close: %v", err)
	}
	return exit
}

// Drill 1: SIGKILL while a session runs and while Steady writes its journal
// at start-up. Every check-in stays, and the file passes bbolt's check.
func TestDrillKill(t *testing.T) {
	const n = 300
	home := t.TempDir()
	importEntries(t, home, n, numbered)

	a := launchEnv(t, home, nil)
	completeFirstRun(t, a, "drill-kill-")
	today := shot(t, a, "drill-kill-today")
	a.Kill() // straight after the first run saved the standing

	b := launchEnv(t, home, nil, "-start")
	time.Sleep(2 * time.Second)
	// The session's countdown moves: one screenshot, not a settled one.
	session, err := b.Screenshot(filepath.Join(outDir, "drill-kill-session.png"))
	if err != nil {
		t.Fatal(err)
	}
	if Changed(today, session) < 20000 {
		t.Fatal("steady -start did not open the session")
	}
	b.Kill()

	// At start-up Steady writes the day's backup (and bbolt grows the file
	// on first open). Kill it at moments spread over that start-up, each
	// time with the backup missing so it is written again.
	// make drills (STEADY_DRILLS set) kills at 40 moments instead of 7.
	moments := []int{0, 50, 100, 150, 200, 300, 450}
	if os.Getenv("STEADY_DRILLS") != "" {
		moments = moments[:0]
		for ms := 0; ms < 800; ms += 20 {
			moments = append(moments, ms)
		}
	}
	backups := filepath.Join(dataDir(home), "backups")
	for i, ms := range moments {
		if err := os.RemoveAll(backups); err != nil {
			t.Fatal(err)
		}
		c := startApp(t, home, nil)
		time.Sleep(time.Duration(ms) * time.Millisecond)
		c.Kill()
		files, _ := filepath.Glob(filepath.Join(backups, "*"))
		t.Logf("kill %d, %d ms after start: the backups folder holds %d file(s)", i, ms, len(files))
	}
	bboltCheck(t, filepath.Join(dataDir(home), "journal.db"))
	// A backup is whole or absent: a killed copy leaves at most a hidden
	// temporary file, never a journal-DATE.db that is cut short.
	good, _ := filepath.Glob(filepath.Join(backups, "journal-*.db"))
	for _, f := range good {
		bboltCheck(t, f)
	}
	if stray, _ := filepath.Glob(filepath.Join(backups, ".*tmp-*")); len(stray) > 0 {
		t.Logf("left by a killed backup copy (harmless, never read): %v", stray)
	}
	checkEntries(t, home, n)

	// Steady opens as before: Today, not the first run again.
	d := launchEnv(t, home, nil)
	again := shot(t, d, "drill-kill-reopened")
	if diff := Changed(today, again); diff > 2000 {
		t.Errorf("after the kills Today differs from before in %d pixels", diff)
	}
	if exit, err := d.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Errorf("on SIGTERM: exit %d, %v", exit, err)
	}
	noCrash(t, d.Output())
}

// Drill 2: the journal file is damaged. Steady keeps the damaged file,
// restores the newest backup, and says so on stderr and in a dialog.
func TestDrillDamagedJournal(t *testing.T) {
	const n = 200
	home := t.TempDir()
	a := launchEnv(t, home, nil)
	completeFirstRun(t, a, "drill-damaged-")
	if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Fatalf("on SIGTERM: exit %d, %v", exit, err)
	}
	importEntries(t, home, n, numbered)
	// A backup from an earlier day holds everything: today's backup was
	// made when the journal was new, so let Steady make it again.
	dir := dataDir(home)
	if err := os.RemoveAll(filepath.Join(dir, "backups")); err != nil {
		t.Fatal(err)
	}
	exported(t, home)
	day := time.Now().AddDate(0, 0, -1).Format(time.DateOnly)
	today := filepath.Join(dir, "backups", "journal-"+time.Now().Format(time.DateOnly)+".db")
	earlier := filepath.Join(dir, "backups", "journal-"+day+".db")
	if err := os.Rename(today, earlier); err != nil {
		t.Fatal(err)
	}
	garbage := bytes.Repeat([]byte("not a journal \x00\xff"), 4096)
	journal := filepath.Join(dir, "journal.db")
	if err := os.WriteFile(journal, garbage, 0o600); err != nil {
		t.Fatal(err)
	}

	b := launchEnv(t, home, nil)
	shot(t, b, "drill-damaged-journal")
	out := b.Output()
	want := regexp.MustCompile(`steady: Your journal file was damaged\. Steady moved it to (\S+) and restored the backup from [^;]+; entries after that are not in it\.`)
	m := want.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("stderr does not say what Steady did with the damaged file:\n%s", out)
	}
	if exit, err := b.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Errorf("on SIGTERM: exit %d, %v", exit, err)
	}
	noCrash(t, out)
	kept, err := os.ReadFile(m[1])
	if err != nil || !bytes.Equal(kept, garbage) {
		t.Errorf("the damaged file is not kept as it was at %s: %v", m[1], err)
	}
	bboltCheck(t, journal)
	checkEntries(t, home, n)

	// Without any backup: an empty journal, and the damaged file kept.
	t.Run("no backup", func(t *testing.T) {
		home := t.TempDir()
		dir := dataDir(home)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "journal.db"), garbage, 0o600)
		exit, out := steadyIn(t, home, "export")
		if exit != 0 || !strings.Contains(out, "started an empty journal; there was no backup to restore") {
			t.Errorf("export of a damaged journal with no backup: exit %d:\n%s", exit, out)
		}
		if kept, _ := filepath.Glob(filepath.Join(dir, "journal.db.damaged-*")); len(kept) != 1 {
			t.Errorf("damaged files kept: %v, want one", kept)
		}
	})
}

// Drill 3: a Steady is running. Every command that uses the journal is
// run by it within a few seconds and exits 0; a second Steady switches to
// it and exits 0, with no second window; the first goes on. (TestDrillOneSteady
// compares the output with the window closed.)
func TestDrillLocked(t *testing.T) {
	home := t.TempDir()
	a := launchEnv(t, home, nil)
	file := filepath.Join(t.TempDir(), "in.csv")
	os.WriteFile(file, entriesCSV(t, 1, numbered), 0o600)
	for _, args := range [][]string{
		{"export"},
		{"import", file},
		{"backup", filepath.Join(t.TempDir(), "copy.db")},
		{"report", "-o", filepath.Join(t.TempDir(), "report.html")},
	} {
		start := time.Now()
		exit, out := steadyIn(t, home, args...)
		took := time.Since(start)
		t.Logf("steady %s: exit %d after %v: %s", args[0], exit, took.Round(time.Millisecond), strings.TrimSpace(out))
		if exit != 0 || strings.Contains(out, "Steady is already running") {
			t.Errorf("steady %s while Steady runs: exit %d:\n%s", args[0], exit, out)
		}
		if took > 5*time.Second {
			t.Errorf("steady %s took %v with Steady running", args[0], took)
		}
	}
	b := startApp(t, home, nil)
	if exit, err := b.Wait(10 * time.Second); err != nil || exit != 0 {
		t.Errorf("the second Steady: exit %d, %v", exit, err)
	}
	if lines := ownLines(b.Output()); len(lines) != 1 || !strings.Contains(lines[0], "switched to it") {
		t.Errorf("the second Steady printed %q, want one line saying it switched to the running one", b.Output())
	}
	if n := steadyWindows(t, a); n != 1 {
		t.Errorf("%d windows titled Steady, want 1", n)
	}
	if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Errorf("the first Steady on SIGTERM: exit %d, %v", exit, err)
	}
}

// Drill 4: the data folder cannot be written. As root, permissions do not
// stop Steady, so the folder is bind-mounted read-only over itself; another
// user gets chmod 0500 on the folder and 0400 on the journal. A second case
// makes the folder impossible to create: its parent is a regular file.
func TestDrillReadOnlyData(t *testing.T) {
	const n = 20
	t.Run("read-only folder", func(t *testing.T) {
		home := t.TempDir()
		importEntries(t, home, n, numbered)
		dir := dataDir(home)
		journal := filepath.Join(dir, "journal.db")
		if os.Geteuid() == 0 {
			if out, err := exec.Command("mount", "--bind", dir, dir).CombinedOutput(); err != nil {
				t.Skipf("cannot bind-mount the data folder (%v: %s); this drill needs root or another user", err, out)
			}
			t.Cleanup(func() { exec.Command("umount", dir).Run() })
			if out, err := exec.Command("mount", "-o", "remount,bind,ro", dir).CombinedOutput(); err != nil {
				t.Skipf("cannot make the bind mount read-only: %v: %s", err, out)
			}
		} else {
			for path, mode := range map[string]os.FileMode{journal: 0o400, filepath.Join(dir, "backups"): 0o500, dir: 0o500} {
				if err := os.Chmod(path, mode); err != nil {
					t.Fatal(err)
				}
			}
			t.Cleanup(func() { os.Chmod(dir, 0o700) }) // so the test can remove it
		}
		if err := os.WriteFile(filepath.Join(dir, "probe"), nil, 0o600); err == nil {
			t.Fatal("the data folder is still writable")
		}
		exit, out := steadyIn(t, home, "export")
		t.Logf("export: exit %d: %s", exit, strings.TrimSpace(out))
		reason := "the disk is read-only"
		if os.Geteuid() != 0 {
			reason = "permission denied"
		}
		if want := "steady: Steady cannot open your journal at " + journal + ": " + reason + "\n"; exit != 1 || out != want {
			t.Errorf("export with a read-only journal: exit %d, output:\n%s\nwant exit 1 and:\n%s", exit, out, want)
		}
		a := launchEnv(t, home, nil)
		shot(t, a, "drill-read-only")
		if !strings.Contains(a.Output(), "steady: Steady cannot open your journal at "+journal) {
			t.Errorf("the window's stderr does not say why:\n%s", a.Output())
		}
		if exit := closeProblem(t, a); exit != 1 {
			t.Errorf("exit %d after Close, want 1", exit)
		}
		noCrash(t, a.Output())
		if os.Geteuid() == 0 {
			exec.Command("umount", dir).Run()
		} else {
			os.Chmod(dir, 0o700)
			os.Chmod(journal, 0o600)
		}
		bboltCheck(t, journal)
		checkEntries(t, home, n)
	})
	t.Run("folder cannot be created", func(t *testing.T) {
		home := t.TempDir()
		parent := filepath.Join(home, ".config", "fyne")
		os.MkdirAll(filepath.Dir(parent), 0o700)
		if err := os.WriteFile(parent, []byte("a file where the folder should be\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		exit, out := steadyIn(t, home, "export")
		t.Logf("export: exit %d: %s", exit, strings.TrimSpace(out))
		if want := "steady: Steady cannot open your journal at " + filepath.Join(dataDir(home), "journal.db") + ": " + parent + ": a part of the path is not a folder\n"; exit != 1 || out != want {
			t.Errorf("export with no data folder: exit %d:\n%s", exit, out)
		}
		a := launchEnv(t, home, nil)
		shot(t, a, "drill-no-folder")
		if exit := closeProblem(t, a); exit != 1 {
			t.Errorf("exit %d after Close, want 1", exit)
		}
		noCrash(t, a.Output())
		t.Logf("the window printed:\n%s", a.Output())
	})
}

// Drill 5: the disk is full (a 64 KiB tmpfs as the config folder). An
// import and a check-in fail with a clear message; the journal stays whole.
func TestDrillFullDisk(t *testing.T) {
	home := t.TempDir()
	config := filepath.Join(home, ".config")
	os.MkdirAll(config, 0o700)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", config).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs (needs root): %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", config).Run() })

	a := launchEnv(t, home, nil)
	completeFirstRun(t, a, "drill-full-")
	today := shot(t, a, "drill-full-today")
	if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Fatalf("on SIGTERM: exit %d, %v", exit, err)
	}
	const n = 5
	importEntries(t, home, n, numbered)
	before := exported(t, home)

	// Fill the disk.
	filler, err := os.Create(filepath.Join(config, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := filler.Write(make([]byte, 4096)); err != nil {
			break
		}
	}
	filler.Close()
	var st syscall.Statfs_t
	syscall.Statfs(config, &st)
	t.Logf("the config folder has %d bytes free", st.Bavail*uint64(st.Bsize))

	big := filepath.Join(t.TempDir(), "big.csv")
	os.WriteFile(big, entriesFrom(t, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 3000, func(i int) string { return "a longer note to take room " + strconv.Itoa(i) }), 0o600)
	exit, out := steadyIn(t, home, "import", big)
	t.Logf("import on a full disk: exit %d: %s", exit, strings.TrimSpace(out))
	if exit != 1 || !strings.Contains(out, "steady import: nothing was imported: ") || !strings.Contains(out, "the disk is full") {
		t.Errorf("import on a full disk: exit %d, want 1 and a message saying the disk is full:\n%s", exit, out)
	}
	noCrash(t, out)
	journal := filepath.Join(dataDir(home), "journal.db")
	bboltCheck(t, journal)
	if after := exported(t, home); after != before {
		t.Errorf("the failed import changed the journal")
	}

	// A check-in from the window.
	b := launchEnv(t, home, nil)
	shot(t, b, "drill-full-reopened")
	if err := b.Click(163, 211); err != nil { // Morning check-in
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	for _, p := range [][2]int{{517, 105}, {409, 166}, {571, 227}, {345, 286}, {595, 692}} { // 3, 1, 4, after sitting; Save
		if err := b.Click(p[0], p[1]); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
	}
	failed := shot(t, b, "drill-full-check-in")
	if Changed(today, failed) < 5000 {
		t.Error("the check-in dialog closed as if it had saved")
	}
	if exit, err := b.Stop(5 * time.Second); err != nil || exit != 0 {
		t.Errorf("on SIGTERM: exit %d, %v", exit, err)
	}
	noCrash(t, b.Output())
	bboltCheck(t, journal)
	if after := exported(t, home); after != before {
		t.Errorf("the failed check-in changed the journal:\n%s", after)
	}
}

// An ALSA configuration in which the default device does not exist.
const noDevice = "# no devices: the default PCM is not defined\n"

// Drill 6: no sound device; no display.
func TestDrillNoAudioNoDisplay(t *testing.T) {
	t.Run("no sound device", func(t *testing.T) {
		home := t.TempDir()
		conf := filepath.Join(t.TempDir(), "asound.conf")
		os.WriteFile(conf, []byte(noDevice), 0o600)
		a := launchEnv(t, home, []string{"ALSA_CONFIG_PATH=" + conf})
		completeFirstRun(t, a, "drill-no-audio-")
		if err := a.Key("ctrl+3"); err != nil {
			t.Fatal(err)
		}
		shot(t, a, "drill-no-audio-settings")
		if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
			t.Errorf("on SIGTERM: exit %d, %v", exit, err)
		}
		out := a.Output()
		t.Logf("stderr:\n%s", out)
		if got := strings.Count(out, "steady: No audio output found — cues are shown on screen."); got != 1 {
			t.Errorf("the no-sound line appears %d times, want once:\n%s", got, out)
		}
		if strings.Contains(out, "ALSA lib") {
			t.Errorf("alsa-lib's own messages reach stderr:\n%s", out)
		}
		if own := ownLines(out); len(own) != 1 {
			t.Errorf("stderr has %d lines of Steady's own, want the one about sound: %q", len(own), own)
		}
	})
	for _, tt := range []struct {
		name string
		env  []string
		want string
	}{
		{"DISPLAY names no server", []string{"DISPLAY=:4711"}, "steady: cannot open the display :4711"},
		{"WAYLAND_DISPLAY names no compositor", []string{"WAYLAND_DISPLAY=wayland-0", "XDG_RUNTIME_DIR=" + t.TempDir()},
			"steady: cannot open the Wayland display wayland-0: no such file or folder"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			exit, out := steady(t, tt.env)
			t.Logf("exit %d after %v: %s", exit, time.Since(start).Round(time.Millisecond), strings.TrimSpace(out))
			if exit != 1 || !strings.HasPrefix(out, tt.want) || strings.Count(strings.TrimSpace(out), "\n") != 0 {
				t.Errorf("exit %d, want 1 and one line starting %q:\n%s", exit, tt.want, out)
			}
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}

// Drill 7: malformed routine and import files: every problem said, nothing
// imported, no crash.
func TestDrillMalformedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(i*131 + i/7)
	}
	t.Run("routine", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			file string
			want string
		}{
			{"binary garbage", write("garbage.toml", garbage), "is not a valid routine"},
			{"empty", write("empty.toml", nil), "is not a valid routine"},
			{"a folder", dir, "cannot read the routine"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				exit, out := steady(t, nil, "-check-routine", tt.file)
				t.Logf("exit %d: %s", exit, firstLines(out, 3))
				if exit != 1 || !strings.Contains(out, tt.want) {
					t.Errorf("-check-routine: exit %d, want 1 and %q:\n%s", exit, tt.want, out)
				}
				noCrash(t, out)
				exit, out = steady(t, []string{"DISPLAY=" + display.Name}, "-routine", tt.file)
				if exit != 1 || !strings.Contains(out, tt.want) {
					t.Errorf("-routine: exit %d, want 1 and %q:\n%s", exit, tt.want, out)
				}
			})
		}
	})
	t.Run("import", func(t *testing.T) {
		home := t.TempDir()
		importEntries(t, home, 3, numbered)
		before := exported(t, home)
		longNote := string(entriesCSV(t, 1, func(int) string { return strings.Repeat("é", 1<<19) })) // 1 MiB
		for _, tt := range []struct {
			name string
			file string
			want []string
		}{
			{"binary garbage", write("garbage.csv", garbage), []string{"nothing was imported"}},
			{"binary garbage as JSON", write("garbage.json", garbage), []string{"nothing was imported", "not readable as JSON"}},
			{"empty", write("empty.csv", nil), []string{"nothing was imported", "the file is empty"}},
			{"empty JSON", write("empty.json", nil), []string{"nothing was imported"}},
			{"a 1 MiB note", write("long-note.csv", []byte(longNote)), []string{"nothing was imported", "long-note.csv:2: "}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				exit, out := steadyIn(t, home, "import", tt.file)
				t.Logf("exit %d: %s", exit, firstLines(out, 3))
				if exit != 1 {
					t.Errorf("exit %d, want 1:\n%s", exit, firstLines(out, 20))
				}
				for _, w := range tt.want {
					if !strings.Contains(out, w) {
						t.Errorf("output does not say %q:\n%s", w, firstLines(out, 20))
					}
				}
				if len(out) > 4000 {
					t.Errorf("the output is %d bytes long; it should say what is wrong, not echo the file", len(out))
				}
				noCrash(t, out)
				if after := exported(t, home); after != before {
					t.Errorf("a refused import changed the journal")
				}
			})
		}
	})
}

// firstLines is the first n lines of s, for logs.
func firstLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimSpace(s), "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}

// Drill 9: no network. Steady runs normally in a network namespace of its
// own, and with the network there it connects to nothing on it.
func TestDrillNoNetwork(t *testing.T) {
	t.Run("no network at all", func(t *testing.T) {
		if _, err := exec.LookPath("unshare"); err != nil {
			t.Skip("unshare (util-linux) is not installed")
		}
		if err := exec.Command("unshare", "-n", "true").Run(); err != nil {
			t.Skipf("cannot make a network namespace here (needs root): %v", err)
		}
		home := t.TempDir()
		// unshare without --fork execs Steady in its own process, so the
		// window's pid is the one started.
		a := startWith(t, Config{Bin: "unshare", Args: []string{"-n", steadyBin}, Home: home})
		if _, err := a.WaitWindow(20 * time.Second); err != nil {
			t.Fatal(err)
		}
		completeFirstRun(t, a, "drill-no-network-")
		time.Sleep(2 * time.Second)
		shot(t, a, "drill-no-network")
		if exit, err := a.Stop(5 * time.Second); err != nil || exit != 0 {
			t.Errorf("on SIGTERM: exit %d, %v", exit, err)
		}
		if own := ownLines(a.Output()); len(own) > 0 {
			t.Errorf("Steady printed something without a network: %q", own)
		}
	})
	t.Run("no connection made", func(t *testing.T) {
		if _, err := exec.LookPath("strace"); err != nil {
			t.Skip("strace is not installed")
		}
		home := t.TempDir()
		trace := filepath.Join(t.TempDir(), "trace")
		a, err := Launch(display, Config{Bin: "strace", Home: home,
			Args: []string{"-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", trace, steadyBin}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			select {
			case <-a.done:
			default:
				// strace leaves its tracees running when it is killed:
				// they go first.
				children, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", a.Pid(), a.Pid()))
				for _, c := range strings.Fields(string(children)) {
					if pid, err := strconv.Atoi(c); err == nil {
						syscall.Kill(pid, syscall.SIGKILL)
					}
				}
				a.Kill()
			}
		})
		// The window belongs to strace's child: find it by name.
		var pid int
		deadline := time.Now().Add(30 * time.Second)
		for pid == 0 && time.Now().Before(deadline) {
			out, err := a.xdotool("search", "--onlyvisible", "--name", "^Steady$")
			if ids := strings.Fields(out); err == nil && len(ids) > 0 {
				a.Window = ids[0]
				p, _ := a.xdotool("getwindowpid", ids[0])
				pid, _ = strconv.Atoi(strings.TrimSpace(p))
			}
			time.Sleep(50 * time.Millisecond)
		}
		if pid == 0 {
			t.Fatalf("no window under strace:\n%s", a.Output())
		}
		completeFirstRun(t, a, "drill-strace-")
		shot(t, a, "drill-strace")
		syscall.Kill(pid, syscall.SIGTERM)
		if _, err := a.Wait(10 * time.Second); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(trace)
		if err != nil {
			t.Fatal(err)
		}
		calls := strings.Count(string(data), "\n")
		var families []string
		for _, line := range strings.Split(string(data), "\n") {
			if m := regexp.MustCompile(`sa_family=(AF_\w+)`).FindStringSubmatch(line); m != nil {
				families = append(families, m[1])
			}
			if strings.Contains(line, "AF_INET") {
				t.Errorf("Steady used the network: %s", line)
			}
		}
		t.Logf("%d traced calls; address families: %v", calls, families)
		if calls == 0 {
			t.Error("strace saw no calls at all; the trace proves nothing")
		}
	})
}
