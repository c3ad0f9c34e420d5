package journal

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

const (
	benchEntries = 20_000
	benchPerDay  = 5 // entries a day: 20,000 entries cover 11 years
)

// benchEnd is the time of the last benchmark entry.
var benchEnd = time.Date(2026, 3, 20, 21, 0, 0, 0, zone)

// benchJournal writes a journal of benchEntries entries, benchPerDay a day
// ending at benchEnd, and a session on most days, then closes it.
func benchJournal(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "journal.db")
	s, err := open(path, options{now: func() time.Time { return benchEnd }})
	if err != nil {
		b.Fatal(err)
	}
	days := benchEntries / benchPerDay
	first := time.Date(benchEnd.Year(), benchEnd.Month(), benchEnd.Day()-days+1, 0, 0, 0, 0, zone)
	kinds := []Kind{Morning, BeforeSession, AfterSession, AnyTime, AnyTime}
	err = s.db.Update(func(tx *bolt.Tx) error {
		for i := range benchEntries {
			d := first.AddDate(0, 0, i/benchPerDay)
			e := Entry{
				Time: d.Add(time.Duration(7+3*(i%benchPerDay)) * time.Hour), Kind: kinds[i%benchPerDay],
				BackPain: i % 11, LegPain: i % 7, Tightness: i % 9, Cause: program.CauseInactivity,
				LegReach: program.LegReach(i % 5), Note: strings.Repeat("Felt stiff after the drive. ", i%4),
			}
			if err := put(tx.Bucket(bucketEntries), e.Time, e.record()); err != nil {
				return err
			}
			if i%benchPerDay == 0 && i%(7*benchPerDay) != 0 {
				x := session(d.Add(18*time.Hour), i%6)
				if err := put(tx.Bucket(bucketSessions), x.Time, x.record()); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenRecent is what starting Steady costs the journal: Open
// (with its full check of the file) and the chart's last 90 days.
func BenchmarkOpenRecent(b *testing.B) {
	path := benchJournal(b)
	o := options{now: func() time.Time { return benchEnd }} // the day's backup exists: as on most starts
	b.ResetTimer()
	for b.Loop() {
		s, err := open(path, o)
		if err != nil {
			b.Fatal(err)
		}
		entries, days, err := s.Series(benchEnd.AddDate(0, 0, -90), benchEnd.Add(time.Hour))
		if err != nil {
			b.Fatal(err)
		}
		if len(entries) < 90*benchPerDay || len(days) < 70 {
			b.Fatalf("got %d entries and %d session days", len(entries), len(days))
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportCSV exports the whole 20,000-entry journal.
func BenchmarkExportCSV(b *testing.B) {
	s, err := open(benchJournal(b), options{now: func() time.Time { return benchEnd }})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for b.Loop() {
		if err := s.Export(io.Discard, CSV); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHistory reads everything progression judges.
func BenchmarkHistory(b *testing.B) {
	s, err := open(benchJournal(b), options{now: func() time.Time { return benchEnd }})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.History(benchEnd); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAddEntry is one entry written and synced to disk.
func BenchmarkAddEntry(b *testing.B) {
	s := openTest(b)
	t := at(1, 8, 0)
	b.ResetTimer()
	for b.Loop() {
		t = t.Add(time.Minute)
		if _, err := s.AddEntry(entry(t, AnyTime, 3)); err != nil {
			b.Fatal(err)
		}
	}
}
