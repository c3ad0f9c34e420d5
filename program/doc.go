// Package program is Steady's exercise programme: the progressive,
// stabilisation-first routine (levels, exercises, their steps and doses), the
// loader for routine files, the timeline a session plan expands into, the runner
// that plays that timeline against a clock, the pain-guided progression rules and
// the red-flag screening.
//
// It is pure Go: it knows nothing of the window, the sound device or the journal
// file. Callers turn journal records into the inputs the rules take.
package program
