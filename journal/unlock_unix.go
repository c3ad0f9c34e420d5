//go:build unix

package journal

import (
	"os"
	"syscall"
)

// unlock releases bbolt's lock on f after bbolt panicked while opening it.
// Closing f alone does not: bbolt's memory map keeps the file open.
func unlock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
