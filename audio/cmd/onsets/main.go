// Command onsets finds where sounds start in a raw recording of Steady's
// output (signed 16-bit little-endian, 44100 Hz, 2 channels: what the ALSA
// file plugin writes) and, given the times the sounds were scheduled for,
// reports how far off they landed.
//
// Usage:
//
//	onsets [-threshold 0.05] [-gap 150ms] FILE
//	    prints each onset in milliseconds from the start of FILE, one a line.
//	onsets -expect 0,1000,2500 [-tolerance 250ms] FILE
//	    compares the onsets with the expected times (milliseconds, in any
//	    common frame: a constant delay is reported as the offset) and prints
//	    the offset and the p50/p95/max error. It exits 1 when a scheduled
//	    sound has no onset near it.
//
// FILE "-" reads standard input.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"steady/audio/internal/onset"
)

func main() {
	threshold := flag.Float64("threshold", 0.05, "level that starts a sound, 0..1 of full scale")
	gap := flag.Duration("gap", 150*time.Millisecond, "silence needed between two sounds")
	rate := flag.Int("rate", 44100, "sample rate of FILE")
	channels := flag.Int("channels", 2, "interleaved channels of FILE")
	expect := flag.String("expect", "", "comma-separated scheduled times in ms")
	tolerance := flag.Duration("tolerance", 250*time.Millisecond, "farthest an onset may be from its scheduled time")
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *threshold, *gap, *rate, *channels, *expect, *tolerance); err != nil {
		fmt.Fprintln(os.Stderr, "onsets:", err)
		os.Exit(1)
	}
}

func run(path string, threshold float64, gap time.Duration, rate, channels int, expect string, tolerance time.Duration) error {
	var in io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	samples, err := onset.ReadS16(in, channels)
	if err != nil {
		return err
	}
	got := onset.Detect(samples, rate, float32(threshold), gap)
	if expect == "" {
		for _, d := range got {
			fmt.Printf("%.1f\n", float64(d)/float64(time.Millisecond))
		}
		return nil
	}
	var want []time.Duration
	for _, f := range strings.Split(expect, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return fmt.Errorf("expected time %q: %w", f, err)
		}
		want = append(want, time.Duration(v*float64(time.Millisecond)))
	}
	r := onset.Compare(got, want, tolerance)
	fmt.Println(r)
	if r.Missing > 0 {
		return fmt.Errorf("%d scheduled sounds not found", r.Missing)
	}
	return nil
}
