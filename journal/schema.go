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
	// bucketSessions holds Session records (sessionV2 as JSON; sessionV1
	// before version 2) keyed by the time the session ended.
	bucketSessions = []byte("sessions")
	// bucketWalks holds Walk records (walkV1 as JSON) keyed by time; since
	// version 2.
	bucketWalks = []byte("walks")
	// bucketActivities holds the activities the user named for the
	// function score (activityV3 as JSON) keyed by their id; since version
	// 3. A replaced activity stays, archived.
	bucketActivities = []byte("activities")
	// bucketFunction holds the activities' ratings (functionRatingV3 as
	// JSON) keyed by time; since version 3.
	bucketFunction = []byte("function")

	// bucketState holds single values about the user, as JSON.
	bucketState = []byte("state")
	// keyStanding is where the user is in the routine (standingV2;
	// standingV1 before version 2).
	keyStanding = []byte("standing")
	// keyFlag is the red-flag state (flagV1).
	keyFlag = []byte("flag")
)

// schemaVersion is the layout this code writes: len(migrations). A file with
// a higher version was written by a newer Steady and is refused (ErrTooNew).
const schemaVersion = 3

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
	{to: 2, what: "store reasons, results and reasons for stopping as data; a bucket for walks", run: migrateV2},
	{to: 3, what: "buckets for the activities of the function score and their ratings", run: func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketActivities, bucketFunction} {
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

// Stored record shapes. The JSON names are the file format and the JSON
// export format: renaming a field or changing its meaning needs a new schema
// version and a migration. Enumerations are stored as words. A shape's
// suffix is the schema version that introduced it; version 2 keeps entryV1
// and flagV1 and replaces sessionV1 and standingV1, which stay here for the
// migration.

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

// sessionV1 is a Session as schema version 1 stored it: stop_reason and
// result were sentences. Duration is a Go duration ("25m30s").
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

// standingV1 is a program.Standing as schema version 1 stored it: the
// reason was a rule and a sentence.
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

// sessionV2 is a Session as stored since schema version 2. Duration is a
// Go duration ("25m30s"); stop_causes are program.StopCause words;
// result_* is Session.Result (result_mode "" and the zero result_until
// when unknown); result_text is only in records migrated from version 1.
type sessionV2 struct {
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
	StopCauses     []string  `json:"stop_causes"`
	StopNote       string    `json:"stop_note"`
	Light          string    `json:"light"`
	Final          bool      `json:"final"`
	MorningUnknown bool      `json:"morning_unknown"`
	ResultMode     string    `json:"result_mode"`
	ResultLevel    int       `json:"result_level"`
	ResultDoseStep int       `json:"result_dose_step"`
	ResultUntil    time.Time `json:"result_until"`
	ResultText     string    `json:"result_text"`
}

// standingV2 is a program.Standing as stored since schema version 2.
type standingV2 struct {
	Level        int       `json:"level"`
	DoseStep     int       `json:"dose_step"`
	Since        time.Time `json:"since"`
	Reason       reasonV2  `json:"reason"`
	CalmUntil    time.Time `json:"calm_until"`
	FlareUntil   time.Time `json:"flare_until"`
	FlareStarted time.Time `json:"flare_started"`
}

// reasonV2 is a program.Reason as stored. Text is only in reasons migrated
// from version 1 whose sentence could not be read back into data.
type reasonV2 struct {
	Rule     string             `json:"rule"`
	Source   string             `json:"source"`
	At       time.Time          `json:"at"`
	Until    time.Time          `json:"until"`
	Level    int                `json:"level"`
	DoseStep int                `json:"dose_step"`
	Steps    int                `json:"steps"`
	Values   map[string]float64 `json:"values,omitempty"`
	Criteria []string           `json:"criteria,omitempty"`
	Text     string             `json:"text,omitempty"`
}

// walkV1 is a Walk as stored (since schema version 2).
type walkV1 struct {
	Time    time.Time `json:"time"`
	Minutes int       `json:"minutes"`
	Note    string    `json:"note"`
}

// activityV3 is an Activity as stored (since schema version 3) and as the
// JSON export writes it. archived is the zero time while it is current.
type activityV3 struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Created  time.Time `json:"created"`
	Archived time.Time `json:"archived"`
}

// functionRatingV3 is a FunctionRating as stored (since schema version 3)
// and as the JSON export writes it: activity is an activityV3 id.
type functionRatingV3 struct {
	Time     time.Time `json:"time"`
	Activity string    `json:"activity"`
	Score    int       `json:"score"`
}
