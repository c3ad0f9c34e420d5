package gui

import (
	"net"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"steady/coach"
	"steady/journal"
	"steady/program"
)

func newTestUI(t *testing.T) (*UI, fyne.App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("Steady")
	t.Cleanup(w.Close)
	return New(a, w, Options{Version: "test", DataDir: t.TempDir(), Coach: coach.New(openJournal(t), program.Builtin(), nil)}), a, w
}

// typeShortcut sends a shortcut to a canvas's handlers, as the driver does
// when the keys are pressed. Fyne 2.8's test canvas wraps a software canvas
// that handles shortcuts but does not pass the method on, so it is reached
// through the wrapper's embedded field.
func typeShortcut(t *testing.T, c fyne.Canvas, sc fyne.Shortcut) {
	t.Helper()
	if s, ok := c.(fyne.Shortcutable); ok {
		s.TypedShortcut(sc)
		return
	}
	v := reflect.ValueOf(c)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		if f := v.FieldByName("WindowlessCanvas"); f.IsValid() && f.CanInterface() {
			if s, ok := f.Interface().(fyne.Shortcutable); ok {
				s.TypedShortcut(sc)
				return
			}
		}
	}
	t.Fatalf("the test canvas %T takes no shortcuts", c)
}

// openJournal is a new, empty journal in the test's own folder.
func openJournal(t *testing.T) *journal.Store {
	t.Helper()
	j, err := journal.Open(filepath.Join(t.TempDir(), "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j
}

func TestNavigationShortcuts(t *testing.T) {
	u, _, w := newTestUI(t)
	want := []string{"Today", "Journal", "Settings", "About"}
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4} {
		sc := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
		typeShortcut(t, w.Canvas(), sc)
		if got := u.tabs.Selected().Text; got != want[i] {
			t.Errorf("Ctrl+%d shows %q, want %q", i+1, got, want[i])
		}
		// A screen built on first showing is there once shown.
		if c, ok := u.tabs.Selected().Content.(*fyne.Container); ok && len(c.Objects) == 0 {
			t.Errorf("Ctrl+%d shows an empty %s screen", i+1, want[i])
		}
	}
}

func TestThemeChoiceIsAppliedAndRemembered(t *testing.T) {
	u, a, _ := newTestUI(t)
	u.setTheme(themeDark, true)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Errorf("with Dark chosen, the light-variant background is %v, want the dark one", got)
	}
	if got, normal := a.Settings().Theme().Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText); got <= normal {
		t.Errorf("larger text: text size %v, want more than %v", got, normal)
	}
	if got := a.Preferences().String(prefTheme); got != themeDark {
		t.Errorf("stored theme %q, want %q", got, themeDark)
	}

	u.setTheme(themeSystem, false)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Errorf("following the system, the light-variant background is %v, want the light one", got)
	}
}

func TestWindowSizeIsRemembered(t *testing.T) {
	u, a, w := newTestUI(t)
	if got := u.savedSize(); got != defaultWindowSize {
		t.Errorf("first start: size %v, want the default %v", got, defaultWindowSize)
	}
	w.Resize(fyne.NewSize(900, 640))
	u.saveSize()
	if got := u.savedSize(); got != fyne.NewSize(900, 640) {
		t.Errorf("after saving: size %v, want 900x640", got)
	}
	a.Preferences().SetFloat(prefWindowWidth, 100)
	if got := u.savedSize(); got.Width != minWindowSize.Width {
		t.Errorf("a stored width below the minimum gives %v, want %v", got.Width, minWindowSize.Width)
	}
}

// The window's size is written only when it changed: every write rewrites
// the preferences file, which another Steady may be reading.
func TestWindowSizeIsWrittenOnlyWhenChanged(t *testing.T) {
	u, a, w := newTestUI(t)
	w.Resize(fyne.NewSize(900, 640))
	u.saveSize()
	writes := 0
	a.Preferences().AddChangeListener(func() { writes++ })
	u.saveSize()
	if writes != 0 {
		t.Errorf("saving the same size again wrote the preferences %d times, want none", writes)
	}
	w.Resize(fyne.NewSize(1000, 700))
	u.saveSize()
	if writes == 0 || u.savedSize() != fyne.NewSize(1000, 700) {
		t.Errorf("a new size: %d writes, saved %v; want it written", writes, u.savedSize())
	}
}

// settingsSound is a sound output that keeps the settings it is given.
type settingsSound struct {
	noSound
	voice, tones, ticks bool
	volume              float64
}

func (s *settingsSound) SetVoice(on bool)    { s.voice = on }
func (s *settingsSound) SetTones(on bool)    { s.tones = on }
func (s *settingsSound) SetTicks(on bool)    { s.ticks = on }
func (s *settingsSound) SetVolume(v float64) { s.volume = v }

// The sound output is opened in the background: the window asks for it only
// when the sound settings or a session need it, once, and hands it the
// stored settings then.
func TestSoundIsOpenedWhenNeeded(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetFloat(prefVolume, 0.4)
	a.Preferences().SetBool(prefTicks, false)
	w := a.NewWindow("Steady")
	t.Cleanup(w.Close)
	out := &settingsSound{}
	opened := 0
	u := New(a, w, Options{Coach: coach.New(openJournal(t), program.Builtin(), nil),
		OpenSound: func() (SoundOutput, string) {
			opened++
			return out, "No audio output found — cues are shown on screen."
		}})
	if opened != 0 {
		t.Fatalf("the window asked for the sound output %d times before anything needed it", opened)
	}
	u.show(2) // Settings
	if opened != 1 {
		t.Fatalf("showing the sound settings asked for the sound output %d times, want once", opened)
	}
	if !out.voice || !out.tones || out.ticks || out.volume != 0.4 {
		t.Errorf("the sound output was given voice %v, tones %v, ticks %v, volume %v; want the stored true, true, false, 0.4",
			out.voice, out.tones, out.ticks, out.volume)
	}
	if got := texts(u.tabs.Selected().Content); !strings.Contains(got, "No audio output found") {
		t.Errorf("the sound settings do not say why there is no sound:\n%s", got)
	}
	if u.sound() != out || opened != 1 {
		t.Errorf("asking again opened the sound output again (%d times)", opened)
	}
}

func TestSessionBusAnswers(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "bus")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	tests := []struct {
		addr string
		want bool
	}{
		{"", false},
		{"unix:path=" + filepath.Join(dir, "none"), false},
		{"unix:path=" + sock, true},
		{"unix:path=" + filepath.Join(dir, "none") + ";unix:path=" + sock, true},
		{"unix:path=" + sock + ",guid=0123", true},
		{"tcp:host=localhost,port=1", true},
	}
	for _, tt := range tests {
		if got := sessionBusAnswers(tt.addr); got != tt.want {
			t.Errorf("sessionBusAnswers(%q) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}
