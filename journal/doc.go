// Package journal provides Steady's local journal: the user's pain and
// tightness entries, the sessions they did, and where they stand in the
// routine, kept in one bbolt file on their own computer.
//
// The journal is built not to lose anything. Every write is one bbolt
// transaction synced to disk before the call returns. Open checks the whole
// file; a damaged file is moved aside (never deleted) and the newest daily
// backup is restored in its place, and Recovery says so in plain words.
// Open keeps a backup a day for the last seven days in the backups folder
// next to the journal. Export and Import carry the whole journal in CSV or
// JSON; an import is checked completely before anything is written and is
// written all at once or not at all.
//
// The package imports the domain types of steady/program and no GUI or
// audio code.
package journal
