package main

import (
	"bytes"
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"steady/audio"
	"steady/audio/internal/clip"
)

const speechDir = "../../assets/speech"

// TestClipsMatchPhrases checks the committed clips of every language are
// what the generator makes now: one clip per phrase, no more, each with the
// English it says and a plausible recording, in the language's voice.
// When it fails, run `go generate ./audio/...` and commit assets/speech.
func TestClipsMatchPhrases(t *testing.T) {
	entries, err := os.ReadDir(speechDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(audio.Languages, e.Name()) {
			t.Errorf("%s/%s: not a language Steady speaks", speechDir, e.Name())
		}
	}
	for _, lang := range audio.Languages {
		t.Run(lang, func(t *testing.T) { checkClips(t, lang) })
	}
}

func checkClips(t *testing.T, lang string) {
	dir := filepath.Join(speechDir, lang)
	m, err := audio.ReadManifest(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	voice, _ := clip.VoiceFor(lang)
	if m.Language != lang || m.Voice != voice.Name || m.Speed != voice.Speed {
		t.Errorf("manifest: language %q, voice %q at %d; want %q, %q at %d", m.Language, m.Voice, m.Speed, lang, voice.Name, voice.Speed)
	}
	recorded := map[string]audio.Recording{}
	for _, c := range m.Clips {
		recorded[c.Phrase] = c
	}
	phrases := builtinPhrases(lang)
	if len(m.Clips) != len(phrases) {
		t.Errorf("manifest: got %d clips, want one per phrase, %d", len(m.Clips), len(phrases))
	}
	for _, phrase := range phrases {
		t.Run(phrase.Text, func(t *testing.T) {
			c, ok := recorded[phrase.Text]
			if !ok {
				t.Fatalf("no clip in the manifest")
			}
			if !slices.Equal(c.English, phrase.English) {
				t.Errorf("English: got %q, want %q", c.English, phrase.English)
			}
			data, err := os.ReadFile(filepath.Join(dir, c.File))
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
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "manifest.json" && !slices.ContainsFunc(m.Clips, func(c audio.Recording) bool { return c.File == e.Name() }) {
			t.Errorf("%s is in %s but not in the manifest", e.Name(), dir)
		}
	}
}

// TestClipsReproduce renders again a few clips of each language, the first
// and last of the fixed phrases and of the routine's, and checks they are
// the committed bytes: `go generate ./audio/...` with this espeak-ng
// reproduces assets/speech.
func TestClipsReproduce(t *testing.T) {
	espeak, err := exec.LookPath("espeak-ng")
	if err != nil {
		t.Fatalf("espeak-ng is needed for this test (make deps-test installs it): %v", err)
	}
	for _, lang := range audio.Languages {
		dir := filepath.Join(speechDir, lang)
		m, err := audio.ReadManifest(os.DirFS(dir))
		if err != nil {
			t.Fatal(err)
		}
		voice, _ := clip.VoiceFor(lang)
		n, fixed := len(m.Clips), len(audio.Phrases(lang)) // the fixed phrases come first
		for _, c := range []audio.Recording{m.Clips[0], m.Clips[fixed-1], m.Clips[fixed], m.Clips[n-1]} {
			t.Run(lang+"/"+c.Phrase, func(t *testing.T) {
				samples, rate, err := clip.Speak(context.Background(), espeak, voice, c.Phrase)
				if err != nil {
					t.Fatal(err)
				}
				want, err := os.ReadFile(filepath.Join(dir, c.File))
				if err != nil {
					t.Fatal(err)
				}
				if got := clip.Encode(samples, rate); !bytes.Equal(got, want) {
					t.Errorf("rendered %d bytes unlike the committed %d: regenerate with go generate ./audio/...", len(got), len(want))
				}
			})
		}
	}
}

func TestFileName(t *testing.T) {
	tests := []struct{ phrase, want string }{
		{"get ready", "get-ready.ima"},
		{"Well done, session complete", "well-done-session-complete.ima"},
		{"Let's go!", "let-s-go.ima"},
		{"Keep your back flat and breathe out as the leg lowers slowly", "keep-your-back-flat-and-breathe-out-as-t-1658e9.ima"},
		{"Nächste Übung", "naechste-uebung.ima"},
		{"Préparez-vous", "preparez-vous.ima"},
		{"Mantén, sigue respirando", "manten-sigue-respirando.ima"},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			if got := fileName(tt.phrase); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
