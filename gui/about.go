package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/locale"
)

// notAClinician is said wherever Steady gives exercise advice.
func notAClinician() string {
	return locale.L("Steady is not a substitute for a clinician. It does not diagnose " +
		"and cannot examine you. If your pain is new, severe or changing, or you are unsure " +
		"whether exercise is right for you, see a doctor or physiotherapist.")
}

// aboutApproach is how Steady works and what the evidence says, in
// Markdown.
func aboutApproach() string {
	return locale.L(`**What Steady does.** The idea Steady follows: when the low back is irritated, the ` +
		`muscles around it tighten to protect it, like a brace, and stretching them during a flare ` +
		`works against that brace. ` +
		`So Steady *stabilises instead of stretching*: it trains the muscles around the spine to ` +
		`hold it steady, encourages gentle walking, and builds movement back up level by level, ` +
		`guided by how your pain responds. Stretching is offered only when tightness comes from ` +
		`sitting still, never during a flare.

**What the evidence says.** Exercise helps chronic low back pain a modest amount ` +
		`(Hayden et al., Cochrane review, 2021). Stabilisation exercise helps more than minimal ` +
		`care but not more than other exercise (Saragiotto et al., Cochrane review, 2016). ` +
		`The curl-up, side bridge and bird dog train the trunk while loading the spine lightly ` +
		`(McGill, 1998). A programme of gradually increasing walking nearly doubled the time ` +
		`before the next flare (WalkBack trial, Lancet 2024). UK guidance recommends exercise, ` +
		`self-management and staying active (NICE NG59).

**What is adapted.** Doses (holds of 10 seconds in a 5-3-1 pattern) are practitioners' ` +
		`convention, not a trial result. The traffic-light rules that decide when to move on are ` +
		`adapted from a pain-monitoring model tested in Achilles tendon rehabilitation ` +
		`(Silbernagel et al., 2007), not in back pain. Its safety rules — easing off when leg ` +
		`symptoms spread, suggesting a clinician when severe pain persists, holding the level while ` +
		`pain creeps up, re-asking the safety questions after new numbness or weakness — are ` +
		`conservative practice, not trial results. The walking goal follows the WalkBack trial's ` +
		`build-up towards 30 minutes on 5 days a week.`)
}

func (u *UI) aboutScreen() fyne.CanvasObject {
	icon := newIcon(96)

	title := widget.NewLabelWithStyle("Steady", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	version := widget.NewLabel(locale.L("Version {{.Version}}", locale.Args{"Version": u.opt.Version}))
	tagline := widget.NewLabel(locale.L("A stabilisation-first exercise companion for low back pain and sciatica."))
	tagline.Wrapping = fyne.TextWrapWord

	warning := widget.NewRichTextFromMarkdown("**" + notAClinician() + "**")
	warning.Wrapping = fyne.TextWrapWord
	approach := widget.NewRichTextFromMarkdown(aboutApproach())
	approach.Wrapping = fyne.TextWrapWord

	data := widget.NewLabel(locale.L("Your journal is kept only on this computer, in {{.Folder}}. "+
		"Steady has no account and never connects to the internet.", locale.Args{"Folder": u.opt.DataDir}))
	data.Wrapping = fyne.TextWrapWord
	translated := widget.NewLabel(locale.L("The German, Spanish and French translations were written by the Steady team. " +
		"Corrections are welcome: docs/TRANSLATING.md in Steady's source says how to make one."))
	translated.Wrapping = fyne.TextWrapWord

	head := container.NewBorder(nil, nil, icon, nil, container.NewVBox(title, version, tagline))
	body := container.NewVBox(head, widget.NewSeparator(),
		widget.NewCard("", "", warning), approach, widget.NewSeparator(), data, translated)
	return container.NewVScroll(container.NewPadded(body))
}
