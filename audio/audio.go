// Package audio plays Steady's cues: synthesised tones for the moments of a
// session and spoken phrases, recorded clips for the built-in routine and
// espeak-ng at run time for other text. Everything goes through one mixer
// behind one long-lived oto player, so sounds overlap without clipping and
// land on the moment they were scheduled for.
//
// Create one Player for the process with New and pass it down. Without a
// sound device New still returns a working, silent Player.
package audio

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os/exec"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hajimehoshi/oto/v2"

	"steady/assets"
)

// ErrNoDevice is wrapped by the error New returns when no sound can be played.
// The Player it returns alongside works, silently.
var ErrNoDevice = errors.New("audio: no sound output")

// Options tune New. The zero value is right for the app.
type Options struct {
	// BufferSize is the sound device's buffer, which oto splits in two
	// periods. Smaller is more responsive but risks crackles on a busy
	// machine. 0 means 40 ms.
	BufferSize time.Duration
	// QueueSize is how much mixed sound waits ahead of the device. It must
	// cover the largest burst the device takes at once: sound servers and
	// pipes take tens of milliseconds in one go, and a queue that runs dry
	// is heard as gaps. 0 means 150 ms. Scheduled sounds are not delayed by
	// it; sounds played "now" are.
	QueueSize time.Duration
	// Espeak is the espeak-ng command used to speak text that has no
	// recorded clip: "" finds espeak-ng on PATH; "-" never speaks such text
	// (a soft tone stands in for it).
	Espeak string
	// Clips holds the recorded phrases, a directory per language (en/, de/,
	// ...) each with its manifest.json; nil means the built-in clips of
	// assets.Speech.
	Clips fs.FS
	// Language is the language Steady speaks: "en" (or ""), "de", "es" or
	// "fr". Phrases are looked up in its clips, then in the English ones,
	// and other text is spoken by espeak-ng in its voice. SetLanguage
	// changes it later.
	Language string
	// Logf logs what the user should not hear about: a clip missing in the
	// chosen language. nil means log.Printf.
	Logf func(format string, args ...any)
	// Now is the clock the times given to PlayAt and SayAt are on: the
	// caller's session clock, so that a cue lands at the moment the session
	// means. The mixer measures the sound card against it, so it must move
	// with real time and monotonically. nil means the system clock.
	Now func() time.Time
}

// openTimeout bounds the wait for the sound device. ALSA may wait for a busy
// device forever; Steady then runs silently instead.
const openTimeout = 3 * time.Second

// A Player plays cues and speech. All its methods may be called from any
// goroutine, and all of them are safe on a silent Player.
type Player struct {
	mixer   *mixer
	speaker atomic.Pointer[speaker] // replaced whole by SetLanguage
	clips   fs.FS
	espeak  string
	logf    func(string, ...any)
	cues    [cueCount + 1][]float32 // synthesised once, by Cue
	ctx     *oto.Context            // nil when silent
	out     oto.Player              // nil when silent; kept so it is not collected
	sleep   *sleeper                // nil when silent
	silent  bool
	closed  atomic.Bool
	// epoch counts CancelPending calls, so speech rendered after one is
	// not played.
	epoch atomic.Uint64

	mu                  sync.Mutex
	voice, tones, ticks bool
}

// New opens the sound output and returns the Player. Call it once per
// process: oto supports one context.
//
// When there is no sound device it returns a silent Player and an error
// wrapping ErrNoDevice with the system's reason; the caller can show it and
// carry on.
func New(opts Options) (*Player, error) {
	if opts.BufferSize <= 0 {
		opts.BufferSize = 40 * time.Millisecond
	}
	if opts.QueueSize <= 0 {
		opts.QueueSize = 150 * time.Millisecond
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	p, err := newPlayer(opts, opts.Now, outputLatency(opts.BufferSize, opts.QueueSize))
	if err != nil {
		return p, err
	}
	quietALSA()
	ctx, ready, err := oto.NewContextWithOptions(&oto.NewContextOptions{
		SampleRate:   sampleRate,
		ChannelCount: channels,
		Format:       oto.FormatFloat32LE,
		BufferSize:   opts.BufferSize,
	})
	if err != nil {
		return p.silence(), fmt.Errorf("%w: %w", ErrNoDevice, err)
	}
	select {
	case <-ready:
	case <-time.After(openTimeout):
		return p.silence(), fmt.Errorf("%w: the device did not open within %v", ErrNoDevice, openTimeout)
	}
	if err := ctx.Err(); err != nil {
		return p.silence(), fmt.Errorf("%w: %w", ErrNoDevice, err)
	}
	out := ctx.NewPlayer(p.mixer)
	if b, ok := out.(oto.BufferSizeSetter); ok {
		b.SetBufferSize(durationToFrames(opts.QueueSize) * bytesPerFrame)
	}
	out.Play()
	p.ctx, p.out = ctx, out
	p.sleep = newSleeper(ctx, p.mixer, idleSleep, releaseSleep)
	return p, nil
}

// newPlayer builds a Player around a mixer that has no output yet.
func newPlayer(opts Options, now func() time.Time, latency time.Duration) (*Player, error) {
	p := &Player{mixer: newMixer(now, latency), voice: true, tones: true, ticks: true}
	for c := range p.cues {
		p.cues[c] = Cue(c).synth(sampleRate)
	}
	espeak := ""
	switch opts.Espeak {
	case "-":
	case "":
		espeak, _ = exec.LookPath("espeak-ng") // not installed: speech without clips falls back to a tone
	default:
		espeak = opts.Espeak
	}
	clips := opts.Clips
	if clips == nil {
		sub, err := fs.Sub(assets.Speech, "speech")
		if err != nil {
			return p.silence(), fmt.Errorf("audio: built-in clips: %w", err)
		}
		clips = sub
	}
	p.clips, p.espeak, p.logf = clips, espeak, opts.Logf
	if p.logf == nil {
		p.logf = log.Printf
	}
	if err := p.SetLanguage(opts.Language); err != nil {
		return p.silence(), err
	}
	return p, nil
}

// SetLanguage makes the Player speak language lang: "en" (or ""), "de",
// "es" or "fr". Phrases said from then on are looked up in its clips, or
// the English clips when it has none (a line in the log says so), and
// other text is spoken in its voice. An error says the clips of lang or of
// English could not be read; the Player then speaks what it has.
func (p *Player) SetLanguage(lang string) error {
	if lang == "" {
		lang = English
	}
	if s := p.speaker.Load(); s != nil && s.lang == lang {
		return nil
	}
	s, err := newSpeaker(p.clips, lang, p.espeak, p.logf)
	p.speaker.Store(s)
	return err
}

// outputLatency is how long after the mixer renders a frame it is heard,
// for a device buffer and queue of the given sizes. oto splits the device
// buffer in two periods and holds one more period in hand while it waits
// to write; its player buffer, the queue, comes before that. When the
// mixer is asked for a chunk and the pipeline is full, everything but that
// chunk is ahead of it.
func outputLatency(device, queue time.Duration) time.Duration {
	period := durationToFrames(device) / 2
	frames := 3*period + durationToFrames(queue) - chunkFrames
	return framesToDuration(int64(frames))
}

func durationToFrames(d time.Duration) int { return int(d.Seconds() * sampleRate) }

// silence makes p a Player that plays nothing.
func (p *Player) silence() *Player {
	p.silent = true
	return p
}

// Silent reports whether p plays nothing because there is no sound output.
func (p *Player) Silent() bool { return p.silent }

// Latency is the time from the mixer rendering a sound to it being heard,
// which PlayAt and SayAt compensate. It is 0 for a silent Player.
func (p *Player) Latency() time.Duration {
	if p.silent {
		return 0
	}
	return p.mixer.latency
}

// Err reports a sound output that has failed since New, e.g. a headset
// unplugged: from then on nothing is heard. It wraps ErrNoDevice.
func (p *Player) Err() error {
	if p.ctx == nil {
		return nil
	}
	if err := p.ctx.Err(); err != nil {
		return fmt.Errorf("%w: %w", ErrNoDevice, err)
	}
	return nil
}

func (p *Player) active() bool { return !p.silent && !p.closed.Load() }

// Play plays cue c now.
func (p *Player) Play(c Cue) { p.PlayAt(c, time.Time{}) }

// PlayAt plays cue c so that it is heard at at. Call it at least Latency()
// before at for it to land exactly; a zero at, or a time that cannot be met
// any more, plays it as soon as possible, unless that is over a second late:
// then it is dropped.
func (p *Player) PlayAt(c Cue, at time.Time) {
	if !p.active() || c < 0 || c >= cueCount {
		return
	}
	k := kindTone
	if c.isTick() {
		k = kindTick
	}
	p.add(p.cues[c], k, at)
}

// add hands a sound to the mixer, waking the output for it.
func (p *Player) add(samples []float32, k kind, at time.Time) {
	if p.sleep != nil {
		start := p.mixer.now()
		if at.After(start) {
			start = at
		}
		p.sleep.busy(start.Add(framesToDuration(int64(len(samples)))))
	}
	p.mixer.add(samples, k, at)
}

// Hold keeps the sound output running while on, as a running session needs:
// its cues are handed over ahead of time and land exactly only on a stream
// that has been running. Let go (paused or ended), the output sleeps a
// moment after the session's last sound has played; otherwise it sleeps a few
// seconds after its last sound. It wakes for the next sound, which then
// starts up to Latency() late.
func (p *Player) Hold(on bool) {
	if p.sleep != nil && !p.closed.Load() {
		p.sleep.hold(on)
	}
}

// Say speaks text now.
func (p *Player) Say(text string) { p.SayAt(text, time.Time{}) }

// SayAt speaks text so that it starts at at, like PlayAt. Phrases of the
// built-in routine are recorded; other text is spoken by espeak-ng, which
// takes a moment the first time (see Prepare), and a soft two-note tone
// stands in for it when espeak-ng is not installed.
func (p *Player) SayAt(text string, at time.Time) {
	if !p.active() {
		return
	}
	speaker := p.speaker.Load()
	key := speaker.key(text)
	if key == "" {
		return
	}
	samples, err := speaker.recorded(key)
	if err == nil && samples != nil {
		p.add(samples, kindSpeech, at)
		return
	}
	if speaker.espeak == "" {
		p.add(p.cues[speechStandIn], kindSpeech, at)
		return
	}
	epoch := p.epoch.Load()
	go func() {
		samples, err := speaker.render(key)
		if err != nil {
			samples = p.cues[speechStandIn]
		}
		if p.epoch.Load() == epoch && p.active() {
			p.add(samples, kindSpeech, at)
		}
	}()
}

// SpeechLength returns how long text lasts when said: the length of its
// clip, or of its espeak-ng render once made (see Prepare); false when
// there is neither yet.
func (p *Player) SpeechLength(text string) (time.Duration, bool) {
	return p.speaker.Load().length(text)
}

// Prepare renders, in the background, the phrases that have no recording
// (a custom routine's), so that saying them later starts on time.
func (p *Player) Prepare(texts ...string) {
	speaker := p.speaker.Load()
	if !p.active() || speaker.espeak == "" {
		return
	}
	go func() {
		for _, t := range texts {
			key := speaker.key(t)
			if samples, err := speaker.recorded(key); key == "" || err != nil || samples != nil {
				continue
			}
			// A failed render is retried, and replaced by a tone, when the
			// phrase is said.
			_, _ = speaker.render(key)
		}
	}()
}

// CancelPending forgets every sound scheduled but not started yet, for a
// pause or a skip. Sounds already playing finish.
func (p *Player) CancelPending() {
	p.epoch.Add(1)
	p.mixer.cancelPending()
}

// Stop forgets every pending sound and fades out, quickly, those playing.
func (p *Player) Stop() {
	p.epoch.Add(1)
	p.mixer.stop()
}

// SetVoice turns speech on or off.
func (p *Player) SetVoice(on bool) { p.set(func() { p.voice = on }) }

// SetTones turns all tones on or off, ticks included.
func (p *Player) SetTones(on bool) { p.set(func() { p.tones = on }) }

// SetTicks turns the countdown ticks on or off; the other tones stay.
func (p *Player) SetTicks(on bool) { p.set(func() { p.ticks = on }) }

func (p *Player) set(change func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	change()
	p.mixer.setMuted(kindSpeech, !p.voice)
	p.mixer.setMuted(kindTone, !p.tones)
	p.mixer.setMuted(kindTick, !p.tones || !p.ticks)
}

// SetVolume sets the master volume, 0 (silent) to 1 (full). The change
// glides over a few milliseconds, so it never clicks.
func (p *Player) SetVolume(v float64) { p.mixer.setVolume(v) }

// Close stops the output. The Player stays safe to call, silently.
func (p *Player) Close() error {
	if p.closed.Swap(true) || p.out == nil {
		return nil
	}
	p.sleep.stop()
	if err := p.out.Close(); err != nil {
		return fmt.Errorf("audio: close: %w", err)
	}
	return nil
}
