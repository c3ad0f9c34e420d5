//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Where the function controls are, in a window of the default size.
var (
	nameActivitiesFirst = [2]int{858, 733} // the first run's start page: Name activities first…
	activitiesLater     = [2]int{945, 733} // the first run's activities page: Later
	todayNameLink       = [2]int{222, 733} // Today scrolled to its foot: Track what your back makes hard…
	namingCancel        = [2]int{517, 626} // the naming dialog over Today: Cancel
	rerateFirstSeven    = [2]int{767, 401} // Today's re-rating card: 7 for the first activity
)

// statusFunction is the function object of steady status -format json.
type statusFunction struct {
	Average      float64 `json:"average"`
	FirstAverage float64 `json:"first_average"`
	Change       float64 `json:"change"`
	Meaningful   bool    `json:"meaningful"`
}

// functionStatus is status's function object, nil when it is null.
func functionStatus(t *testing.T, home string) *statusFunction {
	t.Helper()
	exit, out := steadyIn(t, home, "status", "-format", "json")
	var s struct {
		Level    int             `json:"level"`
		Function *statusFunction `json:"function"`
	}
	if exit != 0 || json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &s) != nil {
		t.Fatalf("status: exit %d:\n%s", exit, out)
	}
	return s.Function
}

// functionCSV is a CSV import of eight weeks from day0: a morning check-in
// at 07:00 every day with back pain 4, and two activities named on day0 at
// 19:00 and rated every seventh evening up to day 49, from 2 and 4 (an
// average of 3) up by half a point a week.
func functionCSV(cols []string, day0 time.Time) string {
	var b strings.Builder
	b.WriteString(strings.Join(cols, ",") + "\n")
	for d := range 56 {
		b.WriteString(csvLine(cols, map[string]string{"record": "entry",
			"time": day0.AddDate(0, 0, d).Add(7 * time.Hour).Format(time.RFC3339), "kind": "morning",
			"back_pain": "4", "leg_pain": "0", "tightness": "3", "cause": "inactivity", "leg_reach": "none", "numb_weak": "false"}))
	}
	named := day0.Add(19 * time.Hour).Format(time.RFC3339)
	b.WriteString(csvLine(cols, map[string]string{"record": "activity", "time": named, "activity": "a1", "name": "Putting on socks"}))
	b.WriteString(csvLine(cols, map[string]string{"record": "activity", "time": named, "activity": "a2", "name": "Sitting through a film"}))
	for w := range 8 {
		at := day0.AddDate(0, 0, 7*w).Add(19 * time.Hour)
		b.WriteString(csvLine(cols, map[string]string{"record": "function", "time": at.Format(time.RFC3339), "activity": "a1", "score": fmt.Sprint(2 + w/2)}))
		b.WriteString(csvLine(cols, map[string]string{"record": "function", "time": at.Add(time.Second).Format(time.RFC3339), "activity": "a2", "score": fmt.Sprint(4 + w/2)}))
	}
	return b.String()
}

// Naming activities in the real window from the first run, with the
// keyboard; skipping them with Later, then Today's offer to name them; and a
// journal whose last rating is eight days old: Today offers the re-rating,
// it is saved with Enter, and the Journal's chart draws the function line.
func TestFunctionInTheWindow(t *testing.T) {
	t.Run("first run", func(t *testing.T) {
		home := t.TempDir()
		a := launch(t, home)
		prev := shot(t, a, "psfs-first-run-welcome")
		for _, page := range []string{"safety", "start"} {
			if err := a.Key("Return"); err != nil {
				t.Fatal(err)
			}
			next := shot(t, a, "psfs-first-run-"+page)
			if Changed(prev, next) < 5000 {
				t.Fatalf("Enter did not move on to the %s page", page)
			}
			prev = next
		}
		page, err := a.ClickChange(nameActivitiesFirst[0], nameActivitiesFirst[1], prev, 5000, filepath.Join(outDir, "psfs-first-run-activities.png"), 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		// The first name has the focus: type it, Tab past its list of
		// suggestions to its scale, 3, Enter.
		if err := a.Type("Putting on socks"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		if err := a.Key("Tab", "Tab", "3"); err != nil {
			t.Fatal(err)
		}
		typed := shot(t, a, "psfs-first-run-activities-typed")
		if Changed(page, typed) < 500 {
			t.Fatal("typing a name and a rating did not change the page")
		}
		if err := a.Key("Return"); err != nil {
			t.Fatal(err)
		}
		today := shot(t, a, "psfs-first-run-today")
		if Changed(typed, today) < 20000 {
			t.Fatal("Enter on the rated activity did not end the first run")
		}
		if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
			t.Fatalf("quitting: exit %d, %v", exit, err)
		}
		if f := functionStatus(t, home); f == nil || f.Average != 3 || f.Change != 0 {
			t.Errorf("status function after naming socks at 3: %+v", f)
		}
	})

	t.Run("later, then a due re-rating", func(t *testing.T) {
		home := t.TempDir()
		a := launch(t, home)
		if err := a.Key("Return"); err != nil {
			t.Fatal(err)
		}
		shot(t, a, "psfs-later-safety")
		if err := a.Key("Return"); err != nil {
			t.Fatal(err)
		}
		prev := shot(t, a, "psfs-later-start")
		page, err := a.ClickChange(nameActivitiesFirst[0], nameActivitiesFirst[1], prev, 5000, filepath.Join(outDir, "psfs-later-activities.png"), 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		today, err := a.ClickChange(activitiesLater[0], activitiesLater[1], page, 20000, filepath.Join(outDir, "psfs-later-today.png"), 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		// Today's quiet offer to name them sits at its foot.
		scrollDown(t, a)
		foot := shot(t, a, "psfs-later-today-foot")
		if Changed(today, foot) < 5000 {
			t.Fatal("Today did not scroll")
		}
		naming, err := a.ClickChange(todayNameLink[0], todayNameLink[1], foot, 20000, filepath.Join(outDir, "psfs-later-today-naming.png"), 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		hover(t, a, namingCancel)
		if _, err := a.ClickChange(namingCancel[0], namingCancel[1], naming, 20000, filepath.Join(outDir, "psfs-later-today-naming-closed.png"), 10*time.Second); err != nil {
			t.Fatalf("Cancel did not close the naming dialog: %v", err)
		}
		if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
			t.Fatalf("quitting: exit %d, %v", exit, err)
		}
		if f := functionStatus(t, home); f != nil {
			t.Fatalf("after Later: status function %+v, want null", f)
		}

		day0 := time.Now().Truncate(24*time.Hour).AddDate(0, 0, -57)
		file := filepath.Join(t.TempDir(), "function.csv")
		if err := os.WriteFile(file, []byte(functionCSV(exportColumns(t, home), day0)), 0o644); err != nil {
			t.Fatal(err)
		}
		if exit, out := steadyIn(t, home, "import", file); exit != 0 {
			t.Fatalf("import: exit %d:\n%s", exit, out)
		}
		before := functionStatus(t, home)
		if before == nil || before.FirstAverage != 3 || before.Average != 6 {
			t.Fatalf("status function after the import: %+v, want 3 to 6", before)
		}

		b := launch(t, home)
		due := shot(t, b, "psfs-today-rerate-due")
		// A click on 7 for the first activity, Tab past the second one's
		// Replace… to its scale, 8, Enter.
		hover(t, b, rerateFirstSeven)
		if err := b.Click(rerateFirstSeven[0], rerateFirstSeven[1]); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		if err := b.Key("Tab", "Tab", "8"); err != nil {
			t.Fatal(err)
		}
		rated := shot(t, b, "psfs-today-rerate-typed")
		if Changed(due, rated) < 500 {
			t.Fatal("rating the activities did not change Today")
		}
		if err := b.Key("Return"); err != nil {
			t.Fatal(err)
		}
		saved := shot(t, b, "psfs-today-rerate-saved")
		if Changed(rated, saved) < 20000 {
			t.Fatal("Enter did not save the re-rating")
		}
		if err := b.Key("ctrl+2"); err != nil {
			t.Fatal(err)
		}
		chart := shot(t, b, "psfs-journal-chart")
		if Changed(saved, chart) < 20000 {
			t.Fatal("Ctrl+2 did not show the Journal")
		}
		if exit, err := b.Stop(10 * time.Second); err != nil || exit != 0 {
			t.Fatalf("quitting: exit %d, %v", exit, err)
		}
		if f := functionStatus(t, home); f == nil || f.Average != 7.5 || f.Change != 4.5 || !f.Meaningful {
			t.Errorf("status function after the re-rating of 7 and 8: %+v, want 3 to 7.5, meaningful", f)
		}
	})
}

// scrollDown turns the mouse wheel down over the middle of the window.
func scrollDown(t *testing.T, a *App) {
	t.Helper()
	if _, err := a.xdotool("mousemove", "--window", a.Window, "550", "400"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	for range 10 {
		if _, err := a.xdotool("click", "5"); err != nil {
			t.Fatal(err)
		}
	}
}

// hover rests the pointer on p a while before a click there: on a busy
// machine a click that follows the move too soon can land where the
// pointer was.
func hover(t *testing.T, a *App, p [2]int) {
	t.Helper()
	if _, err := a.xdotool("mousemove", "--window", a.Window, fmt.Sprint(p[0]), fmt.Sprint(p[1])); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
}
