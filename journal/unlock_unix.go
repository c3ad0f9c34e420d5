//go:build unix

package journal

import (
	"os"
	"syscall"
	"time"
)

// unlock releases bbolt's lock on f after bbolt panicked while opening it.
// Closing f alone does not: bbolt's memory map keeps the file open.
func unlock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

// lockFile takes bbolt's lock on f, as a Steady that opens the journal
// does, waiting up to timeout for another to let go.
func lockFile(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil || err != syscall.EWOULDBLOCK || time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
