package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The journal benchmarks that carry a budget (journal/bench_test.go: a
// journal of 20,000 entries and their sessions), and how many times each is
// run.
var journalBudgets = []struct {
	bench, name string
	budget      time.Duration
}{
	{"BenchmarkOpenRecent", "journal of 20,000 entries: open + 90 days + chart series", 50 * time.Millisecond},
	{"BenchmarkExportCSV", "journal of 20,000 entries: full CSV export", 300 * time.Millisecond},
}

const journalCount = 5

// journalRows runs the journal's benchmarks with go test and reports the
// median time of each, with the range over the runs.
func journalRows() ([]row, error) {
	var names []string
	for _, j := range journalBudgets {
		names = append(names, j.bench)
	}
	cmd := exec.Command("go", "test", "-tags", "migrated_fynedo", "-run", "^$",
		"-bench", "^("+strings.Join(names, "|")+")$", "-benchmem", "-count", strconv.Itoa(journalCount), "./journal/")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("journal benchmarks: %w\n%s", err, out)
	}
	runs := map[string][]time.Duration{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		// BenchmarkExportCSV-2   5   251234567 ns/op   25012345 B/op   279911 allocs/op
		f := strings.Fields(sc.Text())
		if len(f) < 4 || f[3] != "ns/op" {
			continue
		}
		ns, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("journal benchmarks: %q: %w", sc.Text(), err)
		}
		name, _, _ := strings.Cut(f[0], "-")
		runs[name] = append(runs[name], time.Duration(ns))
	}
	var rows []row
	for _, j := range journalBudgets {
		r := runs[j.bench]
		if len(r) != journalCount {
			return nil, fmt.Errorf("journal benchmarks: %d results for %s, want %d:\n%s", len(r), j.bench, journalCount, out)
		}
		slices.Sort(r)
		m := median(r)
		rows = append(rows, row{
			name:   fmt.Sprintf("%s (median of %d)", j.name, journalCount),
			steady: fmt.Sprintf("%.1f ms (%.1f–%.1f)", ms(m), ms(r[0]), ms(r[len(r)-1])),
			yard:   "—", budget: fmt.Sprintf("≤ %d ms", j.budget.Milliseconds()), ok: m <= j.budget,
		})
	}
	return rows, nil
}
