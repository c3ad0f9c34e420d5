package e2e

import "testing"

// The yardstick's picture takes the figure's last reported size, and a run
// where the figure said nothing is an error, not a guess.
func TestLastFigureSize(t *testing.T) {
	out := "Fyne error: something\nfigure: 240x160 px\nother line\nfigure: 603x394 px\n"
	w, h, err := lastFigureSize(out)
	if err != nil || w != 603 || h != 394 {
		t.Errorf("lastFigureSize = %d, %d, %v; want 603, 394, nil", w, h, err)
	}
	if _, _, err := lastFigureSize("Fyne error: something\n"); err == nil {
		t.Error("no figure line gave no error")
	}
}
