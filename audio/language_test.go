package audio

import (
	"fmt"
	"io/fs"
	"math"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"steady/assets"
)

// builtinClip returns the bytes of a built-in clip.
func builtinClip(t *testing.T, lang, file string) []byte {
	t.Helper()
	data, err := fs.ReadFile(assets.Speech, "speech/"+lang+"/"+file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// logLines collects what a Player logs.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logLines) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}

// TestDrillMissingClip speaks German from clips where German lacks
// "rest": the English clip is played, not silence and not the stand-in
// tone, and the log says so once however often it is said. A phrase German
// has is spoken in German without a word in the log.
func TestDrillMissingClip(t *testing.T) {
	clips := fstest.MapFS{
		"en/manifest.json": {Data: []byte(`{"language": "en", "clips": [
			{"phrase": "rest", "file": "rest.ima"}, {"phrase": "begin", "file": "begin.ima"}]}`)},
		"en/rest.ima":  {Data: builtinClip(t, "en", "rest.ima")},
		"en/begin.ima": {Data: builtinClip(t, "en", "begin.ima")},
		"de/manifest.json": {Data: []byte(`{"language": "de", "clips": [
			{"phrase": "Los", "english": ["begin"], "file": "los.ima"}]}`)},
		"de/los.ima": {Data: builtinClip(t, "de", "los.ima")},
	}
	log := &logLines{}
	card := &fakeCard{start: t0, now: t0, ring: chunkFrames, burst: 1}
	p, err := newPlayer(Options{Espeak: "-", Clips: clips, Language: "de", Logf: log.printf}, card.clock, 0)
	if err != nil {
		t.Fatal(err)
	}
	english, err := decodeClip(builtinClip(t, "en", "rest.ima"))
	if err != nil {
		t.Fatal(err)
	}
	german, err := decodeClip(builtinClip(t, "de", "los.ima"))
	if err != nil {
		t.Fatal(err)
	}

	for range 2 {
		p.Say("Rest")
		if out := card.render(t, p.mixer, framesToDuration(int64(len(english)))+100*time.Millisecond); !sameStart(out, english) {
			t.Errorf("Rest in German without a German clip: got other sound than the English clip (peak %v)", peak(out))
		}
	}
	if got := log.all(); len(got) != 1 || !strings.Contains(got[0], `no de clip for "rest"`) {
		t.Errorf("log: got %q, want one line saying the German clip for rest is missing", got)
	}

	for _, text := range []string{"Begin", "Los!"} {
		p.Say(text)
		if out := card.render(t, p.mixer, framesToDuration(int64(len(german)))+100*time.Millisecond); !sameStart(out, german) {
			t.Errorf("%q in German: got other sound than the German clip", text)
		}
	}
	if got := log.all(); len(got) != 1 {
		t.Errorf("log: got %q, want nothing more for phrases German has", got)
	}
}

// sameStart reports whether out starts with clip: the two correlate
// almost fully (the mixer fades a clip in and out and its limiter may
// scale it a little).
func sameStart(out, clip []float32) bool {
	if len(out) < len(clip) || len(clip) == 0 {
		return false
	}
	var xy, xx, yy float64
	for i, c := range clip {
		o := float64(out[i])
		xy += o * float64(c)
		xx += o * o
		yy += float64(c) * float64(c)
	}
	return xx > 0 && xy/math.Sqrt(xx*yy) > 0.99
}

// TestBuiltinLanguages looks each fixed phrase up in every built-in
// language: it has a clip of its own there, whether asked for in English,
// as the app's session does, or in the language.
func TestBuiltinLanguages(t *testing.T) {
	clips, err := fs.Sub(assets.Speech, "speech")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		log := &logLines{}
		s, err := newSpeaker(clips, lang, "", log.printf)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for i, p := range fixedPhrases(lang) {
			session, numbers := sessionPhrases[English], numberWords[English]
			en := append(session[:], numbers[1:]...)[i]
			for _, text := range []string{p.Text, en} {
				if samples, err := s.recorded(s.key(text)); err != nil || samples == nil {
					t.Errorf("%s: %q: no clip (%v)", lang, text, err)
				}
			}
		}
		if got := log.all(); len(got) != 0 {
			t.Errorf("%s: log: got %q, want every fixed phrase recorded in the language", lang, got)
		}
	}
}

// TestSetLanguage switches a Player from English to French: the same
// English phrase then plays the French clip, which is not the English one.
func TestSetLanguage(t *testing.T) {
	p, _ := newTestPlayer(t, chunkFrames)
	en, _ := p.SpeechLength("Switch sides")
	if err := p.SetLanguage("fr"); err != nil {
		t.Fatal(err)
	}
	fr, ok := p.SpeechLength("Switch sides")
	want, err := decodeClip(builtinClip(t, "fr", "changez-de-cote.ima"))
	if err != nil {
		t.Fatal(err)
	}
	if !ok || fr != framesToDuration(int64(len(want))) || fr == en {
		t.Errorf("Switch sides in French: got %v (%v), want the French clip's %v, not the English %v",
			fr, ok, framesToDuration(int64(len(want))), en)
	}
	if err := p.SetLanguage("xx"); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.SpeechLength("Switch sides"); got != en {
		t.Errorf("an unknown language: got %v, want English, %v", got, en)
	}
}
