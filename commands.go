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
	"strconv"
	"strings"
	"syscall"

	"steady/coach"
	"steady/gui/figure"
	"steady/gui/journalview"
	"steady/journal"
	"steady/locale"
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
		fmt.Fprintln(stderr, locale.L("Usage:"), "steady", name, synopsis)
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
			fmt.Fprintln(stderr, fs.Name()+":", locale.L("unexpected argument {{.Arg}}", locale.Args{"Arg": strconv.Quote(fs.Arg(nargs))}))
		} else {
			fmt.Fprintln(stderr, fs.Name()+":", locale.L("missing argument"))
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
		fmt.Fprintln(stderr, "steady:", recoveryNotice(r))
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
	format := fs.String("format", "", locale.L("csv or json (default: from the file name, else csv)"))
	out := fs.String("o", "", locale.L("write to `FILE` instead of standard output"))
	if status, ok := parse(fs, args, 0, stderr); !ok {
		return status
	}
	f, err := formatFor(*format, *out)
	if err != nil {
		fmt.Fprintln(stderr, "steady export:", problem(err))
		return exitUsage
	}
	j, release, ok := e.journal(stderr)
	if !ok {
		return exitFail
	}
	defer release()
	w, closeOut, err := e.createOutput(*out)
	if err != nil {
		fmt.Fprintln(stderr, "steady export:", problem(err))
		return exitFail
	}
	err = coach.New(j, program.Builtin(), program.SystemClock{}).Export(w, f)
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady export:", problem(err))
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
	format := fs.String("format", "", locale.L("csv or json (default: from the file name, else csv)"))
	replace := fs.Bool("replace-standing", false, locale.L("replace the journal's level standing and safety answers with the JSON file's"))
	if status, ok := parse(fs, args, 1, stderr); !ok {
		return status
	}
	path := fs.Arg(0)
	f, err := formatFor(*format, path)
	if err != nil {
		fmt.Fprintln(stderr, "steady import:", problem(err))
		return exitUsage
	}
	in, err := e.open(path)
	if err != nil {
		fmt.Fprintln(stderr, "steady import:", problem(err))
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
		fmt.Fprintln(stderr, "steady import:", locale.N("nothing was imported; {{.File}} has {{.Count}} problems:", len(ie.Problems), locale.Args{"File": path}))
		for _, p := range ie.Problems {
			fmt.Fprintf(stderr, "%s:%d: %s\n", path, p.Line, p.Msg)
		}
		return exitFail
	}
	if sc := (*journal.StandingConflict)(nil); errors.As(err, &sc) {
		fmt.Fprintln(stderr, "steady import:", locale.L("nothing was imported; {{.File}} would replace your level standing and safety answers:", locale.Args{"File": path}))
		fmt.Fprintln(stderr, "  "+locale.L("the journal: {{.Standing}}", locale.Args{"Standing": standingText(sc.Journal)}))
		fmt.Fprintln(stderr, "  "+locale.L("the file: {{.Standing}}", locale.Args{"Standing": standingText(sc.File)}))
		fmt.Fprintln(stderr, locale.L("Run it again with -replace-standing to replace them, or import a CSV export for the records alone."))
		return exitFail
	}
	if err != nil {
		// Import writes in one transaction: a failure leaves the journal as it was.
		fmt.Fprintln(stderr, "steady import:", locale.L("nothing was imported: {{.Err}}", locale.Args{"Err": problem(err)}))
		return exitFail
	}
	fmt.Fprintln(stdout, locale.L("Imported {{.CheckIns}} and {{.Sessions}}; {{.Skipped}} already in the journal were skipped.", locale.Args{
		"CheckIns": locale.N("{{.Count}} check-ins", res.Entries),
		"Sessions": locale.N("{{.Count}} sessions", res.Sessions),
		"Skipped":  res.Skipped,
	}))
	if res.StandingSet {
		fmt.Fprintln(stdout, locale.L("The level standing and safety answers were taken from the file."))
	}
	return exitOK
}

// standingText is a standing in a few words.
func standingText(st program.Standing) string {
	l := locale.Current()
	since := st.Since.Local()
	return locale.L("level {{.Level}}, dose step {{.Step}}, since {{.Since}}",
		locale.Args{"Level": st.Level, "Step": st.DoseStep + 1, "Since": l.Day(since) + " " + strconv.Itoa(since.Year()) + " " + l.Time(since)})
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
		fmt.Fprintln(stderr, "steady backup:", problem(err))
		return exitFail
	}
	fmt.Fprintln(stdout, locale.L("Journal copied to {{.File}}", locale.Args{"File": fs.Arg(0)}))
	return exitOK
}

func reportCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("report", "[-o FILE]", stderr)
	out := fs.String("o", "steady-report.html", locale.L("write the report to `FILE` (- for standard output)"))
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
		fmt.Fprintln(stderr, "steady report:", problem(err))
		return exitFail
	}
	w, closeOut, err := e.createOutput(*out)
	if err != nil {
		fmt.Fprintln(stderr, "steady report:", problem(err))
		return exitFail
	}
	err = journalview.WriteReport(w, records, c.Now())
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady report:", problem(err))
		return exitFail
	}
	if *out != "-" {
		fmt.Fprintln(stdout, locale.L("Report written to {{.File}}", locale.Args{"File": *out}))
	}
	return exitOK
}

func figuresCmd(args []string, e *cmdEnv) int {
	stdout, stderr := e.stdout, e.stderr
	fs := newFlags("figures", "[-routine FILE] -o DIR", stderr)
	dir := fs.String("o", "", locale.L("write the figures and routine sheets into `DIR`"))
	routineFile := fs.String("routine", "", locale.L("draw the routine in `FILE` instead of the built-in one"))
	if status, ok := parse(fs, args, 0, stderr); !ok {
		return status
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "steady figures:", locale.L("-o DIR is required"))
		fs.Usage()
		return exitUsage
	}
	r, err := loadRoutine(e.path(*routineFile))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	if err := figure.WriteFigures(e.path(*dir), r.Exercises); err != nil {
		fmt.Fprintln(stderr, "steady figures:", problem(err))
		return exitFail
	}
	steps := 0
	for _, e := range r.Exercises {
		steps += len(e.Steps)
	}
	for _, l := range r.Levels {
		if err := writeSheet(r, l, e.path(*dir)); err != nil {
			fmt.Fprintln(stderr, "steady figures:", problem(err))
			return exitFail
		}
	}
	fmt.Fprintln(stdout, locale.L("Wrote {{.Figures}} and {{.Sheets}} to {{.Dir}}", locale.Args{
		"Figures": locale.N("{{.Count}} figures", steps), "Sheets": locale.N("{{.Count}} routine sheets", len(r.Levels)), "Dir": *dir,
	}))
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
		return nil, fmt.Errorf("steady: %s: %w", locale.L("cannot read the routine"), err)
	}
	r, err := program.ParseRoutine(path, data)
	if err != nil {
		return nil, fmt.Errorf("steady: %s\n%w", locale.L("{{.File}} is not a valid routine:", locale.Args{"File": path}), err)
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
		translated = locale.L(", translated into {{.Languages}}", locale.Args{"Languages": strings.Join(langs, ", ")})
	}
	fmt.Fprintln(stdout, locale.L("{{.File}}: a valid routine: {{.Exercises}} in {{.Levels}}", locale.Args{
		"File": path, "Exercises": locale.N("{{.Count}} exercises", len(r.Exercises)), "Levels": locale.N("{{.Count}} levels", len(r.Levels)),
	})+translated)
	return exitOK
}

// problem is err for the user: the file it concerns and the system's
// reason in the user's language when it is one the system often gives,
// else the error's own text.
func problem(err error) string {
	reason := systemReason(err)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if reason == "" {
			reason = pe.Err.Error()
		}
		return locale.L("{{.File}}: {{.Reason}}", locale.Args{"File": pe.Path, "Reason": reason})
	}
	if reason != "" {
		return reason
	}
	return err.Error()
}

// systemReason is the system's reason for err in the user's language, ""
// when it is none of the common ones.
func systemReason(err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return ""
	}
	switch errno {
	case syscall.ENOENT:
		return locale.L("no such file or folder")
	case syscall.EACCES, syscall.EPERM:
		return locale.L("permission denied")
	case syscall.ENOSPC:
		return locale.L("the disk is full")
	case syscall.EROFS:
		return locale.L("the disk is read-only")
	case syscall.EISDIR:
		return locale.L("is a folder")
	case syscall.ENOTDIR:
		return locale.L("a part of the path is not a folder")
	case syscall.EEXIST:
		return locale.L("already exists")
	case syscall.ECONNREFUSED:
		return locale.L("connection refused")
	}
	return ""
}
