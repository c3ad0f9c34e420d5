package clip

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"
)

func sine(n int, freq, amp float64, rate int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(amp * math.Sin(2*math.Pi*freq*float64(i)/float64(rate)))
	}
	return s
}

// snr returns the signal-to-noise ratio of got against want, in dB.
func snr(want, got []float32) float64 {
	var sig, noise float64
	for i := range want {
		sig += float64(want[i]) * float64(want[i])
		d := float64(got[i] - want[i])
		noise += d * d
	}
	return 10 * math.Log10(sig/noise)
}

func TestEncodeDecode(t *testing.T) {
	tests := []struct {
		name    string
		samples []float32
		minSNR  float64
	}{
		{"speech-band tone", sine(Rate, 300, 0.5, Rate), 25},
		{"quiet tone", sine(Rate, 1000, 0.05, Rate), 15},
		{"odd length", sine(1001, 440, 0.7, Rate), 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := Encode(tt.samples, Rate)
			if want := headerSize + (len(tt.samples)+1)/2; len(data) != want {
				t.Errorf("encoded size: got %d bytes, want %d", len(data), want)
			}
			got, rate, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			if rate != Rate || len(got) != len(tt.samples) {
				t.Fatalf("got %d samples at %d Hz, want %d at %d", len(got), rate, len(tt.samples), Rate)
			}
			// Skip the first few milliseconds, where the step size adapts.
			skip := Rate / 200
			if s := snr(tt.samples[skip:], got[skip:]); s < tt.minSNR {
				t.Errorf("SNR: got %.1f dB, want >= %.0f", s, tt.minSNR)
			}
		})
	}
}

func TestDecodeRejects(t *testing.T) {
	good := Encode(sine(100, 440, 0.5, Rate), Rate)
	tests := map[string][]byte{
		"empty":     nil,
		"wav":       []byte("RIFF....WAVEfmt "),
		"truncated": good[:len(good)-1],
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			if _, _, err := Decode(data); !errors.Is(err, ErrFormat) {
				t.Errorf("got error %v, want ErrFormat", err)
			}
		})
	}
}

// wav builds a 16-bit PCM WAV file; dataSize overrides the data chunk's
// size field, as espeak-ng's placeholder does when it writes to a pipe.
func wav(channels, rate int, frames [][]int16, dataSize uint32) []byte {
	var data []byte
	for _, f := range frames {
		for _, v := range f {
			data = binary.LittleEndian.AppendUint16(data, uint16(v))
		}
	}
	b := []byte("RIFF\x00\x00\x00\x00WAVEfmt ")
	b = binary.LittleEndian.AppendUint32(b, 16)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, uint16(channels))
	b = binary.LittleEndian.AppendUint32(b, uint32(rate))
	b = binary.LittleEndian.AppendUint32(b, uint32(rate*channels*2))
	b = binary.LittleEndian.AppendUint16(b, uint16(channels*2))
	b = binary.LittleEndian.AppendUint16(b, 16)
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, dataSize)
	return append(b, data...)
}

func TestDecodeWAV(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		rate int
		want []float32
	}{
		{"mono", wav(1, 22050, [][]int16{{0}, {16384}, {-32768}}, 6), 22050, []float32{0, 0.5, -1}},
		{"stereo keeps the first channel", wav(2, 44100, [][]int16{{16384, 1}, {-16384, 2}}, 8), 44100, []float32{0.5, -0.5}},
		{"placeholder size", wav(1, 22050, [][]int16{{0}, {16384}}, 0x7ffff000), 22050, []float32{0, 0.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rate, err := DecodeWAV(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if rate != tt.rate || len(got) != len(tt.want) {
				t.Fatalf("got %v at %d Hz, want %v at %d", got, rate, tt.want, tt.rate)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("sample %d: got %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestPrepare(t *testing.T) {
	// 0.5 s of silence, 0.3 s of a quiet tone, 0.5 s of silence.
	s := make([]float32, Rate*13/10)
	copy(s[Rate/2:], sine(Rate*3/10, 300, 0.2, Rate))
	got := Prepare(s, Rate)
	margin := Rate * 3 / 100
	if want := Rate*3/10 + 2*margin; len(got) < want-10 || len(got) > want+10 {
		t.Errorf("trimmed length: got %d samples, want about %d", len(got), want)
	}
	var top float32
	for _, v := range got {
		top = max(top, abs(v))
	}
	if math.Abs(float64(top)-0.8) > 1e-3 {
		t.Errorf("peak: got %v, want 0.8", top)
	}
	if got[0] != 0 || got[len(got)-1] != 0 {
		t.Errorf("ends: got %v and %v, want 0", got[0], got[len(got)-1])
	}
}

func TestUpsample2(t *testing.T) {
	in := sine(Rate, 1000, 0.5, Rate)
	got := Upsample2(in)
	want := sine(2*Rate, 1000, 0.5, 2*Rate)
	if len(got) != len(want) {
		t.Fatalf("got %d samples, want %d", len(got), len(want))
	}
	if s := snr(want[10:len(want)-10], got[10:len(got)-10]); s < 40 {
		t.Errorf("SNR against a true 44.1 kHz sine: got %.1f dB, want >= 40", s)
	}
}
