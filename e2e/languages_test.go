//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"steady/locale"
	"steady/program"
)

// The languages Steady speaks, each as a desktop session sets it.
var screenLanguages = []struct{ code, lang string }{
	{"en", "en_US.UTF-8"}, // first: the others are compared with it
	{"de", "de_DE.UTF-8"},
	{"es", "es_ES.UTF-8"},
	{"fr", "fr_FR.UTF-8"},
}

// smallestWindow is the smallest window Steady asks for: its 760 x 540
// content (gui.minWindowSize) and Fyne's padding around it.
var smallestWindow = image.Pt(768, 548)

// textScreens are the screens whose words make up most of what they show:
// in another language each must differ from the English one in at least
// translatedShare of its pixels. Of the session's screens only the paused
// one is compared: the others move with the countdown.
var textScreens = []string{
	"welcome", "safety", "start", "activities", "today", "check-in", "walk-log",
	"session-paused", "ratings", "session-saved", "journal", "journal-activities", "journal-history",
	"export", "settings", "settings-more", "about",
}

// translatedShare is the least share of a text screen's pixels that differ
// from English when the screen is translated: a heading alone changes less,
// a whole screen of words far more.
const translatedShare = 0.02

// languageShot is what the window showed and asked for on one screen.
type languageShot struct {
	img     image.Image // at the window's minimum size, or the smallest window
	minimum image.Point // the smallest size the window asked for
}

// Every screen of Steady in each of its languages, as a person with larger
// text on the smallest window sees it: one start of the real binary per
// language with LANG set, on a fresh home holding a journal of two weeks
// (check-ins, walks, a session, two named activities), driven by keys alone
// through the first run, Today, the check-in, the walk log, a session
// (holding, paused, resting) and its ratings, the Journal and its export,
// Settings and About. The screenshots go to e2e/out/lang/<lang>-<screen>.png,
// with a contact sheet of each language in e2e/out/lang/<lang>.png.
//
// In another language than English, each text screen must differ from the
// English one (it is not left in English), and no screen may ask for a
// larger window than the English one does (a longer label that forces the
// window wider is how a translation that does not fit shows in Fyne). In
// every language each screen must fit a small laptop's 1366 x 736.
func TestEveryScreenInEveryLanguage(t *testing.T) {
	began := time.Now()
	dir := filepath.Join(outDir, "lang")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// A small laptop's screen, so that a screen that needs a wider window
	// than the smallest shows whole.
	d, err := StartDisplay(laptopW, laptopH)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var english map[string]languageShot
	for _, l := range screenLanguages {
		t.Run(l.code, func(t *testing.T) {
			shots, order := screensIn(t, d, l.code, l.lang, dir)
			contactSheet(t, dir, l.code, order)
			for _, name := range order {
				s := shots[name]
				if s.minimum.X > windowW || s.minimum.Y > windowH {
					t.Errorf("%s: %s asks for at least %dx%d, more than a small laptop's %dx%d",
						l.code, name, s.minimum.X, s.minimum.Y, windowW, windowH)
				}
				// What English asks for is the measure of the others.
				if l.code == "en" && (s.minimum.X > smallestWindow.X || s.minimum.Y > smallestWindow.Y) {
					t.Logf("%s: %s makes the window at least %dx%d, more than its smallest %dx%d",
						l.code, name, s.minimum.X, s.minimum.Y, smallestWindow.X, smallestWindow.Y)
				}
			}
			if l.code == "en" {
				english = shots
				return
			}
			if english == nil { // -run picked this language alone
				t.Logf("%s: English did not run, so nothing is compared with it", l.code)
				return
			}
			compareWithEnglish(t, l.code, shots, english)
		})
		if l.code == "en" && english == nil {
			t.Fatal("no English screens: the others are compared with them")
		}
	}
	t.Logf("every screen in %d languages took %v", len(screenLanguages), time.Since(began).Round(time.Second))
}

// compareWithEnglish checks the screens of one language against the
// English ones: no wider or taller a window, and text screens that differ.
func compareWithEnglish(t *testing.T, code string, shots, english map[string]languageShot) {
	t.Helper()
	var still []string
	for name, s := range shots {
		en := english[name]
		if en.img == nil {
			continue
		}
		// Wider than English is a text that does not wrap: clipped or
		// widening the window. Taller is the longer words wrapped, which is
		// how they should fit, as long as a small laptop holds it (checked
		// above); it is logged for the contact sheet.
		switch {
		case s.minimum.X > max(en.minimum.X, smallestWindow.X):
			t.Errorf("%s: %s asks for a window of at least %dx%d, English for %dx%d: a text does not fit",
				code, name, s.minimum.X, s.minimum.Y, en.minimum.X, en.minimum.Y)
		case s.minimum.Y > max(en.minimum.Y, smallestWindow.Y):
			t.Logf("%s: %s asks for a window of at least %dx%d, English for %dx%d: its words wrap onto more lines",
				code, name, s.minimum.X, s.minimum.Y, en.minimum.X, en.minimum.Y)
		}
	}
	for _, name := range textScreens {
		s, en := shots[name], english[name]
		if s.img == nil || en.img == nil {
			t.Errorf("%s: no screenshot of %s to compare", code, name)
			continue
		}
		b := s.img.Bounds()
		share := float64(Changed(s.img, en.img)) / float64(b.Dx()*b.Dy())
		if share < translatedShare {
			still = append(still, fmt.Sprintf("%s (%.1f %% differs)", name, 100*share))
		}
	}
	if len(still) > 0 {
		t.Errorf("%s: these screens read as in English: %s", code, strings.Join(still, ", "))
	}
}

// screensIn starts Steady in one language and takes every screen.
func screensIn(t *testing.T, d *Display, code, lang, dir string) (shots map[string]languageShot, order []string) {
	t.Helper()
	old, _ := filepath.Glob(filepath.Join(dir, code+"-*.png"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	home := t.TempDir()
	for key, value := range map[string]any{
		"appearance.largerText": true,
		"sound.voice":           false, // a session's first words need no clip
		"session.getReady":      3,
		"session.rest":          10,
	} {
		if err := setPreference(home, key, value); err != nil {
			t.Fatal(err)
		}
	}
	seedJournal(t, home)

	a := launchOn(t, d, Config{Bin: steadyBin, Home: home, Args: []string{"-routine", "testdata/lang-routine.toml"},
		Env: []string{"LANG=" + lang}})
	shots = map[string]languageShot{}
	var prev image.Image
	// take keeps the screen as name once it settles; still is false for a
	// screen that keeps moving (a countdown).
	take := func(name string, still bool) image.Image {
		t.Helper()
		s := languageShot{}
		var err error
		if s.minimum.X, s.minimum.Y, err = a.MinSize(); err != nil {
			t.Fatal(err)
		}
		// As small as a window manager lets a person make it.
		if err := a.Resize(max(s.minimum.X, smallestWindow.X), max(s.minimum.Y, smallestWindow.Y)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, code+"-"+name+".png")
		if still {
			s.img, err = a.Settle(path, 150*time.Millisecond, 5*time.Second)
		} else {
			time.Sleep(300 * time.Millisecond) // a frame at the new size
			s.img, err = a.Screenshot(path)
		}
		if err != nil {
			t.Fatal(err)
		}
		shots[name] = s
		order = append(order, name)
		prev = s.img
		return s.img
	}
	// step presses keys and waits for the screen they lead to, once it
	// has changed from the last one and settled, without keeping it.
	step := func(keys ...string) image.Image {
		t.Helper()
		if err := a.Key(keys...); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(home, "step.png")
		img, err := a.Screenshot(path)
		for deadline := time.Now().Add(15 * time.Second); err == nil && Changed(prev, img) < 500; img, err = a.Screenshot(path) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: %s did not change the screen within 15 s", code, strings.Join(keys, " "))
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err == nil {
			img, err = a.Settle(path, 150*time.Millisecond, 5*time.Second)
		}
		if err != nil {
			t.Fatal(err)
		}
		prev = img
		return img
	}
	// press is step, keeping the screen as name.
	press := func(name string, keys ...string) image.Image {
		t.Helper()
		step(keys...)
		return take(name, true)
	}
	// scroll turns the mouse wheel down at x, y and takes the screen.
	scroll := func(name string, x, y, clicks int) {
		t.Helper()
		if _, err := a.xdotool("mousemove", "--window", a.Window, fmt.Sprint(x), fmt.Sprint(y)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
		for range clicks {
			if _, err := a.xdotool("click", "5"); err != nil {
				t.Fatal(err)
			}
		}
		waitChange(t, a, prev, 500, filepath.Join("lang", code+"-"+name), 10*time.Second)
		take(name, true)
	}

	// The first run: the welcome, the safety questions, where to start and
	// the activities page (Shift+Tab twice reaches "Name activities
	// first…"); Escape goes back, and "Start using Steady" with Shift+Tab
	// and Enter.
	take("welcome", true)
	press("safety", "Return")
	start := press("start", "Return")
	press("activities", "shift+Tab", "shift+Tab", "space")
	if n := Changed(start, step("Escape")); n != 0 {
		t.Errorf("Escape on the activities page did not go back to the start page: %d pixels differ", n)
	}
	press("today", "shift+Tab", "Return")

	// Today: the morning check-in (3, 1, 4, saved with Enter) and the walk
	// log (closed with Escape).
	press("check-in", "Return")
	step("3", "Tab", "1", "Tab", "4")
	today := press("today-checked-in", "Return")
	press("walk-log", "ctrl+l")
	if n := Changed(today, step("Escape")); n != 0 {
		t.Errorf("Escape did not close the walk log: %d pixels differ from Today", n)
	}

	// A session: holding in the first exercise, paused, and resting before
	// the second, each shot in the middle of its stretch of the session's
	// timeline; Right skips the rest.
	hold, rest := sessionMoments(t)
	if err := a.Key("Return"); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	time.Sleep(time.Until(began.Add(hold)))
	take("session-hold", false)
	paused := time.Now()
	press("session-paused", "space")
	if err := a.Key("space"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Until(began.Add(rest + time.Since(paused))))
	take("session-rest", false)
	if err := a.Key("Right"); err != nil {
		t.Fatal(err)
	}
	// The session ends on the ratings: the first screen that stays still.
	if _, err := a.Settle(filepath.Join(dir, code+"-ratings.png"), 1500*time.Millisecond, 120*time.Second); err != nil {
		t.Fatal(err)
	}
	take("ratings", true)
	step("2", "Return", "1", "Return", "Tab", "Tab", "Tab", "space", "Tab", "Tab", "Tab", "Tab", "space")
	press("session-saved", "Tab", "Tab", "Return")
	step("Return")

	// The Journal: the chart at its top, then further down the activities
	// and the history; the export dialog from its Export… button (Tab
	// reaches the chart's first choice, Shift+Tab twice the button).
	press("journal", "ctrl+2")
	// Below the chart, whose divider sits about two thirds down.
	scroll("journal-activities", 500, 470, 3)
	scroll("journal-history", 500, 470, 10)
	step("ctrl+1")
	step("ctrl+2")
	press("export", "Tab", "shift+Tab", "shift+Tab", "space")
	step("Escape")

	press("settings", "ctrl+3")
	scroll("settings-more", 400, 300, 10)
	press("about", "ctrl+4")

	if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
		t.Errorf("on SIGTERM: exit %d, %v", exit, err) // the screens are still compared
	}
	return shots, order
}

// sessionMoments are the middles of the first hold and of the first rest
// between exercises in the level-1 session of testdata/lang-routine.toml
// (two of the built-in exercises, with their translations, in short doses),
// with the preferences screensIn sets, from the session's start.
func sessionMoments(t *testing.T) (hold, rest time.Duration) {
	t.Helper()
	data, err := os.ReadFile("testdata/lang-routine.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := program.ParseRoutine("lang-routine.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := r.Plan(1, 0, false, 3*time.Second, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for _, iv := range plan.Timeline().Intervals() {
		middle := iv.Start + iv.Duration/2
		switch {
		case iv.Stage == program.StageHold && hold == 0:
			hold = middle
		case iv.Stage == program.StageRest && rest == 0:
			rest = middle
		}
	}
	if hold == 0 || rest == 0 {
		t.Fatalf("the session of lang-routine.toml has no hold or no rest between exercises: %+v", plan.Timeline().Intervals())
	}
	return hold, rest
}

// seedJournal imports two weeks of a journal into home: a morning check-in
// each day, three walks, a session two days ago and two named activities
// rated a week apart.
func seedJournal(t *testing.T, home string) {
	t.Helper()
	cols := exportColumns(t, home)
	day0 := time.Now().Truncate(24*time.Hour).AddDate(0, 0, -14)
	at := func(day int, clock time.Duration) string {
		return day0.AddDate(0, 0, day).Add(clock).Format(time.RFC3339)
	}
	var b strings.Builder
	b.WriteString(strings.Join(cols, ",") + "\n")
	for d := range 14 {
		b.WriteString(csvLine(cols, map[string]string{"record": "entry", "time": at(d, 7*time.Hour), "kind": "morning",
			"back_pain": fmt.Sprint(5 - d/4), "leg_pain": fmt.Sprint(2 - d/7), "tightness": fmt.Sprint(4 - d/5),
			"cause": "inactivity", "leg_reach": "none", "numb_weak": "false"}))
	}
	for _, d := range []int{3, 7, 11} {
		b.WriteString(csvLine(cols, map[string]string{"record": "walk", "time": at(d, 18*time.Hour), "minutes": "12"}))
	}
	b.WriteString(csvLine(cols, map[string]string{"record": "session", "time": at(12, 8*time.Hour+10*time.Minute),
		"numb_weak": "false", "started": at(12, 8*time.Hour), "routine": "Short test routine", "level": "1", "dose_step": "0",
		"flare": "false", "completed": "brace-back heel-slide", "duration": "10m0s", "max_pain_during": "3", "pain_after": "2",
		"leg_spread": "none", "felt": "ok", "stopped_for_pain": "false", "light": "green", "final": "false",
		"morning_unknown": "false", "result_mode": "normal", "result_level": "1", "result_dose_step": "0"}))
	named := at(0, 19*time.Hour)
	b.WriteString(csvLine(cols, map[string]string{"record": "activity", "time": named, "activity": "a1", "name": "Putting on socks"}))
	b.WriteString(csvLine(cols, map[string]string{"record": "activity", "time": named, "activity": "a2", "name": "Sitting through a film"}))
	for w, score := range []int{3, 5} {
		b.WriteString(csvLine(cols, map[string]string{"record": "function", "time": at(7*w, 19*time.Hour+time.Minute), "activity": "a1", "score": fmt.Sprint(score)}))
		b.WriteString(csvLine(cols, map[string]string{"record": "function", "time": at(7*w, 19*time.Hour+2*time.Minute), "activity": "a2", "score": fmt.Sprint(score + 1)}))
	}
	file := filepath.Join(t.TempDir(), "journal.csv")
	if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if exit, out := steadyIn(t, home, "import", file); exit != 0 {
		t.Fatalf("import: exit %d:\n%s", exit, out)
	}
}

// contactSheet puts one language's screenshots side by side, named, in
// <dir>/<code>.png (ImageMagick's montage).
func contactSheet(t *testing.T, dir, code string, order []string) {
	t.Helper()
	args := []string{"-background", "#333", "-fill", "white", "-font", "DejaVu-Sans", "-pointsize", "14", "-geometry", "480x360+6+6", "-tile", "5x"}
	for _, name := range order {
		args = append(args, "-label", name, filepath.Join(dir, code+"-"+name+".png"))
	}
	args = append(args, filepath.Join(dir, code+".png"))
	if out, err := exec.Command("montage", args...).CombinedOutput(); err != nil {
		t.Errorf("montage: %v: %s", err, out)
	}
}

// steady status speaks the language the environment names, as gettext reads
// it, and the one chosen in Settings over it: each line of its text is the
// catalog's, not English. (The window's language is checked by
// TestEveryScreenInEveryLanguage.)
func TestStatusInEveryLanguage(t *testing.T) {
	home := startedHome(t, "status-lang-")
	status := func(env ...string) string {
		t.Helper()
		exit, out := steady(t, append(homeEnv(home), env...), "status")
		if exit != 0 {
			t.Fatalf("status with %v: exit %d:\n%s", env, exit, out)
		}
		return out
	}
	english := status("LANG=en_US.UTF-8")
	tests := []struct {
		name string
		env  []string
		want string // the locale whose words status prints
	}{
		{"LANG German", []string{"LANG=de_DE.UTF-8"}, "de_DE"},
		{"LANG Spanish", []string{"LANG=es_ES.UTF-8"}, "es_ES"},
		{"LANG French", []string{"LANG=fr_FR.UTF-8"}, "fr_FR"},
		{"LC_ALL over LANG", []string{"LANG=de_DE.UTF-8", "LC_ALL=es_ES.UTF-8"}, "es_ES"},
		{"LANGUAGE first, past what Steady does not speak", []string{"LANG=en_GB.UTF-8", "LANGUAGE=nl:fr"}, "fr_FR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkStatusIn(t, tt.want, status(tt.env...), english)
		})
	}
	t.Run("Settings over LANG", func(t *testing.T) {
		if err := setPreference(home, "appearance.language", "fr"); err != nil {
			t.Fatal(err)
		}
		checkStatusIn(t, "fr_FR", status("LANG=de_DE.UTF-8"), english)
	})
}

// checkStatusIn checks that out, the text of steady status, is in the
// language of locale name: its lines on today's level and session begin as
// that language's catalog has them, and it is not the English text.
func checkStatusIn(t *testing.T, name, out, english string) {
	t.Helper()
	l, ok := locale.Parse(name)
	if !ok {
		t.Fatalf("Steady does not speak %s", name)
	}
	if out == english {
		t.Fatalf("status in %s prints the English text:\n%s", name, out)
	}
	// Each line's words before its first value, as the catalog says them.
	for _, msg := range []struct {
		id  string
		key string
	}{
		{"Today: level {{.Level}}, dose step {{.Step}} of {{.Steps}} ({{.Mode}})", "Level"},
		{"Session: {{.Items}}", "Items"},
	} {
		words, _, _ := strings.Cut(l.L(msg.id, locale.Args{msg.key: "\x00"}), "\x00")
		englishWords, _, _ := strings.Cut(locale.English.L(msg.id, locale.Args{msg.key: "\x00"}), "\x00")
		if words == englishWords {
			t.Errorf("the catalog of %s has %q in English", name, msg.id)
		}
		if !strings.Contains(out, "\n"+words) {
			t.Errorf("status in %s has no line beginning %q:\n%s", name, words, out)
		}
	}
}
