package gui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"steady/gui/keys"
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
	minutes.SetPlaceHolder("minutes")
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Hide()
	var d *dialog.CustomDialog
	parse := func() (int, bool) {
		n, err := strconv.Atoi(strings.TrimSpace(minutes.Text))
		if err != nil || n < minWalk || n > maxWalk {
			problem.SetText(fmt.Sprintf("Please enter the minutes you walked, %d to %d.", minWalk, maxWalk))
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
			u.showSaveProblem("your walk", err)
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
			return fmt.Errorf("%d to %d minutes", minWalk, maxWalk)
		}
		problem.Hide()
		return nil
	}
	minutes.OnSubmitted = func(string) { save() }
	form := widget.NewForm(widget.NewFormItem("Minutes walked", minutes), widget.NewFormItem("", problem))
	d = dialog.NewCustomWithoutButtons("Log a walk", form, u.win)
	keys.Show(u.win, d, fyne.NewSize(380, 200), keys.NewButton("Cancel", nil, widget.MediumImportance, d.Hide),
		keys.NewButton("Save", nil, widget.HighImportance, save))
	u.win.Canvas().Focus(minutes)
}
