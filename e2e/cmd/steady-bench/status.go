package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"steady/e2e"
)

// statusEntries is the size of the journal the status rows answer from.
const statusEntries = 20_000

// statusRows time `steady status` from process start to exit on a journal
// of 20,000 check-ins: once opening the journal itself, once answered by the
// open window over its socket (the single-instance path).
func statusRows(d *e2e.Display, work, bin string, runs int) ([]row, error) {
	home, err := os.MkdirTemp(work, "status-")
	if err != nil {
		return nil, err
	}
	for _, dir := range []string{".config", ".cache", "runtime", "tmp"} {
		if err := os.MkdirAll(filepath.Join(home, dir), 0o700); err != nil {
			return nil, err
		}
	}
	env := append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"), "XDG_RUNTIME_DIR="+filepath.Join(home, "runtime"),
		"TMPDIR="+filepath.Join(home, "tmp"), "LANG=en_US.UTF-8")
	if err := firstRun(d, bin, home); err != nil {
		return nil, err
	}
	if err := seedEntries(bin, home, env, statusEntries); err != nil {
		return nil, err
	}
	timeStatus := func() (time.Duration, error) {
		var took []time.Duration
		for range runs {
			cmd := exec.Command(bin, "status")
			cmd.Env = env
			start := time.Now()
			out, err := cmd.CombinedOutput()
			if err != nil {
				return 0, fmt.Errorf("steady status: %w\n%s", err, out)
			}
			took = append(took, time.Since(start))
		}
		return median(took), nil
	}
	alone, err := timeStatus()
	if err != nil {
		return nil, err
	}
	a, err := e2e.Launch(d, e2e.Config{Bin: bin, Home: home})
	if err != nil {
		return nil, err
	}
	defer a.Kill()
	if _, err := a.WaitWindow(30 * time.Second); err != nil {
		return nil, err
	}
	if err := a.WaitDrawn(30 * time.Second); err != nil {
		return nil, err
	}
	viaWindow, err := timeStatus()
	if err != nil {
		return nil, err
	}
	const budget = 150 * time.Millisecond
	name := fmt.Sprintf("`steady status`, start to exit, journal of 20,000 check-ins (median of %d)", runs)
	return []row{
		{name: name, steady: viaMs(alone), yard: "—", budget: "≤ 150 ms", ok: alone <= budget},
		{name: name + ", answered by the open window", steady: viaMs(viaWindow), yard: "—", budget: "≤ 150 ms", ok: viaWindow <= budget},
	}, nil
}

func viaMs(d time.Duration) string { return fmt.Sprintf("%.1f ms", ms(d)) }

// seedEntries imports n any-time check-ins, an hour apart, into the journal
// of home, through `steady import` in the export's own CSV format.
func seedEntries(bin, home string, env []string, n int) error {
	export := exec.Command(bin, "export", "-format", "csv")
	export.Env = env
	out, err := export.Output()
	if err != nil {
		return fmt.Errorf("export of an empty journal: %w", err)
	}
	cols, err := csv.NewReader(bytes.NewReader(out)).Read()
	if err != nil {
		return fmt.Errorf("the export's header: %w", err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(cols)
	start := time.Now().Add(-time.Duration(n+24) * time.Hour).Truncate(time.Hour)
	for i := range n {
		vals := map[string]string{"record": "entry", "time": start.Add(time.Duration(i) * time.Hour).Format(time.RFC3339),
			"kind": "any-time", "back_pain": fmt.Sprint(i % 11), "leg_pain": fmt.Sprint(i % 7), "tightness": fmt.Sprint(i % 9),
			"cause": "inactivity", "leg_reach": "none", "numb_weak": "false", "note": strings.Repeat("Stiff after the drive. ", i%4)}
		row := make([]string, len(cols))
		for j, c := range cols {
			row[j] = vals[c]
		}
		w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	path := filepath.Join(home, "entries.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		return err
	}
	imp := exec.Command(bin, "import", path)
	imp.Env = env
	if out, err := imp.CombinedOutput(); err != nil {
		return fmt.Errorf("import of %d check-ins: %w\n%s", n, err, out)
	}
	return nil
}

// firstRun clicks through the first run in home, as a new user with no
// warning signs who starts at level 1, so that the journal has a standing.
func firstRun(d *e2e.Display, bin, home string) error {
	a, err := e2e.Launch(d, e2e.Config{Bin: bin, Home: home})
	if err != nil {
		return err
	}
	defer a.Kill()
	if _, err := a.WaitWindow(30 * time.Second); err != nil {
		return err
	}
	shot := filepath.Join(home, "first-run.png")
	prev, err := a.Settle(shot, 150*time.Millisecond, 5*time.Second)
	if err != nil {
		return err
	}
	for _, step := range e2e.FirstRunSteps {
		if prev, err = a.ClickChange(step.X, step.Y, prev, 500, shot, 10*time.Second); err != nil {
			return fmt.Errorf("%w (first run, %s)", err, step.Name)
		}
	}
	if exit, err := a.Stop(10 * time.Second); err != nil || exit != 0 {
		return fmt.Errorf("stopping the app after the first run: exit %d, %v", exit, err)
	}
	return nil
}

// localeStartUp times start → window mapped with LANG=de_DE.UTF-8 against
// English, alternating, runs launches each on fresh homes: a translation
// must not make Steady start slower (budget: within 5 %). It works whether
// or not the binary carries a German catalog; without one the German
// launch falls back to English text.
func localeStartUp(d *e2e.Display, work, bin string, runs int) (row, error) {
	var en, de []time.Duration
	for range runs {
		for _, l := range []struct {
			lang string
			out  *[]time.Duration
		}{{"en_US.UTF-8", &en}, {"de_DE.UTF-8", &de}} {
			home, err := os.MkdirTemp(work, "home-")
			if err != nil {
				return row{}, err
			}
			a, err := e2e.Launch(d, e2e.Config{Bin: bin, Home: home, Env: []string{"LANG=" + l.lang}})
			if err != nil {
				return row{}, err
			}
			took, err := a.WaitWindow(30 * time.Second)
			a.Kill()
			if err != nil {
				return row{}, err
			}
			*l.out = append(*l.out, took)
		}
	}
	e, g := median(en), median(de)
	ratio := float64(g) / float64(e)
	return row{
		name:   fmt.Sprintf("start → window mapped, LANG=de_DE.UTF-8 vs English (median of %d)", runs),
		steady: g.Round(time.Millisecond).String(), yard: e.Round(time.Millisecond).String() + " (English)",
		ratio: ratio, budget: "ratio ≤ 1.05", ok: ratio <= 1.05,
	}, nil
}
