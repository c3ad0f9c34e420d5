//go:build !linux

package instance

import "net"

// sameUser trusts the folder's mode (0700) where the peer's user cannot be
// asked.
func sameUser(net.Conn) bool { return true }
