// Package posix keeps the toolkit quiet about a C locale. The toolkit's
// translation package (fyne.io/fyne/v2/lang) reads the locale once, when
// the program starts, through go-locale: that takes LC_ALL, LC_MESSAGES or
// LANG as given and, unless it is exactly "C" or "POSIX", prefers LANGUAGE.
// The C locale with a codeset, "C.UTF-8" (the default of many containers
// and minimal systems), is neither, so go-locale hands the toolkit "C",
// which is no language tag, and the toolkit logs "Error parsing user locale
// C" on every start, before main runs.
//
// Imported by main, this package's init runs before the toolkit's (it
// imports nothing but the standard library, so Go initialises it first; a
// test checks) and, for such a locale with no LANGUAGE, sets LANGUAGE to
// "en": what the C locale means, said in a form go-locale reads. Nothing
// else reads LANGUAGE under a C locale. locale.Setup later sets LANGUAGE to
// the language Steady chose.
package posix

import (
	"os"
	"strings"
)

func init() {
	if fix(os.Getenv) {
		// Setting a variable in our own environment does not fail for a
		// valid name; at worst the toolkit logs its line.
		_ = os.Setenv("LANGUAGE", "en")
	}
}

// fix reports whether the environment names the C locale with a codeset
// and no LANGUAGE: the case in which the toolkit cannot parse the locale.
func fix(getenv func(string) string) bool {
	if getenv("LANGUAGE") != "" {
		return false
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if name := getenv(v); name != "" {
			base, codeset, found := strings.Cut(name, ".")
			return found && codeset != "" && (base == "C" || base == "POSIX")
		}
	}
	return false
}
