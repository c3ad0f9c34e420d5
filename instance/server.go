package instance

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// A Handler does what clients ask. Its methods are called on the server's
// goroutines, one per connection, possibly at the same time.
type Handler interface {
	// Raise shows the window and brings it to the front.
	Raise() error
	// Start starts today's session in the window.
	Start() error
	// Run runs the command line args, resolving relative file names
	// against dir, and returns its exit status.
	Run(dir string, args []string, stdout, stderr io.Writer) int
}

// A Server is the running instance's end of the socket.
type Server struct {
	path string
	lock *os.File
	ln   net.Listener

	wg      sync.WaitGroup // connections being answered
	closing chan struct{}
	once    sync.Once
}

// closeWait is how long Close waits for the answers in progress.
const closeWait = 5 * time.Second

// Listen makes this process the instance at path: it takes the lock next to
// the socket and listens. ErrRunning when another process holds the lock.
// A socket file left by an instance that is gone is replaced.
func Listen(path string) (*Server, error) {
	if err := privateDir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	lock, err := Lock(path)
	if err != nil {
		return nil, err
	}
	// With the lock held no other instance listens: a socket there is
	// stale, unless something that does not take the lock answers on it.
	if c, err := net.DialTimeout("unix", path, AnswerTimeout); err == nil {
		c.Close()
		lock.Close()
		return nil, ErrRunning
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		lock.Close()
		return nil, fmt.Errorf("instance: remove stale socket: %w", err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("instance: listen: %w", err)
	}
	// The folder is private already; the socket is too.
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		lock.Close()
		return nil, fmt.Errorf("instance: %w", err)
	}
	return &Server{path: path, lock: lock, ln: ln, closing: make(chan struct{})}, nil
}

// Lock takes the instance lock for the socket at path without listening,
// for work that no running window may see, such as restoring the journal.
// ErrRunning when an instance holds it. Closing the file releases it.
func Lock(path string) (*os.File, error) {
	if err := privateDir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("instance: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrRunning
		}
		return nil, fmt.Errorf("instance: lock: %w", err)
	}
	return f, nil
}

// Path is the socket's path.
func (s *Server) Path() string { return s.path }

// Serve answers clients with h, in the background, until Close.
func (s *Server) Serve(h Handler) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := s.ln.Accept()
			if err != nil {
				select {
				case <-s.closing:
					return
				default:
				}
				var ne net.Error
				if errors.As(err, &ne) && ne.Timeout() {
					continue
				}
				time.Sleep(100 * time.Millisecond) // e.g. out of file descriptors: try again
				continue
			}
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				defer c.Close()
				serve(c, h)
			}()
		}
	}()
}

// Close stops listening, removes the socket, waits a little for the
// answers in progress and releases the lock.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		close(s.closing)
		err = s.ln.Close() // removes the socket file
		done := make(chan struct{})
		go func() { s.wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(closeWait):
		}
		if cerr := s.lock.Close(); err == nil {
			err = cerr
		}
	})
	return err
}

// serve answers one connection.
func serve(c net.Conn, h Handler) {
	if !sameUser(c) {
		return
	}
	// A client that connects and says nothing is dropped.
	_ = c.SetReadDeadline(time.Now().Add(AnswerTimeout)) // a failed deadline shows as a failed read
	line, err := readLine(bufio.NewReader(c), MaxRequest)
	if err != nil {
		return
	}
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		send(c, reply{Error: "not a request: " + err.Error()})
		return
	}
	if req.V != Version {
		send(c, reply{Error: fmt.Sprintf("protocol version %d; this Steady speaks version %d", req.V, Version)})
		return
	}
	switch req.Op {
	case OpRaise, OpStart:
		do := h.Raise
		if req.Op == OpStart {
			do = h.Start
		}
		if err := do(); err != nil {
			send(c, reply{Error: err.Error()})
			return
		}
		send(c, reply{})
	case OpRun:
		if !send(c, reply{Accepted: true}) {
			return
		}
		var stdout, stderr bytes.Buffer
		exit := h.Run(req.Dir, req.Args, &stdout, &stderr)
		send(c, reply{Exit: exit, Stdout: stdout.Bytes(), Stderr: stderr.Bytes()})
	default:
		send(c, reply{Error: fmt.Sprintf("unknown operation %q", req.Op)})
	}
}

// send writes one reply line; false when it could not.
func send(c net.Conn, r reply) bool {
	r.V = Version
	b, err := json.Marshal(r)
	if err != nil || len(b) >= MaxReply {
		b, _ = json.Marshal(reply{V: Version, Error: "the answer is too large to send"}) // a fixed reply: cannot fail
	}
	_ = c.SetWriteDeadline(time.Now().Add(CommandTimeout)) // a failed deadline shows as a failed write
	_, err = c.Write(append(b, '\n'))
	return err == nil
}

// readLine reads one line of at most max bytes, without its newline.
func readLine(r *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > max+1 {
			return nil, fmt.Errorf("instance: a message longer than %d bytes", max)
		}
		switch {
		case err == nil:
			return line[:len(line)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(line) > 0:
			return nil, io.ErrUnexpectedEOF
		default:
			return nil, err
		}
	}
}
