//go:build e2e

package e2e

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"steady/audio"
	"steady/program"
)

// The routine whose level-1 session the language test hears.
//
//go:embed testdata/speech-routine.toml
var speechRoutine []byte

// speechGap is the least silence between two phrases of the session: more
// than a pause inside a phrase ("Halten, weiteratmen"), less than the time
// between the session's moments.
const speechGap = 400 * time.Millisecond

// heardPhrases are what the speech routine's session says, in order, in
// English as the session asks for them: each a stretch of sound of its own
// in the recording, but the preview in the rest, whose two phrases follow
// each other closely.
var heardPhrases = []struct {
	english []string
	alone   bool // said with silence around it, so its length can be measured
}{
	{[]string{"Walk at an easy pace"}, true}, // the walk's name, German shorter
	{[]string{"Walk tall"}, true},
	{[]string{"Rest"}, true},
	{[]string{"Next exercise", "Bird dog"}, false},
	{[]string{"Bird dog"}, true}, // the bird dog's name, German longer
	{[]string{"Hold, keep breathing"}, true},
	{[]string{"Well done, session complete"}, true},
}

// TestSessionSpeaksGerman runs a session with `-language de` through the
// recording sound device, tones off and voice on, and measures each spoken
// phrase in the recording: each lasts as long as its German clip, not its
// English one. The walk's name is 0.7 s shorter in German and the bird
// dog's 0.9 s longer, so an English session cannot pass.
func TestSessionSpeaksGerman(t *testing.T) {
	english, err := audio.BuiltinSpeechLengths("en")
	if err != nil {
		t.Fatal(err)
	}
	german, err := audio.BuiltinSpeechLengths("de")
	if err != nil {
		t.Fatal(err)
	}
	r, err := program.ParseRoutine("speech-routine.toml", speechRoutine)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := r.In("de").Plan(1, 0, false, timingGetReady, timingRest)
	if err != nil {
		t.Fatal(err)
	}

	home := t.TempDir()
	routine := filepath.Join(home, "speech-routine.toml")
	if err := os.WriteFile(routine, speechRoutine, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := seedHome(display, steadyBin, home, routine); err != nil {
		t.Fatal(err)
	}
	for key, value := range map[string]any{"sound.voice": true, "sound.tones": false, "sound.volume": 1.0} {
		if err := setPreference(home, key, value); err != nil {
			t.Fatal(err)
		}
	}
	a, err := Launch(display, Config{Bin: steadyBin, Home: home, Args: []string{"-start", "-routine", routine, "-language", "de"}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Kill()
	if _, err := a.WaitWindow(30 * time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Until(a.Started.Add(plan.Timeline().Total())))
	if err := waitSpans(a, len(heardPhrases), 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
		t.Fatalf("stopping the app: exit %d, %v; it printed:\n%s", exit, err, a.Output())
	}
	if err := waitStill(a.AudioFile, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	samples, err := readCapture(a.AudioFile)
	if err != nil {
		t.Fatal(err)
	}

	heard := soundSpans(samples, speechGap)
	if len(heard) != len(heardPhrases) {
		t.Fatalf("the recording holds %d stretches of sound %v, want the session's %d phrases", len(heard), heard, len(heardPhrases))
	}
	for i, p := range heardPhrases {
		if !p.alone {
			continue
		}
		de, ok1 := german(p.english[0])
		en, ok2 := english(p.english[0])
		if !ok1 || !ok2 {
			t.Fatalf("%q: no German or English clip", p.english[0])
		}
		got := heard[i].length
		t.Logf("%-30q heard %4d ms   German clip %4d ms   English clip %4d ms", p.english[0], got.Milliseconds(), de.Milliseconds(), en.Milliseconds())
		// A clip's quiet first and last moments (its fades, a soft
		// consonant) fall under the onset threshold: it is heard up to
		// about 60 ms shorter than it is.
		if d := got - de; d > lengthSlack || d < -2*lengthSlack {
			t.Errorf("%q heard for %v: want the German clip's %v", p.english[0], got, de)
		}
		if absDur(de-en) > 4*lengthSlack && absDur(got-de) >= absDur(got-en) {
			t.Errorf("%q heard for %v: nearer the English clip's %v than the German %v", p.english[0], got, en, de)
		}
	}
}

// lengthSlack is how far a phrase's heard length may be from its clip's.
const lengthSlack = 50 * time.Millisecond

// waitSpans waits until the capture of the running app a holds n stretches
// of sound and the last is over: the capture has gone on quietly for two
// seconds after it, or has stopped growing (the session over, the sound
// output goes to sleep soon after its last sound). It fails if the app
// exits first or timeout passes.
func waitSpans(a *App, n int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	had := -1 // samples in the capture a second ago
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
		spans := soundSpans(samples, speechGap)
		if k := len(spans); k >= n {
			quiet := sampleTime(len(samples)) - spans[k-1].start - spans[k-1].length
			if quiet >= 2*time.Second || (len(samples) == had && quiet > 0) {
				return nil
			}
		}
		had = len(samples)
		if time.Now().After(deadline) {
			return fmt.Errorf("e2e: the capture holds %d stretches of sound %v after the session's length and %v more; want %d",
				len(spans), spans, timeout, n)
		}
		time.Sleep(time.Second)
	}
}

// A span is a stretch of sound in a recording.
type span struct {
	start, length time.Duration
}

func (s span) String() string { return fmt.Sprintf("%v+%v", s.start, s.length) }

// soundSpans returns the stretches of sound in samples: from a sample at or
// above onsetThreshold to the last such sample before gap of silence.
func soundSpans(samples []float32, gap time.Duration) []span {
	need := int(gap.Seconds() * captureRate)
	var out []span
	first, last := -1, -1
	for i, v := range samples {
		if abs32(v) < onsetThreshold {
			continue
		}
		if first >= 0 && i-last > need {
			out = append(out, span{sampleTime(first), sampleTime(last + 1 - first)})
			first = -1
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if first >= 0 {
		out = append(out, span{sampleTime(first), sampleTime(last + 1 - first)})
	}
	return out
}
