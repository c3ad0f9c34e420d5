package figure

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"steady/program"
)

var update = flag.Bool("update", false, "rewrite docs/figures/contact-sheet.png")

// sampleExercises are the exercises of the routine table, step by step, as
// the figures show them.
func sampleExercises() []*program.Exercise {
	ex := func(id, name string, steps ...program.Step) *program.Exercise {
		return &program.Exercise{ID: id, Name: name, Steps: steps, StopIf: []string{"pain shoots down the leg"}}
	}
	st := func(ph program.Phase, cue string, brace bool, poses ...string) program.Step {
		return program.Step{Phase: ph, Cue: cue, Instruction: cue + ".", Poses: poses, Brace: brace}
	}
	return []*program.Exercise{
		ex("breathing-brace", "Breathing with a gentle brace",
			st(program.Setup, "Lie on your back", false, "hooklying"),
			st(program.Hold, "Brace and breathe", true, "hooklying")),
		ex("heel-slide", "Heel slide",
			st(program.Setup, "Lie on your back", false, "hooklying"),
			st(program.Move, "Slide the heel out", true, "hooklying", "heel-slide-out"),
			st(program.Return, "Slide it back", true, "heel-slide-out", "hooklying")),
		ex("curl-up", "Curl-up",
			st(program.Setup, "One knee bent", false, "curl-up-start"),
			st(program.Move, "Lift head and shoulders", true, "curl-up-start", "curl-up-lifted"),
			st(program.Hold, "Hold", true, "curl-up-lifted")),
		ex("curl-up-elbows", "Curl-up, elbows lifted",
			st(program.Move, "Lift", true, "curl-up-elbows-start", "curl-up-elbows-lifted")),
		ex("side-bridge-knees", "Side bridge from the knees",
			st(program.Setup, "On your side", false, "side-bridge-knees-down"),
			st(program.Move, "Lift the hips", true, "side-bridge-knees-down", "side-bridge-knees-up"),
			st(program.Hold, "Hold", true, "side-bridge-knees-up")),
		ex("side-bridge-feet", "Side bridge from the feet",
			st(program.Move, "Lift the hips", true, "side-bridge-feet-down", "side-bridge-feet-up")),
		ex("side-bridge-roll", "Side-bridge roll",
			st(program.Move, "Roll", true, "side-bridge-feet-up", "plank")),
		ex("bird-dog", "Bird dog",
			st(program.Setup, "Hands and knees", false, "bird-dog-start"),
			st(program.Move, "Reach arm and leg", true, "bird-dog-start", "bird-dog-arm-leg"),
			st(program.Hold, "Hold", true, "bird-dog-arm-leg")),
		ex("bird-dog-arm", "Bird dog, arm", st(program.Move, "Reach the arm", true, "bird-dog-start", "bird-dog-arm")),
		ex("bird-dog-leg", "Bird dog, leg", st(program.Move, "Reach the leg", true, "bird-dog-start", "bird-dog-leg")),
		ex("bird-dog-squares", "Bird dog squares", st(program.Move, "Elbow to knee", true, "bird-dog-arm-leg", "bird-dog-tuck")),
		ex("glute-bridge", "Glute bridge", st(program.Move, "Lift the hips", true, "hooklying", "bridge-up")),
		ex("dead-bug", "Dead bug",
			st(program.Setup, "Arms and knees up", false, "dead-bug-start"),
			st(program.Move, "Lower arm and leg", true, "dead-bug-start", "dead-bug-arm-leg")),
		ex("hip-hinge", "Hip hinge with a stick", st(program.Move, "Hinge", true, "hinge-upright", "hinge-bent")),
		ex("suitcase-carry", "Suitcase carry", st(program.Hold, "Walk tall", true, "carry-a", "carry-b")),
		ex("split-squat", "Split squat", st(program.Move, "Lower", true, "split-squat-up", "split-squat-down")),
		ex("sit-to-stand", "Sit to stand", st(program.Move, "Stand up", true, "sitting", "sit-lean", "stand-by-chair")),
		ex("walk", "Walk", st(program.Hold, "Walk", false, "walking-a", "walking-b")),
	}
}

func TestWriteFigures(t *testing.T) {
	dir := t.TempDir()
	exs := sampleExercises()
	if err := WriteFigures(dir, exs); err != nil {
		t.Fatal(err)
	}
	for _, e := range exs {
		for i := range e.Steps {
			name := StillName(e, i)
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if got, want := img.Bounds().Size(), image.Pt(stillWidth, stillHeight); got != want {
				t.Errorf("%s: size %v, want %v", name, got, want)
			}
		}
	}
	if got, want := StillName(exs[2], 1), "curl-up-2.png"; got != want {
		t.Errorf("StillName: got %q, want %q", got, want)
	}
}

func TestRenderStepErrors(t *testing.T) {
	e := &program.Exercise{ID: "x", Steps: []program.Step{{Poses: []string{"no-such-pose"}}, {}}}
	for _, c := range []struct {
		name string
		step int
	}{{"unknown pose", 0}, {"no poses", 1}, {"no such step", 2}} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := RenderStep(e, c.step, 64, 40, Light()); err == nil {
				t.Error("got no error, want one")
			}
		})
	}
}

func TestRenderStepGhostsAndArrows(t *testing.T) {
	e := sampleExercises()[7] // bird dog
	st := Light()
	count := func(img *image.RGBA, c color.Color) int {
		want := color.RGBAModel.Convert(c).(color.RGBA)
		n := 0
		for i := 0; i < len(img.Pix); i += 4 {
			if img.Pix[i] == want.R && img.Pix[i+1] == want.G && img.Pix[i+2] == want.B {
				n++
			}
		}
		return n
	}
	bridge := sampleExercises()[11] // glute bridge: the lying start shows below the lifted hips
	for _, c := range []struct {
		name   string
		e      *program.Exercise
		step   int
		colour color.Color
		want   bool
	}{
		{"no arrow on a setup step", e, 0, st.Arrow, false},
		{"arrow on a move step", e, 1, st.Arrow, true},
		{"no arrow on a hold step", e, 2, st.Arrow, false},
		{"no brace band on an unbraced step", e, 0, st.Brace, false},
		{"brace band on a braced step", e, 1, st.Brace, true},
		{"no ghost of a one-pose step", e, 2, st.Ghost, false},
		{"ghost of the start pose", bridge, 0, st.Ghost, true},
		{"figure", e, 0, st.Figure, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			img, err := RenderStep(c.e, c.step, 320, 200, st)
			if err != nil {
				t.Fatal(err)
			}
			if got := count(img, c.colour) > 0; got != c.want {
				t.Errorf("got drawn %v, want %v", got, c.want)
			}
		})
	}
}

func TestWriteSheet(t *testing.T) {
	exs := sampleExercises()
	plan := program.Plan{Level: 3, Items: []program.PlanItem{
		{Exercise: exs[2], Dose: program.Dose{Sets: []int{6, 4, 2}, Hold: 10 * time.Second}},
		{Exercise: exs[4], Dose: program.Dose{Sets: []int{6, 4, 2}, Hold: 10 * time.Second, Sides: 2}},
	}}
	var buf bytes.Buffer
	if err := WriteSheet(&buf, plan); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{
		"level 3", "Curl-up", "Side bridge from the knees", "reps 6-4-2, hold 10 s each, each side",
		"not a substitute for a", "pain shoots down the leg", "Lift head and shoulders",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("sheet: missing %q", want)
		}
	}
	if got, want := strings.Count(html, "data:image/png;base64,"), len(exs[2].Steps)+len(exs[4].Steps); got != want {
		t.Errorf("inline figures: got %d, want %d", got, want)
	}
}

func TestDoseText(t *testing.T) {
	for _, c := range []struct {
		name string
		d    program.Dose
		want string
	}{
		{"pyramid of holds", program.Dose{Sets: []int{5, 3, 1}, Hold: 10 * time.Second}, "reps 5-3-1, hold 10 s each"},
		{"sets each side", program.Dose{Sets: []int{8, 8}, Sides: 2}, "2 sets of 8, each side"},
		{"timed walk", program.Dose{Duration: 15 * time.Minute}, "15 min"},
		{"effort", program.Dose{Sets: []int{5}, Hold: 10 * time.Second, Effort: "about a quarter of full effort"}, "reps 5, hold 10 s each, about a quarter of full effort"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := DoseText(c.d); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestContactSheet checks docs/figures/contact-sheet.png shows every step of
// the built-in routine as drawn now; go test -run ContactSheet -update
// rewrites it.
func TestContactSheet(t *testing.T) {
	got, err := contactSheet(program.Builtin().Exercises)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "docs", "figures", "contact-sheet.png")
	if *update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, got); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != got.Bounds() {
		t.Fatalf("size: got %v, want %v (run with -update)", got.Bounds(), want.Bounds())
	}
	w := image.NewRGBA(want.Bounds())
	draw.Draw(w, w.Bounds(), want, want.Bounds().Min, draw.Src)
	if !bytes.Equal(w.Pix, got.Pix) {
		t.Fatal("the figures differ from the committed contact sheet (run with -update and look at it)")
	}
}

// contactSheet lays out every step of the exercises in a labelled grid.
func contactSheet(exs []*program.Exercise) (*image.RGBA, error) {
	const cw, ch, label, cols = 320, 200, 22, 5
	n := 0
	for _, e := range exs {
		n += len(e.Steps)
	}
	rows := (n + cols - 1) / cols
	sheet := image.NewRGBA(image.Rect(0, 0, cols*cw, rows*(ch+label)))
	draw.Draw(sheet, sheet.Bounds(), image.White, image.Point{}, draw.Src)
	ttf, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(ttf, &opentype.FaceOptions{Size: 13, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	k := 0
	for _, e := range exs {
		for i, s := range e.Steps {
			img, err := RenderStep(e, i, cw-4, ch-4, Light())
			if err != nil {
				return nil, err
			}
			x, y := (k%cols)*cw, (k/cols)*(ch+label)
			draw.Draw(sheet, image.Rect(x+2, y+2, x+cw-2, y+ch-2), img, image.Point{}, draw.Src)
			d := font.Drawer{Dst: sheet, Src: image.Black, Face: face, Dot: fixed.P(x+6, y+ch+14)}
			d.DrawString(strings.TrimSuffix(StillName(e, i), ".png") + " (" + string(s.Phase) + "): " + s.Cue)
			k++
		}
	}
	return sheet, nil
}
