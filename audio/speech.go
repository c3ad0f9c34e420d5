package audio

//go:generate go run ./gen -out ../assets/speech

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"steady/assets"
	"steady/audio/internal/clip"
)

// English is the language of the fixed phrases' source and of the clips
// that stand in for a missing one.
const English = "en"

// Languages are the languages Steady speaks, English first.
var Languages = []string{English, "de", "es", "fr"}

// sessionPhrases are spoken whatever the routine: the moments of a session,
// by language, each in the place of its English.
var sessionPhrases = map[string][17]string{
	"en": {"get ready", "begin", "hold", "release", "relax", "rest", "rest is over",
		"halfway", "switch sides", "left side", "right side", "last one", "last set",
		"next exercise", "well done, session complete", "paused", "let's continue"},
	"de": {"Bereit machen", "Los", "Halten", "Lösen", "Entspannen", "Pause", "Pause vorbei",
		"Halbzeit", "Seite wechseln", "Linke Seite", "Rechte Seite", "Die letzte", "Letzter Satz",
		"Nächste Übung", "Gut gemacht, Einheit beendet", "Angehalten", "Weiter geht's"},
	"es": {"Prepárate", "Empieza", "Mantén", "Suelta", "Relájate", "Descanso", "Fin del descanso",
		"A la mitad", "Cambia de lado", "Lado izquierdo", "Lado derecho", "La última", "Última serie",
		"Siguiente ejercicio", "Muy bien, sesión completa", "En pausa", "Seguimos"},
	"fr": {"Préparez-vous", "Allez-y", "Tenez", "Relâchez", "Détendez-vous", "Repos", "Fin du repos",
		"À mi-parcours", "Changez de côté", "Côté gauche", "Côté droit", "La dernière", "Dernière série",
		"Exercice suivant", "Bravo, séance terminée", "En pause", "On continue"},
}

// numberWords are the numbers Steady counts with, zero to twenty, by
// language. One to twenty are fixed phrases too.
var numberWords = map[string][21]string{
	"en": {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"},
	"de": {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
		"elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"},
	"es": {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
		"once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte"},
	"fr": {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
		"onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt"},
}

// fixedPhrases returns the phrases spoken whatever the routine, in lang,
// each with its English: the session phrases, then one to twenty.
func fixedPhrases(lang string) []Phrase {
	var out []Phrase
	add := func(text, english string) {
		p := Phrase{Text: text}
		if lang != English {
			p.English = []string{english}
		}
		out = append(out, p)
	}
	for i, s := range sessionPhrases[lang] {
		add(s, sessionPhrases[English][i])
	}
	numbers := numberWords[lang]
	for i, s := range numbers[1:] {
		add(s, numberWords[English][i+1])
	}
	return out
}

// A Phrase is something Steady says in one language.
type Phrase struct {
	Text string
	// English lists the English phrases Text says, so that a caller who
	// speaks English to a Player of another language is understood; nil
	// for an English phrase.
	English []string
}

// Phrases returns every phrase Steady speaks in language lang for a routine
// whose own words (exercise names, step cues) in that language are routine:
// the fixed session phrases, then those, each phrase once, first spelling
// kept, with every English phrase it says. The clip generator records
// exactly these for the built-in routine.
func Phrases(lang string, routine ...Phrase) []Phrase {
	var out []Phrase
	at := map[string]int{} // phrase key -> index in out
	add := func(p Phrase) {
		k := phraseKey(lang, p.Text)
		if k == "" {
			return
		}
		i, seen := at[k]
		if !seen {
			at[k] = len(out)
			out = append(out, Phrase{Text: strings.TrimSpace(p.Text)})
			i = len(out) - 1
		}
		for _, e := range p.English {
			ek := phraseKey(English, e)
			if ek != "" && !slices.ContainsFunc(out[i].English, func(x string) bool { return phraseKey(English, x) == ek }) {
				out[i].English = append(out[i].English, strings.TrimSpace(e))
			}
		}
	}
	for _, p := range fixedPhrases(lang) {
		add(p)
	}
	for _, p := range routine {
		add(p)
	}
	return out
}

// phraseKey is what two spellings of the same phrase in lang share: lower
// case, words only, numbers up to twenty as words ("Hold 3." -> "hold
// three").
func phraseKey(lang, s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	for i, w := range words {
		if n := numberWord(lang, w); n != "" {
			words[i] = n
		}
	}
	return strings.ReplaceAll(strings.Join(words, " "), "’", "'")
}

// numberWord spells the numbers Steady counts with in lang; "" for
// anything else.
func numberWord(lang, digits string) string {
	words, ok := numberWords[lang]
	if !ok {
		words = numberWords[English]
	}
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

// A Manifest lists the recorded clips of one language: how they were made
// and which file says which phrase. It is stored as manifest.json beside
// the clips, in a directory named after the language (speech/de/).
type Manifest struct {
	Language string      `json:"language"`
	Voice    string      `json:"voice"`
	Speed    int         `json:"speed"`
	Espeak   string      `json:"espeak"` // espeak-ng version that rendered the clips
	Clips    []Recording `json:"clips"`
}

// A Recording is one phrase of the manifest and the clip file that says it.
type Recording struct {
	Phrase  string   `json:"phrase"`
	English []string `json:"english,omitempty"` // the English phrases it says, in another language
	File    string   `json:"file"`
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

// BuiltinSpeechLengths returns how long each phrase lasts that a Player
// speaking language lang says from the built-in clips, looked up as SayAt
// looks it up (a translation, its English, or the English clip); false for
// text it would have espeak-ng say. A scheduler's tests check with it that
// every phrase fits its slot.
func BuiltinSpeechLengths(lang string) (func(text string) (time.Duration, bool), error) {
	clips, err := fs.Sub(assets.Speech, "speech")
	if err != nil {
		return nil, err
	}
	s, err := newSpeaker(clips, lang, "", func(string, ...any) {})
	if err != nil {
		return nil, err
	}
	return s.length, nil
}

// speechRenderTimeout bounds one run of espeak-ng.
const speechRenderTimeout = 10 * time.Second

// A speaker turns text into samples at the mixer's rate, in one language:
// from a recorded clip of that language when there is one, else from the
// English clip (saying so once in the log), else from espeak-ng at run
// time in the language's voice, caching all three.
type speaker struct {
	lang    string
	clips   fs.FS             // the clip directories, one per language
	files   map[string]string // phrase key -> clip file in lang: its own words and their English
	english map[string]string // English phrase key -> English clip file; nil in English
	espeak  string            // espeak-ng's path; "" when not installed
	voice   clip.Voice
	logf    func(format string, args ...any)

	mu       sync.Mutex
	cache    map[string][]float32
	inFlight map[string]chan struct{} // closed when the render is cached
}

// newSpeaker reads the manifests of lang and English under clips. A
// language without clips speaks English clips and espeak-ng in its own
// voice; an error says what is missing.
func newSpeaker(clips fs.FS, lang, espeak string, logf func(string, ...any)) (*speaker, error) {
	voice, ok := clip.VoiceFor(lang)
	if !ok {
		logf("audio: no voice for language %q: speaking English", lang)
		lang = English
	}
	s := &speaker{
		lang:     lang,
		clips:    clips,
		files:    map[string]string{},
		espeak:   espeak,
		voice:    voice,
		logf:     logf,
		cache:    map[string][]float32{},
		inFlight: map[string]chan struct{}{},
	}
	if clips == nil {
		return s, nil
	}
	var errs []error
	if lang != English {
		s.english = map[string]string{}
		m, err := readManifestIn(clips, English)
		errs = append(errs, err)
		for _, c := range m.Clips {
			s.english[phraseKey(English, c.Phrase)] = c.File
		}
	}
	m, err := readManifestIn(clips, lang)
	errs = append(errs, err)
	// A phrase's own words first, so that they win over an English phrase
	// another clip also says.
	for _, c := range m.Clips {
		s.files[phraseKey(lang, c.Phrase)] = c.File
	}
	for _, c := range m.Clips {
		for _, e := range c.English {
			if k := phraseKey(English, e); s.files[k] == "" {
				s.files[k] = c.File
			}
		}
	}
	return s, errors.Join(errs...)
}

func readManifestIn(clips fs.FS, lang string) (Manifest, error) {
	dir, err := fs.Sub(clips, lang)
	if err != nil {
		return Manifest{}, err
	}
	m, err := ReadManifest(dir)
	if err != nil {
		return m, fmt.Errorf("%w (language %s)", err, lang)
	}
	return m, nil
}

// key returns the phrase key of text in the speaker's language.
func (s *speaker) key(text string) string { return phraseKey(s.lang, text) }

// recorded returns the samples of a recorded or already rendered phrase, or
// nil when it has neither.
func (s *speaker) recorded(key string) ([]float32, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if samples, ok := s.cache[key]; ok {
		return samples, nil
	}
	dir, file := s.lang, s.files[key]
	if file == "" {
		if file = s.english[key]; file == "" {
			return nil, nil
		}
		dir = English
		s.logf("audio: no %s clip for %q: speaking the English one", s.lang, key)
	}
	data, err := fs.ReadFile(s.clips, dir+"/"+file)
	if err != nil {
		return nil, fmt.Errorf("audio: clip for %q: %w", key, err)
	}
	samples, err := decodeClip(data)
	if err != nil {
		return nil, fmt.Errorf("audio: clip %s/%s: %w", dir, file, err)
	}
	s.cache[key] = samples
	return samples, nil
}

// length returns how long text lasts when said: its clip's or the
// cached render's length; false when neither is there yet.
func (s *speaker) length(text string) (time.Duration, bool) {
	samples, err := s.recorded(s.key(text))
	if err != nil || samples == nil {
		return 0, false
	}
	return framesToDuration(int64(len(samples))), true
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
	samples, rate, err := clip.Speak(ctx, s.espeak, s.voice, key)
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
