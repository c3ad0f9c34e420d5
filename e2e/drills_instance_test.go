//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// With no session bus, or one that names nothing, the single-instance path
// works as usual: it runs over Steady's own socket, not D-Bus. The window
// opens, a command is answered by it, a second steady switches to it.
func TestDrillNoSessionBus(t *testing.T) {
	for _, bus := range []struct{ name, env string }{
		{"unset", ""},
		{"bogus", "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/steady-drill-bus"},
	} {
		t.Run(bus.name, func(t *testing.T) {
			home := t.TempDir()
			importEntries(t, home, 3, numbered)
			var env []string
			if bus.env != "" {
				env = []string{bus.env}
			}
			a := launchEnv(t, home, env)
			cmdEnv := append(homeEnv(home), env...)
			start := time.Now()
			exit, out := steady(t, cmdEnv, "export", "-format", "csv")
			if exit != 0 || strings.Count(out, "\nentry,") != 3 {
				t.Errorf("export answered by the window: exit %d after %v:\n%s", exit, time.Since(start).Round(time.Millisecond), out)
			}
			cmd := exec.Command(steadyBin)
			cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "DISPLAY=" + display.Name, "LANG=en_US.UTF-8"}, cmdEnv...)
			if exit, out := runCommand(t, cmd); exit != 0 || !strings.Contains(out, "switched to it") {
				t.Errorf("a second steady: exit %d:\n%s", exit, out)
			}
			if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
				t.Errorf("the window on SIGTERM: exit %d, %v", exit, err)
			}
		})
	}
}

// steady restore FILE killed with kill -9 at moments from its start to its
// end leaves the journal either as it was or as the backup, never a mix,
// and a file bbolt's own check passes.
func TestDrillRestoreKilled(t *testing.T) {
	home := t.TempDir()
	importEntries(t, home, 200, numbered)
	backup := filepath.Join(t.TempDir(), "copy.db")
	if exit, out := steadyIn(t, home, "backup", backup); exit != 0 {
		t.Fatalf("backup: exit %d:\n%s", exit, out)
	}
	old := filepath.Join(t.TempDir(), "more.csv")
	os.WriteFile(old, entriesFrom(t, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 50, numbered), 0o600)
	if exit, out := steadyIn(t, home, "import", old); exit != 0 {
		t.Fatalf("import: exit %d:\n%s", exit, out)
	}
	current := exported(t, home)
	restored := ""
	journal := filepath.Join(dataDir(home), "journal.db")
	seenOld, seenNew := false, false
	for _, after := range []time.Duration{0, 5, 10, 20, 30, 40, 60, 80, 120, 200} {
		after *= time.Millisecond
		// Each round starts from the journal that has moved on.
		if restored != "" && exported(t, home) != current {
			if exit, out := steadyIn(t, home, "import", "-replace-standing", old); exit != 0 {
				t.Fatalf("import: exit %d:\n%s", exit, out)
			}
		}
		cmd := exec.Command(steadyBin, "restore", "-yes", backup)
		cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "LANG=en_US.UTF-8"}, homeEnv(home)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL) // it may have finished already
		cmd.Wait()
		bboltCheck(t, journal)
		got := exported(t, home)
		switch {
		case got == current:
			seenOld = true
		case strings.Count(got, "\nentry,") == 200:
			seenNew = true
			if restored == "" {
				restored = got
			} else if got != restored {
				t.Errorf("killed after %v: the restored journal differs from an earlier restore", after)
			}
		default:
			t.Fatalf("killed after %v: the journal is neither the old one nor the backup:\n%s", after, got)
		}
		t.Logf("killed after %v: the journal is the %s", after, map[bool]string{true: "old one", false: "backup"}[got == current])
		if got != current {
			// Put the moved-on journal back for the next round.
			kept, _ := filepath.Glob(filepath.Join(dataDir(home), "journal.db.before-restore-*"))
			for _, k := range kept {
				bboltCheck(t, k)
			}
			if len(kept) == 0 {
				t.Fatal("a restore replaced the journal but kept no copy of it")
			}
			if err := os.Rename(kept[len(kept)-1], journal); err != nil {
				t.Fatal(err)
			}
			for _, k := range kept[:len(kept)-1] {
				os.Remove(k)
			}
			if exported(t, home) != current {
				t.Fatal("the journal kept aside by restore is not the one it replaced")
			}
		}
	}
	if !seenOld || !seenNew {
		t.Logf("kills landed only on one side: before a restore %v, after %v", seenOld, seenNew)
	}
}
