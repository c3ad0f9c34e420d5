// Package keys gives Steady's pages and dialogs one keyboard: Tab moves the
// focus from control to control, Space presses the focused one, Enter
// presses the page's or dialog's main button and Escape cancels, closes or
// goes back.
//
// Fyne hands a key to the focused control, and to the window's key handler
// only when nothing has the focus; its buttons, check boxes and entries drop
// Enter and Escape. The controls here pass the keys they do not use on to the
// window's handler, so Enter and Escape work wherever the focus is.
package keys

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// isEnter reports whether e is Return or the keypad's Enter.
func isEnter(e *fyne.KeyEvent) bool { return e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter }

// Handle makes Enter call enter and Escape call escape on canvas c, either
// nil for nothing, and returns a function that gives c back the key handler
// it had before.
func Handle(c fyne.Canvas, enter, escape func()) (restore func()) {
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch {
		case isEnter(e) && enter != nil:
			enter()
		case e.Name == fyne.KeyEscape && escape != nil:
			escape()
		}
	})
	return func() { c.SetOnTypedKey(prev) }
}

// Pass hands a key that the focused control o does not use to the key
// handler of o's window.
func Pass(o fyne.CanvasObject, e *fyne.KeyEvent) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	if c := app.Driver().CanvasForObject(o); c != nil {
		if h := c.OnTypedKey(); h != nil {
			h(e)
		}
	}
}

// Press presses b as a click would, when it is enabled.
func Press(b *Button) {
	if b != nil && !b.Disabled() && b.OnTapped != nil {
		b.OnTapped()
	}
}

// Button is a button that, when it has the focus, is pressed by Enter as
// well as Space and passes Escape on.
type Button struct {
	widget.Button
}

// NewButton returns a button; icon may be nil.
func NewButton(text string, icon fyne.Resource, importance widget.Importance, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.Importance, b.OnTapped = text, icon, importance, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter and passes Escape on.
func (b *Button) TypedKey(e *fyne.KeyEvent) {
	switch {
	case isEnter(e):
		Press(b)
	case e.Name == fyne.KeyEscape:
		Pass(b, e)
	default:
		b.Button.TypedKey(e)
	}
}

// Check is a check box that passes Enter and Escape on.
type Check struct {
	widget.Check
}

// NewCheck returns a check box; changed may be nil.
func NewCheck(text string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = text, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes Enter and Escape on.
func (c *Check) TypedKey(e *fyne.KeyEvent) {
	if isEnter(e) || e.Name == fyne.KeyEscape {
		Pass(c, e)
		return
	}
	c.Check.TypedKey(e)
}

// Entry is a one-line entry that passes Escape on, and Enter too when it
// has no OnSubmitted of its own.
type Entry struct {
	widget.Entry
}

// NewEntry returns an empty one-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape, and Enter without OnSubmitted, on.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape || (isEnter(k) && e.OnSubmitted == nil) {
		Pass(e, k)
		return
	}
	e.Entry.TypedKey(k)
}

// Show shows d, a dialog made with dialog.NewCustomWithoutButtons, with
// cancel and main as its buttons, until it closes: Enter presses main,
// Escape presses cancel or, without one, closes d. Either button may be
// nil. size is d's size, zero for its smallest; a zero height is the
// smallest at the width asked for. The window's key handler
// is given back when d closes.
func Show(win fyne.Window, d *dialog.CustomDialog, size fyne.Size, cancel, main *Button) {
	var buttons []fyne.CanvasObject
	for _, b := range []*Button{cancel, main} {
		if b != nil {
			buttons = append(buttons, b)
		}
	}
	d.SetButtons(buttons)
	escape := d.Hide
	if cancel != nil {
		escape = func() { Press(cancel) }
	}
	restore := Handle(win.Canvas(), func() { Press(main) }, escape)
	d.SetOnClosed(restore)
	if size.IsZero() {
		d.Show()
		return
	}
	// Asked for before the text has a width, the smallest size is that of
	// text wrapped a word a line: the size is asked for again once shown.
	d.Resize(size)
	d.Show()
	d.Resize(size)
}

// Confirm asks a question in a dialog over win: the main button, labelled
// confirm, answers true, and the one labelled dismiss (and Escape) false.
// importance is the main button's, such as widget.DangerImportance for a
// deletion. size is as for Show. answer may be nil.
func Confirm(win fyne.Window, title string, content fyne.CanvasObject, size fyne.Size, dismiss, confirm string,
	importance widget.Importance, answer func(bool)) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	reply := func(yes bool) func() {
		return func() {
			d.Hide()
			if answer != nil {
				answer(yes)
			}
		}
	}
	Show(win, d, size, NewButton(dismiss, nil, widget.MediumImportance, reply(false)),
		NewButton(confirm, nil, importance, reply(true)))
	return d
}

// Inform shows content in a dialog over win with one button, labelled
// close; Enter and Escape close it too. size is as for Show. closed, which
// may be nil, is called once it has closed.
func Inform(win fyne.Window, title string, content fyne.CanvasObject, size fyne.Size, close string, closed func()) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	Show(win, d, size, nil, NewButton(close, nil, widget.HighImportance, d.Hide))
	if closed != nil {
		d.SetOnClosed(closed) // after Show's: the window has its keys back first
	}
	return d
}

// Attach gives a dialog of Fyne's own, such as an error or a file dialog,
// the keyboard until it closes: Escape closes it, and so does Enter when
// enter is nil; otherwise Enter calls enter.
func Attach(win fyne.Window, d dialog.Dialog, enter func()) {
	if enter == nil {
		enter = d.Hide
	}
	d.SetOnClosed(Handle(win.Canvas(), enter, d.Dismiss))
}

// ShowError shows err in Fyne's error dialog over win, closed by Enter or
// Escape as well as by its button.
func ShowError(err error, win fyne.Window) {
	d := dialog.NewError(err, win)
	Attach(win, d, nil)
	d.Show()
}

// ShowInformation shows a message in Fyne's information dialog over win,
// closed by Enter or Escape as well as by its button.
func ShowInformation(title, message string, win fyne.Window) {
	d := dialog.NewInformation(title, message, win)
	Attach(win, d, nil)
	d.Show()
}
