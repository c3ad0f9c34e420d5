package program

import (
	"reflect"
	"testing"
	"time"
)

const sec = time.Second

// exercise returns a hand-made exercise with one step per phase given, in
// order; each step's cue is its phase name and index.
func exercise(name string, kind Kind, phases ...Phase) *Exercise {
	e := &Exercise{ID: name, Name: name, Kind: kind}
	for i, ph := range phases {
		e.Steps = append(e.Steps, Step{Phase: ph, Cue: string(ph) + "-" + string(rune('0'+i))})
	}
	return e
}

// smallPlan: two reps of a 6 s hold, then a 10 s walk.
func smallPlan() Plan {
	curl := exercise("curl-up", Stabilise, Setup, Move, Hold, Return)
	walk := exercise("walk", Walk, Setup, Hold)
	return Plan{
		GetReady: 5 * sec,
		Rest:     4 * sec,
		Items: []PlanItem{
			{Exercise: curl, Dose: Dose{Sets: []int{2}, Hold: 6 * sec, Up: 2 * sec, Down: 2 * sec, Sides: 1, RepRest: sec}},
			{Exercise: walk, Dose: Dose{Duration: 10 * sec}},
		},
	}
}

// sessionPlan is a real-sized session of about 30 minutes: breathing, the
// three stabilisers as 5-3-1 pyramids (two on each side), a dynamic
// exercise and a walk.
func sessionPlan() Plan {
	full := []Phase{Setup, Setup, Move, Hold, Return}
	pyramid := Dose{Sets: []int{5, 3, 1}, Hold: 10 * sec, Up: 2 * sec, Down: 2 * sec, RepRest: 3 * sec, SetRest: 30 * sec, Sides: 1}
	sided := pyramid
	sided.Sides = 2
	return Plan{
		Level:    2,
		GetReady: 10 * sec,
		Rest:     30 * sec,
		Items: []PlanItem{
			{Exercise: exercise("breathing", Stabilise, Setup, Hold, Hold), Dose: Dose{Duration: 2 * time.Minute}},
			{Exercise: exercise("curl-up", Stabilise, full...), Dose: pyramid},
			{Exercise: exercise("side bridge", Stabilise, full...), Dose: sided},
			{Exercise: exercise("bird dog", Stabilise, full...), Dose: sided},
			{Exercise: exercise("dead bug", Stabilise, Setup, Move, Return), Dose: Dose{Sets: []int{8, 8}, Up: 2 * sec, Down: 2 * sec, RepRest: sec, SetRest: 30 * sec}},
			{Exercise: exercise("walk", Walk, Setup, Hold), Dose: Dose{Duration: 7 * time.Minute}},
		},
	}
}

// ev is the part of an Event the tables check.
type ev struct {
	kind      EventKind
	at        time.Duration
	item, set int
	rep       int
	side      Side
	step      int
	count     int
}

func evOf(e Event) ev {
	return ev{e.Kind, e.Offset, e.Item, e.Set, e.Rep, e.Side, e.Step, e.Count}
}

func TestTimelineEventsOfSmallPlan(t *testing.T) {
	tl := smallPlan().Timeline()
	want := []ev{
		{GetReady, 0, 0, 1, 1, NoSide, 0, 0},
		{CountdownTick, 2 * sec, 0, 1, 1, NoSide, 0, 3},
		{CountdownTick, 3 * sec, 0, 1, 1, NoSide, 0, 2},
		{CountdownTick, 4 * sec, 0, 1, 1, NoSide, 0, 1},
		{StartMove, 5 * sec, 0, 1, 1, NoSide, 1, 0},
		{StartHold, 7 * sec, 0, 1, 1, NoSide, 2, 0},
		{Halfway, 10 * sec, 0, 1, 1, NoSide, 2, 0},
		{LastSeconds, 10 * sec, 0, 1, 1, NoSide, 2, 3},
		{LastSeconds, 11 * sec, 0, 1, 1, NoSide, 2, 2},
		{LastSeconds, 12 * sec, 0, 1, 1, NoSide, 2, 1},
		{Release, 13 * sec, 0, 1, 1, NoSide, 3, 0},
		{NextRep, 15 * sec, 0, 1, 2, NoSide, -1, 0},
		{StartMove, 16 * sec, 0, 1, 2, NoSide, 1, 0},
		{StartHold, 18 * sec, 0, 1, 2, NoSide, 2, 0},
		{Halfway, 21 * sec, 0, 1, 2, NoSide, 2, 0},
		{LastSeconds, 21 * sec, 0, 1, 2, NoSide, 2, 3},
		{LastSeconds, 22 * sec, 0, 1, 2, NoSide, 2, 2},
		{LastSeconds, 23 * sec, 0, 1, 2, NoSide, 2, 1},
		{Release, 24 * sec, 0, 1, 2, NoSide, 3, 0},
		{Rest, 26 * sec, 0, 0, 0, NoSide, -1, 0},
		{CountdownTick, 27 * sec, 0, 0, 0, NoSide, -1, 3},
		{NextPreview, 28 * sec, 1, 0, 0, NoSide, -1, 0},
		{CountdownTick, 28 * sec, 0, 0, 0, NoSide, -1, 2},
		{CountdownTick, 29 * sec, 0, 0, 0, NoSide, -1, 1},
		{GetReady, 30 * sec, 1, 0, 0, NoSide, 0, 0},
		{CountdownTick, 32 * sec, 1, 0, 0, NoSide, 0, 3},
		{CountdownTick, 33 * sec, 1, 0, 0, NoSide, 0, 2},
		{CountdownTick, 34 * sec, 1, 0, 0, NoSide, 0, 1},
		{StartWalk, 35 * sec, 1, 0, 0, NoSide, 1, 0},
		{Halfway, 40 * sec, 1, 0, 0, NoSide, 1, 0},
		{LastSeconds, 42 * sec, 1, 0, 0, NoSide, 1, 3},
		{LastSeconds, 43 * sec, 1, 0, 0, NoSide, 1, 2},
		{LastSeconds, 44 * sec, 1, 0, 0, NoSide, 1, 1},
		{SessionComplete, 45 * sec, -1, 0, 0, NoSide, -1, 0},
	}
	got := tl.Events()
	if len(got) != len(want) {
		for _, e := range got {
			t.Logf("%v at %v", e.Kind, e.Offset)
		}
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	for i, w := range want {
		t.Run(w.kind.String()+"@"+w.at.String(), func(t *testing.T) {
			if g := evOf(got[i]); g != w {
				t.Errorf("event %d: got %+v, want %+v", i, g, w)
			}
		})
	}
	if got, want := tl.Total(), 45*sec; got != want {
		t.Errorf("total: got %v, want %v", got, want)
	}
}

func TestTimelineEventText(t *testing.T) {
	tl := smallPlan().Timeline()
	tests := []struct {
		name       string
		index      int
		name_, cue string
	}{
		{"get ready names the setup step", 0, "curl-up", "setup-0"},
		{"start move names the move step", 4, "curl-up", "move-1"},
		{"release names the return step", 10, "curl-up", "return-3"},
		{"preview names the next exercise", 21, "walk", ""},
		{"walk names the hold step", 28, "walk", "hold-1"},
		{"session complete names nothing", 33, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tl.Events()[tt.index]
			if e.Name != tt.name_ || e.Cue != tt.cue {
				t.Errorf("%v at %v: got name %q cue %q, want %q %q", e.Kind, e.Offset, e.Name, e.Cue, tt.name_, tt.cue)
			}
		})
	}
}

func TestTimelineIntervalsOfSmallPlan(t *testing.T) {
	type iv struct {
		stage       Stage
		start, dur  time.Duration
		item, step  int
		rep         int
		phaseStart_ time.Duration
	}
	want := []iv{
		{StageGetReady, 0, 5 * sec, 0, 0, 1, 0},
		{StageMove, 5 * sec, 2 * sec, 0, 1, 1, 5 * sec},
		{StageHold, 7 * sec, 6 * sec, 0, 2, 1, 7 * sec},
		{StageReturn, 13 * sec, 2 * sec, 0, 3, 1, 13 * sec},
		{StageRepRest, 15 * sec, sec, 0, -1, 2, 15 * sec},
		{StageMove, 16 * sec, 2 * sec, 0, 1, 2, 16 * sec},
		{StageHold, 18 * sec, 6 * sec, 0, 2, 2, 18 * sec},
		{StageReturn, 24 * sec, 2 * sec, 0, 3, 2, 24 * sec},
		{StageRest, 26 * sec, 4 * sec, 0, -1, 0, 26 * sec},
		{StageGetReady, 30 * sec, 5 * sec, 1, 0, 0, 30 * sec},
		{StageHold, 35 * sec, 10 * sec, 1, 1, 0, 35 * sec},
	}
	got := smallPlan().Timeline().Intervals()
	if len(got) != len(want) {
		t.Fatalf("got %d intervals, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if h := (iv{g.Stage, g.Start, g.Duration, g.Item, g.Step, g.Rep, g.PhaseStart}); h != w {
			t.Errorf("interval %d: got %+v, want %+v", i, h, w)
		}
	}
}

// kinds returns the events of tl of the given kind.
func kinds(tl Timeline, k EventKind) []Event {
	var out []Event
	for _, e := range tl.Events() {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

func TestTimelineSidesAndPyramid(t *testing.T) {
	d := Dose{Sets: []int{5, 3, 1}, Hold: 8 * sec, Up: sec, Down: sec, Sides: 2, RepRest: 2 * sec, SetRest: 20 * sec}
	plan := Plan{GetReady: 10 * sec, Items: []PlanItem{{Exercise: exercise("bird dog", Stabilise, Setup, Move, Hold, Return), Dose: d}}}
	tl := plan.Timeline()

	type rep struct {
		set  int
		side Side
		rep  int
	}
	var want []rep
	for s, n := range []int{5, 3, 1} {
		for _, side := range []Side{LeftSide, RightSide} {
			for r := 1; r <= n; r++ {
				want = append(want, rep{s + 1, side, r})
			}
		}
	}
	holds := kinds(tl, StartHold)
	if len(holds) != len(want) {
		t.Fatalf("got %d holds, want %d", len(holds), len(want))
	}
	for i, w := range want {
		if g := (rep{holds[i].Set, holds[i].Side, holds[i].Rep}); g != w {
			t.Errorf("hold %d: got set/side/rep %+v, want %+v", i, g, w)
		}
		if holds[i].Sets != 3 || holds[i].Reps != []int{5, 3, 1}[w.set-1] {
			t.Errorf("hold %d: got sets %d reps %d, want 3 and %d", i, holds[i].Sets, holds[i].Reps, []int{5, 3, 1}[w.set-1])
		}
	}

	// Each rep is 10 s; 9 reps a side; rests between reps: (4+2+0) a side.
	repLen := 10 * sec
	set1Side := 5*repLen + 4*2*sec
	tests := []struct {
		name string
		kind EventKind
		want []time.Duration
		side []Side
	}{
		{"switch sides after all reps of a side", SwitchSides, []time.Duration{
			10*sec + set1Side,
			10*sec + 2*set1Side + SideSwitch + 20*sec + 3*repLen + 2*2*sec,
			10*sec + 2*set1Side + SideSwitch + 20*sec + 2*(3*repLen+2*2*sec) + SideSwitch + 20*sec + repLen,
		}, []Side{RightSide, RightSide, RightSide}},
		{"rest between sets", Rest, []time.Duration{
			10*sec + 2*set1Side + SideSwitch,
			10*sec + 2*set1Side + SideSwitch + 20*sec + 2*(3*repLen+2*2*sec) + SideSwitch,
		}, []Side{LeftSide, LeftSide}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := kinds(tl, tt.kind)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d events, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if got[i].Offset != tt.want[i] || got[i].Side != tt.side[i] {
					t.Errorf("%d: got %v side %v, want %v side %v", i, got[i].Offset, got[i].Side, tt.want[i], tt.side[i])
				}
			}
		})
	}
	wantTotal := 10*sec + 2*(9*repLen+6*2*sec) + 3*SideSwitch + 2*20*sec
	if tl.Total() != wantTotal {
		t.Errorf("total: got %v, want %v", tl.Total(), wantTotal)
	}
	previews := kinds(tl, NextPreview)
	for i, p := range previews {
		if p.Set != i+2 || p.Reps != []int{5, 3, 1}[i+1] || p.Side != LeftSide {
			t.Errorf("preview %d: got set %d reps %d side %v, want set %d reps %d left", i, p.Set, p.Reps, p.Side, i+2, []int{5, 3, 1}[i+1])
		}
	}
}

func TestTimelineRepShapes(t *testing.T) {
	tests := []struct {
		name   string
		dose   Dose
		phases []Phase
		want   []ev // events of the first rep only, after get-ready
	}{
		{
			name:   "dynamic rep is move then return",
			dose:   Dose{Sets: []int{1}, Up: 2 * sec, Down: 3 * sec},
			phases: []Phase{Move, Return},
			want: []ev{
				{StartMove, 0, 0, 1, 1, NoSide, 0, 0},
				{Release, 2 * sec, 0, 1, 1, NoSide, 1, 0},
			},
		},
		{
			name:   "short hold has no halfway",
			dose:   Dose{Sets: []int{1}, Hold: 5 * sec},
			phases: []Phase{Hold},
			want: []ev{
				{StartHold, 0, 0, 1, 1, NoSide, 0, 0},
				{LastSeconds, 2 * sec, 0, 1, 1, NoSide, 0, 3},
				{LastSeconds, 3 * sec, 0, 1, 1, NoSide, 0, 2},
				{LastSeconds, 4 * sec, 0, 1, 1, NoSide, 0, 1},
				{Release, 5 * sec, 0, 1, 1, NoSide, -1, 0},
			},
		},
		{
			name:   "two-second hold ticks only inside it",
			dose:   Dose{Sets: []int{1}, Hold: 2 * sec, Down: sec},
			phases: []Phase{Hold, Return},
			want: []ev{
				{StartHold, 0, 0, 1, 1, NoSide, 0, 0},
				{LastSeconds, sec, 0, 1, 1, NoSide, 0, 1},
				{Release, 2 * sec, 0, 1, 1, NoSide, 1, 0},
			},
		},
		{
			name:   "hold with two steps is split with a next step",
			dose:   Dose{Sets: []int{1}, Hold: 10 * sec},
			phases: []Phase{Hold, Hold},
			want: []ev{
				{StartHold, 0, 0, 1, 1, NoSide, 0, 0},
				{NextStep, 5 * sec, 0, 1, 1, NoSide, 1, 0},
				{Halfway, 5 * sec, 0, 1, 1, NoSide, 1, 0},
				{LastSeconds, 7 * sec, 0, 1, 1, NoSide, 1, 3},
				{LastSeconds, 8 * sec, 0, 1, 1, NoSide, 1, 2},
				{LastSeconds, 9 * sec, 0, 1, 1, NoSide, 1, 1},
				{Release, 10 * sec, 0, 1, 1, NoSide, -1, 0},
			},
		},
		{
			name:   "timed item that is not a walk starts a hold and has no release",
			dose:   Dose{Duration: 4 * sec},
			phases: []Phase{Hold},
			want: []ev{
				{StartHold, 0, 0, 0, 0, NoSide, 0, 0},
				{Halfway, 2 * sec, 0, 0, 0, NoSide, 0, 0},
				{LastSeconds, sec, 0, 0, 0, NoSide, 0, 3},
				{LastSeconds, 2 * sec, 0, 0, 0, NoSide, 0, 2},
				{LastSeconds, 3 * sec, 0, 0, 0, NoSide, 0, 1},
			},
		},
		{
			name:   "timed item on each side switches sides between",
			dose:   Dose{Duration: 2 * sec, Sides: 2},
			phases: []Phase{Setup, Hold},
			want: []ev{
				{StartHold, 0, 0, 0, 0, LeftSide, 1, 0},
				{Halfway, sec, 0, 0, 0, LeftSide, 1, 0},
				{LastSeconds, sec, 0, 0, 0, LeftSide, 1, 1},
				{SwitchSides, 2 * sec, 0, 0, 0, RightSide, 0, 0},
				{CountdownTick, 4 * sec, 0, 0, 0, RightSide, 0, 3},
				{CountdownTick, 5 * sec, 0, 0, 0, RightSide, 0, 2},
				{CountdownTick, 6 * sec, 0, 0, 0, RightSide, 0, 1},
				{StartHold, 7 * sec, 0, 0, 0, RightSide, 1, 0},
				{Halfway, 8 * sec, 0, 0, 0, RightSide, 1, 0},
				{LastSeconds, 8 * sec, 0, 0, 0, RightSide, 1, 1},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := Plan{Items: []PlanItem{{Exercise: exercise("x", Stabilise, tt.phases...), Dose: tt.dose}}}
			tl := plan.Timeline()
			var got []ev
			for _, e := range tl.Events() {
				if e.Kind != GetReady && e.Kind != SessionComplete {
					got = append(got, evOf(e))
				}
			}
			// The timeline sorts by offset, keeping announcement order.
			if !reflect.DeepEqual(got, sortedByOffset(tt.want)) {
				t.Errorf("got\n%+v\nwant\n%+v", got, sortedByOffset(tt.want))
			}
		})
	}
}

func sortedByOffset(evs []ev) []ev {
	out := append([]ev(nil), evs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].at < out[j-1].at; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestTimelineGetReadySplitsBetweenSetupSteps(t *testing.T) {
	plan := Plan{GetReady: 9 * sec, Items: []PlanItem{{
		Exercise: exercise("x", Stabilise, Setup, Setup, Hold),
		Dose:     Dose{Sets: []int{1}, Hold: sec},
	}}}
	ivs := plan.Timeline().Intervals()
	if len(ivs) != 3 {
		t.Fatalf("got %d intervals, want 3", len(ivs))
	}
	for i, want := range []struct {
		start, dur time.Duration
		step       int
	}{{0, 4500 * time.Millisecond, 0}, {4500 * time.Millisecond, 4500 * time.Millisecond, 1}} {
		if ivs[i].Start != want.start || ivs[i].Duration != want.dur || ivs[i].Step != want.step {
			t.Errorf("interval %d: got start %v dur %v step %d, want %v %v %d", i, ivs[i].Start, ivs[i].Duration, ivs[i].Step, want.start, want.dur, want.step)
		}
		if ivs[i].PhaseStart != 0 || ivs[i].PhaseDuration != 9*sec {
			t.Errorf("interval %d: got phase %v+%v, want 0+9s", i, ivs[i].PhaseStart, ivs[i].PhaseDuration)
		}
	}
}

func TestTimelineLeavesOutEmptyItems(t *testing.T) {
	x := exercise("x", Stabilise, Hold)
	plan := Plan{Rest: 10 * sec, Items: []PlanItem{
		{Exercise: x, Dose: Dose{Sets: []int{1}, Hold: sec}},
		{Exercise: nil, Dose: Dose{Sets: []int{1}, Hold: sec}},
		{Exercise: x, Dose: Dose{Sets: []int{0}}},
		{Exercise: x, Dose: Dose{Sets: []int{0, 1}, Hold: 2 * sec}},
	}}
	tl := plan.Timeline()
	for i, want := range []struct {
		start time.Duration
		ok    bool
	}{{0, true}, {0, false}, {0, false}, {11 * sec, true}} {
		start, ok := tl.ItemStart(i)
		if start != want.start || ok != want.ok {
			t.Errorf("item %d: got start %v %v, want %v %v", i, start, ok, want.start, want.ok)
		}
	}
	if got := tl.NextItem(0); got != 3 {
		t.Errorf("next after 0: got %d, want 3", got)
	}
	if got := tl.PrevItem(3); got != 0 {
		t.Errorf("previous before 3: got %d, want 0", got)
	}
	if got := len(kinds(tl, Rest)); got != 1 {
		t.Errorf("rests: got %d, want 1 (none after the last item)", got)
	}
	if got, want := tl.Total(), 13*sec; got != want {
		t.Errorf("total: got %v, want %v", got, want)
	}
	if got := (Plan{}).Timeline(); got.Total() != 0 || len(got.Events()) != 1 || got.Events()[0].Kind != SessionComplete {
		t.Errorf("empty plan: got total %v and %d events, want 0 and one SessionComplete", got.Total(), len(got.Events()))
	}
}

func TestTimelineOfARealSizedPlan(t *testing.T) {
	tl := sessionPlan().Timeline()
	if tl.Total() < 25*time.Minute || tl.Total() > 35*time.Minute {
		t.Errorf("total: got %v, want about 30 minutes", tl.Total())
	}
	if again := sessionPlan().Timeline(); !reflect.DeepEqual(again.Events(), tl.Events()) || !reflect.DeepEqual(again.Intervals(), tl.Intervals()) {
		t.Error("two timelines of the same plan differ")
	}
}

func TestTimelineAt(t *testing.T) {
	tl := smallPlan().Timeline()
	curl := tl.Plan().Items[0].Exercise
	walk := tl.Plan().Items[1].Exercise
	tests := []struct {
		name      string
		offset    time.Duration
		stage     Stage
		index     int
		item      int
		set, rep  int
		elapsed   time.Duration
		remaining time.Duration
		fraction  float64
		phaseLeft time.Duration
		next      int
		exercise  *Exercise
		nextEx    *Exercise
		done      bool
	}{
		{"before the start is the start", -sec, StageGetReady, 0, 0, 1, 1, 0, 5 * sec, 0, 5 * sec, 1, curl, walk, false},
		{"start", 0, StageGetReady, 0, 0, 1, 1, 0, 5 * sec, 0, 5 * sec, 1, curl, walk, false},
		{"a boundary belongs to the interval it starts", 7 * sec, StageHold, 2, 0, 1, 1, 0, 6 * sec, 0, 6 * sec, 1, curl, walk, false},
		{"middle of a hold", 10 * sec, StageHold, 2, 0, 1, 1, 3 * sec, 3 * sec, 0.5, 3 * sec, 1, curl, walk, false},
		{"pause between reps", 15500 * time.Millisecond, StageRepRest, 4, 0, 1, 2, 500 * time.Millisecond, 500 * time.Millisecond, 0.5, 500 * time.Millisecond, 1, curl, walk, false},
		{"rest after an exercise belongs to it", 27 * sec, StageRest, 8, 0, 0, 0, sec, 3 * sec, 0.25, 3 * sec, 1, curl, walk, false},
		{"last exercise has no next", 44 * sec, StageHold, 10, 1, 0, 0, 9 * sec, sec, 0.9, sec, -1, walk, nil, false},
		{"the end is done", 45 * sec, 0, 11, -1, 0, 0, 0, 0, 0, 0, -1, nil, nil, true},
		{"after the end is done", time.Hour, 0, 11, -1, 0, 0, 0, 0, 0, 0, -1, nil, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tl.At(tt.offset)
			if p.Stage != tt.stage || p.Index != tt.index || p.Item != tt.item || p.Set != tt.set || p.Rep != tt.rep {
				t.Errorf("got stage %v index %d item %d set %d rep %d, want %v %d %d %d %d", p.Stage, p.Index, p.Item, p.Set, p.Rep, tt.stage, tt.index, tt.item, tt.set, tt.rep)
			}
			if p.Elapsed != tt.elapsed || p.Remaining != tt.remaining || p.Fraction != tt.fraction || p.PhaseRemaining != tt.phaseLeft {
				t.Errorf("got elapsed %v remaining %v fraction %v phase left %v, want %v %v %v %v", p.Elapsed, p.Remaining, p.Fraction, p.PhaseRemaining, tt.elapsed, tt.remaining, tt.fraction, tt.phaseLeft)
			}
			if p.Next != tt.next || p.Exercise != tt.exercise || p.NextExercise != tt.nextEx || p.Done != tt.done {
				t.Errorf("got next %d exercise %v next exercise %v done %v, want %d %v %v %v", p.Next, p.Exercise, p.NextExercise, p.Done, tt.next, tt.exercise, tt.nextEx, tt.done)
			}
			wantOffset := min(max(tt.offset, 0), tl.Total())
			if p.Offset != wantOffset || p.Progress != float64(wantOffset)/float64(tl.Total()) || p.Items != 2 || p.Total != 45*sec {
				t.Errorf("got offset %v progress %v items %d total %v, want %v %v 2 45s", p.Offset, p.Progress, p.Items, p.Total, wantOffset, float64(wantOffset)/float64(tl.Total()))
			}
		})
	}
}

func TestTimelineAtCountsSides(t *testing.T) {
	d := Dose{Sets: []int{2, 1}, Hold: 4 * sec, Sides: 2, SetRest: 10 * sec}
	tl := Plan{Items: []PlanItem{{Exercise: exercise("side bridge", Stabilise, Setup, Hold), Dose: d}}}.Timeline()
	tests := []struct {
		offset         time.Duration
		stage          Stage
		set, sets      int
		rep, reps      int
		side           Side
		sides          int
		phaseRemaining time.Duration
	}{
		{sec, StageHold, 1, 2, 1, 2, LeftSide, 2, 3 * sec},
		{5 * sec, StageHold, 1, 2, 2, 2, LeftSide, 2, 3 * sec},
		{9 * sec, StageSwitch, 1, 2, 1, 2, RightSide, 2, 4 * sec},
		{14 * sec, StageHold, 1, 2, 1, 2, RightSide, 2, 3 * sec},
		{19 * sec, StageHold, 1, 2, 2, 2, RightSide, 2, 2 * sec},
		{22 * sec, StageSetRest, 2, 2, 1, 1, LeftSide, 2, 9 * sec},
		{32 * sec, StageHold, 2, 2, 1, 1, LeftSide, 2, 3 * sec},
		{41 * sec, StageHold, 2, 2, 1, 1, RightSide, 2, 3 * sec},
	}
	for _, tt := range tests {
		t.Run(tt.offset.String(), func(t *testing.T) {
			p := tl.At(tt.offset)
			got := []any{p.Stage, p.Set, p.Sets, p.Rep, p.Reps, p.Side, p.Sides, p.PhaseRemaining}
			want := []any{tt.stage, tt.set, tt.sets, tt.rep, tt.reps, tt.side, tt.sides, tt.phaseRemaining}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got stage/set/sets/rep/reps/side/sides/phase-left %v, want %v", got, want)
			}
		})
	}
}

func BenchmarkTimeline(b *testing.B) {
	plan := sessionPlan()
	b.ReportAllocs()
	for b.Loop() {
		plan.Timeline()
	}
}

func BenchmarkTimelineAt(b *testing.B) {
	tl := sessionPlan().Timeline()
	total := tl.Total()
	step := total / 997
	var at time.Duration
	b.ReportAllocs()
	for b.Loop() {
		tl.At(at)
		at += step
		if at > total {
			at -= total
		}
	}
}

// checkInvariants checks what the GUI and the runner rely on for any plan.
func checkInvariants(t *testing.T, tl Timeline) {
	t.Helper()
	ivs, events := tl.Intervals(), tl.Events()
	at := time.Duration(0)
	for i, iv := range ivs {
		if iv.Start != at || iv.Duration <= 0 {
			t.Fatalf("interval %d: got start %v duration %v, want start %v and a positive duration", i, iv.Start, iv.Duration, at)
		}
		if iv.PhaseStart > iv.Start || iv.PhaseStart+iv.PhaseDuration < iv.End() {
			t.Fatalf("interval %d: phase %v+%v does not hold it", i, iv.PhaseStart, iv.PhaseDuration)
		}
		at = iv.End()
	}
	if at != tl.Total() {
		t.Fatalf("intervals end at %v, want Total %v", at, tl.Total())
	}
	starts := map[time.Duration]bool{}
	for i, e := range events {
		starts[e.Offset] = true
		if i > 0 && e.Offset < events[i-1].Offset {
			t.Fatalf("event %d at %v before event %d at %v", i, e.Offset, i-1, events[i-1].Offset)
		}
		if e.Offset < 0 || e.Offset > tl.Total() {
			t.Fatalf("event %d %v at %v, outside 0..%v", i, e.Kind, e.Offset, tl.Total())
		}
		if e.Interval < len(ivs) && (ivs[e.Interval].Start > e.Offset || ivs[e.Interval].End() <= e.Offset) {
			t.Fatalf("event %d %v at %v: interval %d is %v+%v", i, e.Kind, e.Offset, e.Interval, ivs[e.Interval].Start, ivs[e.Interval].Duration)
		}
	}
	last := events[len(events)-1]
	if last.Kind != SessionComplete || last.Offset != tl.Total() || last.Interval != len(ivs) {
		t.Fatalf("last event: got %v at %v interval %d, want SessionComplete at %v interval %d", last.Kind, last.Offset, last.Interval, tl.Total(), len(ivs))
	}
	for i, iv := range ivs {
		if !starts[iv.Start] {
			t.Fatalf("interval %d (%v at %v) has no event at its start", i, iv.Stage, iv.Start)
		}
		for _, off := range []time.Duration{iv.Start, iv.Start + iv.Duration/2, iv.End() - 1} {
			if p := tl.At(off); p.Index != i || p.Elapsed+p.Remaining != iv.Duration || p.Fraction < 0 || p.Fraction >= 1 {
				t.Fatalf("At(%v): got interval %d elapsed %v remaining %v fraction %v, want interval %d", off, p.Index, p.Elapsed, p.Remaining, p.Fraction, i)
			}
		}
	}
}

func TestTimelineInvariants(t *testing.T) {
	for _, tt := range []struct {
		name string
		plan Plan
	}{
		{"small plan", smallPlan()},
		{"30-minute plan", sessionPlan()},
		{"empty plan", Plan{}},
	} {
		t.Run(tt.name, func(t *testing.T) { checkInvariants(t, tt.plan.Timeline()) })
	}
}

// FuzzTimeline checks the invariants for plans of any shape, durations in
// milliseconds so that steps split unevenly and ticks fall anywhere.
func FuzzTimeline(f *testing.F) {
	f.Add(uint8(5), uint8(3), uint8(1), uint8(2), int16(10000), int16(2000), int16(2000), int16(3000), int16(30000), int16(0), int16(10000), int16(30000), uint8(0x1f))
	f.Add(uint8(8), uint8(0), uint8(8), uint8(1), int16(0), int16(2000), int16(2000), int16(0), int16(0), int16(0), int16(0), int16(0), uint8(0x05))
	f.Add(uint8(0), uint8(0), uint8(0), uint8(2), int16(0), int16(0), int16(0), int16(0), int16(0), int16(7777), int16(-5), int16(1), uint8(0x12))
	f.Add(uint8(1), uint8(1), uint8(1), uint8(2), int16(1), int16(1), int16(1), int16(1), int16(1), int16(0), int16(3), int16(2), uint8(0xff))
	f.Fuzz(func(t *testing.T, s1, s2, s3, sides uint8, hold, up, down, repRest, setRest, duration, getReady, rest int16, steps uint8) {
		ms := func(n int16) time.Duration { return time.Duration(n) * time.Millisecond }
		var phases []Phase
		for i, ph := range []Phase{Setup, Setup, Move, Hold, Hold, Return, Move, Return} {
			if steps&(1<<i) != 0 {
				phases = append(phases, ph)
			}
		}
		d := Dose{
			Sets: []int{int(s1 % 12), int(s2 % 12), int(s3 % 12)}, Sides: int(sides % 3),
			Hold: ms(hold), Up: ms(up), Down: ms(down), RepRest: ms(repRest), SetRest: ms(setRest), Duration: ms(duration),
		}
		walk := d
		walk.Duration = ms(duration) + 5*sec
		plan := Plan{GetReady: ms(getReady), Rest: ms(rest), Items: []PlanItem{
			{Exercise: exercise("a", Stabilise, phases...), Dose: d},
			{Exercise: exercise("walk", Walk, phases...), Dose: walk},
			{Exercise: exercise("b", Mobility, phases...), Dose: d},
		}}
		checkInvariants(t, plan.Timeline())
	})
}
