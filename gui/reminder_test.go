package gui

import (
	"testing"
	"time"
)

func TestNextReminder(t *testing.T) {
	day := func(h, m int) time.Time { return time.Date(2026, 3, 28, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name string
		now  time.Time
		at   string
		want time.Time
		ok   bool
	}{
		{"later today", day(6, 0), "07:30", day(7, 30), true},
		{"already past: tomorrow", day(9, 0), "07:30", day(7, 30).AddDate(0, 0, 1), true},
		{"exactly now: tomorrow", day(7, 30), "07:30", day(7, 30).AddDate(0, 0, 1), true},
		{"midnight", day(23, 59), "00:00", day(0, 0).AddDate(0, 0, 1), true},
		{"not a time", day(6, 0), "7.30am", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := nextReminder(tt.now, tt.at)
			if ok != tt.ok || !got.Equal(tt.want) {
				t.Errorf("nextReminder(%v, %q) = %v, %v; want %v, %v", tt.now, tt.at, got, ok, tt.want, tt.ok)
			}
		})
	}
}
