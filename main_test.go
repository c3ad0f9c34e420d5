package main

import (
	"bytes"
	"net"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
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
		{"a language, no display", []string{"-language", "de"}, "", 1, "", "steady: no display found"},
		{"a display that does not answer", nil, ":4711", 1, "", "steady: cannot open the display :4711"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
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
			"cannot open the Wayland display wayland-9: connect: no such file or directory"},
		{"no runtime folder", "", "wayland-1", "", "cannot open the Wayland display wayland-1: XDG_RUNTIME_DIR is not set"},
		{"neither answers", ":4711", "wayland-9", runtime,
			"cannot open the Wayland display wayland-9: connect: no such file or directory; " +
				"nor the display :4711: connect: no such file or directory"},
		{"X does not answer", ":4711", "", runtime, "cannot open the display :4711: connect: no such file or directory"},
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
