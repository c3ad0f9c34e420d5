package audio

import (
	"sync"
	"testing"
	"time"
)

// fakeDevice counts what the sleeper asks of the sound output.
type fakeDevice struct {
	mu                sync.Mutex
	asleep            bool
	suspends, resumes int
}

func (d *fakeDevice) Suspend() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.asleep = true
	d.suspends++
	return nil
}

func (d *fakeDevice) Resume() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.asleep = false
	d.resumes++
	return nil
}

func (d *fakeDevice) sleeping() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.asleep
}

// waitFor polls cond for up to two seconds.
func waitFor(cond func() bool) bool {
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

func TestSleeper(t *testing.T) {
	const idle = 40 * time.Millisecond
	dev := &fakeDevice{}
	m := newMixer(time.Now, 0)
	s := newSleeper(dev, m, idle, idle)
	defer s.stop()

	if !waitFor(dev.sleeping) {
		t.Fatal("the output did not sleep with nothing to play")
	}

	// A sound wakes it, and the mixer measures the restarted stream afresh.
	m.mu.Lock()
	m.anchored = true
	m.mu.Unlock()
	s.busy(time.Now().Add(100 * time.Millisecond))
	if dev.sleeping() || dev.resumes != 1 {
		t.Fatalf("a sound did not wake the output: asleep %v, %d resumes", dev.sleeping(), dev.resumes)
	}
	m.mu.Lock()
	anchored := m.anchored
	m.mu.Unlock()
	if anchored {
		t.Error("the mixer kept its timing across the output's sleep")
	}
	// It stays awake while the sound plays and idle after it.
	time.Sleep(100 * time.Millisecond)
	if dev.sleeping() {
		t.Error("the output slept before the sound had played out")
	}
	if !waitFor(dev.sleeping) {
		t.Fatal("the output did not sleep after the sound")
	}

	// A voice still in the mixer keeps it awake, whatever the estimate.
	s.busy(time.Now())
	m.add(make([]float32, 10), kindTone, time.Time{})
	time.Sleep(4 * idle)
	if dev.sleeping() {
		t.Error("the output slept with a sound still in the mixer")
	}
	m.stop()
	if !waitFor(dev.sleeping) {
		t.Fatal("the output did not sleep once the mixer was empty")
	}

	// A session holds it awake, with nothing to play, until it lets go.
	s.hold(true)
	if dev.sleeping() {
		t.Fatal("hold did not wake the output")
	}
	time.Sleep(4 * idle)
	if dev.sleeping() {
		t.Error("the output slept while held")
	}
	s.hold(false)
	if !waitFor(dev.sleeping) {
		t.Fatal("the output did not sleep after the hold ended")
	}
}

// A session that lets go of the output (paused, or ended) lets it sleep
// soon after its last sound, not the few seconds an output woken by a single
// sound waits; a sound after that waits the whole idle time again.
func TestSleeperLetGoSleepsSoon(t *testing.T) {
	const idle, release = 2 * time.Second, 20 * time.Millisecond
	dev := &fakeDevice{}
	m := newMixer(time.Now, 0)
	s := newSleeper(dev, m, idle, release)
	defer s.stop()

	s.hold(true)
	last := 150 * time.Millisecond
	s.busy(time.Now().Add(last)) // a cue handed over, still to play
	let := time.Now()
	s.hold(false)
	time.Sleep(last / 2)
	if dev.sleeping() {
		t.Fatal("the output slept before the session's last sound had played")
	}
	if !waitFor(dev.sleeping) {
		t.Fatal("the output did not sleep after the session let go")
	}
	if took := time.Since(let); took >= idle {
		t.Errorf("the output slept %v after the session let go, want well under %v", took, idle)
	}

	s.busy(time.Now())
	time.Sleep(10 * release)
	if dev.sleeping() {
		t.Error("a single sound after the session let the output sleep at once, want idle after it")
	}
}
