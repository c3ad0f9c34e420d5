package journal

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// withFunction is filled plus three activities (one replaced, its names
// ones a spreadsheet would take for formulas) and their ratings, one at
// the instant of an entry.
func withFunction(t testing.TB) (*Store, []Activity, []FunctionRating) {
	t.Helper()
	s := filled(t)
	var acts []Activity
	var ratings []FunctionRating
	err := s.Update(func(tx *Tx) error {
		for _, name := range []string{"Putting on socks", "=SUM(A1) a 30-minute walk", "'quoted' gardening"} {
			a, err := tx.AddActivity(name, at(1, 19, 0))
			if err != nil {
				return err
			}
			r, err := tx.AddFunctionRating(FunctionRating{Time: at(1, 7, 5), Activity: a.ID, Score: 3})
			if err != nil {
				return err
			}
			acts, ratings = append(acts, a), append(ratings, r)
		}
		old, err := tx.ArchiveActivity(acts[2].ID, at(2, 12, 0))
		if err != nil {
			return err
		}
		acts[2] = old
		a, err := tx.AddActivity("Lifting a child", at(2, 12, 0))
		if err != nil {
			return err
		}
		acts = append(acts, a)
		r, err := tx.AddFunctionRating(FunctionRating{Time: at(8, 19, 0), Activity: a.ID, Score: 8})
		ratings = append(ratings, r)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, acts, ratings
}

func TestActivities(t *testing.T) {
	s, acts, ratings := withFunction(t)
	if got := []string{acts[0].ID, acts[1].ID, acts[2].ID, acts[3].ID}; !reflect.DeepEqual(got, []string{"a1", "a2", "a3", "a4"}) {
		t.Errorf("ids: got %v, want a1 to a4", got)
	}
	// Three ratings at the same instant: each moved 1 ns later.
	if !ratings[1].Time.Equal(at(1, 7, 5).Add(time.Nanosecond)) {
		t.Errorf("second rating at %v, want 1 ns after the first", ratings[1].Time)
	}
	err := s.Update(func(tx *Tx) error {
		_, err := tx.AddActivity("Driving an hour", at(9, 9, 0))
		return err
	})
	if !errors.Is(err, ErrTooManyActivities) {
		t.Errorf("a fourth current activity: got %v, want ErrTooManyActivities", err)
	}
	err = s.Update(func(tx *Tx) error {
		_, err := tx.AddFunctionRating(FunctionRating{Time: at(9, 9, 0), Activity: "a3", Score: 5})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "was replaced") {
		t.Errorf("rating a replaced activity: got %v, want an error", err)
	}
	for _, bad := range []FunctionRating{{Time: at(9, 9, 0), Activity: "a1", Score: 11}, {Time: at(9, 9, 0), Activity: "nope", Score: 1}} {
		if err := addRating(s, bad); err == nil {
			t.Errorf("%+v: got no error", bad)
		}
	}
	h, err := s.History(at(20, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Activities) != 4 || len(h.Function) != 4 || !h.Activities[2].Archived.Equal(at(2, 12, 0)) {
		t.Errorf("history: got %+v and %+v; want 4 activities (a3 archived) and 4 ratings", h.Activities, h.Function)
	}
}

// addRating adds one rating in a transaction of its own.
func addRating(s *Store, r FunctionRating) error {
	return s.Update(func(tx *Tx) error { _, err := tx.AddFunctionRating(r); return err })
}

func TestFunctionExportImportRoundTrip(t *testing.T) {
	for _, f := range []Format{CSV, JSON} {
		t.Run(f.String(), func(t *testing.T) {
			src, acts, ratings := withFunction(t)
			data := export(t, src, f)
			if f == JSON && (!bytes.Contains(data, []byte(`"activities": [`)) || !bytes.Contains(data, []byte(`"function_ratings": [`))) {
				t.Errorf("JSON export without activities or function_ratings:\n%s", data)
			}
			if f == CSV && (!bytes.Contains(data, []byte("activity,2026-03-01T19:00:00+01:00")) || !bytes.Contains(data, []byte(",a2,'=SUM(A1)")) ||
				!bytes.Contains(data, []byte(",a3,''quoted' gardening,2026-03-02T12:00:00+01:00,")) || !bytes.Contains(data, []byte("\nfunction,2026-03-08T19:00:00+01:00,"))) {
				t.Errorf("CSV export: activity or function rows missing or not escaped:\n%s", data)
			}
			dst := openTest(t)
			res, err := dst.Import(bytes.NewReader(data), f)
			if err != nil {
				t.Fatal(err)
			}
			if res.Activities != 4 || res.FunctionRatings != 4 {
				t.Errorf("got %+v, want 4 activities and 4 ratings", res)
			}
			gotA, _ := dst.Activities()
			if !reflect.DeepEqual(canonicalActivities(gotA), canonicalActivities(acts)) {
				t.Errorf("activities:\ngot  %+v\nwant %+v", gotA, acts)
			}
			gotR, _ := dst.FunctionRatings(time.Time{}, time.Time{})
			if len(gotR) != len(ratings) {
				t.Fatalf("got %d ratings, want %d", len(gotR), len(ratings))
			}
			for i := range gotR {
				if canonicalRating(gotR[i]) != canonicalRating(ratings[i]) {
					t.Errorf("rating %d: got %+v, want %+v", i, gotR[i], ratings[i])
				}
			}
			// Again: all skipped, nothing changed.
			before := export(t, dst, f)
			res, err = dst.Import(bytes.NewReader(data), f)
			if err != nil || res.Activities != 0 || res.FunctionRatings != 0 {
				t.Errorf("re-import: got %+v, %v; want everything skipped", res, err)
			}
			if again := export(t, dst, f); !bytes.Equal(again, before) {
				t.Error("re-import changed the journal")
			}
		})
	}
}

func canonicalActivities(list []Activity) []string {
	var out []string
	for _, a := range list {
		out = append(out, canonicalActivity(a))
	}
	return out
}

// A version 2 CSV export, without the columns version 3 added, still
// imports; a rating whose activity is nowhere is a problem.
func TestImportFunctionOlderAndBroken(t *testing.T) {
	row := make([]string, colActivity)
	row[colRecord], row[colTime], row[colMinutes] = "walk", "2026-03-01T08:00:00+01:00", "20"
	v2 := strings.Join(csvHeader[:colActivity], ",") + "\n" + strings.Join(row, ",") + "\n"
	s := openTest(t)
	if res, err := s.Import(strings.NewReader(v2), CSV); err != nil || res.Walks != 1 {
		t.Errorf("version 2 CSV: got %+v, %v; want one walk", res, err)
	}
	orphan := `{"version": 3, "function_ratings": [{"time": "2026-03-01T08:00:00+01:00", "activity": "a9", "score": 4}]}`
	_, err := s.Import(strings.NewReader(orphan), JSON)
	var ie *ImportError
	if !errors.As(err, &ie) || !strings.Contains(ie.Problems[0].Msg, `no activity "a9"`) {
		t.Errorf("a rating without its activity: got %v, want a problem naming a9", err)
	}
	noName := `{"version": 3, "activities": [{"id": "a1", "name": " ", "created": "2026-03-01T08:00:00+01:00", "archived": "0001-01-01T00:00:00Z"}]}`
	if _, err := s.Import(strings.NewReader(noName), JSON); err == nil || !strings.Contains(err.Error(), "no name") {
		t.Errorf("an activity without a name: got %v, want a problem", err)
	}
}

// A journal of schema version 2 gets the buckets of version 3 on opening.
func TestMigrateV3CreatesFunctionBuckets(t *testing.T) {
	s := openFixture(t, "testdata/journal-v1.db")
	err := s.Update(func(tx *Tx) error {
		if tx.tx.Bucket(bucketActivities) == nil || tx.tx.Bucket(bucketFunction) == nil {
			t.Error("no activities or function bucket after the migration")
		}
		a, err := tx.AddActivity("Sitting through a film", at(10, 20, 0))
		if err == nil {
			_, err = tx.AddFunctionRating(FunctionRating{Time: at(10, 20, 0), Activity: a.ID, Score: 4})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
