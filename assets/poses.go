package assets

import _ "embed"

// Poses is the pose library of the illustrated figure, in TOML: for each named
// key pose, the direction of every body segment seen from the side, the joints
// resting on the floor, and the limbs and props to show. The program package
// parses it (program.ParsePoses); the routine refers to poses by name.
//
//go:embed poses.toml
var Poses []byte
