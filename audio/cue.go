package audio

import (
	"math"
	"strconv"
)

// A Cue is one of the short tones that mark the moments of a session. Each
// differs from the others in pitch, rhythm and length, so they can be told
// apart without looking.
type Cue int

const (
	// GetReadyTick counts down the get-ready time: one soft low tick a second.
	GetReadyTick Cue = iota
	// Go starts the work: one clear bright note.
	Go
	// Halfway marks the middle of a hold or set: two equal mid notes.
	Halfway
	// LastSecondsTick counts down the last seconds of a hold: a short high tick.
	LastSecondsTick
	// Release ends a hold: two falling notes.
	Release
	// SwitchSides asks to change to the other side: three notes, up and back.
	SwitchSides
	// RestOver ends a rest: two rising notes.
	RestOver
	// SessionComplete ends the session: a rising arpeggio that rings out.
	SessionComplete

	cueCount // the number of cues; keep last

	// speechStandIn stands in for speech that cannot be spoken: a soft,
	// neutral pair of notes. It is not offered to callers.
	speechStandIn = cueCount
)

// String returns the cue's name, as in the code: "SwitchSides".
func (c Cue) String() string {
	switch c {
	case GetReadyTick:
		return "GetReadyTick"
	case Go:
		return "Go"
	case Halfway:
		return "Halfway"
	case LastSecondsTick:
		return "LastSecondsTick"
	case Release:
		return "Release"
	case SwitchSides:
		return "SwitchSides"
	case RestOver:
		return "RestOver"
	case SessionComplete:
		return "SessionComplete"
	case speechStandIn:
		return "speechStandIn"
	}
	return "Cue(" + strconv.Itoa(int(c)) + ")"
}

// isTick reports whether c is a countdown tick, which the ticks setting
// silences on its own.
func (c Cue) isTick() bool { return c == GetReadyTick || c == LastSecondsTick }

// A note is one partial-rich, softly enveloped tone within a cue.
type note struct {
	at    float64 // start, seconds from the start of the cue
	freq  float64 // fundamental, Hz
	dur   float64 // seconds, fades included
	decay float64 // time constant of the exponential decay, seconds
}

// notes returns the notes of cue c. The pitches are those of a major scale
// around C5, which sounds calm at low volume.
func (c Cue) notes() []note {
	const (
		c5, d5, e5, g5, a5, c6, e6 = 523.25, 587.33, 659.26, 783.99, 880.00, 1046.50, 1318.51
		g4                         = 392.00
	)
	switch c {
	case GetReadyTick:
		return []note{{0, g4 * 2, 0.07, 0.03}} // G5, short and soft
	case Go:
		return []note{{0, c6, 0.35, 0.18}}
	case Halfway:
		return []note{{0, a5, 0.12, 0.08}, {0.2, a5, 0.12, 0.08}}
	case LastSecondsTick:
		return []note{{0, e6, 0.05, 0.02}}
	case Release:
		return []note{{0, g5, 0.16, 0.1}, {0.18, c5, 0.3, 0.15}}
	case SwitchSides:
		return []note{{0, d5, 0.11, 0.07}, {0.13, a5, 0.11, 0.07}, {0.26, d5, 0.14, 0.08}}
	case RestOver:
		return []note{{0, c5, 0.16, 0.1}, {0.18, g5, 0.3, 0.15}}
	case SessionComplete:
		return []note{{0, c5, 0.2, 0.15}, {0.14, e5, 0.2, 0.15}, {0.28, g5, 0.2, 0.15}, {0.42, c6, 0.9, 0.4}}
	case speechStandIn:
		return []note{{0, e5, 0.14, 0.1}, {0.16, e5, 0.14, 0.1}}
	}
	return nil
}

// Envelope times shared by every note: a raised-cosine attack and release,
// long enough that a note never clicks, short enough that it sounds on time.
const (
	attack  = 0.006
	release = 0.012
	// notePeak is the loudest a single note gets, leaving headroom for
	// several sounds at once.
	notePeak = 0.35
)

// synth renders cue c, mono at rate.
func (c Cue) synth(rate int) []float32 {
	notes := c.notes()
	var length float64
	for _, n := range notes {
		length = max(length, n.at+n.dur)
	}
	out := make([]float32, int(math.Ceil(length*float64(rate))))
	for _, n := range notes {
		addNote(out[int(n.at*float64(rate)):], n, rate)
	}
	// Overlapping notes must not add up past a single note's peak.
	var top float32
	for _, v := range out {
		top = max(top, abs32(v))
	}
	if top > notePeak {
		for i := range out {
			out[i] *= notePeak / top
		}
	}
	return out
}

// addNote adds n to out, starting at out[0]. The tone is the fundamental with
// a quieter octave and twelfth, like a soft bell or marimba, never a square.
func addNote(out []float32, n note, rate int) {
	count := min(len(out), int(n.dur*float64(rate)))
	na := int(attack * float64(rate))
	nr := int(release * float64(rate))
	w := 2 * math.Pi * n.freq / float64(rate)
	for i := range count {
		t := float64(i) / float64(rate)
		env := math.Exp(-t / n.decay)
		if i < na {
			env *= 0.5 - 0.5*math.Cos(math.Pi*float64(i)/float64(na))
		}
		if left := count - 1 - i; left < nr {
			env *= 0.5 - 0.5*math.Cos(math.Pi*float64(left)/float64(nr))
		}
		x := w * float64(i)
		v := math.Sin(x) + 0.3*math.Sin(2*x)*math.Exp(-t/0.05) + 0.1*math.Sin(3*x)*math.Exp(-t/0.03)
		out[i] += float32(notePeak / 1.2 * env * v)
	}
}
