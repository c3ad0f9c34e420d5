package locale

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"nothing set", nil, "en"},
		{"C", map[string]string{"LANG": "C"}, "en"},
		{"C with a codeset", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"POSIX", map[string]string{"LC_ALL": "POSIX"}, "en"},
		{"LANG", map[string]string{"LANG": "de_DE.UTF-8"}, "de_DE"},
		{"Austrian German", map[string]string{"LANG": "de_AT.UTF-8"}, "de_AT"},
		{"American English", map[string]string{"LANG": "en_US.UTF-8"}, "en_US"},
		{"Mexican Spanish", map[string]string{"LANG": "es_MX.UTF-8"}, "es_MX"},
		{"a modifier", map[string]string{"LANG": "fr_FR@euro"}, "fr_FR"},
		{"LC_MESSAGES over LANG", map[string]string{"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "de_DE.UTF-8"}, "fr_CA"},
		{"LC_ALL over all", map[string]string{"LC_ALL": "es_ES.UTF-8", "LC_MESSAGES": "fr_FR", "LANG": "de_DE"}, "es_ES"},
		{"LANGUAGE first", map[string]string{"LANG": "en_GB.UTF-8", "LANGUAGE": "fr:de"}, "fr"},
		{"LANGUAGE skips what Steady does not speak", map[string]string{"LANG": "en_GB.UTF-8", "LANGUAGE": "nl:pt_BR:es"}, "es"},
		{"LANGUAGE keeps the locale's region for its language", map[string]string{"LANG": "de_CH.UTF-8", "LANGUAGE": "de"}, "de_CH"},
		{"LANGUAGE ignored under C", map[string]string{"LANG": "C", "LANGUAGE": "de"}, "en"},
		{"LANGUAGE ignored under C.UTF-8", map[string]string{"LC_ALL": "C.UTF-8", "LANGUAGE": "de"}, "en"},
		{"a language Steady does not speak keeps its region", map[string]string{"LANG": "nl_NL.UTF-8"}, "en_NL"},
		{"a tag", map[string]string{"LANG": "fr-BE"}, "fr_BE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FromEnv(envOf(tt.env)).String(); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestSetup(t *testing.T) {
	defer Set(Current())
	tests := []struct {
		name, lang, override, want, language, lcMessages string
	}{
		{"the environment", "de_AT.UTF-8", "", "de_AT", "de_AT", ""},
		{"the Settings choice wins, with the region", "de_AT.UTF-8", "fr", "fr_AT", "fr_AT", ""},
		{"English chosen", "es_ES.UTF-8", "en", "en_ES", "en_ES", ""},
		{"an unknown choice is ignored", "es_ES.UTF-8", "xx", "es_ES", "es_ES", ""},
		{"under C the toolkit needs LC_MESSAGES", "C", "de", "de", "de", "de.UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANGUAGE", "")
			t.Setenv("LANG", tt.lang)
			got := Setup(tt.override)
			if got.String() != tt.want || Current() != got {
				t.Errorf("got %s (current %s), want %s", got, Current(), tt.want)
			}
			if v := getenv(t, "LANGUAGE"); v != tt.language {
				t.Errorf("LANGUAGE=%q, want %q", v, tt.language)
			}
			if v := getenv(t, "LC_MESSAGES"); v != tt.lcMessages {
				t.Errorf("LC_MESSAGES=%q, want %q", v, tt.lcMessages)
			}
		})
	}
}

func getenv(t *testing.T, k string) string {
	t.Helper()
	return os.Getenv(k)
}

func TestSupported(t *testing.T) {
	var got []string
	for _, l := range Supported() {
		got = append(got, l.Code+"="+l.Name)
	}
	if s := strings.Join(got, " "); s != "en=English de=Deutsch es=Español fr=Français" {
		t.Errorf("got %s", s)
	}
}

func TestTranslate(t *testing.T) {
	de, _ := Parse("de_DE")
	es, _ := Parse("es")
	fr, _ := Parse("fr")
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"English is the ID", English.L("Journal copied to {{.File}}", map[string]any{"File": "a.db"}), "Journal copied to a.db"},
		{"German", de.L("Journal copied to {{.File}}", map[string]any{"File": "a.db"}), "Tagebuch nach a.db kopiert"},
		{"a message no catalog has reads in English", de.L("Not in any catalog: {{.N}}", map[string]any{"N": 3}), "Not in any catalog: 3"},
		{"English plural, one", English.N("{{.Count}} days", 1), "1 day"},
		{"English plural, other", English.N("{{.Count}} days", 3), "3 days"},
		{"German plural, one", de.N("{{.Count}} days", 1), "1 Tag"},
		{"German plural, other", de.N("{{.Count}} days", 2), "2 Tage"},
		{"French zero is singular", fr.N("{{.Count}} days", 0), "0 jour"},
		{"Spanish plural", es.N("{{.Count}} days", 5), "5 días"},
		{"an ID told apart from its text", de.X("month.short.May", "May"), "Mai"},
		{"the same text by its own ID", de.L("May"), "Mai"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// A broken catalog is left out with one line in the log; its messages read
// in English and the others still translate.
func TestDrillMalformedCatalog(t *testing.T) {
	fsys := fstest.MapFS{
		"cli.de.json":     {Data: []byte(`{"Hello {{.Name}}": "Hallo {{.Name}}", `)},
		"explain.de.json": {Data: []byte(`{"Goodbye": "Tschüss"}`)},
		"notes.txt.json":  {Data: []byte(`{}`)},
	}
	var logged bytes.Buffer
	b := loadBundle(fsys, log.New(&logged, "", 0).Printf)
	lines := strings.Split(strings.TrimSpace(logged.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "cli.de.json") || !strings.Contains(lines[1], "notes.txt.json") {
		t.Errorf("log: got %q, want one line for cli.de.json and one for notes.txt.json", logged.String())
	}
	de := Locale{lang: "de"}
	loc := newLocalizer(b, de)
	if got := localizeWith(loc, "Hello {{.Name}}", map[string]any{"Name": "Ana"}); got != "Hello Ana" {
		t.Errorf("broken catalog's message: got %q, want English", got)
	}
	if got := localizeWith(loc, "Goodbye", nil); got != "Tschüss" {
		t.Errorf("sound catalog's message: got %q, want Tschüss", got)
	}
}

// A translation whose template is broken reads in English, with its data.
func TestBrokenTranslation(t *testing.T) {
	fsys := fstest.MapFS{"cli.fr.json": {Data: []byte(`{"Hello {{.Name}}": "Bonjour {{.Name"}`)}}
	var logged bytes.Buffer
	b := loadBundle(fsys, log.New(&logged, "", 0).Printf)
	fr := Locale{lang: "fr"}
	if got := localizeWith(newLocalizer(b, fr), "Hello {{.Name}}", map[string]any{"Name": "Ana"}); got != "Hello Ana" {
		t.Errorf("got %q, want English", got)
	}
}

func TestFormats(t *testing.T) {
	at := time.Date(2026, time.May, 3, 15, 4, 0, 0, time.UTC) // a Sunday
	tests := []struct {
		locale                                    string
		day, short, long, monthYear, clock, fixed string
		first                                     time.Weekday
	}{
		{"en", "Sun 3 May", "3 May 2026", "3 May 2026", "May 2026", "15:04", "3.5", time.Monday},
		{"en_GB", "Sun 3 May", "3 May 2026", "3 May 2026", "May 2026", "15:04", "3.5", time.Monday},
		{"en_US", "Sun, May 3", "May 3, 2026", "May 3, 2026", "May 2026", "3:04 PM", "3.5", time.Sunday},
		{"de_DE", "So. 3. Mai", "3. Mai 2026", "3. Mai 2026", "Mai 2026", "15:04", "3,5", time.Monday},
		{"de_CH", "So. 3. Mai", "3. Mai 2026", "3. Mai 2026", "Mai 2026", "15:04", "3.5", time.Monday},
		{"es_ES", "dom 3 may", "3 may 2026", "3 de mayo de 2026", "mayo de 2026", "15:04", "3,5", time.Monday},
		{"es_MX", "dom 3 may", "3 may 2026", "3 de mayo de 2026", "mayo de 2026", "15:04", "3.5", time.Sunday},
		{"fr_FR", "dim. 3 mai", "3 mai 2026", "3 mai 2026", "mai 2026", "15:04", "3,5", time.Monday},
		{"fr_CA", "dim. 3 mai", "3 mai 2026", "3 mai 2026", "mai 2026", "15:04", "3,5", time.Sunday},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			l, _ := Parse(tt.locale)
			for _, c := range []struct{ what, got, want string }{
				{"Day", l.Day(at), tt.day},
				{"ShortDate", l.ShortDate(at), tt.short},
				{"LongDate", l.LongDate(at), tt.long},
				{"MonthYear", l.MonthYear(at), tt.monthYear},
				{"Time", l.Time(at), tt.clock},
				{"Fixed", l.Fixed(3.5, 1), tt.fixed},
				{"FirstWeekday", l.FirstWeekday().String(), tt.first.String()},
			} {
				if c.got != c.want {
					t.Errorf("%s: got %q, want %q", c.what, c.got, c.want)
				}
			}
		})
	}
}

// French writes the first of the month as an ordinal, "1er", and every
// other day as a number; the other languages write the first as a number.
func TestFirstOfTheMonth(t *testing.T) {
	first := time.Date(2026, time.March, 1, 9, 0, 0, 0, time.UTC) // a Sunday
	second := first.AddDate(0, 0, 1)
	for _, tt := range []struct{ locale, day, long, second string }{
		{"fr_FR", "dim. 1er mars", "1er mars 2026", "2 mars 2026"},
		{"en_GB", "Sun 1 Mar", "1 March 2026", "2 March 2026"},
		{"de_DE", "So. 1. März", "1. März 2026", "2. März 2026"},
		{"es_ES", "dom 1 mar", "1 de marzo de 2026", "2 de marzo de 2026"},
	} {
		l, _ := Parse(tt.locale)
		if got := l.Day(first); got != tt.day {
			t.Errorf("%s Day: got %q, want %q", tt.locale, got, tt.day)
		}
		if got := l.LongDate(first); got != tt.long {
			t.Errorf("%s LongDate: got %q, want %q", tt.locale, got, tt.long)
		}
		if got := l.LongDate(second); got != tt.second {
			t.Errorf("%s LongDate of the 2nd: got %q, want %q", tt.locale, got, tt.second)
		}
	}
}

func TestNames(t *testing.T) {
	de, _ := Parse("de")
	fr, _ := Parse("fr")
	es, _ := Parse("es")
	var got []string
	for d := time.Sunday; d <= time.Saturday; d++ {
		got = append(got, de.Weekday(d), fr.WeekdayShort(d))
	}
	for m := time.January; m <= time.December; m++ {
		got = append(got, es.Month(m), de.MonthShort(m))
	}
	want := "Sonntag dim. Montag lun. Dienstag mar. Mittwoch mer. Donnerstag jeu. Freitag ven. Samstag sam. " +
		"enero Jan. febrero Feb. marzo März abril Apr. mayo Mai junio Juni julio Juli agosto Aug. septiembre Sept. octubre Okt. noviembre Nov. diciembre Dez."
	if s := strings.Join(got, " "); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
}

func TestNumbers(t *testing.T) {
	de, _ := Parse("de")
	tests := []struct {
		l        Locale
		x        float64
		decimals int
		fixed    string
		number   string
	}{
		{English, 3, 1, "3.0", "3"},
		{English, 2.25, 1, "2.2", "2.2"}, // strconv rounds half to even on the binary value
		{English, -0.04, 1, "0.0", "0"},
		{de, 3.5, 1, "3,5", "3,5"},
		{de, 10, 1, "10,0", "10"},
		{de, 1.05, 2, "1,05", "1,05"},
		{de, 1.10, 2, "1,10", "1,1"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %v", tt.l, tt.x), func(t *testing.T) {
			if got := tt.l.Fixed(tt.x, tt.decimals); got != tt.fixed {
				t.Errorf("Fixed: got %q, want %q", got, tt.fixed)
			}
			if got := tt.l.Number(tt.x, tt.decimals); got != tt.number {
				t.Errorf("Number: got %q, want %q", got, tt.number)
			}
		})
	}
}

func localizeWith(loc *i18n.Localizer, msg string, data any) string {
	return localize(loc, &i18n.Message{ID: msg, Other: msg}, nil, data)
}
