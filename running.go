package main

// Steady's window as the journal's one instance: what a second launch and
// the journal commands ask of it, and how they ask.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"steady/gui"
	"steady/instance"
	"steady/journal"
	"steady/locale"
)

// forward runs a journal command in the open window, when there is one;
// done is false when there is none and the command is to open the journal
// itself.
func forward(args []string, stdout, stderr io.Writer) (exit int, done bool) {
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(stderr, "steady:", locale.L("cannot tell the current folder: {{.Err}}", locale.Args{"Err": problem(err)}))
		return exitFail, true
	}
	exit, err = instance.Run(instance.SocketPath(journalPath()), dir, args, stdout, stderr)
	if errors.Is(err, instance.ErrNotRunning) {
		return 0, false
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady:", runningProblem(err))
		return exitFail, true
	}
	return exit, true
}

// switchToRunning hands a launch to the window already open, if there is
// one: it comes to the front and, with start, starts today's session. done
// is false when there is no window open.
func switchToRunning(start bool, stdout, stderr io.Writer) (exit int, done bool) {
	path := instance.SocketPath(journalPath())
	var err error
	if start {
		err = instance.Start(path)
	} else {
		err = instance.Raise(path)
	}
	if errors.Is(err, instance.ErrNotRunning) {
		return 0, false
	}
	if err != nil {
		fmt.Fprintln(stderr, "steady:", runningProblem(err))
		return exitFail, true
	}
	if start {
		fmt.Fprintln(stdout, locale.L("Steady is already open: switched to it and started today's session."))
	} else {
		fmt.Fprintln(stdout, locale.L("Steady is already open: switched to it."))
	}
	return exitOK, true
}

// raiseRunning is for a window that found another one starting: it waits
// a moment for that one to answer and switches to it.
func raiseRunning(start bool, stderr io.Writer) int {
	for deadline := time.Now().Add(instance.AnswerTimeout); ; time.Sleep(100 * time.Millisecond) {
		exit, done := switchToRunning(start, io.Discard, stderr)
		if done || time.Now().After(deadline) {
			if !done {
				fmt.Fprintln(stderr, "steady:", locale.L("another Steady is starting, or restoring the journal; try again in a moment"))
				return exitFail
			}
			return exit
		}
	}
}

// runningProblem says, for the user, why the open window could not be reached.
func runningProblem(err error) string {
	if errors.Is(err, instance.ErrNotAnswering) {
		return locale.L("Steady is running but not answering; if its window stays unresponsive, quit it (or end the process) and try again.")
	}
	return locale.L("Steady is running but cannot be reached: {{.Err}}", locale.Args{"Err": problem(err)})
}

// closeServer stops answering other Steady commands; nil is no server.
func closeServer(srv *instance.Server) {
	if srv == nil {
		return
	}
	// Closing a listener that is ours: a failure leaves at most a stale
	// socket file, which the next Steady replaces.
	_ = srv.Close()
}

// runningWindow answers a second Steady and the journal commands.
type runningWindow struct {
	ui *gui.UI
	j  *journal.Store
}

// windowWait is how long a request waits for the window's own goroutine,
// within the client's AnswerTimeout.
const windowWait = instance.AnswerTimeout - 500*time.Millisecond

func (w *runningWindow) Raise() error { return onWindow(w.ui.Raise) }
func (w *runningWindow) Start() error { return onWindow(w.ui.StartSession) }

// onWindow runs f on the toolkit's goroutine and waits for it, a little.
func onWindow(f func()) error {
	done := make(chan struct{})
	fyne.Do(func() {
		f()
		close(done)
	})
	select {
	case <-done:
		return nil
	case <-time.After(windowWait):
		return errors.New(locale.L("the window is not answering"))
	}
}

// Run runs a journal command against the window's journal, and shows what
// an import added at once.
func (w *runningWindow) Run(dir string, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || !forwarded[args[0]] {
		fmt.Fprintln(stderr, "steady:", locale.L("the open Steady does not run {{.Command}}", locale.Args{"Command": fmt.Sprintf("%q", args)}))
		return exitUsage
	}
	e := &cmdEnv{
		stdin: strings.NewReader(""), stdout: stdout, stderr: stderr, dir: dir,
		journal: func(io.Writer) (*journal.Store, func(), bool) { return w.j, func() {}, true },
	}
	exit := commands[args[0]](args[1:], e)
	if args[0] == "import" && exit == exitOK {
		fyne.Do(w.ui.JournalChanged)
	}
	return exit
}
