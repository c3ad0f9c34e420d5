package main

// The commands: export, import, backup, report, status, restore and
// figures, and checking a routine file. Those that read or change the
// journal go through the application layer (package coach), as the window
// does. When a window is open, it holds the journal: export, import,
// backup, report and status are then sent to it and run there, by this
// same code, against the journal it has open (see forward).

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"steady/coach"
	"steady/gui/figure"
	"steady/gui/journalview"
	"steady/journal"
	"steady/program"
)

// commands are the first words that name a command instead of a flag.
var commands = map[string]func(args []string, e *cmdEnv) int{
	"export":  exportCmd,
	"import":  importCmd,
	"backup":  backupCmd,
	"report":  reportCmd,
	"figures": figuresCmd,
	"status":  statusCmd,
	"restore": restoreCmd,
}

// forwarded are the commands an open window runs, against its journal.
var forwarded = map[string]bool{"export": true, "import": true, "backup": true, "report": true, "status": true}

// A cmdEnv is what a command runs with.
type cmdEnv struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// dir is the folder relative file names are taken from: the caller's
	// working folder when the window runs the command; "" for this
	// process's own.
	dir string
	// journal gives the command the open journal and a release to call
	// when done: opened for the command, or the window's.
	journal func(stderr io.Writer) (j *journal.Store, release func(), ok bool)
}

// path is the file name name as this process opens it: relative to the
// caller's folder.
func (e *cmdEnv) path(name string) string {
	if e.dir == "" || name == "" || name == "-" || filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(e.dir, name)
}

// open opens the file name for reading; an error names it as given.
func (e *cmdEnv) open(name string) (*os.File, error) {
	f, err := os.Open(e.path(name))
	return f, renamed(err, name)
}

// renamed is err naming the file name, as given by the user, rather than
// the path it was opened by.
func renamed(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}

// newFlags is a command's flag set, with its usage line.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("steady "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: steady %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a command's flags and wants exactly nargs arguments; ok is
// false with the exit status to return when it cannot go on.
func parse(fs *flag.FlagSet, args []string, nargs int, stderr io.Writer) (status int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fs.NArg() != nargs {
		if fs.NArg() > nargs {
			fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(nargs))
		} else {
			fmt.Fprintf(stderr, "%s: missing argument\n", fs.Name())
		}
		fs.Usage()
		return exitUsage, false
	}
	return exitOK, true
}

// openJournal opens the journal for a command, saying in one line why it
// cannot; release closes it.
func openJournal(stderr io.Writer) (*journal.Store, func(), bool) {
	j, err := journal.Open(journalPath())
	if err != nil {
		_, msg := journalProblem(err)
		fmt.Fprintln(stderr, "steady:", msg)
		return nil, nil, false
	}
	if r := j.Recovery(); r != nil {
		fmt.Fprintln(stderr, "steady:", r.Message())
	}
	// Everything written is on disk already: a failed close loses nothing.
	return j, func() { _ = j.Close() }, true
}

// createOutput opens the file name for writing, or stdout for "" or "-".
// The returned close reports a failed write.
func (e *cmdEnv) createOutput(name string) (io.Writer, func() error, error) {
	if name == "" || name == "-" {
		return e.stdout, func() error { return nil }, nil
	}
	f, err := os.OpenFile(e.path(name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, nil, renamed(err, name)
	}
	return f, f.Close, nil
}

func exportCmd(args []string, e *cmdEnv) int {
	stderr := e.stderr
	fs := newFlags("export", "[-format csv|json] [-o FILE]", stderr)
	format := fs.String("format", "", "csv or json (default: from the file name, else csv)")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	if status, ok := parse(fs, args, 0, stderr); !ok {
		return status
	}
	f, err := formatFor(*format, *out)
	if err != nil {
		fmt.Fprintln(stderr, "steady export:", err)
		return exitUsage
	}
	j, release, ok := e.journal(stderr)
	if !ok {
		return exitFail
	}
	defer release()
	w, closeOut, err := e.createOutput(*out)
	if err != nil {
		fmt.Fprintln(stderr, "steady export:", err)
		return exitFail
	}
	err = coach.New(j, program.Builtin(), program.SystemClock{}).Export(w, f)
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady export:", err)
		return exitFail
	}
	return exitOK
}

// formatFor is the export format named, else the one the file name's
// extension names, else CSV.
func formatFor(name, path string) (journal.Format, error) {
	if name == "" {
		name = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
		if name != "json" {
			name = "csv"
		}
	}
	return journal.ParseFormat(name)
}

func importCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("import", "[-format csv|json] [-replace-standing] FILE", stderr)
	format := fs.String("format", "", "csv or json (default: from the file name, else csv)")
	replace := fs.Bool("replace-standing", false, "replace the journal's level standing and safety answers with the JSON file's")
	if status, ok := parse(fs, args, 1, stderr); !ok {
		return status
	}
	path := fs.Arg(0)
	f, err := formatFor(*format, path)
	if err != nil {
		fmt.Fprintln(stderr, "steady import:", err)
		return exitUsage
	}
	in, err := e.open(path)
	if err != nil {
		fmt.Fprintln(stderr, "steady import:", err)
		return exitFail
	}
	defer in.Close()
	j, release, ok := e.journal(stderr)
	if !ok {
		return exitFail
	}
	defer release()
	choice := journal.AskStanding
	if *replace {
		choice = journal.ReplaceStanding
	}
	res, err := coach.New(j, program.Builtin(), program.SystemClock{}).ImportWith(in, f, choice)
	if ie := (*journal.ImportError)(nil); errors.As(err, &ie) {
		fmt.Fprintf(stderr, "steady import: nothing was imported; %s has %d problem(s):\n", path, len(ie.Problems))
		for _, p := range ie.Problems {
			fmt.Fprintf(stderr, "%s:%d: %s\n", path, p.Line, p.Msg)
		}
		return exitFail
	}
	if sc := (*journal.StandingConflict)(nil); errors.As(err, &sc) {
		fmt.Fprintf(stderr, "steady import: nothing was imported; %s would replace your level standing and safety answers:\n", path)
		fmt.Fprintf(stderr, "  the journal: %s\n", standingText(sc.Journal))
		fmt.Fprintf(stderr, "  the file:    %s\n", standingText(sc.File))
		fmt.Fprintln(stderr, "Run it again with -replace-standing to replace them, or import a CSV export for the records alone.")
		return exitFail
	}
	if err != nil {
		// Import writes in one transaction: a failure leaves the journal as it was.
		fmt.Fprintln(stderr, "steady import: nothing was imported:", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "Imported %d check-in(s) and %d session(s); %d already in the journal were skipped.\n",
		res.Entries, res.Sessions, res.Skipped)
	if res.StandingSet {
		fmt.Fprintln(stdout, "The level standing and safety answers were taken from the file.")
	}
	return exitOK
}

// standingText is a standing in a few words.
func standingText(st program.Standing) string {
	return fmt.Sprintf("level %d, dose step %d, since %s", st.Level, st.DoseStep+1, st.Since.Local().Format("Mon 2 Jan 2006 15:04"))
}

func backupCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("backup", "FILE", stderr)
	if status, ok := parse(fs, args, 1, stderr); !ok {
		return status
	}
	j, release, ok := e.journal(stderr)
	if !ok {
		return exitFail
	}
	defer release()
	if err := j.Backup(e.path(fs.Arg(0))); err != nil {
		fmt.Fprintln(stderr, "steady backup:", err)
		return exitFail
	}
	fmt.Fprintln(stdout, "Journal copied to", fs.Arg(0))
	return exitOK
}

func reportCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("report", "[-o FILE]", stderr)
	out := fs.String("o", "steady-report.html", "write the report to `FILE` (- for standard output)")
	if status, ok := parse(fs, args, 0, stderr); !ok {
		return status
	}
	j, release, ok := e.journal(stderr)
	if !ok {
		return exitFail
	}
	defer release()
	c := coach.New(j, program.Builtin(), program.SystemClock{})
	records, err := c.Journal()
	if err != nil {
		fmt.Fprintln(stderr, "steady report:", err)
		return exitFail
	}
	w, closeOut, err := e.createOutput(*out)
	if err != nil {
		fmt.Fprintln(stderr, "steady report:", err)
		return exitFail
	}
	err = journalview.WriteReport(w, records, c.Now())
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady report:", err)
		return exitFail
	}
	if *out != "-" {
		fmt.Fprintln(stdout, "Report written to", *out)
	}
	return exitOK
}

func figuresCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("figures", "[-routine FILE] -o DIR", stderr)
	dir := fs.String("o", "", "write the figures and routine sheets into `DIR`")
	routineFile := fs.String("routine", "", "draw the routine in `FILE` instead of the built-in one")
	if status, ok := parse(fs, args, 0, stderr); !ok {
		return status
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "steady figures: -o DIR is required")
		fs.Usage()
		return exitUsage
	}
	r, err := loadRoutine(e.path(*routineFile))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	if err := figure.WriteFigures(e.path(*dir), r.Exercises); err != nil {
		fmt.Fprintln(stderr, "steady figures:", err)
		return exitFail
	}
	steps := 0
	for _, e := range r.Exercises {
		steps += len(e.Steps)
	}
	for _, l := range r.Levels {
		if err := writeSheet(r, l, e.path(*dir)); err != nil {
			fmt.Fprintln(stderr, "steady figures:", err)
			return exitFail
		}
	}
	fmt.Fprintf(stdout, "Wrote %d figures and %d routine sheets to %s\n", steps, len(r.Levels), *dir)
	return exitOK
}

// writeSheet writes level l's printable routine sheet, at its first dose
// step, as level-N.html.
func writeSheet(r *program.Routine, l program.Level, dir string) error {
	plan, err := r.Plan(l.Number, 0, false, 0, 0)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, fmt.Sprintf("level-%d.html", l.Number))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := figure.WriteSheet(f, plan); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// loadRoutine returns the routine in path, or the built-in one for "". Its
// error lists every problem as file:line: message.
func loadRoutine(path string) (*program.Routine, error) {
	if path == "" {
		return program.Builtin(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("steady: cannot read the routine: %w", err)
	}
	r, err := program.ParseRoutine(path, data)
	if err != nil {
		return nil, fmt.Errorf("steady: %s is not a valid routine:\n%w", path, err)
	}
	return r, nil
}

// checkRoutine checks a routine file: it says so and returns 0 when the
// file is valid, else lists every problem and returns 1.
func checkRoutine(path string, stdout, stderr io.Writer) int {
	r, err := loadRoutine(path)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	translated := ""
	if langs := r.Translated(); len(langs) > 0 {
		translated = ", translated into " + strings.Join(langs, ", ")
	}
	fmt.Fprintf(stdout, "%s: a valid routine: %d exercises in %d levels%s\n", path, len(r.Exercises), len(r.Levels), translated)
	return exitOK
}
