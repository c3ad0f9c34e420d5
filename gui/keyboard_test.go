package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// pressKey sends a key the way the desktop driver does: to the focused
// control, else to the window's key handler.
func pressKey(c fyne.Canvas, k fyne.KeyName) {
	e := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(e)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(e)
	}
}

// By keys alone: the first run goes on with Enter and back with Escape,
// also from a focused check box; Today's Enter opens the check-in, whose
// Escape closes it; the walk dialog closes with Escape.
func TestScreensByKeyboard(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.Local)
	u, _, _ := newAppUI(t, now)
	u.win.Resize(fyne.NewSize(1100, 760))
	c := u.win.Canvas()
	page := func() string { return bodyText(u) }

	pressKey(c, fyne.KeyReturn)
	if !strings.Contains(page(), "Safety questions") {
		t.Fatalf("Enter on the welcome did not show the safety questions:\n%s", page())
	}
	test.FocusNext(c) // the first question's check box
	if _, ok := c.Focused().(fyne.Focusable); !ok {
		t.Fatal("Tab focused nothing on the safety questions")
	}
	pressKey(c, fyne.KeyEscape)
	if !strings.Contains(page(), "Welcome to Steady") {
		t.Fatalf("Escape on a focused check box did not go back to the welcome:\n%s", page())
	}
	for range 3 {
		c.Unfocus()
		pressKey(c, fyne.KeyReturn)
	}
	if u.tabs == nil || !strings.Contains(page(), "Morning check-in") {
		t.Fatalf("Enter three times did not end the first run on Today:\n%s", page())
	}

	pressKey(c, fyne.KeyReturn)
	if top := overlay(u); top == nil || !strings.Contains(texts(top), "Back pain") {
		t.Fatal("Enter on Today opened no check-in")
	}
	pressKey(c, fyne.KeyEscape) // the back-pain scale has the focus
	if overlay(u) != nil {
		t.Fatal("Escape left the check-in open")
	}

	u.logWalk()
	if overlay(u) == nil {
		t.Fatal("no walk dialog")
	}
	pressKey(c, fyne.KeyEscape) // the minutes have the focus
	if overlay(u) != nil {
		t.Fatal("Escape left the walk dialog open")
	}
	pressKey(c, fyne.KeyReturn)
	if top := overlay(u); top == nil || !strings.Contains(texts(top), "Back pain") {
		t.Fatal("after the dialogs, Enter on Today no longer opens the check-in")
	}
}
