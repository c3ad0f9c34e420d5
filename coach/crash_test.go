package coach

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"steady/coach/session"
	"steady/journal"
	"steady/program"
)

// saveChildEnv switches the test binary into the save drill's child: it
// holds the journal's path.
const saveChildEnv = "STEADY_COACH_SAVE_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(saveChildEnv); path != "" {
		saveChild(path)
		return
	}
	os.Exit(m.Run())
}

// saveChild lives a user's days as fast as it can until it is killed: a
// morning check-in, then a session saved with FinishSession, printing the
// session's end time (Unix nanoseconds) once each save has returned.
func saveChild(path string) {
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	j, err := journal.Open(path)
	if err != nil {
		fail(err)
	}
	clock := program.NewFakeClock(start)
	c := New(j, program.Builtin(), clock)
	if ok, err := c.Begun(); err != nil {
		fail(err)
	} else if !ok {
		if _, err := c.Begin(Beginning{Answers: map[string]bool{}, Level: 1}); err != nil {
			fail(err)
		}
	}
	// Go on from the day after the last session a killed child saved.
	first := 0
	if done, err := j.Sessions(time.Time{}, time.Time{}); err != nil {
		fail(err)
	} else if len(done) > 0 {
		first = int(done[len(done)-1].Time.Sub(start)/(24*time.Hour)) + 1
	}
	for day := first; ; day++ {
		clock.Advance(at(day, 7).Sub(clock.Now()))
		if _, err := c.CheckIn(journal.Entry{Kind: journal.Morning, BackPain: 2 + day%3, Cause: program.CauseNone}); err != nil {
			fail(err)
		}
		clock.Advance(at(day, 18).Sub(clock.Now()))
		s, err := c.StartSession(DefaultTiming())
		if err != nil {
			fail(err)
		}
		clock.Advance(time.Minute)
		f, err := c.FinishSession(s, session.Result{Started: s.At, Ended: clock.Now(), MaxPainDuring: day % 7,
			PainAfter: day % 5, LegSpread: program.SpreadNone, Felt: program.FeltEasy})
		if err != nil {
			fail(err)
		}
		fmt.Println(f.Session.Time.UnixNano())
	}
}

// TestSaveDrill kills a process saving sessions with SIGKILL, at a
// different moment of its saves each round, and checks that each session
// is there with all of its save — its light and the rules' result, the
// standing moved past it — or not there at all, and that the file passes
// bbolt's own consistency check as Open runs it.
func TestSaveDrill(t *testing.T) {
	if testing.Short() {
		t.Skip("save drill: child processes")
	}
	path := filepath.Join(t.TempDir(), "journal.db")
	for round, acks := range []int{3, 7, 12, 20} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), saveChildEnv+"="+path)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var acked []int64
		sc := bufio.NewScanner(out)
		for len(acked) < acks && sc.Scan() {
			n, err := strconv.ParseInt(sc.Text(), 10, 64)
			if err != nil {
				t.Fatalf("child said %q", sc.Text())
			}
			acked = append(acked, n)
		}
		// Let it get some way into the next save, a different way each round.
		time.Sleep(time.Duration(round*3) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		for sc.Scan() {
			if n, err := strconv.ParseInt(sc.Text(), 10, 64); err == nil {
				acked = append(acked, n)
			}
		}
		cmd.Process.Wait() // killed: an error is what is expected
		if len(acked) < acks {
			t.Fatalf("round %d: the child acknowledged only %d saves", round, len(acked))
		}

		j, err := journal.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if r := j.Recovery(); r != nil {
			t.Fatalf("round %d: the file was taken for damaged after SIGKILL: %v", round, r.Err)
		}
		sessions, err := j.Sessions(time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		st, _, err := j.Standing()
		if err != nil {
			t.Fatal(err)
		}
		have := map[int64]bool{}
		for _, s := range sessions {
			have[s.Time.UnixNano()] = true
			if s.Light == "" || s.Result.Mode == "" {
				t.Errorf("round %d: the session of %s is there without all of its save: light %q, result %+v",
					round, s.Time.Format(time.DateTime), s.Light, s.Result)
			}
		}
		for _, n := range acked {
			if !have[n] {
				t.Errorf("round %d: an acknowledged session (%d) is missing", round, n)
			}
		}
		if last := sessions[len(sessions)-1]; st.Since.Before(last.Time) && st.FlareUntil.IsZero() && st.CalmUntil.IsZero() &&
			last.Result.Mode == program.Advance {
			t.Errorf("round %d: the last session moved the user up, but the stored standing (since %s) is older",
				round, st.Since.Format(time.DateTime))
		}
		t.Logf("round %d: %d saves acknowledged before SIGKILL; the journal holds %d sessions, each whole", round, len(acked), len(sessions))
		if err := j.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
