package coach

import (
	"time"

	"steady/journal"
	"steady/program"
)

// A Day is everything Today shows, worked out by the rules as of one
// moment.
type Day struct {
	Now time.Time
	// Started: the first run is done. Without it nothing else is set.
	Started  bool
	Decision program.Decision
	Flag     program.FlagState
	// Level is the offered level (its name, summary and walking dose);
	// Steps is how many dose steps it has.
	Level program.Level
	Steps int
	// Plan is today's session; Minutes how long it takes. Mobility: it
	// ends with gentle mobility work (only on a day the rules allow it).
	Plan     program.Plan
	Minutes  time.Duration
	Mobility bool
	// MorningDone: there is a morning check-in today. AfterSession:
	// yesterday had a session, so this morning's rating judges it.
	MorningDone  bool
	AfterSession bool
	// Week is Monday to Sunday of this week.
	Week []DayMark
	// Last is the latest session up to now, with the light the rules give
	// it now; nil if none.
	Last *journal.Session
}

// A DayMark is one day of the week at a glance.
type DayMark struct {
	Day         time.Time
	Sessions    int
	Light       program.Light // the day's last session's light; zero if none
	WalkMinutes int
}

// Today works out today as of now: the rules' decision (storing the
// standing they return, as opening the window always has), the plan, and
// the week. Records dated after now are left out.
func (c *Coach) Today(t Timing) (Day, error) { return c.DayAt(c.clock.Now(), t) }

// DayAt is Today as of at.
func (c *Coach) DayAt(at time.Time, t Timing) (Day, error) {
	day := Day{Now: at}
	var h program.History
	err := c.j.Update(func(tx *journal.Tx) error {
		ok, err := started(tx)
		if err != nil || !ok {
			return err
		}
		day.Started = true
		if day.Decision, h, err = c.decideTx(tx, at); err != nil {
			return err
		}
		sessions, err := judgeTx(tx, h, at)
		if err != nil {
			return err
		}
		return c.fillWeek(tx, &day, sessions)
	})
	if err != nil || !day.Started {
		return day, err
	}
	day.Flag = h.Flag
	d := day.Decision
	if l, ok := c.routine.Level(d.Level); ok {
		day.Level, day.Steps = l, len(l.Steps)
	}
	if p, err := c.plan(d, t); err == nil {
		day.Plan = p
		day.Minutes = p.Timeline().Total()
		day.Mobility = d.MobilityAllowed && len(c.routine.Mobility) > 0 && !p.Flare
	}
	return day, nil
}

// fillWeek adds this week's days, this morning's check-in and the latest
// session to day, from the sessions up to day.Now with their lights.
func (c *Coach) fillWeek(tx *journal.Tx, day *Day, sessions []journal.Session) error {
	at := day.Now
	today := midnight(at)
	end := at.Add(time.Nanosecond)
	entries, err := tx.Entries(today, end)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Kind == journal.Morning {
			day.MorningDone = true
		}
	}
	mon := monday(at)
	for i := range 7 {
		day.Week = append(day.Week, DayMark{Day: mon.AddDate(0, 0, i)})
	}
	yesterday := today.AddDate(0, 0, -1)
	for _, s := range sessions {
		if sameDay(s.Time, yesterday) {
			day.AfterSession = true
		}
		if i := dayIndex(mon, s.Time); i >= 0 {
			day.Week[i].Sessions++
			day.Week[i].Light = program.Light{Color: s.Light, Final: s.Final, MorningUnknown: s.MorningUnknown}
		}
	}
	if n := len(sessions); n > 0 {
		last := sessions[n-1]
		day.Last = &last
	}
	walks, err := tx.Walks(mon, end)
	if err != nil {
		return err
	}
	for _, w := range walks {
		if i := dayIndex(mon, w.Time); i >= 0 {
			day.Week[i].WalkMinutes += w.Minutes
		}
	}
	return nil
}

// dayIndex is which day of the week starting at mon t falls on; -1 outside.
func dayIndex(mon, t time.Time) int {
	if t.Before(mon) {
		return -1
	}
	for i := range 7 {
		if t.Before(mon.AddDate(0, 0, i+1)) {
			return i
		}
	}
	return -1
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// SessionDoneToday reports whether a session is already in the journal
// today, so the reminder keeps quiet.
func (c *Coach) SessionDoneToday() bool {
	now := c.clock.Now()
	s, err := c.j.Sessions(midnight(now), now.Add(time.Nanosecond))
	return err == nil && len(s) > 0
}

// Begun reports whether the first run is done: the safety questions
// answered and a starting point chosen.
func (c *Coach) Begun() (bool, error) {
	var ok bool
	err := c.j.View(func(tx *journal.Tx) error {
		var err error
		ok, err = started(tx)
		return err
	})
	return ok, err
}
