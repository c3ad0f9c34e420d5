package gui

import (
	"time"

	"fyne.io/fyne/v2"

	"steady/locale"
	"steady/program"
)

// nextReminder is when the daily reminder at clock time hhmm ("07:30") is next
// due after now, in now's location.
func nextReminder(now time.Time, hhmm string) (time.Time, bool) {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return time.Time{}, false
	}
	due := time.Date(now.Year(), now.Month(), now.Day(), t.Hour(), t.Minute(), 0, 0, now.Location())
	if !due.After(now) {
		due = due.AddDate(0, 0, 1)
	}
	return due, true
}

// remind runs for the life of the app: at the reminder time, when reminders
// are on and today's session is not done yet, it sends a desktop
// notification. It reads the preferences each time, so changes in Settings
// apply without a restart.
func (u *UI) remind(doneToday func() bool, stop <-chan struct{}) {
	p := u.app.Preferences()
	r := reminder{
		clock: u.opt.Coach.Clock(),
		setting: func() (string, bool) {
			return p.StringWithFallback(prefReminderTime, defaultReminderTime), p.Bool(prefReminder)
		},
		doneToday: doneToday,
		notify: func() {
			u.app.SendNotification(fyne.NewNotification("Steady", locale.L("Time for today's session. It takes about 15 minutes.")))
		},
	}
	r.run(stop)
}

// A reminder waits on a clock for the daily reminder time.
type reminder struct {
	clock     program.Clock
	setting   func() (hhmm string, on bool) // read each time
	doneToday func() bool
	notify    func()
}

// run notifies at each reminder time that finds reminders on and today's
// session not done, until stop closes. It looks again at least hourly, so
// a changed time or clock is followed.
func (r reminder) run(stop <-chan struct{}) {
	for {
		wait := time.Minute
		hhmm, _ := r.setting()
		now := r.clock.Now()
		if due, ok := nextReminder(now, hhmm); ok {
			wait = min(due.Sub(now), time.Hour)
		}
		woke := make(chan struct{})
		t := r.clock.AfterFunc(wait, func() { close(woke) })
		select {
		case <-stop:
			t.Stop()
			return
		case <-woke:
		}
		now = r.clock.Now()
		hhmm, on := r.setting()
		due, ok := nextReminder(now.Add(-time.Minute), hhmm)
		if !ok || now.Before(due) || !on || r.doneToday() {
			continue
		}
		r.notify()
	}
}
