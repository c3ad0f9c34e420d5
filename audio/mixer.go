package audio

import (
	"encoding/binary"
	"math"
	"sync"
	"time"
)

// The output stream: 44100 Hz stereo float32, the format oto hands to ALSA.
const (
	sampleRate    = 44100
	channels      = 2
	bytesPerFrame = channels * 4
	// chunkFrames is the most one Read renders (5.8 ms), so oto's player
	// buffer holds little more than it asks for and the latency stays known.
	chunkFrames = 256
)

// Mixer tuning.
const (
	// limitThreshold is the level the limiter holds the mix under.
	limitThreshold = 0.8
	// limitRelease is how fast the limiter lets go after a peak, seconds.
	limitRelease = 0.15
	// volumeGlide is the time constant of master volume changes, seconds:
	// changing the volume never clicks.
	volumeGlide = 0.01
	// stopFadeFrames is how long a sounding voice takes to fade out when
	// stopped: 15 ms.
	stopFadeFrames = 662
	// maxLate is how late a scheduled sound may start; a sound that would
	// start later than this is dropped rather than heard at the wrong moment.
	maxLate = time.Second
	// originWindow is how often the mixer re-measures when its frames are
	// heard, to follow the stream when it falls behind and drift between
	// the sound card and the system clock.
	originWindow = time.Second
)

// A kind of voice, for the settings that silence each kind.
type kind int

const (
	kindTone kind = iota
	kindTick
	kindSpeech
	kindCount
)

// A voice is one sound in the mix: samples at sampleRate, mono, with their
// own fades, started at the frame that will be heard at the scheduled time.
type voice struct {
	samples []float32
	kind    kind
	at      time.Time // when it should be heard; zero: as soon as possible
	started bool
	pos     int // next sample to play once started
	// fadeLeft counts down the frames of a fade-out after Stop; 0: none.
	fadeLeft int
}

// A mixer sums the active voices into one stream. Its Read is the io.Reader
// behind the single long-lived oto player; every other method may be called
// from any goroutine.
//
// The mixer knows which frame will be heard when: frame k is heard at
// origin + latency + k/sampleRate. The origin is the earliest
// "read time minus stream position" it has seen: the output asks for data
// as soon as it has room, never before, so the earliest reads are the ones
// made exactly when the buffers ahead of them were full. latency is the
// size of those buffers.
type mixer struct {
	now     func() time.Time
	latency time.Duration

	mu       sync.Mutex
	voices   []*voice
	frame    int64 // the next frame to render
	anchored bool
	origin   time.Time
	winStart time.Time // when the current measuring window began
	winLow   time.Time // the lowest origin seen in it
	prevLow  time.Time // the lowest origin seen in the window before
	volume   float32   // target master volume
	gain     float32   // current master volume, gliding to volume
	limit    float32   // limiter gain, 1 when idle
	muted    [kindCount]bool
	mono     []float32
}

func newMixer(now func() time.Time, latency time.Duration) *mixer {
	return &mixer{now: now, latency: latency, volume: 1, gain: 1, limit: 1}
}

// add schedules a sound to be heard at at (zero: as soon as possible).
func (m *mixer) add(samples []float32, k kind, at time.Time) {
	if len(samples) == 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.voices = append(m.voices, &voice{samples: samples, kind: k, at: at})
}

// cancelPending drops every sound that has not started yet.
func (m *mixer) cancelPending() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.voices = keep(m.voices, func(v *voice) bool { return v.started })
}

// busy reports whether any sound is playing or waiting to.
func (m *mixer) busy() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.voices) > 0
}

// reanchor forgets when frames are heard, for a stream that restarts after
// a pause: the next reads measure it again.
func (m *mixer) reanchor() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.anchored = false
}

// stop drops every pending sound and fades out those that are sounding.
func (m *mixer) stop() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.voices = keep(m.voices, func(v *voice) bool { return v.started })
	for _, v := range m.voices {
		if v.fadeLeft == 0 {
			v.fadeLeft = stopFadeFrames
		}
	}
}

func (m *mixer) setMuted(k kind, muted bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.muted[k] = muted
}

func (m *mixer) setVolume(v float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.volume = float32(max(0, min(1, v)))
}

// Read renders the next frames of the mix as interleaved stereo float32
// little-endian. It never fails and never ends: silence when nothing plays.
func (m *mixer) Read(p []byte) (int, error) {
	n := min(len(p)/bytesPerFrame, chunkFrames)
	m.mu.Lock()
	if cap(m.mono) < n {
		m.mono = make([]float32, chunkFrames)
	}
	mono := m.mono[:n]
	m.render(m.now(), mono)
	m.mu.Unlock()
	for i, v := range mono {
		bits := math.Float32bits(v)
		binary.LittleEndian.PutUint32(p[i*bytesPerFrame:], bits)
		binary.LittleEndian.PutUint32(p[i*bytesPerFrame+4:], bits)
	}
	return n * bytesPerFrame, nil
}

// render mixes the frames that follow m.frame into out, read at time now.
// m.mu must be held.
func (m *mixer) render(now time.Time, out []float32) {
	m.measure(now)
	start, end := m.frame, m.frame+int64(len(out))
	clear(out)
	m.voices = keep(m.voices, func(v *voice) bool {
		if !v.started {
			first := start
			if !v.at.IsZero() {
				first = m.frameAt(v.at)
				if first >= end {
					return true // not yet
				}
				if start-first > int64(maxLate.Seconds()*sampleRate) {
					return false // too late to mean anything
				}
			}
			if m.muted[v.kind] {
				return false
			}
			v.started = true
			return v.mix(out[max(0, first-start):])
		}
		return v.mix(out)
	})
	m.frame = end
	m.master(out)
}

// mix adds the voice's next samples to out and reports whether it has more.
func (v *voice) mix(out []float32) bool {
	n := min(len(out), len(v.samples)-v.pos)
	if v.fadeLeft > 0 {
		n = min(n, v.fadeLeft)
		whole := float32(stopFadeFrames)
		for i := range n {
			out[i] += v.samples[v.pos+i] * float32(v.fadeLeft-i) / whole
		}
		v.fadeLeft -= n
		v.pos += n
		return v.fadeLeft > 0 && v.pos < len(v.samples)
	}
	for i := range n {
		out[i] += v.samples[v.pos+i]
	}
	v.pos += n
	return v.pos < len(v.samples)
}

// master applies the master volume, gliding to its target, and the
// limiter: the gain drops at once when a peak would pass the threshold and
// recovers over limitRelease, so overlapping sounds never clip and never
// pump audibly.
func (m *mixer) master(out []float32) {
	glide := float32(1 - math.Exp(-1/(volumeGlide*sampleRate)))
	recover := float32(1 - math.Exp(-1/(limitRelease*sampleRate)))
	for i, x := range out {
		m.gain += (m.volume - m.gain) * glide
		x *= m.gain
		if a := abs32(x); a*m.limit > limitThreshold {
			m.limit = limitThreshold / a
		} else {
			m.limit += (1 - m.limit) * recover
		}
		out[i] = x * m.limit
	}
}

// measure updates the origin from a read made at now. m.mu must be held.
//
// The origin is the lowest "read time - stream position" of the current
// measuring window and the one before it: one to two seconds of reads, so
// that it follows the stream when it falls behind (an underrun, a suspend)
// and yet always includes reads made when the pipeline was full.
func (m *mixer) measure(now time.Time) {
	o := now.Add(-framesToDuration(m.frame))
	if !m.anchored {
		m.anchored, m.origin, m.winStart, m.winLow, m.prevLow = true, o, now, o, o
		return
	}
	if o.Before(m.winLow) {
		m.winLow = o
	}
	if now.Sub(m.winStart) >= originWindow {
		m.prevLow, m.winStart, m.winLow = m.winLow, now, o
	}
	m.origin = m.winLow
	if m.prevLow.Before(m.origin) {
		m.origin = m.prevLow
	}
}

// frameAt returns the frame that will be heard at t. m.mu must be held.
func (m *mixer) frameAt(t time.Time) int64 {
	if !m.anchored {
		return m.frame
	}
	d := t.Sub(m.origin) - m.latency
	return int64(math.Round(d.Seconds() * sampleRate))
}

func framesToDuration(frames int64) time.Duration {
	return time.Duration(frames) * time.Second / sampleRate
}

// keep filters voices in place.
func keep(voices []*voice, ok func(*voice) bool) []*voice {
	kept := voices[:0]
	for _, v := range voices {
		if ok(v) {
			kept = append(kept, v)
		}
	}
	clear(voices[len(kept):])
	return kept
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
