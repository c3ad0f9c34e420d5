package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/explain"
	"steady/gui/journalview"
	"steady/gui/keys"
	"steady/program"
)

var testLevels = []levelChoice{
	{0, "Calm-down", ""}, {1, "Brace and breathe", ""}, {2, "Big-3 regressions", ""},
	{3, "Big 3", ""}, {4, "Integration", ""}, {5, "Functional", ""},
}

// textField is any kind of entry, Fyne's or the keyboard's.
type textField interface {
	fyne.Focusable
	fyne.CanvasObject
	SetPlaceHolder(string)
}

// find returns the first widget of type T under o for which ok holds, or
// T's zero value.
func find[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) T {
	w, _ := search(o, ok)
	return w
}

func search[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) (T, bool) {
	if w, is := o.(T); is && ok(w) {
		return w, true
	}
	// The keyboard's controls are Fyne's, with keys of their own.
	var inner fyne.CanvasObject
	switch x := o.(type) {
	case *keys.Button:
		inner = &x.Button
	case *keys.Check:
		inner = &x.Check
	}
	if w, is := inner.(T); is && ok(w) {
		return w, true
	}
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		children = c.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
	}
	for _, child := range children {
		if w, found := search(child, ok); found {
			return w, true
		}
	}
	var zero T
	return zero, false
}

func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b := find(o, func(b *widget.Button) bool { return b.Text == text })
	if b == nil {
		t.Fatalf("no %q button on the screen", text)
	}
	return b
}

func question(t *testing.T, o fyne.CanvasObject, id string) *keys.Check {
	t.Helper()
	var text string
	for _, q := range program.Questions() {
		if q.ID == id {
			text = explain.Question(q)
		}
	}
	return statementBox(t, o, text)
}

// statementBox is the check box of the statement with text on the screen.
func statementBox(t *testing.T, o fyne.CanvasObject, text string) *keys.Check {
	t.Helper()
	s := find(o, func(s *statement) bool { return s.Text == text })
	if s == nil {
		t.Fatalf("no check box for %q", text)
	}
	return s.check
}

// clearedText is the check box a user ticks when a clinician has already
// cleared a "see a doctor soon" sign.
const clearedText = "A clinician has already assessed this and cleared me to exercise"

func runFirstRun(t *testing.T, tick []string, clearedByClinician bool, start string) (firstRunResult, bool) {
	t.Helper()
	test.NewTempApp(t)
	var got firstRunResult
	done := false
	at := time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)
	f := newFirstRun(testLevels, func() time.Time { return at }, func(r firstRunResult) { got, done = r, true })
	w := test.NewWindow(f.content())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))

	test.Tap(button(t, f.content(), "Continue")) // welcome
	for _, id := range tick {
		test.Tap(question(t, f.content(), id))
	}
	test.Tap(button(t, f.content(), "Continue")) // screening
	if len(tick) > 0 {
		clearance := find(f.content(), func(s *statement) bool { return s.Text == clearedText })
		next := find(f.content(), func(b *widget.Button) bool { return b.Text == "Continue" })
		if !(program.FlagState{Tier: program.Screen(f.answers).Tier}).SelfClearable() {
			// An emergency or same-day sign: no "a clinician cleared me"
			// shortcut, and no way on but answering again (CLINICAL.md §7.6).
			if clearance != nil || next != nil {
				t.Errorf("an emergency or same-day sign offers the clearance %v, Continue %v; want neither", clearance != nil, next != nil)
			}
			test.Tap(button(t, f.content(), "Not yet — close"))
			return got, done
		}
		if clearance == nil || next == nil {
			t.Fatalf("a see-soon sign offers the clearance %v, Continue %v; want both", clearance != nil, next != nil)
		}
		if !next.Disabled() {
			t.Error("with a red flag, Continue is enabled before the user says a clinician cleared them")
		}
		if !clearedByClinician {
			test.Tap(button(t, f.content(), "Not yet — close"))
			return got, done
		}
		test.Tap(clearance) // its text ticks the box
		if !clearance.check.Checked {
			t.Fatal("tapping the clearance's text did not tick it")
		}
		test.Tap(button(t, f.content(), "Continue"))
	}
	radio := find(f.content(), func(r *widget.RadioGroup) bool { return true })
	radio.SetSelected(start)
	if start == startLater() {
		sel := find(f.content(), func(s *widget.Select) bool { return true })
		sel.SetSelected("Level 3 · Big 3")
	}
	test.Tap(button(t, f.content(), "Start using Steady"))
	return got, done
}

func TestFirstRun(t *testing.T) {
	tests := []struct {
		name      string
		tick      []string
		cleared   bool
		start     string
		wantLevel int
		wantTier  program.Tier
		flaring   bool
	}{
		{"no flags, start at level 1", nil, false, startLevel1(), 1, program.NoFlag, false},
		{"no flags, in a flare", nil, false, startFlare(), 0, program.NoFlag, true},
		{"no flags, later level", nil, false, startLater(), 3, program.NoFlag, false},
		{"emergency sign: no exercise", []string{"saddle-numbness"}, false, "", -1, program.EmergencyNow, false},
		{"same-day sign: no exercise", []string{"leg-weakness"}, false, "", -1, program.SameDay, false},
		{"see soon, already cleared", []string{"cancer"}, true, startLevel1(), 1, program.SeeDoctorSoon, false},
		{"see soon, not yet seen", []string{"cancer"}, false, "", -1, program.SeeDoctorSoon, false},
		{"worst tier wins", []string{"cancer", "leg-weakness"}, false, "", -1, program.SameDay, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, done := runFirstRun(t, tt.tick, tt.cleared, tt.start)
			if !done {
				t.Fatal("the first run did not finish")
			}
			if got.StartLevel != tt.wantLevel {
				t.Errorf("start level %d, want %d", got.StartLevel, tt.wantLevel)
			}
			if got.Referral.Tier != tt.wantTier {
				t.Errorf("referral tier %v, want %v", got.Referral.Tier, tt.wantTier)
			}
			if got.Flaring != tt.flaring {
				t.Errorf("flaring %v, want %v", got.Flaring, tt.flaring)
			}
			if got.Rescreen {
				t.Error("a first run is marked as answering the questions again")
			}
			if got.Cleared != tt.cleared {
				t.Errorf("cleared %v, want %v", got.Cleared, tt.cleared)
			}
			for _, id := range tt.tick {
				if !got.Answers[id] {
					t.Errorf("answer %q not recorded", id)
				}
			}
		})
	}
}

// Answering the safety questions again ends there when they find nothing:
// the user keeps their level.
func TestRescreenWithoutSigns(t *testing.T) {
	test.NewTempApp(t)
	var got []firstRunResult
	f := newFirstRun(testLevels, time.Now, func(r firstRunResult) { got = append(got, r) })
	f.rescreen = true
	f.showScreening()
	w := test.NewWindow(f.content())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))
	test.Tap(button(t, f.content(), "Continue"))
	if len(got) != 1 || !got[0].Rescreen || got[0].Referral.Tier != program.NoFlag {
		t.Fatalf("got %+v, want one result marked Rescreen with no flag", got)
	}
}

// toStart walks a new first run with no warning signs to "Where would you
// like to start?", in a window whose keys the first run gets.
func toStart(t *testing.T) (*firstRun, *[]firstRunResult) {
	t.Helper()
	test.NewTempApp(t)
	var got []firstRunResult
	at := time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)
	f := newFirstRun(testLevels, func() time.Time { return at }, func(r firstRunResult) { got = append(got, r) })
	w := test.NewTempWindow(t, f.content())
	w.Resize(fyne.NewSize(900, 700))
	f.win = w
	f.showWelcome()
	test.Tap(button(t, f.content(), "Continue"))
	test.Tap(button(t, f.content(), "Continue"))
	return f, &got
}

func enter(f *firstRun) { f.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

// Enter on the start page starts at once, with the suggested level and
// no activities: the activities page is one the user chooses.
func TestFirstRunEnterSkipsActivities(t *testing.T) {
	f, got := toStart(t)
	if f.main == nil || f.main.Text != "Start using Steady" {
		t.Fatalf("the start page's main button is %v, want Start using Steady", f.main)
	}
	enter(f)
	if len(*got) != 1 || (*got)[0].StartLevel != 1 || (*got)[0].Activities != nil {
		t.Fatalf("Enter on the start page gave %+v, want one result at level 1 with no activities", *got)
	}
}

// Naming activities in the first run: typed and picked names, each rated
// from the keyboard; Enter on a scale saves them with the chosen level.
func TestFirstRunNamesActivities(t *testing.T) {
	f, got := toStart(t)
	find(f.content(), func(r *widget.RadioGroup) bool { return true }).SetSelected(startFlare())
	test.Tap(button(t, f.content(), "Name activities first…"))
	n := find(f.content(), func(e textField) bool { return true })
	if n == nil || f.win.Canvas().Focused() != n {
		t.Fatalf("the activities page does not focus the first name: focused %v", f.win.Canvas().Focused())
	}
	if f.main == nil || f.main.Text != "Save and start" {
		t.Errorf("the activities page's main button is %v, want Save and start", f.main)
	}
	button(t, f.content(), "Later")

	// Enter with nothing named says what to do and stays.
	enter(f)
	if len(*got) != 0 || !strings.Contains(texts(f.content()), "or choose Later") {
		t.Fatalf("Enter on an empty form finished %v; want it to stay and point to Later", *got)
	}
	test.Type(n, "Putting on socks")
	scales := []*journalview.Scale{}
	search(f.content(), func(s *journalview.Scale) bool { scales = append(scales, s); return false })
	if len(scales) != 3 {
		t.Fatalf("%d scales on the page, want 3", len(scales))
	}
	f.win.Canvas().Focus(scales[0])
	test.Type(scales[0], "4")
	scales[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(*got) != 1 {
		t.Fatalf("Enter on the rated scale gave %d results, want 1", len(*got))
	}
	r := (*got)[0]
	if r.StartLevel != 0 || !r.Flaring || len(r.Activities) != 1 || r.Activities[0] != (coach.NamedActivity{Name: "Putting on socks", Score: 4}) {
		t.Errorf("got level %d, flaring %v, activities %+v; want the flare start with socks at 4", r.StartLevel, r.Flaring, r.Activities)
	}
}

// Later skips the activities; Back keeps the starting point chosen.
func TestFirstRunActivitiesLaterAndBack(t *testing.T) {
	f, got := toStart(t)
	find(f.content(), func(r *widget.RadioGroup) bool { return true }).SetSelected(startLater())
	find(f.content(), func(s *widget.Select) bool { return true }).SetSelected("Level 3 · Big 3")
	test.Tap(button(t, f.content(), "Name activities first…"))
	test.Tap(button(t, f.content(), "Back"))
	if r := find(f.content(), func(r *widget.RadioGroup) bool { return true }); r == nil || r.Selected != startLater() {
		t.Fatalf("back on the start page, the choice is %v; want the later level kept", r)
	}
	test.Tap(button(t, f.content(), "Name activities first…"))
	test.Type(f.win.Canvas().Focused(), "Gardening") // the first name has the focus
	test.Tap(button(t, f.content(), "Later"))
	if len(*got) != 1 || (*got)[0].StartLevel != 3 || (*got)[0].Activities != nil {
		t.Errorf("Later gave %+v, want level 3 and no activities", *got)
	}
}

// Escape from the activities page's first name goes back to the start
// page, and Enter there starts Steady: the focus did not stay behind on
// the page that is gone.
func TestFirstRunEscapeFromActivitiesThenEnter(t *testing.T) {
	f, got := toStart(t)
	test.Tap(button(t, f.content(), "Name activities first…"))
	name := f.win.Canvas().Focused()
	if name == nil {
		t.Fatal("the activities page focuses nothing")
	}
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.main == nil || f.main.Text != "Start using Steady" {
		t.Fatalf("Escape on the first name left the page's main button %v; want the start page back", f.main)
	}
	e := &fyne.KeyEvent{Name: fyne.KeyReturn}
	if focused := f.win.Canvas().Focused(); focused != nil {
		focused.TypedKey(e)
	} else {
		f.win.Canvas().OnTypedKey()(e)
	}
	if len(*got) != 1 || (*got)[0].StartLevel != 1 {
		t.Errorf("Enter on the start page after Escape gave %+v, want Steady started at level 1", *got)
	}
}
