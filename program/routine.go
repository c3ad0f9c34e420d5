package program

// The routine file: Steady's built-in routine (assets/routine.toml) and any
// routine a user writes are read by ParseRoutine. docs/routine-format.md
// describes the format for authors; the rules below are the same rules.

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"steady/assets"
)

// A Routine is a whole exercise programme: the exercises, and the levels 0
// (calm-down) to TopLevel, each a list of dose steps saying which exercises a
// session does and how much. Build one with ParseRoutine, or take Builtin.
//
// A parsed routine is shared: do not modify it. Plan and MobilityItems return
// copies a caller may change.
type Routine struct {
	Name string
	// About says where the exercises and doses come from, in plain words:
	// the routine's answer to "Why these doses?".
	About     string
	Exercises []*Exercise // in the order written
	// Levels holds every level from 0 to TopLevel; Levels[n].Number == n.
	Levels []Level
	// Mobility is gentle mobility work, offered only on a day the back is
	// tight from inactivity and there is no flare (Decision.MobilityAllowed).
	// Never part of a level.
	Mobility []PlanItem

	src source // where each part was written, for the problems validate finds
	// tr holds the translations read from the file; nil when it has none.
	tr *translationSet
	// source is the English routine a localised copy (In) was made from.
	source *Routine
}

// A Level is one stage of the routine, worked through dose step by dose step.
type Level struct {
	Number   int    // 0 (calm-down) to TopLevel
	Name     string // "Brace & breathe"
	Summary  string // one line: what the level does
	WalkGoal string // walking outside the session, e.g. "Walk 10 to 15 minutes a day."
	Steps    []DoseStep
}

// A DoseStep is one session of a level: its exercises in order, each with its
// dose. A user moves to the next step when the rules of Decide say so.
type DoseStep struct {
	Note  string // optional: what changed from the step before
	Items []PlanItem
}

// A Problem is one thing wrong in a routine file, at a line (0 when it is
// about the whole file).
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line <= 0 {
		return p.File + ": " + p.Msg
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
}

// A RoutineError lists every problem ParseRoutine found, in the order of
// the file. It is never empty.
type RoutineError struct {
	Problems []Problem
}

// Error returns the problems one per line, each as "file:line: message".
func (e *RoutineError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Limits of a routine file. Steady's choices, wide enough for any sensible
// routine and narrow enough to catch a slip ("100s" for "10s").
const (
	maxSets     = 10
	maxReps     = 50 // in one set
	maxHold     = 2 * time.Minute
	maxTempo    = 30 * time.Second // Dose.Up and Dose.Down
	maxRepRest  = 2 * time.Minute
	maxSetRest  = 5 * time.Minute
	maxDuration = time.Hour
	maxCue      = 40 // characters: a cue must be spoken within a short move

	noNumber = math.MinInt // a level without a number; no file can give it
)

// Builtin returns Steady's built-in routine, parsed from assets/routine.toml
// the first time it is asked for. It panics if the embedded file is invalid:
// that is a defect of the build, and a test proves it is not so.
func Builtin() *Routine {
	r, err := builtinRoutine()
	if err != nil {
		panic("program: the built-in routine is invalid:\n" + err.Error())
	}
	return r
}

var builtinRoutine = sync.OnceValues(func() (*Routine, error) {
	return ParseRoutine("routine.toml", assets.Routine)
})

// ParseRoutine reads a routine in TOML (see docs/routine-format.md).
// filename is used in problem reports only. It checks everything: unknown
// keys, values of the wrong type, missing or empty fields, values out of
// range, duplicate ids, exercises or poses that do not exist, levels missing,
// out of order or without dose steps, a calm-down level with an exercise not
// safe in a flare, a dose the exercise has no step for. When anything is
// wrong it returns a *RoutineError listing every problem, and no routine.
func ParseRoutine(filename string, data []byte) (*Routine, error) {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		p := Problem{File: filename, Msg: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line, p.Msg = pe.Position.Line, pe.Message
		}
		return nil, &RoutineError{Problems: []Problem{p}}
	}
	d := &decoder{src: source{file: filename, lines: indexLines(string(data)), reported: map[string]bool{}}, langs: map[string]bool{}}
	r := d.routine(raw)
	problems := append(d.problems, validate(r)...)
	problems = append(problems, validateTranslations(r)...)
	if len(problems) > 0 {
		sortProblems(problems)
		return nil, &RoutineError{Problems: problems}
	}
	return r, nil
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int { return a.Line - b.Line })
}

// Exercise returns the exercise with the given id.
func (r *Routine) Exercise(id string) (*Exercise, bool) {
	for _, e := range r.Exercises {
		if e.ID == id {
			return e, true
		}
	}
	return nil, false
}

// Level returns level n.
func (r *Routine) Level(n int) (Level, bool) {
	if n < 0 || n >= len(r.Levels) {
		return Level{}, false
	}
	return r.Levels[n], true
}

// StepsInLevel returns the number of dose steps of level n, 0 for no such
// level. It fits History.StepsInLevel.
func (r *Routine) StepsInLevel(n int) int {
	l, ok := r.Level(n)
	if !ok {
		return 0
	}
	return len(l.Steps)
}

// Plan returns the session of a level's dose step, with getReady before each
// exercise and rest between exercises. In a flare it is level 0's first dose
// step, whatever level and doseStep say: the calm-down level, which holds
// flare-safe exercises only. A level or dose step that does not exist is an
// error; a caller holding a standing from an older routine can bring it into
// range with StepsInLevel.
//
// The plan is a copy: changing it leaves the routine alone.
func (r *Routine) Plan(level, doseStep int, flare bool, getReady, rest time.Duration) (Plan, error) {
	if flare {
		level, doseStep = 0, 0
	}
	l, ok := r.Level(level)
	if !ok {
		return Plan{}, fmt.Errorf("program: routine %q has no level %d", r.Name, level)
	}
	if doseStep < 0 || doseStep >= len(l.Steps) {
		return Plan{}, fmt.Errorf("program: level %d of routine %q has %d dose steps, not %d", level, r.Name, len(l.Steps), doseStep+1)
	}
	return Plan{
		Level:    level,
		DoseStep: doseStep,
		Flare:    flare,
		Items:    cloneItems(l.Steps[doseStep].Items),
		GetReady: getReady,
		Rest:     rest,
	}, nil
}

// MobilityItems returns the routine's mobility work, to add to a session on
// a day Decide allows it (Decision.MobilityAllowed). The items are a copy.
func (r *Routine) MobilityItems() []PlanItem {
	return cloneItems(r.Mobility)
}

func cloneItems(items []PlanItem) []PlanItem {
	out := slices.Clone(items)
	for i := range out {
		out[i].Dose.Sets = slices.Clone(out[i].Dose.Sets)
	}
	return out
}

// ---- decoding ---------------------------------------------------------------

// A decoder turns the generic TOML tree into a Routine, reporting every key it
// does not know and every value of the wrong type. It decodes by hand rather
// than into structs so that one wrong value does not hide the others.
type decoder struct {
	src      source
	problems []Problem
	langs    map[string]bool // the languages of the translation tables read
}

func (d *decoder) errorf(path, format string, args ...any) {
	d.problems = append(d.problems, d.src.problem(path, fmt.Sprintf(format, args...)))
	d.src.reported[path] = true
}

// A table is one TOML table being decoded; path names it as the line index
// does ("level[2].dose[0]").
type table struct {
	d    *decoder
	path string
	m    map[string]any
	seen map[string]bool
}

func (d *decoder) table(path string, m map[string]any) *table {
	return &table{d: d, path: path, m: m, seen: map[string]bool{}}
}

func (t *table) key(k string) string { return joinPath(t.path, k) }

// get returns the value of key k, marking it known.
func (t *table) get(k string) (any, bool) {
	t.seen[k] = true
	v, ok := t.m[k]
	return v, ok
}

// done reports the keys no getter asked for.
func (t *table) done() {
	var unknown []string
	for k := range t.m {
		if !t.seen[k] {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		t.d.errorf(t.key(k), "unknown key %q", k)
	}
}

func (t *table) str(k string) string {
	v, ok := t.get(k)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.d.errorf(t.key(k), "%s must be text in quotes", k)
	}
	return s
}

func (t *table) boolean(k string) bool {
	v, ok := t.get(k)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.d.errorf(t.key(k), "%s must be true or false", k)
	}
	return b
}

// integer returns the whole number of key k, or def when it is absent.
func (t *table) integer(k string, def int) int {
	v, ok := t.get(k)
	if !ok {
		return def
	}
	n, ok := v.(int64)
	if !ok {
		t.d.errorf(t.key(k), "%s must be a whole number", k)
		return def
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		t.d.errorf(t.key(k), "%s %d is far out of range", k, n)
		return def
	}
	return int(n)
}

func (t *table) list(k string) []any {
	v, ok := t.get(k)
	if !ok {
		return nil
	}
	switch l := v.(type) {
	case []any:
		return l
	case []map[string]any:
		out := make([]any, len(l))
		for i := range l {
			out[i] = l[i]
		}
		return out
	}
	t.d.errorf(t.key(k), "%s must be a list in square brackets", k)
	return nil
}

func (t *table) strs(k string) []string {
	var out []string
	for i, v := range t.list(k) {
		s, ok := v.(string)
		if !ok {
			t.d.errorf(indexPath(t.key(k), i), "%s must be a list of texts in quotes", k)
			continue
		}
		out = append(out, s)
	}
	return out
}

// ints returns the numbers of a list, leaving out (and reporting) the ones
// that are not whole numbers or far out of range.
func (t *table) ints(k string) []int {
	var out []int
	for i, v := range t.list(k) {
		n, ok := v.(int64)
		if !ok {
			t.d.errorf(indexPath(t.key(k), i), "%s must be a list of whole numbers, like [5, 3, 1]", k)
			t.d.src.reported[t.key(k)] = true
			continue
		}
		if n < math.MinInt32 || n > math.MaxInt32 {
			t.d.errorf(indexPath(t.key(k), i), "%s: %d is far out of range", k, n)
			t.d.src.reported[t.key(k)] = true
			continue
		}
		out = append(out, int(n))
	}
	return out
}

func (t *table) duration(k string) time.Duration {
	v, ok := t.get(k)
	if !ok {
		return 0
	}
	s, ok := v.(string)
	if !ok {
		t.d.errorf(t.key(k), "%s must be a duration in quotes, like \"10s\" or \"3m\"", k)
		return 0
	}
	dur, err := time.ParseDuration(s)
	if err != nil {
		t.d.errorf(t.key(k), "%s %q is not a duration: write it like \"10s\", \"1m30s\" or \"3m\"", k, s)
		return 0
	}
	return dur
}

// tables returns the tables of an array of tables, e.g. [[exercise]].
func (t *table) tables(k string) []*table {
	var out []*table
	for i, v := range t.list(k) {
		m, ok := v.(map[string]any)
		if !ok {
			t.d.errorf(indexPath(t.key(k), i), "%s must be a list of tables, written [[%s]]", k, k)
			continue
		}
		out = append(out, t.d.table(indexPath(t.key(k), i), m))
	}
	return out
}

// A pendingItem is a plan item whose exercise is resolved once all exercises
// are read.
type pendingItem struct {
	item *PlanItem
	id   string
	path string
}

func (d *decoder) routine(raw map[string]any) *Routine {
	top := d.table("", raw)
	r := &Routine{src: d.src}
	r.Name = top.str("name")
	r.About = top.str("about")
	tr := &translationSet{routine: d.routineTexts(top), langs: d.langs}
	r.tr = tr
	var pending []pendingItem
	for _, et := range top.tables("exercise") {
		r.Exercises = append(r.Exercises, d.exercise(et))
	}
	levels := top.tables("level")
	r.Levels = make([]Level, len(levels))
	for i, lt := range levels {
		l := &r.Levels[i]
		l.Number = lt.integer("number", noNumber)
		l.Name = lt.str("name")
		l.Summary = lt.str("summary")
		l.WalkGoal = lt.str("walk_goal")
		tr.levels = append(tr.levels, d.levelTexts(lt))
		doses := lt.tables("dose")
		l.Steps = make([]DoseStep, len(doses))
		notes := make([]map[string]string, len(doses))
		efforts := make([][]map[string]string, len(doses))
		for j, dt := range doses {
			l.Steps[j].Note = dt.str("note")
			notes[j] = d.oneText(dt, "note")
			items := dt.tables("item")
			l.Steps[j].Items = make([]PlanItem, len(items))
			efforts[j] = make([]map[string]string, len(items))
			for k, it := range items {
				efforts[j][k] = d.oneText(it, "effort")
				pending = append(pending, d.item(it, &l.Steps[j].Items[k]))
			}
			dt.done()
		}
		tr.notes = append(tr.notes, notes)
		tr.efforts = append(tr.efforts, efforts)
		lt.done()
	}
	mobility := top.tables("mobility")
	r.Mobility = make([]PlanItem, len(mobility))
	for k, it := range mobility {
		tr.mobility = append(tr.mobility, d.oneText(it, "effort"))
		pending = append(pending, d.item(it, &r.Mobility[k]))
	}
	top.done()

	for _, p := range pending {
		if p.id == "" {
			continue // validate reports the missing exercise
		}
		e, ok := r.Exercise(p.id)
		if !ok {
			d.errorf(joinPath(p.path, "exercise"), "unknown exercise %q", p.id)
			continue
		}
		p.item.Exercise = e
	}
	return r
}

func (d *decoder) exercise(t *table) *Exercise {
	e := &Exercise{
		ID:        t.str("id"),
		Name:      t.str("name"),
		Position:  t.str("position"),
		Why:       t.str("why"),
		Kind:      Kind(t.str("kind")),
		FlareSafe: t.boolean("flare_safe"),
		StopIf:    t.strs("stop_if"),
	}
	for _, st := range t.tables("step") {
		e.Steps = append(e.Steps, Step{
			Phase:       Phase(st.str("phase")),
			Cue:         st.str("cue"),
			Instruction: st.str("instruction"),
			Poses:       st.strs("poses"),
			Brace:       st.boolean("brace"),
		})
		st.done()
	}
	d.exerciseTexts(t, e)
	t.done()
	return e
}

func (d *decoder) item(t *table, item *PlanItem) pendingItem {
	p := pendingItem{item: item, id: t.str("exercise"), path: t.path}
	item.Dose = Dose{
		Sets:     t.ints("sets"),
		Hold:     t.duration("hold"),
		Up:       t.duration("up"),
		Down:     t.duration("down"),
		Sides:    t.integer("sides", 1),
		RepRest:  t.duration("rep_rest"),
		SetRest:  t.duration("set_rest"),
		Duration: t.duration("duration"),
		Effort:   t.str("effort"),
	}
	t.done()
	return p
}

// ---- validation -------------------------------------------------------------

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validate checks the rules of a routine that types alone cannot: every
// value present and in range, ids unique, poses known, levels complete.
// ParseRoutine calls it; a routine it returns passes it.
func validate(r *Routine) []Problem {
	v := validator{src: r.src, poses: map[string]bool{}}
	for _, name := range PoseNames() {
		v.poses[name] = true
	}
	if r.Name == "" {
		v.errorf("name", "the routine has no name")
	}
	if len(r.Exercises) == 0 {
		v.errorf("", "the routine has no exercises: add some with [[exercise]]")
	}
	first := map[string]string{} // id -> path of the exercise that has it
	for i, e := range r.Exercises {
		path := indexPath("exercise", i)
		if e == nil {
			v.errorf(path, "exercise is missing")
			continue
		}
		if p, dup := first[e.ID]; dup && e.ID != "" {
			v.errorf(joinPath(path, "id"), "duplicate exercise id %q (first at line %d)", e.ID, v.src.line(p))
		} else {
			first[e.ID] = joinPath(path, "id")
		}
		v.exercise(path, e)
	}

	if len(r.Levels) == 0 {
		v.errorf("", "the routine has no levels: add levels 0 to %d with [[level]]", TopLevel)
	}
	for i, l := range r.Levels {
		v.level(indexPath("level", i), i, l)
	}
	if n := len(r.Levels); n > 0 && n <= TopLevel {
		v.errorf("", "the routine has levels 0 to %d; it needs every level from 0 to %d", n-1, TopLevel)
	}
	if len(r.Levels) > TopLevel+1 {
		v.errorf(indexPath("level", TopLevel+1), "too many levels: the routine needs levels 0 to %d and no more", TopLevel)
	}

	for k, item := range r.Mobility {
		path := indexPath("mobility", k)
		v.item(path, item)
		if e := item.Exercise; e != nil && e.Kind != Mobility {
			v.errorf(joinPath(path, "exercise"), "exercise %q is not a mobility exercise (kind %q): [[mobility]] holds kind \"mobility\" only", e.ID, e.Kind)
		}
	}
	return v.problems
}

type validator struct {
	src      source
	poses    map[string]bool
	problems []Problem
}

// errorf reports a problem at path, unless decoding reported one there
// already: a value of the wrong type is not reported again as missing.
func (v *validator) errorf(path, format string, args ...any) {
	if v.src.reported[path] {
		return
	}
	v.problems = append(v.problems, v.src.problem(path, fmt.Sprintf(format, args...)))
}

// need reports an empty required text.
func (v *validator) need(path, key, value string) {
	if strings.TrimSpace(value) == "" {
		v.errorf(joinPath(path, key), "missing %s", key)
	}
}

func (v *validator) exercise(path string, e *Exercise) {
	switch {
	case e.ID == "":
		v.errorf(joinPath(path, "id"), "missing id")
	case !idPattern.MatchString(e.ID):
		v.errorf(joinPath(path, "id"), "id %q must be lower-case letters and digits joined by dashes, like \"side-bridge\"", e.ID)
	}
	v.need(path, "name", e.Name)
	v.need(path, "position", e.Position)
	v.need(path, "why", e.Why)
	switch e.Kind {
	case Stabilise, Walk:
	case Mobility:
		if e.FlareSafe {
			v.errorf(joinPath(path, "flare_safe"), "a mobility exercise cannot be flare_safe: Steady offers no stretching in a flare")
		}
	case "":
		v.errorf(joinPath(path, "kind"), "missing kind: stabilise, walk or mobility")
	default:
		v.errorf(joinPath(path, "kind"), "unknown kind %q: want stabilise, walk or mobility", e.Kind)
	}
	if len(e.StopIf) == 0 {
		v.errorf(joinPath(path, "stop_if"), "missing stop_if: say when to stop, e.g. \"pain or tingling shoots down the leg\"")
	}
	for i, s := range e.StopIf {
		if strings.TrimSpace(s) == "" {
			v.errorf(indexPath(joinPath(path, "stop_if"), i), "empty stop_if note")
		}
	}
	if len(e.Steps) == 0 {
		v.errorf(path, "exercise %q has no steps: add them with [[exercise.step]]", e.ID)
	}
	for j, s := range e.Steps {
		v.step(indexPath(joinPath(path, "step"), j), s)
	}
}

func (v *validator) step(path string, s Step) {
	switch s.Phase {
	case Setup, Move, Hold, Return:
	case "":
		v.errorf(joinPath(path, "phase"), "missing phase: setup, move, hold or return")
	default:
		v.errorf(joinPath(path, "phase"), "unknown phase %q: want setup, move, hold or return", s.Phase)
	}
	v.need(path, "cue", s.Cue)
	if n := len([]rune(s.Cue)); n > maxCue {
		v.errorf(joinPath(path, "cue"), "cue is %d characters; keep it to %d so it is spoken in time (the instruction can say more)", n, maxCue)
	}
	v.need(path, "instruction", s.Instruction)
	if len(s.Poses) == 0 {
		v.errorf(joinPath(path, "poses"), "missing poses: name at least one pose to show")
	}
	for i, p := range s.Poses {
		if !v.poses[p] {
			v.errorf(indexPath(joinPath(path, "poses"), i), "unknown pose %q", p)
		}
	}
}

func (v *validator) level(path string, i int, l Level) {
	switch {
	case l.Number == noNumber:
		v.errorf(joinPath(path, "number"), "missing number: the level's number, 0 to %d", TopLevel)
	case l.Number < 0 || l.Number > TopLevel:
		v.errorf(joinPath(path, "number"), "level number %d out of range 0 to %d", l.Number, TopLevel)
	case l.Number != i:
		v.errorf(joinPath(path, "number"), "level %d is written where level %d belongs: write the levels in order from 0 to %d", l.Number, i, TopLevel)
	}
	v.need(path, "name", l.Name)
	v.need(path, "summary", l.Summary)
	v.need(path, "walk_goal", l.WalkGoal)
	if len(l.Steps) == 0 {
		v.errorf(path, "level %d has no dose steps: add one with [[level.dose]]", l.Number)
	}
	for j, ds := range l.Steps {
		dpath := indexPath(joinPath(path, "dose"), j)
		if len(ds.Items) == 0 {
			v.errorf(dpath, "dose step %d of level %d has no items: add them with [[level.dose.item]]", j+1, l.Number)
		}
		for k, item := range ds.Items {
			ipath := indexPath(joinPath(dpath, "item"), k)
			v.item(ipath, item)
			e := item.Exercise
			switch {
			case e == nil:
			case e.Kind == Mobility:
				v.errorf(joinPath(ipath, "exercise"), "exercise %q is a mobility exercise: list it under [[mobility]], which is offered only on days the tightness comes from inactivity", e.ID)
			case i == 0 && !e.FlareSafe:
				v.errorf(joinPath(ipath, "exercise"), "exercise %q is not flare_safe: level 0 is also the flare level and may hold flare-safe exercises only", e.ID)
			}
		}
	}
}

// item checks a dose against its limits and its exercise's steps.
func (v *validator) item(path string, item PlanItem) {
	e, d := item.Exercise, item.Dose
	if e == nil {
		v.errorf(joinPath(path, "exercise"), "missing exercise: the id of the exercise to do")
		return
	}
	if len(d.Sets) > maxSets {
		v.errorf(joinPath(path, "sets"), "%d sets is too many: at most %d", len(d.Sets), maxSets)
	}
	for i, n := range d.Sets {
		if n < 1 || n > maxReps {
			v.errorf(indexPath(joinPath(path, "sets"), i), "%d reps in a set is out of range 1 to %d", n, maxReps)
		}
	}
	v.span(path, "hold", d.Hold, maxHold)
	v.span(path, "up", d.Up, maxTempo)
	v.span(path, "down", d.Down, maxTempo)
	v.span(path, "rep_rest", d.RepRest, maxRepRest)
	v.span(path, "set_rest", d.SetRest, maxSetRest)
	v.span(path, "duration", d.Duration, maxDuration)
	if d.Sides != 1 && d.Sides != 2 {
		v.errorf(joinPath(path, "sides"), "sides %d: must be 1, or 2 to work each side in turn", d.Sides)
	}

	timed := d.Duration != 0
	shape := ""
	switch {
	case len(d.Sets) > 0 && timed:
		shape = "give either sets or a duration, not both"
	case len(d.Sets) == 0 && !timed:
		shape = "give sets (reps in each set, like [5, 3, 1]) or a duration"
	case e.Kind == Walk && !timed:
		shape = "a walk is timed: give it a duration, like \"5m\""
	}
	if shape != "" {
		// Unless the sets or the duration were wrong, and what is left of
		// them says nothing about the dose.
		if !v.src.reported[joinPath(path, "sets")] && !v.src.reported[joinPath(path, "duration")] {
			v.errorf(path, "%s", shape)
		}
		return
	}
	has := func(ph Phase) bool {
		return slices.ContainsFunc(e.Steps, func(s Step) bool { return s.Phase == ph })
	}
	need := func(key string, ph Phase, what string) {
		if !has(ph) {
			v.errorf(joinPath(path, key), "exercise %q has no %s step, which %s needs", e.ID, ph, what)
		}
	}
	if timed {
		need("duration", Hold, "a timed dose")
		return
	}
	if d.Hold == 0 && d.Up <= 0 && d.Down <= 0 && len(d.Sets) > 0 {
		v.errorf(path, "a rep needs time: give a hold, or up and down times for a moving rep")
	}
	if d.Hold > 0 {
		need("hold", Hold, "a hold")
	}
	if d.Up > 0 || (d.Hold == 0 && len(d.Sets) > 0) {
		need("up", Move, "a moving rep")
	}
	if d.Down > 0 {
		need("down", Return, "a down time")
	}
}

func (v *validator) span(path, key string, d, most time.Duration) {
	if d < 0 || d > most {
		v.errorf(joinPath(path, key), "%s %s is out of range 0s to %s", key, formatDuration(d), formatDuration(most))
	}
}

// formatDuration writes d as an author would: "10s", "2m", "1m30s".
func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// ---- where things were written ----------------------------------------------

// A source knows where each table and key of a routine file was written.
// Paths name them as the decoder walks the file: "exercise[3].step[0].cue",
// "level[2].dose[0].item[1].sets[2]".
type source struct {
	file  string
	lines lineIndex
	// reported holds the paths the decoder found a problem at, so that
	// validate does not report the same value again: a wrong type left
	// empty is not missing too. Nil for a routine built in Go.
	reported map[string]bool
}

func (s source) problem(path, msg string) Problem {
	return Problem{File: s.file, Line: s.line(path), Msg: msg}
}

// line returns the line of path, or of the nearest enclosing table or list
// found in the file, or 0.
func (s source) line(path string) int {
	for path != "" {
		if n, ok := s.lines[path]; ok {
			return n
		}
		path = path[:max(strings.LastIndexAny(path, ".["), 0)]
	}
	return 0
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func indexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// A lineIndex maps the path of each table, key and list element to its line.
type lineIndex map[string]int

// indexLines finds where each table header, key and list element of a TOML
// file starts. It reads TOML as written in practice: headers and keys at the
// start of a line, values that may run over several lines (arrays,
// multi-line strings). Inline tables are indexed as a whole. The file has
// already parsed, so what it cannot place falls back to the enclosing
// table's line.
func indexLines(src string) lineIndex {
	ix := lineIndex{}
	arrays := map[string]int{} // path of an array of tables -> elements so far
	resolve := func(parts []string) string {
		p := ""
		for _, part := range parts {
			p = joinPath(p, part)
			if n := arrays[p]; n > 0 {
				p = indexPath(p, n-1)
			}
		}
		return p
	}

	var (
		table  string // path of the table keys go into
		value  string // path of the key whose value may run over lines
		elems  int    // elements of value's list so far
		list   bool   // value is a list, so its elements are indexed
		expect bool   // the next character starts an element
		depth  int    // open brackets and braces of the value
		multi  string // the closing quotes of a multi-line string in progress
	)
	for n, s := range strings.Split(src, "\n") {
		lineNo := n + 1
		if multi != "" {
			i := strings.Index(s, multi)
			if i < 0 {
				continue
			}
			s, multi = s[i+len(multi):], ""
		} else if depth == 0 {
			t := strings.TrimSpace(s)
			switch {
			case t == "" || t[0] == '#':
				continue
			case strings.HasPrefix(t, "[["):
				end := strings.Index(t, "]]")
				if end < 0 {
					continue
				}
				parts := splitKey(t[2:end])
				if len(parts) == 0 {
					continue
				}
				key := joinPath(resolve(parts[:len(parts)-1]), parts[len(parts)-1])
				table = indexPath(key, arrays[key])
				arrays[key]++
				ix[table] = lineNo
				continue
			case t[0] == '[':
				end := strings.Index(t, "]")
				if end < 0 {
					continue
				}
				table = resolve(splitKey(t[1:end]))
				ix[table] = lineNo
				continue
			}
			eq := keyEnd(t)
			if eq < 0 {
				continue
			}
			parts := splitKey(t[:eq])
			value = table
			for _, p := range parts {
				value = joinPath(value, p)
				if _, ok := ix[value]; !ok {
					ix[value] = lineNo
				}
			}
			ix[value] = lineNo
			s, elems, list, expect = t[eq+1:], 0, false, false
		}
		// Scan the value, or the rest of it.
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == ' ' || c == '\t' || c == '\r' {
				continue
			}
			if c == '#' {
				break
			}
			if expect && depth == 1 && c != ']' && c != ',' {
				ix[indexPath(value, elems)] = lineNo
				elems++
				expect = false
			}
			switch c {
			case '[', '{':
				if depth == 0 && c == '[' {
					list, expect = true, true
				}
				depth++
			case ']', '}':
				depth = max(depth-1, 0)
			case ',':
				expect = list && depth == 1
			case '"', '\'':
				q := string(c)
				if strings.HasPrefix(s[i:], q+q+q) {
					end := strings.Index(s[i+3:], q+q+q)
					if end < 0 {
						multi = q + q + q
						i = len(s)
						continue
					}
					i += 3 + end + 2
					continue
				}
				i = stringEnd(s, i)
			}
		}
	}
	return ix
}

// stringEnd returns the index of the quote closing the one-line string that
// starts at s[i], or the last index of s.
func stringEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && q == '"':
			j++
		case s[j] == q:
			return j
		}
	}
	return len(s) - 1
}

// keyEnd returns the index of the "=" that ends the key at the start of t,
// or -1.
func keyEnd(t string) int {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '=':
			return i
		case '"', '\'':
			i = stringEnd(t, i)
		case '#':
			return -1
		}
	}
	return -1
}

// splitKey splits a dotted key into its parts, without quotes or spaces.
func splitKey(k string) []string {
	var parts []string
	start := 0
	for i := 0; i <= len(k); i++ {
		if i < len(k) && (k[i] == '"' || k[i] == '\'') {
			i = stringEnd(k, i)
			continue
		}
		if i == len(k) || k[i] == '.' {
			p := strings.TrimSpace(k[start:i])
			if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
				p = p[1 : len(p)-1]
			}
			parts = append(parts, p)
			start = i + 1
		}
	}
	return parts
}
