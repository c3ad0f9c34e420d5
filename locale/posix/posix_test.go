package posix

import "testing"

func TestFix(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"C with a codeset", map[string]string{"LANG": "C.UTF-8"}, true},
		{"POSIX with a codeset in LC_ALL", map[string]string{"LC_ALL": "POSIX.utf8", "LANG": "de_DE.UTF-8"}, true},
		{"plain C is read as C already", map[string]string{"LANG": "C"}, false},
		{"LANGUAGE set", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "de"}, false},
		{"a language", map[string]string{"LANG": "de_DE.UTF-8"}, false},
		{"LC_MESSAGES outranks LANG", map[string]string{"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "C.UTF-8"}, false},
		{"nothing set", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fix(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
