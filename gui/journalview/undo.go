package journalview

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/locale"
)

// undoFor is how long the offer to undo a deletion stays up.
const undoFor = 10 * time.Second

// undoBar offers to undo the last deletion for a few seconds.
type undoBar struct {
	message *widget.Label
	undo    *widget.Button
	content *fyne.Container
	action  func()
	bg      *canvas.Rectangle
	timer   *time.Timer
	shown   int // counts offers, so an old timer leaves a newer one alone
}

func newUndoBar() *undoBar {
	b := &undoBar{message: &widget.Label{Wrapping: fyne.TextWrapWord}}
	b.undo = &widget.Button{Text: locale.L("Undo  (Ctrl+Z)"), Icon: theme.ContentUndoIcon(), Importance: widget.HighImportance, OnTapped: b.doUndo}
	dismiss := &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: b.hide}
	b.bg = canvas.NewRectangle(nil)
	b.content = container.NewStack(b.bg, container.NewBorder(nil, nil,
		widget.NewIcon(theme.DeleteIcon()), container.NewHBox(b.undo, dismiss), b.message))
	b.content.Hide()
	return b
}

// offer shows message with an Undo button that calls undo, for d.
func (b *undoBar) offer(message string, undo func(), d time.Duration) {
	b.shown++
	n := b.shown
	b.action = undo
	b.message.SetText(message)
	b.bg.FillColor = theme.Color(theme.ColorNameHover) // the theme may have changed
	b.bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	b.content.Show()
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(d, func() {
		fyne.Do(func() {
			if b.shown == n {
				b.hide()
			}
		})
	})
}

func (b *undoBar) doUndo() {
	action := b.action
	b.hide()
	if action != nil {
		action()
	}
}

func (b *undoBar) hide() {
	b.action = nil
	if b.timer != nil {
		b.timer.Stop()
	}
	b.content.Hide()
}
