package gui

// How the screens work together: the journal and the routine feed Today;
// Today starts a session; a finished session goes into the journal, and the
// progression rules say what changes next time.

import (
	"errors"
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/gui/journalview"
	"steady/journal"
	"steady/program"
)

// ShowProblem fills w with a calm message that stops Steady from starting,
// such as a second Steady already running; closing it quits.
func ShowProblem(a fyne.App, w fyne.Window, title, message string) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	quit := &widget.Button{Text: "Close", OnTapped: a.Quit}
	w.SetContent(container.NewPadded(container.NewVBox(
		heading(title, theme.SizeNameHeadingText), text, container.NewHBox(quit))))
	w.Resize(fyne.NewSize(520, 200))
	w.SetFixedSize(true)
}

// now is the time as the window sees it.
func (u *UI) now() time.Time { return u.opt.Now() }

// decide applies the progression rules to the journal as of now and stores
// the standing they return.
func (u *UI) decide(now time.Time) (program.Decision, program.History, error) {
	h, err := u.opt.Journal.History(now)
	if err != nil {
		return program.Decision{}, h, err
	}
	h.StepsInLevel = u.opt.Routine.StepsInLevel
	d := program.Decide(h, now)
	if !d.Standing.Equal(h.Standing) {
		if err := u.opt.Journal.SetStanding(d.Standing); err != nil {
			return d, h, err
		}
	}
	return d, h, nil
}

// plan is today's session for a decision: the level's dose step, with the
// mobility work added on a day it is allowed.
func (u *UI) plan(d program.Decision) (program.Plan, error) {
	p := u.app.Preferences()
	getReady := time.Duration(p.IntWithFallback(prefGetReady, defaultGetReady)) * time.Second
	rest := time.Duration(p.IntWithFallback(prefRest, defaultRest)) * time.Second
	flare := d.Mode == program.Flare || d.Mode == program.CalmDownToday
	plan, err := u.opt.Routine.Plan(d.Level, min(d.DoseStep, u.opt.Routine.StepsInLevel(d.Level)-1), flare, getReady, rest)
	if err != nil {
		return plan, err
	}
	if d.MobilityAllowed && !flare {
		plan.Items = append(plan.Items, u.opt.Routine.MobilityItems()...)
	}
	return plan, nil
}

// todayModel gathers what the Today screen shows.
func (u *UI) todayModel(now time.Time) (todayModel, error) {
	d, h, err := u.decide(now)
	if err != nil {
		return todayModel{}, err
	}
	return u.todayModelFor(now, d, h)
}

// todayModelFor gathers what the Today screen shows for a decision already
// made at now on history h.
func (u *UI) todayModelFor(now time.Time, d program.Decision, h program.History) (todayModel, error) {
	m := todayModel{Now: now, Decision: d, Flag: h.Flag}
	if l, ok := u.opt.Routine.Level(d.Level); ok {
		m.LevelName, m.LevelSummary, m.WalkGoal = l.Name, l.Summary, l.WalkGoal
		m.Steps = len(l.Steps)
	}
	if plan, err := u.plan(d); err == nil {
		m.Minutes = plan.Timeline().Total()
		m.Mobility = d.MobilityAllowed && len(u.opt.Routine.Mobility) > 0 && !plan.Flare
	}
	today := midnight(now)
	entries, err := u.opt.Journal.Entries(today.AddDate(0, 0, -1), today.AddDate(0, 0, 1))
	if err != nil {
		return m, err
	}
	for _, e := range entries {
		if e.Kind == journal.Morning && !e.Time.Before(today) {
			m.MorningDone = true
		}
		if e.NumbWeak && e.Time.After(h.Flag.Screened) {
			m.Decision.Rescreen = true
		}
	}
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	sessions, err := u.opt.Journal.Sessions(monday.AddDate(0, 0, -1), monday.AddDate(0, 0, 7))
	if err != nil {
		return m, err
	}
	for i := range 7 {
		m.Week = append(m.Week, dayMark{Day: monday.AddDate(0, 0, i)})
	}
	for _, s := range sessions {
		if sameDay(s.Time, today.AddDate(0, 0, -1)) {
			m.AfterSession = true
		}
		if i := int(s.Time.Sub(monday) / (24 * time.Hour)); !s.Time.Before(monday) && i < 7 {
			m.Week[i].Session, m.Week[i].Light = true, s.Light
		}
	}
	return m, nil
}

func midnight(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, t.Location())
}

// refreshToday recomputes and shows the Today screen.
func (u *UI) refreshToday() {
	now := u.now()
	d, h, err := u.decide(now)
	if err != nil {
		u.showError("Steady could not read your journal", err)
		return
	}
	u.showToday(now, d, h)
}

// showToday shows the Today screen for a decision made at now on history h.
func (u *UI) showToday(now time.Time, d program.Decision, h program.History) {
	m, err := u.todayModelFor(now, d, h)
	if err != nil {
		u.showError("Steady could not read your journal", err)
		return
	}
	u.mainTabs() // Today lives in the navigation shell
	u.today.show(m)
	u.todayAt = now
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

// sessionDoneToday reports whether today's session is already done, so the
// reminder keeps quiet.
func (u *UI) sessionDoneToday() bool {
	today := midnight(time.Now())
	s, err := u.opt.Journal.Sessions(today, today.AddDate(0, 0, 1))
	return err == nil && len(s) > 0
}

func (u *UI) showError(title string, err error) {
	dialog.ShowError(fmt.Errorf("%s: %w", title, err), u.win)
}

// showSaveProblem says why what could not be saved, in plain words.
func (u *UI) showSaveProblem(what string, err error) {
	dialog.ShowError(errors.New(journalview.SaveProblem(what, err)), u.win)
}

// journalChanged is called after the journal view saved, edited or deleted
// a record.
func (u *UI) journalChanged() {
	u.refreshToday()
}

// showMain shows the navigation shell.
func (u *UI) showMain() {
	u.setBody(u.mainTabs())
	u.refreshToday()
}

// setBody replaces what the window shows under its size floor.
func (u *UI) setBody(o fyne.CanvasObject) {
	u.body.Objects = []fyne.CanvasObject{o}
	u.body.Refresh()
}

// levelChoices are the routine's levels for the first-run choice.
func (u *UI) levelChoices() []levelChoice {
	var out []levelChoice
	for _, l := range u.opt.Routine.Levels {
		out = append(out, levelChoice{Number: l.Number, Name: l.Name, Summary: l.Summary})
	}
	return out
}

// showFirstRun walks a new user through the welcome, the safety questions
// and where to start.
func (u *UI) showFirstRun() {
	f := newFirstRun(u.levelChoices(), u.now, u.firstRunDone)
	u.setBody(f.content())
}

func (u *UI) firstRunDone(r firstRunResult) {
	j := u.opt.Journal
	flag, err := j.Flag()
	if err == nil {
		flag = flag.Record(r.Referral, r.At)
		if r.Cleared {
			flag = flag.Clear(r.At)
		}
		err = j.SetFlag(flag)
	}
	if err == nil {
		level := max(r.StartLevel, 1)
		if r.StartLevel == 0 {
			level = 0
		}
		_, known, serr := j.Standing()
		if serr == nil && !known {
			serr = j.SetStanding(program.Start(level, r.At))
		}
		err = serr
	}
	if err != nil {
		u.showSaveProblem("your answers", err)
	}
	u.showMain()
}

// rescreen asks the safety questions again, keeping the user's level.
func (u *UI) rescreen() {
	f := newFirstRun(u.levelChoices(), u.now, u.firstRunDone)
	f.rescreen = true
	f.showScreening()
	u.setBody(f.content())
}

// cleared records that a clinician has cleared the user to exercise.
func (u *UI) cleared() {
	j := u.opt.Journal
	flag, err := j.Flag()
	if err == nil {
		err = j.SetFlag(flag.Clear(u.now()))
	}
	if err != nil {
		u.showSaveProblem("that", err)
	}
	u.refreshToday()
}

// startSession opens today's session in the window.
func (u *UI) startSession() {
	if u.session != nil {
		return
	}
	now := u.now()
	d, _, err := u.decide(now)
	if err != nil {
		u.showError("Steady could not read your journal", err)
		return
	}
	if !d.ExerciseAllowed {
		u.showMain()
		return
	}
	plan, err := u.plan(d)
	if err != nil {
		u.showError("Steady could not plan today's session", err)
		return
	}
	started := now
	u.session = newSessionView(u.win, plan, u.opt.Clock, u.sound(), func(r sessionResult) {
		u.finishSession(plan, d, started, r)
	})
	u.setBody(u.session.content())
	u.session.start()
}

// finishSession saves a finished session, judges it and says what changes.
func (u *UI) finishSession(plan program.Plan, before program.Decision, started time.Time, r sessionResult) {
	if u.session != nil {
		u.session.close()
		u.session = nil
	}
	end := r.Ended
	if end.IsZero() {
		end = u.now()
	}
	if r.Started.IsZero() {
		r.Started = started
	}
	outcome := program.SessionOutcome{
		Time: end, Level: plan.Level, DoseStep: plan.DoseStep,
		MaxPainDuring: r.MaxPainDuring, PainAfter: r.PainAfter,
		LegSpread: r.LegSpread, NewNumbnessOrWeakness: r.NumbWeak, Felt: r.Felt,
	}
	light := program.Classify(outcome, before.Baseline)
	rec := journal.Session{
		Time: end, Started: r.Started, Routine: u.opt.Routine.Name,
		Level: plan.Level, DoseStep: plan.DoseStep, Flare: plan.Flare,
		Completed: r.Completed, Skipped: r.Skipped, Duration: r.Duration,
		MaxPainDuring: r.MaxPainDuring, PainAfter: r.PainAfter, LegSpread: r.LegSpread,
		NumbWeak: r.NumbWeak, Felt: r.Felt, StoppedForPain: r.StoppedForPain, StopReason: stopReason(r.StopCauses, r.StopNote), // integrator: journal.Session gets StopCauses and StopNote
		Light: light.Color,
	}
	// The rules judge the session once it is in the journal; what they
	// decide is kept with it.
	// Today is shown from the same decision: one pass over the journal.
	var after program.Decision
	var h program.History
	judged := end.Add(time.Second)
	saved, err := u.opt.Journal.AddSession(rec)
	if err == nil {
		after, h, err = u.decide(judged)
	}
	if err == nil {
		saved.Result = nextTimeText(after)
		err = u.opt.Journal.PutSession(saved.Time, saved)
	}
	u.setBody(u.mainTabs())
	if err == nil {
		u.showToday(judged, after, h)
	} else {
		u.refreshToday()
	}
	if u.journalView != nil {
		u.journalView.Reload()
	}
	if err != nil {
		u.showSaveProblem("this session", err)
		return
	}
	u.showLight(light, after, r.NumbWeak)
}

// nextTimeText says in a sentence what the progression rules decided.
func nextTimeText(d program.Decision) string {
	switch d.Mode {
	case program.Flare:
		return "Flare mode: calm-down exercises only until " + d.FlareUntil.Format("Monday") + "."
	case program.CalmDownToday:
		return "Calm-down exercises for the rest of today; one dose step lower from tomorrow."
	case program.Advance:
		return fmt.Sprintf("Next time: level %d, dose step %d.", d.Level, d.DoseStep+1)
	case program.Repeat:
		return "Next time: the same dose again."
	case program.HoldSeeClinician:
		return "Your level is held for now; consider seeing a clinician."
	case program.RedFlagStop:
		return "No exercise until a clinician has seen you."
	}
	return fmt.Sprintf("Next time: level %d, dose step %d.", d.Level, d.DoseStep+1)
}

// lightWords are a traffic light's name and meaning: the result is told in
// words and a shape, never by colour alone.
func lightWords(l program.Light) (title, meaning string) {
	switch l.Color {
	case program.Green:
		title, meaning = "Green — your back handled it well", "Keep going at this dose."
	case program.Amber:
		title, meaning = "Amber — a little much", "Steady repeats this dose next time rather than moving on."
	case program.Red:
		title, meaning = "Red — too much for your back today", "Steady eases off: gentler exercises for now."
	}
	if len(l.Fired) > 0 {
		var why []string
		for _, c := range l.Fired {
			why = append(why, c.Text())
		}
		meaning = "Because " + strings.Join(why, "; ") + ". " + meaning
	}
	if !l.Final && l.Color != program.Red {
		meaning += " Tomorrow morning's check-in confirms it."
	}
	return title, meaning
}

// showLight tells the user how the session went and what happens next.
func (u *UI) showLight(l program.Light, after program.Decision, numbWeak bool) {
	title, meaning := lightWords(l)
	mark := canvas.NewCircle(lightColour(l.Color))
	badge := container.NewGridWrap(fyne.NewSize(48, 48), container.NewStack(mark,
		container.NewCenter(&canvas.Text{Text: lightSymbol(l.Color), Color: color.White, TextSize: 26,
			TextStyle: fyne.TextStyle{Bold: true}})))
	body := container.NewVBox(
		container.NewBorder(nil, nil, badge, nil, heading(title, theme.SizeNameSubHeadingText)),
		wrapped(meaning), wrapped(nextTimeText(after)))
	d := dialog.NewCustom("Session saved", "OK", body, u.win)
	d.SetOnClosed(func() {
		if numbWeak {
			u.rescreen()
		}
	})
	d.Resize(fyne.NewSize(520, 280))
	d.Show()
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
