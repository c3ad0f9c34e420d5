// Package journalview is Steady's journal screen: the quick check-in with its
// 0–10 scales, the history of entries and sessions grouped by day, the chart
// of pain and tightness against the baseline, export, and a printable report
// for a clinician (WriteReport, also for the command line).
//
// It is a sub-package of gui: it knows Fyne and the journal package, and the
// window shell places it under "Journal" and opens its check-in from Today.
package journalview
