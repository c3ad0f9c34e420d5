// Package e2e runs the real Steady binary in a real X window under Xvfb and
// drives it as a person would: it starts a virtual display, launches the app
// with an isolated home folder and an ALSA device that records what the app
// plays, finds the window, clicks and types with xdotool and takes
// screenshots. The tests that use it carry the e2e build tag; `make e2e`
// runs them.
package e2e

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/template"
	"time"

	_ "embed"
)

//go:embed testdata/asoundrc.tmpl
var asoundrc string

// Display is a virtual X server.
type Display struct {
	Name string // e.g. ":93"
	cmd  *exec.Cmd
}

// StartDisplay starts Xvfb with a screen of the given size and waits until
// it answers. The server picks a free display number itself (-displayfd), so
// other X servers on the machine cannot race it for one.
func StartDisplay(width, height int) (*Display, error) {
	for _, tool := range []string{"Xvfb", "xdpyinfo", "xdotool", "import", "pv"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("e2e: %s not found: run `make deps-test`", tool)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", width, height), "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	var log syncBuffer
	cmd.Stderr = &log
	if err := cmd.Start(); err != nil {
		w.Close()
		return nil, fmt.Errorf("e2e: start Xvfb: %w", err)
	}
	w.Close()
	d := &Display{cmd: cmd}

	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			d.Close()
			return nil, fmt.Errorf("e2e: Xvfb did not start: %s", log.String())
		}
		d.Name = ":" + n
	case <-time.After(10 * time.Second):
		d.Close()
		return nil, fmt.Errorf("e2e: Xvfb did not report a display within 10s: %s", log.String())
	}
	if err := exec.Command("xdpyinfo", "-display", d.Name).Run(); err != nil {
		d.Close()
		return nil, fmt.Errorf("e2e: Xvfb on %s does not answer: %v", d.Name, err)
	}
	return d, nil
}

// Close stops the X server, letting it remove its lock file.
func (d *Display) Close() {
	if d.cmd.Process == nil {
		return
	}
	_ = d.cmd.Process.Signal(syscall.SIGTERM) // it may have exited already
	done := make(chan struct{})
	go func() {
		_ = d.cmd.Wait() // its exit status after a stop says nothing
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = d.cmd.Process.Kill() // it ignored SIGTERM
		<-done
	}
}

// Config says how to launch the app.
type Config struct {
	Bin   string   // the binary to run
	Args  []string // its command line
	Home  string   // the isolated home folder; reuse it to restart with the same data
	Title string   // the window title to wait for; "Steady" when empty
	Env   []string // extra environment, KEY=value
}

// App is a running app under test.
type App struct {
	Home      string
	AudioFile string // what the app played: raw S16_LE, 44100 Hz, 2 channels
	Window    string // the X window id, once WaitWindow has found it
	Started   time.Time

	display *Display
	cfg     Config
	cmd     *exec.Cmd
	out     syncBuffer
	done    chan struct{}
	err     error // the process's exit, once done is closed
}

// Launch starts the app on the display with an isolated HOME, XDG folders,
// TMPDIR and locale, and the recording ALSA device.
func Launch(d *Display, cfg Config) (*App, error) {
	if cfg.Title == "" {
		cfg.Title = "Steady"
	}
	home := cfg.Home
	for _, dir := range []string{home, filepath.Join(home, "tmp"), filepath.Join(home, ".config"), filepath.Join(home, ".cache"), filepath.Join(home, "runtime")} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("e2e: %w", err)
		}
	}
	a := &App{Home: home, AudioFile: filepath.Join(home, "audio.raw"), display: d, cfg: cfg, done: make(chan struct{})}
	conf := filepath.Join(home, "asoundrc")
	if err := writeTemplate(conf, asoundrc, struct{ Out string }{a.AudioFile}); err != nil {
		return nil, err
	}
	a.cmd = exec.Command(cfg.Bin, cfg.Args...)
	a.cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"),
		"DISPLAY=" + d.Name,
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"TMPDIR=" + filepath.Join(home, "tmp"),
		// As a desktop session sets it: without it, the toolkit's look for a
		// Wayland display prints "error: XDG_RUNTIME_DIR is invalid" (libwayland).
		"XDG_RUNTIME_DIR=" + filepath.Join(home, "runtime"),
		"LANG=en_US.UTF-8",
		"ALSA_CONFIG_PATH=" + conf,
	}, cfg.Env...)
	a.cmd.Stdout = &a.out
	a.cmd.Stderr = &a.out
	a.Started = time.Now()
	if err := a.cmd.Start(); err != nil {
		return nil, fmt.Errorf("e2e: start %s: %w", cfg.Bin, err)
	}
	go func() {
		a.err = a.cmd.Wait()
		close(a.done)
	}()
	return a, nil
}

func writeTemplate(path, text string, data any) error {
	t, err := template.New(filepath.Base(path)).Parse(text)
	if err != nil {
		return fmt.Errorf("e2e: %w", err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return fmt.Errorf("e2e: %w", err)
	}
	return os.WriteFile(path, b.Bytes(), 0o600)
}

// Output is what the app has printed so far, stdout and stderr together.
func (a *App) Output() string { return a.out.String() }

// Pid is the app's process id.
func (a *App) Pid() int { return a.cmd.Process.Pid }

// WaitWindow waits until the app's window is mapped and returns how long
// that took from the start of the process. It fails with the app's output
// when the window does not appear or the app exits first.
func (a *App) WaitWindow(timeout time.Duration) (time.Duration, error) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		select {
		case <-a.done:
			return 0, fmt.Errorf("e2e: the app exited (%v) before its window appeared; it printed:\n%s", a.err, a.Output())
		default:
		}
		// This app's own window: another Steady may have one of the same name.
		out, err := a.xdotool("search", "--all", "--onlyvisible", "--pid", strconv.Itoa(a.Pid()), "--name", "^"+a.cfg.Title+"$")
		if err == nil {
			if id := strings.Fields(out); len(id) > 0 {
				a.Window = id[0]
				return time.Since(a.Started), nil
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	return 0, fmt.Errorf("e2e: no window titled %q appeared within %v; the app printed:\n%s", a.cfg.Title, timeout, a.Output())
}

func (a *App) xdotool(args ...string) (string, error) {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+a.display.Name)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("e2e: xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// Click clicks at x, y in window coordinates (pixels), then parks the
// pointer in the window's bottom-right corner, where Steady shows nothing
// that reacts to hovering, so hover effects do not show in screenshots. (The
// pointer is not moved out of the window: with no window manager, the window
// would not hear that it left.)
func (a *App) Click(x, y int) error {
	// Fyne 2.8 (GLFW 3.4) loses a click that comes in the same breath as
	// the move onto its spot: the pointer rests a moment first.
	if _, err := a.xdotool("mousemove", "--window", a.Window, strconv.Itoa(x), strconv.Itoa(y)); err != nil {
		return err
	}
	time.Sleep(100 * time.Millisecond)
	if _, err := a.xdotool("click", "1"); err != nil {
		return err
	}
	w, h, err := a.Size()
	if err != nil {
		return err
	}
	_, err = a.xdotool("mousemove", "--window", a.Window, strconv.Itoa(w-4), strconv.Itoa(h-4))
	return err
}

// ClickSlowly clicks as Click does, the pointer resting longer on the spot
// first: for a click the toolkit missed on a loaded machine.
func (a *App) ClickSlowly(x, y int) error {
	if _, err := a.xdotool("mousemove", "--window", a.Window, strconv.Itoa(x), strconv.Itoa(y)); err != nil {
		return err
	}
	time.Sleep(400 * time.Millisecond)
	_, err := a.xdotool("click", "1")
	return err
}

// Key presses keys, in xdotool's names ("space", "ctrl+2", "Escape"), in the
// app's window.
func (a *App) Key(keys ...string) error {
	if _, err := a.xdotool("windowfocus", "--sync", a.Window); err != nil {
		return err
	}
	_, err := a.xdotool(append([]string{"key", "--delay", "60"}, keys...)...)
	return err
}

// Type types text into the focused widget.
func (a *App) Type(text string) error {
	_, err := a.xdotool("type", "--delay", "40", text)
	return err
}

// Size is the window's size in pixels.
func (a *App) Size() (w, h int, err error) {
	out, err := a.xdotool("getwindowgeometry", "--shell", a.Window)
	if err != nil {
		return 0, 0, err
	}
	for _, line := range strings.Fields(out) {
		k, v, _ := strings.Cut(line, "=")
		switch k {
		case "WIDTH":
			w, _ = strconv.Atoi(v)
		case "HEIGHT":
			h, _ = strconv.Atoi(v)
		}
	}
	return w, h, nil
}

// WaitDrawn waits until the window shows more than one colour: its first
// frame is drawn.
func (a *App) WaitDrawn(timeout time.Duration) error {
	path := filepath.Join(a.Home, "first-frame.png")
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		img, err := a.Screenshot(path)
		if err != nil {
			return err
		}
		b := img.Bounds()
		first := img.At(b.Min.X, b.Min.Y)
		for y := b.Min.Y; y < b.Max.Y; y += 7 {
			for x := b.Min.X; x < b.Max.X; x += 7 {
				if img.At(x, y) != first {
					return nil
				}
			}
		}
	}
	return fmt.Errorf("e2e: the window stayed one flat colour for %v; the app printed:\n%s", timeout, a.Output())
}

// MinSize is the minimum size the window asks the window manager for, in
// pixels (WM_NORMAL_HINTS).
func (a *App) MinSize() (w, h int, err error) {
	cmd := exec.Command("xprop", "-id", a.Window, "WM_NORMAL_HINTS")
	cmd.Env = append(os.Environ(), "DISPLAY="+a.display.Name)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, 0, fmt.Errorf("e2e: xprop: %v: %s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if _, rest, ok := strings.Cut(line, "minimum size:"); ok {
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%d by %d", &w, &h); err == nil {
				return w, h, nil
			}
		}
	}
	return 0, 0, fmt.Errorf("e2e: the window sets no minimum size: %s", out)
}

// Resize sets the window's size in pixels.
func (a *App) Resize(w, h int) error {
	_, err := a.xdotool("windowsize", "--sync", a.Window, strconv.Itoa(w), strconv.Itoa(h))
	return err
}

// Screenshot captures the app's window to a PNG file and returns the image.
func (a *App) Screenshot(path string) (image.Image, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	cmd := exec.Command("import", "-display", a.display.Name, "-window", a.Window, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("e2e: screenshot: %v: %s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("e2e: screenshot %s: %w", path, err)
	}
	return img, nil
}

// Settle waits until two screenshots taken interval apart are identical, so a
// screenshot shows a finished frame, and returns the last one.
func (a *App) Settle(path string, interval, timeout time.Duration) (image.Image, error) {
	prev, err := a.Screenshot(path)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		time.Sleep(interval)
		img, err := a.Screenshot(path)
		if err != nil {
			return nil, err
		}
		if Changed(prev, img) == 0 {
			return img, nil
		}
		prev = img
	}
	return prev, nil
}

// ClickChange clicks at x,y and waits, up to timeout, for the screen to
// differ from before in at least minChanged pixels, then for it to settle;
// it returns the settled screenshot, saved at path. On a busy machine the
// app may take a while to answer a click; this waits for the answer itself.
func (a *App) ClickChange(x, y int, before image.Image, minChanged int, path string, timeout time.Duration) (image.Image, error) {
	if err := a.Click(x, y); err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for {
		img, err := a.Screenshot(path)
		if err != nil {
			return nil, err
		}
		if Changed(before, img) >= minChanged {
			return a.Settle(path, 150*time.Millisecond, time.Until(deadline))
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("e2e: the click at %d,%d did not change the screen in %v", x, y, timeout)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop asks the app to quit (SIGTERM, as a desktop session does) and waits
// for it; it returns the exit status, or an error when it does not exit.
func (a *App) Stop(timeout time.Duration) (int, error) {
	_ = a.cmd.Process.Signal(syscall.SIGTERM) // it may have exited already
	return a.Wait(timeout)
}

// Wait waits for the app to exit by itself and returns its exit status.
func (a *App) Wait(timeout time.Duration) (int, error) {
	select {
	case <-a.done:
	case <-time.After(timeout):
		a.Kill()
		return -1, fmt.Errorf("e2e: the app did not exit within %v; it printed:\n%s", timeout, a.Output())
	}
	var exit *exec.ExitError
	if errors.As(a.err, &exit) {
		return exit.ExitCode(), nil
	}
	if a.err != nil {
		return -1, a.err
	}
	return 0, nil
}

// Kill ends the app at once, as a crash would (SIGKILL).
func (a *App) Kill() {
	_ = a.cmd.Process.Kill() // it may have exited already
	<-a.done
}

// CPUTime is the processor time the app has used so far, user and system,
// from /proc (in clock ticks of 10 ms).
func (a *App) CPUTime() (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", a.Pid()))
	if err != nil {
		return 0, fmt.Errorf("e2e: %w", err)
	}
	// The command name, in parentheses, may hold spaces: count the fields
	// after its closing parenthesis. utime and stime are fields 14 and 15.
	rest := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(rest) < 13 {
		return 0, fmt.Errorf("e2e: /proc/%d/stat is short: %q", a.Pid(), b)
	}
	var ticks int64
	for _, f := range rest[11:13] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("e2e: /proc/%d/stat: %w", a.Pid(), err)
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

// CPUShare is the share of one core the app uses over the next window:
// its processor time over that window (CPUTime) divided by the time taken.
func (a *App) CPUShare(window time.Duration) (float64, error) {
	t0, err := a.CPUTime()
	if err != nil {
		return 0, err
	}
	start := time.Now()
	time.Sleep(window)
	t1, err := a.CPUTime()
	if err != nil {
		return 0, err
	}
	return float64(t1-t0) / float64(time.Since(start)), nil
}

// RSS is the app's resident memory in bytes, from /proc.
func (a *App) RSS() (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", a.Pid()))
	if err != nil {
		return 0, fmt.Errorf("e2e: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb * 1024, err
		}
	}
	return 0, errors.New("e2e: no VmRSS in /proc status")
}

// Changed counts the pixels that differ between two images of the same
// size; images of different sizes differ in every pixel of the larger.
func Changed(a, b image.Image) int {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Size() != bb.Size() {
		return max(ab.Dx()*ab.Dy(), bb.Dx()*bb.Dy())
	}
	n := 0
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, _ := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				n++
			}
		}
	}
	return n
}

// syncBuffer is a bytes.Buffer safe for the process's writers and a reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
