package e2e

import "testing"

// The yardstick's picture takes the figure's last reported size, and a run
// where the figure said nothing is an error, not a guess.
func TestLastFigureSize(t *testing.T) {
	out := "Fyne error: something\nfigure: 240x160 px, drawn each frame 240x160 px\nother line\nfigure: 603x394 px, drawn each frame 230x381 px\n"
	var use CPUUse
	if err := lastFigureSize(out, &use); err != nil || use.FigureW != 603 || use.FigureH != 394 || use.DrawnW != 230 || use.DrawnH != 381 {
		t.Errorf("lastFigureSize = %+v, %v; want 603x394 drawing 230x381", use, err)
	}
	if err := lastFigureSize("Fyne error: something\n", &use); err == nil {
		t.Error("no figure line gave no error")
	}
}
