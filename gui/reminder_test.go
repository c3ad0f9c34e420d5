package gui

import (
	"sync"
	"testing"
	"time"

	"steady/program"
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

func TestReminderRun(t *testing.T) {
	start := time.Date(2026, 3, 28, 7, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		on    bool
		done  bool
		until time.Duration // how long the clock runs
		want  int           // notifications
	}{
		{"due", true, false, 31 * time.Minute, 1},
		{"not yet", true, false, 29 * time.Minute, 0},
		{"next day too", true, false, 24*time.Hour + 31*time.Minute, 2},
		{"reminders off", false, false, 31 * time.Minute, 0},
		{"session done", true, true, 31 * time.Minute, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := program.NewFakeClock(start)
			var mu sync.Mutex
			sent := 0
			r := reminder{
				clock:     clock,
				setting:   func() (string, bool) { return "07:30", tt.on },
				doneToday: func() bool { return tt.done },
				notify:    func() { mu.Lock(); sent++; mu.Unlock() },
			}
			stop, stopped := make(chan struct{}), make(chan struct{})
			go func() { r.run(stop); close(stopped) }()
			// Move the clock a timer at a time, once the reminder waits on it.
			end := start.Add(tt.until)
			for {
				pending := waitPending(t, clock)
				if pending.After(end) {
					break
				}
				clock.AdvanceTo(pending)
			}
			close(stop)
			<-stopped
			if len(clock.Pending()) != 0 {
				t.Error("the stopped reminder left its timer")
			}
			mu.Lock()
			defer mu.Unlock()
			if sent != tt.want {
				t.Errorf("%d notifications by %v, want %d", sent, end.Format("Jan 2 15:04"), tt.want)
			}
		})
	}
}

// waitPending waits for the reminder to wait on the clock, and returns when
// it wakes.
func waitPending(t *testing.T, clock *program.FakeClock) time.Time {
	t.Helper()
	for range 2000 {
		if p := clock.Pending(); len(p) > 0 {
			return p[0]
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the reminder does not wait on the clock")
	return time.Time{}
}
