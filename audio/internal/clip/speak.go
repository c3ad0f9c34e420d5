package clip

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Voice and Speed are the espeak-ng voice and words per minute of every
// spoken cue, recorded or rendered at run time, so both sound alike.
const (
	Voice = "en-gb"
	Speed = 150
)

// Speak runs espeak-ng (program: its path or name) to say text and returns
// the samples and their rate, trimmed and levelled as stored clips are.
// The text goes in on standard input, so it is never read as an option.
func Speak(ctx context.Context, program, text string) ([]float32, int, error) {
	dir, err := os.MkdirTemp("", "steady-speech-")
	if err != nil {
		return nil, 0, fmt.Errorf("clip: speak %q: %w", text, err)
	}
	defer os.RemoveAll(dir)
	wav := filepath.Join(dir, "speech.wav")
	cmd := exec.CommandContext(ctx, program, "-v", Voice, "-s", fmt.Sprint(Speed), "-w", wav, "--stdin")
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
