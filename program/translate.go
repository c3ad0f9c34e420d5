package program

// Translations of a routine: a routine file may give, beside each English
// text, the same text in German, Spanish and French (docs/routine-format.md,
// "Translations"). English is the source; what a translation leaves out
// stays English. Routine.In returns the routine in one language.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// English is the language a routine is written in.
const English = "en"

// Languages are the languages a routine may be translated into, besides
// English, by their ISO 639-1 codes.
var Languages = []string{"de", "es", "fr"}

// exerciseText is an exercise's words in one language; "" or nil leaves the
// English.
type exerciseText struct {
	Name, Position, Why string
	StopIf              []string // one per English note, in order
	Cues, Instructions  []string // one per step, in order
}

// levelText is a level's words in one language.
type levelText struct {
	Name, Summary, WalkGoal string
}

// routineText is the routine's own words in one language.
type routineText struct {
	Name, About string
}

// A translationSet holds a routine's translations, apart from the routine so
// that a localised copy can share them.
type translationSet struct {
	langs     map[string]bool // every language the file has a translation table for
	routine   map[string]routineText
	levels    []map[string]levelText  // by level index
	notes     [][]map[string]string   // by level, dose step
	efforts   [][][]map[string]string // by level, dose step, item
	mobility  []map[string]string     // efforts of the mobility items
	mu        sync.Mutex              // guards localised
	localised map[string]*Routine     // by language, made once each
}

// Translated lists the languages the routine has any translation for, in
// the order of Languages.
func (r *Routine) Translated() []string {
	t := r.translations()
	if t == nil {
		return nil
	}
	var out []string
	for _, lang := range Languages {
		if t.has(lang) {
			out = append(out, lang)
		}
	}
	return out
}

func (t *translationSet) has(lang string) bool { return t.langs[lang] }

// translations returns the routine's translations, those of the routine it
// was localised from for a localised copy; nil for a routine built in Go.
func (r *Routine) translations() *translationSet {
	if r.source != nil {
		return r.source.tr
	}
	return r.tr
}

// In returns the routine in language lang ("en", "de", "es" or "fr"): every
// text the routine translates into lang in that language, every other text
// in English. Ids, doses and poses are the same, so the journal and the
// progression rules see no difference. In("en"), or a language the routine
// has no word of, returns the English routine itself.
//
// The localised routine is made once per language and shared; like any
// parsed routine, do not modify it. Its items' exercises are its own
// localised exercises.
func (r *Routine) In(lang string) *Routine {
	src := r
	if r.source != nil {
		src = r.source
	}
	t := src.tr
	if lang == English || t == nil || !t.has(lang) {
		return src
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if l, ok := t.localised[lang]; ok {
		return l
	}
	l := &Routine{Name: src.Name, About: src.About, src: src.src, source: src}
	if rt, ok := t.routine[lang]; ok {
		l.Name = or(rt.Name, l.Name)
		l.About = or(rt.About, l.About)
	}
	local := map[*Exercise]*Exercise{}
	for _, e := range src.Exercises {
		le := e.In(lang)
		local[e] = le
		l.Exercises = append(l.Exercises, le)
	}
	item := func(it PlanItem, efforts map[string]string) PlanItem {
		if le, ok := local[it.Exercise]; ok {
			it.Exercise = le
		}
		it.Dose.Sets = slices.Clone(it.Dose.Sets)
		it.Dose.Effort = or(efforts[lang], it.Dose.Effort)
		return it
	}
	l.Levels = make([]Level, len(src.Levels))
	for i, lv := range src.Levels {
		ll := lv
		if i < len(t.levels) {
			if lt, ok := t.levels[i][lang]; ok {
				ll.Name = or(lt.Name, ll.Name)
				ll.Summary = or(lt.Summary, ll.Summary)
				ll.WalkGoal = or(lt.WalkGoal, ll.WalkGoal)
			}
		}
		ll.Steps = make([]DoseStep, len(lv.Steps))
		for j, ds := range lv.Steps {
			ll.Steps[j].Note = or(t.notes[i][j][lang], ds.Note)
			ll.Steps[j].Items = make([]PlanItem, len(ds.Items))
			for k, it := range ds.Items {
				ll.Steps[j].Items[k] = item(it, t.efforts[i][j][k])
			}
		}
		l.Levels[i] = ll
	}
	l.Mobility = make([]PlanItem, len(src.Mobility))
	for k, it := range src.Mobility {
		l.Mobility[k] = item(it, t.mobility[k])
	}
	if t.localised == nil {
		t.localised = map[string]*Routine{}
	}
	t.localised[lang] = l
	return l
}

// In returns the exercise in language lang: a copy with the name, position,
// reason, safety notes, cues and instructions the routine translates, and
// English for the rest. It returns e itself for English or when the
// exercise has no translation into lang.
func (e *Exercise) In(lang string) *Exercise {
	tx, ok := e.texts[lang]
	if !ok {
		return e
	}
	c := *e
	c.Name = or(tx.Name, e.Name)
	c.Position = or(tx.Position, e.Position)
	c.Why = or(tx.Why, e.Why)
	if len(tx.StopIf) == len(e.StopIf) {
		c.StopIf = slices.Clone(tx.StopIf)
	}
	c.Steps = slices.Clone(e.Steps)
	for i := range c.Steps {
		if len(tx.Cues) == len(e.Steps) {
			c.Steps[i].Cue = tx.Cues[i]
		}
		if len(tx.Instructions) == len(e.Steps) {
			c.Steps[i].Instruction = tx.Instructions[i]
		}
	}
	return &c
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// ---- decoding ---------------------------------------------------------------

// translationTables returns the translation tables of t, by language:
// t.translation.de and so on. It reports a language Steady does not know.
func (t *table) translationTables() map[string]*table {
	v, ok := t.get("translation")
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.d.errorf(t.key("translation"), "translation must be a table, written [%s.translation.de]", t.path)
		return nil
	}
	out := map[string]*table{}
	for lang, v := range m {
		path := joinPath(t.key("translation"), lang)
		if !slices.Contains(Languages, lang) {
			t.d.errorf(path, "unknown language %q: a translation is into %s (English is the source)", lang, strings.Join(Languages, ", "))
			continue
		}
		lt, ok := v.(map[string]any)
		if !ok {
			t.d.errorf(path, "translation.%s must be a table of texts", lang)
			continue
		}
		out[lang] = t.d.table(path, lt)
		t.d.langs[lang] = true
	}
	return out
}

// text returns the translated text of key k, or "" when it is absent; an
// empty translation is an error, not a way to leave the English.
func (t *table) text(k string) string {
	v, ok := t.m[k]
	s := t.str(k)
	if ok && s == "" {
		if _, isStr := v.(string); isStr {
			t.d.errorf(t.key(k), "empty %s: leave the key out to keep the English", k)
		}
	}
	return s
}

// texts returns a translated list that must have one text per English one.
func (t *table) texts(k string, want int, what string) []string {
	if _, ok := t.m[k]; !ok {
		t.get(k)
		return nil
	}
	l := t.strs(k)
	if t.d.src.reported[t.key(k)] {
		return nil
	}
	for i, s := range l {
		if strings.TrimSpace(s) == "" {
			t.d.errorf(indexPath(t.key(k), i), "empty text in %s: translate it, or leave %s out to keep the English", k, k)
		}
	}
	if len(l) != want {
		t.d.errorf(t.key(k), "%s has %s for %s: a translation gives one for each, in order", k, count(len(l), "text"), count(want, "English "+what))
		return nil
	}
	return l
}

// count says "1 step", "3 steps".
func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func (d *decoder) routineTexts(t *table) map[string]routineText {
	out := map[string]routineText{}
	for lang, lt := range t.translationTables() {
		out[lang] = routineText{Name: lt.text("name"), About: lt.text("about")}
		lt.done()
	}
	return out
}

func (d *decoder) exerciseTexts(t *table, e *Exercise) {
	for lang, lt := range t.translationTables() {
		if e.texts == nil {
			e.texts = map[string]exerciseText{}
		}
		e.texts[lang] = exerciseText{
			Name:         lt.text("name"),
			Position:     lt.text("position"),
			Why:          lt.text("why"),
			StopIf:       lt.texts("stop_if", len(e.StopIf), "stop_if note"),
			Cues:         lt.texts("cues", len(e.Steps), "step"),
			Instructions: lt.texts("instructions", len(e.Steps), "step"),
		}
		lt.done()
	}
}

func (d *decoder) levelTexts(t *table) map[string]levelText {
	out := map[string]levelText{}
	for lang, lt := range t.translationTables() {
		out[lang] = levelText{Name: lt.text("name"), Summary: lt.text("summary"), WalkGoal: lt.text("walk_goal")}
		lt.done()
	}
	return out
}

// oneText reads translation tables holding the single key k (a dose step's
// note, an item's effort).
func (d *decoder) oneText(t *table, k string) map[string]string {
	out := map[string]string{}
	for lang, lt := range t.translationTables() {
		out[lang] = lt.text(k)
		lt.done()
	}
	return out
}

// ---- validation -------------------------------------------------------------

// numberPattern finds the numbers of a text: a translation must keep them
// ("5 out of 10" is "5 von 10"), as they are doses and limits.
var numberPattern = regexp.MustCompile(`[0-9]+`)

// validateTranslations checks each translation against its English text:
// a translation of a text the English does not have, different numbers, a
// cue too long to be spoken in time.
func validateTranslations(r *Routine) []Problem {
	t := r.tr
	if t == nil {
		return nil
	}
	v := validator{src: r.src}
	for _, lang := range Languages {
		base := "translation." + lang
		if rt, ok := t.routine[lang]; ok {
			v.same(joinPath(base, "name"), r.Name, rt.Name, "the routine's name")
			v.same(joinPath(base, "about"), r.About, rt.About, "about")
		}
		for i, e := range r.Exercises {
			tx, ok := e.texts[lang]
			if !ok {
				continue
			}
			path := joinPath(indexPath("exercise", i), "translation."+lang)
			v.same(joinPath(path, "name"), e.Name, tx.Name, "name")
			v.same(joinPath(path, "position"), e.Position, tx.Position, "position")
			v.same(joinPath(path, "why"), e.Why, tx.Why, "why")
			for j := range tx.StopIf {
				v.same(indexPath(joinPath(path, "stop_if"), j), e.StopIf[j], tx.StopIf[j], "stop_if note")
			}
			for j, cue := range tx.Cues {
				p := indexPath(joinPath(path, "cues"), j)
				v.same(p, e.Steps[j].Cue, cue, "cue")
				if n := len([]rune(cue)); n > maxCue {
					v.errorf(p, "cue %q is %d characters; keep it to %d so it is spoken in time", cue, n, maxCue)
				}
			}
			for j, in := range tx.Instructions {
				v.same(indexPath(joinPath(path, "instructions"), j), e.Steps[j].Instruction, in, "instruction")
			}
		}
		for i, l := range r.Levels {
			path := indexPath("level", i)
			if i < len(t.levels) {
				if lt, ok := t.levels[i][lang]; ok {
					p := joinPath(path, "translation."+lang)
					v.same(joinPath(p, "name"), l.Name, lt.Name, "name")
					v.same(joinPath(p, "summary"), l.Summary, lt.Summary, "summary")
					v.same(joinPath(p, "walk_goal"), l.WalkGoal, lt.WalkGoal, "walk_goal")
				}
			}
			for j, ds := range l.Steps {
				dpath := indexPath(joinPath(path, "dose"), j)
				if s, ok := t.notes[i][j][lang]; ok {
					v.same(joinPath(dpath, "translation."+lang+".note"), ds.Note, s, "note")
				}
				for k, it := range ds.Items {
					if s, ok := t.efforts[i][j][k][lang]; ok {
						v.same(joinPath(indexPath(joinPath(dpath, "item"), k), "translation."+lang+".effort"), it.Dose.Effort, s, "effort")
					}
				}
			}
		}
		for k, it := range r.Mobility {
			if s, ok := t.mobility[k][lang]; ok {
				v.same(joinPath(indexPath("mobility", k), "translation."+lang+".effort"), it.Dose.Effort, s, "effort")
			}
		}
	}
	return v.problems
}

// same checks that a translation fits its English text: there is English to
// translate, and the numbers are the same, in any order.
func (v *validator) same(path, english, translated, what string) {
	if translated == "" {
		return // left out, or reported empty when decoded
	}
	if strings.TrimSpace(english) == "" {
		v.errorf(path, "a translation of the %s, but the English has none", what)
		return
	}
	en, tr := numberPattern.FindAllString(english, -1), numberPattern.FindAllString(translated, -1)
	slices.Sort(en)
	slices.Sort(tr)
	if !slices.Equal(en, tr) {
		v.errorf(path, "the translated %s has other numbers than the English: %s, not %s",
			what, numberList(tr), numberList(en))
	}
}

func numberList(ns []string) string {
	if len(ns) == 0 {
		return "none"
	}
	return strings.Join(ns, ", ")
}
