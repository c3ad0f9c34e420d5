package gui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/coach/session"
	"steady/gui/figure"
	"steady/gui/journalview"
	"steady/gui/keys"
	"steady/locale"
	"steady/program"
)

// cuePlayer is the part of the sound output a session uses. *audio.Player is
// one; it stays silent when there is no sound device.
type cuePlayer = session.Sound

// sessionResult is what a finished session hands the window.
type sessionResult = session.Result

// painReasonCount is how many causes "what happened?" offers to tick,
// besides "Something else".
const painReasonCount = 4

// painReasons are the answers to "what happened?" after "Stop — it hurts",
// besides "Something else", in the user's language.
func painReasons() [painReasonCount]struct {
	text  string
	cause program.StopCause
} {
	return [...]struct {
		text  string
		cause program.StopCause
	}{
		{locale.L("Pain shooting down the leg"), program.StopLegPain},
		{locale.L("New numbness or tingling"), program.StopNumbness},
		{locale.L("New weakness"), program.StopWeakness},
		{locale.L("Pain in the back became sharp or too much"), program.StopBackPain},
	}
}

// A legAnswer and a feltAnswer are the choices of two ratings: the words
// shown, which the radio group also reports, and what they mean.
type (
	legAnswer struct {
		text   string
		spread program.LegSpread
	}
	feltAnswer struct {
		text string
		felt program.Felt
	}
)

// legAnswers and feltAnswers are the choices of two ratings, in the order
// shown, in the user's language.
func legAnswers() []legAnswer {
	return []legAnswer{
		{locale.L("No"), program.SpreadNone},
		{locale.L("Yes, settled within 30 min"), program.SpreadSettled},
		{locale.L("Yes, and it stayed"), program.SpreadStayed},
	}
}

func feltAnswers() []feltAnswer {
	return []feltAnswer{
		{locale.L("Easy"), program.FeltEasy},
		{locale.L("OK"), program.FeltOK},
		{locale.L("Hard"), program.FeltHard},
	}
}

// questionWords names a rating still to give.
func questionWords(q session.Question) string {
	switch q {
	case session.AskMaxPain:
		return locale.L("highest pain")
	case session.AskPainAfter:
		return locale.L("pain now")
	case session.AskLegSpread:
		return locale.L("leg symptoms")
	}
	return locale.L("how it felt")
}

// sessionView is the follow-along session screen: the figure doing the
// exercise, a large countdown, counters and what comes next, readable from
// the floor. It draws a session.Follow and forwards the user's input to it.
// Every control has a key that works whatever has focus. "Stop — it hurts"
// is always there. After the session come what happened, when the user
// stopped for pain, and a short ratings form; onFinish gets the result.
//
// Its methods run on Fyne's goroutine; the Follow's callbacks reach it
// through fyne.Do.
type sessionView struct {
	win      fyne.Window
	follow   *session.Follow
	onFinish func(sessionResult)

	// What is drawn; touched on Fyne's goroutine only.
	shownIndex  int
	shownGen    uint64
	shownPaused bool
	shownFill   int                 // the progress bar's filled width in pixels, -1 before it is set
	redrawNext  []fyne.CanvasObject // to redraw with the figure's next frame
	figureEx    *program.Exercise   // the exercise the figure is framed for
	prevKey     func(*fyne.KeyEvent)
	keysTaken   bool

	// The three parts of the screen, made once: following along, what
	// happened after "Stop — it hurts", and the ratings.
	root    *container.ThemeOverride
	theme   *sessionTheme // the root's, a step smaller in a narrow window
	running *fyne.Container
	pain    *painForm
	rate    *ratingsForm

	figure       *figure.Figure
	name         *widget.Label
	instruction  *widget.Label
	ring         *ring
	counters     *widget.Label
	next         *widget.Label
	progress     *widget.ProgressBar
	progressText *widget.Label
	hurt         *keyButton
	pauseButton  *control
	controls     *container.ThemeOverride
	confirm      *fyne.Container          // "End the session?" and confirmRow
	confirmRow   *container.ThemeOverride // keep going, end
}

// newSessionView builds the session screen for plan, timed by clock, with
// sound. onFinish is called once, on Fyne's goroutine, when the user saves
// the ratings. Show content() in win, then call start.
func newSessionView(win fyne.Window, plan program.Plan, clock program.Clock, sound cuePlayer, onFinish func(sessionResult)) *sessionView {
	s := &sessionView{win: win, follow: session.New(plan, clock, sound), onFinish: onFinish, shownIndex: -1, shownFill: -1}
	s.follow.OnChange = func(program.Position) { fyne.Do(s.renderNow) }
	s.follow.OnTick = func(program.Position) { fyne.Do(s.renderNow) }
	s.follow.OnEnd = func(completed bool) { fyne.Do(func() { s.finish(completed) }) }
	s.build()
	return s
}

// content is the screen to show in the window.
func (s *sessionView) content() fyne.CanvasObject { return s.root }

// start starts the session now and takes the window's keys.
func (s *sessionView) start() {
	if s.follow.Phase() != session.Ready {
		return
	}
	c := s.win.Canvas()
	s.prevKey = c.OnTypedKey()
	c.SetOnTypedKey(s.typedKey)
	s.keysTaken = true
	s.follow.Start()
	s.renderNow()
}

// close ends the session without asking and gives the window its keys back,
// for when the window moves on before the ratings are saved. onFinish is not
// called.
func (s *sessionView) close() {
	s.follow.Close()
	s.figure.Pause()
	s.releaseKeys()
}

// releaseKeys gives the window back the key handler it had before start.
func (s *sessionView) releaseKeys() {
	if s.keysTaken {
		s.keysTaken = false
		s.win.Canvas().SetOnTypedKey(s.prevKey)
	}
}

// following reports whether the session is being followed: running or
// paused.
func (s *sessionView) following() bool {
	p := s.follow.Phase()
	return p == session.Running || p == session.Paused
}

// build makes every widget of the three parts of the screen.
func (s *sessionView) build() {
	s.figure = figure.New()
	s.figure.SetClock(s.follow.Now)
	s.figure.BeforeFrame = s.redrawWaiting
	s.name = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Wrapping: fyne.TextWrapWord}
	s.instruction = &widget.Label{SizeName: theme.SizeNameSubHeadingText, Wrapping: fyne.TextWrapWord}
	s.ring = newRing()
	s.counters = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText,
		Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	s.next = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.progress = &widget.ProgressBar{Max: 1, TextFormatter: func() string { return "" }}
	s.progress.ExtendBaseWidget(s.progress)
	s.progressText = &widget.Label{Wrapping: fyne.TextWrapWord}

	s.hurt = s.button(locale.L("Stop — it hurts  (H)"), theme.ErrorIcon(), widget.DangerImportance, s.stopForPain)
	space := locale.L("Space")
	s.pauseButton = s.control([]string{locale.L("Pause"), locale.L("Resume")}, space,
		theme.MediaPauseIcon(), widget.HighImportance, s.togglePause)
	s.controls = newControlRow(
		s.control([]string{locale.L("Back")}, "←", theme.MediaSkipPreviousIcon(), widget.MediumImportance, s.back),
		s.pauseButton,
		s.control([]string{locale.L("Next")}, "→", theme.MediaSkipNextIcon(), widget.MediumImportance, s.skip),
		s.control([]string{locale.L("Repeat")}, "R", theme.MediaReplayIcon(), widget.MediumImportance, s.repeat),
		s.control([]string{locale.L("End")}, locale.L("Esc"), theme.MediaStopIcon(), widget.MediumImportance, s.askEnd))

	keep := s.control([]string{locale.L("Keep going")}, space, theme.MediaPlayIcon(), widget.HighImportance, s.keepGoing)
	endNow := s.control([]string{locale.L("End the session")}, locale.L("Enter"), theme.MediaStopIcon(),
		widget.WarningImportance, s.endEarly)
	question := &widget.Label{Text: locale.L("End the session?"), TextStyle: fyne.TextStyle{Bold: true},
		SizeName: theme.SizeNameSubHeadingText, Wrapping: fyne.TextWrapWord}
	s.confirmRow = newControlRow(keep, endNow)
	s.confirm = container.NewBorder(nil, nil, nil, s.confirmRow, question)
	s.confirm.Hide()

	safety := &widget.Label{Text: locale.L("Stop if pain shoots down the leg."), TextStyle: fyne.TextStyle{Italic: true},
		Alignment: fyne.TextAlignTrailing, Wrapping: fyne.TextWrapWord}
	bar := container.New(thinLayout{}, s.progress)
	top := container.NewBorder(nil, nil, nil, s.hurt, container.NewVBox(bar, s.progressText))
	header := container.NewVBox(top, s.name, s.instruction)
	right := container.NewBorder(nil, s.counters, nil, nil, s.ring)
	middle := container.New(splitLayout{left: 0.56}, s.figure, right)
	bottom := container.NewVBox(
		container.NewGridWithColumns(2, s.next, safety),
		container.NewStack(s.controls, s.confirm))
	s.running = container.NewBorder(header, bottom, nil, nil, middle)

	s.pain = newPainForm(s.painDone)
	s.pain.Hide()
	s.rate = newRatingsForm(s.win, s.saveRatings)
	s.rate.Hide()
	s.theme = &sessionTheme{narrow: s.win.Canvas().Size().Width < narrowBelow}
	s.root = container.NewThemeOverride(
		container.New(sessionFit{s}, container.NewStack(s.running, s.pain.root, s.rate.root)), s.theme)
}

// painForm asks what happened after "Stop — it hurts": a box to tick for
// each cause, and the user's own words.
type painForm struct {
	root   fyne.CanvasObject
	checks [painReasonCount]*widget.Check
	other  *widget.Check
	text   *widget.Entry
	next   *widget.Button
}

func newPainForm(done func()) *painForm {
	f := &painForm{}
	title := &widget.Label{Text: locale.L("Stopped. Take your time."), TextStyle: fyne.TextStyle{Bold: true},
		SizeName: theme.SizeNameHeadingText, Wrapping: fyne.TextWrapWord}
	intro := &widget.Label{Text: locale.L("Find a comfortable position and breathe easily. When you are ready, tell Steady what happened; tick all that fit."),
		Wrapping: fyne.TextWrapWord}
	box := container.NewVBox(title, intro)
	for i, r := range painReasons() {
		f.checks[i] = widget.NewCheck(r.text, nil)
		box.Add(f.checks[i])
	}
	f.other = widget.NewCheck(locale.L("Something else"), nil)
	f.text = &widget.Entry{PlaceHolder: locale.L("What happened? (optional)")}
	f.text.ExtendBaseWidget(f.text)
	f.text.OnChanged = func(t string) {
		if strings.TrimSpace(t) != "" {
			f.other.SetChecked(true)
		}
	}
	box.Add(container.NewBorder(nil, nil, f.other, nil, f.text))
	urgent := &widget.Label{Text: locale.L("If you have numbness around the groin or bottom, trouble with your bladder or bowel, or weakness in both legs, seek urgent care."), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	box.Add(widget.NewSeparator())
	box.Add(urgent)
	f.next = &widget.Button{Text: locale.L("Next: how did the session go?"), Icon: theme.NavigateNextIcon(),
		Importance: widget.HighImportance, OnTapped: done}
	box.Add(f.next)
	f.root = container.NewVScroll(container.NewPadded(box))
	return f
}

func (f *painForm) Show()         { f.root.Show() }
func (f *painForm) Hide()         { f.root.Hide() }
func (f *painForm) Visible() bool { return f.root.Visible() }

// answer is what the user ticked and wrote.
func (f *painForm) answer() ([]program.StopCause, string) {
	var causes []program.StopCause
	for i, r := range painReasons() {
		if f.checks[i].Checked {
			causes = append(causes, r.cause)
		}
	}
	if f.other.Checked {
		causes = append(causes, program.StopOther)
	}
	return causes, f.text.Text
}

// ratingsForm asks the four ratings after a session.
type ratingsForm struct {
	win     fyne.Window
	root    fyne.CanvasObject
	title   *widget.Label
	intro   *widget.Label
	maxPain *journalview.Scale
	painNow *journalview.Scale
	leg     *widget.RadioGroup
	felt    *widget.RadioGroup
	save    *keys.Button
	missing *widget.Label
}

func newRatingsForm(win fyne.Window, save func()) *ratingsForm {
	f := &ratingsForm{win: win}
	f.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Wrapping: fyne.TextWrapWord}
	f.intro = &widget.Label{Wrapping: fyne.TextWrapWord}
	f.maxPain = journalview.NewScale(locale.L("No pain"), locale.L("Worst imaginable"), func(int) { f.check() })
	f.painNow = journalview.NewScale(locale.L("No pain"), locale.L("Worst imaginable"), func(int) { f.check() })
	f.maxPain.OnSubmit = func() { win.Canvas().Focus(f.painNow) }
	f.painNow.OnSubmit = func() { win.Canvas().Unfocus() }
	var legs, felts []string
	for _, a := range legAnswers() {
		legs = append(legs, a.text)
	}
	for _, a := range feltAnswers() {
		felts = append(felts, a.text)
	}
	f.leg = widget.NewRadioGroup(legs, func(string) { f.check() })
	f.leg.Horizontal = true
	f.felt = widget.NewRadioGroup(felts, func(string) { f.check() })
	f.felt.Horizontal = true
	f.save = keys.NewButton(locale.L("Save"), theme.DocumentSaveIcon(), widget.HighImportance, save)
	f.missing = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	bold := func(t string) *widget.Label {
		return &widget.Label{Text: t, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	}
	f.root = container.NewVScroll(container.NewPadded(container.NewVBox(
		f.title, f.intro,
		bold(locale.L("Highest pain during the session")), f.maxPain,
		bold(locale.L("Pain now")), f.painNow,
		bold(locale.L("Did leg symptoms spread further down the leg?")), f.choices(f.leg),
		bold(locale.L("How did it feel?")), f.choices(f.felt),
		container.NewBorder(nil, nil, nil, f.save, f.missing),
	)))
	return f
}

// choices lays a group's choices side by side when they fit, else one a
// line.
func (f *ratingsForm) choices(g *widget.RadioGroup) fyne.CanvasObject {
	return container.New(&choiceRow{group: g, reflow: func() {
		// As for the session's theme: the first refresh gives the group
		// its new height, the second lays the form out by it.
		f.root.Refresh()
		f.root.Refresh()
	}}, g)
}

// choiceRow lays a radio group's choices out side by side when they fit
// the width, else one a line: a long answer (in German, or with larger
// text) is never cut, and short ones keep the form short enough to show
// Save without scrolling.
type choiceRow struct {
	group  *widget.RadioGroup
	reflow func() // lays the form out again once the group changed shape
}

// choiceWidth is the width of the group's widest choice.
func (l *choiceRow) choiceWidth() float32 {
	w := l.group.MinSize().Width
	if l.group.Horizontal {
		w /= float32(max(1, len(l.group.Options)))
	}
	return w
}

func (l *choiceRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	row := l.choiceWidth()*float32(len(l.group.Options)) <= size.Width
	if size.Width > 0 && row != l.group.Horizontal {
		l.group.Horizontal = row
		l.group.Refresh()
		defer l.reflow()
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, l.group.MinSize().Height))
	}
}

func (l *choiceRow) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.choiceWidth(), l.group.MinSize().Height)
}

func (f *ratingsForm) Show()         { f.root.Show() }
func (f *ratingsForm) Hide()         { f.root.Hide() }
func (f *ratingsForm) Visible() bool { return f.root.Visible() }

// ask shows the form with a title and an introduction, the focus on the
// first rating.
func (f *ratingsForm) ask(title, intro string) {
	f.title.SetText(title)
	f.intro.SetText(intro + " " + locale.L("Four quick answers, then Save. Type a number for a pain rating, or tap one; Enter goes on to the next."))
	f.Show()
	f.check()
	f.win.Canvas().Focus(f.maxPain)
}

// ratings are the answers given so far.
func (f *ratingsForm) ratings() session.Ratings {
	r := session.Ratings{MaxPainDuring: session.NotRated, PainAfter: session.NotRated}
	if v := f.maxPain.Value(); v != journalview.NoValue {
		r.MaxPainDuring = v
	}
	if v := f.painNow.Value(); v != journalview.NoValue {
		r.PainAfter = v
	}
	for _, a := range legAnswers() {
		if f.leg.Selected == a.text {
			r.LegSpread = a.spread
		}
	}
	for _, a := range feltAnswers() {
		if f.felt.Selected == a.text {
			r.Felt = a.felt
		}
	}
	return r
}

// check enables Save once every question has an answer, and says which are
// still open.
func (f *ratingsForm) check() {
	var open []string
	for _, q := range f.ratings().Open() {
		open = append(open, questionWords(q))
	}
	if len(open) == 0 {
		f.missing.SetText("")
		f.save.Enable()
		return
	}
	f.missing.SetText(locale.L("Still to answer: {{.Questions}}.", locale.Args{"Questions": strings.Join(open, ", ")}))
	f.save.Disable()
}

// button makes a large button that also passes the session's keys on when
// it has the focus.
func (s *sessionView) button(text string, icon fyne.Resource, imp widget.Importance, tapped func()) *keyButton {
	b := &keyButton{onKey: s.handleKey}
	b.Text, b.Icon, b.Importance, b.OnTapped = text, icon, imp, tapped
	b.ExtendBaseWidget(b)
	return b
}

// control makes one of the session's big controls: a button showing the
// first of texts (all of them, in turn, must fit it) and the key that does
// the same.
func (s *sessionView) control(texts []string, key string, icon fyne.Resource, imp widget.Importance, tapped func()) *control {
	return &control{button: s.button(texts[0], icon, imp, tapped), hint: newKeyHint(key), icon: icon, iconShown: true, texts: texts}
}

// A control is a big button of the session with the key that does the same
// written small under it: the words are read from the floor, the key at
// the keyboard.
type control struct {
	button    *keyButton
	hint      *keyHint
	icon      fyne.Resource // the button's icon, when the row has room for it
	iconShown bool
	texts     []string // every text the button shows in turn
}

// setIcon changes the control's icon, shown when the row has room for it.
func (c *control) setIcon(icon fyne.Resource) {
	c.icon = icon
	if c.iconShown {
		c.button.SetIcon(icon)
	}
}

// showIcon shows the icon beside the words, or not.
func (c *control) showIcon(on bool) {
	if on == c.iconShown {
		return
	}
	c.iconShown = on
	if on {
		c.button.SetIcon(c.icon)
	} else {
		c.button.SetIcon(nil)
	}
}

// iconWidth is the width the icon adds to the button, with its gap.
func (c *control) iconWidth() float32 {
	th := c.button.Theme()
	return th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNamePadding)
}

// width is how wide the control must be for the longest of its texts, with
// its icon or without: never less than its key.
func (c *control) width(icon bool) float32 {
	th := c.button.Theme()
	size, style := th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}
	w := c.button.MinSize().Width - fyne.MeasureText(c.button.Text, size, style).Width
	if c.iconShown {
		w -= c.iconWidth()
	}
	longest := float32(0)
	for _, t := range c.texts {
		longest = max(longest, fyne.MeasureText(t, size, style).Width)
	}
	w += longest
	if icon {
		w += c.iconWidth()
	}
	return max(w, c.hint.MinSize().Width)
}

// buttonHeight is the button's height, icon or not.
func (c *control) buttonHeight() float32 {
	th := c.button.Theme()
	return max(c.button.MinSize().Height, th.Size(theme.SizeNameInlineIcon)+2*th.Size(theme.SizeNameInnerPadding))
}

// hintGap is the space between a button and its key.
func (c *control) hintGap() float32 { return c.button.Theme().Size(theme.SizeNamePadding) / 2 }

// height is the control's height: the button, the gap and the key.
func (c *control) height() float32 { return c.buttonHeight() + c.hintGap() + c.hint.MinSize().Height }

// newControlRow puts controls side by side, in the session's size for
// controls.
func newControlRow(cs ...*control) *container.ThemeOverride {
	var objs []fyne.CanvasObject
	for _, c := range cs {
		objs = append(objs, c.button, c.hint)
	}
	return container.NewThemeOverride(container.New(&controlRow{controls: cs}, objs...), sessionTheme{controls: true})
}

// controlRow lays out a row of controls, each with its key under it. The
// columns are equal when the widest control fits each of them; otherwise
// each is as wide as its words, and they share what is left. When even
// that leaves no room for the icons (long words, larger text, a narrow
// window), the buttons go without them: no word is ever cut, and the row
// never asks for more than its words.
type controlRow struct{ controls []*control }

func (r *controlRow) gaps() float32 {
	if len(r.controls) == 0 {
		return 0
	}
	return float32(len(r.controls)-1) * theme.Padding()
}

func (r *controlRow) MinSize([]fyne.CanvasObject) fyne.Size {
	size := fyne.NewSize(r.gaps(), 0)
	for _, c := range r.controls {
		size.Width += c.width(false)
		size.Height = max(size.Height, c.height())
	}
	return size
}

func (r *controlRow) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	n := float32(len(r.controls))
	room := size.Width - r.gaps()
	withIcons, widest := float32(0), float32(0)
	for _, c := range r.controls {
		w := c.width(true)
		withIcons += w
		widest = max(widest, w)
	}
	icons := withIcons <= room
	need := withIcons
	if !icons {
		need = 0
		for _, c := range r.controls {
			need += c.width(false)
		}
	}
	spare := max(0, room-need) / n
	x := float32(0)
	for _, c := range r.controls {
		c.showIcon(icons)
		w := c.width(icons) + spare
		if icons && widest*n <= room {
			w = room / n
		}
		bh := c.buttonHeight()
		c.button.Move(fyne.NewPos(x, 0))
		c.button.Resize(fyne.NewSize(w, bh))
		c.hint.Move(fyne.NewPos(x, bh+c.hintGap()))
		c.hint.Resize(fyne.NewSize(w, c.hint.MinSize().Height))
		x += w + theme.Padding()
	}
}

// keyHint is a key written small and muted, centred.
type keyHint struct {
	widget.BaseWidget
	key string
}

func newKeyHint(key string) *keyHint {
	h := &keyHint{key: key}
	h.ExtendBaseWidget(h)
	return h
}

func (h *keyHint) CreateRenderer() fyne.WidgetRenderer {
	r := &keyHintRenderer{h: h, text: canvas.NewText(h.key, color.Transparent)}
	r.text.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type keyHintRenderer struct {
	h    *keyHint
	text *canvas.Text
}

func (r *keyHintRenderer) Layout(size fyne.Size)        { r.text.Resize(size) }
func (r *keyHintRenderer) MinSize() fyne.Size           { return r.text.MinSize() }
func (r *keyHintRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.text} }
func (r *keyHintRenderer) Destroy()                     {}

func (r *keyHintRenderer) Refresh() {
	th := r.h.Theme()
	r.text.Text = r.h.key
	r.text.TextSize = th.Size(theme.SizeNameCaptionText)
	r.text.Color = th.Color(theme.ColorNamePlaceHolder, fyne.CurrentApp().Settings().ThemeVariant())
	r.text.Refresh()
}

// typedKey receives the keys no focused widget took.
func (s *sessionView) typedKey(e *fyne.KeyEvent) {
	if s.handleKey(e) {
		return
	}
	if s.follow.Phase() == session.Rating && (e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter) && !s.rate.save.Disabled() {
		s.saveRatings()
		return
	}
	if s.prevKey != nil {
		s.prevKey(e)
	}
}

// handleKey acts on a session key and reports whether it was one: Space
// pauses and resumes, Right and Left skip and go back, R repeats the
// exercise, Escape asks to end (Escape again or Enter ends), H stops for
// pain.
func (s *sessionView) handleKey(e *fyne.KeyEvent) bool {
	if !s.following() {
		return false
	}
	if e.Name == fyne.KeyH {
		s.stopForPain()
		return true
	}
	if s.follow.EndAsked() {
		switch e.Name {
		case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
			s.endEarly()
		case fyne.KeySpace:
			s.keepGoing()
		default:
			return false
		}
		return true
	}
	switch e.Name {
	case fyne.KeySpace:
		s.togglePause()
	case fyne.KeyRight:
		s.skip()
	case fyne.KeyLeft:
		s.back()
	case fyne.KeyR:
		s.repeat()
	case fyne.KeyEscape:
		s.askEnd()
	default:
		return false
	}
	return true
}

func (s *sessionView) togglePause() { s.follow.TogglePause(); s.renderNow() }
func (s *sessionView) skip()        { s.follow.Next(); s.renderNow() }
func (s *sessionView) back()        { s.follow.Back(); s.renderNow() }
func (s *sessionView) repeat()      { s.follow.Repeat(); s.renderNow() }

// askEnd pauses and asks whether to end the session.
func (s *sessionView) askEnd() {
	s.follow.AskEnd()
	s.showConfirm()
	s.renderNow()
}

// keepGoing closes the end question and goes on as before it.
func (s *sessionView) keepGoing() {
	s.follow.KeepGoing()
	s.showConfirm()
	s.renderNow()
}

// showConfirm shows "End the session?" in place of the controls while the
// session asks it.
func (s *sessionView) showConfirm() {
	if s.follow.EndAsked() {
		s.controls.Hide()
		s.confirm.Show()
		return
	}
	s.confirm.Hide()
	s.controls.Show()
}

// endEarly ends the session where it is and asks for the ratings.
func (s *sessionView) endEarly() {
	if !s.follow.EndEarly() {
		return
	}
	s.stopped()
	s.showRatings(locale.L("Session ended"), locale.L("Thank you. A few quick answers, even for a short session."))
}

// stopForPain stops everything at once and asks what happened.
func (s *sessionView) stopForPain() {
	if !s.follow.StopForPain() {
		return
	}
	s.stopped()
	s.running.Hide()
	s.pain.Show()
}

// stopped stills the screen of a session that has stopped.
func (s *sessionView) stopped() {
	s.showConfirm()
	s.figure.Pause()
}

// painDone keeps what the user ticked and moves on to the ratings.
func (s *sessionView) painDone() {
	if !s.follow.WhatHappened(s.pain.answer()) {
		return
	}
	s.showRatings(locale.L("How did it go?"), locale.L("Rate the session as it was, up to when you stopped."))
}

// finish follows the session's own end: played to the end, or ended by a
// jump past the last exercise.
func (s *sessionView) finish(completed bool) {
	s.stopped()
	title := locale.L("Well done — session complete")
	if !completed {
		title = locale.L("Session ended")
	}
	s.showRatings(title, locale.L("How was it?"))
}

func (s *sessionView) showRatings(title, intro string) {
	s.running.Hide()
	s.pain.Hide()
	s.rate.ask(title, intro)
}

// saveRatings hands over the result, once every rating is given.
func (s *sessionView) saveRatings() {
	r, ok := s.follow.Finish(s.rate.ratings())
	if !ok {
		return
	}
	s.rate.save.Disable()
	s.releaseKeys()
	if s.onFinish != nil {
		s.onFinish(r)
	}
}

// renderNow shows where the session is now.
func (s *sessionView) renderNow() { s.render(s.follow.Position()) }

// render shows position p: everything when the interval (or the runner's
// generation) changed, else just the countdown and progress.
func (s *sessionView) render(p program.Position) {
	if p.Done || !s.following() {
		return
	}
	if p.Index != s.shownIndex || p.Generation != s.shownGen {
		s.shownIndex, s.shownGen = p.Index, p.Generation
		s.showInterval(p)
	}
	if p.Paused != s.shownPaused {
		s.shownPaused = p.Paused
		if p.Paused {
			s.figure.Pause()
			s.pauseButton.button.SetText(locale.L("Resume"))
			s.pauseButton.setIcon(theme.MediaPlayIcon())
		} else {
			s.pauseButton.button.SetText(locale.L("Pause"))
			s.pauseButton.setIcon(theme.MediaPauseIcon())
		}
	}
	word, style := stageWord(p)
	if p.Paused {
		word = locale.L("PAUSED")
	}
	remaining := 0.0
	if p.PhaseDuration > 0 {
		remaining = float64(p.PhaseRemaining) / float64(p.PhaseDuration)
	}
	if s.ring.Set(word, clockDigits(p.PhaseRemaining), remaining, style, p.Paused) {
		s.redraw(s.ring)
	}
	// Each redraw repaints the whole window, and a session's bar fills by a
	// pixel only every few seconds: it is redrawn when it grows by one.
	if fill := filledPixels(p.Progress, s.progress.Size().Width, s.scale()); fill != s.shownFill {
		s.shownFill = fill
		s.progress.Value = p.Progress
		s.redraw(s.progress)
	}
	// The line changes once a minute at most; setting a label shapes its
	// text again, so it is set only when it changes.
	n, of := s.follow.ExerciseNumber(p.Item)
	text := locale.L("Exercise {{.Number}} of {{.Total}} · {{.TimeLeft}}",
		locale.Args{"Number": n, "Total": of, "TimeLeft": timeLeft(p.Total - p.Offset)})
	if text != s.progressText.Text {
		s.progressText.SetText(text)
	}
}

// redraw has o drawn again. While the figure moves it repaints the whole
// window 15 times a second, so o waits for its next frame, under 70 ms,
// instead of costing a repaint of its own.
func (s *sessionView) redraw(o fyne.CanvasObject) {
	if s.figure.Moving() {
		if !slices.Contains(s.redrawNext, o) {
			s.redrawNext = append(s.redrawNext, o)
		}
		return
	}
	s.redrawWaiting()
	o.Refresh()
}

// redrawWaiting draws what waits for the figure's next frame.
func (s *sessionView) redrawWaiting() {
	for _, o := range s.redrawNext {
		o.Refresh()
	}
	s.redrawNext = s.redrawNext[:0]
}

// filledPixels is how many whole pixels of a bar width units wide, on a
// canvas of the given scale, the fraction progress fills.
func filledPixels(progress float64, width, scale float32) int {
	return int(progress * float64(width*scale))
}

// scale is the session canvas's pixels per unit, 1 before it is shown.
func (s *sessionView) scale() float32 {
	if c := s.win.Canvas(); c != nil && c.Scale() > 0 {
		return c.Scale()
	}
	return 1
}

// showInterval shows what to do in p's interval: the words, the counters and
// the figure, which plays the step from where the session is in it.
func (s *sessionView) showInterval(p program.Position) {
	ex := p.Exercise
	switch {
	case p.Stage == program.StageRest && p.NextExercise != nil:
		// Between exercises: get ready for the next one.
		nx := p.NextExercise
		s.name.SetText(locale.L("Rest"))
		if nx.Position != "" {
			s.instruction.SetText(locale.L("Well done. Next: {{.Exercise}}, {{.Position}}.",
				locale.Args{"Exercise": nx.Name, "Position": nx.Position}))
		} else {
			s.instruction.SetText(locale.L("Well done. Next: {{.Exercise}}.", locale.Args{"Exercise": nx.Name}))
		}
		n, of := s.follow.ExerciseNumber(p.Item)
		s.counters.SetText(locale.L("Exercise {{.Number}} of {{.Total}} done", locale.Args{"Number": n, "Total": of}))
		s.showStill(nx)
	case p.Step >= 0:
		st := ex.Steps[p.Step]
		s.name.SetText(ex.Name)
		s.instruction.SetText(stepText(st))
		s.counters.SetText(counterText(p))
		s.frameFor(ex)
		// The figure keeps the session's time: start the step as far back
		// as the session is into it.
		if err := s.figure.ShowStep(st, p.Duration, s.follow.Now().Add(-p.Elapsed)); err != nil {
			s.showStill(ex)
		}
	default:
		s.name.SetText(ex.Name)
		switch {
		case (p.Stage == program.StageGetReady || p.Stage == program.StageSwitch) && ex.Position != "":
			s.instruction.SetText(locale.L("Get into position: {{.Position}}.", locale.Args{"Position": ex.Position}))
		case p.Stage == program.StageGetReady || p.Stage == program.StageSwitch:
			s.instruction.SetText(locale.L("Get into position."))
		default:
			s.instruction.SetText(locale.L("Rest. Breathe easily and let the middle soften."))
		}
		s.counters.SetText(counterText(p))
		s.showStill(ex)
	}
	if p.NextExercise != nil {
		s.next.SetText(locale.L("Next exercise: {{.Exercise}}", locale.Args{"Exercise": p.NextExercise.Name}))
	} else {
		s.next.SetText(locale.L("Last exercise"))
	}
	if p.Paused {
		s.figure.Pause()
	}
}

// frameFor frames the figure for ex, so all its steps share one scale.
func (s *sessionView) frameFor(ex *program.Exercise) {
	if s.figureEx != ex {
		s.figureEx = ex
		s.figure.SetFrame(figure.ExerciseFrame(ex))
	}
}

// showStill shows the start pose of ex, still.
func (s *sessionView) showStill(ex *program.Exercise) {
	s.frameFor(ex)
	for _, st := range ex.Steps {
		for _, n := range st.Poses {
			if pose, ok := program.LookupPose(n); ok {
				s.figure.SetStill(pose)
				return
			}
		}
	}
}

// stepText is what the screen says for a step: its fuller instruction, or
// its cue.
func stepText(st program.Step) string {
	if st.Instruction != "" {
		return st.Instruction
	}
	return st.Cue
}

// stageWord is the word in the ring and its shape: work is a solid band,
// rest, getting ready and switching sides a ring of hollow dashes.
func stageWord(p program.Position) (string, ringStyle) {
	switch p.Stage {
	case program.StageGetReady:
		return locale.L("GET READY"), ringRest
	case program.StageMove:
		return locale.L("MOVE"), ringWork
	case program.StageHold:
		if p.Exercise != nil && p.Exercise.Kind == program.Walk {
			return locale.L("WALK"), ringWork
		}
		return locale.L("HOLD"), ringWork
	case program.StageReturn:
		return locale.L("RELEASE"), ringWork
	case program.StageSwitch:
		return locale.L("SWITCH SIDES"), ringRest
	}
	return locale.L("REST"), ringRest
}

// counterText says where in the exercise the session is: "Rep 2 of 5 · Set
// 1 of 3 · Left side". Pauses between reps, sets and sides say what comes.
func counterText(p program.Position) string {
	var parts []string
	if p.Reps > 0 {
		parts = append(parts, locale.L("Rep {{.Rep}} of {{.Total}}", locale.Args{"Rep": p.Rep, "Total": p.Reps}))
		if p.Sets > 1 {
			parts = append(parts, locale.L("Set {{.Set}} of {{.Total}}", locale.Args{"Set": p.Set, "Total": p.Sets}))
		}
	}
	switch p.Side {
	case program.LeftSide:
		parts = append(parts, locale.L("Left side"))
	case program.RightSide:
		parts = append(parts, locale.L("Right side"))
	}
	text := strings.Join(parts, " · ")
	switch p.Stage {
	case program.StageRepRest, program.StageSetRest, program.StageSwitch:
		if text != "" {
			text = locale.L("Up next: {{.Next}}", locale.Args{"Next": text})
		}
	}
	return text
}

// clockDigits is a countdown's time left, rounded up to the second: "7",
// "1:05".
func clockDigits(d time.Duration) string {
	secs := int(math.Ceil(max(d, 0).Seconds()))
	if secs < 60 {
		return fmt.Sprint(secs)
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// timeLeft says roughly how long the session still takes.
func timeLeft(d time.Duration) string {
	if d < time.Minute {
		return locale.L("under a minute left")
	}
	return locale.N("about {{.Count}} minutes left", int(math.Ceil(d.Minutes())))
}

// keyButton is a button that, when it has the focus, passes the session's
// keys on instead of taking them (Space would otherwise press it), so the
// keys work whatever has the focus.
type keyButton struct {
	widget.Button
	onKey func(*fyne.KeyEvent) bool
}

// TypedKey passes session keys on, and the rest to the button.
func (b *keyButton) TypedKey(e *fyne.KeyEvent) {
	if b.onKey != nil && b.onKey(e) {
		return
	}
	b.Button.TypedKey(e)
}

// sessionTheme is the app's theme with larger text and controls, so the
// session reads from the floor two or three metres away, and square corners:
// the screen is repainted whole at each of the figure's frames, and under
// software rendering each rounded corner is worked out for every pixel of
// its button or bar (see docs/PERFORMANCE.md). It follows the app's theme
// as that changes. The row of controls (controls true) is a
// step smaller, so that its words fit side by side in every language:
// they are read close up, when the user reaches for them. In a narrow
// window (narrow true) the words are a step smaller too, so that long
// names and instructions, wrapped onto more lines, still leave the ring
// its room on a small screen; the ring's digits grow with the ring.
type sessionTheme struct{ controls, narrow bool }

// narrowBelow is the width, in units, of a window narrow for the session.
const narrowBelow = 1000

// sessionFit pads the session's screen and keeps its theme's narrow in step
// with the window's width.
type sessionFit struct{ s *sessionView }

func (l sessionFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	// A zero size is no window yet: the screen is built before it is shown.
	if narrow := size.Width < narrowBelow; size.Width > 0 && l.s.root != nil && narrow != l.s.theme.narrow {
		l.s.theme.narrow = narrow
		// Every word in its new size, after this layout: a container lays
		// out its objects before it refreshes them, so the first refresh
		// gives each its new size and the second lays them out by it.
		defer func() {
			l.s.root.Refresh()
			l.s.root.Refresh()
		}()
	}
	pad := theme.Padding()
	for _, o := range objs {
		o.Move(fyne.NewPos(pad, pad))
		o.Resize(size.SubtractWidthHeight(2*pad, 2*pad))
	}
}

func (l sessionFit) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m.AddWidthHeight(2*theme.Padding(), 2*theme.Padding())
}

var _ fyne.Theme = sessionTheme{}

func (sessionTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t sessionTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

func (t sessionTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t sessionTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t sessionTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameButtonRadius, theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 0
	}
	s := t.base().Size(n)
	if t.controls {
		switch n {
		case theme.SizeNameText, theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon:
			return s * 1.15
		case theme.SizeNameCaptionText, theme.SizeNamePadding:
			return s * 1.25
		case theme.SizeNameInnerPadding:
			return s * 0.75
		}
		return s
	}
	if t.narrow {
		switch n {
		case theme.SizeNameHeadingText:
			return s * 1.25
		case theme.SizeNameText, theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon:
			return s * 1.15
		}
		return s
	}
	switch n {
	case theme.SizeNameHeadingText:
		return s * 1.6
	case theme.SizeNameText, theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon:
		return s * 1.4
	case theme.SizeNameCaptionText, theme.SizeNamePadding, theme.SizeNameInnerPadding:
		return s * 1.25
	}
	return s
}

// thinLayout shows a progress bar as a thin band, its text left out, so
// that the session's words and countdown keep the height.
type thinLayout struct{}

func (thinLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (thinLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, 2*theme.Padding()+theme.InnerPadding())
}

// splitLayout puts two objects side by side, the first taking the fraction
// left of the width.
type splitLayout struct{ left float32 }

func (l splitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	w := (size.Width - pad) * l.left
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(w, size.Height))
	objs[1].Move(fyne.NewPos(w+pad, 0))
	objs[1].Resize(fyne.NewSize(size.Width-w-pad, size.Height))
}

func (l splitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+b.Width+theme.Padding(), max(a.Height, b.Height))
}
