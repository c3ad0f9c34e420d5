// Command bare-window is the yardstick for Steady's start-up and memory
// figures: the smallest Fyne window, built from the same Fyne version with
// the same flags, titled like Steady so the same harness finds it.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.steady.bare-window")
	w := a.NewWindow("Steady")
	w.SetContent(widget.NewLabel("A bare window"))
	w.ShowAndRun()
}
