package program

import "time"

// Kind says what an exercise is for. It decides when Steady may offer it.
type Kind string

const (
	// Stabilise exercises activate the trunk muscles around the spine.
	Stabilise Kind = "stabilise"
	// Walk is gentle walking, timed.
	Walk Kind = "walk"
	// Mobility is gentle movement or stretching. It is offered only when the
	// tightness comes from inactivity and the user is not in a flare.
	Mobility Kind = "mobility"
)

// An Exercise is one movement of the routine, with everything needed to teach
// it: what it is, why it helps, how to do it step by step and when to stop.
type Exercise struct {
	ID        string // stable forever: journal records and custom routines refer to it
	Name      string
	Position  string // starting position, e.g. "on your back, knees bent"
	Why       string // one or two sentences: why it helps
	Kind      Kind
	FlareSafe bool     // may be done during a flare
	Steps     []Step   // in order
	StopIf    []string // safety notes: stop if ...

	texts map[string]exerciseText // translations by language; see In
}

// A Phase places a step of an exercise on the session timeline.
type Phase string

const (
	// Setup steps are shown during the get-ready countdown: getting into position.
	Setup Phase = "setup"
	// Move steps take the rep into its working position, over Dose.Up.
	Move Phase = "move"
	// Hold steps last for Dose.Hold, or for the whole of a timed item.
	Hold Phase = "hold"
	// Return steps bring the body back to the start, over Dose.Down.
	Return Phase = "return"
)

// A Step is one instruction within an exercise.
//
// Poses lists the key poses the illustration moves through during the step, by
// name: one pose is shown still; two or more are animated over the step's
// duration, eased, in order. A Move step typically goes from the start pose to
// the working pose, a Return step the other way.
type Step struct {
	Phase       Phase
	Cue         string   // short, spoken: "Brace", "Lift the arm"
	Instruction string   // fuller, on screen
	Poses       []string // the key poses the illustration shows, by name
	Brace       bool     // the trunk is braced: the illustration highlights it
}

// A Dose says how much of an exercise one session does.
//
// Reps are grouped in sets: a descending pyramid 5-3-1 is Sets = [5, 3, 1];
// two sets of eight is [8, 8]. A rep is either a hold (Hold > 0) or a dynamic
// movement at the given tempo. A timed item (walking, resting in a position of
// comfort, a carry) has Duration > 0 and no sets.
type Dose struct {
	Sets     []int
	Hold     time.Duration // per rep; 0 for a dynamic rep
	Up, Down time.Duration // tempo: time to move into the hold pose and back out
	Sides    int           // 1, or 2 when each side is worked in turn
	RepRest  time.Duration // between reps of a set
	SetRest  time.Duration // between sets
	Duration time.Duration // for timed items; 0 otherwise
	Effort   string        // optional, e.g. "about a quarter of full effort"
}
