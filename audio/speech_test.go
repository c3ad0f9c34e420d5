package audio

import (
	"os/exec"
	"testing"
	"time"
)

func TestPhraseKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Get ready", "get ready"},
		{"  get   READY. ", "get ready"},
		{"Well done, session complete!", "well done session complete"},
		{"Hold 3", "hold three"},
		{"20", "twenty"},
		{"21", "21"},
		{"Let's go", "let's go"},
		{"—", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := phraseKey(English, tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPhrases(t *testing.T) {
	en := func(texts ...string) []Phrase {
		var out []Phrase
		for _, s := range texts {
			out = append(out, Phrase{Text: s})
		}
		return out
	}
	got := Phrases(English, en("Dead bug", "Brace", "brace.", "Rest")...)
	n := len(fixedPhrases(English))
	if len(got) != n+2 || got[n].Text != "Dead bug" || got[n+1].Text != "Brace" {
		t.Errorf("got %v after the fixed phrases, want [Dead bug Brace] (repeats and fixed phrases once)", got[n:])
	}
	if got[5].Text != "rest" || got[5].English != nil {
		t.Errorf("sixth fixed phrase: got %+v, want rest, with no English of its own", got[5])
	}
}

// TestPhrasesTranslated checks a language's phrases: the fixed phrases in
// that language, each saying its English, and a routine phrase said in
// two English ways kept once, with both.
func TestPhrasesTranslated(t *testing.T) {
	got := Phrases("de",
		Phrase{Text: "Arm und Bein absenken", English: []string{"Lower arm and leg"}},
		Phrase{Text: "Arm und Bein absenken.", English: []string{"Lower the arm and leg"}},
		Phrase{Text: "Pause", English: []string{"Rest"}})
	n := len(fixedPhrases("de"))
	if len(got) != n+1 {
		t.Fatalf("got %d phrases, want the %d fixed ones and one more", len(got), n)
	}
	if p := got[5]; p.Text != "Pause" || len(p.English) != 1 || p.English[0] != "rest" {
		t.Errorf("sixth fixed phrase: got %+v, want Pause saying rest", p)
	}
	if p := got[n]; p.Text != "Arm und Bein absenken" || len(p.English) != 2 {
		t.Errorf("routine phrase: got %+v, want it once with both English phrases", p)
	}
	for lang, phrases := range sessionPhrases {
		for i, s := range phrases {
			if phraseKey(lang, s) == "" {
				t.Errorf("%s session phrase %d is empty", lang, i)
			}
		}
	}
}

func TestPhraseKeyNumbers(t *testing.T) {
	for lang, want := range map[string]string{"en": "hold three", "de": "hold drei", "es": "hold tres", "fr": "hold trois"} {
		if got := phraseKey(lang, "Hold 3"); got != want {
			t.Errorf("%s: got %q, want %q", lang, got, want)
		}
	}
	if got := phraseKey("fr", "On continue, d’accord"); got != "on continue d'accord" {
		t.Errorf("curly apostrophe: got %q, want it as a straight one", got)
	}
}

// TestSayRecordedClip plays a recorded phrase and checks what comes out is
// speech at the mixer's rate: as long as the clip, starting on time.
func TestSayRecordedClip(t *testing.T) {
	p, card := newTestPlayer(t, chunkFrames)
	samples, err := p.speaker.Load().recorded(phraseKey(English, "switch sides"))
	if err != nil || samples == nil {
		t.Fatalf("recorded clip: got %d samples, %v; want the clip", len(samples), err)
	}
	if d := framesToDuration(int64(len(samples))); d < 300*time.Millisecond || d > 3*time.Second {
		t.Errorf("clip length: got %v, want 0.3 to 3 s", d)
	}
	p.SayAt("Switch sides.", t0.Add(100*time.Millisecond))
	out := card.render(t, p.mixer, 4*time.Second)
	start := int(0.1 * sampleRate)
	if pk := peak(out[:start]); pk != 0 {
		t.Errorf("before the phrase: got peak %v, want silence", pk)
	}
	if got := rms(out[start : start+len(samples)]); got < 0.03 {
		t.Errorf("phrase RMS: got %v, want speech (>= 0.03)", got)
	}
	if pk := peak(out[start+len(samples):]); pk != 0 {
		t.Errorf("after the phrase: got peak %v, want silence", pk)
	}
}

// TestSayWithoutVoice checks text with no clip gets the stand-in tone when
// espeak-ng is not available.
func TestSayWithoutVoice(t *testing.T) {
	p, card := newTestPlayer(t, chunkFrames)
	p.Say("an unrecorded phrase")
	out := card.render(t, p.mixer, 500*time.Millisecond)
	want := p.cues[speechStandIn]
	for i, w := range want {
		if out[i] != w {
			t.Fatalf("sample %d: got %v, want the stand-in tone's %v", i, out[i], w)
		}
	}
}

// TestSayRendersWithEspeak speaks text that has no clip through espeak-ng,
// which the test setup installs, and checks it is cached.
func TestSayRendersWithEspeak(t *testing.T) {
	espeak, err := exec.LookPath("espeak-ng")
	if err != nil {
		t.Fatalf("espeak-ng is needed for this test (make deps-test installs it): %v", err)
	}
	card := &fakeCard{start: t0, now: t0, ring: chunkFrames, burst: 1}
	p, err := newPlayer(Options{Espeak: espeak}, card.clock, 0)
	if err != nil {
		t.Fatal(err)
	}
	const text = "Slide the heel away"
	samples, err := p.speaker.Load().render(phraseKey(English, text))
	if err != nil {
		t.Fatal(err)
	}
	if d := framesToDuration(int64(len(samples))); d < 500*time.Millisecond || d > 4*time.Second {
		t.Errorf("rendered length: got %v, want 0.5 to 4 s", d)
	}
	if got := rms(samples); got < 0.03 {
		t.Errorf("rendered RMS: got %v, want speech (>= 0.03)", got)
	}
	again, err := p.speaker.Load().render(phraseKey(English, text))
	if err != nil || &again[0] != &samples[0] {
		t.Errorf("second render: got a new render (err %v), want the cached one", err)
	}
	p.Say(text) // cached now: goes straight to the mixer
	out := card.render(t, p.mixer, framesToDuration(int64(len(samples))))
	if got := rms(out); got < 0.03 {
		t.Errorf("spoken RMS: got %v, want speech", got)
	}
}

func TestSilentPlayer(t *testing.T) {
	p, card := newTestPlayer(t, chunkFrames)
	p.silence()
	p.Play(Go)
	p.Say("rest")
	if got := len(p.mixer.voices); got != 0 {
		t.Errorf("voices queued on a silent player: got %d, want 0", got)
	}
	if got := peak(card.render(t, p.mixer, 500*time.Millisecond)); got != 0 {
		t.Errorf("peak: got %v, want silence", got)
	}
	if err := p.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}
