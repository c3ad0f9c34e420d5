package journalview

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestScaleKeys(t *testing.T) {
	for _, tc := range []struct {
		name  string
		start int
		keys  []any // rune, fyne.KeyName or time.Duration (clock advance)
		want  int
	}{
		{"digit", NoValue, []any{'7'}, 7},
		{"zero", 5, []any{'0'}, 0},
		{"one then zero is ten", NoValue, []any{'1', '0'}, 10},
		{"one, pause, zero is zero", NoValue, []any{'1', 2 * time.Second, '0'}, 0},
		{"ten then zero is zero", NoValue, []any{'1', '0', '0'}, 0},
		{"later digit replaces", 3, []any{'4', '6'}, 6},
		{"right steps up", 4, []any{fyne.KeyRight}, 5},
		{"left stops at zero", 0, []any{fyne.KeyLeft}, 0},
		{"right stops at ten", 10, []any{fyne.KeyRight}, 10},
		{"arrow from nothing is zero", NoValue, []any{fyne.KeyRight}, 0},
		{"end", 2, []any{fyne.KeyEnd}, 10},
		{"home", 8, []any{fyne.KeyHome}, 0},
		{"plus and minus", 5, []any{'+', '+', '-'}, 6},
		{"letters ignored", 5, []any{'a', 'x'}, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			now := testNow
			var got []int
			s := NewScale("no pain", "worst imaginable", func(v int) { got = append(got, v) })
			s.now = func() time.Time { return now }
			s.SetValue(tc.start)
			w := test.NewTempWindow(t, s)
			w.Canvas().Focus(s)
			for _, k := range tc.keys {
				switch k := k.(type) {
				case rune:
					test.Type(s, string(k))
				case fyne.KeyName:
					s.TypedKey(&fyne.KeyEvent{Name: k})
				case time.Duration:
					now = now.Add(k)
				}
			}
			if s.Value() != tc.want {
				t.Errorf("got value %d, want %d", s.Value(), tc.want)
			}
			if tc.want != tc.start && (len(got) == 0 || got[len(got)-1] != tc.want) {
				t.Errorf("OnChanged got %v, want it to end with %d", got, tc.want)
			}
		})
	}
}

func TestScaleTapChoosesCell(t *testing.T) {
	test.NewTempApp(t)
	var got int = NoValue
	s := NewScale("none", "as tight as it gets", func(v int) { got = v })
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(600, 100))
	s.Resize(fyne.NewSize(560, 60))
	cw := cellWidth(560)
	for _, want := range []int{0, 3, 10} {
		x := float32(want)*(cw+cellGap) + cw/2
		test.TapAt(s, fyne.NewPos(x, 10))
		if got != want || s.Value() != want {
			t.Errorf("tap on cell %d: got OnChanged %d, Value %d", want, got, s.Value())
		}
	}
	if !s.focused {
		t.Error("a tapped scale should take the keyboard focus")
	}
}

func TestScaleEnterSubmits(t *testing.T) {
	test.NewTempApp(t)
	submitted := 0
	s := NewScale("no pain", "worst imaginable", nil)
	s.OnSubmit = func() { submitted++ }
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if submitted != 1 {
		t.Errorf("got %d submits after Enter, want 1", submitted)
	}
}

func TestScaleLooks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(variantTheme{tc.variant})
			back := NewScale("no pain", "worst imaginable", nil)
			back.SetValue(6)
			tight := NewScale("none", "as tight as it gets", nil)
			w := test.NewTempWindow(t, container.NewVBox(back, tight))
			w.Resize(fyne.NewSize(620, 150))
			w.Canvas().Focus(tight)
			test.AssertImageMatches(t, "scale_"+tc.name+".png", w.Canvas().Capture())
		})
	}
}
