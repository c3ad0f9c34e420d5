// Command gen records Steady's spoken cues in every language of
// audio.Languages: it has espeak-ng say every phrase of audio.Phrases for
// the built-in routine in that language's voice, trims and levels each one,
// stores it as an IMA ADPCM clip in a directory named after the language
// (assets/speech/de/) and writes manifest.json there, which maps each phrase
// (and the English it says) to its file. Clips no longer needed are
// removed, so the directories always match the routine.
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
	out := flag.String("out", "assets/speech", "directory of the clip directories, one per language")
	espeak := flag.String("espeak", "espeak-ng", "the espeak-ng command")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	version, err := exec.Command(*espeak, "--version").Output()
	if err != nil {
		log.Fatalf("%s --version: %v", *espeak, err)
	}
	for _, lang := range audio.Languages {
		if err := run(filepath.Join(*out, lang), lang, *espeak, espeakVersion(string(version))); err != nil {
			log.Fatal(err)
		}
	}
}

// run records the clips of one language in dir.
func run(dir, lang, espeak, version string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	voice, ok := clip.VoiceFor(lang)
	if !ok {
		return fmt.Errorf("no voice for language %q", lang)
	}
	m := audio.Manifest{Language: lang, Voice: voice.Name, Speed: voice.Speed, Espeak: version}
	wanted := map[string]bool{"manifest.json": true}
	for _, phrase := range builtinPhrases(lang) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		samples, rate, err := clip.Speak(ctx, espeak, voice, phrase.Text)
		cancel()
		if err != nil {
			return err
		}
		file := fileName(phrase.Text)
		if wanted[file] { // another phrase has the same plain spelling
			sum := sha256.Sum256([]byte(phrase.Text))
			file = strings.TrimSuffix(file, ".ima") + "-" + hex.EncodeToString(sum[:3]) + ".ima"
		}
		if err := os.WriteFile(filepath.Join(dir, file), clip.Encode(samples, rate), 0o644); err != nil {
			return err
		}
		wanted[file] = true
		m.Clips = append(m.Clips, audio.Recording{Phrase: phrase.Text, English: phrase.English, File: file})
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
		if plain, ok := latin[r]; ok {
			b.WriteString(plain)
			dash = false
			continue
		}
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

// latin spells the letters of German, Spanish and French names in plain
// ASCII for a file name.
var latin = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss",
	'á': "a", 'à': "a", 'â': "a", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'í': "i", 'î': "i", 'ï': "i", 'ó': "o", 'ô': "o", 'ú': "u", 'ù': "u", 'û': "u",
	'ñ': "n", 'ç': "c", 'œ': "oe",
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
