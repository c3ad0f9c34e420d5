package gui

import (
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

	"steady/program"
)

// todayModel is everything the Today screen shows, gathered from the journal,
// the routine and the progression rules.
type todayModel struct {
	Now          time.Time
	Decision     program.Decision
	Flag         program.FlagState
	LevelName    string
	LevelSummary string
	Steps        int           // dose steps in the offered level
	Minutes      time.Duration // how long today's session takes
	WalkGoal     string        // e.g. "Walk 10–15 minutes, twice today"
	Mobility     bool          // gentle mobility work is part of today's session
	MorningDone  bool          // a morning check-in exists today
	AfterSession bool          // yesterday had a session: this morning's rating judges it
	Week         []dayMark     // Monday to Sunday of this week
}

// dayMark is one day of the week at a glance.
type dayMark struct {
	Day     time.Time
	Session bool
	Light   program.Color // the day's last session's light; empty if none or provisional
}

// todayActions are what the Today screen's buttons do.
type todayActions struct {
	checkIn  func()
	start    func()
	cleared  func() // the user confirms a clinician cleared them
	rescreen func() // answer the safety questions again
}

// todayView is the Today screen; it rebuilds its content from a model.
type todayView struct {
	win     fyne.Window
	actions todayActions
	box     *fyne.Container
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

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func greeting(t time.Time) string {
	switch h := t.Hour(); {
	case h < 12:
		return "Good morning"
	case h < 18:
		return "Good afternoon"
	}
	return "Good evening"
}

// show rebuilds the screen for m.
func (v *todayView) show(m todayModel) {
	objs := []fyne.CanvasObject{
		heading(greeting(m.Now), theme.SizeNameHeadingText),
		widget.NewLabel(m.Now.Format("Monday 2 January")),
	}
	if m.Flag.Active() {
		objs = append(objs, v.flagCard(m.Flag))
		v.box.Objects = objs
		v.box.Refresh()
		return
	}
	if !m.MorningDone {
		objs = append(objs, v.checkInCard(m))
	}
	objs = append(objs, v.planCard(m))
	if notes := decisionNotes(m.Decision); notes != "" {
		objs = append(objs, widget.NewCard("", "", wrapped(notes)))
	}
	objs = append(objs, weekCard(m.Week, m.Now))
	v.box.Objects = objs
	v.box.Refresh()
}

func (v *todayView) flagCard(f program.FlagState) fyne.CanvasObject {
	text := "At your last safety check you ticked a warning sign. " +
		"Steady suggests no exercises until a clinician has seen you."
	cleared := &widget.Button{Text: "A clinician has cleared me to exercise", OnTapped: func() {
		confirm := widget.NewLabel("Please confirm that a doctor or physiotherapist has seen you about\n" +
			"what you ticked, and that they are happy for you to exercise.")
		dialog.NewCustomConfirm("Cleared by a clinician?", "Yes, I have been cleared", "Cancel", confirm,
			func(yes bool) {
				if yes {
					v.actions.cleared()
				}
			}, v.win).Show()
	}}
	again := &widget.Button{Text: "Answer the safety questions again", OnTapped: v.actions.rescreen}
	return widget.NewCard(referralHeading(f.Tier), "",
		container.NewVBox(wrapped(text), container.NewHBox(cleared, again)))
}

func (v *todayView) checkInCard(m todayModel) fyne.CanvasObject {
	text := "A quick rating of your back, legs and tightness. It takes a few seconds " +
		"and tells Steady how hard to go today."
	if m.AfterSession {
		text = "You did a session yesterday. This morning's rating tells Steady how your back took it."
	}
	b := &widget.Button{Text: "Morning check-in", Icon: theme.DocumentCreateIcon(), Importance: widget.HighImportance,
		OnTapped: v.actions.checkIn}
	title := "How is your back this morning?"
	if m.Now.Hour() >= 12 {
		title = "How is your back today?"
	}
	return widget.NewCard(title, "", container.NewVBox(wrapped(text), container.NewHBox(b)))
}

// modeLine says in a few words what kind of day it is.
func modeLine(m todayModel) string {
	d := m.Decision
	switch d.Mode {
	case program.Flare:
		return "Flare mode until " + d.FlareUntil.Format("Monday") + ": calm-down exercises only, no stretching."
	case program.CalmDownToday:
		return "Calm-down day: your last session was hard on your back, so today stays gentle."
	case program.Advance:
		return "Moving on: your back has handled the last step well."
	case program.Repeat:
		return "Same dose again: your last session was a little much."
	case program.HoldSeeClinician:
		return "Holding steady at this step for now."
	}
	if m.Steps > 1 {
		return fmt.Sprintf("Dose step %d of %d.", d.DoseStep+1, m.Steps)
	}
	return ""
}

func (v *todayView) planCard(m todayModel) fyne.CanvasObject {
	d := m.Decision
	title := heading(fmt.Sprintf("Level %d · %s", d.Level, m.LevelName), theme.SizeNameSubHeadingText)
	parts := []fyne.CanvasObject{title}
	if line := modeLine(m); line != "" {
		parts = append(parts, wrapped(line))
	}
	if m.LevelSummary != "" {
		parts = append(parts, wrapped(m.LevelSummary))
	}
	if m.Mobility {
		parts = append(parts, wrapped("Your back is tight from sitting still and there is no flare, "+
			"so today's session ends with some gentle mobility work."))
	}
	if m.WalkGoal != "" {
		parts = append(parts, container.NewHBox(widget.NewIcon(theme.NavigateNextIcon()), widget.NewLabel(m.WalkGoal)))
	}
	why := &widget.Button{Text: "Why this level?", Icon: theme.QuestionIcon(), OnTapped: func() { v.showWhy(d) }}
	start := &widget.Button{
		Text:       fmt.Sprintf("Start today's session  (about %d min)", int(m.Minutes.Round(time.Minute)/time.Minute)),
		Icon:       theme.MediaPlayIcon(),
		Importance: widget.HighImportance,
		OnTapped:   v.actions.start,
	}
	startRow := container.NewGridWrap(fyne.NewSize(420, 64), start)
	parts = append(parts, container.NewHBox(why), widget.NewSeparator(), startRow)
	return widget.NewCard("Today's session", "", container.NewVBox(parts...))
}

func (v *todayView) showWhy(d program.Decision) {
	var b strings.Builder
	for _, r := range d.Explanation {
		b.WriteString("- " + r.Text + "\n")
	}
	b.WriteString("\n*" + program.AboutText + "*")
	text := widget.NewRichTextFromMarkdown(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, 360))
	dialog.NewCustom("Why this level?", "Close", scroll, v.win).Show()
}

// decisionNotes are the progression rules' suggestions beyond the level.
func decisionNotes(d program.Decision) string {
	var notes []string
	if d.SeeClinician {
		notes = append(notes, "Your pain or tightness has risen two weeks running. Steady is holding your level; "+
			"it would be sensible to see a doctor or physiotherapist.")
	}
	if d.SuggestReview {
		notes = append(notes, "Your pain has not improved by a meaningful amount (2 points or 30 %) over the last "+
			"weeks. Consider asking a clinician to review your plan.")
	}
	if d.Rescreen {
		notes = append(notes, "You reported new numbness or weakness. Please answer the safety questions again.")
	}
	return strings.Join(notes, "\n\n")
}

// weekCard shows this week's days with a mark for each day with a session:
// a filled circle with a tick, so it does not rely on colour.
func weekCard(week []dayMark, now time.Time) fyne.CanvasObject {
	row := container.NewHBox()
	done := 0
	for _, d := range week {
		if d.Session {
			done++
		}
		row.Add(dayBadge(d, sameDay(d.Day, now)))
	}
	sub := "No sessions yet this week"
	switch {
	case done == 1:
		sub = "1 session so far"
	case done > 1:
		sub = fmt.Sprintf("%d sessions so far", done)
	}
	return widget.NewCard("This week", sub, row)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

func dayBadge(d dayMark, today bool) fyne.CanvasObject {
	fg := theme.Color(theme.ColorNameForeground)
	circle := canvas.NewCircle(color.Transparent)
	circle.StrokeColor = fg
	circle.StrokeWidth = 2
	mark := canvas.NewText("", fg)
	mark.Alignment = fyne.TextAlignCenter
	mark.TextStyle.Bold = true
	if d.Session {
		circle.FillColor = lightColour(d.Light)
		circle.StrokeColor = circle.FillColor
		mark.Text = "✓"
		mark.Color = color.White
	}
	label := canvas.NewText(d.Day.Format("Mon"), fg)
	label.Alignment = fyne.TextAlignCenter
	label.TextStyle.Bold = today
	badge := container.NewStack(circle, container.NewCenter(mark))
	return container.NewVBox(container.NewGridWrap(fyne.NewSize(40, 40), badge), label)
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
