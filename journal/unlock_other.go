//go:build !unix

package journal

import (
	"os"
	"time"
)

// unlock does nothing where bbolt's lock ends with the file's handle.
func unlock(*os.File) error { return nil }

// lockFile does nothing where Steady takes no lock of its own.
func lockFile(*os.File, time.Duration) error { return nil }
