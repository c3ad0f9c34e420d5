package session

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"steady/audio"
	"steady/program"
)

// clipSound is a Sound that knows how long the built-in clips of one
// language last, and records the phrases said.
type clipSound struct {
	lengths func(string) (time.Duration, bool)
	said    []sound
}

func (c *clipSound) PlayAt(audio.Cue, time.Time) {}
func (c *clipSound) SayAt(text string, at time.Time) {
	c.said = append(c.said, sound{cue: -1, text: text, at: at})
}
func (c *clipSound) CancelPending()    {}
func (c *clipSound) Prepare(...string) {}
func (c *clipSound) SpeechLength(text string) (time.Duration, bool) {
	return c.lengths(text)
}

// builtinSessions returns every session of the built-in routine in lang:
// each dose step of each level, the flare session, and a session with the
// mobility work.
func builtinSessions(t *testing.T, lang string) map[string]program.Plan {
	t.Helper()
	r := program.Builtin().In(lang)
	plans := map[string]program.Plan{}
	for l := range r.Levels {
		for d := range r.StepsInLevel(l) {
			p, err := r.Plan(l, d, false, 5*time.Second, 20*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			plans[fmt.Sprintf("level %d step %d", l, d+1)] = p
		}
	}
	p, err := r.Plan(1, 0, false, 5*time.Second, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	p.Items = append(p.Items, r.MobilityItems()...)
	plans["level 1 with mobility"] = p
	return plans
}

// speak runs the cue queue over a whole session at once and returns the
// phrases said, in order.
func speak(s Sound, plan program.Plan) []sound {
	tl := plan.Timeline()
	events := slices.Clone(tl.Events())
	for i := range events {
		events[i].Due, events[i].Generation = t0.Add(events[i].Offset), 1
	}
	q := newCueQueue(s, tl)
	q.update(1, events)
	c := s.(*clipSound)
	slices.SortStableFunc(c.said, func(a, b sound) int { return a.at.Compare(b.at) })
	return c.said
}

// TestPhrasesFitTheirSlots speaks every session of the built-in routine in
// every language with the real lengths of the recorded clips: every phrase
// has a clip, no phrase starts before the one before it is over, none is
// left out for lack of room (as many are said as with phrases that take no
// time), and a session in any language says as many phrases as in English.
func TestPhrasesFitTheirSlots(t *testing.T) {
	english := map[string]int{}
	instant := func(string) (time.Duration, bool) { return 0, true }
	for _, lang := range audio.Languages {
		lengths, err := audio.BuiltinSpeechLengths(lang)
		if err != nil {
			t.Fatal(err)
		}
		for name, plan := range builtinSessions(t, lang) {
			said := speak(&clipSound{lengths: lengths}, plan)
			if room := len(speak(&clipSound{lengths: instant}, plan)); len(said) != room {
				t.Errorf("%s, %s: %d phrases said, want all %d: some had no room", lang, name, len(said), room)
			}
			if lang == audio.English {
				english[name] = len(said)
			} else if len(said) != english[name] {
				t.Errorf("%s, %s: %d phrases said, want as many as in English, %d", lang, name, len(said), english[name])
			}
			for i, s := range said {
				d, ok := lengths(s.text)
				if !ok {
					t.Errorf("%s, %s: no clip for %q", lang, name, s.text)
					continue
				}
				if i+1 < len(said) && said[i+1].at.Before(s.at.Add(d)) {
					t.Errorf("%s, %s: %q (%v long) at %v is talked over by %q at %v", lang, name,
						s.text, d.Round(time.Millisecond), s.at.Sub(t0), said[i+1].text, said[i+1].at.Sub(t0))
				}
			}
		}
	}
}
