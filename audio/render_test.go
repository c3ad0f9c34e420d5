package audio

import (
	"encoding/binary"
	"math"
	"testing"
	"time"
)

// t0 is when every test's fake sound card starts.
var t0 = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

// A fakeCard drives a mixer the way a sound card behind oto does, without
// a device, on a fake clock. The card plays continuously from start: frame
// k is heard at start + k/sampleRate. It buffers ring frames ahead of what
// it plays and, whenever room for burst chunks frees up, wakes up and reads
// that many chunks at once.
type fakeCard struct {
	start   time.Time
	now     time.Time
	ring    int
	burst   int
	written int64
}

func (c *fakeCard) clock() time.Time { return c.now }

// latency is what the mixer must be told: the earliest read of a chunk is
// made with the rest of the ring full ahead of it.
func (c *fakeCard) latency() time.Duration { return framesToDuration(int64(c.ring - chunkFrames)) }

// underrun makes the card play d of silence of its own, as a device does
// when it runs dry: every frame from now on is heard d later.
func (c *fakeCard) underrun(d time.Duration) {
	c.start = c.start.Add(d)
	c.now = c.now.Add(d)
}

// heard returns the time frame k is heard.
func (c *fakeCard) heard(k int) time.Time { return c.start.Add(framesToDuration(int64(k))) }

// newTestPlayer returns a Player on a fake card buffering ring frames, with
// the built-in clips and without espeak-ng.
func newTestPlayer(t *testing.T, ring int) (*Player, *fakeCard) {
	t.Helper()
	card := &fakeCard{start: t0, now: t0, ring: ring, burst: 1}
	p, err := newPlayer(Options{Espeak: "-"}, card.clock, card.latency())
	if err != nil {
		t.Fatal(err)
	}
	return p, card
}

// render has the card read d more of the mixer's output and returns its
// first channel, checking the second is the same.
func (c *fakeCard) render(t *testing.T, m *mixer, d time.Duration) []float32 {
	t.Helper()
	frames := int(math.Round(d.Seconds() * sampleRate))
	out := make([]float32, 0, frames)
	buf := make([]byte, chunkFrames*bytesPerFrame)
	for len(out) < frames {
		// Sleep until there is room for a burst.
		played := c.written + int64(c.burst*chunkFrames-c.ring)
		if wake := c.start.Add(framesToDuration(played)); wake.After(c.now) {
			c.now = wake
		}
		for range c.burst {
			n, err := m.Read(buf)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(buf) {
				t.Fatalf("Read returned %d bytes, want %d", n, len(buf))
			}
			for i := 0; i < n; i += bytesPerFrame {
				l := math.Float32frombits(binary.LittleEndian.Uint32(buf[i:]))
				r := math.Float32frombits(binary.LittleEndian.Uint32(buf[i+4:]))
				if l != r {
					t.Fatalf("frame %d: left %v, right %v, want the same", c.written, l, r)
				}
				out = append(out, l)
				c.written++
			}
		}
	}
	return out
}

// goertzel returns the power of frequency f in samples, normalised so a
// full-scale sine at f gives about 0.25.
func goertzel(samples []float32, f float64) float64 {
	w := 2 * math.Pi * f / sampleRate
	coeff := 2 * math.Cos(w)
	var s1, s2 float64
	for _, x := range samples {
		s0 := float64(x) + coeff*s1 - s2
		s2, s1 = s1, s0
	}
	n := float64(len(samples))
	return (s1*s1 + s2*s2 - coeff*s1*s2) / (n * n)
}

func peak(samples []float32) float32 {
	var p float32
	for _, v := range samples {
		p = max(p, abs32(v))
	}
	return p
}

func rms(samples []float32) float64 {
	var sum float64
	for _, v := range samples {
		sum += float64(v) * float64(v)
	}
	return math.Sqrt(sum / float64(max(1, len(samples))))
}

// firstSound returns the index of the first sample above level, or -1.
func firstSound(samples []float32, level float32) int {
	for i, v := range samples {
		if abs32(v) > level {
			return i
		}
	}
	return -1
}

func ms(d float64) time.Duration { return time.Duration(d * float64(time.Millisecond)) }
