package journalview

// Naming the activities the back makes hard, re-rating them weekly and
// replacing one (the function score, CLINICAL.md §8). The forms only
// collect what the user says; the application layer saves it.

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/explain"
	"steady/gui/keys"
	"steady/journal"
	"steady/locale"
	"steady/program"
)

// FunctionStore is what the function forms ask of the application layer.
// *coach.Coach has it.
type FunctionStore interface {
	NameActivities(list []coach.NamedActivity) ([]journal.Activity, error)
	RateFunction(scores map[string]int) (program.Decision, error)
	ReplaceActivity(id string, n coach.NamedActivity) (journal.Activity, error)
}

var _ FunctionStore = (*coach.Coach)(nil)

// A Naming is the form that names up to program.MaxActivities activities,
// each in the user's words (with suggestions to pick from) and rated on
// a Scale. Enter on a scale or a name saves; Escape cancels.
type Naming struct {
	Names   []*nameEntry
	Scales  []*Scale
	problem *widget.Label
	content fyne.CanvasObject

	// OnSave gets the named activities; an error is shown and keeps the
	// form. OnCancel is called on Escape.
	OnSave   func([]coach.NamedActivity) error
	OnCancel func()
}

// NewNaming returns a form of rows activities.
func NewNaming(rows int) *Naming {
	n := &Naming{problem: &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}}
	low, high := explain.FunctionScale()
	box := container.NewVBox()
	for i := range rows {
		name := newNameEntry(explain.ActivitySuggestions())
		name.PlaceHolder = locale.L("An activity your back makes hard, in your words")
		name.OnSubmitted = func(string) { n.Save() }
		sc := NewScale(low, high, nil)
		sc.OnSubmit = n.Save
		sc.OnCancel = n.cancel
		n.Names, n.Scales = append(n.Names, name), append(n.Scales, sc)
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		box.Add(name)
		box.Add(sc)
	}
	n.problem.Hide()
	n.content = container.NewVBox(box, n.problem)
	return n
}

// nameEntry is an activity's name, typed or picked from suggestions, that
// cancels the form on Escape.
type nameEntry struct {
	widget.SelectEntry
}

func newNameEntry(suggestions []string) *nameEntry {
	e := &nameEntry{}
	e.ExtendBaseWidget(e)
	e.SetOptions(suggestions)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

// TypedKey passes Escape on to the dialog and otherwise edits.
func (e *nameEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		keys.Pass(e, k)
		return
	}
	e.SelectEntry.TypedKey(k)
}

// Content is the form.
func (n *Naming) Content() fyne.CanvasObject { return n.content }

func (n *Naming) cancel() {
	if n.OnCancel != nil {
		n.OnCancel()
	}
}

// Activities are the rows with a name, or an error for a named row
// without a rating (or a rating without a name).
func (n *Naming) Activities() ([]coach.NamedActivity, error) {
	var out []coach.NamedActivity
	for i, e := range n.Names {
		name := strings.TrimSpace(e.Text)
		v := n.Scales[i].Value()
		switch {
		case name == "" && v == NoValue:
			continue
		case name == "":
			return nil, errors.New(locale.L("Please name the activity you rated, or clear its rating."))
		case v == NoValue:
			return nil, errors.New(locale.L("Please rate \"{{.Activity}}\" from 0 (unable) to 10 (as before).", locale.Args{"Activity": name}))
		}
		out = append(out, coach.NamedActivity{Name: name, Score: v})
	}
	return out, nil
}

// Save hands the activities to OnSave, or says what is missing.
func (n *Naming) Save() {
	list, err := n.Activities()
	if err == nil && len(list) == 0 {
		err = errors.New(locale.L("Please name at least one activity, or choose Later."))
	}
	if err == nil && n.OnSave != nil {
		err = n.OnSave(list)
	}
	if err != nil {
		n.problem.SetText(err.Error())
		n.problem.Show()
		return
	}
	n.problem.Hide()
}

// NamingIntro is the naming form's first paragraph, in the user's language.
func NamingIntro() string {
	return locale.L("Name up to three everyday activities your back makes hard — in your own words, " +
		"or pick one from the list — and rate each from 0 (unable to do it) to 10 (able to do it as before). " +
		"Steady asks again once a week, so you can see what you can do, not only how much it hurts.")
}

// ShowNaming opens the naming form in a dialog over win for free rows;
// done is called after a save.
func ShowNaming(win fyne.Window, store FunctionStore, free int, done func()) {
	n := NewNaming(max(1, min(free, program.MaxActivities)))
	showNamingDialog(win, n, locale.L("What does your back make hard?"), NamingIntro(), locale.L("Save"), fyne.NewSize(720, 560), func(list []coach.NamedActivity) error {
		_, err := store.NameActivities(list)
		return err
	}, done)
}

// showNamingDialog puts the naming form n under intro in a dialog over win
// whose main button says action; save stores the names, and done is called
// after it succeeds.
func showNamingDialog(win fyne.Window, n *Naming, title, intro, action string, size fyne.Size, save func([]coach.NamedActivity) error, done func()) {
	body := container.NewVBox(&widget.Label{Text: intro, Wrapping: fyne.TextWrapWord}, n.Content())
	d := dialog.NewCustomWithoutButtons(title, container.NewVScroll(body), win)
	n.OnCancel = d.Hide
	n.OnSave = func(list []coach.NamedActivity) error {
		if err := save(list); err != nil {
			return err
		}
		d.Hide()
		if done != nil {
			done()
		}
		return nil
	}
	keys.Show(win, d, fitWindow(win, size), keys.NewButton(locale.L("Cancel"), nil, widget.MediumImportance, d.Hide),
		keys.NewButton(action, nil, widget.HighImportance, n.Save))
	win.Canvas().Focus(n.Names[0])
}

// A Rerate is the weekly re-rating: one Scale per current activity, and a
// way to replace one.
type Rerate struct {
	IDs     []string
	Scales  []*Scale
	problem *widget.Label
	content fyne.CanvasObject
	// OnSave gets the scores by activity id; OnCancel is called on Escape;
	// OnReplace with the activity the user wants to replace.
	OnSave    func(map[string]int) error
	OnCancel  func()
	OnReplace func(id, name string)
}

// NewRerate returns the re-rating form for f's current activities, each
// scale showing nothing until rated.
func NewRerate(f coach.Function) *Rerate {
	r := &Rerate{problem: &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}}
	low, high := explain.FunctionScale()
	box := container.NewVBox()
	for _, a := range f.Current {
		sc := NewScale(low, high, nil)
		sc.OnSubmit, sc.OnCancel = r.Save, r.cancel
		r.IDs, r.Scales = append(r.IDs, a.ID), append(r.Scales, sc)
		heading := a.Name
		for _, c := range f.Score.Activities {
			if c.ID == a.ID {
				heading = locale.L("{{.Activity}} (last time {{.Score}})", locale.Args{"Activity": a.Name, "Score": c.Latest})
			}
		}
		id, name := a.ID, a.Name
		replace := keys.NewButton(locale.L("Replace…"), nil, widget.LowImportance, func() {
			if r.OnReplace != nil {
				r.OnReplace(id, name)
			}
		})
		box.Add(container.NewBorder(nil, nil, nil, replace, &widget.Label{Text: heading, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}))
		box.Add(sc)
	}
	r.problem.Hide()
	r.content = container.NewVBox(box, r.problem)
	return r
}

// Content is the form.
func (r *Rerate) Content() fyne.CanvasObject { return r.content }

func (r *Rerate) cancel() {
	if r.OnCancel != nil {
		r.OnCancel()
	}
}

// Save hands every rating to OnSave once each activity is rated.
func (r *Rerate) Save() {
	scores := map[string]int{}
	for i, sc := range r.Scales {
		if sc.Value() == NoValue {
			r.problem.SetText(locale.L("Please rate every activity, from 0 (unable) to 10 (as before)."))
			r.problem.Show()
			return
		}
		scores[r.IDs[i]] = sc.Value()
	}
	if r.OnSave != nil {
		if err := r.OnSave(scores); err != nil {
			r.problem.SetText(err.Error())
			r.problem.Show()
			return
		}
	}
	r.problem.Hide()
}

// ShowRerate opens the weekly re-rating of f's activities over win; done
// is called after a save or a replacement.
func ShowRerate(win fyne.Window, store FunctionStore, f coach.Function, done func()) {
	r := NewRerate(f)
	d := dialog.NewCustomWithoutButtons(locale.L("How are these going this week?"), container.NewVScroll(r.Content()), win)
	r.OnCancel = d.Hide
	r.OnSave = func(scores map[string]int) error {
		if _, err := store.RateFunction(scores); err != nil {
			return err
		}
		d.Hide()
		if done != nil {
			done()
		}
		return nil
	}
	r.OnReplace = func(id, name string) {
		d.Hide()
		ShowReplace(win, store, id, name, done)
	}
	keys.Show(win, d, fitWindow(win, fyne.NewSize(720, 480)), keys.NewButton(locale.L("Cancel"), nil, widget.MediumImportance, d.Hide),
		keys.NewButton(locale.L("Save"), nil, widget.HighImportance, r.Save))
	if len(r.Scales) > 0 {
		win.Canvas().Focus(r.Scales[0])
	}
}

// ShowReplace names one activity in place of id, called old, in a dialog
// over win; the old one and its ratings are kept. done is called after it.
func ShowReplace(win fyne.Window, store FunctionStore, id, old string, done func()) {
	intro := locale.L("\"{{.Activity}}\" and its ratings stay in your journal. What would you like to rate instead?", locale.Args{"Activity": old})
	showNamingDialog(win, NewNaming(1), locale.L("Replace an activity"), intro, locale.L("Replace"), fyne.NewSize(720, 320), func(list []coach.NamedActivity) error {
		_, err := store.ReplaceActivity(id, list[0])
		return err
	}, done)
}

// FunctionCards are one line per current activity with its first and
// latest rating ("Putting on socks: from 3 to 8 since October"), then the
// replaced ones.
func FunctionCards(f coach.Function) []string {
	var out []string
	for _, a := range f.Current {
		for _, c := range f.Score.Activities {
			if c.ID == a.ID {
				out = append(out, explain.ActivityChange(a.Name, c))
			}
		}
	}
	return out
}
