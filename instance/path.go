package instance

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// maxSocketPath is the longest socket path used: Linux allows 107 bytes.
const maxSocketPath = 100

// SocketPath is the socket of the instance that serves the journal file at
// journal (see the package comment for where it is).
func SocketPath(journal string) string {
	if abs, err := filepath.Abs(journal); err == nil {
		journal = abs
	}
	sum := sha256.Sum256([]byte(journal))
	name := hex.EncodeToString(sum[:8]) + ".sock"
	if dir := os.Getenv("XDG_RUNTIME_DIR"); filepath.IsAbs(dir) {
		if p := filepath.Join(dir, "io.github.steady", name); len(p) <= maxSocketPath {
			return p
		}
	}
	if p := filepath.Join(filepath.Dir(journal), "run", "instance.sock"); len(p) <= maxSocketPath {
		return p
	}
	user := fmt.Sprintf("steady-%d", os.Getuid())
	if p := filepath.Join(os.TempDir(), user, name); len(p) <= maxSocketPath {
		return p
	}
	// A TMPDIR deep enough to overflow a socket address: /tmp itself.
	return filepath.Join("/tmp", user, name)
}

// privateDir makes dir (mode 0700) if it is missing and checks that it is
// this user's own folder that no one else may write to: a socket there
// cannot be put in place by someone else.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("instance: %w", err)
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("instance: %w", err)
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	switch {
	case !info.IsDir():
		return fmt.Errorf("instance: %s is not a folder", dir)
	case ok && int(st.Uid) != os.Getuid():
		return fmt.Errorf("instance: %s belongs to another user", dir)
	case info.Mode().Perm()&0o022 != 0:
		return fmt.Errorf("instance: others may write to %s (mode %v)", dir, info.Mode().Perm())
	}
	return nil
}
