package audio

//go:generate go run ./gen -out ../assets/speech

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"time"
	"unicode"

	"steady/audio/internal/clip"
)

// fixedPhrases are spoken whatever the routine: session moments and counts.
var fixedPhrases = [...]string{
	"get ready", "begin", "hold", "release", "relax", "rest", "rest is over",
	"halfway", "switch sides", "left side", "right side", "last one", "last set",
	"next exercise", "well done, session complete", "paused", "let's continue",
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", "twenty",
}

// Phrases returns every phrase Steady speaks for a routine whose own words
// (exercise names, step cues) are routine: the fixed session phrases, then
// those, each phrase once, first spelling kept. The clip generator records
// exactly these for the built-in routine.
func Phrases(routine ...string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		k := phraseKey(s)
		if k == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, strings.TrimSpace(s))
	}
	for _, s := range fixedPhrases {
		add(s)
	}
	for _, s := range routine {
		add(s)
	}
	return out
}

// phraseKey is what two spellings of the same phrase share: lower case,
// words only, numbers up to twenty as words ("Hold 3." -> "hold three").
func phraseKey(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	for i, w := range words {
		if n := numberWord(w); n != "" {
			words[i] = n
		}
	}
	return strings.Join(words, " ")
}

// numberWord spells the numbers Steady counts with; "" for anything else.
func numberWord(digits string) string {
	words := [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
		"sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	n := 0
	for _, r := range digits {
		if r < '0' || r > '9' || n > len(words) {
			return ""
		}
		n = 10*n + int(r-'0')
	}
	if digits == "" || n >= len(words) {
		return ""
	}
	return words[n]
}

// A Manifest lists the recorded clips: how they were made and which file
// says which phrase. It is stored as manifest.json beside the clips.
type Manifest struct {
	Voice  string      `json:"voice"`
	Speed  int         `json:"speed"`
	Espeak string      `json:"espeak"` // espeak-ng version that rendered the clips
	Clips  []Recording `json:"clips"`
}

// A Recording is one phrase of the manifest and the clip file that says it.
type Recording struct {
	Phrase string `json:"phrase"`
	File   string `json:"file"`
}

// ReadManifest reads manifest.json from the clip directory fsys.
func ReadManifest(fsys fs.FS) (Manifest, error) {
	var m Manifest
	data, err := fs.ReadFile(fsys, "manifest.json")
	if err != nil {
		return m, fmt.Errorf("audio: read speech manifest: %w", err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("audio: read speech manifest: %w", err)
	}
	return m, nil
}

// speechRenderTimeout bounds one run of espeak-ng.
const speechRenderTimeout = 10 * time.Second

// A speaker turns text into samples at the mixer's rate: from a recorded
// clip when there is one, else from espeak-ng at run time, caching both.
type speaker struct {
	clips  fs.FS
	files  map[string]string // phrase key -> clip file
	espeak string            // espeak-ng's path; "" when not installed

	mu       sync.Mutex
	cache    map[string][]float32
	inFlight map[string]chan struct{} // closed when the render is cached
}

func newSpeaker(clips fs.FS, espeak string) (*speaker, error) {
	s := &speaker{
		clips:    clips,
		files:    map[string]string{},
		espeak:   espeak,
		cache:    map[string][]float32{},
		inFlight: map[string]chan struct{}{},
	}
	if clips == nil {
		return s, nil
	}
	m, err := ReadManifest(clips)
	if err != nil {
		return s, err
	}
	for _, c := range m.Clips {
		s.files[phraseKey(c.Phrase)] = c.File
	}
	return s, nil
}

// recorded returns the samples of a recorded or already rendered phrase, or
// nil when it has neither.
func (s *speaker) recorded(key string) ([]float32, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if samples, ok := s.cache[key]; ok {
		return samples, nil
	}
	file, ok := s.files[key]
	if !ok {
		return nil, nil
	}
	data, err := fs.ReadFile(s.clips, file)
	if err != nil {
		return nil, fmt.Errorf("audio: clip for %q: %w", key, err)
	}
	samples, err := decodeClip(data)
	if err != nil {
		return nil, fmt.Errorf("audio: clip %s: %w", file, err)
	}
	s.cache[key] = samples
	return samples, nil
}

// render speaks key with espeak-ng, once however many callers ask at the
// same time, and caches the result.
func (s *speaker) render(key string) ([]float32, error) {
	s.mu.Lock()
	if samples, ok := s.cache[key]; ok {
		s.mu.Unlock()
		return samples, nil
	}
	if done, ok := s.inFlight[key]; ok {
		s.mu.Unlock()
		<-done
		s.mu.Lock()
		defer s.mu.Unlock()
		if samples, ok := s.cache[key]; ok {
			return samples, nil
		}
		return nil, fmt.Errorf("audio: speak %q: failed", key)
	}
	done := make(chan struct{})
	s.inFlight[key] = done
	s.mu.Unlock()

	ctx, cancel := context.WithTimeout(context.Background(), speechRenderTimeout)
	defer cancel()
	samples, rate, err := clip.Speak(ctx, s.espeak, key)
	if err == nil && rate != clip.Rate {
		err = fmt.Errorf("audio: espeak-ng wrote %d Hz, want %d", rate, clip.Rate)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.inFlight, key)
	close(done)
	if err != nil {
		return nil, err
	}
	samples = clip.Upsample2(samples)
	s.cache[key] = samples
	return samples, nil
}

// decodeClip decodes a stored clip to the mixer's rate.
func decodeClip(data []byte) ([]float32, error) {
	samples, rate, err := clip.Decode(data)
	if err != nil {
		return nil, err
	}
	switch rate {
	case sampleRate:
		return samples, nil
	case sampleRate / 2:
		return clip.Upsample2(samples), nil
	}
	return nil, fmt.Errorf("audio: clip at %d Hz: want %d or %d", rate, sampleRate, sampleRate/2)
}
