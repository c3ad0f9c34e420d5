package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"steady/instance"
	"steady/journal"
)

// restoreCmd puts a backup in place of the journal, after saying what it
// replaces and asking: steady restore [-yes] FILE. The journal it replaces
// is kept beside it. It refuses while a window is open.
func restoreCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("restore", "[-yes] FILE", stderr)
	yes := fs.Bool("yes", false, "restore without asking (for scripts)")
	if status, ok := parse(fs, args, 1, stderr); !ok {
		return status
	}
	name := fs.Arg(0)
	// The instance lock: no window is open, and none opens until this is
	// done.
	lock, err := instance.Lock(instance.SocketPath(journalPath()))
	if errors.Is(err, instance.ErrRunning) {
		fmt.Fprintln(stderr, "steady restore: Steady is open; quit Steady first, then restore (restoring under an open window is not safe)")
		return exitFail
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady restore:", err)
		return exitFail
	}
	defer lock.Close() // releases the lock

	backup, err := journal.Inspect(e.path(name))
	if err != nil {
		fmt.Fprintf(stderr, "steady restore: %s cannot be restored: %v\n", name, renamed(err, name))
		return exitFail
	}
	fmt.Fprintf(stdout, "Restoring replaces your journal %s.\n", journalPath())
	current, err := journal.Inspect(journalPath())
	switch {
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintln(stdout, "  Now:    no journal yet")
	case errors.Is(err, journal.ErrLocked):
		fmt.Fprintln(stderr, "steady restore: another Steady command is using the journal; try again when it is done")
		return exitFail
	case err != nil:
		fmt.Fprintf(stdout, "  Now:    a journal Steady cannot read (%v)\n", err)
	default:
		fmt.Fprintf(stdout, "  Now:    %s\n", describe(current))
	}
	fmt.Fprintf(stdout, "  Backup: %s\n", describe(backup))
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(stdout, "The journal it replaces is kept beside it, renamed with the date and time.")
	}
	if !*yes {
		ok, err := confirm(e.stdin, stdout, "Restore the backup? [y/N] ")
		if err != nil {
			fmt.Fprintf(stderr, "steady restore: nothing was changed: %v; run \"steady restore -yes %s\" to restore without asking\n", err, name)
			return exitFail
		}
		if !ok {
			fmt.Fprintln(stdout, "Nothing was changed.")
			return exitFail
		}
	}
	kept, err := journal.Restore(journalPath(), e.path(name), time.Now())
	if err != nil {
		fmt.Fprintln(stderr, "steady restore:", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "Restored %s.\n", name)
	if kept != "" {
		fmt.Fprintf(stdout, "Your previous journal is kept as %s.\n", kept)
	}
	return exitOK
}

// describe is what a journal file holds, in one line.
func describe(s journal.Summary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d check-in(s), %d session(s), %d walk(s)", s.Entries, s.Sessions, s.Walks)
	if !s.Last.IsZero() {
		fmt.Fprintf(&b, ", the newest on %s", s.Last.Local().Format("Mon 2 Jan 2006 15:04"))
	}
	if st := s.Standing; st != nil {
		fmt.Fprintf(&b, "; level %d, dose step %d", st.Level, st.DoseStep+1)
	}
	return b.String()
}

// confirm asks a yes-or-no question on the terminal; an error when stdin
// is not a terminal (a script, CI), which must say -yes instead.
func confirm(stdin io.Reader, stdout io.Writer, question string) (bool, error) {
	f, ok := stdin.(*os.File)
	if !ok || !isTerminal(f) {
		return false, errors.New("no terminal to ask on")
	}
	fmt.Fprint(stdout, question)
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && line == "" {
		return false, nil
	}
	answer := strings.ToLower(strings.TrimSpace(line))
	return answer == "y" || answer == "yes", nil
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}
