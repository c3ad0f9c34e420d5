// Steady is a desktop exercise companion for people with chronic or recurring
// low back pain, sciatica or a herniated disc: a progressive,
// stabilisation-first routine with illustrated steps and spoken cues, and a
// local journal of pain and tightness that guides the progression.
//
// Usage:
//
//	steady [flags]
//
// Run "steady -help" for the flags.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"steady/assets"
	"steady/audio"
	"steady/gui"
)

// Steady's identity. appID is stable forever: it names the data folder.
// FyneApp.toml carries the same values for packaged builds (a test checks).
const (
	appID   = "io.github.steady"
	version = "0.1.0"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is Steady's command line; it returns the process exit status:
// 0 done, 1 failed, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("steady", flag.ContinueOnError)
	fs.SetOutput(stderr)
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: steady [flags]\n\n"+
			"Steady opens its window. Flags:\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "steady: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "steady", version)
		return 0
	}
	if err := haveDisplay(); err != nil {
		fmt.Fprintln(stderr, "steady:", err)
		return 1
	}

	// One sound output for the whole process; without a device Steady
	// carries on silently and shows every cue on screen.
	sound, err := audio.New(audio.Options{})
	soundProblem := ""
	if err != nil {
		soundProblem = "No audio output found — cues are shown on screen."
		fmt.Fprintln(stderr, "steady:", soundProblem)
	}
	defer sound.Close()

	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("steady.png", assets.Icon))
	w := a.NewWindow("Steady")
	gui.New(a, w, gui.Options{
		Version:      version,
		DataDir:      dataDir(),
		Sound:        sound,
		SoundProblem: soundProblem,
	})
	w.ShowAndRun()
	return 0
}

// haveDisplay reports why no window can be opened, before the toolkit tries
// and fails with a stack trace.
func haveDisplay() error {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); " +
			"Steady needs a graphical desktop")
	}
	return nil
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
