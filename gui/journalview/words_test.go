package journalview

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestSaveProblem(t *testing.T) {
	wrap := func(errno error) error {
		return fmt.Errorf("journal: add entry: %w", &os.PathError{Op: "write", Path: "/d/journal.db", Err: errno})
	}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a full disk", wrap(syscall.ENOSPC), "this check-in: the disk is full. Free some space, then try again."},
		{"a read-only folder", wrap(syscall.EROFS), "the folder of your journal cannot be written to"},
		{"no permission", wrap(fs.ErrPermission), "the folder of your journal cannot be written to"},
		{"anything else", errors.New("the note is too long"), "this check-in: the note is too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SaveProblem("this check-in", tt.err)
			if !strings.HasPrefix(got, "Steady could not save this check-in: ") || !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want it to say %q", got, tt.want)
			}
			if strings.Contains(got, "journal: add entry") && tt.name != "anything else" {
				t.Errorf("got %q: the programmer's words leak through", got)
			}
		})
	}
}
