package gui

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/explain"
	"steady/gui/journalview"
	"steady/gui/keys"
	"steady/locale"
	"steady/program"
)

// todayActions are what the Today screen's buttons do.
type todayActions struct {
	checkIn  func()
	start    func()
	cleared  func() // the user confirms a clinician cleared them
	rescreen func() // answer the safety questions again
	logWalk  func() // log a walk
	// The activities the back makes hard (CLINICAL.md §8): name them,
	// save a weekly re-rating (activity id to score), replace one.
	nameActivities  func()
	rateFunction    func(scores map[string]int) error
	replaceActivity func(id, name string)
}

// todayView is the Today screen; it rebuilds its content from a model.
type todayView struct {
	win     fyne.Window
	actions todayActions
	box     *fyne.Container
	main    *keys.Button // what Enter presses: the first thing to do today
}

func newTodayView(win fyne.Window, actions todayActions) *todayView {
	return &todayView{win: win, actions: actions, box: container.NewVBox()}
}

func (v *todayView) content() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(v.box))
}

func heading(text string, size fyne.ThemeSizeName) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = size
	l.Wrapping = fyne.TextWrapWord
	return l
}

// card is a card whose title and subtitle wrap: the toolkit's own card
// draws its title on one line, which a long title in a long language
// (German, larger text) would make wider than the window.
func card(title, subtitle string, body fyne.CanvasObject) *widget.Card {
	parts := []fyne.CanvasObject{heading(title, theme.SizeNameHeadingText)}
	if subtitle != "" {
		parts = append(parts, wrapped(subtitle))
	}
	return widget.NewCard("", "", container.NewVBox(append(parts, body)...))
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func greeting(t time.Time) string {
	switch h := t.Hour(); {
	case h < 12:
		return locale.L("Good morning")
	case h < 18:
		return locale.L("Good afternoon")
	}
	return locale.L("Good evening")
}

// show rebuilds the screen for a day the application worked out.
func (v *todayView) show(m coach.Day) {
	loc := locale.Current()
	objs := []fyne.CanvasObject{
		heading(greeting(m.Now), theme.SizeNameHeadingText),
		widget.NewLabel(locale.L("{{.Weekday}} {{.Day}} {{.Month}}", locale.Args{
			"Weekday": loc.Weekday(m.Now.Weekday()), "Day": m.Now.Day(), "Month": loc.Month(m.Now.Month())})),
	}
	v.main = nil
	// The weekly re-rating of the activities is quick, like the check-in,
	// and comes right after it.
	rerate := func() {
		if m.Function.Due {
			objs = append(objs, v.rerateCard(m.Function))
		}
	}
	switch {
	case m.Flag.Active():
		objs = append(objs, v.flagCard(m.Flag))
		rerate()
	case m.Decision.Rescreen:
		objs = append(objs, v.rescreenCard(m))
		rerate()
	default:
		if !m.MorningDone {
			objs = append(objs, v.checkInCard(m))
		}
		rerate()
		objs = append(objs, v.planCard(m))
		if notes := explain.Notes(m.Decision); len(notes) > 0 {
			objs = append(objs, widget.NewCard("", "", wrapped(strings.Join(notes, "\n\n"))))
		}
	}
	objs = append(objs, v.walkCard(m), weekCard(m.Week, m.Now))
	if len(m.Function.Current) == 0 {
		objs = append(objs, v.nameLink())
	}
	v.box.Objects = objs
	v.box.Refresh()
}

// rescreenCard pauses exercise after a report of new numbness or weakness
// and offers the safety questions (CLINICAL.md §7.6).
func (v *todayView) rescreenCard(m coach.Day) fyne.CanvasObject {
	text := locale.L("You reported new numbness or weakness. Steady pauses the exercises until you have answered " +
		"the safety questions again. If you have numbness around the groin or bottom, trouble with your " +
		"bladder or bowel, or weakness in both legs, get medical help now.")
	again := keys.NewButton(locale.L("Answer the safety questions again"), nil, widget.HighImportance, v.actions.rescreen)
	v.main = again
	return card(locale.L("Exercise paused"), "", container.NewVBox(wrapped(text), container.NewHBox(again)))
}

// rerateCard offers the weekly re-rating of the activities the user named
// right on Today: a number for each, then Enter (CLINICAL.md §8).
func (v *todayView) rerateCard(f coach.Function) fyne.CanvasObject {
	r := journalview.NewRerate(f)
	r.OnSave = func(scores map[string]int) error {
		if err := v.actions.rateFunction(scores); err != nil {
			return err
		}
		// The card goes with the save: its scales must not keep the keys,
		// or another Enter would save the ratings again.
		v.win.Canvas().Unfocus()
		return nil
	}
	r.OnReplace = v.actions.replaceActivity
	save := keys.NewButton(locale.L("Save ratings"), theme.ConfirmIcon(), widget.MediumImportance, r.Save)
	return card(locale.L("How are your activities this week?"),
		locale.L("A few seconds: a number for each (0 unable, 10 as before), then Enter."),
		container.NewVBox(r.Content(), container.NewHBox(save)))
}

// nameLink offers, quietly, to name the activities the back makes hard
// when none are named.
func (v *todayView) nameLink() fyne.CanvasObject {
	return container.NewHBox(keys.NewButton(locale.L("Track what your back makes hard…"), theme.ContentAddIcon(),
		widget.LowImportance, v.actions.nameActivities))
}

// walkCard shows this week's walking against the goal and logs a walk
// (CLINICAL.md §7.8).
func (v *todayView) walkCard(m coach.Day) fyne.CanvasObject {
	w := m.Decision.Walk
	text := explain.Walk(w)
	log := keys.NewButton(locale.L("Log a walk  (Ctrl+L)"), theme.ContentAddIcon(), widget.MediumImportance, v.actions.logWalk)
	body := container.NewVBox(container.NewHBox(log))
	if text != "" { // no goal while exercise is paused: the walk can still be logged
		body.Objects = append([]fyne.CanvasObject{wrapped(text)}, body.Objects...)
	}
	return card(locale.L("Walking"), "", body)
}

func (v *todayView) flagCard(f program.FlagState) fyne.CanvasObject {
	text := locale.L("At your last safety check you ticked a warning sign. " +
		"Steady suggests no exercises until a clinician has seen you.")
	again := keys.NewButton(locale.L("Answer the safety questions again"), nil, widget.MediumImportance, v.actions.rescreen)
	if !f.SelfClearable() {
		// No "cleared" shortcut for the emergency and same-day tiers
		// (CLINICAL.md §7.6): the questions, answered again without the
		// sign, lift it.
		text += " " + locale.L("When a clinician has seen you and the sign has gone, answer the safety questions again.")
		return card(referralHeading(f.Tier), "", container.NewVBox(wrapped(text), container.NewHBox(again)))
	}
	cleared := keys.NewButton(locale.L("A clinician has cleared me to exercise"), nil, widget.MediumImportance, func() {
		confirm := widget.NewLabel(locale.L("Please confirm that a doctor or physiotherapist has seen you about\n" +
			"what you ticked, and that they are happy for you to exercise."))
		keys.Confirm(v.win, locale.L("Cleared by a clinician?"), confirm, fyne.Size{}, locale.L("Cancel"), locale.L("Yes, I have been cleared"), widget.HighImportance,
			func(yes bool) {
				if yes {
					v.actions.cleared()
				}
			})
	})
	return card(referralHeading(f.Tier), "",
		container.NewVBox(wrapped(text), container.NewHBox(cleared, again)))
}

func (v *todayView) checkInCard(m coach.Day) fyne.CanvasObject {
	text := locale.L("A quick rating of your back, legs and tightness. It takes a few seconds " +
		"and tells Steady how hard to go today.")
	if m.AfterSession {
		text = locale.L("You did a session yesterday. This morning's rating tells Steady how your back took it.")
	}
	b := keys.NewButton(locale.L("Morning check-in"), theme.DocumentCreateIcon(), widget.HighImportance, v.actions.checkIn)
	v.main = b
	title := locale.L("How is your back this morning?")
	if m.Now.Hour() >= 12 {
		title = locale.L("How is your back today?")
	}
	return card(title, "", container.NewVBox(wrapped(text), container.NewHBox(b)))
}

// modeLine says in a few words what kind of day it is.
func modeLine(m coach.Day) string {
	if line := explain.Mode(m.Decision); line != "" {
		return line
	}
	if m.Steps > 1 {
		return locale.L("Dose step {{.Step}} of {{.Total}}.", locale.Args{"Step": m.Decision.DoseStep + 1, "Total": m.Steps})
	}
	return ""
}

func (v *todayView) planCard(m coach.Day) fyne.CanvasObject {
	d := m.Decision
	title := heading(locale.L("Level {{.Level}} · {{.Name}}", locale.Args{"Level": d.Level, "Name": m.Level.Name}), theme.SizeNameSubHeadingText)
	parts := []fyne.CanvasObject{title}
	if line := modeLine(m); line != "" {
		parts = append(parts, wrapped(line))
	}
	if m.Level.Summary != "" {
		parts = append(parts, wrapped(m.Level.Summary))
	}
	if m.Mobility {
		parts = append(parts, wrapped(locale.L("Your back is tight from sitting still and there is no flare, "+
			"so today's session ends with some gentle mobility work.")))
	}
	why := keys.NewButton(locale.L("Why this level?"), theme.QuestionIcon(), widget.MediumImportance, func() { v.showWhy(d) })
	start := keys.NewButton(locale.L("Start today's session  (about {{.Minutes}} min)", locale.Args{"Minutes": int(m.Minutes.Round(time.Minute) / time.Minute)}),
		theme.MediaPlayIcon(), widget.HighImportance, v.actions.start)
	if v.main == nil {
		v.main = start
	}
	startRow := container.NewGridWrap(fyne.NewSize(420, 64), start)
	parts = append(parts, container.NewHBox(why), widget.NewSeparator(), startRow)
	return card(locale.L("Today's session"), "", container.NewVBox(parts...))
}

func (v *todayView) showWhy(d program.Decision) {
	var b strings.Builder
	for _, r := range explain.Why(d) {
		b.WriteString("- " + r + "\n")
	}
	b.WriteString("\n*" + explain.About() + "*")
	text := widget.NewRichTextFromMarkdown(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, 360))
	keys.Inform(v.win, locale.L("Why this level?"), scroll, fyne.Size{}, locale.L("Close"), nil)
}

// weekCard shows this week's days with a mark for each day with a session:
// a filled circle with a tick, so it does not rely on colour.
func weekCard(week []coach.DayMark, now time.Time) fyne.CanvasObject {
	row := container.NewHBox()
	done := 0
	for _, d := range week {
		if d.Sessions > 0 {
			done++
		}
		row.Add(dayBadge(d, sameDay(d.Day, now)))
	}
	sub := locale.L("No sessions yet this week")
	provisional := false
	for _, d := range week {
		provisional = provisional || (d.Sessions > 0 && !d.Light.Final)
	}
	if done > 0 {
		sub = locale.N("{{.Count}} sessions so far", done)
	}
	if provisional {
		sub += " · " + locale.L("a ring is a light still waiting for the next morning's check-in")
	}
	return card(locale.L("This week"), sub, row)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

func dayBadge(d coach.DayMark, today bool) fyne.CanvasObject {
	fg := theme.Color(theme.ColorNameForeground)
	circle := canvas.NewCircle(color.Transparent)
	circle.StrokeColor = fg
	circle.StrokeWidth = 2
	mark := canvas.NewText("", fg)
	mark.Alignment = fyne.TextAlignCenter
	mark.TextStyle.Bold = true
	switch {
	case d.Sessions > 0 && d.Light.Final:
		circle.FillColor = lightColour(d.Light.Color)
		circle.StrokeColor = circle.FillColor
		mark.Text = "✓"
		mark.Color = color.White
	case d.Sessions > 0:
		// A provisional light is a ring in its colour, not a filled disc,
		// with the tick in the same colour: tomorrow morning confirms it.
		circle.StrokeColor = lightColour(d.Light.Color)
		circle.StrokeWidth = 3
		mark.Text = "✓"
		mark.Color = circle.StrokeColor
	}
	label := canvas.NewText(locale.Current().WeekdayShort(d.Day.Weekday()), fg)
	label.Alignment = fyne.TextAlignCenter
	label.TextStyle.Bold = today
	walked := canvas.NewText("", fg)
	walked.Alignment = fyne.TextAlignCenter
	walked.TextSize = theme.CaptionTextSize()
	if d.WalkMinutes > 0 {
		walked.Text = locale.L("{{.Minutes}}′ walk", locale.Args{"Minutes": d.WalkMinutes})
	}
	badge := container.NewStack(circle, container.NewCenter(mark))
	return container.NewVBox(container.NewGridWrap(fyne.NewSize(40, 40), badge), label, walked)
}

// lightColour is a traffic light's colour; a session without a final light
// shows in the theme's primary colour.
func lightColour(c program.Color) color.Color {
	switch c {
	case program.Green:
		return color.NRGBA{R: 0x2e, G: 0x9e, B: 0x5b, A: 0xff}
	case program.Amber:
		return color.NRGBA{R: 0xd9, G: 0x8b, B: 0x0b, A: 0xff}
	case program.Red:
		return color.NRGBA{R: 0xc6, G: 0x3b, B: 0x30, A: 0xff}
	}
	return theme.Color(theme.ColorNamePrimary)
}
