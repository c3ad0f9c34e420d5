package program

// Pain-guided progression: the journal's morning ratings and session outcomes
// go in, today's level and dose step come out, with the reasons as data
// (package explain puts them into words).
//
// The rules are the traffic-light (pain-monitoring) model of CLINICAL.md §3,
// an adaptation of Silbernagel et al., Am J Sports Med 2007;35:897, which was
// built for Achilles tendinopathy, not for backs. Every threshold below names
// where it comes from; where Steady had to choose (a range, a tie, a missing
// rating), the choice is written next to the constant.

import (
	"math"
	"slices"
	"time"
)

// Thresholds of the progression rules. Each names its source.
const (
	// TopLevel is the highest level of the routine (CLINICAL.md §5: 0 to 5).
	TopLevel = 5

	// BaselineWindow is how many of the latest morning back-pain ratings the
	// baseline is the median of (CLINICAL.md §2).
	BaselineWindow = 7
	// BaselineMinimum is how many ratings a baseline needs before Steady
	// compares anything with it. Steady's choice: a median of one or two
	// ratings is one bad night. Until then only the fixed limits apply.
	BaselineMinimum = 3

	// GreenPain is the highest pain during or right after a session that is
	// still green; a session within baseline + GreenPainOverBaseline is green
	// too (Silbernagel 2007, as adapted in CLINICAL.md §3). Silbernagel's
	// model limits pain right after the activity the same way as pain during
	// it, so Steady judges the higher of the two.
	GreenPain             = 3
	GreenPainOverBaseline = 2
	// AmberPain is the highest pain that is amber; above it is red.
	AmberPain = 5

	// Next-morning back pain, in points above the baseline: up to
	// GreenMorningRise is green, up to AmberMorningRise amber, above it red
	// (CLINICAL.md §3: <= baseline + 1; = baseline + 2; >= baseline + 3).
	// A half-point baseline (the median of an even count) makes 2.5 points
	// red: the cautious side.
	GreenMorningRise = 1
	AmberMorningRise = 2

	// GreensToProgress sessions in a row, all green, at least StepDuration on
	// the step and the last session felt easy: next dose step (CLINICAL.md §3).
	// "In a row" counts back from the latest session done at the step; a
	// green counts once final (its next-morning rating is in). Exactly a
	// week on the step is a week.
	GreensToProgress = 3
	StepDuration     = 7 * 24 * time.Hour

	// RedWindow: a second red session within this time of another starts a
	// flare. Inclusive: exactly 7 days apart counts (CLINICAL.md §3).
	RedWindow = 7 * 24 * time.Hour
	// FlareDays is how many calendar days flare mode lasts, counting the day
	// it starts: CLINICAL.md §3 says 2 to 3 days; Steady takes 3, so a flare
	// started in the evening still leaves two whole days of calm.
	FlareDays = 3
	// FlareMorningRise and FlareMorningPain: a morning back-pain rating at
	// least this far above the baseline, or at least this high, starts a
	// flare (CLINICAL.md §3).
	FlareMorningRise = 2
	FlareMorningPain = 7

	// WeekMinimum is how many morning ratings a week needs before its mean
	// counts for the "rising two weeks running" rule. Steady's choice.
	WeekMinimum = 3

	// ReviewAfter: no meaningful improvement of the baseline this long after
	// the first rating suggests a review. CLINICAL.md §3 says 4 to 6 weeks;
	// Steady takes 6, giving the exercise its full chance.
	ReviewAfter = 6 * 7 * 24 * time.Hour
	// NoBaseline passed to Classify means there is no baseline yet.
	NoBaseline = -1.0

	// BandPoints and BandShare: the meaningful-change band around a
	// baseline is the larger of 2 points and 30 % of it (CLINICAL.md §2;
	// Farrar et al. 2001, Ostelo et al. 2008). "2 points or 30 %" is read
	// as whichever is larger: the safer reading where a smaller change would
	// spare a user a review. The chart's band, the report's trend and the
	// review rule all use it (Band, MeaningfulChange); exactly the band
	// counts as meaningful.
	BandPoints = 2.0
	BandShare  = 0.30

	// AnchorWindow: the anchored baseline is the lowest 7-morning median
	// of this long before now (CLINICAL.md §7.3), counting only ratings
	// after the last flare ended, when that is later.
	AnchorWindow = 8 * 7 * 24 * time.Hour

	// JudgeWithin: a session with no next-morning rating this long after
	// it is judged on what is known and marked MorningUnknown (§7.4).
	JudgeWithin = 24 * time.Hour
)

// Cause is why the back feels tight, as the user says.
type Cause string

const (
	CauseNone       Cause = "none"       // not tight, or no reason given
	CauseInactivity Cause = "inactivity" // after sitting, driving, lying still
	CausePain       Cause = "pain"       // with pain: the back guarding itself
)

// LegReach is how far down the leg symptoms reach (CLINICAL.md §2). Further
// down is larger.
type LegReach int

const (
	ReachNone LegReach = iota
	ReachButtock
	ReachThigh
	ReachBelowKnee
	ReachFoot
)

// A MorningRating is the user's rating on getting up.
type MorningRating struct {
	Time      time.Time
	BackPain  int   // 0 (none) to 10 (worst imaginable)
	LegPain   int   // 0 to 10, rated apart from back pain
	Tightness int   // 0 to 10
	Cause     Cause // why the back is tight
	LegReach  LegReach
}

// LegSpread says what leg symptoms did during or after a session.
type LegSpread string

const (
	SpreadNone    LegSpread = "none"    // no further down the leg than before
	SpreadSettled LegSpread = "settled" // further down, back within 30 minutes
	SpreadStayed  LegSpread = "stayed"  // further down and still there after 30 minutes
)

// Felt is how hard the session felt, as the user says.
type Felt string

const (
	FeltEasy Felt = "easy"
	FeltOK   Felt = "ok"
	FeltHard Felt = "hard"
)

// A SessionOutcome is what the user reports after a session.
type SessionOutcome struct {
	Time          time.Time // when the session ended
	Level         int       // the level and dose step it was done at
	DoseStep      int
	MaxPainDuring int // highest back or leg pain during the session, 0 to 10
	PainAfter     int // pain right after the session, 0 to 10
	LegSpread     LegSpread
	// NewNumbnessOrWeakness: numbness or weakness the user did not have
	// before. Always red, and Steady asks the red-flag questions again.
	NewNumbnessOrWeakness bool
	Felt                  Felt
	// NextMorning is the back-pain rating of the next morning, once the
	// user has given it: the caller copies it from the first MorningRating
	// on the day after the session. Nil until then; the session's light
	// stays provisional (unless it is red already).
	NextMorning *int
	// NotSettledIn24h: pain was still above the baseline 24 hours after the
	// session (red). False when the user was not asked.
	NotSettledIn24h bool
}

// Standing is where the user is in the routine. Decide returns the new one in
// Decision.Standing; the caller stores it and passes it back next time.
//
// Start a user with Start.
type Standing struct {
	Level    int
	DoseStep int
	// Since is when this standing took effect. Ratings and sessions at or
	// before it have been acted on; Decide acts only on later ones. In a
	// flare, Since is its latest sign, so later signs keep it going; the days
	// on the step count from the later of Since and FlareUntil.
	Since time.Time
	// Reason says which rule set this standing, as data (package explain
	// words it): the first answer to "Why this level?".
	Reason Reason
	// CalmUntil: after a red session, the calm-down level until the end of
	// that day (local midnight, in the session time's location).
	CalmUntil time.Time
	// FlareUntil: flare mode until then (or when it ended early). Level and
	// DoseStep are already the step to restart at. It stays set after the
	// flare, as the end of the last flare the anchored baseline starts from.
	FlareUntil time.Time
	// FlareStarted is when the last flare started. Red sessions at or
	// before it have started that flare and do not count toward another.
	FlareStarted time.Time
}

// History is everything Decide judges.
type History struct {
	Mornings []MorningRating  // in any order
	Sessions []SessionOutcome // in any order
	Standing Standing
	// StepsInLevel gives the number of dose steps of a level, so Decide
	// knows a level's last step. Nil, or a result below 1, means 1.
	StepsInLevel func(level int) int
	// Flag is the red-flag state: while it is raised and not cleared,
	// Steady suggests no exercise.
	Flag FlagState
	// Walks are the walks the user logged, in any order (CLINICAL.md §7.8).
	Walks []LoggedWalk
	// NumbWeak are the times of every check-in (of any kind) and session
	// that reported new numbness or weakness, in any order (§7.6).
	NumbWeak []time.Time
	// Activities are the activities the user named, archived ones too, in
	// the order they were named; Function their ratings, in any order
	// (PSFS, CLINICAL.md §8).
	Activities []Activity
	Function   []FunctionRating
}

// A LoggedWalk is one walk the user logged.
type LoggedWalk struct {
	Time    time.Time // when it was logged
	Minutes int
}

// StopCause is one answer to "what happened?" after "Stop — it hurts".
type StopCause string

const (
	StopLegPain  StopCause = "leg-pain"  // pain shooting down the leg
	StopNumbness StopCause = "numbness"  // new numbness or tingling
	StopWeakness StopCause = "weakness"  // new weakness
	StopBackPain StopCause = "back-pain" // back pain became sharp or too much
	StopOther    StopCause = "other"     // something else, in the user's words
)

// Color is a traffic light.
type Color string

const (
	Green Color = "green"
	Amber Color = "amber"
	Red   Color = "red"
)

// A Criterion is one traffic-light criterion that fired.
type Criterion string

const (
	PainModerate   Criterion = "pain-moderate"      // amber: 4-5/10 during or right after
	PainHigh       Criterion = "pain-high"          // red: above 5/10
	MorningUpTwo   Criterion = "morning-up-two"     // amber: next morning 2 above baseline
	MorningUpThree Criterion = "morning-up-three"   // red: next morning more than 2 above baseline
	NotSettled     Criterion = "not-settled-24h"    // red: not back to baseline within 24 h
	LegSettled     Criterion = "leg-spread-settled" // amber: leg symptoms spread, settled within 30 min
	LegStayed      Criterion = "leg-spread-stayed"  // red: leg symptoms spread and stayed
	NumbWeak       Criterion = "numbness-weakness"  // red: new numbness or weakness
)

func (c Criterion) color() Color {
	switch c {
	case PainModerate, MorningUpTwo, LegSettled:
		return Amber
	}
	return Red
}

// A Light is the traffic-light verdict on one session.
type Light struct {
	Color Color
	Fired []Criterion // the amber and red criteria that fired; none when green
	// Final: the light will not change. Classify makes a light final when
	// every criterion could be judged, or when it is red (nothing can make
	// red better); Lights also makes it final JudgeWithin after the
	// session, judged on what is known (CLINICAL.md §7.4).
	Final bool
	// MorningUnknown: final without a next-morning rating (§7.4). Such a
	// green neither breaks nor completes a green run.
	MorningUnknown bool
}

// Baseline returns the median of the last BaselineWindow morning back-pain
// ratings at or before now: the middle one of an odd count, the mean of the
// two middle ones of an even count. Ratings at the same instant keep their
// order in mornings. ok reports whether at least BaselineMinimum ratings were
// there; with fewer, the median of what there is comes back (0 with none) so
// the caller can show it as "still forming".
func Baseline(mornings []MorningRating, now time.Time) (float64, bool) {
	sorted := sortedMornings(mornings)
	return baselineOf(sorted, ratedBy(sorted, now))
}

func sortedMornings(mornings []MorningRating) []MorningRating {
	s := slices.Clone(mornings)
	slices.SortStableFunc(s, func(a, b MorningRating) int { return a.Time.Compare(b.Time) })
	return s
}

// ratedBy returns how many of the sorted ratings are at or before t.
func ratedBy(sorted []MorningRating, t time.Time) int {
	n, _ := slices.BinarySearchFunc(sorted, t, func(m MorningRating, t time.Time) int {
		if m.Time.After(t) {
			return 1
		}
		return -1
	})
	return n
}

// ratedBefore returns how many of the sorted ratings are strictly before t,
// so a morning is not compared with a baseline it is part of.
func ratedBefore(sorted []MorningRating, t time.Time) int {
	n, _ := slices.BinarySearchFunc(sorted, t, func(m MorningRating, t time.Time) int {
		if m.Time.Before(t) {
			return -1
		}
		return 1
	})
	return n
}

// baselineOf is the baseline of the first n of the sorted ratings.
func baselineOf(sorted []MorningRating, n int) (float64, bool) {
	rs := sorted[max(n-BaselineWindow, 0):n]
	pains := make([]int, len(rs))
	for i, r := range rs {
		pains[i] = r.BackPain
	}
	return median(pains), len(pains) >= BaselineMinimum
}

func median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// Classify judges one session by the traffic-light model (CLINICAL.md §3).
// baseline is the user's baseline at the time of the session, or NoBaseline
// (any negative value) when it is still forming; then only the fixed limits
// apply and the light stays provisional.
//
// Pain is the higher of MaxPainDuring and PainAfter: green up to
// max(GreenPain, baseline + GreenPainOverBaseline), red above AmberPain,
// amber between. The colour is the worst criterion that fired.
func Classify(o SessionOutcome, baseline float64) Light {
	known := baseline >= 0
	var fired []Criterion
	pain := max(o.MaxPainDuring, o.PainAfter)
	greenPain := float64(GreenPain)
	if known {
		greenPain = math.Max(greenPain, baseline+GreenPainOverBaseline)
	}
	switch {
	case pain > AmberPain:
		fired = append(fired, PainHigh)
	case float64(pain) > greenPain:
		fired = append(fired, PainModerate)
	}
	if known && o.NextMorning != nil {
		switch rise := float64(*o.NextMorning) - baseline; {
		case rise > AmberMorningRise:
			fired = append(fired, MorningUpThree)
		case rise > GreenMorningRise:
			fired = append(fired, MorningUpTwo)
		}
	}
	if o.NotSettledIn24h {
		fired = append(fired, NotSettled)
	}
	switch o.LegSpread {
	case SpreadSettled:
		fired = append(fired, LegSettled)
	case SpreadStayed:
		fired = append(fired, LegStayed)
	}
	if o.NewNumbnessOrWeakness {
		fired = append(fired, NumbWeak)
	}
	l := Light{Color: Green, Fired: fired}
	for _, c := range fired {
		if c.color() == Red {
			l.Color = Red
			break
		}
		l.Color = Amber
	}
	l.Final = l.Color == Red || (known && o.NextMorning != nil)
	return l
}

// Band is the meaningful-change band around a baseline: the larger of
// BandPoints and BandShare of it (CLINICAL.md §2). The chart draws it, and a
// change smaller than it is not yet a change that matters.
func Band(baseline float64) float64 {
	return math.Max(BandPoints, BandShare*baseline)
}

// MeaningfulChange reports whether going from from to to is a change that
// matters, up or down: at least Band(from).
func MeaningfulChange(from, to float64) bool {
	return math.Abs(to-from) >= Band(from)-1e-9
}

// AnchoredBaseline returns the anchored baseline as of now (CLINICAL.md
// §7.3): the lowest median of up to BaselineWindow consecutive morning
// back-pain ratings among the ratings of the AnchorWindow before now, and
// after flareEnded when that is later (pass the zero time when there was no
// flare). A median needs BaselineMinimum ratings. Sessions are judged against
// it, so a baseline that creeps up with the pain does not hide the creep.
//
// With fewer than BaselineMinimum ratings since flareEnded it looks back the
// whole AnchorWindow; with fewer than that there too, ok is false and the
// rolling Baseline comes back, as Baseline returns it.
func AnchoredBaseline(mornings []MorningRating, flareEnded, now time.Time) (float64, bool) {
	return anchoredOf(sortedMornings(mornings), flareEnded, now)
}

func anchoredOf(sorted []MorningRating, flareEnded, now time.Time) (float64, bool) {
	end := ratedBy(sorted, now)
	from := now.Add(-AnchorWindow)
	if flareEnded.After(from) {
		if b, ok := lowestMedian(sorted, ratedBy(sorted, flareEnded), end); ok {
			return b, true
		}
	}
	if b, ok := lowestMedian(sorted, ratedBy(sorted, from), end); ok {
		return b, true
	}
	return baselineOf(sorted, end)
}

// lowestMedian is the lowest median of up to BaselineWindow consecutive
// ratings among sorted[lo:hi], each of at least BaselineMinimum ratings.
func lowestMedian(sorted []MorningRating, lo, hi int) (float64, bool) {
	if hi-lo < BaselineMinimum {
		return 0, false
	}
	lowest := math.Inf(1)
	for k := lo + BaselineMinimum; k <= hi; k++ {
		rs := sorted[max(lo, k-BaselineWindow):k]
		pains := make([]int, len(rs))
		for i, r := range rs {
			pains[i] = r.BackPain
		}
		lowest = math.Min(lowest, median(pains))
	}
	return lowest, true
}

// Lights judges every session of the history as of now, one Light per
// h.Sessions entry in the order given. It is the one place a session's light
// comes from: Decide, the window, the report, the exports and the command line
// all use it, so they cannot disagree.
//
// A session is judged against the anchored baseline as of the session
// (AnchoredBaseline, the last flare being the one h.Standing knows of), or
// by the fixed limits while there is none. Its next-morning rating is
// s.NextMorning, or else the first morning rating on the calendar day after
// the session, at or before now. The light is provisional until that rating
// is in (with a baseline to compare it with), or until JudgeWithin has passed;
// then it is final, judged on what is known, and MorningUnknown when there
// was no next-morning rating (CLINICAL.md §7.4). A red light is final at once.
func Lights(h History, now time.Time) []Light {
	mornings := sortedMornings(h.Mornings)
	out := make([]Light, len(h.Sessions))
	for i, s := range h.Sessions {
		out[i] = judge(s, mornings, h.Standing, now)
	}
	return out
}

// judge is the light of session s as of now; mornings are sorted by time.
func judge(s SessionOutcome, mornings []MorningRating, st Standing, now time.Time) Light {
	var flareEnded time.Time
	if !st.FlareUntil.After(s.Time) {
		flareEnded = st.FlareUntil
	}
	b, ok := anchoredOf(mornings, flareEnded, s.Time)
	if !ok {
		b = NoBaseline
	}
	if s.NextMorning == nil {
		s.NextMorning = nextMorning(mornings, s.Time, now)
	}
	l := Classify(s, b)
	if !l.Final && !now.Before(s.Time.Add(JudgeWithin)) {
		l.Final = true
		l.MorningUnknown = s.NextMorning == nil
	}
	return l
}

// nextMorning is the back pain of the first of the sorted ratings on the
// calendar day after t (in t's location) and at or before now; nil if none.
func nextMorning(sorted []MorningRating, t, now time.Time) *int {
	next := midnight(t).AddDate(0, 0, 1)
	for _, m := range sorted[ratedBy(sorted, t):] {
		if m.Time.After(now) {
			break
		}
		day := midnight(m.Time.In(t.Location()))
		if day.After(next) {
			break
		}
		if day.Equal(next) {
			p := m.BackPain
			return &p
		}
	}
	return nil
}
