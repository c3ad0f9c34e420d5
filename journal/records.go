package journal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// AddEntry validates e and stores it. If another entry has e's time, e
// moves 1 ns later until its time is free; the stored entry comes back.
func (s *Store) AddEntry(e Entry) (Entry, error) {
	e = e.clean()
	if err := e.Validate(); err != nil {
		return Entry{}, fmt.Errorf("journal: add entry: %w", err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		e.Time, err = freeTime(tx.Bucket(bucketEntries), e.Time)
		if err != nil {
			return err
		}
		return putRecord(tx.Bucket(bucketEntries), e.Time, e.record())
	})
	if err != nil {
		return Entry{}, fmt.Errorf("journal: add entry: %w", err)
	}
	return e, nil
}

// PutEntry replaces the entry at old with e, in one transaction. e.Time may
// differ from old; if another entry has it, e moves 1 ns later until its
// time is free, so read the entries again after a change of time.
func (s *Store) PutEntry(old time.Time, e Entry) error {
	e = e.clean()
	if err := e.Validate(); err != nil {
		return fmt.Errorf("journal: edit entry: %w", err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketEntries)
		if err := deleteKey(b, old); err != nil {
			return err
		}
		var err error
		if e.Time, err = freeTime(b, e.Time); err != nil {
			return err
		}
		return putRecord(b, e.Time, e.record())
	})
	if err != nil {
		return fmt.Errorf("journal: edit entry at %s: %w", old.Format(time.RFC3339Nano), err)
	}
	return nil
}

// DeleteEntry deletes the entry at t and returns it, so it can be added back.
func (s *Store) DeleteEntry(t time.Time) (Entry, error) {
	var e Entry
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketEntries)
		var err error
		if e, err = decodeEntry(b.Get(timeKey(t))); err != nil {
			return err
		}
		return deleteKey(b, t)
	})
	if err != nil {
		return Entry{}, fmt.Errorf("journal: delete entry at %s: %w", t.Format(time.RFC3339Nano), err)
	}
	return e, nil
}

// Entries returns the entries from from up to but not including to, oldest
// first. A zero from or to leaves that end open.
func (s *Store) Entries(from, to time.Time) ([]Entry, error) {
	var list []Entry
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		list, err = scan(tx.Bucket(bucketEntries), from, to, decodeEntry)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("journal: read entries: %w", err)
	}
	return list, nil
}

// AddSession validates x and stores it. If another session ended at x's
// time, x moves 1 ns later until its time is free; the stored session
// comes back.
func (s *Store) AddSession(x Session) (Session, error) {
	x = x.clean()
	if err := x.Validate(); err != nil {
		return Session{}, fmt.Errorf("journal: add session: %w", err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		x.Time, err = freeTime(tx.Bucket(bucketSessions), x.Time)
		if err != nil {
			return err
		}
		return putRecord(tx.Bucket(bucketSessions), x.Time, x.record())
	})
	if err != nil {
		return Session{}, fmt.Errorf("journal: add session: %w", err)
	}
	return x, nil
}

// PutSession replaces the session at old with x, like PutEntry.
func (s *Store) PutSession(old time.Time, x Session) error {
	x = x.clean()
	if err := x.Validate(); err != nil {
		return fmt.Errorf("journal: edit session: %w", err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSessions)
		if err := deleteKey(b, old); err != nil {
			return err
		}
		var err error
		if x.Time, err = freeTime(b, x.Time); err != nil {
			return err
		}
		return putRecord(b, x.Time, x.record())
	})
	if err != nil {
		return fmt.Errorf("journal: edit session at %s: %w", old.Format(time.RFC3339Nano), err)
	}
	return nil
}

// DeleteSession deletes the session that ended at t and returns it.
func (s *Store) DeleteSession(t time.Time) (Session, error) {
	var x Session
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSessions)
		var err error
		if x, err = decodeSession(b.Get(timeKey(t))); err != nil {
			return err
		}
		return deleteKey(b, t)
	})
	if err != nil {
		return Session{}, fmt.Errorf("journal: delete session at %s: %w", t.Format(time.RFC3339Nano), err)
	}
	return x, nil
}

// Sessions returns the sessions that ended from from up to but not
// including to, oldest first. A zero from or to leaves that end open.
func (s *Store) Sessions(from, to time.Time) ([]Session, error) {
	var list []Session
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		list, err = scan(tx.Bucket(bucketSessions), from, to, decodeSession)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("journal: read sessions: %w", err)
	}
	return list, nil
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

func putRecord(b *bolt.Bucket, t time.Time, rec any) error {
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
		var slow sessionV1
		if err := json.Unmarshal(v, &slow); err != nil {
			return Session{}, fmt.Errorf("decode session: %w", err)
		}
		r = slow
	}
	return r.session()
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
