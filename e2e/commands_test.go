//go:build e2e

package e2e

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// steadyIn runs the binary without a window in the given home folder and
// returns its exit status and output.
func steadyIn(t *testing.T, home string, args ...string) (int, string) {
	t.Helper()
	return steady(t, homeEnv(home), args...)
}

// homeEnv is a command's environment for the home a window was launched
// with: the same config and runtime folders, so a command finds a running
// Steady's socket as it would on the desktop.
func homeEnv(home string) []string {
	return []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "XDG_RUNTIME_DIR=" + filepath.Join(home, "runtime")}
}

func TestCheckRoutine(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"Mine\"\n[[exercise]]\nid = \"x\"\nbogus = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		file     string
		wantExit int
		want     []string
	}{
		{"the short test routine", "testdata/short-routine.toml", 0, []string{"a valid routine: 2 exercises in 6 levels"}},
		{"a broken routine", bad, 1, []string{bad + ":2: missing name", bad + ":4: unknown key \"bogus\""}},
		{"no such file", "testdata/none.toml", 1, []string{"cannot read the routine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exit, out := steady(t, nil, "-check-routine", tt.file)
			if exit != tt.wantExit {
				t.Errorf("exit %d, want %d; output:\n%s", exit, tt.wantExit, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not contain %q:\n%s", w, out)
				}
			}
		})
	}
	// A bad routine given to the window is refused before any window opens.
	exit, out := steady(t, []string{"DISPLAY=" + display.Name}, "-routine", bad)
	if exit != 1 || !strings.Contains(out, "is not a valid routine") {
		t.Errorf("steady -routine BAD: exit %d, output:\n%s", exit, out)
	}
}

// An export imported into a fresh journal gives the same export, and
// importing it again changes nothing.
func TestExportImportBackup(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.csv")
	home := t.TempDir()
	// Start from an empty journal: its export is the header alone.
	exit, out := steadyIn(t, home, "export", "-format", "csv")
	if exit != 0 {
		t.Fatalf("export of an empty journal: exit %d:\n%s", exit, out)
	}
	header := strings.SplitN(out, "\n", 2)[0]
	// Write two check-ins in that very format, then import them.
	r := csv.NewReader(strings.NewReader(header))
	cols, err := r.Read()
	if err != nil {
		t.Fatalf("export header %q: %v", header, err)
	}
	line := func(vals map[string]string) string { return strings.TrimSuffix(csvLine(cols, vals), "\n") }
	at := time.Date(2026, 11, 2, 8, 15, 0, 0, time.FixedZone("", 3600))
	data := header + "\n" +
		line(map[string]string{"record": "entry", "time": at.Format(time.RFC3339), "kind": "morning",
			"back_pain": "4", "leg_pain": "2", "tightness": "5", "cause": "inactivity", "leg_reach": "thigh", "numb_weak": "false"}) + "\n" +
		line(map[string]string{"record": "entry", "time": at.Add(26 * time.Hour).Format(time.RFC3339), "kind": "any-time",
			"back_pain": "3", "leg_pain": "0", "tightness": "2", "cause": "none", "leg_reach": "none", "numb_weak": "false",
			"note": "after a walk, \"better\""}) + "\n"
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	exit, out = steadyIn(t, home, "import", in)
	if exit != 0 || !strings.Contains(out, "Imported 2 check-ins") {
		t.Fatalf("import: exit %d:\n%s", exit, out)
	}
	exit, out = steadyIn(t, home, "import", in)
	if exit != 0 || !strings.Contains(out, "2 already in the journal were skipped") {
		t.Fatalf("import again: exit %d:\n%s", exit, out)
	}

	exported := filepath.Join(t.TempDir(), "journal.json")
	if exit, out := steadyIn(t, home, "export", "-o", exported); exit != 0 {
		t.Fatalf("export -o: exit %d:\n%s", exit, out)
	}
	first, _ := os.ReadFile(exported)
	other := t.TempDir()
	if exit, out := steadyIn(t, other, "import", exported); exit != 0 {
		t.Fatalf("import of the JSON export into a new journal: exit %d:\n%s", exit, out)
	}
	again := filepath.Join(t.TempDir(), "again.json")
	steadyIn(t, other, "export", "-o", again)
	second, _ := os.ReadFile(again)
	if string(first) != string(second) || !strings.Contains(string(first), `after a walk, \"better\"`) {
		t.Errorf("export -> import -> export changed the journal:\n%s\n---\n%s", first, second)
	}

	// A malformed import file: every problem with its line, nothing imported.
	broken := filepath.Join(t.TempDir(), "broken.csv")
	os.WriteFile(broken, []byte(header+"\n"+line(map[string]string{"record": "entry", "time": "yesterday", "kind": "morning",
		"back_pain": "11", "leg_pain": "0", "tightness": "0", "cause": "none", "leg_reach": "none", "numb_weak": "false"})+"\n"), 0o644)
	exit, out = steadyIn(t, other, "import", broken)
	if exit != 1 || !strings.Contains(out, "nothing was imported") || !strings.Contains(out, broken+":2") {
		t.Errorf("import of a malformed file: exit %d:\n%s", exit, out)
	}

	// A backup is a journal Steady can open: bbolt's own checker agrees.
	backup := filepath.Join(t.TempDir(), "copy.db")
	if exit, out := steadyIn(t, home, "backup", backup); exit != 0 {
		t.Fatalf("backup: exit %d:\n%s", exit, out)
	}
	bboltCheck(t, backup)

	// The clinician report is written as a page.
	report := filepath.Join(t.TempDir(), "report.html")
	if exit, out := steadyIn(t, home, "report", "-o", report); exit != 0 {
		t.Fatalf("report: exit %d:\n%s", exit, out)
	}
	if page, _ := os.ReadFile(report); !strings.Contains(string(page), "not a substitute for a clinician") {
		t.Errorf("the report does not say Steady is not a substitute for a clinician")
	}
}

// bboltCheck runs bbolt's own consistency check on a journal file.
func bboltCheck(t *testing.T, path string) {
	t.Helper()
	bbolt := os.Getenv("BBOLT")
	if bbolt == "" {
		t.Fatal("BBOLT is not set: run `make e2e`, which installs bbolt's own command")
	}
	out, err := exec.Command(bbolt, "check", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "OK") {
		t.Errorf("bbolt check %s: %v\n%s", path, err, out)
	}
}
