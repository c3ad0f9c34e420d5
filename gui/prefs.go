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

// Session and sound preferences.
const (
	prefVoice        = "sound.voice"      // bool, spoken prompts
	prefTones        = "sound.tones"      // bool, tonal cues
	prefTicks        = "sound.ticks"      // bool, countdown ticks
	prefVolume       = "sound.volume"     // float 0..1
	prefGetReady     = "session.getReady" // seconds before each exercise
	prefRest         = "session.rest"     // seconds between exercises
	prefReminder     = "reminder.enabled" // bool
	prefReminderTime = "reminder.time"    // "HH:MM", local time
)

// Defaults and choices for the session preferences.
const (
	defaultVolume       = 0.8
	defaultGetReady     = 5
	defaultRest         = 20
	defaultReminderTime = "08:00"
)

var (
	getReadyChoices = []int{3, 5, 10, 15}
	restChoices     = []int{10, 20, 30, 45, 60}
)
