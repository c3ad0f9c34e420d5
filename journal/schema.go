package journal

// Everything about the file's layout is declared here: the buckets, the
// meta keys, the stored record shapes and the migrations between versions.

import (
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Buckets and keys of the journal file.
var (
	// bucketMeta holds facts about the file itself.
	bucketMeta = []byte("meta")
	// keySchema is the schema version: a big-endian uint64.
	keySchema = []byte("schema")

	// bucketEntries holds Entry records (entryV1 as JSON) keyed by time.
	bucketEntries = []byte("entries")
	// bucketSessions holds Session records (sessionV1 as JSON) keyed by
	// the time the session ended.
	bucketSessions = []byte("sessions")

	// bucketState holds single values about the user, as JSON.
	bucketState = []byte("state")
	// keyStanding is where the user is in the routine (standingV1).
	keyStanding = []byte("standing")
	// keyFlag is the red-flag state (flagV1).
	keyFlag = []byte("flag")
)

// schemaVersion is the layout this code writes: len(migrations). A file with
// a higher version was written by a newer Steady and is refused (ErrTooNew).
const schemaVersion = 1

// A migration brings a file from the version before it to its own version.
type migration struct {
	to   int    // the version after this migration
	what string // what it changes, for error messages
	run  func(tx *bolt.Tx) error
}

// migrations in order: migrations[i] brings version i to version i+1.
// Version 0 is a file without a schema key: a new, empty file. Append
// only; never change a migration that has shipped.
var migrations = []migration{
	{to: 1, what: "create the buckets", run: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketEntries, bucketSessions, bucketState} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}},
}

// fileVersion reads the schema version; 0 when the file has none yet.
func fileVersion(tx *bolt.Tx) (int, error) {
	b := tx.Bucket(bucketMeta)
	if b == nil {
		return 0, nil
	}
	v := b.Get(keySchema)
	if v == nil {
		return 0, nil
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("journal: schema version is %d bytes, want 8", len(v))
	}
	n := binary.BigEndian.Uint64(v)
	if n > 1<<20 {
		return 0, fmt.Errorf("journal: schema version %d is not plausible", n)
	}
	return int(n), nil
}

// migrate applies every migration after the file's version, in order, and
// records the new version, all in tx: the caller runs it in one Update, so
// a failed migration leaves the file as it was.
func migrate(tx *bolt.Tx, list []migration) error {
	from, err := fileVersion(tx)
	if err != nil {
		return err
	}
	if from > len(list) {
		return ErrTooNew
	}
	if from == len(list) {
		return nil
	}
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return fmt.Errorf("journal: create meta bucket: %w", err)
	}
	for _, m := range list[from:] {
		if err := m.run(tx); err != nil {
			return fmt.Errorf("journal: migrate to version %d (%s): %w", m.to, m.what, err)
		}
	}
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], uint64(len(list)))
	if err := meta.Put(keySchema, v[:]); err != nil {
		return fmt.Errorf("journal: record schema version: %w", err)
	}
	return nil
}

// timeKey is the key of a record at t: Unix nanoseconds, 8 bytes big-endian,
// so keys sort in time order. Times before 1970 have no key (Validate
// refuses them).
func timeKey(t time.Time) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], uint64(t.UnixNano()))
	return k[:]
}

// keyTime is the time of a key made by timeKey.
func keyTime(k []byte) (time.Time, error) {
	if len(k) != 8 {
		return time.Time{}, fmt.Errorf("journal: key of %d bytes, want 8", len(k))
	}
	return time.Unix(0, int64(binary.BigEndian.Uint64(k))), nil
}

// Stored record shapes, version 1. The JSON names are the file format and
// the JSON export format: renaming a field or changing its meaning needs a
// new schema version and a migration. Enumerations are stored as words.

// entryV1 is an Entry as stored.
type entryV1 struct {
	Time      time.Time `json:"time"`
	Kind      string    `json:"kind"`
	BackPain  int       `json:"back_pain"`
	LegPain   int       `json:"leg_pain"`
	Tightness int       `json:"tightness"`
	Cause     string    `json:"cause"`
	LegReach  string    `json:"leg_reach"`
	NumbWeak  bool      `json:"numb_weak"`
	Note      string    `json:"note"`
}

// sessionV1 is a Session as stored. Duration is a Go duration ("25m30s").
type sessionV1 struct {
	Time           time.Time `json:"time"`
	Started        time.Time `json:"started"`
	Routine        string    `json:"routine"`
	Level          int       `json:"level"`
	DoseStep       int       `json:"dose_step"`
	Flare          bool      `json:"flare"`
	Completed      []string  `json:"completed"`
	Skipped        []string  `json:"skipped"`
	Duration       string    `json:"duration"`
	MaxPainDuring  int       `json:"max_pain_during"`
	PainAfter      int       `json:"pain_after"`
	LegSpread      string    `json:"leg_spread"`
	NumbWeak       bool      `json:"numb_weak"`
	Felt           string    `json:"felt"`
	StoppedForPain bool      `json:"stopped_for_pain"`
	StopReason     string    `json:"stop_reason"`
	Light          string    `json:"light"`
	Result         string    `json:"result"`
}

// standingV1 is a program.Standing as stored.
type standingV1 struct {
	Level        int       `json:"level"`
	DoseStep     int       `json:"dose_step"`
	Since        time.Time `json:"since"`
	ReasonRule   string    `json:"reason_rule"`
	ReasonText   string    `json:"reason_text"`
	CalmUntil    time.Time `json:"calm_until"`
	FlareUntil   time.Time `json:"flare_until"`
	FlareStarted time.Time `json:"flare_started"`
}

// flagV1 is a program.FlagState as stored.
type flagV1 struct {
	Raised   time.Time `json:"raised"`
	Tier     int       `json:"tier"`
	Flags    []string  `json:"flags"`
	Cleared  time.Time `json:"cleared"`
	Screened time.Time `json:"screened"`
}
