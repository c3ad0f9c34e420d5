// Package onset finds where sounds start in a recording and compares them
// with when they were meant to start. Steady's tests use it on what the
// mixer renders and on what ALSA captured; cmd/onsets uses it on recordings
// of the running app.
package onset

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"time"
)

// Detect returns the start of every sound in samples (mono, at rate): the
// first sample whose magnitude reaches threshold (0..1 of full scale) after
// at least gap of samples below it. A recording that starts with sound has
// an onset at 0.
func Detect(samples []float32, rate int, threshold float32, gap time.Duration) []time.Duration {
	quietNeeded := int(gap.Seconds() * float64(rate))
	quiet := quietNeeded // the start counts as after silence
	var onsets []time.Duration
	for i, v := range samples {
		if v < 0 {
			v = -v
		}
		if v < threshold {
			quiet++
			continue
		}
		if quiet >= quietNeeded {
			onsets = append(onsets, time.Duration(i)*time.Second/time.Duration(rate))
		}
		quiet = 0
	}
	return onsets
}

// ReadS16 reads raw signed 16-bit little-endian PCM with the given number of
// interleaved channels, as ALSA's file plugin writes it, and returns the
// first channel.
func ReadS16(r io.Reader, channels int) ([]float32, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("onset: read: %w", err)
	}
	frame := 2 * channels
	out := make([]float32, len(data)/frame)
	for i := range out {
		out[i] = float32(int16(binary.LittleEndian.Uint16(data[i*frame:]))) / 32768
	}
	return out, nil
}

// A Report compares detected onsets with scheduled ones.
//
// Errors are measured after removing Offset, the median of (detected -
// scheduled): the part of the delay common to every sound, which a
// recording cannot tell from where it started.
type Report struct {
	Offset        time.Duration
	Errors        []time.Duration // per matched onset, detected - scheduled - Offset
	P50, P95, Max time.Duration   // of the absolute errors
	Missing       int             // scheduled sounds with no onset near them
	Extra         int             // onsets matching no scheduled sound
}

// Compare matches each scheduled time with the detected onset nearest to it
// (within tolerance, once the common offset is known) and reports the
// errors. The common offset is the one that matches the most sounds.
func Compare(detected, scheduled []time.Duration, tolerance time.Duration) Report {
	best, bestMatches := time.Duration(0), -1
	for _, d := range detected {
		for _, s := range scheduled {
			offset := d - s
			if m := len(match(detected, scheduled, offset, tolerance)); m > bestMatches {
				best, bestMatches = offset, m
			}
		}
	}
	pairs := match(detected, scheduled, best, tolerance)
	var r Report
	raw := make([]time.Duration, 0, len(pairs))
	for _, p := range pairs {
		raw = append(raw, detected[p[0]]-scheduled[p[1]])
	}
	if len(raw) > 0 {
		sorted := slices.Clone(raw)
		slices.Sort(sorted)
		r.Offset = sorted[len(sorted)/2]
	}
	abs := make([]time.Duration, 0, len(raw))
	for _, e := range raw {
		r.Errors = append(r.Errors, e-r.Offset)
		abs = append(abs, max(e-r.Offset, r.Offset-e))
	}
	slices.Sort(abs)
	r.P50, r.P95 = percentile(abs, 0.50), percentile(abs, 0.95)
	if len(abs) > 0 {
		r.Max = abs[len(abs)-1]
	}
	r.Missing = len(scheduled) - len(pairs)
	r.Extra = len(detected) - len(pairs)
	return r
}

// match pairs scheduled[j]+offset with the nearest unused detected onset
// within tolerance; it returns (detected index, scheduled index) pairs.
func match(detected, scheduled []time.Duration, offset, tolerance time.Duration) [][2]int {
	used := make([]bool, len(detected))
	var pairs [][2]int
	for j, s := range scheduled {
		best, bestErr := -1, tolerance+1
		for i, d := range detected {
			if e := d - s - offset; !used[i] && max(e, -e) < bestErr {
				best, bestErr = i, max(e, -e)
			}
		}
		if best >= 0 {
			used[best] = true
			pairs = append(pairs, [2]int{best, j})
		}
	}
	return pairs
}

// percentile of sorted values, nearest rank.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(0, min(len(sorted)-1, i))]
}

// String formats the report on one line, in milliseconds.
func (r Report) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
	return fmt.Sprintf("offset %s ms; error p50 %s ms, p95 %s ms, max %s ms; %d matched, %d missing, %d extra",
		ms(r.Offset), ms(r.P50), ms(r.P95), ms(r.Max), len(r.Errors), r.Missing, r.Extra)
}
