package journalview

import (
	"image/color"
	"math"
	"math/rand/v2"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"steady/coach"
	"steady/journal"
	"steady/program"
)

// testNow is the moment the tests pretend it is: a Friday evening.
var testNow = time.Date(2026, time.March, 20, 19, 30, 0, 0, time.UTC)

func fixedNow() time.Time { return testNow }

// sampleDay is one day of a realistic journal: a morning check-in, often a
// session with ratings before and after it.
type sampleDay struct {
	morning         rating
	session         bool
	before, after   rating
	sessionLevel    int
	sessionDuration time.Duration
}

// sampleJournal makes days days of a person slowly getting better over
// three months, with a flare in the middle and a few missed days.
func sampleJournal(days int) []sampleDay {
	rng := rand.New(rand.NewPCG(7, 11))
	clamp := func(v float64) int { return max(0, min(10, int(math.Round(v)))) }
	var out []sampleDay
	start := startOfDay(testNow).AddDate(0, 0, -days+1)
	for i := range days {
		day := start.AddDate(0, 0, i)
		if rng.IntN(9) == 0 && i < days-1 {
			continue // a day without a check-in
		}
		f := float64(i) / float64(days)
		flare := 0.0
		if d := float64(i) - float64(days)*0.45; d >= 0 && d < 6 {
			flare = 3 * (1 - d/6)
		}
		back := 6.2 - 3.2*f + flare + rng.NormFloat64()*0.6
		leg := 4.0 - 3.0*f + flare*0.7 + rng.NormFloat64()*0.5
		tight := 5.5 - 2.5*f + flare*0.8 + rng.NormFloat64()*0.7
		d := sampleDay{morning: rating{
			at:   day.Add(7*time.Hour + time.Duration(rng.IntN(50))*time.Minute),
			back: clamp(back), leg: clamp(leg), tightness: clamp(tight), morning: true,
		}}
		if flare == 0 && rng.IntN(5) != 0 {
			d.session = true
			at := day.Add(17*time.Hour + time.Duration(rng.IntN(90))*time.Minute)
			d.before = rating{at: at, back: clamp(back - 0.5), leg: clamp(leg - 0.3), tightness: clamp(tight - 1)}
			d.sessionDuration = time.Duration(12+rng.IntN(10)) * time.Minute
			d.after = rating{at: at.Add(d.sessionDuration + 5*time.Minute), back: clamp(back - 1), leg: clamp(leg - 0.5), tightness: clamp(tight - 2)}
			d.sessionLevel = 1 + int(3*f)
		}
		out = append(out, d)
	}
	return out
}

// recordsOf are the records as the application hands them to the Journal
// screen (coach.Records): the baseline and its band as the rules work them
// out (program.Baseline, program.Band) from the Morning entries up to now.
func recordsOf(es []journal.Entry, ss []journal.Session, ws []journal.Walk, now time.Time) coach.Records {
	r := coach.Records{Entries: es, Sessions: ss, Walks: ws}
	var mornings []program.MorningRating
	for _, e := range es {
		if e.Kind == journal.Morning && !e.Time.After(now) {
			mornings = append(mornings, program.MorningRating{Time: e.Time, BackPain: e.BackPain, LegPain: e.LegPain,
				Tightness: e.Tightness, Cause: e.Cause, LegReach: e.LegReach})
		}
	}
	r.Baseline, r.Ready = program.Baseline(mornings, now)
	r.Band = program.Band(r.Baseline)
	r.Mornings = min(len(mornings), program.BaselineWindow)
	return r
}

// variantTheme is Fyne's default theme fixed to one variant, so golden
// images look as the app does in light or dark mode.
type variantTheme struct{ variant fyne.ThemeVariant }

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, t.variant)
}
func (t variantTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (t variantTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
func (t variantTheme) Size(n fyne.ThemeSizeName) float32       { return theme.DefaultTheme().Size(n) }

// sampleRecords is a sample journal of days days as journal entries and
// sessions, oldest first: realistic notes on a few days, lights from the
// pain during each session, and the level rising as the person improves.
func sampleRecords(days int) ([]journal.Entry, []journal.Session) {
	var es []journal.Entry
	var ss []journal.Session
	notes := []string{"Long drive yesterday, stiff getting up.", "Slept badly.", "Walked to the shops without trouble."}
	for i, d := range sampleJournal(days) {
		m := d.morning
		e := journal.Entry{Time: m.at, Kind: journal.Morning, BackPain: m.back, LegPain: m.leg, Tightness: m.tightness,
			Cause: program.CauseInactivity, LegReach: program.ReachButtock}
		if m.back >= 6 {
			e.Cause, e.LegReach = program.CausePain, program.ReachThigh
		}
		if m.tightness == 0 {
			e.Cause = program.CauseNone
		}
		if m.leg == 0 {
			e.LegReach = program.ReachNone
		}
		if i%9 == 4 {
			e.Note = notes[(i/9)%len(notes)]
		}
		es = append(es, e)
		if !d.session {
			continue
		}
		es = append(es,
			journal.Entry{Time: d.before.at, Kind: journal.BeforeSession, BackPain: d.before.back, LegPain: d.before.leg, Tightness: d.before.tightness, Cause: program.CauseInactivity},
			journal.Entry{Time: d.after.at, Kind: journal.AfterSession, BackPain: d.after.back, LegPain: d.after.leg, Tightness: d.after.tightness, Cause: program.CauseInactivity})
		during := max(0, d.before.back-2)
		light := program.Green
		switch {
		case during > 5:
			light = program.Red
		case during >= 4:
			light = program.Amber
		}
		felt := program.FeltOK
		if during <= 2 {
			felt = program.FeltEasy
		}
		end := d.before.at.Add(2*time.Minute + d.sessionDuration)
		// A light is final a day after its session, as the rules have it
		// (a next-morning rating may make it final sooner).
		ss = append(ss, journal.Session{
			Time: end, Started: end.Add(-d.sessionDuration), Routine: "steady",
			Level: d.sessionLevel, DoseStep: doseStep(d.morning.at, days), Duration: d.sessionDuration,
			MaxPainDuring: during, PainAfter: d.after.back, Felt: felt, Light: light,
			Final: !end.After(testNow.Add(-24 * time.Hour)),
		})
	}
	return es, ss
}

// doseStep is the sample's dose step on day at: three steps a level, the
// level rising at thirds of the sample (as sampleJournal's levels do).
func doseStep(at time.Time, days int) int {
	start := startOfDay(testNow).AddDate(0, 0, -days+1)
	f := float64(daysBetween(start, startOfDay(at))) / float64(days)
	return int(9*f) % 3
}
