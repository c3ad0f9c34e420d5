package figure

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"steady/locale"
	"steady/program"
)

// The size of a still figure in files and on the sheet.
const (
	stillWidth  = 640
	stillHeight = 400
)

// RenderStep draws step i (from 0) of the exercise as a still image of the
// given size: its last key pose, with the earlier key poses faint behind it
// and arrows for the movement of a Move or Return step. Every step of an
// exercise is drawn to the same frame.
func RenderStep(e *program.Exercise, i, w, h int, st Style) (*image.RGBA, error) {
	if i < 0 || i >= len(e.Steps) {
		return nil, fmt.Errorf("figure: exercise %s has no step %d", e.ID, i+1)
	}
	s := e.Steps[i]
	if len(s.Poses) == 0 {
		return nil, fmt.Errorf("figure: exercise %s step %d: no poses", e.ID, i+1)
	}
	poses := make([]program.Pose, len(s.Poses))
	for k, n := range s.Poses {
		p, ok := program.LookupPose(n)
		if !ok {
			return nil, fmt.Errorf("figure: exercise %s step %d: no pose %q", e.ID, i+1, n)
		}
		poses[k] = p
	}
	last := poses[len(poses)-1]
	st.Braced = s.Brace
	st.Ghosts = poses[:len(poses)-1]
	if len(poses) > 1 && (s.Phase == program.Move || s.Phase == program.Return) {
		st.Arrows = Arrows(poses[0], last)
	}
	st.Frame = ExerciseFrame(e).Union(FrameOf(poses...)).withArrows(st.Arrows)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	Draw(img, last, st)
	return img, nil
}

// StillName returns the file name of step i (from 0) of the exercise:
// <exercise-id>-<step-number>.png, numbered from 1.
func StillName(e *program.Exercise, i int) string {
	return fmt.Sprintf("%s-%d.png", e.ID, i+1)
}

// WriteFigures writes one PNG per step of each exercise into dir (created if
// needed), named by StillName, in the light style.
func WriteFigures(dir string, exercises []*program.Exercise) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("figure: write stills: %w", err)
	}
	for _, e := range exercises {
		for i := range e.Steps {
			img, err := RenderStep(e, i, stillWidth, stillHeight, Light())
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				return fmt.Errorf("figure: encode %s: %w", StillName(e, i), err)
			}
			path := filepath.Join(dir, StillName(e, i))
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("figure: write stills: %w", err)
			}
		}
	}
	return nil
}

// WriteSheet writes a printable HTML routine sheet for a session plan: for
// each exercise its figures, steps, dose and when to stop.
func WriteSheet(w io.Writer, plan program.Plan) error {
	data := sheetData{Lang: locale.Current().Lang(), Level: plan.Level}
	for _, it := range plan.Items {
		e := it.Exercise
		ex := sheetExercise{
			Name: e.Name, Position: e.Position, Why: e.Why,
			Dose: DoseText(it.Dose), StopIf: e.StopIf,
		}
		for i, s := range e.Steps {
			img, err := RenderStep(e, i, stillWidth/2, stillHeight/2, Light())
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				return fmt.Errorf("figure: encode %s: %w", StillName(e, i), err)
			}
			ex.Steps = append(ex.Steps, sheetStep{
				Image:       template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())),
				Cue:         s.Cue,
				Instruction: s.Instruction,
				Alt:         locale.L("{{.Exercise}}, step {{.Step}}: {{.Cue}}", locale.Args{"Exercise": e.Name, "Step": i + 1, "Cue": s.Cue}),
			})
		}
		data.Exercises = append(data.Exercises, ex)
	}
	if err := sheetTemplate.Execute(w, data); err != nil {
		return fmt.Errorf("figure: write sheet: %w", err)
	}
	return nil
}

// DoseText says a dose in words: "reps 5-3-1, hold 10 s each, each side".
func DoseText(d program.Dose) string {
	var parts []string
	if d.Duration > 0 {
		parts = append(parts, duration(d.Duration))
	}
	if len(d.Sets) > 0 {
		reps := make([]string, len(d.Sets))
		for i, n := range d.Sets {
			reps[i] = fmt.Sprint(n)
		}
		if len(d.Sets) > 1 && allSame(d.Sets) {
			parts = append(parts, locale.L("{{.Sets}} sets of {{.Reps}}", locale.Args{"Sets": len(d.Sets), "Reps": d.Sets[0]}))
		} else {
			parts = append(parts, locale.L("reps {{.Reps}}", locale.Args{"Reps": strings.Join(reps, "-")}))
		}
	}
	if d.Hold > 0 {
		parts = append(parts, locale.L("hold {{.Duration}} each", locale.Args{"Duration": duration(d.Hold)}))
	}
	if d.Sides == 2 {
		parts = append(parts, locale.L("each side"))
	}
	if d.Effort != "" {
		parts = append(parts, d.Effort)
	}
	return strings.Join(parts, ", ")
}

func allSame(xs []int) bool {
	for _, x := range xs {
		if x != xs[0] {
			return false
		}
	}
	return true
}

func duration(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return locale.L("{{.Minutes}} min", locale.Args{"Minutes": int(d / time.Minute)})
	}
	return locale.L("{{.Seconds}} s", locale.Args{"Seconds": locale.Current().Number(d.Seconds(), 1)})
}

type sheetData struct {
	Lang      string // the language the sheet is written in
	Level     int
	Exercises []sheetExercise
}

type sheetExercise struct {
	Name, Position, Why, Dose string
	StopIf                    []string
	Steps                     []sheetStep
}

type sheetStep struct {
	Image            template.URL
	Cue, Instruction string
	Alt              string
}

// sheetL is the sheet template's L: the message in the user's language,
// its inputs given as name, value pairs ({{L "Dose: {{.Dose}}" "Dose" .Dose}}).
func sheetL(msg string, kv ...any) string {
	data := locale.Args{}
	for i := 0; i+1 < len(kv); i += 2 {
		name, _ := kv[i].(string)
		data[name] = kv[i+1]
	}
	return locale.L(msg, data)
}

var sheetTemplate = template.Must(template.New("sheet").Funcs(template.FuncMap{"L": sheetL}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{L "Steady: routine sheet, level {{.Level}}" "Level" .Level}}</title>
<style>
body { font-family: sans-serif; max-width: 60em; margin: 1.5em auto; color: #222; }
h1 { font-size: 1.6em; }
.note { border: 2px solid #c62828; padding: 0.6em 1em; border-radius: 6px; }
section { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #bbb; margin-top: 1.2em; }
.steps { display: flex; flex-wrap: wrap; gap: 0.8em; }
figure { margin: 0; width: 320px; }
figure img { width: 320px; height: 200px; border: 1px solid #ddd; }
figcaption b { display: block; }
.dose { font-weight: bold; }
.stop { color: #8e0000; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>{{L "Steady: your routine, level {{.Level}}" "Level" .Level}}</h1>
<p class="note">{{L "This sheet helps you remember your exercises. It is not a substitute for a clinician: if something feels wrong, or pain or tingling spreads down a leg, stop and get advice from a doctor or physiotherapist."}}</p>
{{range .Exercises}}<section>
<h2>{{.Name}}</h2>
<p>{{if .Position}}<i>{{L "Start: {{.Position}}." "Position" .Position}}</i> {{end}}{{.Why}}</p>
<p class="dose">{{L "Dose: {{.Dose}}" "Dose" .Dose}}</p>
<div class="steps">{{range $i, $s := .Steps}}
<figure><img src="{{$s.Image}}" alt="{{$s.Alt}}"><figcaption><b>{{$s.Cue}}</b>{{$s.Instruction}}</figcaption></figure>{{end}}
</div>
{{if .StopIf}}<p class="stop">{{L "Stop if:"}}</p><ul class="stop">{{range .StopIf}}<li>{{.}}</li>{{end}}</ul>{{end}}
</section>
{{end}}</body>
</html>
`))
