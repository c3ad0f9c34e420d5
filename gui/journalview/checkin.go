package journalview

import (
	"image/color"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/gui/keys"
	"steady/journal"
	"steady/locale"
	"steady/program"
)

// checkInSize is the check-in dialog's size when the window has room.
var checkInSize = fyne.NewSize(816, 700)

// A checkIn is the quick check-in form: three scales, a few one-tap
// choices and an optional note. It makes a new entry, or edits one.
type checkIn struct {
	back, leg, tight *Scale
	cause, reach     *widget.RadioGroup
	numb, kind       *widget.RadioGroup
	numbNote         *widget.Label
	form             *fyne.Container
	note             *noteEntry
	count            *widget.Label
	problem          *widget.Label // why Save is not possible yet, or what went wrong
	save, cancel     *keys.Button
	scroll           *container.Scroll // around the form
	content          fyne.CanvasObject

	at     time.Time                 // the entry's time
	onSave func(journal.Entry) error // stores the entry
	done   func()                    // closes the dialog
}

// newCheckIn builds the form for entry e (its scales NoValue for a new
// one). onSave stores the entry; an error keeps the form open.
func newCheckIn(e journal.Entry, rated bool, onSave func(journal.Entry) error) *checkIn {
	c := &checkIn{at: e.Time, onSave: onSave}
	c.back = NewScale(locale.L("no pain"), locale.L("worst imaginable"), func(int) { c.check() })
	c.leg = NewScale(locale.L("no pain"), locale.L("worst imaginable"), func(int) { c.check() })
	c.tight = NewScale(locale.L("not tight"), locale.L("as tight as can be"), c.tightChanged)
	for _, s := range []*Scale{c.back, c.leg, c.tight} {
		s.OnSubmit = c.trySave
		s.OnCancel = c.close
	}

	var causes, reaches, kinds []string
	for _, x := range causeChoices() {
		causes = append(causes, x.label)
	}
	for _, x := range reachChoices() {
		reaches = append(reaches, x.label)
	}
	for _, x := range kindChoices() {
		kinds = append(kinds, x.label)
	}
	yes, no := locale.L("Yes"), locale.L("No")
	c.cause = &widget.RadioGroup{Options: causes, Horizontal: true}
	c.reach = &widget.RadioGroup{Options: reaches, Horizontal: true, Required: true}
	c.numbNote = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.MediumImportance,
		Text: locale.L("Thank you for noting it. After you save, Steady will go through the safety questions with you again.")}
	c.numbNote.Hide()
	c.numb = &widget.RadioGroup{Options: []string{no, yes}, Horizontal: true, Required: true, OnChanged: func(s string) {
		if s == yes {
			c.numbNote.Show()
		} else {
			c.numbNote.Hide()
		}
		if c.content != nil {
			c.content.Refresh()
		}
	}}
	c.kind = &widget.RadioGroup{Options: kinds, Horizontal: true, Required: true}

	c.count = &widget.Label{Alignment: fyne.TextAlignTrailing}
	c.problem = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.note = newNoteEntry(c.close)
	c.note.SetPlaceHolder(locale.L("Anything you want to remember (optional)"))
	c.note.OnChanged = func(string) { c.check() }

	c.save = keys.NewButton(locale.L("Save"), theme.ConfirmIcon(), widget.HighImportance, c.trySave)
	c.cancel = keys.NewButton(locale.L("Cancel"), theme.CancelIcon(), widget.MediumImportance, c.close)

	// Fill in e.
	if rated {
		c.back.SetValue(e.BackPain)
		c.leg.SetValue(e.LegPain)
		c.tight.SetValue(e.Tightness)
	}
	for _, x := range causeChoices() {
		if x.cause == e.Cause {
			c.cause.SetSelected(x.label)
		}
	}
	for _, x := range reachChoices() {
		if x.reach == e.LegReach {
			c.reach.SetSelected(x.label)
		}
	}
	c.numb.SetSelected(no)
	if e.NumbWeak {
		c.numb.SetSelected(yes)
	}
	for _, x := range kindChoices() {
		if x.kind == e.Kind {
			c.kind.SetSelected(x.label)
		}
	}
	c.note.SetText(e.Note)

	question := func(text string) *widget.Label {
		return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}}
	}
	c.form = container.New(layout.NewFormLayout(),
		question(locale.L("Back pain")), c.back,
		question(locale.L("Leg pain")), c.leg,
		question(locale.L("Tightness")), c.tight,
		question(locale.L("Why tight?")), c.cause,
		question(locale.L("Leg symptoms reach")), c.reach,
		question(locale.L("New numbness\nor weakness?")), container.NewVBox(c.numb, c.numbNote),
		question(locale.L("When")), c.kind,
		question(locale.L("Note")), container.NewVBox(c.note, c.count),
	)
	// The gap on the right keeps the scroll bar off the scales.
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(theme.Padding()*2, 0))
	c.scroll = container.NewVScroll(container.NewBorder(nil, nil, nil, gap, c.form))
	c.content = container.NewBorder(nil, c.problem, nil, nil, c.scroll)
	c.check()
	return c
}

// fit arranges the form for the width it has: each question's choices side
// by side while they fit, else one under another, and the questions above
// their answers when the answers have too little room beside them (a
// narrow window, larger text, a language with longer words).
func (c *checkIn) fit(room float32) {
	var labelW float32
	for i := 0; i < len(c.form.Objects); i += 2 {
		labelW = max(labelW, c.form.Objects[i].MinSize().Width)
	}
	beside := room - labelW - theme.Padding() // as the form layout spaces them
	if beside < c.back.MinSize().Width {
		c.form.Layout = layout.NewVBoxLayout()
		beside = room
	} else {
		c.form.Layout = layout.NewFormLayout()
	}
	for _, r := range []*widget.RadioGroup{c.cause, c.reach, c.numb, c.kind} {
		r.Horizontal = true
		if r.MinSize().Width > beside {
			r.Horizontal = false
		}
		r.Refresh()
	}
	c.form.Refresh()
}

// tightChanged answers "Why tight?" with "Not tight" for a 0, and moves
// off it when the back is tight after all.
func (c *checkIn) tightChanged(v int) {
	choices := causeChoices()
	notTight := choices[len(choices)-1].label
	switch {
	case v == 0:
		c.cause.SetSelected(notTight)
	case c.cause.Selected == notTight:
		c.cause.SetSelected("")
	}
	c.check()
}

// entry is what the form holds.
func (c *checkIn) entry() journal.Entry {
	e := journal.Entry{
		Time:      c.at,
		BackPain:  c.back.Value(),
		LegPain:   c.leg.Value(),
		Tightness: c.tight.Value(),
		NumbWeak:  c.numb.Selected == locale.L("Yes"),
		Note:      c.note.Text,
	}
	for _, x := range causeChoices() {
		if x.label == c.cause.Selected {
			e.Cause = x.cause
		}
	}
	if e.Cause == "" && e.Tightness == 0 {
		e.Cause = program.CauseNone
	}
	for _, x := range reachChoices() {
		if x.label == c.reach.Selected {
			e.LegReach = x.reach
		}
	}
	for _, x := range kindChoices() {
		if x.label == c.kind.Selected {
			e.Kind = x.kind
		}
	}
	return e
}

// check updates the note's count and says why Save is not possible yet,
// enabling it when it is.
func (c *checkIn) check() {
	n := utf8.RuneCountInString(c.note.Text)
	c.count.SetText(locale.L("{{.Count}} / {{.Max}} characters", locale.Args{"Count": n, "Max": journal.MaxNoteLength}))
	problem, alarm := "", false
	switch {
	case n > journal.MaxNoteLength:
		problem, alarm = locale.L("This note has {{.Count}} characters; a note can hold up to {{.Max}}. Please shorten it to save.",
			locale.Args{"Count": n, "Max": journal.MaxNoteLength}), true
		c.count.Importance = widget.DangerImportance
	case c.back.Value() == NoValue || c.leg.Value() == NoValue || c.tight.Value() == NoValue:
		problem = locale.L("Choose a number for back pain, leg pain and tightness to save.")
	}
	if n <= journal.MaxNoteLength {
		c.count.Importance = widget.MediumImportance
	}
	c.count.Refresh()
	c.setProblem(problem, alarm)
	if problem == "" {
		c.save.Enable()
	} else {
		c.save.Disable()
	}
}

// setProblem shows p under the form, in red when alarm is set (a note too
// long, a failed save) and plainly for what is still to do.
func (c *checkIn) setProblem(p string, alarm bool) {
	c.problem.Importance = widget.MediumImportance
	if alarm {
		c.problem.Importance = widget.DangerImportance
	}
	c.problem.SetText(p)
	if p == "" {
		c.problem.Hide()
	} else {
		c.problem.Show()
	}
}

// trySave stores the entry if the form is complete and closes the dialog;
// on an error it says what went wrong and stays open.
func (c *checkIn) trySave() {
	if c.save.Disabled() {
		return
	}
	if err := c.onSave(c.entry()); err != nil {
		c.setProblem(SaveProblem(locale.L("this check-in"), err), true)
		return
	}
	c.close()
}

func (c *checkIn) close() {
	if c.done != nil {
		c.done()
	}
}

// show opens the form in a dialog over win, the back-pain scale focused;
// Enter saves and Escape cancels, as keys.Show makes them. onClosed is called once it has closed.
func (c *checkIn) show(title string, win fyne.Window, onClosed func()) {
	d := dialog.NewCustomWithoutButtons(title, c.content, win)
	cv := win.Canvas()
	closed := false
	c.done = func() {
		if closed {
			return
		}
		closed = true
		d.Hide()
		if onClosed != nil {
			onClosed()
		}
	}
	size := fitWindow(win, checkInSize)
	// First for about the room the dialog leaves, so that the form does not
	// widen the dialog; then for the room it has.
	c.fit(size.Width - 12*theme.Padding())
	keys.Show(win, d, size, c.cancel, c.save)
	if w := c.scroll.Size().Width; w > 0 {
		c.fit(w - theme.Padding()*2) // less the gap for the scroll bar
	}
	d.SetOnClosed(c.done) // after Show's: the window has its keys back first
	cv.Focus(c.back)
}

// fitWindow is size, made smaller where the window is not 40 units larger,
// for a dialog over win.
func fitWindow(win fyne.Window, size fyne.Size) fyne.Size {
	if ws := win.Canvas().Size(); ws.Width > 0 && ws.Height > 0 {
		return fyne.NewSize(min(size.Width, ws.Width-40), min(size.Height, ws.Height-40))
	}
	return size
}

// noteEntry is a multi-line entry that cancels the check-in on Escape.
type noteEntry struct {
	widget.Entry
	onEscape func()
}

func newNoteEntry(onEscape func()) *noteEntry {
	e := &noteEntry{onEscape: onEscape}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(3)
	return e
}

// TypedKey cancels on Escape and otherwise edits.
func (e *noteEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}
