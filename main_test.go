package main

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"steady/journal"
	"steady/locale"
)

// A packaged build reads FyneApp.toml; a plain `go build` uses the constants.
// Both must name the same app, or the two would keep their data apart.
func TestFyneAppMetadataMatches(t *testing.T) {
	var meta struct {
		Details     struct{ ID, Name, Version, Icon string }
		Migrations  map[string]bool
		LinuxAndBSD struct {
			GenericName, Comment string
			Categories, Keywords []string
		}
	}
	if _, err := toml.DecodeFile("FyneApp.toml", &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Details.ID != appID {
		t.Errorf("FyneApp.toml ID %q, want %q", meta.Details.ID, appID)
	}
	if meta.Details.Version != version {
		t.Errorf("FyneApp.toml Version %q, want %q", meta.Details.Version, version)
	}
	if meta.Details.Name != "Steady" {
		t.Errorf("FyneApp.toml Name %q, want Steady", meta.Details.Name)
	}
	if !meta.Migrations["fyneDo"] {
		t.Error("FyneApp.toml does not declare the fyneDo migration")
	}
	if meta.LinuxAndBSD.GenericName == "" || meta.LinuxAndBSD.Comment == "" ||
		len(meta.LinuxAndBSD.Categories) == 0 || len(meta.LinuxAndBSD.Keywords) == 0 {
		t.Errorf("FyneApp.toml [LinuxAndBSD] is incomplete: %+v", meta.LinuxAndBSD)
	}
}

func TestCommandLineWithoutWindow(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		display  string
		wantExit int
		wantOut  string
		wantErr  string
	}{
		{"version", []string{"-version"}, "", 0, "steady " + version + "\n", ""},
		{"help", []string{"-help"}, "", 0, "", "Usage: steady"},
		{"unknown flag", []string{"-nope"}, "", 2, "", "flag provided but not defined: -nope"},
		{"stray argument", []string{"extra"}, "", 2, "", `unexpected argument "extra"`},
		{"no display", nil, "", 1, "", "steady: no display found"},
		{"unknown language", []string{"-language", "nl"}, "", 2, "", `steady: -language "nl": want one of en, de, es, fr`},
		// The flag outranks the system's language for what is said too.
		{"a language, no display", []string{"-language", "de"}, "", 1, "", "steady: kein Display gefunden"},
		{"a display that does not answer", nil, ":4711", 1, "", "steady: cannot open the display :4711"},
	}
	defer locale.Set(locale.Current())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			locale.Set(locale.English)
			t.Setenv("LANGUAGE", os.Getenv("LANGUAGE")) // locale.Setup sets it
			t.Setenv("DISPLAY", tt.display)
			t.Setenv("WAYLAND_DISPLAY", "")
			var out, errOut bytes.Buffer
			if got := run(tt.args, strings.NewReader(""), &out, &errOut); got != tt.wantExit {
				t.Errorf("exit %d, want %d (stderr %q)", got, tt.wantExit, errOut.String())
			}
			if tt.wantOut != "" && out.String() != tt.wantOut {
				t.Errorf("stdout %q, want %q", out.String(), tt.wantOut)
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr %q, want it to contain %q", errOut.String(), tt.wantErr)
			}
		})
	}
}

// The window opens on Wayland natively, or on X11; haveDisplay only says in
// one line when neither display answers.
func TestHaveDisplay(t *testing.T) {
	runtime := t.TempDir()
	l, err := net.Listen("unix", filepath.Join(runtime, "wayland-1"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	tests := []struct {
		name, display, wayland, runtimeDir string
		wantErr                            string // "" when a window can open
	}{
		{"nothing", "", "", runtime, "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); Steady needs a graphical desktop"},
		{"Wayland answers", "", "wayland-1", runtime, ""},
		{"Wayland socket by path", "", filepath.Join(runtime, "wayland-1"), "", ""},
		{"Wayland answers, X does not", ":4711", "wayland-1", runtime, ""},
		{"no Wayland socket", "", "wayland-9", runtime,
			"cannot open the Wayland display wayland-9: no such file or folder"},
		{"no runtime folder", "", "wayland-1", "", "cannot open the Wayland display wayland-1: XDG_RUNTIME_DIR is not set"},
		{"neither answers", ":4711", "wayland-9", runtime,
			"cannot open the Wayland display wayland-9: no such file or folder; " +
				"nor the display :4711: no such file or folder"},
		{"X does not answer", ":4711", "", runtime, "cannot open the display :4711: no such file or folder"},
		{"remote X is left to the toolkit", "example.org:0", "wayland-9", runtime, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DISPLAY", tt.display)
			t.Setenv("WAYLAND_DISPLAY", tt.wayland)
			t.Setenv("XDG_RUNTIME_DIR", tt.runtimeDir)
			err := haveDisplay()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.wantErr {
				t.Errorf("got %q, want %q", got, tt.wantErr)
			}
		})
	}
}

// Under the C locale with a codeset (C.UTF-8, the default of containers)
// the toolkit used to log "Error parsing user locale C" at start-up, before
// main; package locale/posix, initialised first, prevents it. The test
// binary links the same packages: started again with that locale, it must
// start quietly.
func TestNoLocaleComplaintUnderCUTF8(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if strings.Contains(string(out), "locale") {
		t.Errorf("the toolkit complains about the locale at start-up:\n%s", out)
	}
}

// The language chosen in Settings is read from the toolkit's preferences
// file before any window opens.
func TestLanguageSettingFromPreferences(t *testing.T) {
	tests := []struct{ name, file, want string }{
		{"chosen", `{"appearance.language":"fr","sound.volume":0.8}`, "fr"},
		{"following the system", `{"appearance.language":""}`, ""},
		{"never chosen", `{"sound.volume":0.8}`, ""},
		{"a broken file", `{"appearance.language":`, ""},
		{"no file", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				if err := os.WriteFile(filepath.Join(dir, "preferences.json"), []byte(tt.file), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if got := languageSetting(dir); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// What happened to a damaged journal is said in the user's language, with
// the backup's time in the regional format.
func TestRecoveryNotice(t *testing.T) {
	defer locale.Set(locale.Current())
	backup := time.Date(2026, 3, 3, 9, 5, 0, 0, time.Local)
	tests := []struct {
		locale string
		r      journal.Recovery
		want   []string
	}{
		{"en", journal.Recovery{Moved: "/d/journal.damaged.db"},
			[]string{"Your journal file was damaged.", "moved it to /d/journal.damaged.db", "started an empty journal"}},
		{"en", journal.Recovery{Moved: "/d/x.db", RestoredFrom: "/d/backups/journal-2026-03-03.db", BackupTime: backup},
			[]string{"restored the backup from 3 March 2026, 09:05", "entries after that are not in it"}},
		{"de_DE", journal.Recovery{Moved: "/d/x.db", RestoredFrom: "/d/b.db", BackupTime: backup},
			[]string{"Ihre Tagebuchdatei war beschädigt.", "nach /d/x.db verschoben", "Sicherung vom 3. März 2026, 09:05"}},
	}
	for _, tt := range tests {
		l, _ := locale.Parse(tt.locale)
		locale.Set(l)
		got := recoveryNotice(&tt.r)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q does not say %q", tt.locale, got, w)
			}
		}
	}
}
