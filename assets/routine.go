package assets

import _ "embed"

// Routine is Steady's built-in exercise routine, in TOML: the exercises with
// their steps, cues and poses, the levels 0 to 5 with their dose steps, and
// the mobility work offered on days of plain stiffness. The program package
// parses it (program.Builtin); docs/routine-format.md describes the format,
// which users can write their own routines in too.
//
//go:embed routine.toml
var Routine []byte
