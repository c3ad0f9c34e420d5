package gui

// How the screens work together. The application layer (package coach)
// works out each day from the journal and the rules; the window shows what
// it hands back and forwards what the user does: a check-in, a session, the
// safety questions. It applies no rule and writes nothing itself.

import (
	"errors"
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/coach/session"
	"steady/explain"
	"steady/gui/journalview"
	"steady/gui/keys"
	"steady/locale"
	"steady/program"
)

// ShowProblem fills w with a calm message that stops Steady from starting,
// such as a second Steady already running; closing it quits.
func ShowProblem(a fyne.App, w fyne.Window, title, message string) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	quit := keys.NewButton(locale.L("Close"), nil, widget.HighImportance, a.Quit)
	keys.Handle(w.Canvas(), a.Quit, a.Quit)
	w.SetContent(container.NewPadded(container.NewVBox(
		heading(title, theme.SizeNameHeadingText), text, container.NewHBox(quit))))
	w.Resize(fyne.NewSize(520, 200))
	w.SetFixedSize(true)
}

// now is the time as the window sees it: the application's one clock.
func (u *UI) now() time.Time { return u.opt.Coach.Now() }

// timing is how the user likes a session paced.
func (u *UI) timing() coach.Timing {
	p := u.app.Preferences()
	return coach.Timing{
		GetReady: time.Duration(p.IntWithFallback(prefGetReady, defaultGetReady)) * time.Second,
		Rest:     time.Duration(p.IntWithFallback(prefRest, defaultRest)) * time.Second,
	}
}

// refreshToday works today out again and shows it.
func (u *UI) refreshToday() {
	day, err := u.opt.Coach.Today(u.timing())
	if err != nil {
		u.showError(locale.L("Steady could not read your journal"), err)
		return
	}
	u.showToday(day)
}

// showToday shows the Today screen for a day the application worked out.
func (u *UI) showToday(day coach.Day) {
	u.mainTabs() // Today lives in the navigation shell
	u.today.show(day)
	u.todayAt = day.Now
}

// todayStale reports whether Today was last worked out in an earlier hour:
// its greeting, its "this morning" and a flare or calm-down day that ends at
// midnight may have moved on. Changes to the journal refresh Today at once,
// so coming back to it within the hour needs no new pass over the journal,
// which reads every record.
func (u *UI) todayStale() bool {
	const hour = "2006-01-02 15" // local date and hour
	return u.now().Format(hour) != u.todayAt.In(u.now().Location()).Format(hour)
}

func (u *UI) showError(title string, err error) {
	keys.ShowError(fmt.Errorf("%s: %w", title, err), u.win)
}

// showSaveProblem says why what could not be saved, in plain words.
func (u *UI) showSaveProblem(what string, err error) {
	keys.ShowError(errors.New(journalview.SaveProblem(what, err)), u.win)
}

// journalChanged is called after the journal view saved, edited or deleted
// a record.
func (u *UI) journalChanged() {
	u.refreshToday()
}

// rateFunction saves a weekly re-rating made on Today.
func (u *UI) rateFunction(scores map[string]int) error {
	if _, err := u.opt.Coach.RateFunction(scores); err != nil {
		return errors.New(journalview.SaveProblem(locale.L("your ratings"), err))
	}
	u.functionChanged()
	return nil
}

// functionChanged follows a change to the activities or their ratings
// made outside the Journal screen: Today and, once built, the Journal show
// it.
func (u *UI) functionChanged() {
	u.refreshToday()
	if u.journalView != nil {
		u.journalView.Reload()
	}
}

// checkedIn follows a new check-in: one that reported new numbness or
// weakness pauses exercise and offers the safety questions at once
// (CLINICAL.md §7.6).
func (u *UI) checkedIn(c coach.CheckedIn) {
	if c.Rescreen {
		u.offerRescreen()
	}
}

// offerRescreen says why exercise is paused and offers the safety
// questions at once.
func (u *UI) offerRescreen() {
	text := wrapped(locale.L("You reported new numbness or weakness. Exercise is paused until you have answered the safety questions again. Answer them now?"))
	keys.Confirm(u.win, locale.L("New numbness or weakness"), text, fyne.NewSize(520, 0), locale.L("Later"), locale.L("Answer the questions"),
		widget.HighImportance, func(yes bool) {
			if yes {
				u.rescreen()
			}
		})
}

// showMain shows the navigation shell, whose keys are Today's: the first
// run's end with it.
func (u *UI) showMain() {
	u.win.Canvas().SetOnTypedKey(u.mainKey)
	u.win.Canvas().Unfocus() // the first run's focus ends with it, on a form now gone
	u.setBody(u.mainTabs())
	u.refreshToday()
}

// mainKey is the navigation shell's keyboard when nothing focused took the
// key: on Today, Enter presses its main button, the check-in or the start
// of today's session.
func (u *UI) mainKey(e *fyne.KeyEvent) {
	if u.session != nil || u.tabs == nil || u.tabs.SelectedIndex() != 0 {
		return
	}
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		keys.Press(u.today.main)
	}
}

// setBody replaces what the window shows under its size floor.
func (u *UI) setBody(o fyne.CanvasObject) {
	u.body.Objects = []fyne.CanvasObject{o}
	u.body.Refresh()
}

// levelChoices are the routine's levels for the first-run choice.
func (u *UI) levelChoices() []levelChoice {
	var out []levelChoice
	for _, l := range u.opt.Coach.Routine().Levels {
		out = append(out, levelChoice{Number: l.Number, Name: l.Name, Summary: l.Summary})
	}
	return out
}

// showFirstRun walks a new user through the welcome, the safety questions
// and where to start.
func (u *UI) showFirstRun() {
	f := newFirstRun(u.levelChoices(), u.now, u.firstRunDone)
	f.win = u.win
	f.showWelcome()
	u.setBody(f.content())
}

func (u *UI) firstRunDone(r firstRunResult) {
	var err error
	if r.Rescreen {
		_, err = u.opt.Coach.Rescreen(r.Answers, r.Cleared)
	} else {
		// A user whose exercise waits for a clinician (StartLevel -1) chose
		// no level: they begin at level 1, the recommended start, once it
		// resumes. Level 0 is the calm-down level of a flare.
		level := r.StartLevel
		if level < 0 {
			level = 1
		}
		_, err = u.opt.Coach.Begin(coach.Beginning{
			Answers: r.Answers, Cleared: r.Cleared, Level: level, Flaring: r.Flaring,
		})
	}
	if err != nil {
		u.showSaveProblem(locale.L("your answers"), err)
	} else if len(r.Activities) > 0 {
		if _, err := u.opt.Coach.NameActivities(r.Activities); err != nil {
			u.showSaveProblem(locale.L("your activities"), err)
		}
	}
	u.showMain()
}

// rescreen asks the safety questions again, keeping the user's level.
func (u *UI) rescreen() {
	if u.session != nil {
		return
	}
	f := newFirstRun(u.levelChoices(), u.now, u.firstRunDone)
	f.rescreen, f.cancel, f.win = true, u.showMain, u.win
	f.showScreening()
	u.setBody(f.content())
}

// cleared records that a clinician has cleared the user to exercise.
func (u *UI) cleared() {
	if err := u.opt.Coach.Clear(); err != nil {
		u.showSaveProblem(locale.L("that"), err)
	}
	u.refreshToday()
}

// startSession opens today's session in the window.
func (u *UI) startSession() {
	if u.session != nil {
		return
	}
	started, err := u.opt.Coach.StartSession(u.timing())
	if errors.Is(err, coach.ErrNoExercise) || errors.Is(err, coach.ErrNotStarted) {
		u.showMain()
		return
	}
	if err != nil {
		u.showError(locale.L("Steady could not plan today's session"), err)
		return
	}
	u.session = newSessionView(u.win, started.Plan, u.opt.Coach.Clock(), u.sound(), func(r session.Result) {
		u.finishSession(started, r)
	})
	u.setBody(u.session.content())
	u.session.start()
}

// finishSession hands a finished session to the application, which saves
// and judges it, and says what changes.
func (u *UI) finishSession(started coach.Started, r session.Result) {
	if u.session != nil {
		u.session.close()
		u.session = nil
	}
	done, err := u.opt.Coach.FinishSession(started, r)
	u.setBody(u.mainTabs())
	u.win.Canvas().SetOnTypedKey(u.mainKey)
	u.refreshToday()
	if u.journalView != nil {
		u.journalView.Reload()
	}
	if err != nil {
		u.showSaveProblem(locale.L("this session"), err)
		return
	}
	u.showLight(done)
}

// showLight tells the user how the session went and what happens next.
func (u *UI) showLight(done coach.Finished) {
	l := done.Light
	title, meaning := explain.Light(l)
	mark := canvas.NewCircle(lightColour(l.Color))
	badge := container.NewGridWrap(fyne.NewSize(48, 48), container.NewStack(mark,
		container.NewCenter(&canvas.Text{Text: lightSymbol(l.Color), Color: color.White, TextSize: 26,
			TextStyle: fyne.TextStyle{Bold: true}})))
	body := container.NewVBox(
		container.NewBorder(nil, nil, badge, nil, heading(title, theme.SizeNameSubHeadingText)),
		wrapped(meaning), wrapped(explain.Next(done.After)))
	keys.Inform(u.win, locale.L("Session saved"), body, fyne.NewSize(520, 0), locale.L("OK"), func() {
		if done.Rescreen {
			u.rescreen()
		}
	})
}

// lightSymbol is a traffic light's shape-independent mark.
func lightSymbol(c program.Color) string {
	switch c {
	case program.Green:
		return "✓"
	case program.Amber:
		return "="
	case program.Red:
		return "!"
	}
	return ""
}
