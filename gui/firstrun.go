package gui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/explain"
	"steady/gui/journalview"
	"steady/gui/keys"
	"steady/locale"
	"steady/program"
)

// firstRunResult is what a new user told Steady before their first session.
type firstRunResult struct {
	At       time.Time
	Answers  map[string]bool // red-flag question ID -> yes
	Referral program.Referral
	// Cleared: the user confirmed that a clinician has already checked what
	// they ticked and cleared them to exercise.
	Cleared bool
	// StartLevel is the level to start at; -1 when exercise waits for a
	// clinician. Flaring: "my back is flaring up right now", flare mode at
	// level 0.
	StartLevel int
	Flaring    bool
	// Rescreen: the questions were answered again by a user who has a
	// level already.
	Rescreen bool
	// Activities are the activities the back makes hard that the user
	// named and rated, if they did not choose Later (CLINICAL.md §8).
	Activities []coach.NamedActivity
}

// A level a new user may start at.
type levelChoice struct {
	Number  int
	Name    string
	Summary string
}

// firstRun walks a new user through what Steady is, the red-flag questions
// and where to start. It replaces the window's content until done.
type firstRun struct {
	levels  []levelChoice
	now     func() time.Time
	onDone  func(firstRunResult)
	answers map[string]bool
	page    *fyne.Container
	result  firstRunResult
	// rescreen: only the safety questions, for a user who already has a
	// level; a screening that finds nothing ends there. cancel leaves them
	// unanswered.
	rescreen bool
	cancel   func()
	// win, when set, gets the page's keys: Enter presses the page's main
	// button (the last one, when enabled), Escape its first of several:
	// Back or Cancel.
	win        fyne.Window
	main, back *keys.Button
	// start and startLevel are the starting point chosen, kept while the
	// user names activities and comes back.
	start, startLevel string
}

func newFirstRun(levels []levelChoice, now func() time.Time, onDone func(firstRunResult)) *firstRun {
	f := &firstRun{levels: levels, now: now, onDone: onDone, answers: map[string]bool{}}
	f.page = container.NewStack()
	f.showWelcome()
	return f
}

// typedKey is the page's keyboard: Enter (or keypad Enter) presses the
// main button and Escape goes back, as a click would, when the button is
// enabled and nothing focused took the key first.
func (f *firstRun) typedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		keys.Press(f.main)
	case fyne.KeyEscape:
		keys.Press(f.back)
	}
}

// content is the first-run screen.
func (f *firstRun) content() fyne.CanvasObject { return f.page }

func (f *firstRun) show(title string, body fyne.CanvasObject, buttons ...*keys.Button) {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	bar := container.NewHBox(layout.NewSpacer())
	for _, b := range buttons {
		bar.Add(b)
	}
	f.main, f.back = nil, nil
	if len(buttons) > 0 {
		f.main = buttons[len(buttons)-1]
	}
	if len(buttons) > 1 {
		f.back = buttons[0]
	}
	if f.win != nil {
		f.win.Canvas().SetOnTypedKey(f.typedKey)
		// The focus goes with the page it was on: kept on a field that is
		// gone, it would swallow the next page's Enter.
		f.win.Canvas().Unfocus()
	}
	f.page.Objects = []fyne.CanvasObject{container.NewPadded(container.NewBorder(
		heading, container.NewVBox(widget.NewSeparator(), bar), nil, nil,
		container.NewVScroll(body)))}
	// A page that is not in the window yet has no size. Laying it out now
	// would wrap its paragraphs at zero width, a line per word, only to do
	// it again at the window's width: that wasted pass was most of the cost
	// of showing the welcome. The page is laid out when it is given a size.
	if !f.page.Size().IsZero() {
		f.page.Refresh()
	}
}

func paragraph(markdown string) *widget.RichText {
	t := widget.NewRichTextFromMarkdown(markdown)
	t.Wrapping = fyne.TextWrapWord
	return t
}

func (f *firstRun) showWelcome() {
	icon := newIcon(96)
	why := &widget.Hyperlink{Text: locale.L("Why Steady works this way")}
	why.OnTapped = func() {
		text := paragraph(aboutApproach())
		scroll := container.NewVScroll(text)
		scroll.SetMinSize(fyne.NewSize(560, 380))
		if f.win != nil {
			keys.Inform(f.win, locale.L("Why Steady works this way"), scroll, fyne.Size{}, locale.L("Close"), nil)
		}
	}
	body := container.NewVBox(
		container.NewHBox(icon),
		paragraph(welcomeText()),
		widget.NewCard("", "", paragraph("**"+notAClinician()+"**")),
		container.NewHBox(why),
		paragraph(locale.L("Next come a few safety questions, then you choose where to start. "+
			"It takes about two minutes. Press Enter to go on.")),
	)
	next := keys.NewButton(locale.L("Continue"), nil, widget.HighImportance, f.showScreening)
	f.show(locale.L("Welcome to Steady"), body, next)
}

// welcomeText is the idea in three sentences, for a person who may be in
// pain right now; the evidence is one link away, and in About.
func welcomeText() string {
	return locale.L("The idea Steady follows: when your low back is irritated, its muscles tighten to protect it. " +
		"So Steady helps you steady your back rather than stretch it, with short daily exercises and gentle walks. " +
		"It builds up level by level, and only as fast as your pain allows.")
}

func (f *firstRun) showScreening() {
	intro := paragraph(locale.L("Some back problems need a clinician rather than exercise. "+
		"Tick each statement that is true for you **now**. If none is, tick nothing.") +
		"\n\n*" + explain.ScreeningSources() + "*")
	list := container.NewVBox(intro, widget.NewSeparator())
	for _, q := range program.Questions() {
		id := q.ID
		list.Add(newStatement(explain.Question(q), f.answers[id], func(yes bool) { f.answers[id] = yes }).row())
	}
	back := keys.NewButton(locale.L("Back"), nil, widget.MediumImportance, f.showWelcome)
	if f.rescreen {
		back = keys.NewButton(locale.L("Cancel"), nil, widget.MediumImportance, f.cancel)
	}
	next := keys.NewButton(locale.L("Continue"), nil, widget.HighImportance, f.screen)
	f.show(locale.L("Safety questions"), list, back, next)
}

// screen judges the answers and shows what follows from them.
func (f *firstRun) screen() {
	r := program.Screen(f.answers)
	f.result = firstRunResult{At: f.now(), Answers: copyAnswers(f.answers), Referral: r, StartLevel: -1, Rescreen: f.rescreen}
	if !r.StopsExercise() {
		if f.rescreen {
			f.onDone(f.result)
			return
		}
		f.showStart()
		return
	}
	guidance := paragraph("**" + referralHeading(r.Tier) + "**\n\n" + explain.Guidance(r.Tier))
	later := keys.NewButton(locale.L("Not yet — close"), nil, widget.MediumImportance, func() { f.onDone(f.result) })
	back := keys.NewButton(locale.L("Back"), nil, widget.MediumImportance, f.showScreening)
	if !(program.FlagState{Raised: f.result.At, Tier: r.Tier}).SelfClearable() {
		// An emergency or same-day sign has no "a clinician cleared me"
		// shortcut: exercise resumes only when the questions are answered
		// again without it (CLINICAL.md §7.6).
		again := wrapped(locale.L("When a clinician has seen you and the sign has gone, answer these questions again " +
			"(Settings › Answer the safety questions again) and Steady goes on."))
		f.show(locale.L("Please see a clinician first"), container.NewVBox(guidance, widget.NewSeparator(), again), back, later)
		return
	}
	next := keys.NewButton(locale.L("Continue"), nil, widget.HighImportance, nil)
	next.Disable()
	cleared := newStatement(locale.L("A clinician has already assessed this and cleared me to exercise"), false, func(on bool) {
		if on {
			next.Enable()
		} else {
			next.Disable()
		}
	})
	next.OnTapped = func() {
		f.result.Cleared = true
		if f.rescreen {
			f.onDone(f.result)
			return
		}
		f.showStart()
	}
	f.show(locale.L("Please see a clinician first"), container.NewVBox(guidance, widget.NewSeparator(), cleared.row()), back, later, next)
}

// referralHeading names what a referral asks, in a few calm words.
func referralHeading(t program.Tier) string {
	switch t {
	case program.EmergencyNow:
		return locale.L("Get medical help now.")
	case program.SameDay:
		return locale.L("See a doctor today.")
	case program.SeeDoctorSoon:
		return locale.L("See your doctor soon.")
	}
	return locale.L("No warning signs.")
}

func copyAnswers(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		if v {
			out[k] = true
		}
	}
	return out
}

// Starting points offered to a new user, as the choice shows them: the
// language is chosen once per run, so a label read now matches the one
// shown.
func startFlare() string  { return locale.L("My back is flaring up right now") }
func startLevel1() string { return locale.L("Start at the beginning (recommended)") }
func startLater() string  { return locale.L("I already do these exercises: start at a later level") }

func (f *firstRun) showStart() {
	name := func(n int) string {
		for _, l := range f.levels {
			if l.Number == n {
				return locale.L("Level {{.Level}} · {{.Name}}", locale.Args{"Level": l.Number, "Name": l.Name})
			}
		}
		return locale.L("Level {{.Level}}", locale.Args{"Level": n})
	}
	var later []string
	for _, l := range f.levels {
		if l.Number >= 2 {
			later = append(later, name(l.Number))
		}
	}
	laterLevel := widget.NewSelect(later, func(s string) { f.startLevel = s })
	laterLevel.PlaceHolder = locale.L("Choose a level")
	laterLevel.Disable()
	detail := widget.NewLabel("")
	detail.Wrapping = fyne.TextWrapWord
	choice := widget.NewRadioGroup([]string{startFlare(), startLevel1(), startLater()}, nil)
	choice.Required = true
	choice.OnChanged = func(s string) {
		f.start = s
		laterLevel.Disable()
		switch s {
		case startFlare():
			detail.SetText(locale.L("{{.Choice}}: gentle breathing with a light brace, positions of comfort and short walks. "+
				"No stretching. Steady moves you on when your pain settles.", locale.Args{"Choice": name(0)}))
		case startLevel1():
			detail.SetText(locale.L("{{.Choice}}: learning to brace the trunk while you breathe, then adding small leg movements.", locale.Args{"Choice": name(1)}))
		case startLater():
			laterLevel.Enable()
			detail.SetText(locale.L("Choose the level whose exercises you can already do without a flare-up."))
		}
	}
	if f.start == "" {
		f.start = startLevel1()
	}
	choice.SetSelected(f.start)
	if f.startLevel != "" {
		laterLevel.SetSelected(f.startLevel)
	}
	// chosen puts the starting point into the result; false, with a word
	// on the page, when a later level is wanted but none is chosen.
	chosen := func() bool {
		f.result.StartLevel, f.result.Flaring = -1, false
		switch choice.Selected {
		case startFlare():
			f.result.StartLevel, f.result.Flaring = 0, true
		case startLevel1():
			f.result.StartLevel = 1
		case startLater():
			for _, l := range f.levels {
				if name(l.Number) == laterLevel.Selected {
					f.result.StartLevel = l.Number
				}
			}
			if f.result.StartLevel < 2 {
				detail.SetText(locale.L("Please choose a level first."))
				return false
			}
		}
		return true
	}
	finish := keys.NewButton(locale.L("Start using Steady"), nil, widget.HighImportance, func() {
		if chosen() {
			f.onDone(f.result)
		}
	})
	activities := keys.NewButton(locale.L("Name activities first…"), nil, widget.MediumImportance, func() {
		if chosen() {
			f.showActivities()
		}
	})
	back := keys.NewButton(locale.L("Back"), nil, widget.MediumImportance, f.showScreening)
	body := container.NewVBox(
		paragraph(locale.L("Steady builds up level by level and moves you on only when your pain allows. "+
			"You can always go back down.")),
		choice, laterLevel, detail,
		widget.NewSeparator(),
		paragraph(locale.L("If you like, name a few everyday activities your back makes hard first, so Steady can show "+
			"what you can do, not only how much it hurts. Or press Enter to start now: you can name them later.")))
	f.show(locale.L("Where would you like to start?"), body, back, activities, finish)
}

// showActivities asks for the activities the back makes hard, each rated
// from 0 to 10, with the Journal's naming form. Later skips them; either
// way the first run ends here.
func (f *firstRun) showActivities() {
	n := journalview.NewNaming(program.MaxActivities)
	n.OnSave = func(list []coach.NamedActivity) error {
		f.result.Activities = list
		f.onDone(f.result)
		return nil
	}
	n.OnCancel = f.showStart
	later := keys.NewButton(locale.L("Later"), nil, widget.MediumImportance, func() {
		f.result.Activities = nil
		f.onDone(f.result)
	})
	back := keys.NewButton(locale.L("Back"), nil, widget.MediumImportance, f.showStart)
	save := keys.NewButton(locale.L("Save and start"), nil, widget.HighImportance, n.Save)
	body := container.NewVBox(paragraph(journalview.NamingIntro()+
		"\n\n"+locale.L("Not now? Choose **Later**: Today and the Journal offer it again whenever you like.")), n.Content())
	f.show(locale.L("What does your back make hard?"), body, back, later, save)
	if f.win != nil {
		f.win.Canvas().Focus(n.Names[0])
	}
}
