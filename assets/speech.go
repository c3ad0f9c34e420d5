package assets

import "embed"

// Speech holds the recorded spoken cues under speech/<lang>/ (en, de, es,
// fr): one IMA ADPCM clip per phrase (see steady/audio/internal/clip for the
// format) and manifest.json, which maps each phrase, and in German, Spanish
// and French the English it says, to its file. The clips are rendered with
// espeak-ng by `go generate ./audio/...`; do not edit them by hand.
//
//go:embed speech
var Speech embed.FS
