package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"steady/locale"
)

// After locale.Setup chose a language, the toolkit's own strings follow it.
func TestFollowLanguage(t *testing.T) {
	defer locale.Set(locale.Current())
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "C")
	t.Setenv("LANGUAGE", "")
	tests := []struct{ choice, want string }{
		{"de", "Abbrechen"},
		{"fr", "Annuler"},
		{"es", "Cancelar"},
		{"en", "Cancel"},
	}
	for _, tt := range tests {
		t.Run(tt.choice, func(t *testing.T) {
			locale.Setup(tt.choice)
			FollowLanguage()
			if got := lang.L("Cancel"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// The Settings choice is stored where main reads it at the next start, and
// the screen says when it takes effect.
func TestLanguageSetting(t *testing.T) {
	a := test.NewTempApp(t)
	u := &UI{app: a}
	box := u.languageSetting().(*fyne.Container)
	sel := box.Objects[0].(*widget.Select)
	hint := box.Objects[1].(*widget.Label)
	if sel.Selected != "Follow the system" || hint.Text != "" {
		t.Fatalf("at first: selected %q, hint %q; want the system's language and no hint", sel.Selected, hint.Text)
	}
	if got := strings.Join(sel.Options, ", "); got != "Follow the system, English, Deutsch, Español, Français" {
		t.Errorf("options: %s", got)
	}
	sel.SetSelected("Deutsch")
	if got := a.Preferences().String(PrefLanguage); got != "de" {
		t.Errorf("stored %q, want de", got)
	}
	if !strings.Contains(hint.Text, "next start") {
		t.Errorf("hint %q does not say when the choice takes effect", hint.Text)
	}
	sel.SetSelected("Follow the system")
	if got := a.Preferences().String(PrefLanguage); got != "" || hint.Text != "" {
		t.Errorf("back to the system: stored %q, hint %q; want both empty", got, hint.Text)
	}
}
