package audio

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"steady/audio/internal/onset"
)

// scale is the set of notes a melody is read against, with neighbours of
// the notes the cues use so that a wrong pitch would show.
var scale = []struct {
	name string
	freq float64
}{
	{"C5", 523.25}, {"D5", 587.33}, {"E5", 659.26}, {"F5", 698.46}, {"G5", 783.99},
	{"A5", 880.00}, {"B5", 987.77}, {"C6", 1046.50}, {"D6", 1174.66}, {"E6", 1318.51},
	{"F6", 1396.91},
}

// melody reads the notes of samples: the strongest note of the scale in
// each 20 ms window with sound in it, repeats merged.
func melody(samples []float32) []string {
	const window, hop = 882, 441
	var notes []string
	for i := 0; i+window <= len(samples); i += hop {
		w := samples[i : i+window]
		if rms(w) < 0.02 {
			continue
		}
		best, bestPower := "", 0.0
		for _, n := range scale {
			if p := goertzel(w, n.freq); p > bestPower {
				best, bestPower = n.name, p
			}
		}
		if len(notes) == 0 || notes[len(notes)-1] != best {
			notes = append(notes, best)
		}
	}
	return notes
}

func TestCueSound(t *testing.T) {
	tests := []struct {
		cue            Cue
		melody         string
		notes          int // separate sounds, after at least 40 ms of quiet
		minLen, maxLen time.Duration
	}{
		{GetReadyTick, "G5", 1, ms(40), ms(100)},
		{Go, "C6", 1, ms(250), ms(450)},
		{Halfway, "A5", 2, ms(250), ms(450)},
		{LastSecondsTick, "E6", 1, ms(30), ms(80)},
		{Release, "G5 C5", 1, ms(350), ms(600)},
		{SwitchSides, "D5 A5 D5", 1, ms(300), ms(500)},
		{RestOver, "C5 G5", 1, ms(350), ms(600)},
		{SessionComplete, "C5 E5 G5 C6", 1, ms(1000), ms(2000)},
	}
	for _, tt := range tests {
		t.Run(tt.cue.String(), func(t *testing.T) {
			s := tt.cue.synth(sampleRate)
			if got := framesToDuration(int64(len(s))); got < tt.minLen || got > tt.maxLen {
				t.Errorf("length: got %v, want %v to %v", got, tt.minLen, tt.maxLen)
			}
			if got := strings.Join(melody(s), " "); got != tt.melody {
				t.Errorf("melody: got %q, want %q", got, tt.melody)
			}
			if got := len(onset.Detect(s, sampleRate, 0.02, 40*time.Millisecond)); got != tt.notes {
				t.Errorf("separate sounds: got %d, want %d", got, tt.notes)
			}
		})
	}
}

// TestCueEnvelope checks every cue fades in and out: it starts and ends at
// silence and never jumps between two samples, which is heard as a click.
func TestCueEnvelope(t *testing.T) {
	for c := range cueCount + 1 {
		t.Run(c.String(), func(t *testing.T) {
			s := c.synth(sampleRate)
			if len(s) < 100 {
				t.Fatalf("got %d samples, want a sound", len(s))
			}
			if first, last := abs32(s[0]), abs32(s[len(s)-1]); first > 1e-4 || last > 1e-4 {
				t.Errorf("ends: got first %v, last %v, want both about 0", first, last)
			}
			p := peak(s)
			if p < 0.2 || p > 0.5 {
				t.Errorf("peak: got %v, want 0.2 to 0.5", p)
			}
			if start := peak(s[:sampleRate/1000]); start > p/2 {
				t.Errorf("first millisecond peaks at %v, want a fade-in below %v", start, p/2)
			}
			var jump float32
			for i := 1; i < len(s); i++ {
				jump = max(jump, abs32(s[i]-s[i-1]))
			}
			if jump > 0.2 {
				t.Errorf("largest step between samples: got %v, want at most 0.2", jump)
			}
		})
	}
}

// TestCuesDiffer checks no two cues could be mistaken for each other: each
// has its own melody or a clearly different length.
func TestCuesDiffer(t *testing.T) {
	seen := map[string]Cue{}
	for c := range cueCount {
		s := c.synth(sampleRate)
		sig := fmt.Sprintf("%v / %d00 ms", melody(s), len(s)*10/sampleRate)
		if other, ok := seen[sig]; ok {
			t.Errorf("%v and %v both sound like %s", c, other, sig)
		}
		seen[sig] = c
	}
}

func TestCueString(t *testing.T) {
	var names []string
	for c := range cueCount {
		names = append(names, c.String())
	}
	want := []string{"GetReadyTick", "Go", "Halfway", "LastSecondsTick", "Release", "SwitchSides", "RestOver", "SessionComplete"}
	if !slices.Equal(names, want) {
		t.Errorf("got %v, want %v", names, want)
	}
	if got := Cue(42).String(); got != "Cue(42)" {
		t.Errorf("Cue(42): got %q, want %q", got, "Cue(42)")
	}
}
