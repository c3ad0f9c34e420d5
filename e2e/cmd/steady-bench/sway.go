package main

import (
	"errors"
	"fmt"
	"time"

	"steady/e2e"
)

// swayRows measures start-up, idle memory and processor time as the X rows
// do, with Steady and the bare window running natively on a headless sway
// (Wayland, software rendering), against the bare window in the same run.
// Sway tiles a window over the whole output; for the processor time both
// are floated at Steady's default size, as under X.
// The homes for the processor time are set up on the X display d.
func swayRows(d *e2e.Display, work, bin, bare string, o options) ([]row, error) {
	s, err := e2e.StartSway(1280, 900)
	if errors.Is(err, e2e.ErrNoSway) {
		return []row{{name: "sway: every row", steady: "not measured", yard: "—", budget: "—",
			note: err.Error()}}, nil
	}
	if err != nil {
		return nil, err
	}
	defer s.Close()
	launch := func(b string, args ...string) (*e2e.App, time.Duration, error) {
		a, err := s.LaunchFrom("", b, nil, args...)
		if err != nil {
			return nil, 0, err
		}
		if _, err := s.WaitWindow(a, 30*time.Second); err != nil {
			a.Kill()
			return nil, 0, err
		}
		return a, time.Since(a.Started), nil
	}

	var steady, yard []time.Duration
	for i := 0; i < o.runs; i++ {
		for _, b := range []struct {
			bin string
			out *[]time.Duration
		}{{bin, &steady}, {bare, &yard}} {
			a, took, err := launch(b.bin)
			if err != nil {
				return nil, err
			}
			*b.out = append(*b.out, took)
			a.Kill()
		}
	}
	sm, ym := median(steady), median(yard)
	rows := []row{{
		name:   fmt.Sprintf("sway: start → window in sway's tree (median of %d)", o.runs),
		steady: sm.Round(time.Millisecond).String(), yard: ym.Round(time.Millisecond).String(),
		ratio: float64(sm) / float64(ym), budget: "ratio ≤ 1.3", ok: float64(sm)/float64(ym) <= 1.3,
	}}

	var rss [2]int64
	for i, b := range []string{bin, bare} {
		a, _, err := launch(b)
		if err != nil {
			return nil, err
		}
		time.Sleep(o.idle)
		rss[i], err = a.RSS()
		a.Kill()
		if err != nil {
			return nil, err
		}
	}
	ratio := float64(rss[0]) / float64(rss[1])
	rows = append(rows, row{
		name:   fmt.Sprintf("sway: RSS after %v idle", o.idle),
		steady: mib(rss[0]), yard: mib(rss[1]), ratio: ratio, budget: "ratio ≤ 1.3", ok: ratio <= 1.3,
	})

	share := func(args ...string) (float64, error) {
		a, _, err := launch(bare, args...)
		if err != nil {
			return 0, err
		}
		defer a.Kill()
		if err := s.Float(a, e2e.WindowWidth, e2e.WindowHeight); err != nil {
			return 0, err
		}
		time.Sleep(3 * time.Second)
		return a.CPUShare(o.window)
	}
	cpu, err := processorTimeRows("sway: ", o.rounds, o.window,
		func() (e2e.CPUUse, error) { return e2e.MeasureCPUSway(s, d, bin, work, o.window) }, share)
	if err != nil {
		return nil, err
	}
	return append(rows, cpu...), nil
}
