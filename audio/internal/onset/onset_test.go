package onset

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"
)

const rate = 1000 // one sample a millisecond keeps the cases readable

// burst returns n samples of silence with a 20 ms burst at each of at (ms).
func burst(n int, at ...int) []float32 {
	s := make([]float32, n)
	for _, a := range at {
		for i := a; i < a+20 && i < n; i++ {
			s[i] = 0.5
		}
	}
	return s
}

func ms(v ...int) []time.Duration {
	out := make([]time.Duration, len(v))
	for i, x := range v {
		out[i] = time.Duration(x) * time.Millisecond
	}
	return out
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name    string
		samples []float32
		gap     time.Duration
		want    []time.Duration
	}{
		{"separate bursts", burst(1000, 100, 400, 700), 50 * time.Millisecond, ms(100, 400, 700)},
		{"gap too short to split", burst(1000, 100, 150), 50 * time.Millisecond, ms(100)},
		{"sound at the start", burst(500, 0, 300), 50 * time.Millisecond, ms(0, 300)},
		{"silence", make([]float32, 500), 50 * time.Millisecond, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Detect(tt.samples, rate, 0.1, tt.gap)
			if len(got) != len(tt.want) {
				t.Fatalf("got onsets %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("onset %d: got %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name                  string
		detected, scheduled   []time.Duration
		offset, p50, p95, max time.Duration
		missing, extra        int
	}{
		{
			name:     "constant delay is the offset, not an error",
			detected: ms(150, 650, 1150), scheduled: ms(0, 500, 1000),
			offset: 150 * time.Millisecond,
		},
		{
			name:     "one late sound",
			detected: ms(100, 600, 1130, 1600), scheduled: ms(0, 500, 1000, 1500),
			offset: 100 * time.Millisecond, p50: 0, p95: 30 * time.Millisecond, max: 30 * time.Millisecond,
		},
		{
			name:     "a missing and an extra sound",
			detected: ms(0, 500, 777, 1500), scheduled: ms(0, 500, 1000, 1500),
			missing: 1, extra: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(tt.detected, tt.scheduled, 100*time.Millisecond)
			if r.Offset != tt.offset || r.P50 != tt.p50 || r.P95 != tt.p95 || r.Max != tt.max {
				t.Errorf("got %v, want offset %v p50 %v p95 %v max %v", r, tt.offset, tt.p50, tt.p95, tt.max)
			}
			if r.Missing != tt.missing || r.Extra != tt.extra {
				t.Errorf("got %d missing and %d extra, want %d and %d", r.Missing, r.Extra, tt.missing, tt.extra)
			}
		})
	}
}

func TestReadS16(t *testing.T) {
	var b bytes.Buffer
	for _, frame := range [][2]int16{{16384, 1}, {-32768, 2}, {0, 3}} {
		if err := binary.Write(&b, binary.LittleEndian, frame); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ReadS16(&b, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []float32{0.5, -1, 0}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sample %d: got %v, want %v", i, got[i], want[i])
		}
	}
}
