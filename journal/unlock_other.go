//go:build !unix

package journal

import "os"

// unlock does nothing where bbolt's lock ends with the file's handle.
func unlock(*os.File) error { return nil }
