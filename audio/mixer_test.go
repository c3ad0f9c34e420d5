package audio

import (
	"math"
	"testing"
	"time"
)

// TestPlayAtLandsOnTime schedules cues on cards with different buffers and
// wake-up patterns and checks each cue starts on the frame heard at its time.
func TestPlayAtLandsOnTime(t *testing.T) {
	tests := []struct {
		name        string
		ring, burst int
	}{
		{"tiny buffer", chunkFrames, 1},
		{"80 ms buffer, read as it drains", 3528, 1},
		{"80 ms buffer, read in bursts", 3528, 4},
		{"big buffer, read in big bursts", 16 * chunkFrames, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, card := newTestPlayer(t, tt.ring)
			card.burst = tt.burst
			card.render(t, p.mixer, 10*time.Millisecond) // anchors the clock
			wants := []time.Duration{300 * time.Millisecond, 900 * time.Millisecond, 1700 * time.Millisecond}
			p.PlayAt(Go, t0.Add(wants[0]))
			p.PlayAt(Halfway, t0.Add(wants[1]))
			p.PlayAt(GetReadyTick, t0.Add(wants[2]))
			first := int(card.written)
			out := card.render(t, p.mixer, 2*time.Second)
			for _, want := range wants {
				from := int((want-50*time.Millisecond).Seconds()*sampleRate) - first
				i := firstSound(out[from:], 0)
				if i < 0 {
					t.Fatalf("no sound after %v", want-50*time.Millisecond)
				}
				got := card.heard(first + from + i).Sub(t0)
				if d := got - want; d < -30*time.Microsecond || d > 30*time.Microsecond {
					t.Errorf("cue for %v: heard at %v", want, got)
				}
			}
		})
	}
}

// TestFollowsUnderrun checks that once the device has fallen behind the
// mixer, cues land on time again within two seconds.
func TestFollowsUnderrun(t *testing.T) {
	p, card := newTestPlayer(t, 3528)
	card.burst = 2
	card.render(t, p.mixer, time.Second)
	card.underrun(150 * time.Millisecond)
	want := 3500 * time.Millisecond
	p.PlayAt(Go, t0.Add(want))
	first := int(card.written)
	out := card.render(t, p.mixer, 3*time.Second)
	i := firstSound(out, 0)
	if i < 0 {
		t.Fatal("no sound")
	}
	if got := card.heard(first + i).Sub(t0); got-want < -30*time.Microsecond || got-want > 30*time.Microsecond {
		t.Errorf("cue for %v after a 150 ms underrun: heard at %v", want, got)
	}
}

func TestPlayNowAndLate(t *testing.T) {
	tests := []struct {
		name    string
		at      func(now time.Time) time.Time
		audible bool
	}{
		{"now", func(time.Time) time.Time { return time.Time{} }, true},
		{"slightly late", func(now time.Time) time.Time { return now.Add(-200 * time.Millisecond) }, true},
		{"too late to mean anything", func(now time.Time) time.Time { return now.Add(-3 * time.Second) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, card := newTestPlayer(t, chunkFrames)
			card.render(t, p.mixer, time.Second)
			p.PlayAt(Go, tt.at(card.now))
			out := card.render(t, p.mixer, 100*time.Millisecond)
			start := firstSound(out, 0)
			if !tt.audible {
				if start >= 0 {
					t.Errorf("got sound at frame %d, want silence", start)
				}
				return
			}
			if start < 0 || start > chunkFrames {
				t.Errorf("got first sound at frame %d, want within the first read (%d frames)", start, chunkFrames)
			}
		})
	}
}

// TestHeadroom plays every cue and a spoken phrase at the same moment, at
// full volume: the limiter must keep every sample within full scale.
func TestHeadroom(t *testing.T) {
	p, card := newTestPlayer(t, chunkFrames)
	at := t0.Add(50 * time.Millisecond)
	for c := range cueCount {
		p.PlayAt(c, at)
		p.PlayAt(c, at.Add(30*time.Millisecond))
	}
	p.SayAt("well done, session complete", at)
	p.SayAt("get ready", at.Add(10*time.Millisecond))
	out := card.render(t, p.mixer, 2*time.Second)
	if got := peak(out); got > limitThreshold+1e-6 {
		t.Errorf("peak: got %v, want at most %v", got, limitThreshold)
	}
	if got := rms(out[sampleRate/10 : sampleRate/5]); got < 0.1 {
		t.Errorf("RMS while everything plays: got %v, want the mix still loud (>= 0.1)", got)
	}
}

// TestLimiterTransparent checks a single sound passes through unchanged:
// the limiter only acts when it must.
func TestLimiterTransparent(t *testing.T) {
	p, card := newTestPlayer(t, chunkFrames)
	p.PlayAt(SessionComplete, t0.Add(20*time.Millisecond))
	out := card.render(t, p.mixer, 2*time.Second)
	want := p.cues[SessionComplete]
	start := int(0.02 * sampleRate)
	for i, w := range want {
		if d := out[start+i] - w; math.Abs(float64(d)) > 1e-6 {
			t.Fatalf("sample %d: got %v, want %v", i, out[start+i], w)
		}
	}
}

func TestVolume(t *testing.T) {
	for _, vol := range []float64{1, 0.5, 0.1, 0} {
		t.Run("volume "+string(rune('0'+int(vol*10)/10))+"."+string(rune('0'+int(vol*10)%10)), func(t *testing.T) {
			p, card := newTestPlayer(t, chunkFrames)
			p.SetVolume(vol)
			at := t0.Add(200 * time.Millisecond) // after the volume has glided
			p.PlayAt(Go, at)
			out := card.render(t, p.mixer, time.Second)
			start := int(0.2 * sampleRate)
			want := p.cues[Go]
			got := out[start : start+len(want)]
			if vol == 0 {
				if pk := peak(got); pk > 1e-6 {
					t.Errorf("peak at volume 0: got %v, want silence", pk)
				}
				return
			}
			if ratio := rms(got) / rms(want); math.Abs(ratio-vol) > 0.01*vol {
				t.Errorf("level ratio: got %.4f, want %.4f", ratio, vol)
			}
		})
	}
}

// TestVolumeGlides checks a volume change while a sound plays moves
// smoothly rather than in one step.
func TestVolumeGlides(t *testing.T) {
	p, card := newTestPlayer(t, chunkFrames)
	p.PlayAt(SessionComplete, t0)
	card.render(t, p.mixer, 600*time.Millisecond)
	p.SetVolume(0)
	out := card.render(t, p.mixer, 100*time.Millisecond)
	if first := abs32(out[0]); first < 0.01 {
		t.Fatalf("first sample after the change: got %v, want the sound still there", first)
	}
	if tail := peak(out[len(out)*3/4:]); tail > 1e-3 {
		t.Errorf("75 ms after volume 0: got peak %v, want silence", tail)
	}
	var jump float32
	for i := 1; i < len(out); i++ {
		jump = max(jump, abs32(out[i]-out[i-1]))
	}
	if jump > 0.1 {
		t.Errorf("largest step between samples: got %v, want a glide (<= 0.1)", jump)
	}
}

func TestCancelPendingAndStop(t *testing.T) {
	t.Run("cancel drops what has not started", func(t *testing.T) {
		p, card := newTestPlayer(t, chunkFrames)
		p.PlayAt(Go, t0.Add(100*time.Millisecond))
		p.PlayAt(SessionComplete, t0.Add(500*time.Millisecond))
		card.render(t, p.mixer, 200*time.Millisecond)
		p.CancelPending()
		out := card.render(t, p.mixer, time.Second)
		goLeft := int(0.35*sampleRate) - int(0.1*sampleRate)
		if pk := peak(out[:goLeft-100]); pk < 0.01 {
			t.Errorf("the started cue: got peak %v, want it to finish", pk)
		}
		if pk := peak(out[goLeft:]); pk != 0 {
			t.Errorf("after the started cue: got peak %v, want the cancelled cue silent", pk)
		}
	})
	t.Run("stop fades out what plays", func(t *testing.T) {
		p, card := newTestPlayer(t, chunkFrames)
		p.PlayAt(SessionComplete, t0)
		card.render(t, p.mixer, 500*time.Millisecond)
		p.Stop()
		out := card.render(t, p.mixer, 100*time.Millisecond)
		if abs32(out[0]) < 0.01 {
			t.Fatalf("first sample after Stop: got %v, want a fade, not a cut", out[0])
		}
		if pk := peak(out[stopFadeFrames:]); pk != 0 {
			t.Errorf("after the fade: got peak %v, want silence", pk)
		}
		var jump float32
		for i := 1; i < len(out); i++ {
			jump = max(jump, abs32(out[i]-out[i-1]))
		}
		if jump > 0.1 {
			t.Errorf("largest step between samples: got %v, want a fade (<= 0.1)", jump)
		}
	})
}

func TestSettings(t *testing.T) {
	tests := []struct {
		name                    string
		set                     func(p *Player)
		tick, tone, speechHeard bool
	}{
		{"all on", func(*Player) {}, true, true, true},
		{"ticks off", func(p *Player) { p.SetTicks(false) }, false, true, true},
		{"tones off", func(p *Player) { p.SetTones(false) }, false, false, true},
		{"voice off", func(p *Player) { p.SetVoice(false) }, true, true, false},
		{"tones off then on", func(p *Player) { p.SetTones(false); p.SetTones(true) }, true, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, card := newTestPlayer(t, chunkFrames)
			tt.set(p)
			p.PlayAt(GetReadyTick, t0)
			p.PlayAt(Go, t0.Add(500*time.Millisecond))
			p.SayAt("rest", t0.Add(time.Second))
			out := card.render(t, p.mixer, 2*time.Second)
			heard := func(from, to float64) bool { return peak(out[int(from*sampleRate):int(to*sampleRate)]) > 0 }
			if got := heard(0, 0.4); got != tt.tick {
				t.Errorf("tick heard: got %v, want %v", got, tt.tick)
			}
			if got := heard(0.5, 0.9); got != tt.tone {
				t.Errorf("tone heard: got %v, want %v", got, tt.tone)
			}
			if got := heard(1, 2); got != tt.speechHeard {
				t.Errorf("speech heard: got %v, want %v", got, tt.speechHeard)
			}
		})
	}
}

// BenchmarkMixer renders one second of audio with four voices sounding.
func BenchmarkMixer(b *testing.B) {
	card := &fakeCard{now: t0, burst: 1}
	m := newMixer(card.clock, 0)
	speech := make([]float32, 10*sampleRate)
	for i := range speech {
		speech[i] = float32(0.3 * math.Sin(float64(i)*0.05))
	}
	buf := make([]byte, chunkFrames*bytesPerFrame)
	b.ReportAllocs()
	for b.Loop() {
		for range 4 {
			m.add(speech, kindSpeech, time.Time{})
		}
		for frames := 0; frames < sampleRate; frames += chunkFrames {
			if _, err := m.Read(buf); err != nil {
				b.Fatal(err)
			}
		}
		m.stop()
		m.voices = m.voices[:0]
	}
}
