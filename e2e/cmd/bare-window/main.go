// Command bare-window is the yardstick for Steady's start-up and memory
// figures: a Fyne window with one label, built from the same Fyne version with
// the same flags, titled like Steady so the same harness finds it, and opened
// at Steady's default size, since under software GL the window's buffers cost
// time and memory in proportion to its area.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.steady.bare-window")
	w := a.NewWindow("Steady")
	w.SetContent(widget.NewLabel("A bare window"))
	w.Resize(fyne.NewSize(1100, 760)) // Steady's default window size
	w.ShowAndRun()
}
