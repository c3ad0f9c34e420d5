package gui

import (
	"net"
	"os"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"steady/audio"
	"steady/coach"
	"steady/gui/journalview"
	"steady/gui/keys"
	"steady/journal"
	"steady/locale"
	"steady/program"
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

	// Coach is the application: the user's day over their journal and the
	// routine, with the one clock. Required.
	Coach *coach.Coach

	// OpenSound gives the sound output, nil for none, and why there is
	// none; nil means no sound. It is called the first time a session or
	// the sound settings need them, so that Steady can open the sound
	// device in the background: ALSA may take seconds over a busy device,
	// and neither the window nor its first screen waits for it.
	OpenSound func() (SoundOutput, string)
	// Notice is shown once the window is up, e.g. what Steady did with a
	// damaged journal file.
	Notice string
	// StartSession opens straight into today's session (steady -start).
	StartSession bool
}

// SoundOutput is what the window asks of the sound output: its settings and
// the session's cues. *audio.Player is one.
type SoundOutput interface {
	soundControls
	cuePlayer
}

// noSound is the sound output of a window built without one: cues are
// shown, not heard.
type noSound struct{}

func (noSound) SetVoice(bool)               {}
func (noSound) SetTones(bool)               {}
func (noSound) SetTicks(bool)               {}
func (noSound) SetVolume(float64)           {}
func (noSound) PlayAt(audio.Cue, time.Time) {}
func (noSound) SayAt(string, time.Time)     {}
func (noSound) CancelPending()              {}
func (noSound) Prepare(...string)           {}

// UI is Steady's main window: the navigation shell and its screens.
type UI struct {
	app   fyne.App
	win   fyne.Window
	opt   Options
	theme *appTheme
	tabs  *container.AppTabs
	body  *fyne.Container // shows the tabs, the first run or a session

	today        *todayView
	journalView  *journalview.View
	session      *sessionView                                    // the session in progress, if any
	unbuilt      map[*container.TabItem]func() fyne.CanvasObject // screens not shown yet
	todayAt      time.Time                                       // when Today was last worked out
	stopped      chan struct{}                                   // closed once the app has stopped and saved
	soundOut     SoundOutput                                     // set by sound(): open, with the stored settings
	soundProblem string                                          // why there is no sound, when there is none
	shown        atomic.Bool                                     // the window is up: its size is the user's
}

// windowLayout stacks the window's content, and remembers the window's size
// each time it changes: the toolkit's stop hooks may not run when the app is
// told to quit, so waiting for them could lose the size.
type windowLayout struct {
	u    *UI
	last fyne.Size
}

func (l *windowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	layout.NewStackLayout().Layout(objs, size)
	if size != l.last && l.u.shown.Load() {
		l.last = size
		l.u.saveSize()
	}
}

func (l *windowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return layout.NewStackLayout().MinSize(objs)
}

// New builds Steady's window into w: it restores the window's size and
// appearance from the preferences, installs the keyboard shortcuts and
// builds the first screen.
func New(a fyne.App, w fyne.Window, opt Options) *UI {
	u := newFrame(a, w, opt)
	a.Lifecycle().SetOnStarted(func() { u.shown.Store(true) })
	u.fill()
	return u
}

// Show is New for the real window: it shows the window at once, empty in its
// remembered size and chosen appearance, and builds the first screen as soon
// as the app runs. Laying out and shaping the first screen's text takes a few
// hundred milliseconds that the window would otherwise wait for before it
// appears.
func Show(a fyne.App, w fyne.Window, opt Options) *UI {
	u := newFrame(a, w, opt)
	w.Show()
	a.Lifecycle().SetOnStarted(func() {
		u.shown.Store(true)
		u.fill()
		time.AfterFunc(startupSettled, debug.FreeOSMemory)
	})
	return u
}

// startupSettled is how long after building its first screen Steady hands
// back the memory its start-up no longer needs. Parsing fonts, shaping the
// first screen's text and drawing it leave some 15-20 MB of garbage and free
// heap beside the 30 MB in use. An idle window allocates too little to
// start a collection: the runtime would keep it all until its forced
// collection two minutes on, and then return it only gradually.
const startupSettled = time.Second

// newFrame sets up what the window needs before it is shown: the theme, the
// remembered size with the minimum size under an empty body, the close and
// stop hooks, the shortcuts and the tray menu.
func newFrame(a fyne.App, w fyne.Window, opt Options) *UI {
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

	floor := canvas.NewRectangle(nil)
	floor.SetMinSize(minWindowSize)
	u.body = container.NewStack()
	w.SetContent(container.New(&windowLayout{u: u}, floor, u.body))
	w.Resize(u.savedSize())
	w.SetCloseIntercept(func() {
		u.saveSize()
		w.Close()
	})
	u.stopped = make(chan struct{})
	a.Lifecycle().SetOnStopped(func() {
		u.saveSize()
		close(u.stopped)
	})
	u.addShortcuts()
	u.addTrayMenu()
	return u
}

// fill shows the first screen: the first run for a new user, otherwise
// Today or, with StartSession, today's session.
func (u *UI) fill() {
	w, opt := u.win, u.opt
	if begun, err := opt.Coach.Begun(); err == nil && !begun {
		u.showFirstRun()
	} else {
		u.showMain()
		if opt.StartSession {
			u.startSession()
		}
	}
	if opt.Notice != "" {
		keys.ShowInformation(locale.L("Your journal"), opt.Notice, w)
	}
	go u.remind(opt.Coach.SessionDoneToday, u.stopped)
}

// mainTabs is the navigation shell, built the first time it is shown: a
// new user sees the first run before it. Of its screens only Today is
// built with it; the others are built when first shown.
func (u *UI) mainTabs() *container.AppTabs {
	if u.tabs != nil {
		return u.tabs
	}
	u.unbuilt = map[*container.TabItem]func() fyne.CanvasObject{}
	u.today = newTodayView(u.win, todayActions{
		checkIn:  func() { u.journalScreen().CheckIn(journal.Morning) },
		start:    u.startSession,
		cleared:  u.cleared,
		rescreen: u.rescreen,
		logWalk:  u.logWalk,
		nameActivities: func() {
			journalview.ShowNaming(u.win, u.opt.Coach, program.MaxActivities, u.functionChanged)
		},
		rateFunction: u.rateFunction,
		replaceActivity: func(id, name string) {
			journalview.ShowReplace(u.win, u.opt.Coach, id, name, u.functionChanged)
		},
	})
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(locale.L("Today"), theme.HomeIcon(), u.today.content()),
		u.lazyTab(locale.L("Journal"), theme.DocumentIcon(), func() fyne.CanvasObject { return u.journalScreen().Content() }),
		u.lazyTab(locale.L("Settings"), theme.SettingsIcon(), u.settingsScreen),
		u.lazyTab(locale.L("About"), theme.InfoIcon(), u.aboutScreen),
	)
	u.tabs.SetTabLocation(container.TabLocationLeading)
	u.tabs.OnSelected = func(t *container.TabItem) {
		u.fillTab(t)
		if t == u.tabs.Items[0] && u.todayStale() { // Today
			u.refreshToday()
		}
	}
	return u.tabs
}

// journalScreen is the Journal screen, built the first time it is needed:
// it reads the whole journal, which Today and the first run do not need.
func (u *UI) journalScreen() *journalview.View {
	if u.journalView == nil {
		u.journalView = journalview.New(u.win, u.opt.Coach, u.now, u.journalChanged, u.checkedIn)
	}
	return u.journalView
}

// Wait waits, after the window's run has returned, until Steady's stop hook
// has run, or until timeout: the toolkit may drop its stop hooks when the
// app is told to quit, so this is a courtesy, not a promise. It saves the
// preferences right after Steady's hook; stopHookGrace leaves it time to.
func (u *UI) Wait(timeout time.Duration) {
	select {
	case <-u.stopped:
		time.Sleep(stopHookGrace)
	case <-time.After(timeout):
	}
}

// stopHookGrace is how long the toolkit's own stop hook, which writes the
// preferences file and runs straight after Steady's, is given.
const stopHookGrace = 200 * time.Millisecond

// lazyTab is a navigation entry whose screen is built the first time it is
// shown: laying out every screen's text up front would keep the window from
// appearing for a third of a second.
func (u *UI) lazyTab(text string, icon fyne.Resource, build func() fyne.CanvasObject) *container.TabItem {
	t := container.NewTabItemWithIcon(text, icon, container.NewStack())
	u.unbuilt[t] = build
	return t
}

// fillTab builds a lazy tab's screen, once.
func (u *UI) fillTab(t *container.TabItem) {
	build, ok := u.unbuilt[t]
	if !ok {
		return
	}
	delete(u.unbuilt, t)
	c := t.Content.(*fyne.Container)
	c.Objects = []fyne.CanvasObject{build()}
	c.Refresh()
}

// sound is the sound output, with the stored sound settings handed to it
// the first time it is asked for.
func (u *UI) sound() SoundOutput {
	if u.soundOut != nil {
		return u.soundOut
	}
	if open := u.opt.OpenSound; open != nil {
		u.soundOut, u.soundProblem = open()
	}
	if u.soundOut == nil {
		u.soundOut = noSound{}
	}
	u.applySoundSettings(u.soundOut)
	return u.soundOut
}

// applySoundSettings hands the stored sound settings to the sound output.
func (u *UI) applySoundSettings(s SoundOutput) {
	p := u.app.Preferences()
	s.SetVoice(p.BoolWithFallback(prefVoice, true))
	s.SetTones(p.BoolWithFallback(prefTones, true))
	s.SetTicks(p.BoolWithFallback(prefTicks, true))
	s.SetVolume(p.FloatWithFallback(prefVolume, defaultVolume))
}

// addTrayMenu offers today's session from the system tray, where the
// desktop has one. The tray talks over the session bus: without one there is
// no tray, and the toolkit's tray would fail when Steady quits (fyne.io/systray
// 1.12 closes a connection it never made, a nil pointer panic).
func (u *UI) addTrayMenu() {
	d, ok := u.app.(desktop.App)
	if !ok || !sessionBusAnswers(os.Getenv("DBUS_SESSION_BUS_ADDRESS")) {
		return
	}
	d.SetSystemTrayMenu(fyne.NewMenu("Steady",
		fyne.NewMenuItem(locale.L("Start today's session"), u.StartSession),
		fyne.NewMenuItem(locale.L("Show Steady"), u.win.Show),
	))
}

// sessionBusAnswers reports whether the session bus at addr, a D-Bus address
// list ("unix:path=/run/user/1000/bus"), can be reached: an empty or bogus
// address (a desktop session left behind, a test) cannot. Addresses of
// other transports than unix sockets are taken as reachable.
func sessionBusAnswers(addr string) bool {
	if addr == "" {
		return false
	}
	for _, a := range strings.Split(addr, ";") {
		transport, params, _ := strings.Cut(a, ":")
		if transport != "unix" {
			return true
		}
		for _, kv := range strings.Split(params, ",") {
			k, v, _ := strings.Cut(kv, "=")
			socket := ""
			switch k {
			case "path":
				socket = v
			case "abstract":
				socket = "@" + v
			default:
				continue
			}
			if c, err := net.DialTimeout("unix", socket, 200*time.Millisecond); err == nil {
				c.Close()
				return true
			}
		}
	}
	return false
}

// Raise shows the window and asks for the keyboard focus: another launch
// of Steady switches to this one. Call it on the toolkit's goroutine.
func (u *UI) Raise() {
	u.win.Show()
	u.win.RequestFocus()
}

// StartSession raises the window and starts today's session, as the tray
// menu and "steady -start" ask. During the first run it only raises the
// window: the safety questions come first. Call it on the toolkit's
// goroutine.
func (u *UI) StartSession() {
	u.Raise()
	if !u.shown.Load() {
		u.opt.StartSession = true // fill starts it
		return
	}
	if begun, err := u.opt.Coach.Begun(); err != nil || !begun || u.tabs == nil {
		return
	}
	u.startSession()
}

// JournalChanged shows a change made to the journal outside the window,
// such as an import from the command line: Today and the Journal screen
// read it again. Call it on the toolkit's goroutine.
func (u *UI) JournalChanged() {
	if u.tabs == nil {
		return // the first run is showing: it reads the journal when done
	}
	if u.session == nil {
		u.refreshToday()
	}
	if u.journalView != nil {
		u.journalView.Reload()
	}
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
	if s == u.savedSize() {
		return // each write rewrites the preferences file: none when nothing changed
	}
	p := u.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}

// show selects a screen of the navigation by its position.
func (u *UI) show(i int) {
	if tabs := u.mainTabs(); i >= 0 && i < len(tabs.Items) {
		tabs.SelectIndex(i)
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
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) {
		if u.journalView != nil && u.session == nil && u.tabs != nil && u.tabs.SelectedIndex() == 1 {
			u.journalView.Undo()
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) {
			if u.session == nil && u.tabs != nil {
				u.logWalk()
			}
		})
}

// setTheme applies and remembers an appearance choice.
func (u *UI) setTheme(variant string, larger bool) {
	p := u.app.Preferences()
	p.SetString(prefTheme, variant)
	p.SetBool(prefLargerText, larger)
	u.theme = &appTheme{variant: variant, largerText: larger}
	u.app.Settings().SetTheme(u.theme)
}
