package program

import (
	"fmt"
	"testing"
)

// A trajectory is a person's days: the morning check-in (nil: no check-in
// that day) and the session done at what Steady offered (nil: none).
type trajectory struct {
	name    string
	days    int
	start   Standing
	morning func(day int) *MorningRating
	session func(day int, d Decision) *SessionOutcome
	numb    []int // days with new numbness or weakness reported at 07:00
	check   func(t *testing.T, days []Decision)
}

// replay runs a trajectory as the window does: check-in at 07:00, decision
// at 08:00, session at 18:00, the returned Standing stored and passed back,
// dose steps from the built-in routine. It returns the 08:00 decision of
// each day and logs the path.
func replay(t *testing.T, tr trajectory) []Decision {
	t.Helper()
	in := History{Standing: tr.start, StepsInLevel: Builtin().StepsInLevel}
	out := make([]Decision, tr.days)
	for day := range tr.days {
		if m := tr.morning(day); m != nil {
			m.Time = dayAt(day, 7)
			in.Mornings = append(in.Mornings, *m)
		}
		for _, n := range tr.numb {
			if n == day {
				in.NumbWeak = append(in.NumbWeak, dayAt(day, 7))
			}
		}
		d := Decide(in, dayAt(day, 8))
		in.Standing = d.Standing
		out[day] = d
		again := Decide(in, dayAt(day, 8))
		if !again.Standing.Equal(d.Standing) || again.Level != d.Level || again.DoseStep != d.DoseStep {
			t.Errorf("day %d: deciding again gave level %d step %d, standing %+v; want %d, %d, %+v",
				day, again.Level, again.DoseStep, again.Standing, d.Level, d.DoseStep, d.Standing)
		}
		if (d.Mode == Flare || d.Mode == CalmDownToday || !d.ExerciseAllowed) && d.MobilityAllowed {
			t.Errorf("day %d: mobility offered in %s", day, d.Mode)
		}
		note := ""
		if d.ExerciseAllowed && tr.session != nil {
			if s := tr.session(day, d); s != nil {
				s.Time, s.Level, s.DoseStep = dayAt(day, 18), d.Level, d.DoseStep
				in.Sessions = append(in.Sessions, *s)
				in.Standing = Decide(in, dayAt(day, 19)).Standing
				note = fmt.Sprintf(" session %s", Lights(in, dayAt(day, 19))[len(in.Sessions)-1].Color)
			}
		}
		m := "—"
		if n := len(in.Mornings); n > 0 && in.Mornings[n-1].Time.Equal(dayAt(day, 7)) {
			r := in.Mornings[n-1]
			m = fmt.Sprintf("back %d leg %d reach %d", r.BackPain, r.LegPain, r.LegReach)
		}
		t.Logf("day %2d  %-24s %-18s L%d s%d  standing L%d s%d  see %-5v review %-5v mob %-5v%s",
			day, m, d.Mode, d.Level, d.DoseStep, d.Standing.Level, d.Standing.DoseStep, d.SeeClinician, d.SuggestReview, d.MobilityAllowed, note)
	}
	return out
}

func rate(back int) *MorningRating {
	return &MorningRating{BackPain: back, Tightness: back, Cause: CauseInactivity}
}

func easyGreen(int, Decision) *SessionOutcome {
	return &SessionOutcome{MaxPainDuring: 2, PainAfter: 1, LegSpread: SpreadNone, Felt: FeltEasy}
}

func advances(days []Decision) []int {
	var out []int
	for i, d := range days {
		if d.Mode == Advance {
			out = append(out, i)
		}
	}
	return out
}

func firstDay(days []Decision, f func(Decision) bool) int {
	for i, d := range days {
		if f(d) {
			return i
		}
	}
	return -1
}

func TestSimulations(t *testing.T) {
	trajectories := []trajectory{
		{
			name: "steady improvement: 5 to 2 over 6 weeks, then 2; every session green and easy",
			days: 84, start: Start(1, dayAt(0, 8)),
			morning: func(d int) *MorningRating { return rate(max(5-d/14, 2)) },
			session: easyGreen,
			check: func(t *testing.T, days []Decision) {
				if n := len(advances(days)); n < 8 {
					t.Errorf("got %d moves up in 12 weeks, want at least 8 (one a week or so)", n)
				}
				for i, d := range days {
					if d.Mode == Flare || d.SeeClinician || d.SuggestReview {
						t.Errorf("day %d: got %s, see %v, review %v; want none for a person improving", i, d.Mode, d.SeeClinician, d.SuggestReview)
					}
				}
			},
		},
		{
			name: "flare and recovery: back 3, a morning of 7 on day 20",
			days: 42, start: Standing{Level: 3, Since: dayAt(0, 8)},
			morning: func(d int) *MorningRating {
				if d == 20 {
					return rate(7)
				}
				return rate(3)
			},
			session: easyGreen,
			check: func(t *testing.T, days []Decision) {
				before := days[19].Standing.Level
				for d := 20; d <= 22; d++ {
					if days[d].Mode != Flare || days[d].Level != 0 {
						t.Errorf("day %d: got %s at level %d, want flare at level 0", d, days[d].Mode, days[d].Level)
					}
				}
				if days[23].Mode == Flare || days[23].Level != before-1 {
					t.Errorf("day 23: got %s at level %d, want back at level %d", days[23].Mode, days[23].Level, before-1)
				}
				if firstDay(days[23:], func(d Decision) bool { return d.Mode == Advance }) < 0 {
					t.Error("got no move up after the flare, want progress to resume")
				}
			},
		},
		{
			name: "leg symptoms spread then settle: back 3, leg 2 thigh; 5 below knee on day 14; 8 in the foot days 17-19; settle from day 20",
			days: 35, start: Standing{Level: 2, Since: dayAt(0, 8)},
			morning: func(d int) *MorningRating {
				m := rate(3)
				m.LegPain, m.LegReach = 2, ReachThigh
				switch {
				case d >= 14 && d <= 16:
					m.LegPain, m.LegReach = 5, ReachBelowKnee
				case d >= 17 && d <= 19:
					m.LegPain, m.LegReach = 8, ReachFoot
				}
				return m
			},
			session: easyGreen,
			check: func(t *testing.T, days []Decision) {
				if days[14].Mode != Flare || days[14].MobilityAllowed {
					t.Errorf("day 14 (newly below the knee): got %s, mobility %v; want flare, none", days[14].Mode, days[14].MobilityAllowed)
				}
				if days[17].Mode != Flare || days[17].Standing.Level != 1 {
					t.Errorf("day 17 (newly the foot): got %s at standing level %d; want flare, still level 1 (one level per flare)", days[17].Mode, days[17].Standing.Level)
				}
				if !days[19].SeeClinician {
					t.Error("day 19: leg pain 8 on 3 mornings in a week, want see a clinician")
				}
				if days[27].Mode == Flare || days[27].SeeClinician || days[27].Standing.Level != 1 {
					t.Errorf("day 27 (settled a week): got %s, see %v, level %d; want training at level 1, no referral", days[27].Mode, days[27].SeeClinician, days[27].Standing.Level)
				}
			},
		},
		{
			name: "severe persistent pain: 9 to 10 every morning from day 10",
			days: 24, start: Standing{Level: 2, Since: dayAt(0, 8)},
			morning: func(d int) *MorningRating {
				if d >= 10 {
					return rate(9 + d%2)
				}
				return rate(3)
			},
			session: easyGreen,
			check: func(t *testing.T, days []Decision) {
				first := firstDay(days, func(d Decision) bool { return d.SeeClinician })
				if first < 10 || first > 16 {
					t.Errorf("got the first referral on day %d, want within a week of day 10", first)
				}
				if first >= 0 && days[first].Mode != Flare {
					t.Errorf("day %d: got %s, want the referral in flare mode", first, days[first].Mode)
				}
				if lv := days[23].Standing.Level; lv != 1 {
					t.Errorf("day 23: got standing level %d, want 1 (a long flare costs one level)", lv)
				}
				if !days[23].SeeClinician {
					t.Error("day 23: want the referral to stay while the pain does")
				}
			},
		},
		{
			name: "pain creeping up a point a fortnight: 1 to 6 over ten weeks",
			days: 70, start: Start(1, dayAt(0, 8)),
			morning: func(d int) *MorningRating { return rate(1 + d/14) },
			session: easyGreen,
			check: func(t *testing.T, days []Decision) {
				for _, a := range advances(days) {
					if a > 35 {
						t.Errorf("got a move up on day %d, want progression stopped within weeks (by day 35)", a)
					}
				}
				if firstDay(days, func(d Decision) bool { return d.Mode == HoldProgress || d.Mode == Flare || d.Mode == HoldSeeClinician }) > 35 {
					t.Error("want a hold or a flare within five weeks")
				}
			},
		},
		{
			name: "plateau at 3 for 8 weeks, sessions never easy: review at 6 weeks",
			days: 56, start: Start(1, dayAt(0, 8)),
			morning: func(int) *MorningRating { return rate(3) },
			session: func(int, Decision) *SessionOutcome {
				return &SessionOutcome{MaxPainDuring: 2, Felt: FeltOK, LegSpread: SpreadNone}
			},
			check: func(t *testing.T, days []Decision) {
				if got := firstDay(days, func(d Decision) bool { return d.SuggestReview }); got != 42 {
					t.Errorf("got the first review on day %d, want day 42", got)
				}
			},
		},
		{
			name: "plateau at 2: low and steady, no review",
			days: 56, start: Start(1, dayAt(0, 8)),
			morning: func(int) *MorningRating { return rate(2) },
			session: func(int, Decision) *SessionOutcome {
				return &SessionOutcome{MaxPainDuring: 2, Felt: FeltOK, LegSpread: SpreadNone}
			},
			check: func(t *testing.T, days []Decision) {
				if got := firstDay(days, func(d Decision) bool { return d.SuggestReview }); got >= 0 {
					t.Errorf("got a review on day %d, want none at baseline 2", got)
				}
				if !explains(days[50], RuleLowSteady, vals{"to": 2}) {
					t.Errorf("day 50: got %+v, want the low-and-steady reason", days[50].Explanation)
				}
			},
		},
		{
			name: "sparse check-ins: every other morning, every session green",
			days: 56, start: Start(1, dayAt(0, 8)),
			morning: func(d int) *MorningRating {
				if d%2 == 1 {
					return nil
				}
				return rate(3)
			},
			session: easyGreen,
			check: func(t *testing.T, days []Decision) {
				if n := len(advances(days)); n < 4 {
					t.Errorf("got %d moves up in 8 weeks, want progress at least every other week", n)
				}
			},
		},
		{
			name: "always amber: pain 5 in every session at baseline 1",
			days: 42, start: Start(2, dayAt(0, 8)),
			morning: func(int) *MorningRating { return rate(1) },
			session: func(int, Decision) *SessionOutcome {
				return &SessionOutcome{MaxPainDuring: 5, Felt: FeltEasy, LegSpread: SpreadNone}
			},
			check: func(t *testing.T, days []Decision) {
				if n := len(advances(days)); n != 0 {
					t.Errorf("got %d moves up, want none while every session is amber", n)
				}
				if days[10].Mode != Repeat || days[41].Standing.Level != 2 {
					t.Errorf("got %s on day 10, level %d on day 41; want repeat at level 2", days[10].Mode, days[41].Standing.Level)
				}
			},
		},
		{
			name: "erratic days: back 2 to 6 and sessions of every colour, deterministic",
			days: 70, start: Start(2, dayAt(0, 8)),
			morning: func(d int) *MorningRating { return rate(2 + (d*7)%5) },
			session: func(d int, _ Decision) *SessionOutcome {
				pains := []int{2, 3, 4, 2, 6, 1, 2}
				return &SessionOutcome{MaxPainDuring: pains[d%7], Felt: []Felt{FeltEasy, FeltOK, FeltHard}[d%3], LegSpread: SpreadNone}
			},
			check: func(t *testing.T, days []Decision) {
				for i, d := range days {
					if d.Level < 0 || d.Level > TopLevel || d.Standing.Level < 0 {
						t.Errorf("day %d: got level %d, standing %d; want within the routine", i, d.Level, d.Standing.Level)
					}
				}
				if n := len(advances(days)); n > 2 {
					t.Errorf("got %d moves up on erratic days, want few", n)
				}
			},
		},
		// A physiotherapist's case: tight after a long drive. Stretching
		// fits tightness from sitting still, but never on a morning the leg
		// symptoms spread, whatever the cause (CLINICAL.md §1, §7.1).
		{
			name: "tight after a long drive, and on the day the leg symptoms spread",
			days: 14, start: Standing{Level: 2, Since: dayAt(0, 8)},
			morning: func(d int) *MorningRating {
				m := rate(3)
				m.LegReach = ReachButtock
				if d == 10 {
					m.LegReach = ReachThigh
				}
				return m
			},
			session: easyGreen,
			check: func(t *testing.T, days []Decision) {
				if !days[9].MobilityAllowed {
					t.Error("day 9: tight from sitting, no flare: want stretching offered")
				}
				if days[10].MobilityAllowed || days[10].Mode != CalmDownToday || days[10].Mode == Advance {
					t.Errorf("day 10: got %s, mobility %v; want a calm-down day without stretching", days[10].Mode, days[10].MobilityAllowed)
				}
			},
		},
		// A physiotherapist's case: new numbness mentioned in a morning
		// check-in mid-programme must pause everything until the safety
		// questions are answered again (§7.6), then carry on.
		{
			name: "new numbness in a check-in pauses exercise until re-screened",
			days: 14, start: Standing{Level: 2, Since: dayAt(0, 8)},
			morning: func(int) *MorningRating { return rate(3) },
			session: easyGreen,
			numb:    []int{6},
			check: func(t *testing.T, days []Decision) {
				for d := 6; d < 14; d++ {
					if !days[d].Rescreen || days[d].ExerciseAllowed {
						t.Errorf("day %d: got rescreen %v, exercise %v; want paused until answered again", d, days[d].Rescreen, days[d].ExerciseAllowed)
					}
				}
			},
		},
		// A physiotherapist's case: one hard session (a red) in a good run
		// is a step back for a day, not a flare (§3).
		{
			name: "one red session in a good run: a calm-down evening and one dose step, no flare",
			days: 28, start: Standing{Level: 3, DoseStep: 1, Since: dayAt(0, 8)},
			morning: func(int) *MorningRating { return rate(3) },
			session: func(d int, dec Decision) *SessionOutcome {
				if d == 5 {
					return &SessionOutcome{MaxPainDuring: 7, Felt: FeltHard, LegSpread: SpreadNone}
				}
				return easyGreen(d, dec)
			},
			check: func(t *testing.T, days []Decision) {
				if days[6].Standing.Level != 3 || days[6].Standing.DoseStep != 0 || days[6].Mode == Flare {
					t.Errorf("day 6: got %s at level %d step %d; want level 3 step 1 of the routine, no flare", days[6].Mode, days[6].Standing.Level, days[6].Standing.DoseStep)
				}
				if firstDay(days[6:], func(d Decision) bool { return d.Mode == Advance }) < 0 {
					t.Error("want progress to resume after one red session")
				}
			},
		},
	}
	for _, tr := range trajectories {
		t.Run(tr.name, func(t *testing.T) {
			tr.check(t, replay(t, tr))
		})
	}
}
