package journalview

import (
	"math"
	"sort"
)

// baselineMornings is how many morning back-pain ratings make the baseline.
const baselineMornings = 7

// morningBaseline is the median of the last seven morning back-pain ratings
// and how many morning ratings there are (up to seven); NaN until there are
// seven. ratings are oldest first.
func morningBaseline(ratings []rating) (float64, int) {
	var last []float64
	for i := len(ratings) - 1; i >= 0 && len(last) < baselineMornings; i-- {
		if r := ratings[i]; r.morning && r.back != NoValue {
			last = append(last, float64(r.back))
		}
	}
	if len(last) < baselineMornings {
		return math.NaN(), len(last)
	}
	sort.Float64s(last)
	return last[len(last)/2], len(last)
}
