package journal

// The activities the user named for the function score (the
// Patient-Specific Functional Scale, CLINICAL.md §8) and their ratings.

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"steady/program"
)

// An Activity is one activity the back makes hard, in the user's words.
type Activity struct {
	// ID names it for its ratings; the journal gives it ("a1", "a2", ...).
	ID      string
	Name    string // the user's words, 1 to MaxActivityName characters
	Created time.Time
	// Archived is when it was replaced; zero while current. An archived
	// activity and its ratings are kept.
	Archived time.Time
}

// A FunctionRating is one rating of one activity: 0 (unable to do it) to
// 10 (as before the back problem).
type FunctionRating struct {
	// Time is the rating's key, like an entry's: no two ratings share it.
	Time     time.Time
	Activity string // Activity.ID
	Score    int
}

// MaxActivityName is the longest activity name, in characters.
const MaxActivityName = 100

// ErrTooManyActivities: naming one more would make more than
// program.MaxActivities current activities.
var ErrTooManyActivities = fmt.Errorf("at most %d activities can be current", program.MaxActivities)

// Validate reports every value out of range, joined, in plain words.
func (a Activity) Validate() error {
	var errs []error
	errs = append(errs, checkActivityID(a.ID), checkTime("the time the activity was named", a.Created))
	name := strings.TrimSpace(a.Name)
	switch n := utf8.RuneCountInString(name); {
	case !utf8.ValidString(a.Name):
		errs = append(errs, errors.New("the activity's name is not valid text (UTF-8)"))
	case n == 0:
		errs = append(errs, errors.New("the activity has no name"))
	case n > MaxActivityName:
		errs = append(errs, fmt.Errorf("the activity's name is longer than %d characters: it has %d", MaxActivityName, n))
	case strings.ContainsAny(name, "\r\n"):
		errs = append(errs, errors.New("the activity's name is more than one line"))
	}
	if !a.Archived.IsZero() {
		errs = append(errs, checkTime("the time the activity was replaced", a.Archived))
		if a.Archived.Before(a.Created) {
			errs = append(errs, errors.New("the activity was replaced before it was named"))
		}
	}
	return errors.Join(errs...)
}

// Validate reports every value out of range, joined, in plain words. It
// does not check that the activity exists: Tx.AddFunctionRating does.
func (r FunctionRating) Validate() error {
	return errors.Join(checkTime("the time", r.Time), checkActivityID(r.Activity), checkScale("an activity's rating", r.Score))
}

// checkActivityID: letters, digits, - and _, at most 40, none empty.
func checkActivityID(id string) error {
	ok := id != "" && len(id) <= 40
	for _, c := range id {
		ok = ok && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')
	}
	if !ok {
		return fmt.Errorf("%q is not an activity id (letters, digits, - and _)", id)
	}
	return nil
}

func (a Activity) clean() Activity {
	a.Name = strings.TrimSpace(a.Name)
	a.Created, a.Archived = a.Created.Round(0), a.Archived.Round(0)
	return a
}

func (a Activity) record() activityV3 {
	return activityV3{ID: a.ID, Name: a.Name, Created: a.Created, Archived: a.Archived}
}

func (r activityV3) activity() Activity {
	return Activity{ID: r.ID, Name: r.Name, Created: r.Created, Archived: r.Archived}
}

func (r FunctionRating) clean() FunctionRating {
	r.Time = r.Time.Round(0)
	return r
}

func (r FunctionRating) record() functionRatingV3 {
	return functionRatingV3{Time: r.Time, Activity: r.Activity, Score: r.Score}
}

func (r functionRatingV3) rating() FunctionRating {
	return FunctionRating{Time: r.Time, Activity: r.Activity, Score: r.Score}
}

// AddActivity names a new activity at at and returns it with its id. It
// fails with ErrTooManyActivities (wrapped) when program.MaxActivities are
// current already.
func (t *Tx) AddActivity(name string, at time.Time) (Activity, error) {
	a, err := t.addActivity(name, at)
	if err != nil {
		return Activity{}, fmt.Errorf("journal: name an activity: %w", err)
	}
	return a, nil
}

func (t *Tx) addActivity(name string, at time.Time) (Activity, error) {
	if err := t.writable(); err != nil {
		return Activity{}, err
	}
	list, err := t.activities()
	if err != nil {
		return Activity{}, err
	}
	current := 0
	for _, a := range list {
		if a.Archived.IsZero() {
			current++
		}
	}
	if current >= program.MaxActivities {
		return Activity{}, ErrTooManyActivities
	}
	b := t.tx.Bucket(bucketActivities)
	a := Activity{Name: name, Created: at}.clean()
	for n := len(list) + 1; ; n++ {
		a.ID = "a" + strconv.Itoa(n)
		if b.Get([]byte(a.ID)) == nil {
			break
		}
	}
	if err := a.Validate(); err != nil {
		return Activity{}, err
	}
	return a, putActivity(b, a)
}

func putActivity(b *bolt.Bucket, a Activity) error {
	v, err := json.Marshal(a.record())
	if err != nil {
		return err
	}
	return b.Put([]byte(a.ID), v)
}

// ArchiveActivity marks the activity id replaced at at; its ratings stay.
func (t *Tx) ArchiveActivity(id string, at time.Time) (Activity, error) {
	a, err := t.archiveActivity(id, at)
	if err != nil {
		return Activity{}, fmt.Errorf("journal: replace activity %s: %w", id, err)
	}
	return a, nil
}

func (t *Tx) archiveActivity(id string, at time.Time) (Activity, error) {
	if err := t.writable(); err != nil {
		return Activity{}, err
	}
	b := t.tx.Bucket(bucketActivities)
	a, err := decodeActivity(b.Get([]byte(id)))
	if err != nil {
		return Activity{}, err
	}
	if !a.Archived.IsZero() {
		return Activity{}, errors.New("it was replaced already")
	}
	a.Archived = at.Round(0)
	if err := a.Validate(); err != nil {
		return Activity{}, err
	}
	return a, putActivity(b, a)
}

// Activities returns every activity named, archived ones too, in the
// order they were named.
func (t *Tx) Activities() ([]Activity, error) {
	list, err := t.activities()
	if err != nil {
		return nil, fmt.Errorf("journal: read activities: %w", err)
	}
	return list, nil
}

func (t *Tx) activities() ([]Activity, error) {
	var list []Activity
	err := t.tx.Bucket(bucketActivities).ForEach(func(k, v []byte) error {
		a, err := decodeActivity(v)
		if err != nil {
			return fmt.Errorf("at key %q: %w", k, err)
		}
		list = append(list, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sortActivities(list)
	return list, nil
}

// sortActivities orders activities as they were named; ids break ties.
func sortActivities(list []Activity) {
	slices.SortStableFunc(list, func(a, b Activity) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		if len(a.ID) != len(b.ID) {
			return len(a.ID) - len(b.ID)
		}
		return strings.Compare(a.ID, b.ID)
	})
}

func decodeActivity(v []byte) (Activity, error) {
	if v == nil {
		return Activity{}, ErrNotFound
	}
	var r activityV3
	if err := json.Unmarshal(v, &r); err != nil {
		return Activity{}, fmt.Errorf("decode activity: %w", err)
	}
	return r.activity(), nil
}

// AddFunctionRating validates r and stores it, moving it 1 ns later while
// its time is taken; the stored rating comes back. Its activity must be
// named, and not replaced, at r's time.
func (t *Tx) AddFunctionRating(r FunctionRating) (FunctionRating, error) {
	r, err := t.addFunctionRating(r.clean())
	if err != nil {
		return FunctionRating{}, fmt.Errorf("journal: rate activity: %w", err)
	}
	return r, nil
}

func (t *Tx) addFunctionRating(r FunctionRating) (FunctionRating, error) {
	if err := t.writable(); err != nil {
		return FunctionRating{}, err
	}
	if err := r.Validate(); err != nil {
		return FunctionRating{}, err
	}
	a, err := decodeActivity(t.tx.Bucket(bucketActivities).Get([]byte(r.Activity)))
	if errors.Is(err, ErrNotFound) {
		return FunctionRating{}, fmt.Errorf("no activity %q", r.Activity)
	}
	if err != nil {
		return FunctionRating{}, err
	}
	if !a.Archived.IsZero() && !r.Time.Before(a.Archived) {
		return FunctionRating{}, fmt.Errorf("the activity %q was replaced on %s", a.Name, a.Archived.Format(time.DateOnly))
	}
	return addRecord(t, bucketFunction, r, func(FunctionRating) error { return nil },
		func(r *FunctionRating) *time.Time { return &r.Time }, FunctionRating.record)
}

// FunctionRatings returns the ratings from from up to but not including
// to, oldest first. A zero from or to leaves that end open.
func (t *Tx) FunctionRatings(from, to time.Time) ([]FunctionRating, error) {
	list, err := scan(t.tx.Bucket(bucketFunction), from, to, decodeFunctionRating)
	if err != nil {
		return nil, fmt.Errorf("journal: read function ratings: %w", err)
	}
	return list, nil
}

func decodeFunctionRating(v []byte) (FunctionRating, error) {
	if v == nil {
		return FunctionRating{}, ErrNotFound
	}
	var r functionRatingV3
	if err := json.Unmarshal(v, &r); err != nil {
		return FunctionRating{}, fmt.Errorf("decode function rating: %w", err)
	}
	return r.rating(), nil
}

// Activities returns every activity named, in a transaction of its own.
func (s *Store) Activities() (list []Activity, err error) {
	err = s.View(func(tx *Tx) error { list, err = tx.Activities(); return err })
	return list, err
}

// FunctionRatings returns the ratings from from up to but not including
// to, in a transaction of its own.
func (s *Store) FunctionRatings(from, to time.Time) (list []FunctionRating, err error) {
	err = s.View(func(tx *Tx) error { list, err = tx.FunctionRatings(from, to); return err })
	return list, err
}

// functionHistory adds the activities and ratings at or before end to h.
func (t *Tx) functionHistory(h *program.History, end time.Time) error {
	list, err := t.activities()
	if err != nil {
		return err
	}
	for _, a := range list {
		h.Activities = append(h.Activities, program.Activity{ID: a.ID, Created: a.Created, Archived: a.Archived})
	}
	return each(t.tx.Bucket(bucketFunction), time.Time{}, end, decodeFunctionRating, func(r FunctionRating) {
		h.Function = append(h.Function, program.FunctionRating{Time: r.Time, Activity: r.Activity, Score: r.Score})
	})
}
