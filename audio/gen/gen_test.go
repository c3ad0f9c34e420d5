package main

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"steady/audio"
	"steady/audio/internal/clip"
)

const speechDir = "../../assets/speech"

// TestClipsMatchPhrases checks the committed clips are what the generator
// makes now: one clip per phrase, no more, each a plausible recording.
// When it fails, run `go generate ./audio/...` and commit assets/speech.
func TestClipsMatchPhrases(t *testing.T) {
	m, err := audio.ReadManifest(os.DirFS(speechDir))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, c := range m.Clips {
		files[c.Phrase] = c.File
	}
	phrases := builtinPhrases()
	if len(m.Clips) != len(phrases) {
		t.Errorf("manifest: got %d clips, want one per phrase, %d", len(m.Clips), len(phrases))
	}
	for _, phrase := range phrases {
		t.Run(phrase, func(t *testing.T) {
			file, ok := files[phrase]
			if !ok {
				t.Fatalf("no clip in the manifest")
			}
			data, err := os.ReadFile(filepath.Join(speechDir, file))
			if err != nil {
				t.Fatal(err)
			}
			samples, rate, err := clip.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			if rate != clip.Rate {
				t.Errorf("rate: got %d, want %d", rate, clip.Rate)
			}
			if d := float64(len(samples)) / float64(rate); d < 0.2 || d > 4 {
				t.Errorf("duration: got %.2f s, want 0.2 to 4", d)
			}
			var sum float64
			var top float32
			for _, v := range samples {
				sum += float64(v) * float64(v)
				top = max(top, max(v, -v))
			}
			if r := math.Sqrt(sum / float64(len(samples))); r < 0.05 {
				t.Errorf("RMS: got %.3f, want speech (>= 0.05)", r)
			}
			if top < 0.5 || top > 0.9 {
				t.Errorf("peak: got %.3f, want 0.5 to 0.9 (levelled, not clipped)", top)
			}
		})
	}
	entries, err := os.ReadDir(speechDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "manifest.json" && !slices.ContainsFunc(m.Clips, func(c audio.Recording) bool { return c.File == e.Name() }) {
			t.Errorf("%s is in %s but not in the manifest", e.Name(), speechDir)
		}
	}
}

func TestFileName(t *testing.T) {
	tests := []struct{ phrase, want string }{
		{"get ready", "get-ready.ima"},
		{"Well done, session complete", "well-done-session-complete.ima"},
		{"Let's go!", "let-s-go.ima"},
		{"Keep your back flat and breathe out as the leg lowers slowly", "keep-your-back-flat-and-breathe-out-as-t-1658e9.ima"},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			if got := fileName(tt.phrase); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
