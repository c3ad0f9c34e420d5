package instance

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"time"
)

// Raise asks the instance at path to show its window and bring it to the
// front. ErrNotRunning when there is none; ErrNotAnswering when it does not
// answer within AnswerTimeout.
func Raise(path string) error {
	_, err := call(path, request{Op: OpRaise})
	return err
}

// Start asks the instance at path to start today's session.
func Start(path string) error {
	_, err := call(path, request{Op: OpStart})
	return err
}

// Run runs the command line args in the instance at path, with relative
// file names taken from the folder dir. The command's output is copied to
// stdout and stderr; its exit status is returned. ErrNotRunning when there
// is no instance: the caller then runs the command itself.
func Run(path, dir string, args []string, stdout, stderr io.Writer) (int, error) {
	r, err := call(path, request{Op: OpRun, Args: args, Dir: dir})
	if err != nil {
		return 0, err
	}
	if _, err := stdout.Write(r.Stdout); err != nil {
		return r.Exit, fmt.Errorf("instance: %w", err)
	}
	if _, err := stderr.Write(r.Stderr); err != nil {
		return r.Exit, fmt.Errorf("instance: %w", err)
	}
	return r.Exit, nil
}

// call sends req and returns the final reply.
func call(path string, req request) (reply, error) {
	c, err := net.DialTimeout("unix", path, AnswerTimeout)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, syscall.ECONNREFUSED) {
			return reply{}, ErrNotRunning
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return reply{}, ErrNotAnswering
		}
		return reply{}, fmt.Errorf("instance: connect: %w", err)
	}
	defer c.Close()
	req.V = Version
	b, err := json.Marshal(req)
	if err != nil {
		return reply{}, fmt.Errorf("instance: %w", err)
	}
	if len(b) >= MaxRequest {
		return reply{}, fmt.Errorf("instance: the request is longer than %d bytes", MaxRequest)
	}
	_ = c.SetDeadline(time.Now().Add(AnswerTimeout)) // a failed deadline shows as a failed write or read
	if _, err := c.Write(append(b, '\n')); err != nil {
		return reply{}, answerErr(err)
	}
	in := bufio.NewReader(c)
	for {
		line, err := readLine(in, MaxReply)
		if err != nil {
			return reply{}, answerErr(err)
		}
		var r reply
		if err := json.Unmarshal(line, &r); err != nil {
			return reply{}, fmt.Errorf("instance: not a reply: %w", err)
		}
		switch {
		case r.Error != "":
			return r, fmt.Errorf("instance: the running Steady refused: %s", r.Error)
		case r.Accepted:
			_ = c.SetReadDeadline(time.Now().Add(CommandTimeout)) // as above
		default:
			return r, nil
		}
	}
}

// answerErr is a failed exchange: a timeout or a connection the server
// closed without answering is an instance that does not answer.
func answerErr(err error) error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) {
		return fmt.Errorf("%w (%v)", ErrNotAnswering, err)
	}
	return fmt.Errorf("instance: %w", err)
}
