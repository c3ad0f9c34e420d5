package instance

import (
	"net"
	"os"
	"syscall"
)

// sameUser reports whether the process at the other end of c is this
// user's: the folder's mode keeps others out already; this makes sure.
func sameUser(c net.Conn) bool {
	uc, ok := c.(*net.UnixConn)
	if !ok {
		return false
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return false
	}
	var cred *syscall.Ucred
	var credErr error
	err = raw.Control(func(fd uintptr) {
		cred, credErr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	})
	return err == nil && credErr == nil && int(cred.Uid) == os.Getuid()
}
