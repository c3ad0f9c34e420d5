package e2e

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	_ "embed"

	"steady/program"
)

// The routine whose level-1 session the cue timing measurement plays.
//
//go:embed testdata/timing-routine.toml
var timingRoutine []byte

// The session the measurement plays: level 1, first dose step, no flare,
// with the default get-ready and rest times of a new user.
const (
	timingLevel    = 1
	timingGetReady = 5 * time.Second
	timingRest     = 20 * time.Second
)

// Onset detection in the capture. Between cues the output is digital
// silence, so a low threshold finds a tone within a few samples of its
// 6 ms fade-in; the notes of one cue are less than 150 ms apart, so a cue
// is one onset.
const (
	onsetThreshold = 0.02 // of full scale
	onsetGap       = 150 * time.Millisecond
	pitchWindow    = 40 * time.Millisecond // after an onset, to name the tone
	captureRate    = 44100
)

// A tone is one of the session's tonal cues, named as in the audio package,
// with the pitch of its first note in Hz (audio/cue.go), which tells most of
// them apart.
type tone struct {
	name  string
	pitch float64
}

var (
	toneGetReadyTick    = tone{"GetReadyTick", 783.99}
	toneGo              = tone{"Go", 1046.50}
	toneHalfway         = tone{"Halfway", 880.00}
	toneLastSecondsTick = tone{"LastSecondsTick", 1318.51}
	toneRelease         = tone{"Release", 783.99}
	toneSwitchSides     = tone{"SwitchSides", 587.33}
	toneRestOver        = tone{"RestOver", 523.25}
	toneSessionComplete = tone{"SessionComplete", 523.25}
)

// notes are the first-note pitches a heard tone is told by.
var notes = []struct {
	name string
	hz   float64
}{{"C5", 523.25}, {"D5", 587.33}, {"G5", 783.99}, {"A5", 880.00}, {"C6", 1046.50}, {"E6", 1318.51}}

// noteName is the name of the note nearest hz.
func noteName(hz float64) string {
	for _, n := range notes {
		if math.Abs(n.hz-hz) < 1 {
			return n.name
		}
	}
	return fmt.Sprintf("%.0f Hz", hz)
}

// toneOf is the tone a session plays for an event, as the session screen
// schedules it (gui/session.go, cueQueue.schedule); false for events that
// are spoken only. A GetReady after the start ends a rest.
func toneOf(e program.Event) (tone, bool) {
	switch e.Kind {
	case program.GetReady:
		return toneRestOver, e.Offset > 0
	case program.CountdownTick:
		return toneGetReadyTick, true
	case program.StartMove, program.StartHold, program.StartWalk:
		return toneGo, true
	case program.Halfway:
		return toneHalfway, true
	case program.LastSeconds:
		return toneLastSecondsTick, true
	case program.Release:
		return toneRelease, true
	case program.SwitchSides:
		return toneSwitchSides, true
	case program.SessionComplete:
		return toneSessionComplete, true
	}
	return tone{}, false
}

// A HeardCue is one tone of the session's timeline and where it was heard.
type HeardCue struct {
	Tone  string            // the tone, named as in the audio package: "Go"
	Event program.EventKind // the event it marks
	At    time.Duration     // its offset in the session's timeline
	Found bool              // an onset was heard within the tolerance
	Heard time.Duration     // the onset, from the start of the capture
	Note  string            // the first note heard there ("A5")
	Want  string            // the first note the tone starts with
	Error time.Duration     // Heard - At - CueTiming.Offset
}

// CueTiming is how exactly a whole session's tones were heard against the
// session's timeline.
type CueTiming struct {
	Session  time.Duration // the session's length, by its timeline
	Captured time.Duration // the length of the capture
	Cues     []HeardCue    // every tone of the timeline, in order
	Matched  int           // tones found
	Extra    int           // onsets that match no tone of the timeline
	Onsets   int           // onsets in the capture

	// Offset is where the session's start falls in the capture: the median
	// of (heard - timeline offset) over the tones found. The capture starts
	// when the app opens its sound output, and the paced pipe adds a delay no
	// player can know, so only errors relative to it mean anything.
	Offset time.Duration

	P50, P95, Max time.Duration // of the absolute errors of the tones found
}

// expectedTones lists the tones of the level-1 session of the timing routine
// and the session's length.
func expectedTones() ([]HeardCue, time.Duration, error) {
	r, err := program.ParseRoutine("timing-routine.toml", timingRoutine)
	if err != nil {
		return nil, 0, fmt.Errorf("e2e: %w", err)
	}
	plan, err := r.Plan(timingLevel, 0, false, timingGetReady, timingRest)
	if err != nil {
		return nil, 0, fmt.Errorf("e2e: %w", err)
	}
	tl := plan.Timeline()
	var cues []HeardCue
	for _, e := range tl.Events() {
		t, ok := toneOf(e)
		if !ok {
			continue
		}
		cues = append(cues, HeardCue{Tone: t.name, Event: e.Kind, At: e.Offset, Want: noteName(t.pitch)})
	}
	return cues, tl.Total(), nil
}

// MeasureCueTiming plays a whole session of the timing routine in the real
// app on display d, with the paced recording sound device, and compares the
// tone onsets in the recording with the session's timeline. It makes a home
// in work, clicks through the first run there (a new user starting at level
// 1), turns the voice off so that only tones sound, then runs `bin -start`
// for the session's length and a margin, and stops the app. tolerance is how
// far from its place (after the common offset) a tone may be heard and still
// count as found.
func MeasureCueTiming(d *Display, bin, work string, tolerance time.Duration) (CueTiming, error) {
	want, total, err := expectedTones()
	if err != nil {
		return CueTiming{}, err
	}
	for i := 1; i < len(want); i++ {
		if gap := want[i].At - want[i-1].At; 2*tolerance >= gap {
			return CueTiming{}, fmt.Errorf("e2e: tones %v and %v are %v apart: a tolerance of %v could pair a tone with its neighbour's place",
				want[i-1].At, want[i].At, gap, tolerance)
		}
	}
	home, err := os.MkdirTemp(work, "cue-timing-")
	if err != nil {
		return CueTiming{}, fmt.Errorf("e2e: %w", err)
	}
	routine := filepath.Join(home, "timing-routine.toml")
	if err := os.WriteFile(routine, timingRoutine, 0o600); err != nil {
		return CueTiming{}, fmt.Errorf("e2e: %w", err)
	}
	if err := seedHome(d, bin, home, routine); err != nil {
		return CueTiming{}, err
	}

	a, err := Launch(d, Config{Bin: bin, Home: home, Args: []string{"-start", "-routine", routine}})
	if err != nil {
		return CueTiming{}, err
	}
	if _, err := a.WaitWindow(30 * time.Second); err != nil {
		a.Kill()
		return CueTiming{}, err
	}
	// The session starts as the window is built; it ends on the ratings
	// form, after the last tone has rung out. A slow start on a busy machine
	// moves the whole session later, so the wait is for the capture to hold
	// every tone, not for a fixed time.
	time.Sleep(time.Until(a.Started.Add(total)))
	if err := waitOnsets(a, len(want), 30*time.Second); err != nil {
		a.Kill()
		return CueTiming{}, err
	}
	if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
		return CueTiming{}, fmt.Errorf("e2e: stopping the app: exit %d, %v; it printed:\n%s", exit, err, a.Output())
	}
	if err := waitStill(a.AudioFile, 10*time.Second); err != nil {
		return CueTiming{}, err
	}
	samples, err := readCapture(a.AudioFile)
	if err != nil {
		return CueTiming{}, err
	}
	r := compareCues(samples, want, tolerance)
	r.Session = total
	return r, nil
}

// seedHome answers the first-run pages in a fresh home as a new user with no
// warning signs would (Continue, Continue, Start using Steady: level 1) and
// turns the voice off in the preferences the app left there.
func seedHome(d *Display, bin, home, routine string) error {
	a, err := Launch(d, Config{Bin: bin, Home: home, Args: []string{"-routine", routine}})
	if err != nil {
		return err
	}
	defer func() {
		select {
		case <-a.done:
		default:
			a.Kill()
		}
	}()
	if _, err := a.WaitWindow(30 * time.Second); err != nil {
		return err
	}
	shot := filepath.Join(home, "first-run.png")
	prev, err := a.Settle(shot, 150*time.Millisecond, 5*time.Second)
	if err != nil {
		return err
	}
	for _, step := range FirstRunSteps {
		if prev, err = a.ClickChange(step.X, step.Y, prev, 500, shot, 10*time.Second); err != nil {
			return fmt.Errorf("%w (first run, %s)", err, step.Name)
		}
	}
	if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
		return fmt.Errorf("e2e: stopping the app after the first run: exit %d, %v; it printed:\n%s", exit, err, a.Output())
	}
	if err := waitStill(a.AudioFile, 10*time.Second); err != nil {
		return err
	}
	if err := os.Remove(a.AudioFile); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("e2e: %w", err)
	}
	return setPreference(home, "sound.voice", false)
}

// FirstRunSteps are the clicks through the first run of a new user with no
// warning signs, in a window of the default size: Continue past the welcome
// and the safety questions, then start at level 1. Name is the page each
// click leads to.
var FirstRunSteps = []struct {
	Name string
	X, Y int
}{
	{"safety", 1050, 733}, // Continue, bottom right
	{"start", 1050, 733},  // Continue
	{"done", 1030, 733},   // Start using Steady
}

// setPreference sets one key of the app's preferences file in home.
func setPreference(home, key string, value any) error {
	path := filepath.Join(home, ".config", "fyne", "io.github.steady", "preferences.json")
	prefs := map[string]any{}
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := json.Unmarshal(b, &prefs); err != nil {
			return fmt.Errorf("e2e: %s: %w", path, err)
		}
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return fmt.Errorf("e2e: %w", err)
		}
	default:
		return fmt.Errorf("e2e: %w", err)
	}
	prefs[key] = value
	if b, err = json.Marshal(prefs); err != nil {
		return fmt.Errorf("e2e: %w", err)
	}
	return os.WriteFile(path, b, 0o600)
}

// waitOnsets waits until the capture of the running app a holds n onsets
// and has been quiet for two seconds after the last, as at the end of a
// session; it fails if the app exits first or timeout passes.
func waitOnsets(a *App, n int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	heard := 0
	for {
		select {
		case <-a.done:
			return fmt.Errorf("e2e: the app exited during the session (%v); it printed:\n%s", a.err, a.Output())
		default:
		}
		samples, err := readCapture(a.AudioFile)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		onsets := detectOnsets(samples)
		heard = len(onsets)
		if heard >= n && sampleTime(len(samples)-onsets[heard-1]) >= 2*time.Second {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("e2e: the capture holds %d onsets after the session's length and %v more; the session has %d tones",
				heard, timeout, n)
		}
		time.Sleep(time.Second)
	}
}

// waitStill waits until the file at path has stopped growing (pv drains what
// it holds after the app has gone); a file never made is still.
func waitStill(path string, timeout time.Duration) error {
	last := int64(-1)
	deadline := time.Now().Add(timeout)
	for still := 0; still < 5; {
		if time.Now().After(deadline) {
			return fmt.Errorf("e2e: %s still growing after %v", path, timeout)
		}
		time.Sleep(200 * time.Millisecond)
		var size int64
		info, err := os.Stat(path)
		switch {
		case err == nil:
			size = info.Size()
		case !errors.Is(err, os.ErrNotExist):
			return fmt.Errorf("e2e: %w", err)
		}
		if size == last {
			still++
		} else {
			still, last = 0, size
		}
	}
	return nil
}

// readCapture reads the first channel of a capture: raw S16_LE stereo.
func readCapture(path string) ([]float32, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	out := make([]float32, len(b)/4)
	for i := range out {
		out[i] = float32(int16(binary.LittleEndian.Uint16(b[4*i:]))) / 32768
	}
	return out, nil
}

// detectOnsets returns the sample index of every sound's start: the first
// sample at or above onsetThreshold after at least onsetGap below it.
func detectOnsets(samples []float32) []int {
	need := int(onsetGap.Seconds() * captureRate)
	quiet := need
	var onsets []int
	for i, v := range samples {
		if abs32(v) < onsetThreshold {
			quiet++
			continue
		}
		if quiet >= need {
			onsets = append(onsets, i)
		}
		quiet = 0
	}
	return onsets
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// firstNote names the strongest of the cue notes in the pitchWindow after
// sample i (Goertzel).
func firstNote(samples []float32, i int) string {
	end := min(len(samples), i+int(pitchWindow.Seconds()*captureRate))
	best, bestPower := "", -1.0
	for _, n := range notes {
		w := 2 * math.Pi * n.hz / captureRate
		c := 2 * math.Cos(w)
		var s1, s2 float64
		for _, v := range samples[i:end] {
			s1, s2 = float64(v)+c*s1-s2, s1
		}
		if p := s1*s1 + s2*s2 - c*s1*s2; p > bestPower {
			best, bestPower = n.name, p
		}
	}
	return best
}

func sampleTime(i int) time.Duration { return time.Duration(i) * time.Second / captureRate }

// compareCues finds the tones of want in samples. The common offset is the
// one that finds the most tones within tolerance (the least total error
// among equals), then the median of their differences.
func compareCues(samples []float32, want []HeardCue, tolerance time.Duration) CueTiming {
	onsets := detectOnsets(samples)
	heard := make([]time.Duration, len(onsets))
	for i, o := range onsets {
		heard[i] = sampleTime(o)
	}
	best, bestN, bestSum := time.Duration(0), -1, time.Duration(0)
	for _, h := range heard {
		for _, w := range want {
			off := h - w.At
			pairs := matchCues(heard, want, off, tolerance)
			n, sum := 0, time.Duration(0)
			for j, i := range pairs {
				if i >= 0 {
					n++
					sum += absDur(heard[i] - want[j].At - off)
				}
			}
			if n > bestN || n == bestN && sum < bestSum {
				best, bestN, bestSum = off, n, sum
			}
		}
	}
	pairs := matchCues(heard, want, best, tolerance)
	var diffs []time.Duration
	for j, i := range pairs {
		if i >= 0 {
			diffs = append(diffs, heard[i]-want[j].At)
		}
	}
	r := CueTiming{Captured: sampleTime(len(samples)), Onsets: len(onsets), Cues: slices.Clone(want)}
	if len(diffs) > 0 {
		sorted := slices.Sorted(slices.Values(diffs))
		r.Offset = sorted[len(sorted)/2]
	}
	var abs []time.Duration
	for j, i := range pairs {
		if i < 0 {
			continue
		}
		c := &r.Cues[j]
		c.Found, c.Heard = true, heard[i]
		c.Note = firstNote(samples, onsets[i])
		c.Error = heard[i] - c.At - r.Offset
		abs = append(abs, absDur(c.Error))
	}
	slices.Sort(abs)
	r.Matched = len(abs)
	r.Extra = len(onsets) - r.Matched
	r.P50, r.P95 = percentile(abs, 0.50), percentile(abs, 0.95)
	if len(abs) > 0 {
		r.Max = abs[len(abs)-1]
	}
	return r
}

// matchCues pairs each wanted tone, in order, with the nearest unused onset
// within tolerance of its place; it returns the onset's index for each tone,
// or -1. The first place is at offset; after each tone found, the places
// that follow are counted from where it was heard. The capture's clock is
// the pipe's pace, and a pipe held up on a busy machine shifts everything
// after the hold-up: following the offset pairs the tones after such a
// shift with their own places instead of losing them all.
func matchCues(heard []time.Duration, want []HeardCue, offset, tolerance time.Duration) []int {
	used := make([]bool, len(heard))
	pairs := make([]int, len(want))
	for j, w := range want {
		pairs[j] = -1
		bestErr := tolerance + 1
		for i, h := range heard {
			if e := absDur(h - w.At - offset); !used[i] && e < bestErr {
				pairs[j], bestErr = i, e
			}
		}
		if i := pairs[j]; i >= 0 {
			used[i] = true
			offset = heard[i] - w.At
		}
	}
	return pairs
}

func absDur(d time.Duration) time.Duration { return max(d, -d) }

// percentile of sorted values, nearest rank.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(0, min(len(sorted)-1, i))]
}

// Problems lists what is wrong with the session's sound as heard: a tone not
// found, a tone heard as another (its first note differs), or tones heard
// out of the timeline's order. None means every tone came, as itself, in
// order.
func (r CueTiming) Problems() []string {
	var out []string
	prev := time.Duration(-1)
	for _, c := range r.Cues {
		switch {
		case !c.Found:
			out = append(out, fmt.Sprintf("%s at %v (%v): not heard", c.Tone, c.At, c.Event))
			continue
		case c.Note != c.Want:
			out = append(out, fmt.Sprintf("%s at %v (%v): heard %s first, want %s", c.Tone, c.At, c.Event, c.Note, c.Want))
		}
		if c.Heard <= prev {
			out = append(out, fmt.Sprintf("%s at %v (%v): heard at %v, not after the tone before it", c.Tone, c.At, c.Event, c.Heard))
		}
		prev = c.Heard
	}
	return out
}

func millis(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// String sums the measurement up on one line.
func (r CueTiming) String() string {
	return fmt.Sprintf("%d/%d tones found in a %v session (%d onsets, %d extra); error p50 %s, p95 %s, max %s; offset %s",
		r.Matched, len(r.Cues), r.Session, r.Onsets, r.Extra, millis(r.P50), millis(r.P95), millis(r.Max), millis(r.Offset))
}

// Table lists every tone: its place in the timeline, where it was heard
// (with the common offset removed) and its error.
func (r CueTiming) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-9s %-16s %-16s %-5s %10s %9s\n", "timeline", "event", "tone", "note", "heard", "error")
	for _, c := range r.Cues {
		if !c.Found {
			fmt.Fprintf(&b, "%-9v %-16v %-16s %-5s %10s %9s\n", c.At, c.Event, c.Tone, "-", "not heard", "-")
			continue
		}
		fmt.Fprintf(&b, "%-9v %-16v %-16s %-5s %10.1f %+9.1f\n", c.At, c.Event, c.Tone, c.Note,
			float64(c.Heard-r.Offset)/float64(time.Millisecond), float64(c.Error)/float64(time.Millisecond))
	}
	return b.String()
}
