// Package coach is Steady's application layer: one user's day over the
// journal and the progression rules. It works out today's decision and
// session, saves a check-in, a logged walk or a finished session together
// with the standing the rules then return (one journal transaction each),
// re-screens, keeps every session's traffic light in step with the rules,
// and answers the command line's status.
//
// The window (package gui) and the command line (package main) are its two
// faces: they draw and forward input, and neither applies a rule nor writes
// the journal itself. coach knows nothing of the toolkit: it imports the
// journal, the rules and the clock only.
package coach
