package gui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/coach/session"
	"steady/gui/figure"
	"steady/gui/journalview"
	"steady/gui/keys"
	"steady/program"
)

// cuePlayer is the part of the sound output a session uses. *audio.Player is
// one; it stays silent when there is no sound device.
type cuePlayer = session.Sound

// sessionResult is what a finished session hands the window.
type sessionResult = session.Result

// What the session says and writes, in one place.
const (
	urgentCare = "If you have numbness around the groin or bottom, trouble with your bladder or bowel, " +
		"or weakness in both legs, seek urgent care."
	stopIfLeg     = "Stop if pain shoots down the leg."
	legNo         = "No"
	legSettled    = "Yes, settled within 30 min"
	legStayed     = "Yes, and it stayed"
	feltEasy      = "Easy"
	feltOK        = "OK"
	feltHard      = "Hard"
	ratingsHow    = "Four quick answers, then Save. Type a number for a pain rating, or tap one; Enter goes on to the next."
	somethingElse = "Something else"
)

// painReasons are the answers to "what happened?" after "Stop — it hurts",
// besides "Something else".
var painReasons = [...]struct {
	text  string
	cause program.StopCause
}{
	{"Pain shooting down the leg", program.StopLegPain},
	{"New numbness or tingling", program.StopNumbness},
	{"New weakness", program.StopWeakness},
	{"Pain in the back became sharp or too much", program.StopBackPain},
}

// legAnswers and feltAnswers are the choices of two ratings, in the order
// shown.
var (
	legAnswers = [...]struct {
		text   string
		spread program.LegSpread
	}{{legNo, program.SpreadNone}, {legSettled, program.SpreadSettled}, {legStayed, program.SpreadStayed}}
	feltAnswers = [...]struct {
		text string
		felt program.Felt
	}{{feltEasy, program.FeltEasy}, {feltOK, program.FeltOK}, {feltHard, program.FeltHard}}
)

// questionWords name the ratings still to give.
var questionWords = map[session.Question]string{
	session.AskMaxPain:   "highest pain",
	session.AskPainAfter: "pain now",
	session.AskLegSpread: "leg symptoms",
	session.AskFelt:      "how it felt",
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
	pauseButton  *keyButton
	controls     *fyne.Container
	confirm      *fyne.Container
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
	s.progressText = &widget.Label{}

	s.hurt = s.button("Stop — it hurts  (H)", theme.ErrorIcon(), widget.DangerImportance, s.stopForPain)
	back := s.button("Back  (←)", theme.MediaSkipPreviousIcon(), widget.MediumImportance, s.back)
	s.pauseButton = s.button("Pause  (Space)", theme.MediaPauseIcon(), widget.HighImportance, s.togglePause)
	next := s.button("Next  (→)", theme.MediaSkipNextIcon(), widget.MediumImportance, s.skip)
	repeat := s.button("Repeat  (R)", theme.MediaReplayIcon(), widget.MediumImportance, s.repeat)
	end := s.button("End  (Esc)", theme.MediaStopIcon(), widget.MediumImportance, s.askEnd)
	s.controls = container.NewGridWithColumns(5, back, s.pauseButton, next, repeat, end)

	keep := s.button("Keep going  (Space)", theme.MediaPlayIcon(), widget.HighImportance, s.keepGoing)
	endNow := s.button("End the session  (Enter)", theme.MediaStopIcon(), widget.WarningImportance, s.endEarly)
	question := &widget.Label{Text: "End the session?", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	s.confirm = container.NewBorder(nil, nil, question, nil, container.NewGridWithColumns(2, keep, endNow))
	s.confirm.Hide()

	safety := &widget.Label{Text: stopIfLeg, TextStyle: fyne.TextStyle{Italic: true}}
	top := container.NewBorder(nil, nil, nil, s.hurt, container.NewVBox(s.progress, s.progressText))
	header := container.NewVBox(top, s.name, s.instruction)
	right := container.NewBorder(nil, s.counters, nil, nil, s.ring)
	middle := container.New(splitLayout{left: 0.56}, s.figure, right)
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, nil, safety, s.next),
		container.NewStack(s.controls, s.confirm))
	s.running = container.NewBorder(header, bottom, nil, nil, middle)

	s.pain = newPainForm(s.painDone)
	s.pain.Hide()
	s.rate = newRatingsForm(s.win, s.saveRatings)
	s.rate.Hide()
	s.root = container.NewThemeOverride(container.NewPadded(container.NewStack(s.running, s.pain.root, s.rate.root)), sessionTheme{})
}

// painForm asks what happened after "Stop — it hurts": a box to tick for
// each cause, and the user's own words.
type painForm struct {
	root   fyne.CanvasObject
	checks [len(painReasons)]*widget.Check
	other  *widget.Check
	text   *widget.Entry
	next   *widget.Button
}

func newPainForm(done func()) *painForm {
	f := &painForm{}
	title := &widget.Label{Text: "Stopped. Take your time.", TextStyle: fyne.TextStyle{Bold: true},
		SizeName: theme.SizeNameHeadingText, Wrapping: fyne.TextWrapWord}
	intro := &widget.Label{Text: "Find a comfortable position and breathe easily. When you are ready, tell Steady what happened; tick all that fit.",
		Wrapping: fyne.TextWrapWord}
	box := container.NewVBox(title, intro)
	for i, r := range painReasons {
		f.checks[i] = widget.NewCheck(r.text, nil)
		box.Add(f.checks[i])
	}
	f.other = widget.NewCheck(somethingElse, nil)
	f.text = &widget.Entry{PlaceHolder: "What happened? (optional)"}
	f.text.ExtendBaseWidget(f.text)
	f.text.OnChanged = func(t string) {
		if strings.TrimSpace(t) != "" {
			f.other.SetChecked(true)
		}
	}
	box.Add(container.NewBorder(nil, nil, f.other, nil, f.text))
	urgent := &widget.Label{Text: urgentCare, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	box.Add(widget.NewSeparator())
	box.Add(urgent)
	f.next = &widget.Button{Text: "Next: how did the session go?", Icon: theme.NavigateNextIcon(),
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
	for i, r := range painReasons {
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
	f.maxPain = journalview.NewScale("No pain", "Worst imaginable", func(int) { f.check() })
	f.painNow = journalview.NewScale("No pain", "Worst imaginable", func(int) { f.check() })
	f.maxPain.OnSubmit = func() { win.Canvas().Focus(f.painNow) }
	f.painNow.OnSubmit = func() { win.Canvas().Unfocus() }
	var legs, felts []string
	for _, a := range legAnswers {
		legs = append(legs, a.text)
	}
	for _, a := range feltAnswers {
		felts = append(felts, a.text)
	}
	f.leg = widget.NewRadioGroup(legs, func(string) { f.check() })
	f.leg.Horizontal = true
	f.felt = widget.NewRadioGroup(felts, func(string) { f.check() })
	f.felt.Horizontal = true
	f.save = keys.NewButton("Save", theme.DocumentSaveIcon(), widget.HighImportance, save)
	f.missing = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	bold := func(t string) *widget.Label { return &widget.Label{Text: t, TextStyle: fyne.TextStyle{Bold: true}} }
	f.root = container.NewVScroll(container.NewPadded(container.NewVBox(
		f.title, f.intro,
		bold("Highest pain during the session"), f.maxPain,
		bold("Pain now"), f.painNow,
		bold("Did leg symptoms spread further down the leg?"), f.leg,
		bold("How did it feel?"), f.felt,
		container.NewBorder(nil, nil, nil, f.save, f.missing),
	)))
	return f
}

func (f *ratingsForm) Show()         { f.root.Show() }
func (f *ratingsForm) Hide()         { f.root.Hide() }
func (f *ratingsForm) Visible() bool { return f.root.Visible() }

// ask shows the form with a title and an introduction, the focus on the
// first rating.
func (f *ratingsForm) ask(title, intro string) {
	f.title.SetText(title)
	f.intro.SetText(intro + " " + ratingsHow)
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
	for _, a := range legAnswers {
		if f.leg.Selected == a.text {
			r.LegSpread = a.spread
		}
	}
	for _, a := range feltAnswers {
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
		open = append(open, questionWords[q])
	}
	if len(open) == 0 {
		f.missing.SetText("")
		f.save.Enable()
		return
	}
	f.missing.SetText("Still to answer: " + strings.Join(open, ", ") + ".")
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
	s.showRatings("Session ended", "Thank you. A few quick answers, even for a short session.")
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
	s.showRatings("How did it go?", "Rate the session as it was, up to when you stopped.")
}

// finish follows the session's own end: played to the end, or ended by a
// jump past the last exercise.
func (s *sessionView) finish(completed bool) {
	s.stopped()
	title := "Well done — session complete"
	if !completed {
		title = "Session ended"
	}
	s.showRatings(title, "How was it?")
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
			s.pauseButton.SetText("Resume  (Space)")
			s.pauseButton.SetIcon(theme.MediaPlayIcon())
		} else {
			s.pauseButton.SetText("Pause  (Space)")
			s.pauseButton.SetIcon(theme.MediaPauseIcon())
		}
	}
	word, style := stageWord(p)
	if p.Paused {
		word = "PAUSED"
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
	if text := fmt.Sprintf("Exercise %d of %d · %s", n, of, timeLeft(p.Total-p.Offset)); text != s.progressText.Text {
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
		s.name.SetText("Rest")
		text := "Well done. Next: " + nx.Name
		if nx.Position != "" {
			text += ", " + nx.Position
		}
		s.instruction.SetText(text + ".")
		n, of := s.follow.ExerciseNumber(p.Item)
		s.counters.SetText(fmt.Sprintf("Exercise %d of %d done", n, of))
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
			s.instruction.SetText("Get into position: " + ex.Position + ".")
		case p.Stage == program.StageGetReady || p.Stage == program.StageSwitch:
			s.instruction.SetText("Get into position.")
		default:
			s.instruction.SetText("Rest. Breathe easily and let the middle soften.")
		}
		s.counters.SetText(counterText(p))
		s.showStill(ex)
	}
	if p.NextExercise != nil {
		s.next.SetText("Next exercise: " + p.NextExercise.Name)
	} else {
		s.next.SetText("Last exercise")
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
		return "GET READY", ringRest
	case program.StageMove:
		return "MOVE", ringWork
	case program.StageHold:
		if p.Exercise != nil && p.Exercise.Kind == program.Walk {
			return "WALK", ringWork
		}
		return "HOLD", ringWork
	case program.StageReturn:
		return "RELEASE", ringWork
	case program.StageSwitch:
		return "SWITCH SIDES", ringRest
	}
	return "REST", ringRest
}

// counterText says where in the exercise the session is: "Rep 2 of 5 · Set
// 1 of 3 · Left side". Pauses between reps, sets and sides say what comes.
func counterText(p program.Position) string {
	var parts []string
	if p.Reps > 0 {
		parts = append(parts, fmt.Sprintf("Rep %d of %d", p.Rep, p.Reps))
		if p.Sets > 1 {
			parts = append(parts, fmt.Sprintf("Set %d of %d", p.Set, p.Sets))
		}
	}
	switch p.Side {
	case program.LeftSide:
		parts = append(parts, "Left side")
	case program.RightSide:
		parts = append(parts, "Right side")
	}
	text := strings.Join(parts, " · ")
	switch p.Stage {
	case program.StageRepRest, program.StageSetRest, program.StageSwitch:
		if text != "" {
			text = "Up next: " + text
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
		return "under a minute left"
	}
	mins := int(math.Ceil(d.Minutes()))
	if mins == 1 {
		return "about 1 minute left"
	}
	return fmt.Sprintf("about %d minutes left", mins)
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
// its button or bar (see docs/PERFORMANCE.md). It follows the app's theme as
// that changes.
type sessionTheme struct{}

var _ fyne.Theme = sessionTheme{}

func (sessionTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t sessionTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

func (t sessionTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t sessionTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t sessionTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base().Size(n)
	switch n {
	case theme.SizeNameButtonRadius, theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 0
	case theme.SizeNameHeadingText:
		return s * 1.6
	case theme.SizeNameText, theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon:
		return s * 1.4
	case theme.SizeNameCaptionText, theme.SizeNamePadding, theme.SizeNameInnerPadding:
		return s * 1.25
	}
	return s
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
