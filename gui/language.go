package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// PrefLanguage is the preference holding the language chosen in Settings:
// a code of locale.Supported, or "" to follow the system. main reads it
// before the window opens (locale.Setup), so a change takes effect at the
// next start.
const PrefLanguage = "appearance.language"

// FollowLanguage makes the toolkit's own strings (dialog buttons and the
// like, which it translates itself) follow the language locale.Setup
// chose. The toolkit reads the locale from the environment once, when the
// program starts, before main can choose; locale.Setup has since set
// LANGUAGE (and LC_MESSAGES under a C locale), and adding a catalog is the
// toolkit's one way to make it read them again. The catalog added is empty:
// it adds no message and changes no translation.
func FollowLanguage() {
	// An empty JSON object always parses; the error cannot happen.
	_ = lang.AddTranslationsForLocale([]byte("{}"), fyne.Locale("en"))
}
