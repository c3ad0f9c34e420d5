// Package clip reads, writes and prepares Steady's spoken-cue clips: the WAV
// files espeak-ng writes, the compact IMA ADPCM form the clips are stored in
// under assets/speech, and the small edits a clip gets before it is stored
// (trimming silence, levelling). Samples are mono float32 in [-1, 1].
package clip

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Rate is the sample rate of speech clips: what espeak-ng writes.
const Rate = 22050

// magic opens every stored clip.
const magic = "SIMA"

// headerSize is magic, sample rate and sample count.
const headerSize = 12

// ErrFormat reports data that is not a clip or WAV file this package reads.
var ErrFormat = errors.New("clip: unknown format")

// The IMA ADPCM step sizes and index adjustments, as in the IMA/DVI standard.
var (
	stepTable = [89]int32{
		7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 21, 23, 25, 28, 31, 34, 37, 41, 45,
		50, 55, 60, 66, 73, 80, 88, 97, 107, 118, 130, 143, 157, 173, 190, 209, 230,
		253, 279, 307, 337, 371, 408, 449, 494, 544, 598, 658, 724, 796, 876, 963,
		1060, 1166, 1282, 1411, 1552, 1707, 1878, 2066, 2272, 2499, 2749, 3024, 3327,
		3660, 4026, 4428, 4871, 5358, 5894, 6484, 7132, 7845, 8630, 9493, 10442,
		11487, 12635, 13899, 15289, 16818, 18500, 20350, 22385, 24623, 27086, 29794,
		32767,
	}
	indexTable = [16]int32{-1, -1, -1, -1, 2, 4, 6, 8, -1, -1, -1, -1, 2, 4, 6, 8}
)

// adpcm is the state both the encoder and the decoder carry from sample to
// sample: the predicted sample and the step index.
type adpcm struct {
	predicted int32
	index     int32
}

// decode turns one 4-bit code into the next sample.
func (s *adpcm) decode(code byte) int16 {
	step := stepTable[s.index]
	diff := step >> 3
	if code&4 != 0 {
		diff += step
	}
	if code&2 != 0 {
		diff += step >> 1
	}
	if code&1 != 0 {
		diff += step >> 2
	}
	if code&8 != 0 {
		s.predicted -= diff
	} else {
		s.predicted += diff
	}
	s.predicted = max(-32768, min(32767, s.predicted))
	s.index = max(0, min(88, s.index+indexTable[code&15]))
	return int16(s.predicted)
}

// encode picks the 4-bit code that brings the prediction closest to sample,
// and advances the state exactly as the decoder will.
func (s *adpcm) encode(sample int16) byte {
	step := stepTable[s.index]
	diff := int32(sample) - s.predicted
	var code byte
	if diff < 0 {
		code = 8
		diff = -diff
	}
	if diff >= step {
		code |= 4
		diff -= step
	}
	if diff >= step>>1 {
		code |= 2
		diff -= step >> 1
	}
	if diff >= step>>2 {
		code |= 1
	}
	s.decode(code)
	return code
}

// Encode stores samples (mono, at rate) as a clip: "SIMA", the sample rate
// and the sample count as little-endian uint32, then one IMA ADPCM nibble per
// sample, low nibble first, starting from silence.
func Encode(samples []float32, rate int) []byte {
	out := make([]byte, headerSize, headerSize+(len(samples)+1)/2)
	copy(out, magic)
	binary.LittleEndian.PutUint32(out[4:], uint32(rate))
	binary.LittleEndian.PutUint32(out[8:], uint32(len(samples)))
	var s adpcm
	for i := 0; i < len(samples); i += 2 {
		b := s.encode(toInt16(samples[i]))
		if i+1 < len(samples) {
			b |= s.encode(toInt16(samples[i+1])) << 4
		}
		out = append(out, b)
	}
	return out
}

// Decode reads a clip written by Encode and returns its samples and rate.
func Decode(data []byte) (samples []float32, rate int, err error) {
	if len(data) < headerSize || string(data[:4]) != magic {
		return nil, 0, ErrFormat
	}
	rate = int(binary.LittleEndian.Uint32(data[4:]))
	n := int(binary.LittleEndian.Uint32(data[8:]))
	body := data[headerSize:]
	if len(body) != (n+1)/2 {
		return nil, 0, fmt.Errorf("clip: %d bytes of data for %d samples: %w", len(body), n, ErrFormat)
	}
	samples = make([]float32, n)
	var s adpcm
	for i := range samples {
		code := body[i/2] >> (4 * (i % 2)) & 15
		samples[i] = float32(s.decode(code)) / 32768
	}
	return samples, rate, nil
}

// DecodeWAV reads a mono or stereo 16-bit PCM WAV file, as espeak-ng writes
// it with -w, and returns its first channel. It trusts the data it finds
// over the sizes in the header, which espeak-ng leaves as placeholders when
// it writes to a pipe.
func DecodeWAV(data []byte) (samples []float32, rate int, err error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WAVE" {
		return nil, 0, ErrFormat
	}
	var channels, bits int
	for p := 12; p+8 <= len(data); {
		id := string(data[p : p+4])
		size := int(binary.LittleEndian.Uint32(data[p+4:]))
		body := data[p+8:]
		switch id {
		case "fmt ":
			if len(body) < 16 {
				return nil, 0, ErrFormat
			}
			if binary.LittleEndian.Uint16(body) != 1 {
				return nil, 0, fmt.Errorf("clip: wav encoding %d is not PCM: %w", binary.LittleEndian.Uint16(body), ErrFormat)
			}
			channels = int(binary.LittleEndian.Uint16(body[2:]))
			rate = int(binary.LittleEndian.Uint32(body[4:]))
			bits = int(binary.LittleEndian.Uint16(body[14:]))
		case "data":
			if bits != 16 || channels < 1 {
				return nil, 0, fmt.Errorf("clip: wav with %d channels of %d bits: %w", channels, bits, ErrFormat)
			}
			if size <= 0 || size > len(body) {
				size = len(body)
			}
			frame := 2 * channels
			samples = make([]float32, size/frame)
			for i := range samples {
				samples[i] = float32(int16(binary.LittleEndian.Uint16(body[i*frame:]))) / 32768
			}
			return samples, rate, nil
		}
		p += 8 + size + size%2
	}
	return nil, 0, fmt.Errorf("clip: wav without data: %w", ErrFormat)
}

// Trim cuts the silence before and after the speech, keeping margin seconds
// of it at each end so the first and last sounds are not clipped.
func Trim(samples []float32, rate int, margin float64) []float32 {
	const threshold = 0.01 // about -40 dBFS
	first, last := -1, -1
	for i, v := range samples {
		if abs(v) > threshold {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return nil
	}
	keep := int(margin * float64(rate))
	return samples[max(0, first-keep):min(len(samples), last+keep+1)]
}

// Level scales samples so their peak is peak, and fades both ends in and out
// over fade seconds so the clip starts and ends at zero.
func Level(samples []float32, rate int, peak, fade float64) []float32 {
	out := make([]float32, len(samples))
	var top float32
	for _, v := range samples {
		top = max(top, abs(v))
	}
	if top == 0 {
		return out
	}
	gain := float32(peak) / top
	n := min(int(fade*float64(rate)), len(samples)/2)
	for i, v := range samples {
		g := gain
		if d := min(i, len(samples)-1-i); d < n {
			g *= float32(0.5 - 0.5*math.Cos(math.Pi*float64(d)/float64(n)))
		}
		out[i] = v * g
	}
	return out
}

// Upsample2 doubles the sample rate of samples with Catmull-Rom interpolation:
// 22050 Hz speech becomes 44100 Hz for the mixer.
func Upsample2(samples []float32) []float32 {
	at := func(i int) float32 {
		if i < 0 || i >= len(samples) {
			return 0
		}
		return samples[i]
	}
	out := make([]float32, 2*len(samples))
	for i := range samples {
		p0, p1, p2, p3 := at(i-1), at(i), at(i+1), at(i+2)
		out[2*i] = p1
		// The Catmull-Rom spline between p1 and p2, halfway.
		out[2*i+1] = (-p0 + 9*p1 + 9*p2 - p3) / 16
	}
	return out
}

func toInt16(v float32) int16 {
	return int16(max(-32768, min(32767, math.Round(float64(v)*32768))))
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
