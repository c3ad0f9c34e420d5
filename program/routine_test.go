package program

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"steady/assets"
)

// testRoutine is a small valid routine. The cases of TestParseRoutineProblems
// edit it line by line, so its line numbers matter: exercise "walk" starts at
// line 3 (its step at 12), "bridge" at 18 (step 26); level 0 at 33 (its item
// at 39), level n at 43 + 11*(n-1) (its item 6 lines further).
const testRoutine = `name = "Test"

[[exercise]]
id = "walk"
name = "Walk"
position = "standing"
why = "Walking helps."
kind = "walk"
flare_safe = true
stop_if = ["pain shoots down the leg"]

[[exercise.step]]
phase = "hold"
cue = "Walk"
instruction = "Walk at an easy pace."
poses = ["walking-a", "walking-b"]

[[exercise]]
id = "bridge"
name = "Bridge"
position = "on your back"
why = "Strong hips help the back."
kind = "stabilise"
stop_if = ["pain shoots down the leg"]

[[exercise.step]]
phase = "move"
cue = "Lift"
instruction = "Lift the hips."
poses = ["hooklying", "bridge-up"]
brace = true

[[level]]
number = 0
name = "Calm"
summary = "Calm down."
walk_goal = "Walk a little."
[[level.dose]]
[[level.dose.item]]
exercise = "walk"
duration = "3m"

[[level]]
number = 1
name = "One"
summary = "S."
walk_goal = "W."
[[level.dose]]
[[level.dose.item]]
exercise = "bridge"
sets = [8]
up = "2s"

[[level]]
number = 2
name = "Two"
summary = "S."
walk_goal = "W."
[[level.dose]]
[[level.dose.item]]
exercise = "bridge"
sets = [8]
up = "2s"

[[level]]
number = 3
name = "Three"
summary = "S."
walk_goal = "W."
[[level.dose]]
[[level.dose.item]]
exercise = "bridge"
sets = [8]
up = "2s"

[[level]]
number = 4
name = "Four"
summary = "S."
walk_goal = "W."
[[level.dose]]
[[level.dose.item]]
exercise = "bridge"
sets = [8]
up = "2s"

[[level]]
number = 5
name = "Five"
summary = "S."
walk_goal = "W."
[[level.dose]]
[[level.dose.item]]
exercise = "bridge"
sets = [8]
up = "2s"
`

// edited returns testRoutine with the given lines (counted from 1) replaced,
// and extra appended.
func edited(edits map[int]string, extra string) string {
	lines := strings.Split(testRoutine, "\n")
	for n, text := range edits {
		lines[n-1] = text
	}
	return strings.Join(lines, "\n") + extra
}

// extraExercise is a complete exercise, to append to testRoutine.
const extraExercise = `
[[exercise]]
id = "walk"
name = "Walk again"
position = "standing"
why = "Walking helps."
kind = "walk"
stop_if = ["pain shoots down the leg"]
[[exercise.step]]
phase = "hold"
cue = "Walk"
instruction = "Walk."
poses = ["walking-a"]
`

var problemCases = []struct {
	name  string
	edits map[int]string
	extra string
	want  []string
}{
	{"valid", nil, "", nil},
	{"syntax error", map[int]string{14: `cue = "Walk`}, "",
		[]string{`r.toml:14: strings cannot contain newlines`}},
	{"unknown top-level key", map[int]string{2: `colour = "red"`}, "",
		[]string{`r.toml:2: unknown key "colour"`}},
	{"unknown key in a step", map[int]string{17: `speed = 2`}, "",
		[]string{`r.toml:17: unknown key "speed"`}},
	{"unknown key in an item", map[int]string{42: `reps = 3`}, "",
		[]string{`r.toml:42: unknown key "reps"`}},
	{"unknown key in a table", map[int]string{32: `[exercise.extra]`}, "",
		[]string{`r.toml:32: unknown key "extra"`}},
	{"text of the wrong type", map[int]string{14: `cue = 5`}, "",
		[]string{`r.toml:14: cue must be text in quotes`}},
	{"sets of the wrong type", map[int]string{95: `sets = "eight"`}, "",
		[]string{`r.toml:95: sets must be a list in square brackets`}},
	{"a set of the wrong type", map[int]string{95: `sets = [8, "six"]`}, "",
		[]string{`r.toml:95: sets must be a list of whole numbers, like [5, 3, 1]`}},
	{"number of the wrong type", map[int]string{88: `number = "5"`}, "",
		[]string{`r.toml:88: number must be a whole number`}},
	{"flag of the wrong type", map[int]string{31: `brace = "yes"`}, "",
		[]string{`r.toml:31: brace must be true or false`}},
	{"missing name", map[int]string{5: ``}, "",
		[]string{`r.toml:3: missing name`}},
	{"missing stop_if", map[int]string{24: ``}, "",
		[]string{`r.toml:18: missing stop_if: say when to stop, e.g. "pain or tingling shoots down the leg"`}},
	{"missing level number", map[int]string{55: ``}, "",
		[]string{`r.toml:54: missing number: the level's number, 0 to 5`}},
	{"missing exercise of an item", map[int]string{94: ``}, "",
		[]string{`r.toml:93: missing exercise: the id of the exercise to do`}},
	{"reps out of range", map[int]string{95: `sets = [8, 60]`}, "",
		[]string{`r.toml:95: 60 reps in a set is out of range 1 to 50`}},
	{"no reps", map[int]string{95: `sets = [0]`}, "",
		[]string{`r.toml:95: 0 reps in a set is out of range 1 to 50`}},
	{"hold out of range", map[int]string{96: `hold = "3m"`}, "",
		[]string{`r.toml:96: hold 3m is out of range 0s to 2m`, `r.toml:96: exercise "bridge" has no hold step, which a hold needs`}},
	{"sides out of range", map[int]string{96: `sides = 3`}, "",
		[]string{`r.toml:93: a rep needs time: give a hold, or up and down times for a moving rep`, `r.toml:96: sides 3: must be 1, or 2 to work each side in turn`}},
	{"negative duration", map[int]string{41: `duration = "-1m"`}, "",
		[]string{`r.toml:41: duration -1m is out of range 0s to 1h`}},
	{"long duration", map[int]string{41: `duration = "2h"`}, "",
		[]string{`r.toml:41: duration 2h is out of range 0s to 1h`}},
	{"not a duration", map[int]string{41: `duration = "3 min"`}, "",
		[]string{`r.toml:41: duration "3 min" is not a duration: write it like "10s", "1m30s" or "3m"`}},
	{"duration as a number", map[int]string{41: `duration = 180`}, "",
		[]string{`r.toml:41: duration must be a duration in quotes, like "10s" or "3m"`}},
	{"sets and a duration", map[int]string{42: `sets = [3]`}, "",
		[]string{`r.toml:39: give either sets or a duration, not both`}},
	{"a walk with sets", map[int]string{41: `sets = [3]`}, "",
		[]string{`r.toml:39: a walk is timed: give it a duration, like "5m"`}},
	{"duplicate id", nil, extraExercise,
		[]string{`r.toml:99: duplicate exercise id "walk" (first at line 4)`}},
	{"unknown exercise", map[int]string{40: `exercise = "wlak"`}, "",
		[]string{`r.toml:40: unknown exercise "wlak"`}},
	{"bad id", map[int]string{19: `id = "Bridge 2"`}, "",
		[]string{
			`r.toml:19: id "Bridge 2" must be lower-case letters and digits joined by dashes, like "side-bridge"`,
			`r.toml:50: unknown exercise "bridge"`, `r.toml:61: unknown exercise "bridge"`, `r.toml:72: unknown exercise "bridge"`,
			`r.toml:83: unknown exercise "bridge"`, `r.toml:94: unknown exercise "bridge"`,
		}},
	{"unknown pose", map[int]string{16: `poses = ["walking-a", "runing"]`}, "",
		[]string{`r.toml:16: unknown pose "runing"`}},
	{"unknown pose on its own line", map[int]string{16: `poses = ["walking-a",  # a comment`, 17: `  "runing"]`}, "",
		[]string{`r.toml:17: unknown pose "runing"`}},
	{"no poses", map[int]string{30: `poses = []`}, "",
		[]string{`r.toml:30: missing poses: name at least one pose to show`}},
	{"bad phase", map[int]string{13: `phase = "hld"`}, "",
		[]string{`r.toml:13: unknown phase "hld": want setup, move, hold or return`, `r.toml:41: exercise "walk" has no hold step, which a timed dose needs`}},
	{"bad kind", map[int]string{23: `kind = "stretch"`}, "",
		[]string{`r.toml:23: unknown kind "stretch": want stabilise, walk or mobility`}},
	{"long cue", map[int]string{28: `cue = "Lift the hips slowly until the body is straight"`}, "",
		[]string{`r.toml:28: cue is 47 characters; keep it to 40 so it is spoken in time (the instruction can say more)`}},
	{"no steps", map[int]string{26: `# no steps`, 27: ``, 28: ``, 29: ``, 30: ``, 31: ``}, "",
		[]string{`r.toml:18: exercise "bridge" has no steps: add them with [[exercise.step]]`,
			`r.toml:52: exercise "bridge" has no move step, which a moving rep needs`,
			`r.toml:63: exercise "bridge" has no move step, which a moving rep needs`,
			`r.toml:74: exercise "bridge" has no move step, which a moving rep needs`,
			`r.toml:85: exercise "bridge" has no move step, which a moving rep needs`,
			`r.toml:96: exercise "bridge" has no move step, which a moving rep needs`}},
	{"level without dose steps", map[int]string{92: `#`, 93: `#`, 94: `#`, 95: `#`, 96: `#`}, "",
		[]string{`r.toml:87: level 5 has no dose steps: add one with [[level.dose]]`}},
	{"dose step without items", map[int]string{93: `#`, 94: `#`, 95: `#`, 96: `#`}, "",
		[]string{`r.toml:92: dose step 1 of level 5 has no items: add them with [[level.dose.item]]`}},
	{"level out of range", map[int]string{88: `number = 7`}, "",
		[]string{`r.toml:88: level number 7 out of range 0 to 5`}},
	{"level out of order", map[int]string{44: `number = 2`, 55: `number = 1`}, "",
		[]string{
			`r.toml:44: level 2 is written where level 1 belongs: write the levels in order from 0 to 5`,
			`r.toml:55: level 1 is written where level 2 belongs: write the levels in order from 0 to 5`,
		}},
	{"level missing", map[int]string{87: `#`, 88: `#`, 89: `#`, 90: `#`, 91: `#`, 92: `#`, 93: `#`, 94: `#`, 95: `#`, 96: `#`}, "",
		[]string{`r.toml: the routine has levels 0 to 4; it needs every level from 0 to 5`}},
	{"too many levels", nil, "\n[[level]]\nnumber = 6\nname = \"Six\"\nsummary = \"S.\"\nwalk_goal = \"W.\"\n[[level.dose]]\n[[level.dose.item]]\nexercise = \"walk\"\nduration = \"3m\"\n",
		[]string{`r.toml:98: too many levels: the routine needs levels 0 to 5 and no more`, `r.toml:99: level number 6 out of range 0 to 5`}},
	{"flare level with an exercise not flare-safe", map[int]string{40: `exercise = "bridge"`, 41: `sets = [8]`, 42: `up = "2s"`}, "",
		[]string{`r.toml:40: exercise "bridge" is not flare_safe: level 0 is also the flare level and may hold flare-safe exercises only`}},
	{"mobility in a level", map[int]string{23: `kind = "mobility"`}, "",
		[]string{
			`r.toml:50: exercise "bridge" is a mobility exercise: list it under [[mobility]], which is offered only on days the tightness comes from inactivity`,
			`r.toml:61: exercise "bridge" is a mobility exercise: list it under [[mobility]], which is offered only on days the tightness comes from inactivity`,
			`r.toml:72: exercise "bridge" is a mobility exercise: list it under [[mobility]], which is offered only on days the tightness comes from inactivity`,
			`r.toml:83: exercise "bridge" is a mobility exercise: list it under [[mobility]], which is offered only on days the tightness comes from inactivity`,
			`r.toml:94: exercise "bridge" is a mobility exercise: list it under [[mobility]], which is offered only on days the tightness comes from inactivity`,
		}},
	{"flare-safe mobility", map[int]string{8: `kind = "mobility"`}, "",
		[]string{
			`r.toml:9: a mobility exercise cannot be flare_safe: Steady offers no stretching in a flare`,
			`r.toml:40: exercise "walk" is a mobility exercise: list it under [[mobility]], which is offered only on days the tightness comes from inactivity`,
		}},
	{"not mobility under mobility", nil, "\n[[mobility]]\nexercise = \"bridge\"\nsets = [8]\nup = \"2s\"\n",
		[]string{`r.toml:99: exercise "bridge" is not a mobility exercise (kind "stabilise"): [[mobility]] holds kind "mobility" only`}},
	{"several problems, in the order of the file", map[int]string{2: `colour = "red"`, 13: `phase = "hold"  # fine`, 21: `position = ""`, 40: `exercise = "wlak"`, 95: `sets = [8, 60]`}, "",
		[]string{
			`r.toml:2: unknown key "colour"`,
			`r.toml:21: missing position`,
			`r.toml:40: unknown exercise "wlak"`,
			`r.toml:95: 60 reps in a set is out of range 1 to 50`,
		}},
}

func TestParseRoutineProblems(t *testing.T) {
	for _, c := range problemCases {
		t.Run(c.name, func(t *testing.T) {
			r, err := ParseRoutine("r.toml", []byte(edited(c.edits, c.extra)))
			var got []string
			if err != nil {
				var re *RoutineError
				if !errors.As(err, &re) {
					t.Fatalf("got error %T %v, want a *RoutineError", err, err)
				}
				for _, p := range re.Problems {
					got = append(got, p.String())
				}
				if err.Error() != strings.Join(got, "\n") {
					t.Errorf("Error(): got %q, want the problems one per line", err.Error())
				}
				if r != nil {
					t.Errorf("got a routine with the error, want nil")
				}
			} else if r == nil {
				t.Fatal("got no routine and no error")
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got problems\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}

func TestBuiltinRoutine(t *testing.T) {
	r, err := ParseRoutine("routine.toml", assets.Routine)
	if err != nil {
		t.Fatalf("the built-in routine has problems:\n%v", err)
	}
	if Builtin() == nil || Builtin() != Builtin() {
		t.Error("Builtin: want the same parsed routine every time")
	}
	if len(r.Levels) != TopLevel+1 {
		t.Fatalf("levels: got %d, want %d", len(r.Levels), TopLevel+1)
	}
	used := map[string]bool{}
	for n, l := range r.Levels {
		if l.Number != n || len(l.Steps) == 0 || l.Name == "" || l.Summary == "" || l.WalkGoal == "" {
			t.Errorf("level %d: got number %d, %d dose steps, name %q, summary %q, walk goal %q; want all filled in",
				n, l.Number, len(l.Steps), l.Name, l.Summary, l.WalkGoal)
		}
		for _, ds := range l.Steps {
			for _, item := range ds.Items {
				used[item.Exercise.ID] = true
				if n == 0 && (!item.Exercise.FlareSafe || item.Exercise.Kind == Mobility) {
					t.Errorf("level 0: %s is not flare-safe, or is stretching", item.Exercise.ID)
				}
			}
		}
	}
	mobility := r.MobilityItems()
	if len(mobility) < 1 {
		t.Errorf("mobility items: got %d, want at least one for days of stiffness from sitting", len(mobility))
	}
	for _, item := range mobility {
		used[item.Exercise.ID] = true
		if item.Exercise.Kind != Mobility || item.Exercise.FlareSafe {
			t.Errorf("mobility item %s: kind %q, flare_safe %v; want mobility, not flare-safe", item.Exercise.ID, item.Exercise.Kind, item.Exercise.FlareSafe)
		}
	}
	for _, e := range r.Exercises {
		if !used[e.ID] {
			t.Errorf("exercise %s is in no level and not mobility work", e.ID)
		}
		for i, s := range e.Steps {
			for _, p := range s.Poses {
				if _, ok := LookupPose(p); !ok {
					t.Errorf("%s step %d: unknown pose %q", e.ID, i, p)
				}
			}
		}
	}
}

// TestBuiltinSessionLengths checks each dose step of the built-in routine
// makes a session of a sensible length, with the get-ready and rest the
// window uses by default.
func TestBuiltinSessionLengths(t *testing.T) {
	r := Builtin()
	for _, l := range r.Levels {
		for j := range l.Steps {
			p, err := r.Plan(l.Number, j, false, 10*time.Second, 30*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Timeline().Total(); got < 8*time.Minute || got > 30*time.Minute {
				t.Errorf("level %d, dose step %d: the session takes %v, want 8 to 30 minutes", l.Number, j+1, got)
			}
		}
	}
}

func TestRoutinePlan(t *testing.T) {
	r := Builtin()
	p, err := r.Plan(2, 1, false, 10*time.Second, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if p.Level != 2 || p.DoseStep != 1 || p.Flare || p.GetReady != 10*time.Second || p.Rest != 20*time.Second {
		t.Errorf("got plan level %d step %d flare %v, get ready %v, rest %v; want 2, 1, false, 10s, 20s",
			p.Level, p.DoseStep, p.Flare, p.GetReady, p.Rest)
	}
	if got, want := len(p.Items), len(r.Levels[2].Steps[1].Items); got != want {
		t.Errorf("items: got %d, want %d", got, want)
	}
	p.Items[0].Dose.Sets[0] = 99
	if r.Levels[2].Steps[1].Items[0].Dose.Sets[0] == 99 {
		t.Error("changing the plan changed the routine")
	}

	flare, err := r.Plan(4, 1, true, 10*time.Second, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if flare.Level != 0 || flare.DoseStep != 0 || !flare.Flare {
		t.Errorf("flare: got level %d step %d flare %v, want level 0 step 0 in a flare", flare.Level, flare.DoseStep, flare.Flare)
	}
	for _, item := range flare.Items {
		if !item.Exercise.FlareSafe {
			t.Errorf("flare plan holds %s, which is not flare-safe", item.Exercise.ID)
		}
	}

	for _, c := range []struct {
		name            string
		level, doseStep int
	}{{"negative level", -1, 0}, {"level above the top", TopLevel + 1, 0}, {"no such dose step", 0, 5}, {"negative dose step", 2, -1}} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := r.Plan(c.level, c.doseStep, false, 0, 0); err == nil {
				t.Error("got no error, want one")
			}
		})
	}
}

func TestRoutineLookups(t *testing.T) {
	r := Builtin()
	if e, ok := r.Exercise("curl-up"); !ok || e.Name != "Curl-up" {
		t.Errorf("Exercise(curl-up): got %v, %v; want the curl-up", e, ok)
	}
	if _, ok := r.Exercise("sit-up"); ok {
		t.Error("Exercise(sit-up): found, want none")
	}
	if l, ok := r.Level(3); !ok || l.Number != 3 {
		t.Errorf("Level(3): got %v, %v", l.Number, ok)
	}
	if _, ok := r.Level(6); ok {
		t.Error("Level(6): found, want none")
	}
	h := History{StepsInLevel: r.StepsInLevel} // it fits the progression rules
	if got, want := h.StepsInLevel(2), len(r.Levels[2].Steps); got != want {
		t.Errorf("StepsInLevel(2): got %d, want %d", got, want)
	}
	if got := r.StepsInLevel(-1); got != 0 {
		t.Errorf("StepsInLevel(-1): got %d, want 0", got)
	}
}

func TestIndexLines(t *testing.T) {
	src := `name = "x"   # a comment with = and [brackets]
about = """
line one = not a key
[not a table]
"""
[[exercise]]
id = 'a'
stop_if = [
  "one = 1",  # a comment
  'two',
]
"quoted.key" = 1
[exercise.extra]
deep.er = 2
[[exercise]]
[[exercise.step]]
poses = [ "a", "b" ]
[[level]]
dose = [
  { item = [] },
  { item = [] },
]
`
	want := map[string]int{
		"name": 1, "about": 2, "exercise[0]": 6, "exercise[0].id": 7,
		"exercise[0].stop_if": 8, "exercise[0].stop_if[0]": 9, "exercise[0].stop_if[1]": 10,
		"exercise[0].quoted.key": 12, "exercise[0].extra": 13, "exercise[0].extra.deep": 14, "exercise[0].extra.deep.er": 14,
		"exercise[1]": 15, "exercise[1].step[0]": 16, "exercise[1].step[0].poses": 17,
		"exercise[1].step[0].poses[0]": 17, "exercise[1].step[0].poses[1]": 17,
		"level[0]": 18, "level[0].dose": 19, "level[0].dose[0]": 20, "level[0].dose[1]": 21,
	}
	got := indexLines(src)
	for path, line := range want {
		if got[path] != line {
			t.Errorf("%s: got line %d, want %d", path, got[path], line)
		}
	}
	for path := range got {
		if _, ok := want[path]; !ok {
			t.Errorf("%s: indexed at line %d, want not indexed", path, got[path])
		}
	}
	s := source{lines: got}
	if n := s.line("level[0].dose[1].item[0].sets"); n != 21 {
		t.Errorf("line of a path inside an inline table: got %d, want 21, the table's", n)
	}
}

// FuzzParseRoutine checks ParseRoutine never panics, and either returns a
// routine that passes its own validation and plans every dose step, or
// reports at least one problem.
//
// An input the size of the built-in routine takes a while to minimise, so
// fuzz with a short minimising time:
//
//	go test -run XXX -fuzz FuzzParseRoutine -fuzztime 60s -fuzzminimizetime 3s ./program/
func FuzzParseRoutine(f *testing.F) {
	f.Add(assets.Routine)
	for _, c := range problemCases {
		f.Add([]byte(edited(c.edits, c.extra)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseRoutine("f.toml", data)
		if err != nil {
			var re *RoutineError
			if !errors.As(err, &re) || len(re.Problems) == 0 {
				t.Fatalf("got error %v, want a *RoutineError with problems", err)
			}
			for _, p := range re.Problems {
				if p.File != "f.toml" || p.Line < 0 || p.Msg == "" {
					t.Errorf("problem %+v: want the file, a line and a message", p)
				}
			}
			return
		}
		if ps := validate(r); len(ps) > 0 {
			t.Fatalf("a routine ParseRoutine returned fails validation: %v", ps)
		}
		for _, l := range r.Levels {
			for j := range l.Steps {
				p, err := r.Plan(l.Number, j, false, time.Second, time.Second)
				if err != nil {
					t.Fatal(err)
				}
				_ = p.Timeline().Total() // must not panic
			}
		}
	})
}

// TestDocumentedExample checks the complete example of docs/routine-format.md
// is a valid routine, as the document says.
func TestDocumentedExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/routine-format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "## A complete example")
	if !ok {
		t.Fatal(`no "## A complete example" section`)
	}
	_, rest, ok = strings.Cut(rest, "```toml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no toml block in the example section")
	}
	r, err := ParseRoutine("routine-format.md", []byte(example))
	if err != nil {
		t.Fatalf("the documented example has problems:\n%v", err)
	}
	if got := r.StepsInLevel(1); got != 2 {
		t.Errorf("level 1 of the example: got %d dose steps, want 2 (inline items)", got)
	}
	if got := len(r.MobilityItems()); got != 1 {
		t.Errorf("mobility items of the example: got %d, want 1", got)
	}
}
