package journal

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// crashChildEnv switches the test binary into the crash drill's child: it
// holds the journal's path.
const crashChildEnv = "STEADY_JOURNAL_CRASH_CHILD"

// crashChild adds entries until it is killed, printing each entry's time
// (Unix nanoseconds) once AddEntry has returned: an acknowledgement.
func crashChild(path string) {
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	start := time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC)
	for i := 0; ; i++ {
		e := entry(start.Add(time.Duration(i)*time.Minute), AnyTime, i%11)
		e.Note = strings.Repeat("n", i%300) // values of many sizes: pages split and spill
		got, err := s.AddEntry(e)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		fmt.Println(got.Time.UnixNano())
	}
}

// TestCrashDrill kills a process writing to the journal with SIGKILL and
// checks that every entry it acknowledged is there and the file is sound.
func TestCrashDrill(t *testing.T) {
	if testing.Short() {
		t.Skip("crash drill: a child process and a bbolt build")
	}
	const acks = 400
	path := filepath.Join(t.TempDir(), "journal.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []int64
	sc := bufio.NewScanner(out)
	for len(acked) < acks && sc.Scan() {
		n, err := strconv.ParseInt(sc.Text(), 10, 64)
		if err != nil {
			t.Fatalf("child said %q", sc.Text())
		}
		acked = append(acked, n)
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred code, no Close
		t.Fatal(err)
	}
	// Drain what the child printed before the kill: acknowledged too.
	for sc.Scan() {
		if n, err := strconv.ParseInt(sc.Text(), 10, 64); err == nil {
			acked = append(acked, n)
		}
	}
	state, _ := cmd.Process.Wait() // killed: an error is what is expected
	if len(acked) < acks {
		t.Fatalf("child acknowledged only %d entries (%v)", len(acked), state)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Recovery(); r != nil {
		t.Fatalf("the file was taken for damaged after a crash: %v", r.Err)
	}
	got, err := s.Entries(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	have := make(map[int64]bool, len(got))
	for _, e := range got {
		have[e.Time.UnixNano()] = true
	}
	missing := 0
	for _, n := range acked {
		if !have[n] {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged entries are missing after the crash", missing, len(acked))
	}
	t.Logf("child acknowledged %d entries before SIGKILL; the journal holds %d; all acknowledged ones present", len(acked), len(got))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	bbolt := buildBbolt(t)
	outb, err := exec.Command(bbolt, "check", path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(outb)) != "OK" {
		t.Fatalf("bbolt check: %v: %s", err, outb)
	}
	t.Logf("bbolt check %s: %s", filepath.Base(path), strings.TrimSpace(string(outb)))
}

// buildBbolt builds bbolt's own command line tool, at the version Steady
// uses, into a temporary folder. It builds outside Steady's module, whose
// go.mod does not list the tool's own requirements.
func buildBbolt(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := t.TempDir()
	cmd := exec.Command(goTool, "install", "go.etcd.io/bbolt/cmd/bbolt@v1.4.3")
	cmd.Dir = bin
	cmd.Env = append(os.Environ(), "GOBIN="+bin, "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build bbolt's checker: %v\n%s", err, out)
	}
	return filepath.Join(bin, "bbolt")
}
