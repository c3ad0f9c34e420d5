package program

// Function, not only pain: the Patient-Specific Functional Scale (PSFS,
// Stratford et al., Physiotherapy Canada 1995;47:258; CLINICAL.md §8). The
// user names up to MaxActivities activities the back makes hard and rates
// each from 0 (unable to do it) to 10 (able to do it as before the
// problem). The score is the average. Function never raises the load by
// itself: it counts as progress in a review and its absence counts toward
// suggesting one.

import (
	"math"
	"slices"
	"time"
)

// Thresholds of the function rules (CLINICAL.md §8).
const (
	// MaxActivities is how many activities a user names at most.
	MaxActivities = 3
	// FunctionMax is the top of the scale: able to do it as before.
	FunctionMax = 10
	// FunctionBand is the change in the average that counts as meaningful:
	// the figure commonly used (Stratford 1995), a convention. Exactly the
	// band counts.
	FunctionBand = 2.0
	// RerateAfter: the activities are offered for re-rating this long after
	// the last rating (weekly, §8).
	RerateAfter = 7 * 24 * time.Hour
)

// An Activity is one activity the user named. Its words live in the
// journal; the rules only need to know when it counted.
type Activity struct {
	ID      string
	Created time.Time
	// Archived is when it was replaced; zero while it is current. Its
	// ratings are kept.
	Archived time.Time
}

// Current reports whether the activity counts at t: named at or before t
// and not archived by then.
func (a Activity) Current(t time.Time) bool {
	return !a.Created.After(t) && (a.Archived.IsZero() || a.Archived.After(t))
}

// A FunctionRating is one rating of one activity.
type FunctionRating struct {
	Time     time.Time
	Activity string // Activity.ID
	Score    int    // 0 (unable) to FunctionMax (as before)
}

// ActivityChange is one activity's first and latest rating.
type ActivityChange struct {
	ID                string
	First, Latest     int
	FirstAt, LatestAt time.Time
}

// Function is the function score as of a moment.
type Function struct {
	// Named: at least one activity is current.
	Named bool
	// Rated: at least one current activity has a rating; the numbers below
	// are zero otherwise.
	Rated bool
	// Average is the mean of the current activities' latest ratings;
	// FirstAverage the mean of their first ratings, so both compare the
	// same activities. Change is Average - FirstAverage.
	Average, FirstAverage, Change float64
	// FirstAt is the earliest of those first ratings, LatestAt the latest
	// rating of any current activity.
	FirstAt, LatestAt time.Time
	// Activities are the current activities that have a rating, in the
	// order of h.Activities.
	Activities []ActivityChange
}

// Meaningful reports whether the change is at least FunctionBand, up or
// down.
func (f Function) Meaningful() bool {
	return f.Rated && math.Abs(f.Change) >= FunctionBand-1e-9
}

// Improved reports whether the average rose by at least FunctionBand.
func (f Function) Improved() bool {
	return f.Rated && f.Change >= FunctionBand-1e-9
}

// FunctionAt returns the function score of the history as of now: only
// activities current at now and ratings at or before now count.
func FunctionAt(h History, now time.Time) Function {
	ratings := slices.Clone(h.Function)
	slices.SortStableFunc(ratings, func(a, b FunctionRating) int { return a.Time.Compare(b.Time) })
	var f Function
	var first, latest float64
	for _, a := range h.Activities {
		if !a.Current(now) {
			continue
		}
		f.Named = true
		c := ActivityChange{ID: a.ID}
		seen := false
		for _, r := range ratings {
			if r.Activity != a.ID || r.Time.After(now) {
				continue
			}
			if !seen {
				c.First, c.FirstAt, seen = r.Score, r.Time, true
			}
			c.Latest, c.LatestAt = r.Score, r.Time
		}
		if !seen {
			continue
		}
		f.Activities = append(f.Activities, c)
		first += float64(c.First)
		latest += float64(c.Latest)
		if f.FirstAt.IsZero() || c.FirstAt.Before(f.FirstAt) {
			f.FirstAt = c.FirstAt
		}
		if c.LatestAt.After(f.LatestAt) {
			f.LatestAt = c.LatestAt
		}
	}
	if n := float64(len(f.Activities)); n > 0 {
		f.Rated = true
		f.Average, f.FirstAverage = latest/n, first/n
		f.Change = f.Average - f.FirstAverage
	}
	return f
}

// FunctionScore is the average of the current activities' latest ratings
// as of t; ok is false when none has a rating. The chart draws it week by
// week.
func FunctionScore(h History, t time.Time) (float64, bool) {
	f := FunctionAt(h, t)
	return f.Average, f.Rated
}

// RerateDue reports whether the activities should be offered for
// re-rating now: some activity is current, and a current one has no
// rating yet or the latest rating is RerateAfter or more ago.
func RerateDue(h History, now time.Time) bool {
	f := FunctionAt(h, now)
	if !f.Named {
		return false
	}
	for _, a := range h.Activities {
		if !a.Current(now) {
			continue
		}
		if !slices.ContainsFunc(f.Activities, func(c ActivityChange) bool { return c.ID == a.ID }) {
			return true
		}
	}
	return !now.Before(f.LatestAt.Add(RerateAfter))
}

// functionProgress is the function side of the review rule (CLINICAL.md
// §3, §7.10, §8). f is the function as of now; painFrom and painTo the
// starting and current pain baselines, painKnown whether they are known.
// It returns RuleFunctionProgress when the function average rose by
// FunctionBand or more while pain did not meaningfully improve: progress
// said plainly, and no review for lack of it.
func functionProgress(f Function, painFrom, painTo float64, painKnown bool) (Reason, bool) {
	if !f.Improved() {
		return Reason{}, false
	}
	if painKnown && painTo < painFrom && MeaningfulChange(painFrom, painTo) {
		return Reason{}, false
	}
	v := map[string]float64{"from": f.FirstAverage, "to": f.Average, "change": f.Change, "band": FunctionBand,
		"weeks": float64(int(f.LatestAt.Sub(f.FirstAt) / StepDuration))}
	if painKnown {
		v["painFrom"], v["painTo"] = painFrom, painTo
	}
	return Reason{Rule: RuleFunctionProgress, Source: SourceFunction, At: f.FirstAt, Values: v}, true
}
