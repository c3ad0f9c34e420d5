//go:build e2e

package e2e

import (
	"testing"
	"time"
)

// A whole session of the timing routine, played by the real app through the
// paced recording sound device: every tone of the session's timeline is
// heard, as itself, in order, and within 400 ms of its place counted from
// the tone before it. The tones are at least a second apart, so 400 ms
// still pairs each with its own place, and it leaves room for the stalls of
// a loaded machine (a starved feeding goroutine or pipe can hold a tone back
// a few hundred ms). How close they land (the 20 ms budget) is a benchmark
// figure: make bench, docs/PERFORMANCE.md.
func TestAudioCueTiming(t *testing.T) {
	r, err := MeasureCueTiming(display, steadyBin, t.TempDir(), 400*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%v\n%s", r, r.Table())
	if len(r.Cues) < 30 || r.Session < time.Minute {
		t.Fatalf("the timing routine's session has %d tones in %v; it should have at least 30 in a minute or more",
			len(r.Cues), r.Session)
	}
	for _, p := range r.Problems() {
		t.Error(p)
	}
}
