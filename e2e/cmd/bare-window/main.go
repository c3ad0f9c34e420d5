// Command bare-window is the yardstick for Steady's start-up, memory and
// processor time figures: a Fyne window with one label, built from the same
// Fyne version with the same flags, titled like Steady so the same harness
// finds it, and opened at Steady's default size, since under software GL the
// window's buffers cost time and memory in proportion to its area.
//
// With -animate it also shows a moving picture the size of Steady's session
// figure, redrawn as often as the figure is: what any animation of that size
// and rate costs in this toolkit, against which the session screen's
// processor time can be read.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	animate := flag.Duration("animate", 0, "redraw a moving picture this often (0: no picture)")
	picture := flag.String("picture", "", "the moving picture's size in pixels, WxH: the session figure's, as steady-bench measures it (needed with -animate)")
	flag.Parse()
	var pw, ph int
	if *animate > 0 {
		if _, err := fmt.Sscanf(*picture, "%dx%d", &pw, &ph); err != nil || pw <= 0 || ph <= 0 {
			fmt.Fprintf(os.Stderr, "bare-window: -animate needs -picture WxH, got %q\n", *picture)
			os.Exit(2)
		}
	}
	a := app.NewWithID("io.github.steady.bare-window")
	w := a.NewWindow("Steady")
	content := fyne.CanvasObject(widget.NewLabel("A bare window"))
	if *animate > 0 {
		picture := movingPicture(*animate)
		// The picture's size is given in pixels; the toolkit sizes in units,
		// which are pixels times the window's scale.
		a.Lifecycle().SetOnStarted(func() {
			s := w.Canvas().Scale()
			picture.SetMinSize(fyne.NewSize(float32(pw)/s, float32(ph)/s))
			w.Content().Refresh()
		})
		content = container.NewCenter(picture)
	}
	w.SetContent(content)
	w.Resize(fyne.NewSize(1100, 760)) // Steady's default window size
	w.ShowAndRun()
}

// movingPicture is a picture of a bar that sweeps across it, redrawn every
// interval.
func movingPicture(interval time.Duration) *canvas.Raster {
	start := time.Now()
	raster := canvas.NewRaster(func(w, h int) image.Image {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		x := int(time.Since(start)/(10*time.Millisecond)) % max(1, w)
		for y := range h {
			for dx := range min(40, w-x) {
				img.Set(x+dx, y, color.White)
			}
		}
		return img
	})
	go func() {
		for range time.Tick(interval) {
			fyne.Do(raster.Refresh)
		}
	}()
	return raster
}
