package keys

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// press sends a key the way the desktop driver does: to the focused
// control, else to the window's key handler.
func press(c fyne.Canvas, k fyne.KeyName) {
	e := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(e)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(e)
	}
}

// Tab reaches each control of a dialog in turn, and Enter and Escape do the
// dialog's work wherever the focus is.
func TestConfirmKeys(t *testing.T) {
	tests := []struct {
		name  string
		tabs  int // Tab presses before the key
		key   fyne.KeyName
		want  string
		stays bool
	}{
		{"Enter, nothing focused", 0, fyne.KeyReturn, "yes", false},
		{"keypad Enter", 0, fyne.KeyEnter, "yes", false},
		{"Escape, nothing focused", 0, fyne.KeyEscape, "no", false},
		{"Escape on the check box", 1, fyne.KeyEscape, "no", false},
		{"Enter on the check box", 1, fyne.KeyReturn, "yes", false},
		{"Escape on the entry", 2, fyne.KeyEscape, "no", false},
		{"Enter on the Keep button presses it", 3, fyne.KeyReturn, "no", false},
		{"Escape on the Delete button", 4, fyne.KeyEscape, "no", false},
		{"Space on the Delete button", 4, fyne.KeySpace, "yes", false},
		{"a letter does nothing", 0, fyne.KeyA, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewTempWindow(t, widget.NewLabel("under"))
			w.Resize(fyne.NewSize(600, 400))
			before := 0
			w.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { before++ })
			check := NewCheck("Also the notes", nil)
			entry := NewEntry()
			got := ""
			Confirm(w, "Delete?", container.NewVBox(check, entry), fyne.Size{}, "Keep", "Delete",
				widget.DangerImportance, func(yes bool) {
					got = map[bool]string{true: "yes", false: "no"}[yes]
				})
			c := w.Canvas()
			wantFocus := []fyne.Focusable{check, entry, nil, nil}
			for i := range tt.tabs {
				test.FocusNext(c)
				if i < 2 && c.Focused() != wantFocus[i] {
					t.Fatalf("Tab %d focused %T, want %T", i+1, c.Focused(), wantFocus[i])
				}
				if i >= 2 {
					b, ok := c.Focused().(*Button)
					if want := []string{"Keep", "Delete"}[i-2]; !ok || b.Text != want {
						t.Fatalf("Tab %d focused %T, want the %s button", i+1, c.Focused(), want)
					}
				}
			}
			press(c, tt.key)
			if got != tt.want {
				t.Errorf("answer %q, want %q", got, tt.want)
			}
			if open := c.Overlays().Top() != nil; open != tt.stays {
				t.Errorf("dialog open %v, want %v", open, tt.stays)
			}
			if !tt.stays {
				press(c, fyne.KeyReturn)
				if before != 1 {
					t.Errorf("after the dialog closed, the window's own key handler got %d keys, want 1", before)
				}
			}
		})
	}
}

// An entry with its own OnSubmitted keeps Enter; Escape still closes.
func TestEntryKeepsEnterForItsOwnSubmit(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("under"))
	submitted, mains := 0, 0
	e := NewEntry()
	e.OnSubmitted = func(string) { submitted++ }
	d := dialog.NewCustomWithoutButtons("Log", e, w)
	Show(w, d, fyne.Size{}, nil, NewButton("Save", nil, widget.HighImportance, func() { mains++ }))
	w.Canvas().Focus(e)
	press(w.Canvas(), fyne.KeyReturn)
	if submitted != 1 || mains != 0 {
		t.Errorf("Enter in the entry: %d submits, %d main presses; want 1, 0", submitted, mains)
	}
	press(w.Canvas(), fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape in the entry left the dialog open")
	}
}

// A disabled main button is not pressed by Enter.
func TestEnterSkipsADisabledMainButton(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("under"))
	pressed := 0
	main := NewButton("Save", nil, widget.HighImportance, func() { pressed++ })
	main.Disable()
	Show(w, dialog.NewCustomWithoutButtons("Form", widget.NewLabel("x"), w), fyne.Size{}, nil, main)
	press(w.Canvas(), fyne.KeyReturn)
	if pressed != 0 {
		t.Errorf("Enter pressed a disabled button %d times", pressed)
	}
	main.Enable()
	press(w.Canvas(), fyne.KeyReturn)
	if pressed != 1 {
		t.Errorf("Enter pressed the enabled button %d times, want 1", pressed)
	}
}
