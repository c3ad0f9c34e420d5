// Steady is a desktop exercise companion for people with chronic or recurring
// low back pain, sciatica or a herniated disc: a progressive,
// stabilisation-first routine with illustrated steps and spoken cues, and a
// local journal of pain and tightness that guides the progression.
//
// Usage:
//
//	steady [-routine FILE] [-language LANG] [-start]
//	                                    open the window
//	steady -check-routine FILE          check a routine file
//	steady export [-format csv|json] [-o FILE]
//	steady import [-format csv|json] [-replace-standing] FILE
//	steady backup FILE
//	steady restore [-yes] FILE
//	steady report [-o FILE]
//	steady status [-at TIME] [-format text|json]
//	steady figures [-routine FILE] -o DIR
//
// Only one Steady runs per journal. While its window is open, a second
// "steady" brings that window to the front, "steady -start" starts today's
// session in it, and the journal commands are run by it (package instance).
//
// Run "steady -help" for the flags.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"steady/assets"
	"steady/audio"
	"steady/coach"
	"steady/gui"
	"steady/instance"
	"steady/journal"
	"steady/locale"
	_ "steady/locale/posix" // before the toolkit reads the locale
	"steady/program"
)

// Steady's identity. appID is stable forever: it names the data folder.
// FyneApp.toml carries the same values for packaged builds (a test checks).
const (
	appID   = "io.github.steady"
	version = "0.1.0"
)

func main() {
	// The language first: every command and the window speak it. The
	// choice made in Settings wins over the environment's.
	locale.Setup(languageSetting(dataDir()))
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// run is Steady's command line; it returns the process exit status:
// 0 done, 1 failed, 2 bad usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if cmd, ok := commands[args[0]]; ok {
			if forwarded[args[0]] {
				if exit, done := forward(args, stdout, stderr); done {
					return exit
				}
			}
			return cmd(args[1:], &cmdEnv{stdin: stdin, stdout: stdout, stderr: stderr, journal: openJournal})
		}
	}
	fs := flag.NewFlagSet("steady", flag.ContinueOnError)
	fs.SetOutput(stderr)
	showVersion := fs.Bool("version", false, locale.L("print the version and exit"))
	routineFile := fs.String("routine", "", locale.L("run the routine in `FILE` instead of the built-in one"))
	checkFile := fs.String("check-routine", "", locale.L("check the routine in `FILE` and exit: 0 valid, 1 not"))
	start := fs.Bool("start", false, locale.L("open straight into today's session"))
	language := fs.String("language", "", locale.L("show and speak Steady in `LANG`: en, de, es or fr (default: the Settings choice, else the system's)"))
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage())
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "steady:", locale.L("unexpected argument {{.Arg}}", locale.Args{"Arg": strconv.Quote(fs.Arg(0))}))
		fs.Usage()
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintln(stdout, "steady", version)
		return exitOK
	}
	if *checkFile != "" {
		return checkRoutine(*checkFile, stdout, stderr)
	}
	if *language != "" {
		if !slices.Contains(audio.Languages, *language) {
			fmt.Fprintln(stderr, "steady:", locale.L("-language {{.Lang}}: want one of {{.Langs}}",
				locale.Args{"Lang": strconv.Quote(*language), "Langs": strings.Join(audio.Languages, ", ")}))
			return exitUsage
		}
		// The flag outranks the Settings choice and the system's locale.
		locale.Setup(*language)
	}
	routine, err := loadRoutine(*routineFile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	lang := locale.Current().Lang()
	routine = routine.In(lang)
	if err := haveDisplay(); err != nil {
		fmt.Fprintln(stderr, "steady:", err)
		return exitFail
	}
	if exit, done := switchToRunning(*start, stdout, stderr); done {
		return exit
	}
	return openWindow(routine, lang, *start, stderr)
}

// usage is the command line's synopsis: the commands as typed, then a
// sentence in the user's language.
func usage() string {
	return locale.L("Usage:") + ` steady [flags]
       steady export [-format csv|json] [-o FILE]
       steady import [-format csv|json] [-replace-standing] FILE
       steady backup FILE
       steady restore [-yes] FILE
       steady report [-o FILE]
       steady status [-at TIME] [-format text|json]
       steady figures [-routine FILE] -o DIR

` + locale.L("Steady opens its window. Flags:") + "\n\n"
}

// openWindow opens the journal and the sound output and runs the window
// until the user quits. The window is the journal's instance: it listens
// for a second Steady and the journal commands (package instance).
//
// language ("en", "de", "es", "fr"; "" for English) is the language the
// sound output speaks; routine is already in it (Routine.In).
func openWindow(routine *program.Routine, language string, start bool, stderr io.Writer) int {
	srv, err := instance.Listen(instance.SocketPath(journalPath()))
	if errors.Is(err, instance.ErrRunning) {
		// Another window is starting at this very moment: go to it.
		return raiseRunning(start, stderr)
	}
	// Steady works without the socket; only a second launch and the
	// commands cannot reach it. Said once the journal is open: a journal
	// that cannot be opened says more.
	listenErr := err

	a := app.NewWithID(appID)
	gui.FollowLanguage()
	a.SetIcon(fyne.NewStaticResource("steady.png", assets.Icon))
	w, err := newWindow(a)
	if err != nil {
		fmt.Fprintln(stderr, "steady:", err)
		closeServer(srv)
		return exitFail
	}

	j, err := journal.Open(journalPath())
	if err != nil {
		closeServer(srv)
		title, msg := journalProblem(err)
		fmt.Fprintln(stderr, "steady:", msg)
		gui.ShowProblem(a, w, title, msg)
		w.ShowAndRun()
		return exitFail
	}
	defer j.Close()
	if listenErr != nil {
		fmt.Fprintln(stderr, "steady:", locale.L("other Steady commands cannot reach this window: {{.Err}}", locale.Args{"Err": problem(listenErr)}))
	}
	notice := ""
	if r := j.Recovery(); r != nil {
		notice = recoveryNotice(r)
		fmt.Fprintln(stderr, "steady:", notice)
	}

	// One sound output for the whole process, opened while the window
	// opens; without a device Steady carries on silently and shows every cue
	// on screen.
	// One clock for the window, its sessions and the sound output.
	clock := program.SystemClock{}
	sound := openSound(clock, language, stderr)
	defer sound.close()

	u := gui.Show(a, w, gui.Options{
		Version:      version,
		DataDir:      dataDir(),
		Coach:        coach.New(j, routine, clock),
		OpenSound:    sound.wait,
		Notice:       notice,
		StartSession: start,
	})
	if srv != nil {
		srv.Serve(&runningWindow{ui: u, j: j})
	}
	stopProfile := startProfile(stderr)
	a.Run()
	stopProfile()
	// Commands in progress finish before the journal closes.
	closeServer(srv)
	u.Wait(time.Second)
	return exitOK
}

// backgroundSound is the sound output, opened in the background: ALSA may
// take seconds over a busy device, and the window does not wait for it.
type backgroundSound struct {
	done    chan struct{} // closed once the device is open or known missing
	player  *audio.Player
	problem string // why there is no sound, when there is none
}

// openSound starts opening the sound output, speaking language.
func openSound(clock program.Clock, language string, stderr io.Writer) *backgroundSound {
	s := &backgroundSound{done: make(chan struct{})}
	go func() {
		defer close(s.done)
		p, err := audio.New(audio.Options{Now: clock.Now, Language: language})
		s.player = p
		if err != nil {
			s.problem = locale.L("No audio output found — cues are shown on screen.")
			fmt.Fprintln(stderr, "steady:", s.problem)
		}
	}()
	return s
}

// wait waits until the sound output is open, and returns it and, when there
// is none, why.
func (s *backgroundSound) wait() (gui.SoundOutput, string) {
	<-s.done
	if s.player == nil {
		return nil, s.problem
	}
	return s.player, s.problem
}

// close closes the sound output, unless it is still being opened: the
// process is about to end.
func (s *backgroundSound) close() {
	select {
	case <-s.done:
		if s.player != nil {
			s.player.Close()
		}
	default:
	}
}

// newWindow opens Steady's window. The toolkit panics when the display goes
// away between haveDisplay's check and its own; that is told in one line.
func newWindow(a fyne.App) (w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(locale.L("cannot open a window on the display {{.Display}}: {{.Err}}",
				locale.Args{"Display": os.Getenv("DISPLAY"), "Err": r}))
		}
	}()
	return a.NewWindow("Steady"), nil
}

// journalProblem says, for the user, why the journal could not be opened.
func journalProblem(err error) (title, msg string) {
	switch {
	case errors.Is(err, journal.ErrLocked):
		return locale.L("Steady is already running"),
			locale.L("Steady is already running. Switch to its window, or quit it before starting Steady again.")
	case errors.Is(err, journal.ErrTooNew):
		return locale.L("Journal from a newer Steady"),
			locale.L("Your journal was written by a newer version of Steady. This version leaves it untouched: please install the newer Steady again.")
	}
	return locale.L("Cannot open the journal"),
		locale.L("Steady cannot open your journal at {{.File}}: {{.Reason}}", locale.Args{"File": journalPath(), "Reason": openReason(err)})
}

// openReason is the system's reason the journal could not be opened, naming
// the file it concerns only when that is not the journal itself (the
// message names the journal already).
func openReason(err error) string {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return problem(err)
	}
	reason := systemReason(pe.Err)
	if reason == "" {
		reason = pe.Err.Error()
	}
	if pe.Path == journalPath() {
		return reason
	}
	return locale.L("{{.File}}: {{.Reason}}", locale.Args{"File": pe.Path, "Reason": reason})
}

// haveDisplay reports why no window can be opened, before the toolkit tries
// and fails with a stack trace. The toolkit draws natively on Wayland when
// WAYLAND_DISPLAY is set and on X11 otherwise, falling back to X11 (XWayland)
// when the Wayland display does not answer; so a window needs one of the two
// displays named and answering: a local Wayland socket, or a local X display's
// socket (a remote X display is left to the toolkit).
func haveDisplay() error {
	x := os.Getenv("DISPLAY")
	wl := os.Getenv("WAYLAND_DISPLAY")
	if x == "" && wl == "" {
		return errors.New(locale.L("no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); Steady needs a graphical desktop"))
	}
	var wlErr error
	if wl != "" {
		if wlErr = dialWayland(wl); wlErr == nil {
			return nil
		}
		wlErr = errors.New(locale.L("cannot open the Wayland display {{.Display}}: {{.Err}}", locale.Args{"Display": wl, "Err": problem(wlErr)}))
		if x == "" {
			return wlErr
		}
	}
	if n, ok := localDisplay(x); ok {
		if err := dialDisplay("/tmp/.X11-unix/X" + n); err != nil {
			if wlErr != nil {
				return errors.New(locale.L("{{.Wayland}}; nor the display {{.Display}}: {{.Err}}", locale.Args{"Wayland": wlErr, "Display": x, "Err": problem(err)}))
			}
			return errors.New(locale.L("cannot open the display {{.Display}}: {{.Err}}", locale.Args{"Display": x, "Err": problem(err)}))
		}
	}
	return nil
}

// dialDisplay connects to a display server's socket and hangs up; it returns
// why that failed, as the system says it.
func dialDisplay(socket string) error {
	c, err := net.DialTimeout("unix", socket, 2*time.Second)
	if err != nil {
		if u := errors.Unwrap(err); u != nil {
			return u
		}
		return err
	}
	return c.Close()
}

// dialWayland connects to the Wayland display a WAYLAND_DISPLAY value
// names: a socket path, or a socket's name in XDG_RUNTIME_DIR.
func dialWayland(name string) error {
	if filepath.IsAbs(name) {
		return dialDisplay(name)
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		return errors.New(locale.L("XDG_RUNTIME_DIR is not set"))
	}
	return dialDisplay(filepath.Join(dir, name))
}

// localDisplay returns the number of a local X display name such as ":0" or
// ":1.0".
func localDisplay(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, ":")
	if !ok {
		return "", false
	}
	n, _, _ := strings.Cut(rest, ".")
	if _, err := strconv.Atoi(n); err != nil {
		return "", false
	}
	return n, true
}

// dataDir is the folder that holds Steady's journal, backups and settings:
// the toolkit's per-application folder, named by appID.
func dataDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = filepath.Join(os.TempDir(), "steady-config")
	}
	return filepath.Join(dir, "fyne", appID)
}

// journalPath is the journal file in the data folder.
func journalPath() string { return filepath.Join(dataDir(), "journal.db") }

// recoveryNotice says what happened to a damaged journal file.
func recoveryNotice(r *journal.Recovery) string {
	if r.RestoredFrom == "" {
		return locale.L("Your journal file was damaged. Steady moved it to {{.Moved}} and started an empty journal; there was no backup to restore.",
			locale.Args{"Moved": r.Moved})
	}
	return locale.L("Your journal file was damaged. Steady moved it to {{.Moved}} and restored the backup from {{.Time}}; entries after that are not in it.",
		locale.Args{"Moved": r.Moved, "Time": locale.Current().DateTime(r.BackupTime.Local())})
}

// languageSetting is the language chosen in Settings ("" to follow the
// system), read from the toolkit's preferences file in the data folder
// before any window opens, so that the commands speak it too. A missing or
// unreadable file is no choice.
func languageSetting(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "preferences.json"))
	if err != nil {
		return ""
	}
	var prefs map[string]any
	if json.Unmarshal(data, &prefs) != nil {
		return ""
	}
	s, _ := prefs[gui.PrefLanguage].(string)
	return s
}
