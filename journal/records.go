package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A Tx is one transaction on the journal, from Store.Update or Store.View:
// everything done through it is written together or not at all. A Tx is
// valid only inside the function it was handed to, and only in that
// goroutine. Its write methods fail with ErrReadOnly in a View.
type Tx struct {
	tx *bolt.Tx
}

// ErrReadOnly: a write method was called on a Tx from View.
var ErrReadOnly = errors.New("journal: a write in a read-only transaction")

// Update runs fn in a read-write transaction. If fn returns an error
// nothing it did is written, and that error comes back as it is.
func (s *Store) Update(fn func(tx *Tx) error) error {
	return run(s.db.Update, fn)
}

// View runs fn in a read-only transaction: it sees the journal as it was
// when the transaction began.
func (s *Store) View(fn func(tx *Tx) error) error {
	return run(s.db.View, fn)
}

func run(db func(func(*bolt.Tx) error) error, fn func(tx *Tx) error) error {
	var fnErr error
	err := db(func(btx *bolt.Tx) error {
		fnErr = fn(&Tx{tx: btx})
		return fnErr
	})
	if err != nil && err != fnErr {
		return fmt.Errorf("journal: %w", err)
	}
	return err
}

// writable fails in a read-only transaction.
func (t *Tx) writable() error {
	if !t.tx.Writable() {
		return ErrReadOnly
	}
	return nil
}

// AddEntry validates e and stores it. If another entry has e's time, e
// moves 1 ns later until its time is free; the stored entry comes back.
func (t *Tx) AddEntry(e Entry) (Entry, error) {
	e, err := addRecord(t, bucketEntries, e.clean(), Entry.Validate, func(e *Entry) *time.Time { return &e.Time }, Entry.record)
	if err != nil {
		return Entry{}, fmt.Errorf("journal: add entry: %w", err)
	}
	return e, nil
}

// PutEntry replaces the entry at old with e. e.Time may differ from old;
// if another entry has it, e moves 1 ns later until its time is free. The
// stored entry comes back.
func (t *Tx) PutEntry(old time.Time, e Entry) (Entry, error) {
	e, err := putRecord(t, bucketEntries, old, e.clean(), Entry.Validate, func(e *Entry) *time.Time { return &e.Time }, Entry.record)
	if err != nil {
		return Entry{}, fmt.Errorf("journal: edit entry at %s: %w", old.Format(time.RFC3339Nano), err)
	}
	return e, nil
}

// DeleteEntry deletes the entry at at and returns it, so it can be added
// back.
func (t *Tx) DeleteEntry(at time.Time) (Entry, error) {
	e, err := deleteRecord(t, bucketEntries, at, decodeEntry)
	if err != nil {
		return Entry{}, fmt.Errorf("journal: delete entry at %s: %w", at.Format(time.RFC3339Nano), err)
	}
	return e, nil
}

// Entries returns the entries from from up to but not including to, oldest
// first. A zero from or to leaves that end open.
func (t *Tx) Entries(from, to time.Time) ([]Entry, error) {
	list, err := scan(t.tx.Bucket(bucketEntries), from, to, decodeEntry)
	if err != nil {
		return nil, fmt.Errorf("journal: read entries: %w", err)
	}
	return list, nil
}

// AddSession validates x and stores it. If another session ended at x's
// time, x moves 1 ns later until its time is free; the stored session
// comes back.
func (t *Tx) AddSession(x Session) (Session, error) {
	x, err := addRecord(t, bucketSessions, x.clean(), Session.Validate, func(x *Session) *time.Time { return &x.Time }, Session.record)
	if err != nil {
		return Session{}, fmt.Errorf("journal: add session: %w", err)
	}
	return x, nil
}

// PutSession replaces the session at old with x, like PutEntry.
func (t *Tx) PutSession(old time.Time, x Session) (Session, error) {
	x, err := putRecord(t, bucketSessions, old, x.clean(), Session.Validate, func(x *Session) *time.Time { return &x.Time }, Session.record)
	if err != nil {
		return Session{}, fmt.Errorf("journal: edit session at %s: %w", old.Format(time.RFC3339Nano), err)
	}
	return x, nil
}

// DeleteSession deletes the session that ended at at and returns it.
func (t *Tx) DeleteSession(at time.Time) (Session, error) {
	x, err := deleteRecord(t, bucketSessions, at, decodeSession)
	if err != nil {
		return Session{}, fmt.Errorf("journal: delete session at %s: %w", at.Format(time.RFC3339Nano), err)
	}
	return x, nil
}

// Sessions returns the sessions that ended from from up to but not
// including to, oldest first. A zero from or to leaves that end open.
func (t *Tx) Sessions(from, to time.Time) ([]Session, error) {
	list, err := scan(t.tx.Bucket(bucketSessions), from, to, decodeSession)
	if err != nil {
		return nil, fmt.Errorf("journal: read sessions: %w", err)
	}
	return list, nil
}

// AddWalk validates w and stores it. If another walk has w's time, w moves
// 1 ns later until its time is free; the stored walk comes back.
func (t *Tx) AddWalk(w Walk) (Walk, error) {
	w, err := addRecord(t, bucketWalks, w.clean(), Walk.Validate, func(w *Walk) *time.Time { return &w.Time }, Walk.record)
	if err != nil {
		return Walk{}, fmt.Errorf("journal: add walk: %w", err)
	}
	return w, nil
}

// PutWalk replaces the walk at old with w, like PutEntry.
func (t *Tx) PutWalk(old time.Time, w Walk) (Walk, error) {
	w, err := putRecord(t, bucketWalks, old, w.clean(), Walk.Validate, func(w *Walk) *time.Time { return &w.Time }, Walk.record)
	if err != nil {
		return Walk{}, fmt.Errorf("journal: edit walk at %s: %w", old.Format(time.RFC3339Nano), err)
	}
	return w, nil
}

// DeleteWalk deletes the walk at at and returns it.
func (t *Tx) DeleteWalk(at time.Time) (Walk, error) {
	w, err := deleteRecord(t, bucketWalks, at, decodeWalk)
	if err != nil {
		return Walk{}, fmt.Errorf("journal: delete walk at %s: %w", at.Format(time.RFC3339Nano), err)
	}
	return w, nil
}

// Walks returns the walks from from up to but not including to, oldest
// first. A zero from or to leaves that end open.
func (t *Tx) Walks(from, to time.Time) ([]Walk, error) {
	list, err := scan(t.tx.Bucket(bucketWalks), from, to, decodeWalk)
	if err != nil {
		return nil, fmt.Errorf("journal: read walks: %w", err)
	}
	return list, nil
}

// addRecord validates rec and stores it in bucket at the first free time
// at or after its own, which it sets.
func addRecord[T, R any](t *Tx, bucket []byte, rec T, validate func(T) error, when func(*T) *time.Time, stored func(T) R) (T, error) {
	var zero T
	if err := t.writable(); err != nil {
		return zero, err
	}
	if err := validate(rec); err != nil {
		return zero, err
	}
	b := t.tx.Bucket(bucket)
	at, err := freeTime(b, *when(&rec))
	if err != nil {
		return zero, err
	}
	*when(&rec) = at
	if err := put(b, at, stored(rec)); err != nil {
		return zero, err
	}
	return rec, nil
}

// putRecord replaces the record at old in bucket with rec, like addRecord.
func putRecord[T, R any](t *Tx, bucket []byte, old time.Time, rec T, validate func(T) error, when func(*T) *time.Time, stored func(T) R) (T, error) {
	var zero T
	if err := t.writable(); err != nil {
		return zero, err
	}
	if err := validate(rec); err != nil {
		return zero, err
	}
	if err := deleteKey(t.tx.Bucket(bucket), old); err != nil {
		return zero, err
	}
	return addRecord(t, bucket, rec, func(T) error { return nil }, when, stored)
}

// deleteRecord deletes the record at at in bucket and returns it.
func deleteRecord[T any](t *Tx, bucket []byte, at time.Time, decode func([]byte) (T, error)) (T, error) {
	var zero T
	if err := t.writable(); err != nil {
		return zero, err
	}
	b := t.tx.Bucket(bucket)
	if at.Before(earliest) || at.After(latest) {
		return zero, ErrNotFound
	}
	rec, err := decode(b.Get(timeKey(at)))
	if err != nil {
		return zero, err
	}
	if err := b.Delete(timeKey(at)); err != nil {
		return zero, err
	}
	return rec, nil
}

// The Store's record methods each run one transaction.

// AddEntry adds e in a transaction of its own: see Tx.AddEntry.
func (s *Store) AddEntry(e Entry) (stored Entry, err error) {
	err = s.Update(func(tx *Tx) error { stored, err = tx.AddEntry(e); return err })
	return stored, err
}

// PutEntry replaces the entry at old with e in a transaction of its own:
// see Tx.PutEntry. Read the entries again after a change of time.
func (s *Store) PutEntry(old time.Time, e Entry) error {
	return s.Update(func(tx *Tx) error { _, err := tx.PutEntry(old, e); return err })
}

// DeleteEntry deletes the entry at t and returns it, so it can be added back.
func (s *Store) DeleteEntry(t time.Time) (e Entry, err error) {
	err = s.Update(func(tx *Tx) error { e, err = tx.DeleteEntry(t); return err })
	return e, err
}

// Entries returns the entries from from up to but not including to, oldest
// first. A zero from or to leaves that end open.
func (s *Store) Entries(from, to time.Time) (list []Entry, err error) {
	err = s.View(func(tx *Tx) error { list, err = tx.Entries(from, to); return err })
	return list, err
}

// AddSession adds x in a transaction of its own: see Tx.AddSession.
func (s *Store) AddSession(x Session) (stored Session, err error) {
	err = s.Update(func(tx *Tx) error { stored, err = tx.AddSession(x); return err })
	return stored, err
}

// PutSession replaces the session at old with x, like PutEntry.
func (s *Store) PutSession(old time.Time, x Session) error {
	return s.Update(func(tx *Tx) error { _, err := tx.PutSession(old, x); return err })
}

// DeleteSession deletes the session that ended at t and returns it.
func (s *Store) DeleteSession(t time.Time) (x Session, err error) {
	err = s.Update(func(tx *Tx) error { x, err = tx.DeleteSession(t); return err })
	return x, err
}

// Sessions returns the sessions that ended from from up to but not
// including to, oldest first. A zero from or to leaves that end open.
func (s *Store) Sessions(from, to time.Time) (list []Session, err error) {
	err = s.View(func(tx *Tx) error { list, err = tx.Sessions(from, to); return err })
	return list, err
}

// AddWalk adds w in a transaction of its own: see Tx.AddWalk.
func (s *Store) AddWalk(w Walk) (stored Walk, err error) {
	err = s.Update(func(tx *Tx) error { stored, err = tx.AddWalk(w); return err })
	return stored, err
}

// PutWalk replaces the walk at old with w, like PutEntry.
func (s *Store) PutWalk(old time.Time, w Walk) error {
	return s.Update(func(tx *Tx) error { _, err := tx.PutWalk(old, w); return err })
}

// DeleteWalk deletes the walk at t and returns it.
func (s *Store) DeleteWalk(t time.Time) (w Walk, err error) {
	err = s.Update(func(tx *Tx) error { w, err = tx.DeleteWalk(t); return err })
	return w, err
}

// Walks returns the walks from from up to but not including to, oldest
// first. A zero from or to leaves that end open.
func (s *Store) Walks(from, to time.Time) (list []Walk, err error) {
	err = s.View(func(tx *Tx) error { list, err = tx.Walks(from, to); return err })
	return list, err
}

// Series returns what the journal's chart draws from from up to but not
// including to: the entries, oldest first, and the start (local midnight)
// of each day with a session, once per day, oldest first. It reads both in
// one transaction.
func (s *Store) Series(from, to time.Time) ([]Entry, []time.Time, error) {
	var (
		entries []Entry
		days    []time.Time
	)
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if entries, err = scan(tx.Bucket(bucketEntries), from, to, decodeEntry); err != nil {
			return err
		}
		// Only the key is needed for a session day: no decoding.
		c := tx.Bucket(bucketSessions).Cursor()
		for k, _ := seek(c, from); k != nil && before(k, to); k, _ = c.Next() {
			t, err := keyTime(k)
			if err != nil {
				return err
			}
			y, m, d := t.Local().Date()
			day := time.Date(y, m, d, 0, 0, 0, 0, time.Local)
			if n := len(days); n == 0 || !days[n-1].Equal(day) {
				days = append(days, day)
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("journal: read chart series: %w", err)
	}
	return entries, days, nil
}

// freeTime returns t, or the first time after it by whole nanoseconds that
// has no record in b.
func freeTime(b *bolt.Bucket, t time.Time) (time.Time, error) {
	for b.Get(timeKey(t)) != nil {
		t = t.Add(time.Nanosecond)
		if t.After(latest) {
			return time.Time{}, fmt.Errorf("no free time after %s", t.Format(time.RFC3339Nano))
		}
	}
	return t, nil
}

// put stores rec as JSON at key t.
func put(b *bolt.Bucket, t time.Time, rec any) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return b.Put(timeKey(t), v)
}

func deleteKey(b *bolt.Bucket, t time.Time) error {
	if t.Before(earliest) || t.After(latest) || b.Get(timeKey(t)) == nil {
		return ErrNotFound
	}
	return b.Delete(timeKey(t))
}

// decodeEntry decodes a stored entry: with readEntry, or with
// encoding/json when readEntry leaves the record to it.
func decodeEntry(v []byte) (Entry, error) {
	if v == nil {
		return Entry{}, ErrNotFound
	}
	r, ok := readEntry(v)
	if !ok {
		// Its own variable: &r would put every record on the heap.
		var slow entryV1
		if err := json.Unmarshal(v, &slow); err != nil {
			return Entry{}, fmt.Errorf("decode entry: %w", err)
		}
		r = slow
	}
	return r.entry()
}

// decodeSession decodes a stored session, like decodeEntry.
func decodeSession(v []byte) (Session, error) {
	if v == nil {
		return Session{}, ErrNotFound
	}
	r, ok := readSession(v)
	if !ok {
		// Its own variable: &r would put every record on the heap.
		var slow sessionV2
		if err := json.Unmarshal(v, &slow); err != nil {
			return Session{}, fmt.Errorf("decode session: %w", err)
		}
		r = slow
	}
	return r.session()
}

// decodeWalk decodes a stored walk, like decodeEntry.
func decodeWalk(v []byte) (Walk, error) {
	if v == nil {
		return Walk{}, ErrNotFound
	}
	r, ok := readWalk(v)
	if !ok {
		// Its own variable: &r would put every record on the heap.
		var slow walkV1
		if err := json.Unmarshal(v, &slow); err != nil {
			return Walk{}, fmt.Errorf("decode walk: %w", err)
		}
		r = slow
	}
	return r.walk(), nil
}

// scan decodes the records of b from from up to but not including to.
func scan[T any](b *bolt.Bucket, from, to time.Time, decode func([]byte) (T, error)) ([]T, error) {
	var list []T
	err := each(b, from, to, decode, func(rec T) { list = append(list, rec) })
	if err != nil {
		return nil, err
	}
	return list, nil
}

// each decodes the records of b from from up to but not including to, in
// time order, and passes each to fn. It stops at the first record that
// cannot be decoded.
func each[T any](b *bolt.Bucket, from, to time.Time, decode func([]byte) (T, error), fn func(T)) error {
	c := b.Cursor()
	for k, v := seek(c, from); k != nil && before(k, to); k, v = c.Next() {
		rec, err := decode(v)
		if err != nil {
			return fmt.Errorf("at key %x: %w", k, err)
		}
		fn(rec)
	}
	return nil
}

// seek puts c on the first key at or after from; a zero from is the start.
func seek(c *bolt.Cursor, from time.Time) ([]byte, []byte) {
	if from.IsZero() || from.Before(earliest) {
		return c.First()
	}
	if from.After(latest) {
		return nil, nil
	}
	return c.Seek(timeKey(from))
}

// before reports whether key k is before to; a zero to is the end of time.
func before(k []byte, to time.Time) bool {
	switch {
	case to.IsZero() || to.After(latest):
		return true
	case to.Before(earliest) || to.Equal(earliest):
		return false
	}
	return bytes.Compare(k, timeKey(to)) < 0
}
