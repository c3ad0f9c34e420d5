package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"steady/instance"
	"steady/journal"
)

// useDataDir points Steady's data folder into a new temporary folder.
func useDataDir(t *testing.T) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_RUNTIME_DIR", "")
}

// A command run for another process (the open window runs it for the
// command line) takes relative names from that process's folder, and says
// them as they were given.
func TestCommandsInTheCallersFolder(t *testing.T) {
	useDataDir(t)
	j, err := journal.Open(journalPath())
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	dir := t.TempDir()
	tests := []struct {
		args    []string
		wantOut string
		file    string
	}{
		{[]string{"backup", "copy.db"}, "Journal copied to copy.db\n", "copy.db"},
		{[]string{"export", "-o", "journal.csv"}, "", "journal.csv"},
		{[]string{"report", "-o", "report.html"}, "Report written to report.html\n", "report.html"},
	}
	for _, tt := range tests {
		t.Run(tt.args[0], func(t *testing.T) {
			var out, errOut bytes.Buffer
			e := &cmdEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, dir: dir,
				journal: func(io.Writer) (*journal.Store, func(), bool) { return j, func() {}, true }}
			if exit := commands[tt.args[0]](tt.args[1:], e); exit != exitOK || out.String() != tt.wantOut {
				t.Errorf("got exit %d, stdout %q, stderr %q; want 0 and %q", exit, out.String(), errOut.String(), tt.wantOut)
			}
			if _, err := os.Stat(filepath.Join(dir, tt.file)); err != nil {
				t.Errorf("%s is not in the caller's folder: %v", tt.file, err)
			}
		})
	}
	// A missing file is named as given.
	var errOut bytes.Buffer
	e := &cmdEnv{stdout: io.Discard, stderr: &errOut, dir: dir,
		journal: func(io.Writer) (*journal.Store, func(), bool) { return j, func() {}, true }}
	if exit := importCmd([]string{"none.csv"}, e); exit != exitFail || !strings.Contains(errOut.String(), "none.csv: no such file or folder") {
		t.Errorf("import of a missing file: exit %d, stderr %q", exit, errOut.String())
	}
}

// Restore refuses while a window is open, and without a terminal to ask
// on unless told -yes; either way the journal is left as it was.
func TestRestoreRefuses(t *testing.T) {
	useDataDir(t)
	j, err := journal.Open(journalPath())
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if err := j.Backup(backup); err != nil {
		t.Fatal(err)
	}
	j.Close()

	srv, err := instance.Listen(instance.SocketPath(journalPath()))
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if exit := run([]string{"restore", "-yes", backup}, strings.NewReader(""), &out, &errOut); exit != exitFail ||
		!strings.Contains(errOut.String(), "quit Steady first") {
		t.Errorf("restore with a window open: exit %d, stderr %q", exit, errOut.String())
	}
	srv.Close()

	out.Reset()
	errOut.Reset()
	if exit := run([]string{"restore", backup}, strings.NewReader("y\n"), &out, &errOut); exit != exitFail ||
		!strings.Contains(errOut.String(), "nothing was changed") || !strings.Contains(errOut.String(), "-yes") {
		t.Errorf("restore with no terminal: exit %d, stderr %q", exit, errOut.String())
	}
	if kept, _ := filepath.Glob(journalPath() + ".before-restore-*"); len(kept) != 0 {
		t.Errorf("a refused restore moved the journal: %v", kept)
	}
	out.Reset()
	if exit := run([]string{"restore", "-yes", backup}, strings.NewReader(""), &out, &errOut); exit != exitOK ||
		!strings.Contains(out.String(), "Your previous journal is kept as "+journalPath()+".before-restore-") {
		t.Errorf("restore -yes: exit %d, stdout %q, stderr %q", exit, out.String(), errOut.String())
	}
}
