package e2e

import (
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrNoSway is returned by StartSway when sway is not installed.
var ErrNoSway = errors.New("e2e: sway is not installed (`make deps-test` installs it)")

// swayUser runs sway and the app when the tests run as root: sway refuses
// to run as root.
const swayUser = "steady-e2e"

// Sway is a headless Wayland desktop: sway with no outputs but a virtual
// one and no input devices, run as an unprivileged user. Everything it
// runs (the app, grim, wtype) runs as that user in its own folder.
type Sway struct {
	Dir     string // the user's folder: runtime/, home/, bin/; removed by Close
	Socket  string // WAYLAND_DISPLAY, e.g. "wayland-1"
	runtime string // XDG_RUNTIME_DIR
	ipc     string // SWAYSOCK
	cred    *syscall.Credential
	cmd     *exec.Cmd
	exited  chan struct{} // closed when sway has exited
	log     syncBuffer
	// keyboard holds a virtual keyboard open for the whole desktop (see
	// StartSway).
	keyboard *exec.Cmd
}

// StartSway starts sway headless with one output of the given size and
// waits until its Wayland and IPC sockets answer.
func StartSway(width, height int) (*Sway, error) {
	if _, err := exec.LookPath("sway"); err != nil {
		return nil, ErrNoSway
	}
	for _, tool := range []string{"swaymsg", "grim", "wtype"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("e2e: %s not found: run `make deps-test`", tool)
		}
	}
	cred, err := desktopUser()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "steady-sway-")
	if err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	s := &Sway{Dir: dir, runtime: filepath.Join(dir, "runtime"), cred: cred}
	for _, d := range []string{dir, s.runtime, filepath.Join(dir, "bin"), filepath.Join(dir, "home")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			s.Close()
			return nil, fmt.Errorf("e2e: %w", err)
		}
		if err := s.own(d); err != nil {
			s.Close()
			return nil, err
		}
	}
	config := filepath.Join(dir, "config")
	if err := os.WriteFile(config, []byte(fmt.Sprintf("output HEADLESS-1 resolution %dx%d\n", width, height)), 0o600); err != nil {
		s.Close()
		return nil, fmt.Errorf("e2e: %w", err)
	}
	if err := s.own(config); err != nil {
		s.Close()
		return nil, err
	}
	s.cmd = s.command("sway", "-c", config)
	s.cmd.Env = append(s.cmd.Env, "WLR_BACKENDS=headless", "WLR_RENDERER=pixman", "WLR_LIBINPUT_NO_DEVICES=1")
	s.cmd.Stdout = &s.log
	s.cmd.Stderr = &s.log
	if err := s.cmd.Start(); err != nil {
		s.Close()
		return nil, fmt.Errorf("e2e: start sway: %w", err)
	}
	s.exited = make(chan struct{})
	go func() {
		_ = s.cmd.Wait() // its end is seen through exited
		close(s.exited)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for s.ipc == "" {
		select {
		case <-s.exited:
			s.Close()
			return nil, fmt.Errorf("e2e: sway exited at start: %s", s.log.String())
		default:
		}
		if time.Now().After(deadline) {
			s.Close()
			return nil, fmt.Errorf("e2e: sway made no sockets within 10s: %s", s.log.String())
		}
		time.Sleep(20 * time.Millisecond)
		ipc, _ := filepath.Glob(filepath.Join(s.runtime, "sway-ipc.*.sock"))
		wl, _ := filepath.Glob(filepath.Join(s.runtime, "wayland-[0-9]*"))
		for _, p := range wl {
			if !strings.HasSuffix(p, ".lock") {
				s.Socket = filepath.Base(p)
			}
		}
		if len(ipc) > 0 && s.Socket != "" {
			s.ipc = ipc[0]
			if _, err := s.Msg("-t", "get_version"); err != nil {
				s.ipc = "" // not answering yet
			}
		}
	}
	// The headless backend has no input devices, so the seat has no
	// keyboard and windows get no keyboard focus; each wtype would add one
	// for a moment, too short for the app to take it up. A virtual keyboard
	// held open from the start gives the seat a keyboard, as on a desktop.
	// (-p of a key never pressed sends nothing.)
	s.keyboard = s.command("wtype", "-p", "U0100", "-s", "3600000")
	if err := s.keyboard.Start(); err != nil {
		s.Close()
		return nil, fmt.Errorf("e2e: wtype: %w", err)
	}
	for time.Now().Before(deadline.Add(5 * time.Second)) {
		if out, err := s.Msg("-t", "get_seats"); err == nil && strings.Contains(out, `"capabilities": 2`) {
			return s, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.Close()
	return nil, errors.New("e2e: sway's seat got no keyboard from wtype")
}

// desktopUser is the user sway runs as: the current one, or swayUser,
// created if missing, when the tests run as root.
func desktopUser() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup(swayUser)
	if err != nil {
		out, err := exec.Command("useradd", "-m", swayUser).CombinedOutput()
		// Exit 9: another test process created it meanwhile.
		if exit, ok := err.(*exec.ExitError); err != nil && !(ok && exit.ExitCode() == 9) {
			return nil, fmt.Errorf("e2e: useradd %s: %v: %s", swayUser, err, out)
		}
		if u, err = user.Lookup(swayUser); err != nil {
			return nil, fmt.Errorf("e2e: %w", err)
		}
	}
	uid, err := strconv.Atoi(u.Uid)
	if err != nil {
		return nil, fmt.Errorf("e2e: uid of %s: %w", swayUser, err)
	}
	gid, err := strconv.Atoi(u.Gid)
	if err != nil {
		return nil, fmt.Errorf("e2e: gid of %s: %w", swayUser, err)
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// own gives a file to the desktop's user.
func (s *Sway) own(path string) error {
	if s.cred == nil {
		return nil
	}
	if err := os.Chown(path, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
		return fmt.Errorf("e2e: %w", err)
	}
	return nil
}

// command is a command run on the desktop as its user, with no X display.
func (s *Sway) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = s.Dir
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + filepath.Join(s.Dir, "home"),
		"XDG_RUNTIME_DIR=" + s.runtime,
		"LANG=en_US.UTF-8",
	}
	if s.Socket != "" {
		cmd.Env = append(cmd.Env, "WAYLAND_DISPLAY="+s.Socket)
	}
	if s.ipc != "" {
		cmd.Env = append(cmd.Env, "SWAYSOCK="+s.ipc)
	}
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	return cmd
}

// Msg runs swaymsg with the arguments and returns what it printed.
func (s *Sway) Msg(args ...string) (string, error) {
	out, err := s.command("swaymsg", args...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("e2e: swaymsg %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// Close stops sway and its keyboard and removes the desktop's folder.
func (s *Sway) Close() {
	if s.keyboard != nil && s.keyboard.Process != nil {
		_ = s.keyboard.Process.Kill() // it may have exited already
		_ = s.keyboard.Wait()         // killed: its status says nothing
	}
	if s.exited != nil {
		_ = s.cmd.Process.Signal(syscall.SIGTERM) // it may have exited already
		select {
		case <-s.exited:
		case <-time.After(5 * time.Second):
			_ = s.cmd.Process.Kill() // it ignored SIGTERM
			<-s.exited
		}
	}
	_ = os.RemoveAll(s.Dir) // a temporary folder; nothing depends on it going
}

// Log is what sway printed.
func (s *Sway) Log() string { return s.log.String() }

// SwayWindow is a window in sway's tree.
type SwayWindow struct {
	Name  string `json:"name"`
	PID   int    `json:"pid"`
	Shell string `json:"shell"` // "xdg_shell" for a native Wayland window, "xwayland" for an X one
	Rect  struct {
		X, Y, Width, Height int
	} `json:"rect"`
	Nodes         []SwayWindow `json:"nodes"`
	FloatingNodes []SwayWindow `json:"floating_nodes"`
}

// Window finds the window of the given title in sway's tree.
func (s *Sway) Window(title string) (*SwayWindow, error) {
	out, err := s.Msg("-t", "get_tree")
	if err != nil {
		return nil, err
	}
	var root SwayWindow
	if err := json.Unmarshal([]byte(out), &root); err != nil {
		return nil, fmt.Errorf("e2e: sway's tree: %w", err)
	}
	var find func(n *SwayWindow) *SwayWindow
	find = func(n *SwayWindow) *SwayWindow {
		if n.Name == title && n.PID != 0 {
			return n
		}
		for _, list := range [][]SwayWindow{n.Nodes, n.FloatingNodes} {
			for i := range list {
				if w := find(&list[i]); w != nil {
					return w
				}
			}
		}
		return nil
	}
	if w := find(&root); w != nil {
		return w, nil
	}
	return nil, fmt.Errorf("e2e: no window titled %q in sway's tree", title)
}

// evdevCode is the Linux input code of each key Key can press.
var evdevCode = map[string]int{"Escape": 1, "Tab": 15, "Return": 28, "space": 57}

// Key presses and releases a key, with the modifiers given first
// ("shift+Tab"). wtype makes a keymap of its own with the keys in the order
// it first meets them, the n-th on Linux key code n; GLFW reads the key
// from the Linux code (its table assumes a PC keyboard), and only the
// character from the keymap. So the key is placed at its PC code behind
// keys that are only released, which sends nothing.
func (s *Sway) Key(key string) error {
	var args []string
	parts := strings.Split(key, "+")
	name := parts[len(parts)-1]
	code, ok := evdevCode[name]
	if !ok {
		return fmt.Errorf("e2e: Key: no Linux key code known for %q", name)
	}
	for i := 1; i < code; i++ {
		args = append(args, "-p", fmt.Sprintf("U%04X", 0x100+i))
	}
	for _, mod := range parts[:len(parts)-1] {
		args = append(args, "-M", mod)
	}
	args = append(args, "-k", name)
	for _, mod := range parts[:len(parts)-1] {
		args = append(args, "-m", mod)
	}
	if out, err := s.command("wtype", args...).CombinedOutput(); err != nil {
		return fmt.Errorf("e2e: wtype %s: %v: %s", key, err, out)
	}
	return nil
}

// Screenshot saves the whole output to path as PNG, through grim, and
// returns it.
func (s *Sway) Screenshot(path string) (image.Image, error) {
	tmp := filepath.Join(s.Dir, "home", "shot.png")
	if out, err := s.command("grim", tmp).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("e2e: grim: %v: %s", err, out)
	}
	defer os.Remove(tmp)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	if err := copyTo(tmp, path); err != nil {
		return nil, err
	}
	return readPNG(path)
}

// Settle takes screenshots until two in a row, interval apart, are the
// same, and keeps the last at path.
func (s *Sway) Settle(path string, interval, timeout time.Duration) (image.Image, error) {
	deadline := time.Now().Add(timeout)
	prev, err := s.Screenshot(path)
	if err != nil {
		return nil, err
	}
	for time.Now().Before(deadline) {
		time.Sleep(interval)
		img, err := s.Screenshot(path)
		if err != nil {
			return nil, err
		}
		if Changed(prev, img) == 0 {
			return img, nil
		}
		prev = img
	}
	return nil, fmt.Errorf("e2e: the screen did not settle within %v", timeout)
}

// Launch starts the app on the desktop as its user: a copy of the binary
// the user can run, a fresh home, and no X display in its environment.
// The App's window is found with Window, not WaitWindow (an X search).
func (s *Sway) Launch(bin string, args ...string) (*App, error) {
	return s.LaunchFrom("", bin, nil, args...)
}

// LaunchFrom is Launch with the home a copy of the folder from (when not
// empty) and env added to the app's environment. The home gets the
// recording sound device of the X harness (Launch), so the app plays its
// cues as it does there.
func (s *Sway) LaunchFrom(from, bin string, env []string, args ...string) (*App, error) {
	own := filepath.Join(s.Dir, "bin", filepath.Base(bin))
	if err := copyTo(bin, own); err != nil {
		return nil, err
	}
	if err := os.Chmod(own, 0o755); err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	if err := s.own(own); err != nil {
		return nil, err
	}
	home, err := os.MkdirTemp(filepath.Join(s.Dir, "home"), "app-")
	if err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	if from != "" {
		if out, err := exec.Command("cp", "-a", from+"/.", home).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("e2e: copy the home %s: %v: %s", from, err, out)
		}
	}
	for _, d := range []string{home, filepath.Join(home, ".config"), filepath.Join(home, ".cache"), filepath.Join(home, "tmp")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, fmt.Errorf("e2e: %w", err)
		}
	}
	a := &App{Home: home, AudioFile: filepath.Join(home, "audio.raw"), cfg: Config{Bin: own, Args: args, Home: home, Title: "Steady"}, done: make(chan struct{})}
	var sound []string
	if from != "" {
		os.Remove(a.AudioFile)
		conf := filepath.Join(home, "asoundrc")
		if err := writeTemplate(conf, asoundrc, struct{ Out string }{a.AudioFile}); err != nil {
			return nil, err
		}
		sound = []string{"ALSA_CONFIG_PATH=" + conf}
	}
	if err := filepath.WalkDir(home, func(path string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return s.own(path)
	}); err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	a.cmd = s.command(own, args...)
	a.cmd.Env = append(a.cmd.Env,
		"HOME="+home, // the later HOME wins
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"TMPDIR="+filepath.Join(home, "tmp"),
	)
	a.cmd.Env = append(append(a.cmd.Env, sound...), env...)
	a.cmd.Stdout = &a.out
	a.cmd.Stderr = &a.out
	a.Started = time.Now()
	if err := a.cmd.Start(); err != nil {
		return nil, fmt.Errorf("e2e: start %s: %w", own, err)
	}
	go func() {
		a.err = a.cmd.Wait()
		close(a.done)
	}()
	return a, nil
}

// Float takes the app's window out of sway's tiling and sizes it to w × h
// with sway's title bar, about the size an X window manager would leave it
// at: tiled, it fills the whole output.
func (s *Sway) Float(a *App, w, h int) error {
	_, err := s.Msg(fmt.Sprintf("[pid=%d] floating enable, resize set width %d px height %d px", a.Pid(), w, h))
	return err
}

// WaitWindow waits until the app's window is in sway's tree and returns it.
func (s *Sway) WaitWindow(a *App, timeout time.Duration) (*SwayWindow, error) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		select {
		case <-a.done:
			return nil, fmt.Errorf("e2e: the app exited (%v) before its window appeared; it printed:\n%s", a.err, a.Output())
		default:
		}
		if w, err := s.Window(a.cfg.Title); err == nil && w.PID == a.Pid() {
			return w, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil, fmt.Errorf("e2e: no window titled %q appeared within %v; the app printed:\n%s", a.cfg.Title, timeout, a.Output())
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("e2e: %s: %w", path, err)
	}
	return img, nil
}

func copyTo(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("e2e: %w", err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return fmt.Errorf("e2e: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("e2e: %w", err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("e2e: %w", err)
	}
	return nil
}
