package gui

import (
	"time"

	"fyne.io/fyne/v2"
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
	for {
		wait := time.Minute
		if due, ok := nextReminder(time.Now(), p.StringWithFallback(prefReminderTime, defaultReminderTime)); ok {
			wait = min(time.Until(due), time.Hour)
		}
		select {
		case <-stop:
			return
		case <-time.After(wait):
		}
		now := time.Now()
		due, ok := nextReminder(now.Add(-time.Minute), p.StringWithFallback(prefReminderTime, defaultReminderTime))
		if !ok || now.Before(due) || !p.Bool(prefReminder) || doneToday() {
			continue
		}
		u.app.SendNotification(fyne.NewNotification("Steady", "Time for today's session. It takes about 15 minutes."))
	}
}
