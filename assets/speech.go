package assets

import "embed"

// Speech holds the recorded spoken cues under speech/: one IMA ADPCM clip per
// phrase (see steady/audio/internal/clip for the format) and manifest.json,
// which maps each phrase to its file. The clips are rendered with espeak-ng by
// `go generate ./audio/...`; do not edit them by hand.
//
//go:embed speech
var Speech embed.FS
