//go:build e2e

package e2e

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startedHome is a home folder whose Steady has done its first run (in the
// real window, as a person does it) and is closed again.
func startedHome(t *testing.T, prefix string) string {
	t.Helper()
	home := t.TempDir()
	a := launch(t, home)
	completeFirstRun(t, a, prefix)
	if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
		t.Fatalf("quitting after the first run: exit %d, %v\n%s", exit, err, a.Output())
	}
	return home
}

// csvLine writes one row of the journal's CSV export in the order of its
// header's columns.
func csvLine(cols []string, vals map[string]string) string {
	var cells []string
	for _, c := range cols {
		cells = append(cells, vals[c])
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write(cells)
	w.Flush()
	return b.String()
}

// exportColumns are the columns of the journal's CSV export.
func exportColumns(t *testing.T, home string) []string {
	t.Helper()
	exit, out := steadyIn(t, home, "export", "-format", "csv")
	if exit != 0 {
		t.Fatalf("export: exit %d:\n%s", exit, out)
	}
	cols, err := csv.NewReader(strings.NewReader(strings.SplitN(out, "\n", 2)[0])).Read()
	if err != nil {
		t.Fatal(err)
	}
	return cols
}

// status is what steady status -format json prints.
type status struct {
	Mode             string   `json:"mode"`
	Level            int      `json:"level"`
	ExerciseAllowed  bool     `json:"exercise_allowed"`
	MobilityOffered  bool     `json:"mobility_offered"`
	SeeClinician     bool     `json:"see_clinician"`
	RescreenRequired bool     `json:"rescreen_required"`
	Items            []string `json:"items"`
	Reasons          []struct {
		Rule, Text, Source string
	} `json:"reasons"`
}

func statusAt(t *testing.T, home string, at time.Time) status {
	t.Helper()
	exit, out := steadyIn(t, home, "status", "-at", at.Format(time.RFC3339), "-format", "json")
	if exit != 0 {
		t.Fatalf("status -at %s: exit %d:\n%s", at.Format(time.RFC3339), exit, out)
	}
	var s status
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &s); err != nil {
		t.Fatalf("status -at %s: %v\n%s", at.Format(time.RFC3339), err, out)
	}
	return s
}

func (s status) rules() string {
	var rs []string
	for _, r := range s.Reasons {
		rs = append(rs, r.Rule)
	}
	return strings.Join(rs, ",")
}

// morningsCSV is a CSV import of morning check-ins at 07:00 from day0 on,
// one a day: back pain, leg pain and how far the leg symptoms reach.
func morningsCSV(cols []string, day0 time.Time, days [][3]string) string {
	var b strings.Builder
	b.WriteString(strings.Join(cols, ",") + "\n")
	for i, d := range days {
		b.WriteString(csvLine(cols, map[string]string{"record": "entry",
			"time": day0.AddDate(0, 0, i).Add(7 * time.Hour).Format(time.RFC3339), "kind": "morning",
			"back_pain": d[0], "leg_pain": d[1], "tightness": "3", "cause": "inactivity", "leg_reach": d[2], "numb_weak": "false"}))
	}
	return b.String()
}

// Rating trajectories imported with steady import and replayed day by day
// with steady status -at, as opening the window each morning would: leg
// symptoms spreading down the leg, and severe pain that persists
// (CLINICAL.md §7.1, §7.2). Records dated after now are kept and judged
// when their day comes.
func TestTrajectoriesThroughStatus(t *testing.T) {
	day0 := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
	cases := []struct {
		name  string
		days  [][3]string
		check func(t *testing.T, day int, s status)
	}{
		{"leg symptoms spreading", func() [][3]string {
			var ds [][3]string
			for range 7 {
				ds = append(ds, [3]string{"3", "2", "thigh"})
			}
			ds = append(ds, [3]string{"3", "5", "below-knee"})
			for range 6 {
				ds = append(ds, [3]string{"3", "8", "foot"})
			}
			return ds
		}(), func(t *testing.T, day int, s status) {
			if day >= 7 && s.MobilityOffered {
				t.Errorf("day %d: stretching offered with leg symptoms spreading (%s)", day, s.rules())
			}
			if day == 7 && s.Mode != "flare" {
				t.Errorf("day %d: leg symptoms newly below the knee: mode %s, want flare (%s)", day, s.Mode, s.rules())
			}
			if day >= 10 && !s.SeeClinician {
				t.Errorf("day %d: leg pain 8 on 3 mornings: no suggestion to see a clinician (%s)", day, s.rules())
			}
		}},
		{"severe pain that persists", func() [][3]string {
			var ds [][3]string
			for i := range 8 {
				ds = append(ds, [3]string{fmt.Sprint(9 + i%2), "0", "none"})
			}
			return ds
		}(), func(t *testing.T, day int, s status) {
			if s.Mode != "flare" || s.Level != 0 {
				t.Errorf("day %d: back pain 9-10: mode %s level %d, want flare at level 0", day, s.Mode, s.Level)
			}
			if s.MobilityOffered {
				t.Errorf("day %d: stretching offered in a flare", day)
			}
			if day >= 4 && !s.SeeClinician {
				t.Errorf("day %d: back pain 9-10 on 5 mornings: no suggestion to see a clinician (%s)", day, s.rules())
			}
		}},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			home := startedHome(t, fmt.Sprintf("traj%d-", i))
			file := filepath.Join(t.TempDir(), "trajectory.csv")
			if err := os.WriteFile(file, []byte(morningsCSV(exportColumns(t, home), day0, tc.days)), 0o644); err != nil {
				t.Fatal(err)
			}
			if exit, out := steadyIn(t, home, "import", file); exit != 0 {
				t.Fatalf("import: exit %d:\n%s", exit, out)
			}
			for day := range tc.days {
				s := statusAt(t, home, day0.AddDate(0, 0, day).Add(8*time.Hour))
				t.Logf("day %2d: %v → mode %s, level %d, mobility %v, see a clinician %v [%s]",
					day, tc.days[day], s.Mode, s.Level, s.MobilityOffered, s.SeeClinician, s.rules())
				tc.check(t, day, s)
			}
		})
	}
}

// status before the first run says what to do, in one line, and fails.
func TestStatusBeforeFirstRun(t *testing.T) {
	exit, out := steadyIn(t, t.TempDir(), "status")
	if exit != 1 || !strings.Contains(out, "open Steady once to answer the safety questions") {
		t.Errorf("status on a new journal: exit %d:\n%s", exit, out)
	}
	exit, out = steadyIn(t, t.TempDir(), "status", "-at", "yesterday")
	if exit != 2 || !strings.Contains(out, "RFC 3339") {
		t.Errorf("status -at yesterday: exit %d:\n%s", exit, out)
	}
}

// Re-screening, walked through in the real window: a check-in that reports
// new numbness pauses exercise and offers the safety questions at once;
// answered without a warning sign, Today offers the session again; and
// Settings offers the questions any time (CLINICAL.md §7.6).
func TestRescreenWalkthrough(t *testing.T) {
	a := launch(t, "")
	completeFirstRun(t, a, "rescreen-")
	clickAll(t, a, checkInButton)
	shot(t, a, "rescreen-check-in")
	clickAll(t, a, checkInClicks...)
	clickAll(t, a, numbYes)
	numb := shot(t, a, "rescreen-check-in-numb")
	clickAll(t, a, checkInSave)
	offer := shot(t, a, "rescreen-offer")
	if Changed(numb, offer) < 5000 {
		t.Fatal("saving the check-in did not close it")
	}
	clickAll(t, a, rescreenLater)
	paused := shot(t, a, "rescreen-today-paused")
	if Changed(offer, paused) < 2000 {
		t.Fatal("Later did not close the offer")
	}
	clickAll(t, a, rescreenButton)
	questions := shot(t, a, "rescreen-questions")
	if Changed(paused, questions) < 20000 {
		t.Fatal("the Today card's button did not open the safety questions")
	}
	clickAll(t, a, rescreenContinue)
	today := shot(t, a, "rescreen-today-again")
	if Changed(questions, today) < 20000 {
		t.Fatal("Continue with no warning sign did not go back to Today")
	}
	if err := a.Key("ctrl+3"); err != nil {
		t.Fatal(err)
	}
	settings := shot(t, a, "rescreen-settings")
	clickAll(t, a, settingsRescreen)
	again := shot(t, a, "rescreen-from-settings")
	if Changed(settings, again) < 20000 {
		t.Fatal("Settings' Answer the safety questions again did not open them")
	}
}

// Where the re-screening controls are, in a window of the default size.
var (
	numbYes          = [2]int{408, 364}  // the check-in: new numbness or weakness, Yes
	rescreenLater    = [2]int{480, 420}  // the offer: Later
	rescreenButton   = [2]int{260, 230}  // Today's "Exercise paused" card: Answer the safety questions again
	rescreenContinue = [2]int{1050, 733} // the safety questions: Continue
	settingsRescreen = [2]int{210, 139}  // Settings: Answer the safety questions again
)

// The first run from the keyboard alone: on a fresh home, Enter three
// times takes the defaults — no warning signs, the suggested level — and
// Today follows.
func TestKeyboardFirstRun(t *testing.T) {
	home := t.TempDir()
	a := launch(t, home)
	prev := shot(t, a, "keys-first-run-welcome")
	for i, page := range []string{"safety", "start", "today"} {
		if err := a.Key("Return"); err != nil {
			t.Fatal(err)
		}
		next := shot(t, a, "keys-first-run-"+page)
		if Changed(prev, next) < 5000 {
			t.Fatalf("Enter number %d did not move on to the %s page", i+1, page)
		}
		prev = next
	}
	if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
		t.Fatalf("quitting: exit %d, %v", exit, err)
	}
	exit, out := steadyIn(t, home, "status", "-format", "json")
	var s status
	if exit != 0 || json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &s) != nil {
		t.Fatalf("status after the keyboard first run: exit %d:\n%s", exit, out)
	}
	if s.Level != 1 || !s.ExerciseAllowed {
		t.Errorf("after Enter three times: level %d, exercise allowed %v; want level 1 with exercise", s.Level, s.ExerciseAllowed)
	}
}
