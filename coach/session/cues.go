package session

import (
	"strings"
	"sync"
	"time"

	"steady/audio"
	"steady/program"
)

// Sound is the sound output a session plays its cues on. *audio.Player is
// one; it stays silent when there is no sound device.
type Sound interface {
	PlayAt(c audio.Cue, at time.Time)
	SayAt(text string, at time.Time)
	CancelPending()
	Prepare(texts ...string)
}

// A Lengther is a sound output that knows how long a phrase lasts when
// said. *audio.Player is one; the phrases said on a Sound that is also a
// Lengther are spaced by their real lengths, so a long one (a translation)
// is never talked over.
type Lengther interface {
	SpeechLength(text string) (time.Duration, bool)
}

// A Holder is a sound output that sleeps when idle and can be held awake
// while a session runs, so that cues handed over ahead of time land exactly.
// *audio.Player is one; a Sound that is also a Holder is held while the
// session runs.
type Holder interface {
	Hold(on bool)
}

var (
	_ Sound    = (*audio.Player)(nil)
	_ Holder   = (*audio.Player)(nil)
	_ Lengther = (*audio.Player)(nil)
)

// Cue timing.
const (
	// Lookahead is how far ahead of its moment a sound is handed to the
	// output, so that it is heard on time whatever the screen is doing.
	Lookahead = 2 * time.Second
	// toneGap is how long after a tone a phrase starts.
	toneGap = 450 * time.Millisecond
	// speechLate is how far a phrase may slip behind its moment to make
	// room for the one before; later than that it is left out.
	speechLate = 1500 * time.Millisecond
	// readyLate is how far the words of the get-ready countdown (the
	// exercise's name, then its setup cue) and of the preview in a rest
	// may slip: the countdown lasts 5 seconds, room for two long phrases.
	readyLate = 3 * time.Second
	// completeGap is how long after the last tone "Well done" is said.
	completeGap = 1200 * time.Millisecond
	// breath is the least pause after a phrase before the next.
	breath = 100 * time.Millisecond
)

// Phrases the session says besides the plan's names and cues.
const (
	sayRest     = "Rest"
	sayLastOne  = "Last one"
	sayLastSet  = "Last set"
	sayNextEx   = "Next exercise"
	sayLeft     = "Left side"
	sayRight    = "Right side"
	sayPaused   = "Paused"
	sayComplete = "Well done, session complete"
)

// phrases are the words a session of plan may speak, so the sound output
// can get them ready before they are due.
func phrases(plan program.Plan) []string {
	out := []string{sayRest, sayLastOne, sayLastSet, sayNextEx, sayLeft, sayRight, sayPaused, sayComplete}
	for _, it := range plan.Items {
		if it.Exercise == nil {
			continue
		}
		out = append(out, it.Exercise.Name)
		for _, st := range it.Exercise.Steps {
			out = append(out, st.Cue)
		}
	}
	return out
}

// cueQueue hands the session's sounds to the output ahead of time, each at
// the runner's due time, and drops them when the runner's generation moves
// on (a pause, a skip). Speech is spaced so two phrases never talk over
// each other. It is safe for concurrent use.
type cueQueue struct {
	sound Sound
	tl    program.Timeline

	mu         sync.Mutex
	gen        uint64
	queued     map[program.Event]bool // by the event without Due and Generation
	speechFree time.Time              // when the last queued phrase should be over
}

func newCueQueue(sound Sound, tl program.Timeline) *cueQueue {
	return &cueQueue{sound: sound, tl: tl, queued: map[program.Event]bool{}}
}

// update moves the queue to generation gen (cancelling what was queued for
// an earlier one) and queues the events not queued yet. Events of an older
// generation than the queue's are ignored.
func (q *cueQueue) update(gen uint64, events []program.Event) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.advance(gen)
	for _, e := range events {
		q.advance(e.Generation)
		if e.Generation != q.gen {
			continue
		}
		k := e
		k.Due, k.Generation = time.Time{}, 0
		if q.queued[k] {
			continue
		}
		q.queued[k] = true
		q.schedule(e)
	}
}

// advance starts a newer generation; q.mu is held.
func (q *cueQueue) advance(gen uint64) {
	if gen <= q.gen {
		return
	}
	q.gen = gen
	q.sound.CancelPending()
	clear(q.queued)
	q.speechFree = time.Time{}
}

// schedule queues the sounds of one event; q.mu is held.
func (q *cueQueue) schedule(e program.Event) {
	at := e.Due
	switch e.Kind {
	case program.GetReady:
		if e.Offset > 0 {
			q.sound.PlayAt(audio.RestOver, at)
			at = at.Add(toneGap)
		}
		q.sayWithin(e.Name, at, readyLate)
		q.sayWithin(e.Cue, at, readyLate)
	case program.CountdownTick:
		q.sound.PlayAt(audio.GetReadyTick, at)
	case program.StartMove, program.StartHold, program.StartWalk:
		q.sound.PlayAt(audio.Go, at)
		q.say(e.Cue, at.Add(toneGap))
	case program.NextStep:
		q.say(e.Cue, at)
	case program.Halfway:
		q.sound.PlayAt(audio.Halfway, at)
	case program.LastSeconds:
		q.sound.PlayAt(audio.LastSecondsTick, at)
	case program.Release:
		q.sound.PlayAt(audio.Release, at)
		q.say(e.Cue, at.Add(toneGap))
	case program.NextRep:
		if e.Rep == e.Reps && e.Reps > 1 && q.stageAt(e) == program.StageRepRest {
			q.say(sayLastOne, at)
		}
	case program.SwitchSides:
		q.sound.PlayAt(audio.SwitchSides, at)
		if e.Side == program.RightSide {
			q.say(sayRight, at.Add(toneGap))
		} else {
			q.say(sayLeft, at.Add(toneGap))
		}
	case program.Rest:
		q.say(sayRest, at)
	case program.NextPreview:
		switch {
		case q.stageAt(e) == program.StageRest:
			q.sayWithin(sayNextEx, at, readyLate)
			q.sayWithin(e.Name, at, readyLate)
		case e.Sets > 1 && e.Set == e.Sets:
			q.say(sayLastSet, at)
		}
	case program.SessionComplete:
		q.sound.PlayAt(audio.SessionComplete, at)
		q.say(sayComplete, at.Add(completeGap))
	}
}

// stageAt is the stage of the interval in progress at e.
func (q *cueQueue) stageAt(e program.Event) program.Stage {
	if ivs := q.tl.Intervals(); e.Interval >= 0 && e.Interval < len(ivs) {
		return ivs[e.Interval].Stage
	}
	return 0
}

// say queues a phrase at at, or after the phrase before it; q.mu is held.
func (q *cueQueue) say(text string, at time.Time) { q.sayWithin(text, at, speechLate) }

// sayWithin queues a phrase at at, or after the phrase before it if that
// is no more than late after at; q.mu is held.
func (q *cueQueue) sayWithin(text string, at time.Time, late time.Duration) {
	if strings.TrimSpace(text) == "" {
		return
	}
	start := at
	if q.speechFree.After(start) {
		start = q.speechFree
	}
	if start.Sub(at) > late {
		return
	}
	q.sound.SayAt(text, start)
	q.speechFree = start.Add(q.speechLength(text))
}

// speechLength is how long the slot of a phrase is: about as long as a
// phrase of as many words takes, or longer when the sound output knows
// this one lasts longer.
func (q *cueQueue) speechLength(text string) time.Duration {
	d := speechLength(text)
	if l, ok := q.sound.(Lengther); ok {
		if real, ok := l.SpeechLength(text); ok {
			d = max(d, real+breath)
		}
	}
	return d
}

// speechLength is about how long a phrase takes to say.
func speechLength(text string) time.Duration {
	return 250*time.Millisecond + time.Duration(len(strings.Fields(text)))*330*time.Millisecond
}
