package gui

import (
	"errors"
	"fmt"
	"slices"
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
func themeLabels() []struct{ label, value string } {
	return []struct{ label, value string }{
		{locale.L("Follow the system"), themeSystem},
		{locale.L("Light"), themeLight},
		{locale.L("Dark"), themeDark},
	}
}

func (u *UI) settingsScreen() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		card(locale.L("Safety questions"), "", u.safetySettings()),
		card(locale.L("Appearance"), "", u.appearanceSettings()),
		card(locale.L("Sound"), locale.L("Cues during a session"), u.soundSettings()),
		card(locale.L("Session"), "", u.sessionSettings()),
		card(locale.L("Reminder"), locale.L("A desktop notification while Steady is running"), u.reminderSettings()),
	)))
}

// safetySettings offers the red-flag questions again at any time
// (CLINICAL.md §7.6): after new numbness or weakness, or once a clinician
// has seen a warning sign.
func (u *UI) safetySettings() fyne.CanvasObject {
	text := widget.NewLabel(locale.L("If anything has changed — new numbness or weakness, changes in bladder or bowel " +
		"control — or a clinician has seen a warning sign you ticked, answer the questions again."))
	text.Wrapping = fyne.TextWrapWord
	again := &widget.Button{Text: locale.L("Answer the safety questions again"), OnTapped: u.rescreen}
	return container.NewVBox(text, container.NewHBox(again))
}

func (u *UI) appearanceSettings() fyne.CanvasObject {
	choices := themeLabels()
	labels := make([]string, len(choices))
	selected := choices[0].label
	for i, t := range choices {
		labels[i] = t.label
		if t.value == u.theme.variant {
			selected = t.label
		}
	}
	larger := widget.NewCheck(locale.L("Larger text"), nil)
	larger.Checked = u.theme.largerText
	look := widget.NewRadioGroup(labels, nil)
	look.Required = true
	look.Selected = selected

	apply := func() {
		value := themeSystem
		for _, t := range choices {
			if t.label == look.Selected {
				value = t.value
			}
		}
		u.setTheme(value, larger.Checked)
	}
	look.OnChanged = func(string) { apply() }
	larger.OnChanged = func(bool) { apply() }
	return widget.NewForm(
		widget.NewFormItem(locale.L("Theme"), look),
		widget.NewFormItem(locale.L("Text"), larger),
		widget.NewFormItem(locale.L("Language"), u.languageSetting()),
	)
}

// languageSetting chooses the language, stored under PrefLanguage: the
// system's, or one of locale.Supported, each named in itself. main reads it
// when Steady starts, so it takes effect then, as the hint says.
func (u *UI) languageSetting() fyne.CanvasObject {
	p := u.app.Preferences()
	system := locale.L("Follow the system")
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
			hint.SetText(locale.L("Steady speaks the new language from its next start."))
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
func (u *UI) prefCheck(label, key string, fallback bool, apply func(bool)) fyne.CanvasObject {
	p := u.app.Preferences()
	on := p.BoolWithFallback(key, fallback)
	s := newStatement(label, on, func(on bool) {
		p.SetBool(key, on)
		if apply != nil {
			apply(on)
		}
	})
	if apply != nil {
		apply(on)
	}
	return s.row()
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
		widget.NewFormItem(locale.L("Voice"), u.prefCheck(locale.L("Speak the exercise names and cues"), prefVoice, true, s.SetVoice)),
		widget.NewFormItem(locale.L("Tones"), u.prefCheck(locale.L("Play tones at the start and end of each hold"), prefTones, true, s.SetTones)),
		widget.NewFormItem(locale.L("Ticks"), u.prefCheck(locale.L("Tick during the last seconds of a countdown"), prefTicks, true, s.SetTicks)),
		widget.NewFormItem(locale.L("Volume"), container.NewBorder(nil, nil, nil, volumeLabel, volume)),
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
		labels[i] = locale.L("{{.Seconds}} seconds", locale.Args{"Seconds": c})
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
		widget.NewFormItem(locale.L("Get ready"), u.secondsSelect(prefGetReady, getReadyChoices, defaultGetReady)),
		widget.NewFormItem(locale.L("Rest between exercises"), u.secondsSelect(prefRest, restChoices, defaultRest)),
	)
}

func (u *UI) reminderSettings() fyne.CanvasObject {
	p := u.app.Preferences()
	at := widget.NewEntry()
	at.SetText(p.StringWithFallback(prefReminderTime, defaultReminderTime))
	at.Validator = func(s string) error {
		if _, err := time.Parse("15:04", s); err != nil {
			return errors.New(locale.L("use 24-hour time, like 07:30"))
		}
		return nil
	}
	at.OnChanged = func(s string) {
		if at.Validator(s) == nil {
			p.SetString(prefReminderTime, s)
		}
	}
	on := u.prefCheck(locale.L("Remind me to do today's session"), prefReminder, false, nil)
	return widget.NewForm(
		widget.NewFormItem("", on),
		widget.NewFormItem(locale.L("At"), at),
	)
}
