// Package locale is Steady's language and regional formats: which of the
// supported languages the user reads (English, German, Spanish, French),
// the translation of every sentence Steady shows, and dates, times and
// numbers written as the user's region writes them.
//
// Messages are identified by their English text, as with the toolkit's own
// lang.L: the code calls locale.L("Journal copied to {{.File}}",
// map[string]any{"File": name}) and the catalogs map that text to each
// language's. Placeholders are text/template fields ({{.Name}}). A message
// missing from a catalog reads in English, rendered with its data.
//
// The catalogs are JSON files in go-i18n's format, embedded from
// catalogs/<area>.<lang>.json (cli.de.json, explain.fr.json, gui.es.json,
// ...). English needs a catalog only for plural forms (cli.en.json).
//
// The language is process-wide, chosen once at start-up by Setup, like the
// toolkit's: every screen and every command of one run speaks one
// language. It imports no toolkit, so coach/ and explain/ stay free of it.
package locale

import (
	"os"
	"strings"
	"sync/atomic"
)

// A Language is one Steady speaks: its code and its name in itself, for a
// choice in Settings.
type Language struct {
	Code string // "en", "de", "es", "fr"
	Name string // "English", "Deutsch", "Español", "Français"
}

// languages are the supported languages, English (the source) first.
var languages = []Language{
	{"en", "English"},
	{"de", "Deutsch"},
	{"es", "Español"},
	{"fr", "Français"},
}

// Supported lists the languages Steady speaks, each named in itself.
func Supported() []Language { return append([]Language(nil), languages...) }

func supported(code string) bool {
	for _, l := range languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// A Locale is a language and the region whose formats go with it: de_AT
// reads German with Austrian formats, en_US English with a 12-hour clock
// and weeks from Sunday. The zero Locale is English without a region.
type Locale struct {
	lang   string // a supported language code; "" is English
	region string // ISO 3166 region in capitals, "" when none is known
}

// Lang is the language code: "en", "de", "es" or "fr".
func (l Locale) Lang() string {
	if l.lang == "" {
		return "en"
	}
	return l.lang
}

// Region is the region code in capitals ("AT", "US"), "" when none is known.
func (l Locale) Region() string { return l.region }

// String is the locale as a POSIX name without the codeset: "de_AT", "fr".
func (l Locale) String() string {
	if l.region == "" {
		return l.Lang()
	}
	return l.Lang() + "_" + l.region
}

// English is the source language, without a region.
var English = Locale{lang: "en"}

// Parse reads a POSIX locale name or a language tag ("de_AT.UTF-8",
// "fr-CA", "es", "de_DE@euro") as a Locale. ok is false for a language
// Steady does not speak, for C and POSIX and for an empty name; the Locale
// is then English, keeping a region the name gave.
func Parse(name string) (l Locale, ok bool) {
	name, _, _ = strings.Cut(name, "@") // modifier
	name, _, _ = strings.Cut(name, ".") // codeset
	name = strings.ReplaceAll(name, "-", "_")
	code, region, _ := strings.Cut(name, "_")
	code = strings.ToLower(code)
	region = strings.ToUpper(region)
	if len(region) != 2 && !isDigits(region, 3) {
		region = "" // a script such as zh_Hans, or nonsense
	}
	if code == "c" || code == "posix" || !supported(code) {
		return Locale{lang: "en", region: region}, false
	}
	return Locale{lang: code, region: region}, true
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// FromEnv is the locale the environment asks for, as gettext reads it:
// LC_ALL, else LC_MESSAGES, else LANG names the locale; unless that is C or
// POSIX, LANGUAGE (a colon-separated list) is tried first, in order. The
// first supported language wins; English when none is. The region comes
// from the chosen entry, else from the locale variable (for formats).
func FromEnv(getenv func(string) string) Locale {
	name := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if name = getenv(v); name != "" {
			break
		}
	}
	base, baseOK := Parse(name)
	if baseOK || !isC(name) {
		for _, entry := range strings.Split(getenv("LANGUAGE"), ":") {
			if l, ok := Parse(entry); ok {
				if l.region == "" && l.lang == base.lang {
					l.region = base.region
				}
				return l
			}
		}
	}
	if baseOK {
		return base
	}
	return Locale{lang: "en", region: base.region}
}

// isC reports whether a locale name is the C or POSIX locale, with any
// codeset (C.UTF-8).
func isC(name string) bool {
	name, _, _ = strings.Cut(name, ".")
	return name == "C" || name == "POSIX"
}

// current is the process's locale, set by Setup (or Set in tests).
var current atomic.Pointer[Locale]

// Current is the locale Setup chose; English before Setup.
func Current() Locale {
	if l := current.Load(); l != nil {
		return *l
	}
	return English
}

// Set makes l the process's locale, for L, N, X and the formats.
func Set(l Locale) { current.Store(&l) }

// Setup chooses the process's language and returns it. override is the
// user's choice in Settings ("en", "de", "es", "fr"; "" to follow the
// system): it wins when Steady speaks it, keeping the region the
// environment gives for formats. Otherwise the environment decides (see
// FromEnv).
//
// Setup also sets LANGUAGE (and LC_MESSAGES when the locale is C, where
// LANGUAGE is not read) so that the toolkit's own strings, which it reads
// from the environment, follow the same choice; the window must then make
// the toolkit read them again (gui.FollowLanguage).
func Setup(override string) Locale {
	l := FromEnv(os.Getenv)
	if o, ok := Parse(override); ok {
		if o.region == "" {
			o.region = l.region
		}
		l = o
	}
	Set(l)
	followInEnv(l, os.Getenv, os.Setenv)
	return l
}

// followInEnv sets the variables the toolkit's locale lookup reads so
// that they name l's language.
func followInEnv(l Locale, getenv func(string) string, setenv func(string, string) error) {
	// Setting the environment of our own process cannot fail for these
	// names and values; an error would only leave the toolkit in English.
	_ = setenv("LANGUAGE", l.String())
	if getenv("LC_ALL") != "" {
		return // it outranks everything; a C LC_ALL keeps the toolkit in English
	}
	name := getenv("LC_MESSAGES")
	if name == "" {
		name = getenv("LANG")
	}
	if isC(name) && l.Lang() != "en" {
		_ = setenv("LC_MESSAGES", l.String()+".UTF-8")
	}
}
