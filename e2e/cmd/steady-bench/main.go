// Command steady-bench measures Steady against its performance budget and
// prints one table (make bench). Process figures compare the real binary
// with a bare Fyne window built in the same run from the same Fyne version,
// alternating runs so both see the same machine; the report gives medians and
// their ratio, as this machine is shared and its absolute timings are noisy.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"steady/e2e"
)

func main() {
	bin := flag.String("bin", "build/steady", "the Steady binary to measure")
	runs := flag.Int("runs", 7, "launches of each binary for the start-up figure")
	idle := flag.Duration("idle", 5*time.Second, "how long each app idles before its memory is read")
	window := flag.Duration("cpu-window", 10*time.Second, "how long each processor time figure is measured over")
	rounds := flag.Int("cpu-rounds", 3, "rounds of the processor time figures, the app and the bare window in turns")
	scale := flag.Float64("scale", 20, "how many times faster than real time the 30-minute session plays")
	only := flag.String("only", "", "measure only these rows, comma-separated: "+strings.Join(rowNames, ", "))
	flag.Parse()
	want, err := rowsWanted(*only)
	if err != nil {
		fmt.Fprintln(os.Stderr, "steady-bench:", err)
		os.Exit(2)
	}
	opts := options{bin: *bin, runs: *runs, idle: *idle, window: *window, rounds: *rounds, scale: *scale}
	if err := bench(opts, want); err != nil {
		fmt.Fprintln(os.Stderr, "steady-bench:", err)
		os.Exit(1)
	}
}

// A row of the report.
type row struct {
	name         string
	steady, yard string // measured values
	ratio        float64
	budget       string
	ok           bool
	note         string
}

// The rows the report can have, by the names -only takes.
var rowNames = []string{"start", "locale", "memory", "cpu", "sway", "status", "audio", "journal", "drift"}

// options are the measurement's settings, from the command line.
type options struct {
	bin    string
	runs   int
	idle   time.Duration
	window time.Duration
	rounds int
	scale  float64
}

// rowsWanted parses -only: every row when empty.
func rowsWanted(only string) (map[string]bool, error) {
	want := map[string]bool{}
	if only == "" {
		for _, n := range rowNames {
			want[n] = true
		}
		return want, nil
	}
	for _, n := range strings.Split(only, ",") {
		n = strings.TrimSpace(n)
		if !slices.Contains(rowNames, n) {
			return nil, fmt.Errorf("-only: unknown row %q; rows: %s", n, strings.Join(rowNames, ", "))
		}
		want[n] = true
	}
	return want, nil
}

func bench(o options, want map[string]bool) error {
	bin := o.bin
	work, err := os.MkdirTemp("", "steady-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	bare := filepath.Join(work, "bare-window")
	if want["start"] || want["memory"] || want["cpu"] || want["sway"] {
		build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bare, "./e2e/cmd/bare-window")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build the bare window: %w", err)
		}
	}
	d, err := e2e.StartDisplay(1280, 900)
	if err != nil {
		return err
	}
	defer d.Close()

	var rows []row
	if want["start"] {
		start, err := startUp(d, work, bin, bare, o.runs)
		if err != nil {
			return err
		}
		rows = append(rows, start)
	}
	if want["locale"] {
		l, err := localeStartUp(d, work, bin, o.runs)
		if err != nil {
			return err
		}
		rows = append(rows, l)
	}
	if want["memory"] {
		mem, err := idleMemory(d, work, bin, bare, o.idle)
		if err != nil {
			return err
		}
		rows = append(rows, mem)
	}
	if want["cpu"] {
		cpu, err := processorTime(d, work, bin, bare, o.window, o.rounds)
		if err != nil {
			return err
		}
		rows = append(rows, cpu...)
	}
	if want["sway"] {
		sw, err := swayRows(d, work, bin, bare, o)
		if err != nil {
			return fmt.Errorf("rows under sway: %w", err)
		}
		rows = append(rows, sw...)
	}
	if want["status"] {
		st, err := statusRows(d, work, bin, o.runs)
		if err != nil {
			return err
		}
		rows = append(rows, st...)
	}
	if want["audio"] {
		cues, err := cueTiming(d, work, bin)
		if err != nil {
			return err
		}
		rows = append(rows, cues)
	}
	if want["journal"] {
		j, err := journalRows()
		if err != nil {
			return err
		}
		rows = append(rows, j...)
	}
	if want["drift"] {
		drift, err := driftRow(o.scale)
		if err != nil {
			return err
		}
		rows = append(rows, drift)
	}

	fmt.Printf("\nSteady %s — measured %s on %d cores, software GL under Xvfb (rows marked sway: natively on headless sway)\n\n",
		bin, time.Now().Format("2006-01-02 15:04"), runtime.NumCPU())
	fmt.Println("| row | Steady | yardstick | ratio | budget | within |")
	fmt.Println("|---|---|---|---|---|---|")
	failed := 0
	for _, r := range rows {
		within := "yes"
		if !r.ok {
			within = "NO"
			failed++
		}
		ratio := "—"
		if r.ratio > 0 {
			ratio = fmt.Sprintf("%.2f", r.ratio)
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s |\n", r.name, r.steady, r.yard, ratio, r.budget, within)
	}
	for _, r := range rows {
		if r.note != "" {
			fmt.Printf("\n%s: %s\n", r.name, r.note)
		}
	}
	if failed > 0 {
		fmt.Printf("\n%d row(s) outside the budget\n", failed)
	}
	return nil
}

// launch starts a binary with a fresh home and waits for its window.
func launch(d *e2e.Display, work, bin string) (*e2e.App, time.Duration, error) {
	home, err := os.MkdirTemp(work, "home-")
	if err != nil {
		return nil, 0, err
	}
	a, err := e2e.Launch(d, e2e.Config{Bin: bin, Home: home})
	if err != nil {
		return nil, 0, err
	}
	took, err := a.WaitWindow(30 * time.Second)
	if err != nil {
		a.Kill()
		return nil, 0, err
	}
	return a, took, nil
}

func startUp(d *e2e.Display, work, bin, bare string, runs int) (row, error) {
	var steady, yard []time.Duration
	for i := 0; i < runs; i++ {
		for _, b := range []struct {
			bin string
			out *[]time.Duration
		}{{bin, &steady}, {bare, &yard}} {
			a, took, err := launch(d, work, b.bin)
			if err != nil {
				return row{}, err
			}
			*b.out = append(*b.out, took)
			a.Kill()
		}
	}
	s, y := median(steady), median(yard)
	ratio := float64(s) / float64(y)
	return row{
		name:   "start → window mapped (median of " + fmt.Sprint(runs) + ")",
		steady: s.Round(time.Millisecond).String(), yard: y.Round(time.Millisecond).String(),
		ratio: ratio, budget: "ratio ≤ 1.3", ok: ratio <= 1.3,
	}, nil
}

func idleMemory(d *e2e.Display, work, bin, bare string, idle time.Duration) (row, error) {
	var rss [2]int64
	for i, b := range []string{bin, bare} {
		a, _, err := launch(d, work, b)
		if err != nil {
			return row{}, err
		}
		time.Sleep(idle)
		rss[i], err = a.RSS()
		a.Kill()
		if err != nil {
			return row{}, err
		}
	}
	ratio := float64(rss[0]) / float64(rss[1])
	return row{
		name:   fmt.Sprintf("RSS after %v idle", idle),
		steady: mib(rss[0]), yard: mib(rss[1]),
		ratio: ratio, budget: "ratio ≤ 1.3", ok: ratio <= 1.3,
	}, nil
}

// cueTiming plays a whole session of e2e/testdata/timing-routine.toml in
// the real app through the paced recording sound device and compares each
// tone's onset with its place in the session's timeline. There is no
// yardstick: the budget is absolute.
func cueTiming(d *e2e.Display, work, bin string) (row, error) {
	r, err := e2e.MeasureCueTiming(d, bin, work, 150*time.Millisecond)
	if err != nil {
		return row{}, err
	}
	note := fmt.Sprintf("%v; per tone (heard with the common offset removed, error in ms):\n%s", r, r.Table())
	if p := r.Problems(); len(p) > 0 {
		note += "problems:\n  " + strings.Join(p, "\n  ") + "\n"
	}
	return row{
		name: fmt.Sprintf("audio cue onset error vs timeline, %v session (%d/%d tones found)",
			r.Session.Round(time.Second), r.Matched, len(r.Cues)),
		steady: fmt.Sprintf("p95 %.1f ms (p50 %.1f, max %.1f)", ms(r.P95), ms(r.P50), ms(r.Max)),
		yard:   "—",
		budget: "p95 ≤ 20 ms", ok: r.P95 <= 20*time.Millisecond && r.Matched == len(r.Cues),
		note: note,
	}, nil
}

// processorTime measures the processor time rows under X (e2e.MeasureCPU),
// in rounds (processorTimeRows).
func processorTime(d *e2e.Display, work, bin, bare string, window time.Duration, rounds int) ([]row, error) {
	return processorTimeRows("", rounds, window,
		func() (e2e.CPUUse, error) { return e2e.MeasureCPU(d, bin, work, window) },
		func(args ...string) (float64, error) { return bareCPU(d, work, bare, window, args...) })
}

// bareCPU measures the share of one core the bare window, run with args,
// takes over window, from 3 s after its window maps.
func bareCPU(d *e2e.Display, work, bare string, window time.Duration, args ...string) (float64, error) {
	home, err := os.MkdirTemp(work, "home-")
	if err != nil {
		return 0, err
	}
	a, err := e2e.Launch(d, e2e.Config{Bin: bare, Home: home, Args: args})
	if err != nil {
		return 0, err
	}
	defer a.Kill()
	if _, err := a.WaitWindow(30 * time.Second); err != nil {
		return 0, err
	}
	time.Sleep(3 * time.Second)
	return a.CPUShare(window)
}

// driftRow plays a session of 30 minutes or more on the session runner with
// a clock scale times faster than real time and reports when it ended
// against its plan.
func driftRow(scale float64) (row, error) {
	tl, end, worst, err := sessionDrift(scale)
	if err != nil {
		return row{}, err
	}
	return row{
		name:   fmt.Sprintf("session of %v, end vs plan (played %g× faster)", tl.Total().Round(time.Second), scale),
		steady: fmt.Sprintf("%+.1f ms (latest event %+.1f ms)", ms(end), ms(worst)),
		yard:   "—", budget: "drift ≤ 50 ms", ok: absDur(end) <= 50*time.Millisecond,
		note: fmt.Sprintf("on the session's clock, which magnifies a timer's lateness %g times: "+
			"%+.2f ms in real time at the end, with %d events delivered", scale, ms(end)/scale, len(tl.Events())),
	}, nil
}

func absDur(d time.Duration) time.Duration { return max(d, -d) }

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }
