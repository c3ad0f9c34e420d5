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
	"steady/locale"
)

// restoreCmd puts a backup in place of the journal, after saying what it
// replaces and asking: steady restore [-yes] FILE. The journal it replaces
// is kept beside it. It refuses while a window is open.
func restoreCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("restore", "[-yes] FILE", stderr)
	yes := fs.Bool("yes", false, locale.L("restore without asking (for scripts)"))
	if status, ok := parse(fs, args, 1, stderr); !ok {
		return status
	}
	name := fs.Arg(0)
	// The instance lock: no window is open, and none opens until this is
	// done.
	lock, err := instance.Lock(instance.SocketPath(journalPath()))
	if errors.Is(err, instance.ErrRunning) {
		fmt.Fprintln(stderr, "steady restore:", locale.L("Steady is open; quit Steady first, then restore (restoring under an open window is not safe)"))
		return exitFail
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady restore:", problem(err))
		return exitFail
	}
	defer lock.Close() // releases the lock

	backup, err := journal.Inspect(e.path(name))
	if err != nil {
		fmt.Fprintln(stderr, "steady restore:", locale.L("{{.File}} cannot be restored: {{.Err}}", locale.Args{"File": name, "Err": problem(renamed(err, name))}))
		return exitFail
	}
	fmt.Fprintln(stdout, locale.L("Restoring replaces your journal {{.File}}.", locale.Args{"File": journalPath()}))
	current, err := journal.Inspect(journalPath())
	switch {
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintln(stdout, "  "+locale.L("Now: {{.Journal}}", locale.Args{"Journal": locale.L("no journal yet")}))
	case errors.Is(err, journal.ErrLocked):
		fmt.Fprintln(stderr, "steady restore:", locale.L("another Steady command is using the journal; try again when it is done"))
		return exitFail
	case err != nil:
		fmt.Fprintln(stdout, "  "+locale.L("Now: {{.Journal}}", locale.Args{"Journal": locale.L("a journal Steady cannot read ({{.Err}})", locale.Args{"Err": problem(err)})}))
	default:
		fmt.Fprintln(stdout, "  "+locale.L("Now: {{.Journal}}", locale.Args{"Journal": describe(current)}))
	}
	fmt.Fprintln(stdout, "  "+locale.L("Backup: {{.Journal}}", locale.Args{"Journal": describe(backup)}))
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(stdout, locale.L("The journal it replaces is kept beside it, renamed with the date and time."))
	}
	if !*yes {
		ok, err := confirm(e.stdin, stdout, locale.L("Restore the backup? [y/N]")+" ")
		if err != nil {
			fmt.Fprintln(stderr, "steady restore:", locale.L("nothing was changed: {{.Err}}; run {{.Command}} to restore without asking",
				locale.Args{"Err": problem(err), "Command": `"steady restore -yes ` + name + `"`}))
			return exitFail
		}
		if !ok {
			fmt.Fprintln(stdout, locale.L("Nothing was changed."))
			return exitFail
		}
	}
	kept, err := journal.Restore(journalPath(), e.path(name), time.Now())
	if err != nil {
		fmt.Fprintln(stderr, "steady restore:", problem(err))
		return exitFail
	}
	fmt.Fprintln(stdout, locale.L("Restored {{.File}}.", locale.Args{"File": name}))
	if kept != "" {
		fmt.Fprintln(stdout, locale.L("Your previous journal is kept as {{.File}}.", locale.Args{"File": kept}))
	}
	return exitOK
}

// describe is what a journal file holds, in one line.
func describe(s journal.Summary) string {
	l := locale.Current()
	d := l.L("{{.CheckIns}}, {{.Sessions}}, {{.Walks}}", locale.Args{
		"CheckIns": l.N("{{.Count}} check-ins", s.Entries), "Sessions": l.N("{{.Count}} sessions", s.Sessions), "Walks": l.N("{{.Count}} walks", s.Walks)})
	if !s.Last.IsZero() {
		last := s.Last.Local()
		d += l.L(", the newest on {{.Day}} {{.Year}} {{.Time}}", locale.Args{"Day": l.Day(last), "Year": last.Year(), "Time": l.Time(last)})
	}
	if st := s.Standing; st != nil {
		d += l.L("; level {{.Level}}, dose step {{.Step}}", locale.Args{"Level": st.Level, "Step": st.DoseStep + 1})
	}
	return d
}

// confirm asks a yes-or-no question on the terminal; an error when stdin
// is not a terminal (a script, CI), which must say -yes instead.
func confirm(stdin io.Reader, stdout io.Writer, question string) (bool, error) {
	f, ok := stdin.(*os.File)
	if !ok || !isTerminal(f) {
		return false, errors.New(locale.L("no terminal to ask on"))
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
