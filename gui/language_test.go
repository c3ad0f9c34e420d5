package gui

import (
	"testing"

	"fyne.io/fyne/v2/lang"

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
