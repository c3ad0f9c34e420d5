package program

// Red-flag screening (CLINICAL.md §4): a few yes/no questions, asked at first
// run and whenever the user reports new numbness or weakness, that send the
// user to a clinician before any exercise. They refer; they do not diagnose.
// Guidelines differ on which flags matter (Verhagen et al., Eur Spine J 2016
// found 46 across 16 guidelines); this list follows NICE NG59, NICE CKS low
// back pain and BMJ Best Practice on cauda equina syndrome.

import (
	"slices"
	"time"
)

// FlagState records the last red-flag screening that found a flag, and
// whether a clinician has cleared the user since.
type FlagState struct {
	Raised time.Time // when a screening last found a flag; zero if never
	Tier   Tier      // how urgent it was
	Flags  []string  // the question IDs that fired
	// Cleared is when the user confirmed that a clinician has cleared them.
	// A clearance at or after Raised lifts the flag.
	Cleared time.Time
	// Screened is when the user last answered the red-flag questions,
	// whatever the result. A session after it that reports new numbness or
	// weakness asks for the questions again (Decision.Rescreen).
	Screened time.Time
}

// Active reports whether a flag is raised and not cleared.
func (f FlagState) Active() bool {
	return !f.Raised.IsZero() && f.Cleared.Before(f.Raised)
}

// Record returns the state after a screening at time at: a referral with a
// flag raises it. One without lifts a raised emergency or same-day flag
// (CLINICAL.md §7.6: for those, exercise resumes only when the questions are
// answered again without the warning sign), but leaves a "see a doctor soon"
// flag raised, as its signs (a history of cancer, say) do not go away: only
// the user's confirmation that a clinician assessed it lifts that one.
func (f FlagState) Record(r Referral, at time.Time) FlagState {
	f.Screened = at
	switch {
	case r.Tier > NoFlag:
		f.Raised, f.Tier, f.Flags = at, r.Tier, slices.Clone(r.Flags)
	case f.Active() && !f.SelfClearable():
		f.Cleared = at
	}
	return f
}

// SelfClearable reports whether the user may lift the flag by confirming a
// clinician has assessed it: only a "see a doctor soon" flag (CLINICAL.md
// §7.6). Emergency and same-day flags have no such shortcut.
func (f FlagState) SelfClearable() bool { return f.Tier <= SeeDoctorSoon }

// Clear returns the state after the user confirms, at time at, that a
// clinician has cleared them. It refuses an emergency or same-day flag
// (see SelfClearable) and returns the state unchanged: those are lifted
// only by answering the questions again without the warning sign (Record).
func (f FlagState) Clear(at time.Time) FlagState {
	if !f.SelfClearable() {
		return f
	}
	f.Cleared = at
	return f
}

// Tier is how soon a clinician should see the user. Higher is sooner.
type Tier int

const (
	// NoFlag: nothing answered needs a clinician first.
	NoFlag Tier = iota
	// SeeDoctorSoon: book an appointment with a doctor soon.
	SeeDoctorSoon
	// SameDay: be seen by a doctor today.
	SameDay
	// EmergencyNow: go to an emergency department or call emergency
	// services now.
	EmergencyNow
)

func (t Tier) String() string {
	switch t {
	case NoFlag:
		return "none"
	case SeeDoctorSoon:
		return "see a doctor soon"
	case SameDay:
		return "same day"
	case EmergencyNow:
		return "emergency now"
	}
	return "unknown"
}

// A Question is one red-flag question. A yes raises its tier.
type Question struct {
	ID   string // stable: answers and the journal refer to it
	Text string // plain words, answered yes or no
	Tier Tier
}

// ScreeningSources names where the questions come from, for an "About these
// questions" line.
const ScreeningSources = "These questions follow NICE guideline NG59, NICE CKS on low back pain and BMJ Best Practice on cauda equina syndrome. Guidelines differ on which warning signs they list (Verhagen et al. 2016), so these are a careful selection, not a diagnosis."

// questions is the question table, most urgent first.
var questions = []Question{
	{"bladder", "Do you have new or worsening trouble passing urine, leaking urine without meaning to, or not feeling when your bladder is full?", EmergencyNow},
	{"bowel", "Do you have new or worsening trouble controlling your bowels?", EmergencyNow},
	{"saddle-numbness", "Do you have new or worsening numbness or tingling between your legs, around your genitals or back passage (the area that would touch a saddle)?", EmergencyNow},
	{"both-legs-pain", "Do you have new or worsening pain shooting down both legs?", EmergencyNow},
	{"both-legs-weak", "Are both legs newly or increasingly weak, or do you newly have trouble walking?", EmergencyNow},
	{"sexual", "Have you noticed new changes in sexual function, such as loss of sensation?", EmergencyNow},
	{"leg-weakness", "Is one leg badly weak or getting weaker, for example your foot drops or slaps, or your toes catch when you walk?", SameDay},
	{"cancer", "Have you ever had cancer?", SeeDoctorSoon},
	{"weight-loss", "Have you lost weight recently without trying?", SeeDoctorSoon},
	{"fever", "Do you have a fever, or chills and sweats, along with the back pain?", SeeDoctorSoon},
	{"immune", "Is your immune system weakened, for example by medication, chemotherapy or HIV?", SeeDoctorSoon},
	{"iv-drugs", "Have you ever injected drugs?", SeeDoctorSoon},
	{"infection", "Have you had an infection recently, for example of the urine or the skin?", SeeDoctorSoon},
	{"trauma", "Did the pain start after a hard fall or accident, or after a minor one while you have weak bones (osteoporosis) or take steroid tablets long-term?", SeeDoctorSoon},
	{"night-pain", "Is the pain there all the time, even at night when you lie still?", SeeDoctorSoon},
	{"age", "Is this back pain new, and are you under 20 or over 50?", SeeDoctorSoon},
	{"no-improvement", "Have you had this pain for about a month or more without it getting any better?", SeeDoctorSoon},
}

// Questions returns the red-flag questions, most urgent first. The slice is
// the caller's own.
func Questions() []Question {
	out := make([]Question, len(questions))
	copy(out, questions)
	return out
}

// A Referral is the result of a screening.
type Referral struct {
	Tier     Tier
	Flags    []string // IDs of the questions answered yes, in question order
	Guidance string   // what to do, in calm plain words
}

// StopsExercise reports whether this result pauses exercise suggestions
// until the user confirms a clinician has cleared them: any flag does.
func (r Referral) StopsExercise() bool { return r.Tier > NoFlag }

// Guidance for each tier.
const (
	guidanceEmergency = "Please get help now: go to an emergency department, or call emergency services. What you ticked needs a doctor to check it straight away — it is not something to wait on or exercise through. Steady will not suggest exercises until you tell it a clinician has seen you."
	guidanceSameDay   = "Please see a doctor today: ask your practice for a same-day appointment, or go to an urgent care or out-of-hours service. A leg that is badly weak or getting weaker should be checked promptly. Steady pauses the exercises until you tell it a clinician has seen you."
	guidanceSoon      = "Please book an appointment with your doctor soon and tell them what you ticked. Most back pain is not caused by anything serious; this is a precaution, so that a clinician looks at your back before you train it. Steady pauses the exercises until you tell it a clinician has cleared you."
	guidanceNone      = "None of your answers calls for a clinician before you start. If anything changes — new numbness or weakness, or changes in bladder or bowel control — answer these questions again."
)

// Screen turns yes/no answers, keyed by question ID, into a referral: the
// most urgent tier among the questions answered yes. Missing answers count
// as no; keys that are not question IDs are ignored.
func Screen(answers map[string]bool) Referral {
	r := Referral{Tier: NoFlag}
	for _, q := range questions {
		if answers[q.ID] {
			r.Flags = append(r.Flags, q.ID)
			r.Tier = max(r.Tier, q.Tier)
		}
	}
	switch r.Tier {
	case EmergencyNow:
		r.Guidance = guidanceEmergency
	case SameDay:
		r.Guidance = guidanceSameDay
	case SeeDoctorSoon:
		r.Guidance = guidanceSoon
	default:
		r.Guidance = guidanceNone
	}
	return r
}
