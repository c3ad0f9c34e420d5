package explain

import (
	"time"

	"steady/program"
)

// ActivityChange is one activity's first and latest rating, for its card:
// "Putting on socks: from 3 to 8 since October". One rating so far reads
// "Putting on socks: 3 on Mon 2 Oct".
func ActivityChange(name string, c program.ActivityChange) string {
	if c.FirstAt.Equal(c.LatestAt) {
		return fill("{name}: {first} on {day}", "name", name, "first", count(c.First), "day", Day(c.FirstAt))
	}
	return fill("{name}: from {first} to {latest} since {since}",
		"name", name, "first", count(c.First), "latest", count(c.Latest), "since", since(c.FirstAt, c.LatestAt))
}

// since names when something started, as briefly as the distance allows:
// the month when it was in another month, else the day.
func since(from, now time.Time) string {
	if from.Year() != now.Year() {
		return from.Format("January 2006")
	}
	if from.Month() != now.Month() {
		return from.Format("January")
	}
	return Day(from)
}

// Function is the function score in one line: the average now, where it
// started and whether the change counts (CLINICAL.md §8); "" with no
// rating.
func Function(f program.Function) string {
	if !f.Rated {
		return ""
	}
	if f.FirstAt.Equal(f.LatestAt) {
		return fill("What you can do: {avg} out of 10 on average, your starting point.", "avg", Number(f.Average))
	}
	switch {
	case f.Improved():
		return fill("What you can do: {avg} out of 10 on average, up from {first}: a meaningful change (2 points or more, a convention).",
			"avg", Number(f.Average), "first", Number(f.FirstAverage))
	case f.Meaningful():
		return fill("What you can do: {avg} out of 10 on average, down from {first}: worth mentioning to your clinician.",
			"avg", Number(f.Average), "first", Number(f.FirstAverage))
	}
	return fill("What you can do: {avg} out of 10 on average (from {first}); 2 points is the usual mark of a meaningful change.",
		"avg", Number(f.Average), "first", Number(f.FirstAverage))
}

// ActivitySuggestions are activities people often name (CLINICAL.md §8),
// offered to pick from; the user may write their own.
func ActivitySuggestions() []string {
	return []string{"Sitting through a film", "Putting on socks", "Lifting a child", "A 30-minute walk",
		"Gardening", "A night's sleep", "Driving an hour"}
}

// FunctionScale names the two ends of an activity's scale.
func FunctionScale() (low, high string) {
	return "0 unable to do it", "10 able to do it as before the back problem"
}
