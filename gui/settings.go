package gui

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"steady/locale"
)

// soundControls are the sound settings the Settings screen changes; the
// audio player provides them.
type soundControls interface {
	SetVoice(on bool)
	SetTones(on bool)
	SetTicks(on bool)
	SetVolume(v float64)
}

// themeLabels maps the appearance choices shown to the stored values.
var themeLabels = []struct{ label, value string }{
	{"Follow the system", themeSystem},
	{"Light", themeLight},
	{"Dark", themeDark},
}

func (u *UI) settingsScreen() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		widget.NewCard("Safety questions", "", u.safetySettings()),
		widget.NewCard("Appearance", "", u.appearanceSettings()),
		widget.NewCard("Sound", "Cues during a session", u.soundSettings()),
		widget.NewCard("Session", "", u.sessionSettings()),
		widget.NewCard("Reminder", "A desktop notification while Steady is running", u.reminderSettings()),
	)))
}

// safetySettings offers the red-flag questions again at any time
// (CLINICAL.md §7.6): after new numbness or weakness, or once a clinician
// has seen a warning sign.
func (u *UI) safetySettings() fyne.CanvasObject {
	text := widget.NewLabel("If anything has changed — new numbness or weakness, changes in bladder or bowel " +
		"control — or a clinician has seen a warning sign you ticked, answer the questions again.")
	text.Wrapping = fyne.TextWrapWord
	again := &widget.Button{Text: "Answer the safety questions again", OnTapped: u.rescreen}
	return container.NewVBox(text, container.NewHBox(again))
}

func (u *UI) appearanceSettings() fyne.CanvasObject {
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
	return widget.NewForm(
		widget.NewFormItem("Theme", look),
		widget.NewFormItem("Text", larger),
		widget.NewFormItem("Language", u.languageSetting()),
	)
}

// languageSetting chooses the language, stored under PrefLanguage: the
// system's, or one of locale.Supported, each named in itself. main reads it
// when Steady starts, so it takes effect then, as the hint says.
func (u *UI) languageSetting() fyne.CanvasObject {
	p := u.app.Preferences()
	const system = "Follow the system"
	labels := []string{system}
	codes := []string{""}
	for _, l := range locale.Supported() {
		labels = append(labels, l.Name)
		codes = append(codes, l.Code)
	}
	hint := widget.NewLabel("")
	hint.Wrapping = fyne.TextWrapWord
	chosen := p.String(PrefLanguage)
	sel := widget.NewSelect(labels, func(label string) {
		code := codes[slices.Index(labels, label)]
		p.SetString(PrefLanguage, code)
		if code != chosen {
			hint.SetText("Steady speaks the new language from its next start.")
		} else {
			hint.SetText("")
		}
	})
	if i := slices.Index(codes, chosen); i >= 0 {
		sel.Selected = labels[i]
	} else {
		sel.Selected = system
	}
	return container.NewVBox(sel, hint)
}

// prefCheck is a check box bound to a boolean preference; apply, when not
// nil, is told of the value now and on every change.
func (u *UI) prefCheck(label, key string, fallback bool, apply func(bool)) *widget.Check {
	p := u.app.Preferences()
	c := widget.NewCheck(label, func(on bool) {
		p.SetBool(key, on)
		if apply != nil {
			apply(on)
		}
	})
	c.Checked = p.BoolWithFallback(key, fallback)
	if apply != nil {
		apply(c.Checked)
	}
	return c
}

func (u *UI) soundSettings() fyne.CanvasObject {
	s := u.sound()
	p := u.app.Preferences()
	volume := widget.NewSlider(0, 100)
	volume.Step = 5
	volume.Value = 100 * p.FloatWithFallback(prefVolume, defaultVolume)
	volumeLabel := widget.NewLabel("")
	showVolume := func(v float64) {
		volumeLabel.SetText(fmt.Sprintf("%.0f %%", v))
		p.SetFloat(prefVolume, v/100)
		s.SetVolume(v / 100)
	}
	volume.OnChanged = showVolume
	showVolume(volume.Value)

	form := widget.NewForm(
		widget.NewFormItem("Voice", u.prefCheck("Speak the exercise names and cues", prefVoice, true, s.SetVoice)),
		widget.NewFormItem("Tones", u.prefCheck("Play tones at the start and end of each hold", prefTones, true, s.SetTones)),
		widget.NewFormItem("Ticks", u.prefCheck("Tick during the last seconds of a countdown", prefTicks, true, s.SetTicks)),
		widget.NewFormItem("Volume", container.NewBorder(nil, nil, nil, volumeLabel, volume)),
	)
	if u.soundProblem != "" {
		problem := widget.NewLabel(u.soundProblem)
		problem.Wrapping = fyne.TextWrapWord
		return container.NewVBox(problem, form)
	}
	return form
}

// secondsSelect is a choice of durations bound to an integer preference.
func (u *UI) secondsSelect(key string, choices []int, fallback int) *widget.Select {
	p := u.app.Preferences()
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = strconv.Itoa(c) + " seconds"
	}
	sel := widget.NewSelect(labels, func(s string) {
		for i, l := range labels {
			if l == s {
				p.SetInt(key, choices[i])
			}
		}
	})
	current := p.IntWithFallback(key, fallback)
	for i, c := range choices {
		if c == current {
			sel.Selected = labels[i]
		}
	}
	return sel
}

func (u *UI) sessionSettings() fyne.CanvasObject {
	return widget.NewForm(
		widget.NewFormItem("Get ready", u.secondsSelect(prefGetReady, getReadyChoices, defaultGetReady)),
		widget.NewFormItem("Rest between exercises", u.secondsSelect(prefRest, restChoices, defaultRest)),
	)
}

func (u *UI) reminderSettings() fyne.CanvasObject {
	p := u.app.Preferences()
	at := widget.NewEntry()
	at.SetText(p.StringWithFallback(prefReminderTime, defaultReminderTime))
	at.Validator = func(s string) error {
		if _, err := time.Parse("15:04", s); err != nil {
			return fmt.Errorf("use 24-hour time, like 07:30")
		}
		return nil
	}
	at.OnChanged = func(s string) {
		if at.Validator(s) == nil {
			p.SetString(prefReminderTime, s)
		}
	}
	on := u.prefCheck("Remind me to do today's session", prefReminder, false, nil)
	return widget.NewForm(
		widget.NewFormItem("", on),
		widget.NewFormItem("At", at),
	)
}
