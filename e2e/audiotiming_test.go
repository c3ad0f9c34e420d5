package e2e

import (
	"math"
	"strings"
	"testing"
	"time"
)

// synthCapture renders a capture of the first channel: silence with a 120 ms
// sine at each tone's first note, at start + its place + shift(j).
func synthCapture(t *testing.T, want []HeardCue, start time.Duration, shift func(j int) time.Duration, note func(j int) string) []float32 {
	t.Helper()
	hz := map[string]float64{}
	for _, n := range notes {
		hz[n.name] = n.hz
	}
	end := start + want[len(want)-1].At + 3*time.Second
	samples := make([]float32, int(end.Seconds()*captureRate))
	for j, w := range want {
		f, ok := hz[note(j)]
		if !ok {
			t.Fatalf("no note %q", note(j))
		}
		at := int((start + w.At + shift(j)).Seconds() * captureRate)
		for i := 0; i < int(0.12*captureRate); i++ {
			samples[at+i] = float32(0.5 * math.Sin(2*math.Pi*f*float64(i)/captureRate))
		}
	}
	return samples
}

// The measurement of cue timing, on captures made up for it: it finds each
// tone where it is, names its note, removes the common offset, and follows a
// capture whose pipe was held up part-way instead of losing every tone after.
func TestCompareCues(t *testing.T) {
	want, _, err := expectedTones()
	if err != nil {
		t.Fatal(err)
	}
	const start = 1300 * time.Millisecond
	none := func(int) time.Duration { return 0 }
	own := func(j int) string { return want[j].Want }

	t.Run("every tone in its place", func(t *testing.T) {
		r := compareCues(synthCapture(t, want, start, none, own), want, 150*time.Millisecond)
		if p := r.Problems(); len(p) > 0 || r.Matched != len(want) || r.Extra != 0 {
			t.Fatalf("%v; problems: %q", r, p)
		}
		if d := absDur(r.Offset - start); d > time.Millisecond {
			t.Errorf("offset %v, want %v", r.Offset, start)
		}
		if r.Max > time.Millisecond {
			t.Errorf("max error %v for tones placed exactly", r.Max)
		}
	})

	t.Run("one tone late", func(t *testing.T) {
		late := len(want) / 2
		shift := func(j int) time.Duration {
			if j == late {
				return 60 * time.Millisecond
			}
			return 0
		}
		r := compareCues(synthCapture(t, want, start, shift, own), want, 150*time.Millisecond)
		if p := r.Problems(); len(p) > 0 {
			t.Fatalf("%v; problems: %q", r, p)
		}
		if e := r.Cues[late].Error; absDur(e-60*time.Millisecond) > time.Millisecond {
			t.Errorf("the late tone's error is %v, want 60ms", e)
		}
		if r.Max != r.Cues[late].Error {
			t.Errorf("max error %v, want the late tone's %v", r.Max, r.Cues[late].Error)
		}
	})

	t.Run("the pipe held up again and again", func(t *testing.T) {
		// Every fifth tone and those after it are another 100 ms later in the
		// capture: 800 ms by the end, far more than a fixed offset and a
		// 150 ms tolerance can span.
		shift := func(j int) time.Duration { return time.Duration(j/5) * 100 * time.Millisecond }
		r := compareCues(synthCapture(t, want, start, shift, own), want, 150*time.Millisecond)
		if p := r.Problems(); len(p) > 0 || r.Matched != len(want) {
			t.Fatalf("%v; problems: %q", r, p)
		}
	})

	t.Run("a tone missing and one wrong", func(t *testing.T) {
		capture := synthCapture(t, want, start, none, func(j int) string {
			if j == 3 {
				return "E6"
			}
			return want[j].Want
		})
		missing := 7
		at := int((start + want[missing].At).Seconds() * captureRate)
		clear(capture[at : at+int(0.12*captureRate)])
		r := compareCues(capture, want, 150*time.Millisecond)
		p := r.Problems()
		if len(p) != 2 || !strings.Contains(p[0], "heard E6 first") || !strings.Contains(p[1], "not heard") {
			t.Fatalf("problems %q, want the wrong note of tone 3 and tone 7 not heard", p)
		}
		if r.Matched != len(want)-1 {
			t.Errorf("%d tones found, want %d", r.Matched, len(want)-1)
		}
	})
}
