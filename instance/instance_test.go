package instance

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeWindow counts what it was asked and runs "echo" as a command.
type fakeWindow struct {
	raised, started atomic.Int32
}

func (f *fakeWindow) Raise() error { f.raised.Add(1); return nil }
func (f *fakeWindow) Start() error { f.started.Add(1); return nil }

func (f *fakeWindow) Run(dir string, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "fail" {
		fmt.Fprintln(stderr, "steady fail: it failed")
		return 1
	}
	fmt.Fprintf(stdout, "in %s: %s\n", dir, strings.Join(args, " "))
	return 0
}

func socket(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "run", "test.sock")
}

func listen(t *testing.T, path string, h Handler) *Server {
	t.Helper()
	s, err := Listen(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Serve(h)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRoundTrip(t *testing.T) {
	path := socket(t)
	w := &fakeWindow{}
	listen(t, path, w)

	if err := Raise(path); err != nil {
		t.Fatalf("Raise: %v", err)
	}
	if err := Start(path); err != nil {
		t.Fatalf("Start: %v", err)
	}
	if w.raised.Load() != 1 || w.started.Load() != 1 {
		t.Errorf("raised %d, started %d times; want 1 and 1", w.raised.Load(), w.started.Load())
	}
	tests := []struct {
		name       string
		args       []string
		wantExit   int
		wantOut    string
		wantErrOut string
	}{
		{"output", []string{"export", "-o", "x y.csv"}, 0, "in /home/me: export -o x y.csv\n", ""},
		{"failure", []string{"fail"}, 1, "", "steady fail: it failed\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			exit, err := Run(path, "/home/me", tt.args, &out, &errOut)
			if err != nil {
				t.Fatal(err)
			}
			if exit != tt.wantExit || out.String() != tt.wantOut || errOut.String() != tt.wantErrOut {
				t.Errorf("got exit %d, stdout %q, stderr %q; want %d, %q, %q",
					exit, out.String(), errOut.String(), tt.wantExit, tt.wantOut, tt.wantErrOut)
			}
		})
	}
}

func TestNotRunning(t *testing.T) {
	path := socket(t)
	if err := Raise(path); !errors.Is(err, ErrNotRunning) {
		t.Errorf("Raise with no instance: got %v, want ErrNotRunning", err)
	}
}

// A socket file left behind by an instance that was killed (the file is
// there, no one listens, the lock is free) does not count as running and
// does not stop the next instance.
func TestStaleSocket(t *testing.T) {
	path := socket(t)
	s := listen(t, path, &fakeWindow{})
	// What kill -9 leaves: the socket file, and no listener or lock.
	s.ln.(*net.UnixListener).SetUnlinkOnClose(false)
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no stale socket to test with: %v", err)
	}
	if err := Raise(path); !errors.Is(err, ErrNotRunning) {
		t.Errorf("Raise over a stale socket: got %v, want ErrNotRunning", err)
	}
	w := &fakeWindow{}
	listen(t, path, w)
	if err := Raise(path); err != nil || w.raised.Load() != 1 {
		t.Errorf("the next instance: Raise %v, raised %d times", err, w.raised.Load())
	}
}

// A process that accepts and never answers (a hung window) makes the
// client give up after AnswerTimeout, not hang.
func TestHungInstance(t *testing.T) {
	path := socket(t)
	if err := privateDir(filepath.Dir(path)); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, never answered
		}
	}()
	for _, op := range []string{OpRaise, OpRun} {
		start := time.Now()
		var err error
		if op == OpRaise {
			err = Raise(path)
		} else {
			_, err = Run(path, "/", []string{"export"}, io.Discard, io.Discard)
		}
		took := time.Since(start)
		if !errors.Is(err, ErrNotAnswering) {
			t.Errorf("%s on a hung instance: got %v, want ErrNotAnswering", op, err)
		}
		if took < AnswerTimeout-100*time.Millisecond || took > AnswerTimeout+time.Second {
			t.Errorf("%s on a hung instance gave up after %v, want about %v", op, took, AnswerTimeout)
		}
	}
}

// Two instances cannot both listen; once the first is gone, another can.
func TestOneListener(t *testing.T) {
	path := socket(t)
	first, err := Listen(path)
	if err != nil {
		t.Fatal(err)
	}
	first.Serve(&fakeWindow{})
	if s, err := Listen(path); !errors.Is(err, ErrRunning) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("a second Listen: got %v, want ErrRunning", err)
	}
	if _, err := Lock(path); !errors.Is(err, ErrRunning) {
		t.Errorf("Lock while an instance listens: got %v, want ErrRunning", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	listen(t, path, &fakeWindow{})
}

// A request of another protocol version is refused with a reply that says
// so, and an oversized request is dropped.
func TestBadRequests(t *testing.T) {
	path := socket(t)
	listen(t, path, &fakeWindow{})
	tests := []struct {
		name string
		send string
		want string
	}{
		{"another version", `{"v":99,"op":"raise"}` + "\n", "protocol version 99"},
		{"unknown operation", `{"v":1,"op":"dance"}` + "\n", `unknown operation \"dance\"`},
		{"too long", `{"v":1,"op":"run","args":["` + strings.Repeat("x", MaxRequest) + `"]}` + "\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := net.Dial("unix", path)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			c.SetDeadline(time.Now().Add(5 * time.Second))
			go c.Write([]byte(tt.send)) // the server may stop reading early
			got, _ := io.ReadAll(c)
			if !strings.Contains(string(got), tt.want) || (tt.want == "" && len(got) > 0) {
				t.Errorf("got %q, want a reply containing %q", got, tt.want)
			}
		})
	}
}

func TestSocketPath(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/1000")
	a, b := SocketPath("/home/a/.config/fyne/io.github.steady/journal.db"), SocketPath("/home/b/journal.db")
	if a == b || !strings.HasPrefix(a, "/run/user/1000/io.github.steady/") {
		t.Errorf("with XDG_RUNTIME_DIR: got %q and %q, want two sockets in /run/user/1000/io.github.steady", a, b)
	}
	t.Setenv("XDG_RUNTIME_DIR", "")
	if got, want := SocketPath("/home/a/data/journal.db"), "/home/a/data/run/instance.sock"; got != want {
		t.Errorf("without XDG_RUNTIME_DIR: got %q, want %q", got, want)
	}
	long := "/" + strings.Repeat("d", 120) + "/journal.db"
	if got := SocketPath(long); len(got) > maxSocketPath || !strings.Contains(got, "steady-") {
		t.Errorf("for a long data folder path: got %q, want a short one in the temporary folder", got)
	}
	t.Setenv("TMPDIR", "/"+strings.Repeat("t", 110))
	if got := SocketPath(long); len(got) > maxSocketPath || !strings.HasPrefix(got, "/tmp/steady-") {
		t.Errorf("with a long data folder and TMPDIR: got %q, want one in /tmp", got)
	}
}
