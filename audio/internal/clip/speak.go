package clip

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// A Voice is the espeak-ng voice and words per minute of every spoken cue
// in one language, recorded or rendered at run time, so both sound alike.
type Voice struct {
	Name  string // espeak-ng's name for it: "en-gb", "de"
	Speed int    // words per minute
}

// voices are the voices by language. Words are longer in German, Spanish and
// French than in English, so they are spoken a little faster to take about
// the time the session gives an English phrase of as many words.
var voices = map[string]Voice{
	"en": {"en-gb", 150},
	"de": {"de", 165},
	"es": {"es", 165},
	"fr": {"fr-fr", 165},
}

// VoiceFor returns the voice of language lang ("en", "de", "es", "fr"), and
// whether there is one; without, it returns the English voice.
func VoiceFor(lang string) (Voice, bool) {
	v, ok := voices[lang]
	if !ok {
		return voices["en"], false
	}
	return v, true
}

// Speak runs espeak-ng (program: its path or name) to say text with voice v and returns
// the samples and their rate, trimmed and levelled as stored clips are.
// The text goes in on standard input, so it is never read as an option.
func Speak(ctx context.Context, program string, v Voice, text string) ([]float32, int, error) {
	dir, err := os.MkdirTemp("", "steady-speech-")
	if err != nil {
		return nil, 0, fmt.Errorf("clip: speak %q: %w", text, err)
	}
	defer os.RemoveAll(dir)
	wav := filepath.Join(dir, "speech.wav")
	cmd := exec.CommandContext(ctx, program, "-v", v.Name, "-s", fmt.Sprint(v.Speed), "-w", wav, "--stdin")
	cmd.Stdin = strings.NewReader(text)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, 0, fmt.Errorf("clip: speak %q: %w: %s", text, err, strings.TrimSpace(string(out)))
	}
	data, err := os.ReadFile(wav)
	if err != nil {
		return nil, 0, fmt.Errorf("clip: speak %q: %w", text, err)
	}
	samples, rate, err := DecodeWAV(data)
	if err != nil {
		return nil, 0, fmt.Errorf("clip: speak %q: %w", text, err)
	}
	return Prepare(samples, rate), rate, nil
}

// Prepare trims the silence around speech and levels it: peak at -2 dBFS,
// 5 ms fades at both ends.
func Prepare(samples []float32, rate int) []float32 {
	return Level(Trim(samples, rate, 0.03), rate, 0.8, 0.005)
}
