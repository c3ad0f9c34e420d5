// Package instance keeps one Steady per journal and lets the command line
// reach it. The window listens on a private Unix socket (a Server); a second
// launch and the journal commands ask it to act (Raise, Start, Run) instead
// of opening the journal themselves, which the window holds locked.
//
// # Where
//
// The socket for a journal is named by a hash of the journal's path, so two
// journals (two data folders) have two instances:
//
//	$XDG_RUNTIME_DIR/io.github.steady/<hash>.sock
//	<data folder>/run/instance.sock       when XDG_RUNTIME_DIR is not set
//	$TMPDIR/steady-<uid>/<hash>.sock      when that path is too long for a socket
//
// The folder is created with mode 0700 and refused when another user owns
// it or others may write to it. A server holds an exclusive flock on
// <socket>.lock for as long as it listens: a second server cannot listen
// (ErrRunning), and a socket file left by a server that was killed is
// recognised as stale (the lock is free, the connection is refused) and
// replaced. The lock file itself stays.
//
// # Protocol
//
// One request per connection, as JSON lines: the client writes one line,
// the server answers with one or more lines, then closes.
//
//	request: {"v":1,"op":"raise"|"start"|"run","args":[...],"dir":"/cwd"}
//	reply:   {"v":1,"accepted":true}                      (run only, at once)
//	reply:   {"v":1,"exit":0,"stdout":"<base64>","stderr":"<base64>"}
//	reply:   {"v":1,"error":"..."}                         (refused)
//
// "v" is the protocol version; a server answers a request of another
// version with an error reply. "dir" is the client's working folder, against
// which a command resolves relative file names. A request is at most
// MaxRequest bytes, a reply MaxReply.
//
// # Timeouts
//
// The client connects and expects the first reply line within
// AnswerTimeout (2 s): a server that does not answer in time is hung, and the
// client gives up with ErrNotAnswering rather than wait. After "accepted", a
// command's result may take up to CommandTimeout.
package instance

import (
	"errors"
	"time"
)

// Version is the protocol version this package speaks.
const Version = 1

// Limits and timeouts of the protocol.
const (
	MaxRequest     = 64 << 10  // bytes in a request line
	MaxReply       = 512 << 20 // bytes in a reply line: an export of a large journal, base64
	AnswerTimeout  = 2 * time.Second
	CommandTimeout = 5 * time.Minute
)

// Operations a client asks for.
const (
	OpRaise = "raise" // show the window and bring it to the front
	OpStart = "start" // start today's session in the window
	OpRun   = "run"   // run a command against the open journal
)

var (
	// ErrNotRunning: no instance listens for this journal.
	ErrNotRunning = errors.New("instance: no Steady is running")
	// ErrNotAnswering: an instance listens but did not answer in time.
	ErrNotAnswering = errors.New("instance: Steady is running but not answering")
	// ErrRunning: another instance holds the lock; this one cannot listen.
	ErrRunning = errors.New("instance: another Steady is running")
)

// request is a client's one request.
type request struct {
	V    int      `json:"v"`
	Op   string   `json:"op"`
	Args []string `json:"args,omitempty"`
	Dir  string   `json:"dir,omitempty"`
}

// reply is one line of the server's answer.
type reply struct {
	V        int    `json:"v"`
	Accepted bool   `json:"accepted,omitempty"`
	Exit     int    `json:"exit"`
	Stdout   []byte `json:"stdout,omitempty"`
	Stderr   []byte `json:"stderr,omitempty"`
	Error    string `json:"error,omitempty"`
}
