// Command gen records Steady's spoken cues: it has espeak-ng say every phrase
// of audio.Phrases for the built-in routine, trims and levels each one,
// stores it as an IMA ADPCM clip and writes manifest.json, which maps each
// phrase to its file. Clips no longer needed are removed, so the directory
// always matches the routine.
//
// Run it through `go generate ./audio/...` after changing the routine or
// the fixed phrases, and commit assets/speech.
//
// Usage:
//
//	go run ./audio/gen -out assets/speech
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"steady/audio"
	"steady/audio/internal/clip"
)

func main() {
	out := flag.String("out", "assets/speech", "directory of the clips and manifest.json")
	espeak := flag.String("espeak", "espeak-ng", "the espeak-ng command")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	if err := run(*out, *espeak); err != nil {
		log.Fatal(err)
	}
}

func run(dir, espeak string) error {
	version, err := exec.Command(espeak, "--version").Output()
	if err != nil {
		return fmt.Errorf("%s --version: %w", espeak, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	m := audio.Manifest{Voice: clip.Voice, Speed: clip.Speed, Espeak: espeakVersion(string(version))}
	wanted := map[string]bool{"manifest.json": true}
	for _, phrase := range builtinPhrases() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		samples, rate, err := clip.Speak(ctx, espeak, phrase)
		cancel()
		if err != nil {
			return err
		}
		file := fileName(phrase)
		if err := os.WriteFile(filepath.Join(dir, file), clip.Encode(samples, rate), 0o644); err != nil {
			return err
		}
		wanted[file] = true
		m.Clips = append(m.Clips, audio.Recording{Phrase: phrase, File: file})
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), append(data, '\n'), 0o644); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !wanted[e.Name()] {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	log.Printf("%d clips in %s", len(m.Clips), dir)
	return nil
}

// fileName names a phrase's clip after its words, with a short hash of the
// phrase when the words had to be shortened or changed.
func fileName(phrase string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(phrase) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.Trim(b.String(), "-")
	if len(slug) > 40 || slug == "" {
		sum := sha256.Sum256([]byte(phrase))
		slug = strings.Trim(slug[:min(len(slug), 40)], "-") + "-" + hex.EncodeToString(sum[:3])
	}
	return slug + ".ima"
}

// espeakVersion picks "1.51" out of "eSpeak NG text-to-speech: 1.51  Data at: ...".
func espeakVersion(banner string) string {
	f := strings.Fields(banner)
	for i, w := range f {
		if w == "text-to-speech:" && i+1 < len(f) {
			return f[i+1]
		}
	}
	return strings.TrimSpace(banner)
}
