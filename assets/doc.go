// Package assets holds Steady's embedded data: the built-in routine, the pose
// library, the icon and the spoken-cue clips. It holds data only; the packages
// that understand each file live elsewhere.
package assets
