package program

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// bridgeGerman translates part of testRoutine's bridge exercise: line 32,
// the blank line after its step, becomes these lines.
const bridgeGerman = `[exercise.translation.de]
name = "Beckenheben"
cues = ["Hüfte anheben"]`

func TestRoutineIn(t *testing.T) {
	r, err := ParseRoutine("r.toml", []byte(edited(map[int]string{32: bridgeGerman}, "")))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Translated(); !slices.Equal(got, []string{"de"}) {
		t.Errorf("Translated: got %v, want [de]", got)
	}
	de := r.In("de")
	if de == r {
		t.Fatal("In(de) returned the English routine")
	}
	if de.In("de") != de || r.In("de") != de {
		t.Error("In(de) made a second German routine; want the one made first")
	}
	if de.In("en") != r || r.In("en") != r {
		t.Error("In(en) is not the English routine")
	}
	if r.In("fr") != r || r.In("xx") != r {
		t.Error("a language with no translation gives other than the English routine")
	}

	bridge, _ := de.Exercise("bridge")
	if bridge.Name != "Beckenheben" || bridge.Steps[0].Cue != "Hüfte anheben" {
		t.Errorf("German bridge: got name %q, cue %q; want the translations", bridge.Name, bridge.Steps[0].Cue)
	}
	// What the translation leaves out stays English.
	if bridge.Position != "on your back" || bridge.Steps[0].Instruction != "Lift the hips." || bridge.StopIf[0] != "pain shoots down the leg" {
		t.Errorf("German bridge: got position %q, instruction %q, stop_if %q; want the English", bridge.Position, bridge.Steps[0].Instruction, bridge.StopIf[0])
	}
	if walk, _ := de.Exercise("walk"); walk.Name != "Walk" {
		t.Errorf("German walk: got %q, want the English name, untranslated", walk.Name)
	}
	// The English routine is untouched, and ids and doses are shared.
	if en, _ := r.Exercise("bridge"); en.Name != "Bridge" || en.Steps[0].Cue != "Lift" {
		t.Errorf("English bridge changed: %q, %q", en.Name, en.Steps[0].Cue)
	}
	plan, err := de.Plan(3, 0, false, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if e := plan.Items[0].Exercise; e != bridge || e.ID != "bridge" {
		t.Errorf("German plan: got exercise %q (%p), want the German bridge (%p)", e.Name, e, bridge)
	}
	if got := plan.Items[0].Dose.Sets; !slices.Equal(got, []int{8}) {
		t.Errorf("German plan: got sets %v, want [8]", got)
	}
}

var translationProblems = []struct {
	name  string
	edits map[int]string
	want  []string
}{
	{"unknown language", map[int]string{32: "[exercise.translation.nl]\nname = \"Brug\""},
		[]string{`r.toml:32: unknown language "nl": a translation is into de, es, fr (English is the source)`}},
	{"more cues than steps", map[int]string{32: "[exercise.translation.de]\ncues = [\"Heben\", \"Halten\"]"},
		[]string{`r.toml:33: cues has 2 texts for 1 English step: a translation gives one for each, in order`}},
	{"fewer stop_if notes", map[int]string{10: `stop_if = ["pain shoots down the leg", "it hurts"]`, 17: "[exercise.translation.es]\nstop_if = [\"el dolor baja por la pierna\"]"},
		[]string{`r.toml:18: stop_if has 1 text for 2 English stop_if notes: a translation gives one for each, in order`}},
	{"empty text", map[int]string{32: "[exercise.translation.fr]\nname = \"\""},
		[]string{`r.toml:33: empty name: leave the key out to keep the English`}},
	{"empty cue", map[int]string{32: "[exercise.translation.fr]\ncues = [\" \"]"},
		[]string{`r.toml:33: empty text in cues: translate it, or leave cues out to keep the English`}},
	{"other numbers", map[int]string{32: "[exercise.translation.de]\nstop_if = [\"der Schmerz steigt über 5 von 10\"]"},
		[]string{`r.toml:33: the translated stop_if note has other numbers than the English: 10, 5, not none`}},
	{"long cue", map[int]string{32: "[exercise.translation.de]\ncues = [\"Die Hüfte langsam anheben, bis der Körper gerade ist\"]"},
		[]string{`r.toml:33: cue "Die Hüfte langsam anheben, bis der Körper gerade ist" is 52 characters; keep it to 40 so it is spoken in time`}},
	{"unknown key", map[int]string{32: "[exercise.translation.de]\ncue = \"Heben\""},
		[]string{`r.toml:33: unknown key "cue"`}},
	{"a note the English has not", map[int]string{48: "[[level.dose]]\n[level.dose.translation.de]\nnote = \"Mehr.\""},
		[]string{`r.toml:50: a translation of the note, but the English has none`}},
	{"level and effort", map[int]string{47: "walk_goal = \"Walk 10 minutes.\"\n[level.translation.es]\nwalk_goal = \"Camina 15 minutos.\"",
		52: "up = \"2s\"\neffort = \"light\"\n[level.dose.item.translation.fr]\neffort = \"\""},
		[]string{`r.toml:49: the translated walk_goal has other numbers than the English: 15, not 10`,
			`r.toml:57: empty effort: leave the key out to keep the English`}},
	{"translation not a table", map[int]string{32: "[exercise.translation]\nde = \"Beckenheben\""},
		[]string{`r.toml:33: translation.de must be a table of texts`}},
}

func TestTranslationProblems(t *testing.T) {
	for _, c := range translationProblems {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseRoutine("r.toml", []byte(edited(c.edits, "")))
			var re *RoutineError
			if !errors.As(err, &re) {
				t.Fatalf("got %v, want a *RoutineError", err)
			}
			var got []string
			for _, p := range re.Problems {
				got = append(got, p.String())
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got problems\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}

// TestBuiltinTranslations checks the built-in routine is translated in full
// into every language: each text of each exercise, level, dose step and
// item has a translation, so no English is left in a German session.
func TestBuiltinTranslations(t *testing.T) {
	r := Builtin()
	if got := r.Translated(); !slices.Equal(got, Languages) {
		t.Fatalf("Translated: got %v, want %v", got, Languages)
	}
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			tr := r.tr
			if rt := tr.routine[lang]; rt.About == "" {
				t.Error("about is not translated")
			}
			for _, e := range r.Exercises {
				tx, ok := e.texts[lang]
				switch {
				case !ok:
					t.Errorf("%s: no translation", e.ID)
					continue
				case tx.Name == "" || tx.Position == "" || tx.Why == "":
					t.Errorf("%s: name, position or why not translated", e.ID)
				case len(tx.StopIf) != len(e.StopIf) || len(tx.Cues) != len(e.Steps) || len(tx.Instructions) != len(e.Steps):
					t.Errorf("%s: stop_if, cues or instructions not translated", e.ID)
				}
				local := e.In(lang)
				if local.ID != e.ID || len(local.Steps) != len(e.Steps) {
					t.Errorf("%s: In(%s) changed the id or the steps", e.ID, lang)
				}
				for i, s := range local.Steps {
					if s.Phase != e.Steps[i].Phase || !slices.Equal(s.Poses, e.Steps[i].Poses) {
						t.Errorf("%s step %d: In(%s) changed the phase or poses", e.ID, i, lang)
					}
				}
			}
			for i, l := range r.Levels {
				if lt := tr.levels[i][lang]; lt.Name == "" || lt.Summary == "" || lt.WalkGoal == "" {
					t.Errorf("level %d: not translated", i)
				}
				for j, ds := range l.Steps {
					if ds.Note != "" && tr.notes[i][j][lang] == "" {
						t.Errorf("level %d dose step %d: note not translated", i, j+1)
					}
					for k, it := range ds.Items {
						if it.Dose.Effort != "" && tr.efforts[i][j][k][lang] == "" {
							t.Errorf("level %d dose step %d item %d: effort not translated", i, j+1, k+1)
						}
					}
				}
			}
			local := r.In(lang)
			for i, l := range local.Levels {
				for j, ds := range l.Steps {
					for _, it := range ds.Items {
						if e, _ := local.Exercise(it.Exercise.ID); e != it.Exercise {
							t.Errorf("level %d dose step %d: item %s is not the routine's own %s exercise", i, j+1, it.Exercise.ID, lang)
						}
					}
				}
			}
		})
	}
}
