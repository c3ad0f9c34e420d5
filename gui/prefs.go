package gui

// Preference keys. Preferences hold small settings; the journal holds the
// user's data.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefTheme        = "appearance.theme"      // "system", "light" or "dark"
	prefLargerText   = "appearance.largerText" // bool
)

// Theme choices stored under prefTheme.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)
