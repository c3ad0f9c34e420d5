package gui

import (
	"bytes"
	"image"
	"image/png"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"steady/assets"
)

// iconImage is Steady's icon, decoded once. An image shown from the PNG
// resource itself is decoded again each time it is refreshed, which laying
// out the welcome does several times over: 3 ms and a megabyte each.
var iconImage = sync.OnceValue(func() image.Image {
	img, err := png.Decode(bytes.NewReader(assets.Icon))
	if err != nil {
		fyne.LogError("Steady's icon", err)
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	}
	return img
})

// newIcon is Steady's icon, shown size units square.
func newIcon(size float32) *canvas.Image {
	icon := canvas.NewImageFromImage(iconImage())
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(size, size))
	return icon
}
