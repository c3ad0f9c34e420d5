package program

import (
	"testing"
	"time"
)

func TestBand(t *testing.T) {
	for b, want := range map[float64]float64{0: 2, 3: 2, 6: 2, 7: 2.1, 10: 3} {
		if got := Band(b); got < want-1e-9 || got > want+1e-9 {
			t.Errorf("Band(%v): got %v, want %v", b, got, want)
		}
	}
}

func TestAnchoredBaseline(t *testing.T) {
	cases := []struct {
		name       string
		pains      []int
		flareEnded time.Time
		now        time.Time
		want       float64
		wantOK     bool
	}{
		{"rising: the lowest median stays", []int{1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, time.Time{}, dayAt(11, 0), 1, true},
		{"older than 8 weeks does not count", append(times(7, 1), times(60, 4)...), time.Time{}, dayAt(67, 0), 4, true},
		{"since the flare ended", append(times(10, 1), times(5, 3)...), dayAt(10, 0), dayAt(15, 0), 3, true},
		{"too few since the flare: the whole window", append(times(10, 1), times(2, 3)...), dayAt(10, 0), dayAt(12, 0), 1, true},
		{"forming", []int{4, 5}, time.Time{}, dayAt(2, 0), 4.5, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := AnchoredBaseline(dailyMornings(0, c.pains...), c.flareEnded, c.now)
			if got != c.want || ok != c.wantOK {
				t.Errorf("got %v, %v; want %v, %v", got, ok, c.want, c.wantOK)
			}
		})
	}
}

// The light right after saving must be the light Decide uses, and the same
// light everywhere: two mornings of 3 (no baseline yet), session pain 4.
func TestLightsAgreeWithDecide(t *testing.T) {
	in := History{Mornings: dailyMornings(0, 3, 3), Standing: Start(1, dayAt(0, 8)),
		Sessions: []SessionOutcome{{Time: dayAt(1, 18), Level: 1, MaxPainDuring: 4, Felt: FeltOK}}}
	now := dayAt(1, 18).Add(time.Second)
	got := Lights(in, now)[0]
	if got.Color != Amber || got.Final {
		t.Errorf("got %+v, want a provisional amber (fixed limits, no baseline yet)", got)
	}
	if d := Decide(in, now); d.LastLight.Color != got.Color || d.LastLight.Final != got.Final {
		t.Errorf("Decide's last light %+v, Lights %+v: want the same", d.LastLight, got)
	}
}

func TestLightsProvisionalThenFinal(t *testing.T) {
	base := dailyMornings(0, 3, 3, 3)
	s := SessionOutcome{Time: dayAt(2, 18), Level: 1, MaxPainDuring: 2, Felt: FeltEasy}
	cases := []struct {
		name        string
		next        []MorningRating
		now         time.Time
		want        Color
		wantFinal   bool
		wantUnknown bool
	}{
		{"right after saving: provisional green", nil, dayAt(2, 19), Green, false, false},
		{"next morning 4: final green", dailyMornings(3, 4), dayAt(3, 8), Green, true, false},
		{"next morning 6 (anchor 3 + 3): final red", dailyMornings(3, 6), dayAt(3, 8), Red, true, false},
		{"next morning 5: final amber", dailyMornings(3, 5), dayAt(3, 8), Amber, true, false},
		{"a rating after now does not count", dailyMornings(3, 6), dayAt(3, 6), Green, false, false},
		{"no rating, 24 h later: final, morning unknown", nil, dayAt(3, 18), Green, true, true},
		{"no rating, a moment before 24 h: provisional", nil, dayAt(3, 18).Add(-time.Nanosecond), Green, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := History{Mornings: append(base, c.next...), Sessions: []SessionOutcome{s}, Standing: Start(1, dayAt(0, 8))}
			got := Lights(in, c.now)[0]
			if got.Color != c.want || got.Final != c.wantFinal || got.MorningUnknown != c.wantUnknown {
				t.Errorf("got %+v; want %s, final %v, unknown %v", got, c.want, c.wantFinal, c.wantUnknown)
			}
			if d := Decide(in, c.now); d.LastLight.Color != got.Color || d.LastLight.Final != got.Final {
				t.Errorf("Decide's last light %+v, want %+v", d.LastLight, got)
			}
		})
	}
}

func TestLightsKeepOrder(t *testing.T) {
	in := History{Mornings: dailyMornings(0, 3, 3, 3, 3),
		Sessions: []SessionOutcome{redSession(3, 1, 0), greenSession(2, 1, 0, 3)}}
	got := Lights(in, dayAt(3, 19))
	if got[0].Color != Red || got[1].Color != Green {
		t.Errorf("got %s, %s; want red, green in the order given", got[0].Color, got[1].Color)
	}
}

func TestSafetyRules(t *testing.T) {
	leg := func(from int, back int, legs []int, reach []LegReach) []MorningRating {
		ms := make([]MorningRating, len(legs))
		for i := range legs {
			ms[i] = MorningRating{Time: dayAt(from+i, 7), BackPain: back, LegPain: legs[i], LegReach: reach[i], Cause: CauseInactivity}
		}
		return ms
	}
	thigh := func(n int) []LegReach {
		r := make([]LegReach, n)
		for i := range r {
			r[i] = ReachThigh
		}
		return r
	}
	l2 := Standing{Level: 2, DoseStep: 1, Since: dayAt(0, 8)}
	cases := []struct {
		name      string
		standing  Standing
		mornings  []MorningRating
		now       time.Time
		wantMode  Mode
		wantLevel int // the standing's level
		wantSee   bool
		wantRule  Rule
		want      vals
	}{
		{"leg further down (buttock to thigh): calm-down today, no mobility", l2,
			leg(0, 3, []int{2, 2, 2, 2, 2}, []LegReach{1, 1, 1, 1, 2}), dayAt(4, 8), CalmDownToday, 2, false, RuleLegCalm, vals{"reach": 2, "before": 1}},
		{"leg pain 2 above its median: calm-down today", l2,
			leg(0, 3, []int{2, 2, 2, 2, 4}, thigh(5)), dayAt(4, 8), CalmDownToday, 2, false, RuleLegCalm, vals{"legPain": 4, "legMedian": 2}},
		{"leg newly below the knee: flare", l2,
			leg(0, 3, []int{2, 2, 2, 2, 5}, append(thigh(4), ReachBelowKnee)), dayAt(4, 8), Flare, 1, false, RuleFlareLeg, vals{"reach": 3, "before": 2}},
		{"spread persists 7 days: see a clinician", l2,
			leg(0, 3, times(12, 2), append(thigh(5), ReachBelowKnee, ReachBelowKnee, ReachBelowKnee, ReachBelowKnee, ReachBelowKnee, ReachBelowKnee, ReachBelowKnee)),
			dayAt(11, 8), HoldSeeClinician, 1, true, RuleLegPersists, vals{"days": 7}},
		{"leg pain 7 on 3 mornings in a week: see a clinician", l2,
			leg(0, 3, []int{7, 7, 2, 2, 7}, thigh(5)), dayAt(4, 8), CalmDownToday, 2, true, RuleLegSevere, vals{"count": 3}},
		{"back 7 on 5 of 7 mornings: see a clinician, in flare mode too", l2,
			dailyMornings(0, 7, 7, 7, 7, 7), dayAt(4, 8), Flare, 1, true, RuleSeverePain, vals{"count": 5}},
		{"a second trigger inside a flare: no second step down", l2,
			dailyMornings(0, 3, 3, 3, 3, 7, 7), dayAt(5, 8), Flare, 1, false, RuleFlareExtended, nil},
		{"flare over 14 days: see a clinician, one level down", l2,
			append(dailyMornings(0, 3, 3, 3), dailyMornings(3, times(15, 7)...)...), dayAt(18, 8), Flare, 1, true, RuleFlareLong, vals{"days": 15}},
		{"3 mornings at baseline end an extended flare early", l2,
			dailyMornings(0, 3, 3, 3, 7, 3, 7, 3, 3), dayAt(7, 8), Normal, 1, false, RuleFlareEndedEarly, vals{"mornings": 3, "baseline": 3}},
		{"first run flaring: flare at level 0", StartFlaring(dayAt(0, 6)), nil, dayAt(1, 8), Flare, 0, false, RuleStartFlaring, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := History{Mornings: c.mornings, Standing: c.standing, StepsInLevel: testSteps}
			d := Decide(in, c.now)
			if d.Mode != c.wantMode || d.Standing.Level != c.wantLevel || d.SeeClinician != c.wantSee {
				t.Errorf("got %s, standing level %d, see clinician %v; want %s, %d, %v", d.Mode, d.Standing.Level, d.SeeClinician, c.wantMode, c.wantLevel, c.wantSee)
			}
			if !explains(d, c.wantRule, c.want) {
				t.Errorf("explanation: got %+v, want rule %s with %v", d.Explanation, c.wantRule, c.want)
			}
			if d.MobilityAllowed && (d.Mode == Flare || d.Mode == CalmDownToday) {
				t.Error("got mobility on a flare or calm-down day, want none")
			}
			checkSettled(t, in, d, c.now)
		})
	}
}

func TestRescreenAndFlags(t *testing.T) {
	in := History{Mornings: dailyMornings(0, 3, 3, 3), Standing: Start(1, dayAt(0, 8)),
		NumbWeak: []time.Time{dayAt(2, 7)}, Flag: FlagState{Screened: dayAt(0, 9)}}
	d := Decide(in, dayAt(2, 8))
	if !d.Rescreen || d.ExerciseAllowed || d.MobilityAllowed || d.Mode != RescreenStop || !explains(d, RuleRescreen, nil) {
		t.Errorf("numbness in a check-in: got %s, rescreen %v, exercise %v; want a re-screening first", d.Mode, d.Rescreen, d.ExerciseAllowed)
	}
	in.Flag = in.Flag.Record(Screen(nil), dayAt(2, 9))
	if d := Decide(in, dayAt(2, 10)); d.Rescreen || !d.ExerciseAllowed {
		t.Errorf("answered again: got rescreen %v, exercise %v; want exercise", d.Rescreen, d.ExerciseAllowed)
	}

	for _, c := range []struct {
		tier      map[string]bool
		clearable bool
	}{{map[string]bool{"bladder": true}, false}, {map[string]bool{"leg-weakness": true}, false}, {map[string]bool{"cancer": true}, true}} {
		f := FlagState{}.Record(Screen(c.tier), dayAt(0, 9))
		if f.SelfClearable() != c.clearable || f.Clear(dayAt(1, 9)).Active() == c.clearable {
			t.Errorf("tier %s: got self-clearable %v, active after Clear %v; want %v", f.Tier, f.SelfClearable(), f.Clear(dayAt(1, 9)).Active(), c.clearable)
		}
		if again := f.Record(Screen(nil), dayAt(2, 9)); again.Active() != c.clearable {
			t.Errorf("tier %s answered again without the sign: got active %v, want %v", f.Tier, again.Active(), c.clearable)
		}
	}
}

func TestWalkGoal(t *testing.T) {
	walks := []LoggedWalk{{dayAt(6, 12), 60}, {dayAt(7, 9), 10}, {dayAt(8, 9), 15}, {dayAt(8, 17), 5}, {dayAt(9, 9), 10}}
	cases := []struct {
		name      string
		standing  Standing
		mornings  []MorningRating
		now       time.Time
		wantMin   int // this week
		wantDays  int
		wantGoal  int
		wantWeeks int
		wantShort bool
	}{
		{"week from Monday; level 1, first week", Start(1, dayAt(0, 8)), dailyMornings(0, 3), dayAt(8, 20), 30, 2, 10, 3, false},
		{"level 4 after 20 weeks: 25 min on 5 days", Standing{Level: 4, Since: dayAt(0, 8)}, dailyMornings(-140, 3), dayAt(8, 20), 30, 2, 25, 5, false},
		{"level 2 after a year: held to its dose", Standing{Level: 2, Since: dayAt(0, 8)}, dailyMornings(-365, 3), dayAt(8, 20), 30, 2, 15, 5, false},
		{"flare: short walks", StartFlaring(dayAt(7, 6)), dailyMornings(0, 3), dayAt(8, 20), 30, 2, WalkShortMax, 7, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(History{Mornings: c.mornings, Walks: walks, Standing: c.standing}, c.now)
			w := d.Walk
			if w.Minutes != c.wantMin || w.Days != c.wantDays || w.GoalMinutes != c.wantGoal || w.GoalDays != c.wantWeeks || w.Short != c.wantShort {
				t.Errorf("got %+v; want %d min on %d days, goal %d min on %d days, short %v", w, c.wantMin, c.wantDays, c.wantGoal, c.wantWeeks, c.wantShort)
			}
			if w.Reason.Source != SourceWalking {
				t.Errorf("got source %q, want walking", w.Reason.Source)
			}
		})
	}
}

// Leg pain of 8 reaching the foot, day after day, with the back calm at 3
// and "tight after sitting": the back's good mornings do not end the flare
// early while the legs are worse, and no day offers stretching, during the
// flare or after it (CLINICAL.md §7.1, §7.5). Found by replaying the
// trajectory through steady import and steady status -at.
func TestLegsKeepStretchingAway(t *testing.T) {
	in := History{Standing: Start(1, dayAt(0, 6)), StepsInLevel: testSteps}
	for day := range 16 {
		m := MorningRating{Time: dayAt(day, 7), BackPain: 3, LegPain: 2, Tightness: 4, Cause: CauseInactivity, LegReach: ReachThigh}
		if day >= 7 {
			m.LegPain, m.LegReach = 8, ReachFoot
		}
		in.Mornings = append(in.Mornings, m)
		d := Decide(in, dayAt(day, 8))
		in.Standing = d.Standing
		var rules []string
		for _, r := range d.Explanation {
			rules = append(rules, string(r.Rule))
		}
		t.Logf("day %2d: leg %d %v → %s level %d, mobility %v, see a clinician %v %v", day, m.LegPain, m.LegReach, d.Mode, d.Level, d.MobilityAllowed, d.SeeClinician, rules)
		if day >= 7 && d.MobilityAllowed {
			t.Errorf("day %d: stretching offered with leg pain 8 reaching the foot", day)
		}
		for _, r := range d.Explanation {
			if r.Rule == RuleFlareEndedEarly {
				t.Errorf("day %d: the flare ended early while the leg pain is 8 in the foot", day)
			}
		}
		if day >= 9 && !d.SeeClinician {
			t.Errorf("day %d: leg pain 8 on 3 mornings and no suggestion to see a clinician", day)
		}
	}
}
