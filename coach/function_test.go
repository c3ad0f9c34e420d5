package coach

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"steady/journal"
	"steady/program"
)

// Pain stays at 4 every morning for eight weeks while the activities go
// from 3 to 7 on average: Status says the change is meaningful, the rules
// say it is progress, and no review is suggested for the flat pain.
func TestFunctionProgressWhilePainIsFlat(t *testing.T) {
	c, _, clock := newCoach(t)
	begin(t, c, 1)
	morning(t, c, clock, 0, 4)
	setTime(clock, at(0, 19))
	acts, err := c.NameActivities([]NamedActivity{{"Putting on socks", 2}, {"Sitting through a film", 4}})
	if err != nil {
		t.Fatal(err)
	}
	if day, err := c.Today(DefaultTiming()); err != nil || day.Function.Due || day.Function.Score.Average != 3 {
		t.Fatalf("right after naming: got %+v, %v; want average 3, no re-rating due", day.Function.Score, err)
	}
	for day := 1; day <= 56; day++ {
		morning(t, c, clock, day, 4)
		if day%7 != 0 {
			continue
		}
		setTime(clock, at(day, 19))
		d, err := c.Today(DefaultTiming())
		if err != nil {
			t.Fatal(err)
		}
		if !d.Function.Due {
			t.Errorf("day %d: re-rating not offered a week after the last", day)
		}
		week := day / 7 // 1 to 8: the average climbs from 3 to 7
		s := 2 + min(week, 8)*4/8
		if _, err := c.RateFunction(map[string]int{acts[0].ID: s, acts[1].ID: s + 2}); err != nil {
			t.Fatal(err)
		}
	}
	setTime(clock, at(57, 8))
	st, err := c.Status(at(57, 8), DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	if st.Function == nil || st.Function.FirstAverage != 3 || st.Function.Average != 7 || st.Function.Change != 4 || !st.Function.Meaningful {
		t.Errorf("status function: got %+v, want 3 to 7, change 4, meaningful", st.Function)
	}
	if st.SuggestReview || st.Mode == program.Review {
		t.Errorf("got review %v, mode %s; want no review: function improved", st.SuggestReview, st.Mode)
	}
	found := false
	for _, r := range st.Reasons {
		if r.Rule == program.RuleFunctionProgress && r.Source == program.SourceFunction && strings.Contains(r.Text, "you can do more") {
			found = true
		}
	}
	if !found {
		t.Errorf("reasons %+v: want a function-progress reason in words", st.Reasons)
	}
	b, _ := json.Marshal(st)
	if !strings.Contains(string(b), `"function":{"average":7,"first_average":3,"change":4,"meaningful":true}`) {
		t.Errorf("JSON: got %s, want the function object", b)
	}
}

// Before any activity is named, status's function is null; a replaced
// activity is archived with its ratings and no longer counts.
func TestFunctionNullAndReplace(t *testing.T) {
	c, _, clock := newCoach(t)
	begin(t, c, 1)
	st, err := c.Status(at(0, 8), DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(st); !strings.Contains(string(b), `"function":null`) {
		t.Errorf("JSON: got %s, want \"function\":null", b)
	}
	setTime(clock, at(0, 19))
	acts, err := c.NameActivities([]NamedActivity{{"Gardening", 2}, {"Driving an hour", 6}})
	if err != nil {
		t.Fatal(err)
	}
	setTime(clock, at(3, 19))
	if _, err := c.ReplaceActivity(acts[0].ID, NamedActivity{"Lifting a child", 4}); err != nil {
		t.Fatal(err)
	}
	f, err := c.Function()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Current) != 2 || len(f.Archived) != 1 || f.Archived[0].Name != "Gardening" || len(f.Ratings) != 3 {
		t.Errorf("got current %v, archived %v, %d ratings; want Gardening archived with its rating kept", f.Current, f.Archived, len(f.Ratings))
	}
	if f.Score.Average != 5 || f.Name(acts[0].ID) != "Gardening" {
		t.Errorf("got average %v, want (6+4)/2 = 5", f.Score.Average)
	}
	if _, err := c.NameActivities([]NamedActivity{{"A night's sleep", 3}, {"Putting on socks", 3}}); err == nil {
		t.Error("naming a fourth current activity: got no error")
	}
}

// The activities, a replaced one among them, and every rating survive an
// export and an import into a new journal, as JSON and as CSV: the new
// journal shows the same function score.
func TestFunctionExportImportRoundTrip(t *testing.T) {
	for _, f := range []journal.Format{journal.JSON, journal.CSV} {
		t.Run(f.String(), func(t *testing.T) {
			c, _, clock := newCoach(t)
			begin(t, c, 1)
			setTime(clock, at(0, 19))
			acts, err := c.NameActivities([]NamedActivity{{"Gardening", 2}, {"Driving an hour", 6}, {"A night's sleep", 3}})
			if err != nil {
				t.Fatal(err)
			}
			setTime(clock, at(3, 19))
			if _, err := c.ReplaceActivity(acts[0].ID, NamedActivity{"Lifting a child", 4}); err != nil {
				t.Fatal(err)
			}
			setTime(clock, at(8, 19))
			f0, err := c.Function()
			if err != nil {
				t.Fatal(err)
			}
			scores := map[string]int{}
			for i, a := range f0.Current {
				scores[a.ID] = 5 + i
			}
			if _, err := c.RateFunction(scores); err != nil {
				t.Fatal(err)
			}
			setTime(clock, at(9, 8))
			want, err := c.Function()
			if err != nil {
				t.Fatal(err)
			}
			var data bytes.Buffer
			if err := c.Export(&data, f); err != nil {
				t.Fatal(err)
			}

			c2, _, clock2 := newCoach(t)
			setTime(clock2, at(9, 8))
			res, err := c2.Import(bytes.NewReader(data.Bytes()), f)
			if err != nil {
				t.Fatal(err)
			}
			if res.Activities != 4 || res.FunctionRatings != 7 {
				t.Errorf("imported %d activities and %d ratings, want 4 and 7", res.Activities, res.FunctionRatings)
			}
			got, err := c2.Function()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(describe(got), describe(want)) {
				t.Errorf("after the import:\n%s\nwant\n%s", describe(got), describe(want))
			}
			if got.Score.Average != 6 || got.Score.FirstAverage != 13.0/3 || got.Name(acts[0].ID) != "Gardening" {
				t.Errorf("after the import: average %v from %v, %q archived; want (5+6+7)/3 = 6 from (6+3+4)/3, Gardening kept",
					got.Score.Average, got.Score.FirstAverage, got.Name(acts[0].ID))
			}
		})
	}
}

// describe is a function score in words and numbers, times in UTC, for
// comparing two journals.
func describe(f Function) string {
	var b strings.Builder
	for _, list := range [][]journal.Activity{f.Current, f.Archived} {
		for _, a := range list {
			fmt.Fprintf(&b, "%s %q named %s archived %s\n", a.ID, a.Name, a.Created.UTC().Format(time.RFC3339Nano), a.Archived.UTC().Format(time.RFC3339Nano))
		}
	}
	for _, r := range f.Ratings {
		fmt.Fprintf(&b, "%s %s %d\n", r.Time.UTC().Format(time.RFC3339Nano), f.Name(r.Activity), r.Score)
	}
	fmt.Fprintf(&b, "average %v from %v, change %v, due %v, weeks %d\n", f.Score.Average, f.Score.FirstAverage, f.Score.Change, f.Due, len(f.Weeks))
	return b.String()
}
