package audio

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"steady/audio/internal/onset"
)

// These tests go through oto and ALSA for real. oto allows one context per
// process, so each runs the test binary again as a child that opens the
// output and plays; the parent checks what came out.
const childEnv = "STEADY_AUDIO_TEST_CHILD"

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "capture":
		os.Exit(captureChild())
	case "no-device":
		os.Exit(noDeviceChild())
	default:
		fmt.Fprintln(os.Stderr, "unknown child", os.Getenv(childEnv))
		os.Exit(2)
	}
}

// runChild runs the test binary as the named child with ALSA configured by
// the file at alsaConfig, and returns its standard output and error.
func runChild(t *testing.T, name, alsaConfig string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+name, "ALSA_CONFIG_PATH="+alsaConfig)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("child %s: %v\nstdout:\n%s\nstderr:\n%s", name, err, out.String(), errOut.String())
	}
	return out.String(), errOut.String()
}

// captureSchedule is what the capture child plays: a cue at each offset
// from its start. Cues are far enough apart to be told apart in the
// recording; the early ones are scheduled long in advance, the later ones
// just in time (Latency ahead), as a session runner would.
var captureSchedule = []struct {
	cue Cue
	at  time.Duration
}{
	{Go, 0}, {GetReadyTick, 700 * time.Millisecond}, {LastSecondsTick, 1300 * time.Millisecond},
	{Halfway, 2000 * time.Millisecond}, {Release, 2800 * time.Millisecond}, {GetReadyTick, 3500 * time.Millisecond},
	{SwitchSides, 4100 * time.Millisecond}, {LastSecondsTick, 4900 * time.Millisecond}, {LastSecondsTick, 5500 * time.Millisecond},
	{RestOver, 6100 * time.Millisecond}, {Go, 6900 * time.Millisecond}, {GetReadyTick, 7600 * time.Millisecond},
	{Halfway, 8200 * time.Millisecond}, {SessionComplete, 9000 * time.Millisecond},
}

// aheadUntil is how many of captureSchedule's cues are scheduled at once.
const aheadUntil = 7

// captureChild plays captureSchedule through the default ALSA device.
func captureChild() int {
	p, err := New(Options{Espeak: "-"})
	if err != nil {
		fmt.Fprintln(os.Stderr, "New:", err)
		return 1
	}
	time.Sleep(500 * time.Millisecond) // let the output settle
	start := time.Now().Add(300 * time.Millisecond)
	for _, s := range captureSchedule[:aheadUntil] {
		p.PlayAt(s.cue, start.Add(s.at))
	}
	for _, s := range captureSchedule[aheadUntil:] {
		time.Sleep(time.Until(start.Add(s.at - p.Latency() - 10*time.Millisecond)))
		p.PlayAt(s.cue, start.Add(s.at))
	}
	time.Sleep(time.Until(start.Add(captureSchedule[len(captureSchedule)-1].at + 2*time.Second)))
	fmt.Printf("latency %v\n", p.Latency())
	if err := p.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "Err:", err)
		return 1
	}
	if err := p.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "Close:", err)
		return 1
	}
	return 0
}

// TestCapture plays a schedule of cues through ALSA into a file, paced to
// real time, and checks each cue starts where it was scheduled relative to
// the others.
func TestCapture(t *testing.T) {
	if _, err := exec.LookPath("pv"); err != nil {
		t.Fatalf("pv paces the capture (make deps-test installs it): %v", err)
	}
	dir := t.TempDir()
	capture := filepath.Join(dir, "capture.raw")
	template, err := os.ReadFile("testdata/asoundrc")
	if err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "asoundrc")
	if err := os.WriteFile(config, bytes.ReplaceAll(template, []byte("$CAPTURE"), []byte(capture)), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _ := runChild(t, "capture", config)
	waitUntilStill(t, capture)

	f, err := os.Open(capture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	samples, err := onset.ReadS16(f, 2)
	if err != nil {
		t.Fatal(err)
	}
	got := onset.Detect(samples, sampleRate, 0.05, 150*time.Millisecond)
	var want []time.Duration
	for _, s := range captureSchedule {
		want = append(want, s.at)
	}
	r := onset.Compare(got, want, 250*time.Millisecond)
	t.Logf("%.1f s captured, %s; %s; errors %v", float64(len(samples))/sampleRate, strings.TrimSpace(stdout), r, r.Errors)
	if r.Missing > 0 || r.Extra > 0 {
		t.Errorf("got %d missing and %d extra cues, want every cue once\nonsets %v\nschedule %v", r.Missing, r.Extra, got, want)
	}
	if r.P95 > 20*time.Millisecond {
		t.Errorf("onset error p95: got %v, want at most 20ms (errors %v)", r.P95, r.Errors)
	}
}

// waitUntilStill waits until the file at path has stopped growing: pv
// drains what it holds after the child has gone.
func waitUntilStill(t *testing.T, path string) {
	t.Helper()
	var last int64 = -1
	deadline := time.Now().Add(10 * time.Second)
	for still := 0; still < 5; {
		if time.Now().After(deadline) {
			t.Fatalf("%s still growing after 10 s", path)
		}
		time.Sleep(200 * time.Millisecond)
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() == last {
			still++
		} else {
			still, last = 0, info.Size()
		}
	}
}

// noDeviceChild opens the output where there is none and reports what New
// returned.
func noDeviceChild() int {
	p, err := New(Options{Espeak: "-"})
	fmt.Printf("no-device=%v silent=%v\n%v\n", errors.Is(err, ErrNoDevice), p != nil && p.Silent(), err)
	if p != nil {
		p.Play(Go)
		p.Say("rest")
		p.SetVolume(0.5)
		p.CancelPending()
		if err := p.Close(); err != nil {
			fmt.Println("close:", err)
		}
	}
	return 0
}

// TestNoDevice checks that without a sound device New returns quickly a
// silent Player and ErrNoDevice, and that alsa-lib's diagnostics stay off
// the user's terminal.
func TestNoDevice(t *testing.T) {
	config := filepath.Join(t.TempDir(), "asoundrc")
	if err := os.WriteFile(config, []byte("# no devices at all\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	stdout, stderr := runChild(t, "no-device", config)
	t.Logf("child took %v; it said:\n%s", time.Since(start), stdout)
	if !strings.HasPrefix(stdout, "no-device=true silent=true\n") {
		t.Errorf("got %q, want ErrNoDevice and a silent Player", stdout)
	}
	if strings.Contains(stderr, "ALSA lib") {
		t.Errorf("stderr: got alsa-lib diagnostics, want none:\n%s", stderr)
	}
}
