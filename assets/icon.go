package assets

import _ "embed"

// Icon is Steady's application icon, 512 × 512 PNG, rendered from icon.svg.
//
//go:embed icon.png
var Icon []byte
