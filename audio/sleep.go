package audio

import (
	"sync"
	"time"
)

// idleSleep is how long the sound output keeps running with nothing to play,
// outside a session, before it is suspended. A running output renders and
// writes silence all the time: a few percent of a core, for nothing.
const idleSleep = 3 * time.Second

// releaseSleep is how long the output keeps running after a session lets go
// of it (paused or ended) and its last sound has played: a paused session
// has nothing to say until it goes on, and waking takes a moment only.
const releaseSleep = 300 * time.Millisecond

// A device is the part of the sound output that can sleep: the oto context.
type device interface {
	Suspend() error
	Resume() error
}

// A sleeper suspends the sound output when it has had nothing to play for a
// while and nothing holds it awake, and resumes it when a sound comes. A
// session holds the output awake from start to end, so that its cues, handed
// over ahead of time, land on the frame the mixer planned for them; outside
// a session a sound may start up to the output's latency late after a sleep,
// as the mixer measures the stream again. It tells the time on the mixer's
// clock.
type sleeper struct {
	dev     device
	mixer   *mixer
	idle    time.Duration
	release time.Duration

	mu     sync.Mutex
	asleep bool
	held   bool
	until  time.Time     // when the last sound handed over finishes
	grace  time.Duration // how long after until to sleep: idle, or release after a hold
	timer  *time.Timer
}

// newSleeper returns a sleeper for the output dev played by m that sleeps
// idle after the last sound, or release after the last sound of a hold that
// ended.
func newSleeper(dev device, m *mixer, idle, release time.Duration) *sleeper {
	s := &sleeper{dev: dev, mixer: m, idle: idle, release: release, until: m.now(), grace: idle}
	s.mu.Lock()
	s.schedule()
	s.mu.Unlock()
	return s
}

// busy notes a sound that plays until until: the output wakes, and sleeps
// again no sooner than idle after it.
func (s *sleeper) busy(until time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wake()
	if until.After(s.until) {
		s.until = until
	}
	s.grace = s.idle
	s.schedule()
}

// hold keeps the output awake while on; off lets it sleep release after its
// last sound.
func (s *sleeper) hold(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held == on {
		return
	}
	s.held = on
	if on {
		s.wake()
	} else {
		s.until = later(s.until, s.mixer.now())
		s.grace = s.release
	}
	s.schedule()
}

// stop ends the sleeper's timer, for Close.
func (s *sleeper) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.held = true
	if s.timer != nil {
		s.timer.Stop()
	}
}

// wake resumes a sleeping output; the mixer measures the restarted stream
// afresh. s.mu is held.
func (s *sleeper) wake() {
	if !s.asleep {
		return
	}
	s.asleep = false
	s.mixer.reanchor()
	_ = s.dev.Resume() // a failed device shows in Player.Err
}

// schedule sets the timer for the next look at whether to sleep. s.mu is
// held.
func (s *sleeper) schedule() {
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	if s.held || s.asleep {
		return
	}
	s.timer = time.AfterFunc(s.until.Add(s.grace).Sub(s.mixer.now()), s.check)
}

// check suspends the output if it has been idle long enough.
func (s *sleeper) check() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held || s.asleep {
		return
	}
	wait := s.until.Add(s.grace).Sub(s.mixer.now())
	if wait <= 0 && s.mixer.busy() {
		wait = s.grace // a sound longer than it was thought to be
	}
	if wait > 0 {
		s.timer = time.AfterFunc(wait, s.check)
		return
	}
	if s.dev.Suspend() == nil {
		s.asleep = true
	}
}

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
