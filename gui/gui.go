package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// Window sizes, in Fyne units.
var (
	minWindowSize     = fyne.NewSize(760, 540)
	defaultWindowSize = fyne.NewSize(1100, 760)
)

// Options are what the window needs from the rest of Steady.
type Options struct {
	Version string // shown in About
	DataDir string // where the journal and its backups live

	Sound        soundControls // the audio player's settings
	SoundProblem string        // why there is no sound, when there is none
}

// UI is Steady's main window: the navigation shell and its screens.
type UI struct {
	app   fyne.App
	win   fyne.Window
	opt   Options
	theme *appTheme
	tabs  *container.AppTabs
}

// New builds Steady's window content into w, restores the window's size and
// appearance from the preferences and installs the keyboard shortcuts.
func New(a fyne.App, w fyne.Window, opt Options) *UI {
	p := a.Preferences()
	u := &UI{
		app: a,
		win: w,
		opt: opt,
		theme: &appTheme{
			variant:    p.StringWithFallback(prefTheme, themeSystem),
			largerText: p.Bool(prefLargerText),
		},
	}
	a.Settings().SetTheme(u.theme)

	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Today", theme.HomeIcon(), u.todayScreen()),
		container.NewTabItemWithIcon("Journal", theme.DocumentIcon(), u.journalScreen()),
		container.NewTabItemWithIcon("Settings", theme.SettingsIcon(), u.settingsScreen()),
		container.NewTabItemWithIcon("About", theme.InfoIcon(), u.aboutScreen()),
	)
	u.tabs.SetTabLocation(container.TabLocationLeading)

	floor := canvas.NewRectangle(nil)
	floor.SetMinSize(minWindowSize)
	w.SetContent(container.NewStack(floor, u.tabs))
	w.Resize(u.savedSize())
	w.SetCloseIntercept(func() {
		u.saveSize()
		w.Close()
	})
	stop := make(chan struct{})
	a.Lifecycle().SetOnStopped(func() {
		u.saveSize()
		close(stop)
	})
	u.addShortcuts()
	go u.remind(u.sessionDoneToday, stop)
	return u
}

// sessionDoneToday reports whether today's session is already done, so the
// reminder keeps quiet.
func (u *UI) sessionDoneToday() bool {
	return false
}

// savedSize is the window size the user left Steady at, or a default.
func (u *UI) savedSize() fyne.Size {
	p := u.app.Preferences()
	s := fyne.NewSize(
		float32(p.FloatWithFallback(prefWindowWidth, float64(defaultWindowSize.Width))),
		float32(p.FloatWithFallback(prefWindowHeight, float64(defaultWindowSize.Height))),
	)
	return s.Max(minWindowSize)
}

func (u *UI) saveSize() {
	s := u.win.Canvas().Size()
	if s.Width < minWindowSize.Width || s.Height < minWindowSize.Height {
		return // not laid out yet, or minimised: keep what was saved
	}
	p := u.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}

// show selects a screen of the navigation by its position.
func (u *UI) show(i int) {
	if i >= 0 && i < len(u.tabs.Items) {
		u.tabs.SelectIndex(i)
	}
}

func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { u.show(i) })
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.saveSize(); u.app.Quit() })
}

// setTheme applies and remembers an appearance choice.
func (u *UI) setTheme(variant string, larger bool) {
	p := u.app.Preferences()
	p.SetString(prefTheme, variant)
	p.SetBool(prefLargerText, larger)
	u.theme = &appTheme{variant: variant, largerText: larger}
	u.app.Settings().SetTheme(u.theme)
}
