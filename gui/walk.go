package gui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"steady/gui/keys"
	"steady/locale"
)

// Walks a user may log, in minutes.
const (
	minWalk = 1
	maxWalk = 600
)

// logWalk asks how many minutes the user walked and logs the walk
// (CLINICAL.md §7.8). Enter saves, Esc cancels.
func (u *UI) logWalk() {
	minutes := keys.NewEntry()
	// Empty to begin with: the week's minutes so far are no walk's length,
	// and a prefilled number saved with Enter would log a walk not taken.
	minutes.SetPlaceHolder(locale.L("minutes"))
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord // a longer language must not widen the dialog past the window
	problem.Hide()
	var d *dialog.CustomDialog
	parse := func() (int, bool) {
		n, err := strconv.Atoi(strings.TrimSpace(minutes.Text))
		if err != nil || n < minWalk || n > maxWalk {
			problem.SetText(locale.L("Please enter the minutes you walked, {{.Min}} to {{.Max}}.", locale.Args{"Min": minWalk, "Max": maxWalk}))
			problem.Show()
			return 0, false
		}
		return n, true
	}
	save := func() {
		n, ok := parse()
		if !ok {
			return
		}
		if _, err := u.opt.Coach.LogWalk(n, ""); err != nil {
			u.showSaveProblem(locale.L("your walk"), err)
			return
		}
		d.Hide()
		u.refreshToday()
		if u.journalView != nil {
			u.journalView.Reload()
		}
	}
	minutes.Validator = func(string) error {
		if _, ok := parse(); !ok {
			return errors.New(locale.L("{{.Min}} to {{.Max}} minutes", locale.Args{"Min": minWalk, "Max": maxWalk}))
		}
		problem.Hide()
		return nil
	}
	minutes.OnSubmitted = func(string) { save() }
	form := container.NewVBox(widget.NewForm(widget.NewFormItem(locale.L("Minutes walked"), minutes)), problem)
	d = dialog.NewCustomWithoutButtons(locale.L("Log a walk"), form, u.win)
	keys.Show(u.win, d, fyne.NewSize(440, 0), keys.NewButton(locale.L("Cancel"), nil, widget.MediumImportance, d.Hide),
		keys.NewButton(locale.L("Save"), nil, widget.HighImportance, save))
	u.win.Canvas().Focus(minutes)
}
