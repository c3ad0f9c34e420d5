package journalview

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/explain"
	"steady/gui/keys"
	"steady/journal"
	"steady/locale"
	"steady/program"
)

// historyStep is how many days of history are shown at first, and how
// many more each "Show older" adds.
const historyStep = 90

// A View is the Journal screen: a toolbar, the chart and the history of
// check-ins and sessions, newest first.
type View struct {
	win       fyne.Window
	store     Store
	now       func() time.Time
	onChange  func()
	onCheckIn func(coach.CheckedIn) // after a new check-in is saved

	panel   *chartPanel
	history *fyne.Container // day headers and rows
	older   *widget.Button
	status  *widget.Label   // a problem reading the journal
	fn      *fyne.Container // the function score and its activities
	undo    *undoBar
	form    *checkIn // the open check-in, if any
	content fyne.CanvasObject

	records     coach.Records // all of them up to now, oldest first
	historyDays int           // how far back the history goes
}

// New returns the Journal screen over store. now is the clock; onChange,
// which may be nil, is called after every save, edit or deletion, and
// onCheckIn, which may be nil, with what a new check-in brought.
func New(win fyne.Window, store Store, now func() time.Time, onChange func(), onCheckIn func(coach.CheckedIn)) *View {
	v := &View{win: win, store: store, now: now, onChange: onChange, onCheckIn: onCheckIn, historyDays: historyStep}
	v.panel = newChartPanel(now)
	v.history = container.NewVBox()
	v.older = &widget.Button{Text: locale.N("Show {{.Count}} more days", historyStep, nil), Icon: theme.MoreVerticalIcon(), Importance: widget.LowImportance, OnTapped: v.showOlder}
	v.status = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	v.status.Hide()
	v.undo = newUndoBar()
	v.fn = container.NewVBox()

	title := &widget.Label{Text: locale.L("Journal"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	toolbar := container.New(&barLayout{}, title,
		&widget.Button{Text: locale.L("New check-in"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: func() { v.CheckIn(journal.AnyTime) }},
		&widget.Button{Text: locale.L("Export…"), Icon: theme.DocumentSaveIcon(), OnTapped: v.chooseExport},
		&widget.Button{Text: locale.L("Clinician report…"), Icon: theme.DocumentPrintIcon(), OnTapped: v.chooseReport},
	)
	historyTitle := &widget.Label{Text: locale.L("History"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	history := container.NewBorder(historyTitle, nil, nil, nil,
		container.NewVScroll(container.NewVBox(v.fn, v.history, container.NewCenter(v.older))))
	split := container.NewVSplit(v.panel.content, history)
	split.Offset = 0.45
	v.content = container.NewBorder(container.NewVBox(toolbar, v.status), v.undo.content, nil, nil, split)
	v.Reload()
	return v
}

// Content is the Journal screen.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Reload reads the journal again and shows what it holds.
func (v *View) Reload() {
	records, err := v.store.Journal()
	if err == nil {
		v.records = records
	}
	if err != nil {
		v.status.SetText(locale.L("Steady could not read the journal, so this may not show everything: {{.Error}}", locale.Args{"Error": err.Error()}))
		v.status.Show()
	} else {
		v.status.Hide()
	}
	v.panel.chart.setData(v.records)
	v.showFunction()
	v.showHistory()
}

// showFunction shows the function score, each activity's first and latest
// rating, and the buttons to name or re-rate them.
func (v *View) showFunction() {
	f := v.records.Function
	var objs []fyne.CanvasObject
	if line := explain.Function(f.Score); line != "" {
		objs = append(objs, &widget.Label{Text: line, Wrapping: fyne.TextWrapWord})
	}
	for _, c := range FunctionCards(f) {
		objs = append(objs, &widget.Label{Text: c})
	}
	if len(f.Archived) > 0 {
		objs = append(objs, &widget.Label{Text: locale.N("{{.Count}} replaced activities are kept with their ratings in the history.", len(f.Archived), nil),
			Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord})
	}
	buttons := container.NewHBox()
	if len(f.Current) > 0 {
		buttons.Add(&widget.Button{Text: locale.L("Rate activities"), OnTapped: func() { ShowRerate(v.win, v.store, f, v.changed) }})
	}
	if free := program.MaxActivities - len(f.Current); free > 0 {
		text := locale.L("Name activities")
		if len(f.Current) > 0 {
			text = locale.L("Add an activity")
		}
		buttons.Add(&widget.Button{Text: text, OnTapped: func() { ShowNaming(v.win, v.store, free, v.changed) }})
	}
	objs = append(objs, buttons)
	title := locale.L("What you can do")
	if len(f.Current) == 0 {
		objs = append([]fyne.CanvasObject{&widget.Label{Text: locale.L("Pain is only part of the story.") + " " + NamingIntro(), Wrapping: fyne.TextWrapWord}}, objs...)
	}
	head := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	v.fn.Objects = append([]fyne.CanvasObject{head}, append(objs, widget.NewSeparator())...)
	v.fn.Refresh()
}

// changed re-reads the journal after a change and tells the caller.
func (v *View) changed() {
	v.Reload()
	if v.onChange != nil {
		v.onChange()
	}
}

// CheckIn opens the quick check-in for a new entry of kind. What saving it
// brought goes to onCheckIn once the form has closed, so that a dialog it
// opens stays over the window.
func (v *View) CheckIn(kind journal.Kind) {
	e := journal.Entry{Time: v.now(), Kind: kind}
	var saved *coach.CheckedIn
	c := newCheckIn(e, false, func(e journal.Entry) error {
		done, err := v.store.CheckIn(e)
		if err == nil {
			saved = &done
		}
		return err
	})
	v.open(c, locale.L("Check-in"), func() {
		if saved != nil && v.onCheckIn != nil {
			v.onCheckIn(*saved)
		}
	})
}

// edit opens the check-in prefilled with e and replaces e on Save.
func (v *View) edit(e journal.Entry) {
	c := newCheckIn(e, true, func(n journal.Entry) error {
		return v.store.EditEntry(e.Time, n)
	})
	v.open(c, locale.L("Edit the check-in of {{.Time}}", locale.Args{"Time": dayTime(e.Time)}), nil)
}

// open shows c, closing a check-in that is already open, and makes a
// successful save reload the screen; closed, which may be nil, is called
// once c has closed.
func (v *View) open(c *checkIn, title string, closed func()) {
	if v.form != nil {
		v.form.close()
	}
	v.form = c
	save := c.onSave
	c.onSave = func(e journal.Entry) error {
		if err := save(e); err != nil {
			return err
		}
		v.changed()
		return nil
	}
	c.show(title, v.win, func() {
		if v.form == c {
			v.form = nil
		}
		if closed != nil {
			closed()
		}
	})
}

// deleteEntry asks, deletes e and offers to undo it.
func (v *View) deleteEntry(e journal.Entry) {
	confirmDelete(locale.L("Delete this check-in?"),
		entryLine(e)+"\n\n"+locale.L("You can undo this for a few seconds afterwards."),
		func(ok bool) {
			if !ok {
				return
			}
			gone, err := v.store.DeleteEntry(e.Time)
			if err != nil {
				keys.ShowError(fmt.Errorf("%s: %w", locale.L("Steady could not delete the check-in"), err), v.win)
				return
			}
			v.changed()
			v.undo.offer(locale.L("Deleted the check-in of {{.Time}}.", locale.Args{"Time": dayTime(gone.Time)}), func() {
				if err := v.store.RestoreEntry(gone); err != nil {
					keys.ShowError(fmt.Errorf("%s: %w", locale.L("Steady could not bring the check-in back"), err), v.win)
				}
				v.changed()
			}, undoFor)
		}, v.win)
}

// confirmDelete asks whether to delete what text describes; the answer
// goes to answer.
func confirmDelete(title, text string, answer func(bool), win fyne.Window) {
	keys.Confirm(win, title, &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}, fyne.NewSize(480, 0), locale.L("Keep"), locale.L("Delete"),
		widget.DangerImportance, answer)
}

// deleteSession asks, deletes s and offers to undo it.
func (v *View) deleteSession(s journal.Session) {
	confirmDelete(locale.L("Delete this session?"),
		sessionLine(s)+"\n\n"+locale.L("You can undo this for a few seconds afterwards."),
		func(ok bool) {
			if !ok {
				return
			}
			gone, err := v.store.DeleteSession(s.Time)
			if err != nil {
				keys.ShowError(fmt.Errorf("%s: %w", locale.L("Steady could not delete the session"), err), v.win)
				return
			}
			v.changed()
			v.undo.offer(locale.L("Deleted the session of {{.Time}}.", locale.Args{"Time": dayTime(gone.Time)}), func() {
				if err := v.store.RestoreSession(gone); err != nil {
					keys.ShowError(fmt.Errorf("%s: %w", locale.L("Steady could not bring the session back"), err), v.win)
				}
				v.changed()
			}, undoFor)
		}, v.win)
}

// deleteWalk asks, deletes w and offers to undo it.
func (v *View) deleteWalk(w journal.Walk) {
	confirmDelete(locale.L("Delete this walk?"),
		walkLine(w)+"\n\n"+locale.L("You can undo this for a few seconds afterwards."),
		func(ok bool) {
			if !ok {
				return
			}
			gone, err := v.store.DeleteWalk(w.Time)
			if err != nil {
				keys.ShowError(fmt.Errorf("%s: %w", locale.L("Steady could not delete the walk"), err), v.win)
				return
			}
			v.changed()
			v.undo.offer(locale.L("Deleted the walk of {{.Time}}.", locale.Args{"Time": dayTime(gone.Time)}), func() {
				if err := v.store.RestoreWalk(gone); err != nil {
					keys.ShowError(fmt.Errorf("%s: %w", locale.L("Steady could not bring the walk back"), err), v.win)
				}
				v.changed()
			}, undoFor)
		}, v.win)
}

// Undo undoes the last deletion while its offer is up, and reports whether
// there was one to undo.
func (v *View) Undo() bool {
	if v.undo.action == nil {
		return false
	}
	v.undo.doUndo()
	return true
}

func (v *View) showOlder() {
	v.historyDays += historyStep
	v.showHistory()
}
