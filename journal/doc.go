// Package journal provides Steady's local journal: the user's pain and
// tightness entries, the sessions they did, the walks they logged, and
// where they stand in the routine, kept in one bbolt file on their own
// computer.
//
// The journal is built not to lose anything. Every write is one bbolt
// transaction synced to disk before the call returns; Store.Update runs
// several writes (a session and the standing the rules then return, say)
// as one transaction, all or nothing. Open checks the whole file; a damaged
// file is moved aside (never deleted) and the newest daily backup is
// restored in its place, and Recovery says so in plain words. Open keeps a
// backup a day for the last seven days in the backups folder next to the
// journal. Export and Import carry the whole journal in CSV or JSON; an
// import is checked completely before anything is written and is written
// all at once or not at all.
//
// The journal stores data, not sentences: a reason is a program.Reason, a
// session's result a Result, a reason for stopping a list of
// program.StopCause. The only free text is what the user typed (notes, the
// note on stopping). Sentences from journals written before that are kept
// as legacy text where the migration could not read them back.
//
// The package imports the domain types of steady/program and no GUI or
// audio code.
package journal
