package program

import (
	"sync"
	"testing"
	"time"
)

// fired is an event as a callback received it, with the fake time it arrived.
type fired struct {
	Event
	at time.Time
}

// session is a runner on a fake clock with everything it calls back recorded.
type session struct {
	*Runner
	clock *FakeClock
	tl    Timeline

	mu      sync.Mutex
	events  []fired
	changes []Position
	ends    []bool
}

func newSession(tl Timeline) *session {
	s := &session{clock: NewFakeClock(t0), tl: tl}
	s.Runner = NewRunner(tl, s.clock, func(e Event) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.events = append(s.events, fired{e, s.clock.Now()})
	})
	s.OnChange = func(p Position) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.changes = append(s.changes, p)
	}
	s.OnEnd = func(completed bool) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.ends = append(s.ends, completed)
	}
	return s
}

// to advances the fake clock to offset d after t0.
func (s *session) to(d time.Duration) { s.clock.AdvanceTo(t0.Add(d)) }

func (s *session) fired() []fired {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]fired(nil), s.events...)
}

func (s *session) lastChange() Position {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.changes) == 0 {
		return Position{}
	}
	return s.changes[len(s.changes)-1]
}

func (s *session) ended() []bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]bool(nil), s.ends...)
}

// sameEvent compares what the timeline says, ignoring what the runner adds.
func sameEvent(a, b Event) bool {
	a.Due, a.Generation, b.Due, b.Generation = time.Time{}, 0, time.Time{}, 0
	return a == b
}

func TestRunnerPlaysEveryEventOnTime(t *testing.T) {
	for _, tt := range []struct {
		name string
		plan Plan
	}{{"small plan", smallPlan()}, {"30-minute plan", sessionPlan()}} {
		t.Run(tt.name, func(t *testing.T) {
			tl := tt.plan.Timeline()
			s := newSession(tl)
			s.Start()
			s.clock.Advance(tl.Total() + time.Hour)

			got, want := s.fired(), tl.Events()
			if len(got) != len(want) {
				t.Fatalf("got %d events, want %d", len(got), len(want))
			}
			for i := range want {
				if !sameEvent(got[i].Event, want[i]) {
					t.Fatalf("event %d: got %+v, want %+v", i, got[i].Event, want[i])
				}
				if due := t0.Add(want[i].Offset); !got[i].at.Equal(due) || !got[i].Due.Equal(due) {
					t.Errorf("event %d %v: arrived %v with Due %v, want both %v", i, want[i].Kind, got[i].at, got[i].Due, due)
				}
			}
			if ends := s.ended(); len(ends) != 1 || !ends[0] {
				t.Errorf("OnEnd: got %v, want [true]", ends)
			}
			if p := s.Position(); !s.Done() || !p.Done || p.Offset != tl.Total() || p.Progress != 1 {
				t.Errorf("after the end: got done %v position done %v offset %v progress %v, want true true %v 1", s.Done(), p.Done, p.Offset, p.Progress, tl.Total())
			}
			s.mu.Lock()
			changes := s.changes
			s.mu.Unlock()
			if len(changes) != len(tl.Intervals())+1 {
				t.Fatalf("OnChange: got %d calls, want one per interval and one at the end: %d", len(changes), len(tl.Intervals())+1)
			}
			for i, c := range changes {
				if c.Index != i {
					t.Errorf("OnChange %d: got interval %d, want %d", i, c.Index, i)
				}
				if i < len(tl.Intervals()) && c.Offset != tl.Intervals()[i].Start {
					t.Errorf("OnChange %d: got offset %v, want the interval's start %v", i, c.Offset, tl.Intervals()[i].Start)
				}
			}
		})
	}
}

// checkShiftedOnce checks that every event of tl arrived once, in order, at its
// offset plus the pause time of every pause that began before it.
func checkShiftedOnce(t *testing.T, tl Timeline, got []fired, pauses []pause) {
	t.Helper()
	want := tl.Events()
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	for i, e := range want {
		if !sameEvent(got[i].Event, e) {
			t.Fatalf("event %d: got %v at %v, want %v at %v", i, got[i].Kind, got[i].Offset, e.Kind, e.Offset)
		}
		due := t0.Add(e.Offset)
		for _, p := range pauses {
			if e.Offset > p.at {
				due = due.Add(p.length)
			}
		}
		if !got[i].at.Equal(due) || !got[i].Due.Equal(due) {
			t.Errorf("event %d %v at offset %v: arrived %v with Due %v, want %v", i, e.Kind, e.Offset, got[i].at.Sub(t0), got[i].Due.Sub(t0), due.Sub(t0))
		}
	}
}

// A pause at session offset at, for length.
type pause struct {
	at, length time.Duration
}

func TestRunnerPauseShiftsEveryLaterDeadline(t *testing.T) {
	tl := smallPlan().Timeline()
	s := newSession(tl)
	s.Start()
	s.to(11500 * time.Millisecond) // in the first hold
	s.Pause()
	s.Pause() // no effect
	before := len(s.fired())
	paused := 40*sec + 123*time.Nanosecond
	s.clock.Advance(paused)

	if !s.Paused() {
		t.Error("Paused: got false, want true")
	}
	if got := len(s.fired()); got != before {
		t.Errorf("got %d events while paused, want none", got-before)
	}
	if p := s.Position(); p.Offset != 11500*time.Millisecond || !p.Paused || p.Stage != StageHold {
		t.Errorf("position while paused: got offset %v paused %v stage %v, want 11.5s true hold", p.Offset, p.Paused, p.Stage)
	}
	if c := s.lastChange(); !c.Paused {
		t.Error("OnChange after Pause: got Paused false, want true")
	}
	if got := s.Upcoming(time.Hour); got != nil {
		t.Errorf("Upcoming while paused: got %d events, want none", len(got))
	}
	s.Resume()
	s.Resume() // no effect
	s.clock.Advance(time.Hour)

	if s.Paused() {
		t.Error("Paused after Resume: got true, want false")
	}
	checkShiftedOnce(t, tl, s.fired(), []pause{{11500 * time.Millisecond, paused}})
}

func TestRunnerSkips(t *testing.T) {
	tl := smallPlan().Timeline() // item 0 from 0 (rest 26s-30s), item 1 from 30s, total 45s
	tests := []struct {
		name       string
		at         time.Duration
		pauseFirst bool
		do         func(r *Runner)
		want       time.Duration // the offset it lands on
		wantPaused bool
	}{
		{"next from get-ready goes to the next exercise", 3 * sec, false, (*Runner).Next, 30 * sec, false},
		{"next during the rest goes to the exercise it previews", 27 * sec, false, (*Runner).Next, 30 * sec, false},
		{"next from the last exercise completes the session", 32 * sec, false, (*Runner).Next, 45 * sec, false},
		{"next while paused stays paused", 3 * sec, true, (*Runner).Next, 30 * sec, true},
		{"next while paused on the last exercise completes", 40 * sec, true, (*Runner).Next, 45 * sec, false},
		{"back well into an exercise restarts it", 33 * sec, false, (*Runner).Back, 30 * sec, false},
		{"back at the very start goes to the previous exercise", 31 * sec, false, (*Runner).Back, 0, false},
		{"back at the very start of the first restarts it", sec, false, (*Runner).Back, 0, false},
		{"back during the rest restarts the exercise just done", 27 * sec, false, (*Runner).Back, 0, false},
		{"back while paused stays paused", 33 * sec, true, (*Runner).Back, 30 * sec, true},
		{"repeat restarts the current exercise", 40 * sec, false, (*Runner).Repeat, 30 * sec, false},
		{"repeat at the very start does not go back", 31 * sec, false, (*Runner).Repeat, 30 * sec, false},
		{"repeat during the rest restarts the exercise just done", 29 * sec, false, (*Runner).Repeat, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(tl)
			s.Start()
			s.to(tt.at)
			if tt.pauseFirst {
				s.Pause()
			}
			s.clock.Advance(0)
			gen := s.Position().Generation
			n := len(s.fired())
			tt.do(s.Runner)
			s.clock.Advance(0)

			p := s.Position()
			if p.Offset != tt.want || p.Paused != tt.wantPaused || s.Paused() != tt.wantPaused {
				t.Errorf("got offset %v paused %v, want %v %v", p.Offset, p.Paused, tt.want, tt.wantPaused)
			}
			if p.Generation <= gen {
				t.Errorf("generation: got %d, want more than %d", p.Generation, gen)
			}
			if c := s.lastChange(); c.Generation != p.Generation || c.Offset != tt.want {
				t.Errorf("OnChange: got generation %d offset %v, want %d %v", c.Generation, c.Offset, p.Generation, tt.want)
			}
			// What arrives at once: the events at the offset landed on, unless paused.
			var want []Event
			if !tt.wantPaused {
				for _, e := range tl.Events() {
					if e.Offset == tt.want {
						want = append(want, e)
					}
				}
			}
			got := s.fired()[n:]
			if len(got) != len(want) {
				t.Fatalf("got %d events at once, want %d", len(got), len(want))
			}
			for i := range want {
				if !sameEvent(got[i].Event, want[i]) || !got[i].at.Equal(t0.Add(tt.at)) || got[i].Generation != p.Generation {
					t.Errorf("event %d: got %v (offset %v, generation %d) at %v, want %v at %v, generation %d",
						i, got[i].Kind, got[i].Offset, got[i].Generation, got[i].at.Sub(t0), want[i].Kind, tt.at, p.Generation)
				}
			}

			// Then the session plays on from there: the end comes after the
			// rest of the timeline, or at once when it was skipped to.
			if tt.wantPaused {
				s.Resume()
			}
			s.clock.Advance(time.Hour)
			last := s.fired()[len(s.fired())-1]
			if wantEnd := t0.Add(tt.at + tl.Total() - tt.want); last.Kind != SessionComplete || !last.at.Equal(wantEnd) {
				t.Errorf("last event: got %v at %v, want SessionComplete at %v", last.Kind, last.at.Sub(t0), wantEnd.Sub(t0))
			}
			if ends := s.ended(); len(ends) != 1 || !ends[0] {
				t.Errorf("OnEnd: got %v, want [true]", ends)
			}
		})
	}
}

// Between a skip to the end and the delivery of SessionComplete, the
// session is at its end: controls must not take "no exercise" for the first.
func TestRunnerControlsAtTheEndBeforeCompletion(t *testing.T) {
	for _, tt := range []struct {
		name string
		do   func(r *Runner)
	}{{"next", (*Runner).Next}, {"back", (*Runner).Back}, {"repeat", (*Runner).Repeat}} {
		t.Run(tt.name, func(t *testing.T) {
			tl := smallPlan().Timeline()
			s := newSession(tl)
			s.Start()
			s.to(40 * sec)
			s.Next() // to the end; SessionComplete is delivered at the next Advance
			tt.do(s.Runner)
			s.clock.Advance(0)
			if p := s.Position(); !s.Done() || p.Offset != tl.Total() {
				t.Errorf("got done %v at offset %v, want done at %v", s.Done(), p.Offset, tl.Total())
			}
			if ends := s.ended(); len(ends) != 1 || !ends[0] {
				t.Errorf("OnEnd: got %v, want [true]", ends)
			}
		})
	}
}

func TestRunnerSkipsNothingTwiceGoingForward(t *testing.T) {
	tl := sessionPlan().Timeline()
	s := newSession(tl)
	s.Start()
	s.to(3 * time.Minute)
	s.Next()
	s.clock.Advance(20 * sec)
	s.Next()
	s.clock.Advance(2 * time.Hour)

	got := s.fired()
	for i := 1; i < len(got); i++ {
		if got[i].Offset < got[i-1].Offset || got[i].at.Before(got[i-1].at) {
			t.Errorf("event %d (%v at offset %v) came after event %d at offset %v", i, got[i].Kind, got[i].Offset, i-1, got[i-1].Offset)
		}
	}
	seen := map[int]bool{}
	for _, f := range got {
		k := f.Interval*1000 + int(f.Kind)*10 + f.Count
		if seen[k] {
			t.Errorf("%v at offset %v arrived twice", f.Kind, f.Offset)
		}
		seen[k] = true
	}
	if last := got[len(got)-1]; last.Kind != SessionComplete {
		t.Errorf("last event: got %v, want SessionComplete", last.Kind)
	}
}

func TestRunnerEnd(t *testing.T) {
	tl := smallPlan().Timeline()
	s := newSession(tl)
	s.Start()
	s.to(12 * sec)
	s.Pause()
	n := len(s.fired())
	s.End()
	s.clock.Advance(time.Hour)

	if ends := s.ended(); len(ends) != 1 || ends[0] {
		t.Errorf("OnEnd: got %v, want [false]", ends)
	}
	if got := len(s.fired()); got != n {
		t.Errorf("got %d events after End, want none", got-n)
	}
	p := s.Position()
	if !s.Done() || !p.Done || p.Offset != 12*sec || s.Paused() {
		t.Errorf("after End of a paused session: got done %v position done %v offset %v paused %v, want true true 12s false", s.Done(), p.Done, p.Offset, s.Paused())
	}
	gen := p.Generation
	for _, f := range []func(){s.Pause, s.Resume, s.Next, s.Back, s.Repeat, s.End, s.Start} {
		f()
	}
	s.clock.Advance(time.Hour)
	if p := s.Position(); p.Generation != gen || p.Offset != 12*sec || len(s.fired()) != n || len(s.ended()) != 1 {
		t.Errorf("controls after End: got generation %d offset %v, %d more events, %d OnEnd calls; want %d 12s 0 1",
			p.Generation, p.Offset, len(s.fired())-n, len(s.ended()), gen)
	}
}

func TestRunnerBeforeStart(t *testing.T) {
	tl := smallPlan().Timeline()
	s := newSession(tl)
	for _, f := range []func(){s.Pause, s.Resume, s.Next, s.Back, s.Repeat, s.End} {
		f()
	}
	s.clock.Advance(time.Minute)
	if p := s.Position(); p.Offset != 0 || p.Done || p.Paused || len(s.fired()) != 0 || s.Upcoming(time.Hour) != nil {
		t.Errorf("before Start: got offset %v done %v paused %v, %d events; want 0, false, false, none", p.Offset, p.Done, p.Paused, len(s.fired()))
	}
	s.Start()
	s.clock.Advance(0)
	if got := s.fired(); len(got) != 1 || got[0].Kind != GetReady || !got[0].at.Equal(t0.Add(time.Minute)) {
		t.Errorf("Start: got %d events, want GetReady at once", len(got))
	}
}

func TestRunnerUpcoming(t *testing.T) {
	tl := smallPlan().Timeline()
	s := newSession(tl)
	s.Start()
	s.clock.Advance(0) // delivers GetReady at 0
	gen := s.Position().Generation

	offsets := func(evs []Event) []time.Duration {
		var out []time.Duration
		for _, e := range evs {
			out = append(out, e.Offset)
		}
		return out
	}
	tests := []struct {
		name   string
		within time.Duration
		want   []time.Duration
	}{
		{"nothing within no time", 0, nil},
		{"the first tick", 2500 * time.Millisecond, []time.Duration{2 * sec}},
		{"up to but not at the limit", 5 * sec, []time.Duration{2 * sec, 3 * sec, 4 * sec}},
		{"several", 7*sec + 1, []time.Duration{2 * sec, 3 * sec, 4 * sec, 5 * sec, 7 * sec}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Upcoming(tt.within)
			if o := offsets(got); len(o) != len(tt.want) || (len(o) > 0 && !equalDurations(o, tt.want)) {
				t.Fatalf("got offsets %v, want %v", o, tt.want)
			}
			for _, e := range got {
				if !e.Due.Equal(t0.Add(e.Offset)) || e.Generation != gen {
					t.Errorf("%v: got due %v generation %d, want %v %d", e.Kind, e.Due.Sub(t0), e.Generation, e.Offset, gen)
				}
			}
		})
	}

	t.Run("after a pause the due times move and the generation changes", func(t *testing.T) {
		s.to(sec)
		s.Pause()
		s.clock.Advance(10 * sec)
		s.Resume()
		got := s.Upcoming(1500 * time.Millisecond)
		if len(got) != 1 || got[0].Offset != 2*sec || !got[0].Due.Equal(t0.Add(12*sec)) || got[0].Generation <= gen {
			t.Fatalf("got %+v, want the 2s tick due at 12s with a generation after %d", got, gen)
		}
	})
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRunnerThirtyMinuteSessionWithPauses plays a real-sized session with
// several pauses, and checks it ends exactly at plan time plus paused time.
func TestRunnerThirtyMinuteSessionWithPauses(t *testing.T) {
	tl := sessionPlan().Timeline()
	s := newSession(tl)
	pauses := []pause{
		{3 * time.Minute, 2*time.Minute + 17*sec + 123*time.Nanosecond},
		{7*time.Minute + 333*time.Millisecond, 0}, // paused and resumed at once
		{12 * time.Minute, 45*sec + 7*time.Nanosecond},
		{12*time.Minute + 999*time.Millisecond, 999 * time.Nanosecond},
		{20*time.Minute + 1, 5*time.Minute + 999*time.Microsecond},
		{29 * time.Minute, 11 * sec},
	}
	s.Start()
	var pausedSoFar time.Duration
	for _, p := range pauses {
		s.to(p.at + pausedSoFar)
		s.Pause()
		if got := s.Position().Offset; got != p.at {
			t.Fatalf("paused at offset %v, want %v", got, p.at)
		}
		s.clock.Advance(p.length)
		s.Resume()
		pausedSoFar += p.length
	}
	for !s.Done() {
		s.clock.Advance(997 * time.Millisecond)
	}

	got := s.fired()
	last := got[len(got)-1]
	wantEnd := t0.Add(tl.Total() + pausedSoFar)
	if last.Kind != SessionComplete || !last.at.Equal(wantEnd) {
		t.Fatalf("got %v at %v (%d ns after start), want SessionComplete at plan %v + paused %v = %d ns",
			last.Kind, last.at, last.at.Sub(t0).Nanoseconds(), tl.Total(), pausedSoFar, (tl.Total() + pausedSoFar).Nanoseconds())
	}
	checkShiftedOnce(t, tl, got, pauses)
	if ends := s.ended(); len(ends) != 1 || !ends[0] {
		t.Errorf("OnEnd: got %v, want [true]", ends)
	}
}

// TestRunnerConcurrentUse drives a session from several goroutines at once
// (run with -race): the clock on one, controls and reads on others. With
// only pauses and resumes, every event still arrives once and in order.
func TestRunnerConcurrentUse(t *testing.T) {
	tl := sessionPlan().Timeline()
	s := newSession(tl)
	s.Start()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(2)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
				s.Position()
				s.Upcoming(5 * sec)
				s.Paused()
				s.Done()
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
				if i%2 == 0 {
					s.Pause()
				} else {
					s.Resume()
				}
			}
		}
	}()
	for range 400 {
		s.clock.Advance(5 * sec)
	}
	close(stop)
	wg.Wait()
	s.Resume()
	for !s.Done() {
		s.clock.Advance(time.Minute)
	}

	got, want := s.fired(), tl.Events()
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	for i := range want {
		if !sameEvent(got[i].Event, want[i]) {
			t.Fatalf("event %d: got %v at offset %v, want %v at %v", i, got[i].Kind, got[i].Offset, want[i].Kind, want[i].Offset)
		}
		if got[i].at.Before(got[i].Due) {
			t.Errorf("event %d arrived at %v, before its due time %v", i, got[i].at, got[i].Due)
		}
	}
}

// TestRunnerOnSystemClock plays a short plan in real time.
func TestRunnerOnSystemClock(t *testing.T) {
	ms := time.Millisecond
	plan := Plan{GetReady: 20 * ms, Rest: 10 * ms, Items: []PlanItem{
		{Exercise: exercise("a", Stabilise, Setup, Move, Hold, Return), Dose: Dose{Sets: []int{2, 1}, Up: 5 * ms, Hold: 10 * ms, Down: 5 * ms, RepRest: 5 * ms, SetRest: 10 * ms}},
		{Exercise: exercise("b", Walk, Hold), Dose: Dose{Duration: 30 * ms}},
	}}
	tl := plan.Timeline()
	var mu sync.Mutex
	var got []fired
	r := NewRunner(tl, SystemClock{}, func(e Event) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, fired{e, time.Now()})
	})
	done := make(chan bool, 1)
	r.OnEnd = func(completed bool) { done <- completed }
	start := time.Now()
	r.Start()
	select {
	case completed := <-done:
		if !completed {
			t.Error("OnEnd: got completed false, want true")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the session never ended")
	}
	if took := time.Since(start); took < tl.Total() {
		t.Errorf("the session took %v, want at least its length %v", took, tl.Total())
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != len(tl.Events()) {
		t.Fatalf("got %d events, want %d", len(got), len(tl.Events()))
	}
	for i, e := range tl.Events() {
		if !sameEvent(got[i].Event, e) {
			t.Errorf("event %d: got %v, want %v", i, got[i].Kind, e.Kind)
		}
		if got[i].at.Before(got[i].Due) {
			t.Errorf("event %d %v arrived %v before its due time", i, e.Kind, got[i].Due.Sub(got[i].at))
		}
	}
}

func BenchmarkRunnerSession(b *testing.B) {
	tl := sessionPlan().Timeline()
	b.ReportAllocs()
	for b.Loop() {
		c := NewFakeClock(t0)
		r := NewRunner(tl, c, func(Event) {})
		r.Start()
		c.Advance(tl.Total())
	}
}

// FuzzRunner plays the small plan under any sequence of controls and clock
// steps and checks what must always hold.
func FuzzRunner(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8})
	f.Add([]byte{9, 9, 2, 9, 3, 9, 9, 9, 4, 9, 5})
	f.Add([]byte{6, 6, 6, 6, 7})
	f.Add([]byte("z0zz")) // Next, a step, Next to the end, Next again
	f.Add([]byte{9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 5, 5, 5})
	f.Fuzz(func(t *testing.T, ops []byte) {
		tl := smallPlan().Timeline()
		s := newSession(tl)
		s.Start()
		rewinds := false
		for _, op := range ops {
			switch op % 10 {
			case 0:
				s.Pause()
			case 1:
				s.Resume()
			case 2:
				s.Next()
			case 3:
				s.Back()
				rewinds = true
			case 4:
				s.Repeat()
				rewinds = true
			case 5:
				s.End()
			case 6:
				s.clock.Advance(time.Duration(op) * 37 * time.Millisecond)
			case 7:
				s.clock.Advance(0)
			default:
				s.clock.Advance(time.Duration(op) * 113 * time.Millisecond)
			}
			if p := s.Position(); p.Offset < 0 || p.Offset > tl.Total() {
				t.Fatalf("offset %v outside 0..%v", p.Offset, tl.Total())
			}
		}
		s.Resume()
		for i := 0; !s.Done(); i++ {
			if i > 1000 {
				t.Fatal("the session never ended")
			}
			s.clock.Advance(time.Minute)
		}
		s.clock.Advance(0) // delivers what End owes

		got := s.fired()
		completes := 0
		seen := map[Event]bool{}
		for i, f := range got {
			if !f.at.Equal(f.Due) {
				t.Fatalf("event %d %v arrived at %v, due %v", i, f.Kind, f.at.Sub(t0), f.Due.Sub(t0))
			}
			if i > 0 {
				prev := got[i-1]
				if f.Generation < prev.Generation || (f.Generation == prev.Generation && f.Offset < prev.Offset) {
					t.Fatalf("event %d (%v, offset %v, generation %d) came after offset %v generation %d", i, f.Kind, f.Offset, f.Generation, prev.Offset, prev.Generation)
				}
			}
			key := f.Event
			key.Due, key.Generation = time.Time{}, 0
			if seen[key] && !rewinds {
				t.Fatalf("event %d (%v at offset %v) arrived twice with no Back or Repeat", i, f.Kind, f.Offset)
			}
			seen[key] = true
			if f.Kind == SessionComplete {
				completes++
			}
		}
		ends := s.ended()
		if len(ends) != 1 {
			t.Fatalf("OnEnd: got %d calls, want 1", len(ends))
		}
		if wantCompletes := map[bool]int{true: 1, false: 0}[ends[0]]; completes != wantCompletes {
			t.Errorf("got %d SessionComplete events with OnEnd(%v), want %d", completes, ends[0], wantCompletes)
		}
		if ends[0] && got[len(got)-1].Kind != SessionComplete {
			t.Errorf("completed, but the last event is %v", got[len(got)-1].Kind)
		}
	})
}
