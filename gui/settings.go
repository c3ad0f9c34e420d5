package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// themeLabels maps the appearance choices shown to the stored values.
var themeLabels = []struct{ label, value string }{
	{"Follow the system", themeSystem},
	{"Light", themeLight},
	{"Dark", themeDark},
}

func (u *UI) settingsScreen() fyne.CanvasObject {
	labels := make([]string, len(themeLabels))
	selected := themeLabels[0].label
	for i, t := range themeLabels {
		labels[i] = t.label
		if t.value == u.theme.variant {
			selected = t.label
		}
	}
	larger := widget.NewCheck("Larger text", nil)
	larger.Checked = u.theme.largerText
	look := widget.NewRadioGroup(labels, nil)
	look.Required = true
	look.Selected = selected

	apply := func() {
		value := themeSystem
		for _, t := range themeLabels {
			if t.label == look.Selected {
				value = t.value
			}
		}
		u.setTheme(value, larger.Checked)
	}
	look.OnChanged = func(string) { apply() }
	larger.OnChanged = func(bool) { apply() }

	appearance := widget.NewForm(
		widget.NewFormItem("Theme", look),
		widget.NewFormItem("Text", larger),
	)
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		widget.NewCard("Appearance", "", appearance),
	)))
}
