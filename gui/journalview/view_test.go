package journalview

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/coach"
	"steady/gui/keys"
	"steady/journal"
	"steady/program"
)

// openStore opens a new journal in a temporary folder and the
// application over it, its clock stopped at testNow.
func openStore(t *testing.T) (*coach.Coach, *journal.Store) {
	c, s, _ := openStoreAt(t, testNow)
	return c, s
}

// openStoreAt is openStore with the clock at start, and the clock.
func openStoreAt(t *testing.T, start time.Time) (*coach.Coach, *journal.Store, *program.FakeClock) {
	t.Helper()
	s, err := journal.Open(filepath.Join(t.TempDir(), "j.db"))
	if err != nil {
		t.Fatalf("journal.Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("closing the journal: %v", err)
		}
	})
	clock := program.NewFakeClock(start)
	return coach.New(s, program.Builtin(), clock), s, clock
}

// fakeStore keeps records in memory, in time order, and hands them back
// with the baseline the rules work out; it applies no other rule.
type fakeStore struct {
	entries  []journal.Entry
	sessions []journal.Session
	walks    []journal.Walk
}

var _ Store = (*fakeStore)(nil)

// The fake keeps no activities: the function forms are tested over a coach.
var errNoFunction = errors.New("the fake store keeps no activities")

func (f *fakeStore) NameActivities([]coach.NamedActivity) ([]journal.Activity, error) {
	return nil, errNoFunction
}

func (f *fakeStore) RateFunction(map[string]int) (program.Decision, error) {
	return program.Decision{}, errNoFunction
}

func (f *fakeStore) ReplaceActivity(string, coach.NamedActivity) (journal.Activity, error) {
	return journal.Activity{}, errNoFunction
}

func (f *fakeStore) Journal() (coach.Records, error) {
	return recordsOf(slices.Clone(f.entries), slices.Clone(f.sessions), slices.Clone(f.walks), testNow), nil
}

func (f *fakeStore) addEntry(e journal.Entry) {
	f.entries = append(f.entries, e)
	sort.SliceStable(f.entries, func(i, j int) bool { return f.entries[i].Time.Before(f.entries[j].Time) })
}

// CheckIn saves e made now, as the application does.
func (f *fakeStore) CheckIn(e journal.Entry) (coach.CheckedIn, error) {
	e.Time = testNow
	f.addEntry(e)
	return coach.CheckedIn{Entry: e}, nil
}

func (f *fakeStore) EditEntry(old time.Time, e journal.Entry) error {
	if _, err := f.DeleteEntry(old); err != nil {
		return err
	}
	f.addEntry(e)
	return nil
}

func (f *fakeStore) DeleteEntry(t time.Time) (journal.Entry, error) {
	for i, e := range f.entries {
		if e.Time.Equal(t) {
			f.entries = slices.Delete(f.entries, i, i+1)
			return e, nil
		}
	}
	return journal.Entry{}, journal.ErrNotFound
}

func (f *fakeStore) RestoreEntry(e journal.Entry) error {
	f.addEntry(e)
	return nil
}

func (f *fakeStore) DeleteSession(t time.Time) (journal.Session, error) {
	for i, x := range f.sessions {
		if x.Time.Equal(t) {
			f.sessions = slices.Delete(f.sessions, i, i+1)
			return x, nil
		}
	}
	return journal.Session{}, journal.ErrNotFound
}

func (f *fakeStore) RestoreSession(x journal.Session) error {
	f.sessions = append(f.sessions, x)
	sort.SliceStable(f.sessions, func(i, j int) bool { return f.sessions[i].Time.Before(f.sessions[j].Time) })
	return nil
}

func (f *fakeStore) DeleteWalk(t time.Time) (journal.Walk, error) {
	for i, w := range f.walks {
		if w.Time.Equal(t) {
			f.walks = slices.Delete(f.walks, i, i+1)
			return w, nil
		}
	}
	return journal.Walk{}, journal.ErrNotFound
}

func (f *fakeStore) RestoreWalk(w journal.Walk) error {
	f.walks = append(f.walks, w)
	sort.SliceStable(f.walks, func(i, j int) bool { return f.walks[i].Time.Before(f.walks[j].Time) })
	return nil
}

func (f *fakeStore) Export(w io.Writer, _ journal.Format) error {
	return errors.New("the fake store does not export")
}

// editRecorder notes the old times EditEntry is given.
type editRecorder struct {
	Store
	olds []time.Time
}

func (p *editRecorder) EditEntry(old time.Time, e journal.Entry) error {
	p.olds = append(p.olds, old)
	return p.Store.EditEntry(old, e)
}

// viewCalls counts what the Journal screen tells the window.
type viewCalls struct {
	changes  int               // calls of onChange
	checkIns []coach.CheckedIn // what onCheckIn was given
}

// newTestView shows a Journal screen over store in a test window and
// records the calls of onChange and onCheckIn.
func newTestView(t *testing.T, store Store) (*View, fyne.Window, *viewCalls) {
	t.Helper()
	test.NewTempApp(t)
	calls := &viewCalls{}
	w := test.NewTempWindow(t, nil)
	v := New(w, store, fixedNow, func() { calls.changes++ }, func(c coach.CheckedIn) { calls.checkIns = append(calls.checkIns, c) })
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1000, 760))
	return v, w, calls
}

// walk calls f for o and everything inside it.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, f)
		}
	}
}

// button finds the visible button labelled text on top of the window.
func button(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open to tap %q in", text)
	}
	walk(top, func(o fyne.CanvasObject) {
		if k, ok := o.(*keys.Button); ok {
			o = &k.Button
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in the open dialog", text)
	}
	return found
}

// overlayText is all label and text in the dialog on top of the window.
func overlayText(w fyne.Window) string {
	var b strings.Builder
	if top := w.Canvas().Overlays().Top(); top != nil {
		walk(top, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widget.Label:
				b.WriteString(x.Text + "\n")
			case *widget.RichText:
				b.WriteString(x.String() + "\n")
			}
		})
	}
	return b.String()
}

// historyTexts are the history's labels, top to bottom.
func historyTexts(v *View) []string {
	var out []string
	walk(v.history, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

// tapCell taps cell n of s.
func tapCell(s *Scale, n int) {
	cw := cellWidth(s.Size().Width)
	test.TapAt(s, fyne.NewPos(float32(n)*(cw+cellGap)+cw/2, 10))
}

func TestCheckInSaves(t *testing.T) {
	type step func(t *testing.T, c *checkIn, w fyne.Window)
	tap := func(pick func(*checkIn) *Scale, n int) step {
		return func(t *testing.T, c *checkIn, w fyne.Window) { tapCell(pick(c), n) }
	}
	keys := func(pick func(*checkIn) *Scale, typed string) step {
		return func(t *testing.T, c *checkIn, w fyne.Window) {
			w.Canvas().Focus(pick(c))
			test.Type(pick(c), typed)
		}
	}
	back := func(c *checkIn) *Scale { return c.back }
	leg := func(c *checkIn) *Scale { return c.leg }
	tight := func(c *checkIn) *Scale { return c.tight }
	choose := func(pick func(*checkIn) *widget.RadioGroup, option string) step {
		return func(t *testing.T, c *checkIn, w fyne.Window) { pick(c).SetSelected(option) }
	}
	saveButton := func(t *testing.T, c *checkIn, w fyne.Window) { test.Tap(button(t, w, "Save")) }
	enterOnScale := func(t *testing.T, c *checkIn, w fyne.Window) {
		c.tight.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	enterOnCanvas := func(t *testing.T, c *checkIn, w fyne.Window) {
		w.Canvas().Unfocus()
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	escape := func(t *testing.T, c *checkIn, w fyne.Window) {
		w.Canvas().Focus(c.leg)
		c.leg.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}

	for _, tc := range []struct {
		name    string
		kind    journal.Kind
		steps   []step
		want    *journal.Entry // nil: nothing saved
		problem string         // shown in the dialog, for nothing saved
	}{
		{
			name:  "tapped cells and Save",
			kind:  journal.Morning,
			steps: []step{tap(back, 3), tap(leg, 1), tap(tight, 4), choose(func(c *checkIn) *widget.RadioGroup { return c.cause }, "After sitting or driving"), saveButton},
			want:  &journal.Entry{Kind: journal.Morning, BackPain: 3, LegPain: 1, Tightness: 4, Cause: program.CauseInactivity, LegReach: program.ReachNone},
		},
		{
			name:  "number keys and Enter on a scale",
			kind:  journal.BeforeSession,
			steps: []step{keys(back, "7"), keys(leg, "10"), keys(tight, "0"), enterOnScale},
			want:  &journal.Entry{Kind: journal.BeforeSession, BackPain: 7, LegPain: 10, Tightness: 0, Cause: program.CauseNone, LegReach: program.ReachNone},
		},
		{
			name: "every question answered, Enter with nothing focused",
			kind: journal.AnyTime,
			steps: []step{tap(back, 6), tap(leg, 5), tap(tight, 8),
				choose(func(c *checkIn) *widget.RadioGroup { return c.cause }, "With pain or a flare"),
				choose(func(c *checkIn) *widget.RadioGroup { return c.reach }, "Below knee"),
				choose(func(c *checkIn) *widget.RadioGroup { return c.numb }, "Yes"),
				choose(func(c *checkIn) *widget.RadioGroup { return c.kind }, "After a session"),
				func(t *testing.T, c *checkIn, w fyne.Window) {
					if !c.numbNote.Visible() {
						t.Error("answering yes to numbness shows no word about the safety questions")
					}
					c.note.SetText("Tingling after the bird dog.\nStopped early.")
				},
				enterOnCanvas},
			want: &journal.Entry{Kind: journal.AfterSession, BackPain: 6, LegPain: 5, Tightness: 8, Cause: program.CausePain,
				LegReach: program.ReachBelowKnee, NumbWeak: true, Note: "Tingling after the bird dog.\nStopped early."},
		},
		{
			name:    "not every scale rated",
			kind:    journal.Morning,
			steps:   []step{tap(back, 3), tap(tight, 2), func(t *testing.T, c *checkIn, w fyne.Window) { test.Tap(c.save) }, enterOnCanvas},
			problem: "Choose a number for back pain, leg pain and tightness to save.",
		},
		{
			name:  "Escape cancels",
			kind:  journal.Morning,
			steps: []step{tap(back, 3), tap(leg, 1), tap(tight, 4), escape},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The first run was done this morning, so the rules judge each
			// check-in.
			c0, store, clock := openStoreAt(t, testNow.Add(-12*time.Hour))
			if _, err := c0.Begin(coach.Beginning{Answers: map[string]bool{}, Level: 1}); err != nil {
				t.Fatal(err)
			}
			clock.AdvanceTo(testNow)
			v, w, calls := newTestView(t, c0)
			v.CheckIn(tc.kind)
			c := v.form
			if c == nil {
				t.Fatal("CheckIn opened no check-in")
			}
			if got := w.Canvas().Focused(); got != c.back {
				t.Errorf("got %T focused, want the back-pain scale", got)
			}
			for _, s := range tc.steps {
				s(t, c, w)
			}
			got, err := store.Entries(time.Time{}, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil {
				if len(got) != 0 || calls.changes != 0 || len(calls.checkIns) != 0 {
					t.Errorf("got %d entries saved, %d change calls and %d check-in calls, want none", len(got), calls.changes, len(calls.checkIns))
				}
				if tc.problem != "" && (!c.problem.Visible() || c.problem.Text != tc.problem) {
					t.Errorf("got problem %q (visible %v), want %q", c.problem.Text, c.problem.Visible(), tc.problem)
				}
				return
			}
			want := *tc.want
			want.Time = testNow
			if len(got) != 1 || !got[0].Time.Equal(want.Time) {
				t.Fatalf("got entries %+v, want one at %v", got, want.Time)
			}
			got[0].Time = want.Time
			if got[0] != want {
				t.Errorf("saved %+v\nwant  %+v", got[0], want)
			}
			if calls.changes != 1 {
				t.Errorf("got %d calls of onChange, want 1", calls.changes)
			}
			// The window hears what the check-in brought: one reporting new
			// numbness or weakness pauses exercise for the safety questions.
			if len(calls.checkIns) != 1 || !calls.checkIns[0].Entry.Time.Equal(want.Time) || calls.checkIns[0].Rescreen != want.NumbWeak {
				t.Errorf("got onCheckIn calls %+v, want one for the saved entry with Rescreen %v", calls.checkIns, want.NumbWeak)
			}
			if v.form != nil || w.Canvas().Overlays().Top() != nil {
				t.Error("the check-in is still open after saving")
			}
		})
	}
}

func TestCheckInDefaultsToItsKind(t *testing.T) {
	for _, tc := range kindChoices() {
		t.Run(tc.label, func(t *testing.T) {
			v, _, _ := newTestView(t, &fakeStore{})
			v.CheckIn(tc.kind)
			if got := v.form.kind.Selected; got != tc.label {
				t.Errorf("got kind %q selected, want %q", got, tc.label)
			}
		})
	}
}

func TestCheckInNoteLimit(t *testing.T) {
	for _, tc := range []struct {
		name      string
		runes     int
		canSave   bool
		count     string
		problemIn string
	}{
		{"empty", 0, true, "0 / 2000 characters", ""},
		{"at the limit", journal.MaxNoteLength, true, "2000 / 2000 characters", ""},
		{"one past the limit", journal.MaxNoteLength + 1, false, "2001 / 2000 characters", "This note has 2001 characters; a note can hold up to 2000."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := &fakeStore{}
			v, w, _ := newTestView(t, store)
			v.CheckIn(journal.Morning)
			c := v.form
			tapCell(c.back, 2)
			tapCell(c.leg, 0)
			tapCell(c.tight, 3)
			c.note.SetText(strings.Repeat("é", tc.runes)) // é: one character, two bytes
			if c.save.Disabled() == tc.canSave {
				t.Errorf("got Save disabled %v, want %v", c.save.Disabled(), !tc.canSave)
			}
			if c.count.Text != tc.count {
				t.Errorf("got count %q, want %q", c.count.Text, tc.count)
			}
			if tc.problemIn == "" && c.problem.Visible() {
				t.Errorf("got problem %q, want none", c.problem.Text)
			}
			if tc.problemIn != "" && (!c.problem.Visible() || !strings.Contains(c.problem.Text, tc.problemIn)) {
				t.Errorf("got problem %q (visible %v), want it to say %q", c.problem.Text, c.problem.Visible(), tc.problemIn)
			}
			c.trySave() // as Enter does
			if saved := len(store.entries) == 1; saved != tc.canSave {
				t.Errorf("got saved %v, want %v", saved, tc.canSave)
			}
			_ = w
		})
	}
}

func TestEditPutsEntryAtItsOldTime(t *testing.T) {
	c0, store := openStore(t)
	old := journal.Entry{Time: testNow.Add(-10 * time.Hour), Kind: journal.Morning, BackPain: 3, LegPain: 1, Tightness: 4,
		Cause: program.CauseInactivity, LegReach: program.ReachButtock, Note: "Stiff after the drive."}
	if _, err := store.AddEntry(old); err != nil {
		t.Fatal(err)
	}
	rec := &editRecorder{Store: c0}
	v, w, calls := newTestView(t, rec)
	if len(v.records.Entries) != 1 {
		t.Fatalf("the view read %d entries, want 1", len(v.records.Entries))
	}
	v.edit(v.records.Entries[0])
	c := v.form
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"back pain", c.back.Value(), 3},
		{"leg pain", c.leg.Value(), 1},
		{"tightness", c.tight.Value(), 4},
		{"why tight", c.cause.Selected, "After sitting or driving"},
		{"leg reach", c.reach.Selected, "Buttock"},
		{"numbness", c.numb.Selected, "No"},
		{"kind", c.kind.Selected, "Morning"},
		{"note", c.note.Text, "Stiff after the drive."},
	} {
		if tc.got != tc.want {
			t.Errorf("prefilled %s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	tapCell(c.back, 5)
	test.Tap(button(t, w, "Save"))

	if len(rec.olds) != 1 || !rec.olds[0].Equal(old.Time) {
		t.Errorf("got EditEntry old times %v, want [%v]", rec.olds, old.Time)
	}
	got, err := store.Entries(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	want := old
	want.BackPain = 5
	if len(got) != 1 || !got[0].Time.Equal(old.Time) {
		t.Fatalf("got %+v, want one entry at %v", got, old.Time)
	}
	got[0].Time = want.Time
	if got[0] != want {
		t.Errorf("after the edit got %+v\nwant %+v", got[0], want)
	}
	if calls.changes != 1 || len(calls.checkIns) != 0 {
		t.Errorf("got %d calls of onChange and %d of onCheckIn, want 1 and none (an edit is no new check-in)", calls.changes, len(calls.checkIns))
	}
	if texts := historyTexts(v); !slices.Contains(texts, entryLine(want)) {
		t.Errorf("the history %q does not show the edited entry %q", texts, entryLine(want))
	}
}

func TestDeleteThenUndo(t *testing.T) {
	entry := journal.Entry{Time: testNow.Add(-11 * time.Hour), Kind: journal.Morning, BackPain: 4, LegPain: 2, Tightness: 5, Cause: program.CausePain}
	session := journal.Session{Time: testNow.Add(-2 * time.Hour), Started: testNow.Add(-2*time.Hour - 14*time.Minute), Routine: "steady",
		Level: 2, Duration: 14 * time.Minute, MaxPainDuring: 3, PainAfter: 2, Felt: program.FeltOK}
	walk := journal.Walk{Time: testNow.Add(-5 * time.Hour), Minutes: 25, Note: "Along the river."}
	// The history shows the session with the light the rules give it: green,
	// provisional until tomorrow morning's rating.
	judged := session
	judged.Light = program.Green
	for _, tc := range []struct {
		name    string
		line    string
		del     func(t *testing.T, v *View)
		count   func(s *journal.Store) int
		answer  string
		deleted bool
	}{
		{"check-in deleted", entryLine(entry), func(t *testing.T, v *View) { test.Tap(rowButton(t, v, entryLine(entry), "Delete")) }, countEntries, "Delete", true},
		{"check-in kept", entryLine(entry), func(t *testing.T, v *View) { test.Tap(rowButton(t, v, entryLine(entry), "Delete")) }, countEntries, "Keep", false},
		{"session deleted", sessionLine(judged), func(t *testing.T, v *View) { test.Tap(rowButton(t, v, sessionLine(judged), "Delete")) }, countSessions, "Delete", true},
		{"walk deleted", walkLine(walk), func(t *testing.T, v *View) { test.Tap(rowButton(t, v, walkLine(walk), "Delete")) }, countWalks, "Delete", true},
		{"walk kept", walkLine(walk), func(t *testing.T, v *View) { test.Tap(rowButton(t, v, walkLine(walk), "Delete")) }, countWalks, "Keep", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c0, store := openStore(t)
			if _, err := store.AddEntry(entry); err != nil {
				t.Fatal(err)
			}
			if _, err := store.AddSession(session); err != nil {
				t.Fatal(err)
			}
			if _, err := store.AddWalk(walk); err != nil {
				t.Fatal(err)
			}
			v, w, calls := newTestView(t, c0)
			if !slices.Contains(historyTexts(v), tc.line) {
				t.Fatalf("the history %q lacks %q before deleting", historyTexts(v), tc.line)
			}
			tc.del(t, v)
			if text := overlayText(w); !strings.Contains(text, tc.line) {
				t.Errorf("the confirmation %q does not say what it deletes (%q)", text, tc.line)
			}
			test.Tap(button(t, w, tc.answer))
			if !tc.deleted {
				if tc.count(store) != 1 || calls.changes != 0 || v.undo.content.Visible() {
					t.Errorf("after Keep: got %d left, %d changes, undo shown %v; want 1, 0, false", tc.count(store), calls.changes, v.undo.content.Visible())
				}
				return
			}
			if n := tc.count(store); n != 0 {
				t.Errorf("got %d left after Delete, want 0", n)
			}
			if slices.Contains(historyTexts(v), tc.line) {
				t.Errorf("the history still shows %q after Delete", tc.line)
			}
			if !v.undo.content.Visible() {
				t.Fatal("no offer to undo after Delete")
			}
			test.Tap(v.undo.undo)
			if n := tc.count(store); n != 1 {
				t.Errorf("got %d after Undo, want 1", n)
			}
			if !slices.Contains(historyTexts(v), tc.line) {
				t.Errorf("the history %q lacks %q after Undo", historyTexts(v), tc.line)
			}
			if v.undo.content.Visible() {
				t.Error("the undo offer stays up after Undo")
			}
			if calls.changes != 2 {
				t.Errorf("got %d calls of onChange, want 2 (delete, undo)", calls.changes)
			}
		})
	}
}

// rowButton is the button labelled text on the history row that shows line.
func rowButton(t *testing.T, v *View, line, text string) *widget.Button {
	t.Helper()
	for _, row := range v.history.Objects {
		shows, found := false, (*widget.Button)(nil)
		walk(row, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widget.Label:
				shows = shows || x.Text == line
			case *widget.Button:
				if x.Text == text {
					found = x
				}
			}
		})
		if shows && found != nil {
			return found
		}
	}
	t.Fatalf("no %q button on the history row %q", text, line)
	return nil
}

func countEntries(s *journal.Store) int {
	es, _ := s.Entries(time.Time{}, time.Time{}) // a failed read shows as a wrong count
	return len(es)
}

func countSessions(s *journal.Store) int {
	ss, _ := s.Sessions(time.Time{}, time.Time{}) // a failed read shows as a wrong count
	return len(ss)
}

func countWalks(s *journal.Store) int {
	ws, _ := s.Walks(time.Time{}, time.Time{}) // a failed read shows as a wrong count
	return len(ws)
}

func TestHistoryGroupsByDayNewestFirst(t *testing.T) {
	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2026, month, day, hour, minute, 0, 0, time.UTC)
	}
	store := &fakeStore{
		entries: []journal.Entry{
			{Time: at(time.November, 1, 9, 0).AddDate(-1, 0, 0), Kind: journal.Morning, BackPain: 6, LegPain: 4, Tightness: 6, Cause: program.CausePain},
			{Time: at(time.March, 18, 8, 12), Kind: journal.Morning, BackPain: 3, LegPain: 1, Tightness: 4, Cause: program.CauseInactivity, Note: "Long drive yesterday."},
			{Time: at(time.March, 18, 19, 5), Kind: journal.AnyTime, BackPain: 2, LegPain: 0, Tightness: 1, Cause: program.CauseInactivity, LegReach: program.ReachButtock},
			{Time: at(time.March, 20, 7, 30), Kind: journal.Morning, BackPain: 2, LegPain: 0, Tightness: 0, Cause: program.CauseNone},
		},
		sessions: []journal.Session{
			{Time: at(time.March, 18, 17, 40), Level: 2, DoseStep: 0, Duration: 14 * time.Minute, MaxPainDuring: 3, Felt: program.FeltOK,
				Light: program.Green, Final: true},
		},
		walks: []journal.Walk{
			{Time: at(time.March, 20, 12, 30), Minutes: 20, Note: "Round the park."},
		},
	}
	v, _, _ := newTestView(t, store)
	want := []string{
		"Friday 20 March",
		"12:30 · Walk · 20 min",
		"Round the park.",
		"07:30 · Morning · back 2 · leg 0 · tight 0",
		"Wednesday 18 March",
		"19:05 · Any time · back 2 · leg 0 · tight 1 (after sitting) · leg symptoms to the buttock",
		"17:40 · Session · Level 2, step 1 · 14 min · pain during 3 · felt OK · green",
		"08:12 · Morning · back 3 · leg 1 · tight 4 (after sitting)",
		"Long drive yesterday.",
	}
	if got := historyTexts(v); !slices.Equal(got, want) {
		t.Errorf("got history\n%q\nwant\n%q", got, want)
	}
	if !v.older.Visible() {
		t.Fatal("no way to show the entry older than 90 days")
	}
	test.Tap(v.older)
	want = append(want, "Saturday 1 November 2025", "09:00 · Morning · back 6 · leg 4 · tight 6 (with pain)")
	if got := historyTexts(v); !slices.Equal(got, want) {
		t.Errorf("after Show older got\n%q\nwant\n%q", got, want)
	}
	if v.older.Visible() {
		t.Error("Show older stays up with nothing older left")
	}
}

func TestHistoryEmpty(t *testing.T) {
	v, _, _ := newTestView(t, &fakeStore{})
	if got := historyTexts(v); !slices.Equal(got, []string{"No entries yet. Your check-ins and sessions will appear here."}) {
		t.Errorf("got %q, want the empty history text", got)
	}
	if v.older.Visible() {
		t.Error("an empty journal offers older entries")
	}
}

func TestExportWritesCSV(t *testing.T) {
	c0, store := openStore(t)
	es, ss := sampleRecords(20)
	for _, e := range es {
		if _, err := store.AddEntry(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range ss {
		if _, err := store.AddSession(s); err != nil {
			t.Fatal(err)
		}
	}
	v, w, _ := newTestView(t, c0)
	path := filepath.Join(t.TempDir(), "steady.csv")
	out, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	v.fileChosen(out, nil, func(w io.Writer) error { return v.store.Export(w, journal.CSV) }, func(file string) string { return "Saved in " + file + "." })
	if text := overlayText(w); !strings.Contains(text, "Saved in steady.csv.") {
		t.Errorf("got dialog %q, want it to say where the file is", text)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v", err)
	}
	if len(rows) != 1+len(es)+len(ss) {
		t.Errorf("got %d rows, want a header and %d records", len(rows), len(es)+len(ss))
	}
	for _, col := range []string{"record", "time", "kind", "back_pain", "leg_pain", "tightness", "note", "level"} {
		if len(rows) == 0 || !slices.Contains(rows[0], col) {
			t.Errorf("the header lacks %q", col)
		}
	}
}

func TestExportFailureIsShown(t *testing.T) {
	v, w, _ := newTestView(t, &fakeStore{})
	out, err := storage.Writer(storage.NewFileURI(filepath.Join(t.TempDir(), "steady.json")))
	if err != nil {
		t.Fatal(err)
	}
	v.fileChosen(out, nil, func(w io.Writer) error { return v.store.Export(w, journal.JSON) }, func(file string) string { return "Saved in " + file + "." })
	if text := overlayText(w); !strings.Contains(text, "Steady could not write steady.json") {
		t.Errorf("got dialog %q, want it to say the export failed", text)
	}
}

func TestJournalScreenLooks(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{theme.VariantLight})
	es, ss := sampleRecords(60)
	w := test.NewTempWindow(t, nil)
	v := New(w, &fakeStore{entries: es, sessions: ss}, fixedNow, nil, nil)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1000, 760))
	// The toolbars' height follows their width; the window lays their
	// containers out again on its next frame, which the test canvas has not.
	v.Content().Refresh()
	test.AssertImageMatches(t, "journal_light.png", w.Canvas().Capture())
}

func TestHistoryOfManyEntriesShowsNinetyDays(t *testing.T) {
	store := &fakeStore{}
	start := startOfDay(testNow).AddDate(0, 0, -4999)
	for i := range 20000 {
		at := start.AddDate(0, 0, i/4).Add(time.Duration(7+3*(i%4)) * time.Hour)
		store.entries = append(store.entries, journal.Entry{Time: at, Kind: journal.AnyTime, BackPain: i % 11, LegPain: 1, Tightness: 2})
	}
	began := time.Now()
	v, _, _ := newTestView(t, store)
	t.Logf("20,000 entries shown in %v", time.Since(began))
	headers := 0
	for _, o := range v.history.Objects {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
			headers++
		}
	}
	if headers != historyStep {
		t.Errorf("got %d days in the history, want %d", headers, historyStep)
	}
	if !v.older.Visible() {
		t.Error("no way to show older entries")
	}
}

// A deletion by keys: Enter on the confirmation deletes, Escape keeps, and
// Undo (Ctrl+Z in the window) brings the walk back.
func TestDeleteByKeyboardThenUndo(t *testing.T) {
	walk := journal.Walk{Time: testNow.Add(-5 * time.Hour), Minutes: 25}
	c0, store := openStore(t)
	if _, err := store.AddWalk(walk); err != nil {
		t.Fatal(err)
	}
	v, w, _ := newTestView(t, c0)
	key := func(k fyne.KeyName) {
		e := &fyne.KeyEvent{Name: k}
		if f := w.Canvas().Focused(); f != nil {
			f.TypedKey(e)
		} else if h := w.Canvas().OnTypedKey(); h != nil {
			h(e)
		}
	}
	test.Tap(rowButton(t, v, walkLine(walk), "Delete"))
	key(fyne.KeyEscape)
	if n := countWalks(store); n != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("Escape: %d walks, dialog open %v; want the walk kept and the dialog closed", n, w.Canvas().Overlays().Top() != nil)
	}
	test.Tap(rowButton(t, v, walkLine(walk), "Delete"))
	key(fyne.KeyReturn)
	if n := countWalks(store); n != 0 {
		t.Fatalf("Enter: %d walks, want the walk deleted", n)
	}
	if !v.Undo() {
		t.Fatal("Undo found no deletion to undo")
	}
	if n := countWalks(store); n != 1 {
		t.Errorf("after Undo, %d walks, want the walk back", n)
	}
	if v.Undo() {
		t.Error("a second Undo undid something again")
	}
}

// A journal that holds only function ratings lists them in the history,
// by day, under the activity's name (a replaced one's too), and does not
// say it is empty.
func TestHistoryListsFunctionRatingsAlone(t *testing.T) {
	c, _, clock := openStoreAt(t, testNow.Add(-48*time.Hour+30*time.Second)) // Wednesday 19:30:30
	acts, err := c.NameActivities([]coach.NamedActivity{{Name: "Gardening", Score: 2}, {Name: "Driving an hour", Score: 5}})
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(24 * time.Hour)
	if _, err := c.ReplaceActivity(acts[0].ID, coach.NamedActivity{Name: "Lifting a child", Score: 4}); err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	v := New(w, c, clock.Now, nil, nil)
	w.SetContent(v.Content())
	want := []string{
		"Thursday 19 March",
		"19:30 · What you can do · Lifting a child: 4 / 10",
		"Wednesday 18 March",
		"19:30 · What you can do · Driving an hour: 5 / 10",
		"19:30 · What you can do · Gardening: 2 / 10",
	}
	if got := historyTexts(v); !slices.Equal(got, want) {
		t.Errorf("got history\n%q\nwant\n%q", got, want)
	}
}
