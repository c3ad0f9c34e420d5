package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"steady/e2e"
	"steady/gui/figure"
)

// idleBudget is the most of a core a paused session or Today may take: 3 %,
// with half a point of margin.
const idleBudget = 0.025

// holdBudget is the most of a core the walking hold may take, and
// holdRatio the most it may take against the bare window animating a
// picture of the figure's size at the figure's rate.
const holdBudget, holdRatio = 0.25, 1.3

// cpuRound is one round of the processor time rows: the app's three states
// and the bare window's two, measured one after the other.
type cpuRound struct {
	use          e2e.CPUUse
	moving, idle float64 // the bare window animating, and idle
}

// processorTimeRows measures the share of one core the app takes in a
// walking hold, paused, and on Today (measure: e2e.MeasureCPU or its sway
// twin), against the bare window (bare, run with the arguments given)
// animating a picture the size of the session figure, as the app reports it
// in the hold, as often as the figure moves, and idle. On this shared
// machine one reading moves by a third from one minute to the next, the
// bare window's as much as the app's, so the rows are rounds: in each, the
// app and the bare window one after the other, in turns first, and each row
// is the median over the rounds, the ratio the median of the rounds' own
// ratios, with every round in the row's note. The budgets are absolute,
// and the hold's ratio.
func processorTimeRows(prefix string, rounds int, window time.Duration,
	measure func() (e2e.CPUUse, error), bare func(args ...string) (float64, error),
) ([]row, error) {
	var rs []cpuRound
	var size e2e.CPUUse // the figure's sizes, as last reported
	for i := range rounds {
		var r cpuRound
		app := func() error {
			use, err := measure()
			r.use, size = use, use
			return err
		}
		yard := func() (err error) {
			picture := fmt.Sprintf("%dx%d", size.FigureW, size.FigureH)
			if r.moving, err = bare("-animate", figure.FrameInterval.String(), "-picture", picture); err != nil {
				return err
			}
			r.idle, err = bare()
			return err
		}
		// The app goes first in the first round: the bare window takes the
		// figure's size from it.
		steps := []func() error{app, yard}
		if i%2 == 1 {
			steps = []func() error{yard, app}
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return nil, fmt.Errorf("round %d: %w", i+1, err)
			}
		}
		rs = append(rs, r)
	}

	med := func(f func(cpuRound) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		slices.Sort(v)
		if n := len(v); n%2 == 0 {
			return (v[n/2-1] + v[n/2]) / 2
		}
		return v[len(v)/2]
	}
	hold := med(func(r cpuRound) float64 { return r.use.Hold })
	moving := med(func(r cpuRound) float64 { return r.moving })
	ratio := med(func(r cpuRound) float64 { return r.use.Hold / r.moving })
	idle := med(func(r cpuRound) float64 { return r.idle })
	paused := med(func(r cpuRound) float64 { return r.use.Paused })
	today := med(func(r cpuRound) float64 { return r.use.Today })

	each := func(f func(cpuRound) string) string {
		s := make([]string, len(rs))
		for i, r := range rs {
			s[i] = f(r)
		}
		return "rounds: " + strings.Join(s, "; ")
	}
	over := fmt.Sprintf(" (median of %d rounds of %v)", len(rs), window)
	holdLimit := fmt.Sprintf("≤ %.0f %% of a core and ratio ≤ %.1f", 100*holdBudget, holdRatio)
	idleLimit := fmt.Sprintf("≤ %.1f %% of a core (3 %% with margin)", 100*idleBudget)
	last := rs[len(rs)-1].use
	picture := fmt.Sprintf("%dx%d; Steady draws %dx%d of it each frame", last.FigureW, last.FigureH, last.DrawnW, last.DrawnH)
	return []row{
		{name: prefix + "CPU in a hold, figure animating" + over, steady: pct(hold), yard: pct(moving) + " (animating " + picture + ")",
			ratio: ratio, budget: holdLimit, ok: hold <= holdBudget && ratio <= holdRatio,
			note: each(func(r cpuRound) string {
				return fmt.Sprintf("%s against %s (%.2f)", pct(r.use.Hold), pct(r.moving), r.use.Hold/r.moving)
			})},
		{name: prefix + "CPU while paused" + over, steady: pct(paused), yard: pct(idle), budget: idleLimit, ok: paused <= idleBudget,
			note: each(func(r cpuRound) string { return pct(r.use.Paused) + " (bare idle " + pct(r.idle) + ")" })},
		{name: prefix + "CPU on Today" + over, steady: pct(today), yard: pct(idle), budget: idleLimit, ok: today <= idleBudget,
			note: each(func(r cpuRound) string { return pct(r.use.Today) })},
	}, nil
}

func pct(v float64) string { return fmt.Sprintf("%.1f %%", 100*v) }
