package program

import (
	"testing"
	"time"
)

// weekly rates activity id each week from week from on (day 7*w, 19:00).
func weekly(id string, from int, scores ...int) []FunctionRating {
	rs := make([]FunctionRating, len(scores))
	for i, s := range scores {
		rs[i] = FunctionRating{Time: dayAt(7*(from+i), 19), Activity: id, Score: s}
	}
	return rs
}

func TestFunctionAt(t *testing.T) {
	socks := Activity{ID: "socks", Created: dayAt(0, 19)}
	film := Activity{ID: "film", Created: dayAt(0, 19)}
	oldWalk := Activity{ID: "walk", Created: dayAt(0, 19), Archived: dayAt(14, 12)}
	garden := Activity{ID: "garden", Created: dayAt(14, 12)}
	cases := []struct {
		name                string
		acts                []Activity
		ratings             []FunctionRating
		now                 time.Time
		wantNamed, wantRate bool
		wantAvg, wantFirst  float64
		wantMeaningful      bool
	}{
		{"nothing named", nil, nil, dayAt(1, 0), false, false, 0, 0, false},
		{"named, not rated", []Activity{socks}, nil, dayAt(1, 0), true, false, 0, 0, false},
		{"one activity 3 to 8", []Activity{socks}, weekly("socks", 0, 3, 5, 8), dayAt(15, 0), true, true, 8, 3, true},
		{"a rating after now does not count", []Activity{socks}, weekly("socks", 0, 3, 4, 8), dayAt(8, 0), true, true, 4, 3, false},
		{"average of two: (8+4)/2 from (3+2)/2", []Activity{socks, film},
			append(weekly("socks", 0, 3, 8), weekly("film", 0, 2, 4)...), dayAt(8, 0), true, true, 6, 2.5, true},
		{"up by exactly 2 is meaningful", []Activity{socks}, weekly("socks", 0, 4, 6), dayAt(8, 0), true, true, 6, 4, true},
		{"up by 1.5 is not", []Activity{socks, film},
			append(weekly("socks", 0, 4, 6), weekly("film", 0, 4, 5)...), dayAt(8, 0), true, true, 5.5, 4, false},
		{"down by 2 is meaningful too", []Activity{socks}, weekly("socks", 0, 6, 4), dayAt(8, 0), true, true, 4, 6, true},
		{"an archived activity no longer counts; its replacement does", []Activity{oldWalk, garden},
			append(weekly("walk", 0, 1, 2), weekly("garden", 2, 5, 6)...), dayAt(22, 0), true, true, 6, 5, false},
		{"before the replacement the old one counts", []Activity{oldWalk, garden},
			append(weekly("walk", 0, 1, 2), weekly("garden", 2, 5, 6)...), dayAt(10, 0), true, true, 2, 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := FunctionAt(History{Activities: c.acts, Function: c.ratings}, c.now)
			if f.Named != c.wantNamed || f.Rated != c.wantRate || f.Average != c.wantAvg || f.FirstAverage != c.wantFirst {
				t.Errorf("got named %v rated %v average %v first %v; want %v %v %v %v",
					f.Named, f.Rated, f.Average, f.FirstAverage, c.wantNamed, c.wantRate, c.wantAvg, c.wantFirst)
			}
			if f.Meaningful() != c.wantMeaningful {
				t.Errorf("meaningful: got %v, want %v (change %v)", f.Meaningful(), c.wantMeaningful, f.Change)
			}
			if got, ok := FunctionScore(History{Activities: c.acts, Function: c.ratings}, c.now); got != c.wantAvg || ok != c.wantRate {
				t.Errorf("FunctionScore: got %v, %v; want %v, %v", got, ok, c.wantAvg, c.wantRate)
			}
		})
	}
}

func TestRerateDue(t *testing.T) {
	socks := Activity{ID: "socks", Created: dayAt(0, 19)}
	film := Activity{ID: "film", Created: dayAt(3, 19)}
	cases := []struct {
		name string
		acts []Activity
		now  time.Time
		want bool
	}{
		{"nothing named", nil, dayAt(30, 0), false},
		{"rated 6 days ago", []Activity{socks}, dayAt(6, 19), false},
		{"rated exactly 7 days ago", []Activity{socks}, dayAt(7, 19), true},
		{"a new activity without a rating", []Activity{socks, film}, dayAt(4, 0), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := History{Activities: c.acts, Function: weekly("socks", 0, 3)}
			if got := RerateDue(h, c.now); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// The review rule with function (CLINICAL.md §3, §7.10, §8): no meaningful
// change in pain and function after 6 weeks suggests a review; function up
// by 2 or more cancels it and is said as progress; function never moves the
// level.
func TestReviewWithFunction(t *testing.T) {
	socks := []Activity{{ID: "socks", Created: dayAt(0, 19)}}
	flat5 := dailyMornings(0, times(43, 5)...)
	better := dailyMornings(0, append(times(7, 5), times(36, 3)...)...)
	cases := []struct {
		name       string
		mornings   []MorningRating
		ratings    []FunctionRating
		now        time.Time
		wantMode   Mode
		wantReview bool
		wantRule   Rule
		want       vals
	}{
		{"pain flat, function flat: review, with the function numbers",
			flat5, weekly("socks", 0, 4, 4, 5, 4, 5, 5, 5), dayAt(42, 20),
			Review, true, RuleReview, vals{"from": 5, "to": 5, "functionFrom": 4, "functionTo": 5}},
		{"pain flat, function up by 1.9: still a review",
			flat5, []FunctionRating{{dayAt(0, 19), "socks", 3}, {dayAt(41, 19), "socks", 4}}, dayAt(42, 20),
			Review, true, RuleReview, nil},
		{"pain flat, function 3 to 7: progress, no review",
			flat5, weekly("socks", 0, 3, 4, 4, 5, 6, 7, 7), dayAt(42, 20),
			Normal, false, RuleFunctionProgress, vals{"from": 3, "to": 7, "change": 4, "band": 2, "painFrom": 5, "painTo": 5}},
		{"pain flat, function up by exactly 2 before 6 weeks: progress said",
			dailyMornings(0, times(15, 5)...), weekly("socks", 0, 3, 4, 5), dayAt(14, 20),
			Normal, false, RuleFunctionProgress, vals{"change": 2, "weeks": 2}},
		{"pain better by 2 and function up: no review, pain tells the story",
			better, weekly("socks", 0, 3, 5, 7), dayAt(42, 20),
			Normal, false, RuleProgress, nil},
		{"no activities: the review as before",
			flat5, nil, dayAt(42, 20),
			Review, true, RuleReview, vals{"from": 5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := History{Mornings: c.mornings, Standing: Start(1, dayAt(0, 8)), StepsInLevel: testSteps,
				Function: c.ratings}
			if c.ratings != nil {
				in.Activities = socks
			}
			d := Decide(in, c.now)
			if d.Mode != c.wantMode || d.SuggestReview != c.wantReview {
				t.Errorf("got %s, review %v; want %s, %v", d.Mode, d.SuggestReview, c.wantMode, c.wantReview)
			}
			if !explains(d, c.wantRule, c.want) {
				t.Errorf("explanation: got %+v, want rule %s with %v", d.Explanation, c.wantRule, c.want)
			}
			if c.wantRule == RuleFunctionProgress && explains(d, RuleReview, nil) {
				t.Errorf("got a review beside function progress")
			}
			// Function never moves the load: the same decision's level
			// without the ratings.
			in.Function, in.Activities = nil, nil
			if bare := Decide(in, c.now); bare.Level != d.Level || bare.DoseStep != d.DoseStep || !bare.Standing.Equal(d.Standing) {
				t.Errorf("level with function L%d s%d, without L%d s%d: want the same", d.Level, d.DoseStep, bare.Level, bare.DoseStep)
			}
		})
	}
}
