package explain

import (
	"time"

	"steady/program"
)

// ActivityChange is one activity's first and latest rating, for its card:
// "Putting on socks: from 3 to 8 since October". One rating so far reads
// "Putting on socks: 3 on Mon 2 Oct".
func ActivityChange(name string, c program.ActivityChange) string {
	w := current()
	if c.FirstAt.Equal(c.LatestAt) {
		return w.L("{{.Name}}: {{.First}} on {{.Day}}", args{"Name": name, "First": count(c.First), "Day": w.Day(c.FirstAt)})
	}
	return w.L("{{.Name}}: from {{.First}} to {{.Latest}} since {{.Since}}",
		args{"Name": name, "First": count(c.First), "Latest": count(c.Latest), "Since": w.since(c.FirstAt, c.LatestAt)})
}

// since names when something started, as briefly as the distance allows:
// the month when it was in another month, else the day.
func (w words) since(from, now time.Time) string {
	if from.Year() != now.Year() {
		return w.MonthYear(from)
	}
	if from.Month() != now.Month() {
		return w.Month(from.Month())
	}
	return w.Day(from)
}

// Function is the function score in one line: the average now, where it
// started and whether the change counts (CLINICAL.md §8); "" with no
// rating.
func Function(f program.Function) string {
	if !f.Rated {
		return ""
	}
	w := current()
	avg := args{"Avg": w.num(f.Average), "First": w.num(f.FirstAverage)}
	if f.FirstAt.Equal(f.LatestAt) {
		return w.L("What you can do: {{.Avg}} out of 10 on average, your starting point.", avg)
	}
	switch {
	case f.Improved():
		return w.L("What you can do: {{.Avg}} out of 10 on average, up from {{.First}}: a meaningful change (2 points or more, a convention).", avg)
	case f.Meaningful():
		return w.L("What you can do: {{.Avg}} out of 10 on average, down from {{.First}}: worth mentioning to your clinician.", avg)
	}
	return w.L("What you can do: {{.Avg}} out of 10 on average (from {{.First}}); 2 points is the usual mark of a meaningful change.", avg)
}

// ActivitySuggestions are activities people often name (CLINICAL.md §8),
// offered to pick from; the user may write their own.
func ActivitySuggestions() []string {
	w := current()
	return []string{w.L("Sitting through a film"), w.L("Putting on socks"), w.L("Lifting a child"), w.L("A 30-minute walk"),
		w.L("Gardening"), w.L("A night's sleep"), w.L("Driving an hour")}
}

// FunctionScale names the two ends of an activity's scale.
func FunctionScale() (low, high string) {
	w := current()
	return w.L("0 unable to do it"), w.L("10 able to do it as before the back problem")
}
