package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func (u *UI) journalScreen() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Journal", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	return container.NewPadded(container.NewVBox(title, widget.NewLabel("No entries yet.")))
}
