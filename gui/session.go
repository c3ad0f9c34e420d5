package gui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"steady/audio"
	"steady/gui/figure"
	"steady/gui/journalview"
	"steady/program"
)

// cuePlayer is the part of the sound output a session uses. *audio.Player is
// one; it stays silent when there is no sound device.
type cuePlayer interface {
	PlayAt(c audio.Cue, at time.Time)
	SayAt(text string, at time.Time)
	CancelPending()
	Prepare(texts ...string)
}

var _ cuePlayer = (*audio.Player)(nil)

// A soundHolder is a sound output that sleeps when idle and can be held
// awake while a session runs, so that cues handed over ahead of time land
// exactly. *audio.Player is one.
type soundHolder interface {
	Hold(on bool)
}

var _ soundHolder = (*audio.Player)(nil)

// A sessionResult is what a session leaves for the journal: what was done,
// how it ended and what the user said about it afterwards.
type sessionResult struct {
	Started, Ended time.Time
	Duration       time.Duration // time spent in the session, pauses left out

	Completed []string // IDs of the exercises played through, in plan order
	Skipped   []string // IDs of the exercises skipped or not reached

	MaxPainDuring int // highest pain during the session, 0 to 10
	PainAfter     int // pain right after it, 0 to 10
	LegSpread     program.LegSpread
	Felt          program.Felt

	// NumbWeak is new numbness, tingling or weakness: always a red light,
	// and the caller asks the red-flag questions again.
	NumbWeak       bool
	StoppedForPain bool   // "Stop — it hurts" ended the session
	StopReason     string // what the user said happened, in their words and ours
	EndedEarly     bool   // ended before the session's end, by the user
}

// Session timing.
const (
	// cueLookahead is how far ahead of its moment a sound is handed to the
	// player, so that it is heard on time whatever the screen is doing.
	cueLookahead = 2 * time.Second
	// frameEvery is how often the countdown is redrawn while running.
	frameEvery = 100 * time.Millisecond
)

// What the session says and writes, in one place.
const (
	urgentCare = "If you have numbness around the groin or bottom, trouble with your bladder or bowel, " +
		"or weakness in both legs, seek urgent care."
	stopIfLeg  = "Stop if pain shoots down the leg."
	legNo      = "No"
	legSettled = "Yes, settled within 30 min"
	legStayed  = "Yes, and it stayed"
	feltEasy   = "Easy"
	feltOK     = "OK"
	feltHard   = "Hard"
	ratingsHow = "Four quick answers, then Save. Type a number for a pain rating, or tap one; Enter goes on to the next."
)

// painReasons are the answers to "what happened?" after "Stop — it hurts".
var painReasons = [...]struct {
	text     string
	numbWeak bool // new numbness or weakness: the red-flag questions again
}{
	{"Pain shooting down the leg", false},
	{"New numbness or tingling", true},
	{"New weakness", true},
	{"Pain in the back became sharp or too much", false},
}

// sessionPhase is which part of the session screen shows.
type sessionPhase int

const (
	phaseReady    sessionPhase = iota // built, not started
	phaseRunning                      // following along (paused or not)
	phasePain                         // stopped for pain: what happened?
	phaseRatings                      // the ratings after the session
	phaseFinished                     // saved; onFinish has been called
)

// itemStatus is how far one exercise of the plan got.
type itemStatus int

const (
	itemNotDone itemStatus = iota
	itemSkipped
	itemDone
)

// sessionView is the follow-along session screen: the figure doing the
// exercise, a large countdown, counters and what comes next, driven by a
// program.Runner and readable from the floor. Every control has a key that
// works whatever has focus. "Stop — it hurts" is always there. After the
// session comes a short ratings form, and onFinish gets the result.
//
// Its methods run on Fyne's goroutine; the runner's callbacks reach it
// through fyne.Do.
type sessionView struct {
	win      fyne.Window
	plan     program.Plan
	tl       program.Timeline
	clock    program.Clock
	sound    cuePlayer
	onFinish func(sessionResult)
	runner   *program.Runner
	cues     *cueQueue

	// Facts of the timeline, by plan item.
	workEnd  []time.Duration // where the item's last work ends (-1: not in the session)
	ordinal  []int           // the item's number among those in the session, from 1
	exercise int             // how many items the session has

	// State; touched on Fyne's goroutine only.
	phase       sessionPhase
	status      []itemStatus
	started     time.Time
	ended       time.Time
	pausedAt    time.Time // while paused by the user or by the end question
	pausedFor   time.Duration
	confirming  bool // "End the session?" is showing
	resumeAfter bool // the end question paused a running session
	shownIndex  int
	shownGen    uint64
	shownPaused bool
	shownFill   int                 // the progress bar's filled width in pixels, -1 before it is set
	redrawNext  []fyne.CanvasObject // to redraw with the figure's next frame
	figureEx    *program.Exercise   // the exercise the figure is framed for
	prevKey     func(*fyne.KeyEvent)
	keysTaken   bool

	// The display pump: redraws the countdown and tops up the sounds while
	// running. Guarded by pumpMu; it runs on the clock's goroutines.
	pumpMu    sync.Mutex
	pumping   bool
	pumpGen   int
	pumpTimer program.Stopper

	// Widgets, made once.
	root         *container.ThemeOverride
	running      *fyne.Container
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

	pain       fyne.CanvasObject
	painChecks [len(painReasons)]*widget.Check
	painOther  *widget.Check
	painText   *widget.Entry
	painNext   *widget.Button

	ratings      fyne.CanvasObject
	ratingsTitle *widget.Label
	ratingsIntro *widget.Label
	maxPain      *journalview.Scale
	painNow      *journalview.Scale
	leg          *widget.RadioGroup
	felt         *widget.RadioGroup
	save         *widget.Button
	missing      *widget.Label

	result sessionResult
}

// newSessionView builds the session screen for plan, timed by clock, with
// sound. onFinish is called once, on Fyne's goroutine, when the user saves
// the ratings. Show content() in win, then call start.
func newSessionView(win fyne.Window, plan program.Plan, clock program.Clock, sound cuePlayer, onFinish func(sessionResult)) *sessionView {
	s := &sessionView{
		win: win, plan: plan, tl: plan.Timeline(), clock: clock, sound: sound, onFinish: onFinish,
		shownIndex: -1, shownFill: -1,
	}
	s.cues = &cueQueue{sound: sound, tl: s.tl, queued: map[program.Event]bool{}}
	s.learnTimeline()
	s.runner = program.NewRunner(s.tl, clock, func(e program.Event) {
		// Most events were queued ahead; this catches those that were not
		// (the first ones, and those where a skip lands), a moment late.
		s.cues.update(e.Generation, []program.Event{e})
		fyne.Do(func() { s.noteEvent(e) })
	})
	s.runner.OnChange = func(p program.Position) {
		s.cues.update(p.Generation, s.runner.Upcoming(cueLookahead))
		s.setPump(!p.Paused && !p.Done)
		fyne.Do(func() { s.render(s.runner.Position()) })
	}
	s.runner.OnEnd = func(completed bool) {
		s.setPump(false)
		fyne.Do(func() { s.finish(completed) })
	}
	s.build()
	return s
}

// learnTimeline works out where each exercise's work ends and numbers the
// exercises of the session.
func (s *sessionView) learnTimeline() {
	n := len(s.plan.Items)
	s.workEnd = make([]time.Duration, n)
	s.ordinal = make([]int, n)
	s.status = make([]itemStatus, n)
	for i := range n {
		s.workEnd[i] = -1
		if _, ok := s.tl.ItemStart(i); ok {
			s.exercise++
			s.ordinal[i] = s.exercise
		}
	}
	for _, iv := range s.tl.Intervals() {
		if iv.Stage != program.StageRest {
			s.workEnd[iv.Item] = max(s.workEnd[iv.Item], iv.End())
		}
	}
}

// content is the screen to show in the window.
func (s *sessionView) content() fyne.CanvasObject { return s.root }

// start starts the session now and takes the window's keys.
func (s *sessionView) start() {
	if s.phase != phaseReady {
		return
	}
	s.phase = phaseRunning
	s.started = s.clock.Now()
	c := s.win.Canvas()
	s.prevKey = c.OnTypedKey()
	c.SetOnTypedKey(s.typedKey)
	s.keysTaken = true
	s.sound.Prepare(s.phrases()...)
	s.runner.Start()
	s.render(s.runner.Position())
}

// close ends the session without asking and gives the window its keys back,
// for when the window moves on before the ratings are saved. onFinish is not
// called.
func (s *sessionView) close() {
	s.runner.End()
	s.setPump(false)
	s.sound.CancelPending()
	s.figure.Pause()
	s.phase = phaseFinished
	s.releaseKeys()
}

// releaseKeys gives the window back the key handler it had before start.
func (s *sessionView) releaseKeys() {
	if s.keysTaken {
		s.keysTaken = false
		s.win.Canvas().SetOnTypedKey(s.prevKey)
	}
}

// phrases are the words a session may speak, so the player can get them
// ready before they are due.
func (s *sessionView) phrases() []string {
	out := []string{"Rest", "Last one", "Last set", "Next exercise", "Left side", "Right side",
		"Paused", "Well done, session complete"}
	for _, it := range s.plan.Items {
		if it.Exercise == nil {
			continue
		}
		out = append(out, it.Exercise.Name)
		for _, st := range it.Exercise.Steps {
			out = append(out, st.Cue)
		}
	}
	return out
}

// build makes every widget of the three parts of the screen: following
// along, what happened after "Stop — it hurts", and the ratings.
func (s *sessionView) build() {
	s.figure = figure.New()
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

	s.pain = s.buildPain()
	s.pain.Hide()
	s.ratings = s.buildRatings()
	s.ratings.Hide()
	s.root = container.NewThemeOverride(container.NewPadded(container.NewStack(s.running, s.pain, s.ratings)), sessionTheme{})
}

func (s *sessionView) buildPain() fyne.CanvasObject {
	title := &widget.Label{Text: "Stopped. Take your time.", TextStyle: fyne.TextStyle{Bold: true},
		SizeName: theme.SizeNameHeadingText, Wrapping: fyne.TextWrapWord}
	intro := &widget.Label{Text: "Find a comfortable position and breathe easily. When you are ready, tell Steady what happened; tick all that fit.",
		Wrapping: fyne.TextWrapWord}
	box := container.NewVBox(title, intro)
	for i, r := range painReasons {
		s.painChecks[i] = widget.NewCheck(r.text, nil)
		box.Add(s.painChecks[i])
	}
	s.painOther = widget.NewCheck("Something else", nil)
	s.painText = &widget.Entry{PlaceHolder: "What happened? (optional)"}
	s.painText.ExtendBaseWidget(s.painText)
	s.painText.OnChanged = func(t string) {
		if strings.TrimSpace(t) != "" {
			s.painOther.SetChecked(true)
		}
	}
	box.Add(container.NewBorder(nil, nil, s.painOther, nil, s.painText))
	urgent := &widget.Label{Text: urgentCare, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	box.Add(widget.NewSeparator())
	box.Add(urgent)
	s.painNext = &widget.Button{Text: "Next: how did the session go?", Icon: theme.NavigateNextIcon(),
		Importance: widget.HighImportance, OnTapped: s.painDone}
	box.Add(s.painNext)
	return container.NewVScroll(container.NewPadded(box))
}

func (s *sessionView) buildRatings() fyne.CanvasObject {
	s.ratingsTitle = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Wrapping: fyne.TextWrapWord}
	s.ratingsIntro = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.maxPain = journalview.NewScale("No pain", "Worst imaginable", func(int) { s.checkRatings() })
	s.painNow = journalview.NewScale("No pain", "Worst imaginable", func(int) { s.checkRatings() })
	s.maxPain.OnSubmit = func() { s.win.Canvas().Focus(s.painNow) }
	s.painNow.OnSubmit = func() { s.win.Canvas().Unfocus() }
	s.leg = widget.NewRadioGroup([]string{legNo, legSettled, legStayed}, func(string) { s.checkRatings() })
	s.leg.Horizontal = true
	s.felt = widget.NewRadioGroup([]string{feltEasy, feltOK, feltHard}, func(string) { s.checkRatings() })
	s.felt.Horizontal = true
	s.save = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.saveRatings}
	s.save.ExtendBaseWidget(s.save)
	s.missing = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	bold := func(t string) *widget.Label { return &widget.Label{Text: t, TextStyle: fyne.TextStyle{Bold: true}} }
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		s.ratingsTitle, s.ratingsIntro,
		bold("Highest pain during the session"), s.maxPain,
		bold("Pain now"), s.painNow,
		bold("Did leg symptoms spread further down the leg?"), s.leg,
		bold("How did it feel?"), s.felt,
		container.NewBorder(nil, nil, nil, s.save, s.missing),
	)))
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
	if s.phase == phaseRatings && (e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter) && !s.save.Disabled() {
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
	if s.phase != phaseRunning {
		return false
	}
	if e.Name == fyne.KeyH {
		s.stopForPain()
		return true
	}
	if s.confirming {
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

// togglePause pauses a running session and resumes a paused one.
func (s *sessionView) togglePause() {
	if s.phase != phaseRunning || s.confirming {
		return
	}
	if s.runner.Paused() {
		s.resume()
		return
	}
	s.pause()
	s.sound.SayAt("Paused", time.Time{})
}

func (s *sessionView) pause() {
	if s.runner.Paused() || s.runner.Done() {
		return
	}
	s.runner.Pause()
	s.setPump(false)
	// Drop the cues queued for the running session now, not when the
	// runner's report arrives.
	s.cues.update(s.runner.Position().Generation, nil)
	s.pausedAt = s.clock.Now()
	s.render(s.runner.Position())
}

func (s *sessionView) resume() {
	if !s.runner.Paused() {
		return
	}
	s.runner.Resume()
	s.pausedFor += s.clock.Now().Sub(s.pausedAt)
	s.pausedAt = time.Time{}
	p := s.runner.Position()
	s.cues.update(p.Generation, s.runner.Upcoming(cueLookahead))
	s.setPump(true)
	s.render(p)
}

// skip goes to the next exercise; the one in progress counts as skipped
// unless its work was done.
func (s *sessionView) skip() {
	if s.phase != phaseRunning || s.confirming {
		return
	}
	p := s.runner.Position()
	if !p.Done && p.Offset < s.workEnd[p.Item] && s.status[p.Item] != itemDone {
		s.status[p.Item] = itemSkipped
	}
	s.jumped(s.runner.Next)
}

func (s *sessionView) back() {
	if s.phase == phaseRunning && !s.confirming {
		s.jumped(s.runner.Back)
	}
}

func (s *sessionView) repeat() {
	if s.phase == phaseRunning && !s.confirming {
		s.jumped(s.runner.Repeat)
	}
}

// jumped moves the session with move and shows where it landed; an exercise
// gone back to can be completed again.
func (s *sessionView) jumped(move func()) {
	move()
	p := s.runner.Position()
	if p.Done {
		return // the session's end reaches finish through the runner
	}
	if s.status[p.Item] == itemSkipped {
		s.status[p.Item] = itemNotDone
	}
	if !p.Paused {
		s.cues.update(p.Generation, s.runner.Upcoming(cueLookahead))
	}
	s.render(p)
}

// askEnd pauses and asks whether to end the session.
func (s *sessionView) askEnd() {
	if s.phase != phaseRunning || s.confirming {
		return
	}
	s.resumeAfter = !s.runner.Paused()
	s.pause()
	s.confirming = true
	s.controls.Hide()
	s.confirm.Show()
}

// keepGoing closes the end question and goes on as before it.
func (s *sessionView) keepGoing() {
	if !s.confirming {
		return
	}
	s.closeConfirm()
	if s.resumeAfter {
		s.resume()
	}
}

// closeConfirm puts the session's controls back in place of "End the
// session?".
func (s *sessionView) closeConfirm() {
	s.confirming = false
	s.confirm.Hide()
	s.controls.Show()
}

// endEarly ends the session where it is and asks for the ratings.
func (s *sessionView) endEarly() {
	if s.phase != phaseRunning {
		return
	}
	s.closeConfirm()
	s.stopRunner(true)
	s.result.EndedEarly = true
	s.showRatings("Session ended", "Thank you. A few quick answers, even for a short session.")
}

// stopForPain stops everything at once and asks what happened.
func (s *sessionView) stopForPain() {
	if s.phase != phaseRunning {
		return
	}
	s.closeConfirm()
	s.stopRunner(true)
	s.result.EndedEarly = true
	s.result.StoppedForPain = true
	s.phase = phasePain
	s.running.Hide()
	s.pain.Show()
}

// stopRunner ends the runner and its figure, and notes when. cancel drops
// the sounds still queued; a session that played to its end keeps them, to
// say it is complete.
func (s *sessionView) stopRunner(cancel bool) {
	s.runner.End()
	s.setPump(false)
	if cancel {
		s.sound.CancelPending()
	}
	s.figure.Pause()
	s.ended = s.clock.Now()
	if !s.pausedAt.IsZero() {
		s.pausedFor += s.ended.Sub(s.pausedAt)
		s.pausedAt = time.Time{}
	}
}

// painDone keeps what the user ticked and moves on to the ratings.
func (s *sessionView) painDone() {
	if s.phase != phasePain {
		return
	}
	var said []string
	for i, r := range painReasons {
		if s.painChecks[i].Checked {
			said = append(said, strings.ToLower(r.text[:1])+r.text[1:])
			s.result.NumbWeak = s.result.NumbWeak || r.numbWeak
		}
	}
	if s.painOther.Checked {
		other := "something else"
		if t := strings.TrimSpace(s.painText.Text); t != "" {
			other += ": " + t
		}
		said = append(said, other)
	}
	s.result.StopReason = strings.Join(said, "; ")
	s.pain.Hide()
	s.showRatings("How did it go?", "Rate the session as it was, up to when you stopped.")
}

// finish follows the runner's end: played to the end, or ended by a jump
// past the last exercise.
func (s *sessionView) finish(completed bool) {
	if s.phase != phaseRunning {
		return // ended from the screen, which moved on already
	}
	s.closeConfirm()
	s.stopRunner(!completed)
	s.result.EndedEarly = !completed
	title := "Well done — session complete"
	if !completed {
		title = "Session ended"
	}
	s.showRatings(title, "How was it?")
}

func (s *sessionView) showRatings(title, intro string) {
	s.phase = phaseRatings
	s.ratingsTitle.SetText(title)
	s.ratingsIntro.SetText(intro + " " + ratingsHow)
	s.running.Hide()
	s.pain.Hide()
	s.ratings.Show()
	s.checkRatings()
	s.win.Canvas().Focus(s.maxPain)
}

// checkRatings enables Save once every question has an answer, and says
// which are still open.
func (s *sessionView) checkRatings() {
	var open []string
	if s.maxPain.Value() == journalview.NoValue {
		open = append(open, "highest pain")
	}
	if s.painNow.Value() == journalview.NoValue {
		open = append(open, "pain now")
	}
	if s.leg.Selected == "" {
		open = append(open, "leg symptoms")
	}
	if s.felt.Selected == "" {
		open = append(open, "how it felt")
	}
	if len(open) == 0 {
		s.missing.SetText("")
		s.save.Enable()
		return
	}
	s.missing.SetText("Still to answer: " + strings.Join(open, ", ") + ".")
	s.save.Disable()
}

// saveRatings completes the result and hands it over.
func (s *sessionView) saveRatings() {
	if s.phase != phaseRatings || s.save.Disabled() {
		return
	}
	s.phase = phaseFinished
	r := s.result
	r.Started, r.Ended = s.started, s.ended
	r.Duration = max(s.ended.Sub(s.started)-s.pausedFor, 0)
	for i, it := range s.plan.Items {
		if s.ordinal[i] == 0 {
			continue
		}
		if s.status[i] == itemDone {
			r.Completed = append(r.Completed, it.Exercise.ID)
		} else {
			r.Skipped = append(r.Skipped, it.Exercise.ID)
		}
	}
	r.MaxPainDuring, r.PainAfter = s.maxPain.Value(), s.painNow.Value()
	switch s.leg.Selected {
	case legSettled:
		r.LegSpread = program.SpreadSettled
	case legStayed:
		r.LegSpread = program.SpreadStayed
	default:
		r.LegSpread = program.SpreadNone
	}
	switch s.felt.Selected {
	case feltEasy:
		r.Felt = program.FeltEasy
	case feltHard:
		r.Felt = program.FeltHard
	default:
		r.Felt = program.FeltOK
	}
	s.save.Disable()
	s.releaseKeys()
	if s.onFinish != nil {
		s.onFinish(r)
	}
}

// noteEvent marks an exercise done when the session plays past the end of
// its work.
func (s *sessionView) noteEvent(e program.Event) {
	for i, end := range s.workEnd {
		if end == e.Offset && s.status[i] != itemSkipped {
			s.status[i] = itemDone
		}
	}
}

// setPump starts or stops the display pump, and holds the sound output
// awake while it runs. It may be called from any goroutine.
func (s *sessionView) setPump(on bool) {
	s.pumpMu.Lock()
	defer s.pumpMu.Unlock()
	if on == s.pumping {
		return
	}
	s.pumping = on
	s.pumpGen++
	if h, ok := s.sound.(soundHolder); ok {
		h.Hold(on)
	}
	if s.pumpTimer != nil {
		s.pumpTimer.Stop()
		s.pumpTimer = nil
	}
	if on {
		s.schedulePump(s.pumpGen)
	}
}

// schedulePump queues the next beat of pump run gen; s.pumpMu is held.
func (s *sessionView) schedulePump(gen int) {
	s.pumpTimer = s.clock.AfterFunc(frameEvery, func() { s.pump(gen) })
}

// pump is one beat: it queues the sounds coming up (on the clock's
// goroutine, so they never wait for the screen) and redraws the countdown.
func (s *sessionView) pump(gen int) {
	s.pumpMu.Lock()
	if gen != s.pumpGen {
		s.pumpMu.Unlock()
		return
	}
	s.schedulePump(gen)
	s.pumpMu.Unlock()
	if evs := s.runner.Upcoming(cueLookahead); len(evs) > 0 {
		s.cues.update(evs[0].Generation, evs)
	}
	fyne.Do(func() { s.render(s.runner.Position()) })
}

// render shows position p: everything when the interval (or the runner's
// generation) changed, else just the countdown and progress.
func (s *sessionView) render(p program.Position) {
	if s.phase != phaseRunning || p.Done {
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
	if text := fmt.Sprintf("Exercise %d of %d · %s", s.ordinal[p.Item], s.exercise, timeLeft(p.Total-p.Offset)); text != s.progressText.Text {
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
		s.counters.SetText(fmt.Sprintf("Exercise %d of %d done", s.ordinal[p.Item], s.exercise))
		s.showStill(nx)
	case p.Step >= 0:
		st := ex.Steps[p.Step]
		s.name.SetText(ex.Name)
		s.instruction.SetText(stepText(st))
		s.counters.SetText(counterText(p))
		s.frameFor(ex)
		// The figure keeps its own time: start the step as far back as the
		// session is into it.
		if err := s.figure.ShowStep(st, p.Duration, time.Now().Add(-p.Elapsed)); err != nil {
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

// cueQueue hands the session's sounds to the player ahead of time, each at
// the runner's due time, and drops them when the runner's generation moves
// on (a pause, a skip). Speech is spaced so two phrases never talk over
// each other. It is safe for concurrent use.
type cueQueue struct {
	sound cuePlayer
	tl    program.Timeline

	mu         sync.Mutex
	gen        uint64
	queued     map[program.Event]bool // by the event without Due and Generation
	speechFree time.Time              // when the last queued phrase should be over
}

// Speech spacing.
const (
	// toneGap is how long after a tone a phrase starts.
	toneGap = 450 * time.Millisecond
	// speechLate is how far a phrase may slip behind its moment to make
	// room for the one before; later than that it is left out.
	speechLate = 1500 * time.Millisecond
)

// update moves the queue to generation gen (cancelling what was queued for
// an earlier one) and queues the events not queued yet. Events of an older
// generation than the queue's are ignored.
func (q *cueQueue) update(gen uint64, events []program.Event) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.advance(gen)
	for _, e := range events {
		q.advance(e.Generation)
		if e.Generation != q.gen {
			continue
		}
		k := e
		k.Due, k.Generation = time.Time{}, 0
		if q.queued[k] {
			continue
		}
		q.queued[k] = true
		q.schedule(e)
	}
}

// advance starts a newer generation; q.mu is held.
func (q *cueQueue) advance(gen uint64) {
	if gen <= q.gen {
		return
	}
	q.gen = gen
	q.sound.CancelPending()
	clear(q.queued)
	q.speechFree = time.Time{}
}

// schedule queues the sounds of one event; q.mu is held.
func (q *cueQueue) schedule(e program.Event) {
	at := e.Due
	switch e.Kind {
	case program.GetReady:
		if e.Offset > 0 {
			q.sound.PlayAt(audio.RestOver, at)
			at = at.Add(toneGap)
		}
		q.say(e.Name, at)
		q.say(e.Cue, at)
	case program.CountdownTick:
		q.sound.PlayAt(audio.GetReadyTick, at)
	case program.StartMove, program.StartHold, program.StartWalk:
		q.sound.PlayAt(audio.Go, at)
		q.say(e.Cue, at.Add(toneGap))
	case program.NextStep:
		q.say(e.Cue, at)
	case program.Halfway:
		q.sound.PlayAt(audio.Halfway, at)
	case program.LastSeconds:
		q.sound.PlayAt(audio.LastSecondsTick, at)
	case program.Release:
		q.sound.PlayAt(audio.Release, at)
		q.say(e.Cue, at.Add(toneGap))
	case program.NextRep:
		if e.Rep == e.Reps && e.Reps > 1 && q.stageAt(e) == program.StageRepRest {
			q.say("Last one", at)
		}
	case program.SwitchSides:
		q.sound.PlayAt(audio.SwitchSides, at)
		if e.Side == program.RightSide {
			q.say("Right side", at.Add(toneGap))
		} else {
			q.say("Left side", at.Add(toneGap))
		}
	case program.Rest:
		q.say("Rest", at)
	case program.NextPreview:
		switch {
		case q.stageAt(e) == program.StageRest:
			q.say("Next exercise", at)
			q.say(e.Name, at)
		case e.Sets > 1 && e.Set == e.Sets:
			q.say("Last set", at)
		}
	case program.SessionComplete:
		q.sound.PlayAt(audio.SessionComplete, at)
		q.say("Well done, session complete", at.Add(1200*time.Millisecond))
	}
}

// stageAt is the stage of the interval in progress at e.
func (q *cueQueue) stageAt(e program.Event) program.Stage {
	if ivs := q.tl.Intervals(); e.Interval >= 0 && e.Interval < len(ivs) {
		return ivs[e.Interval].Stage
	}
	return 0
}

// say queues a phrase at at, or after the phrase before it; q.mu is held.
func (q *cueQueue) say(text string, at time.Time) {
	if strings.TrimSpace(text) == "" {
		return
	}
	start := at
	if q.speechFree.After(start) {
		start = q.speechFree
	}
	if start.Sub(at) > speechLate {
		return
	}
	q.sound.SayAt(text, start)
	q.speechFree = start.Add(speechLength(text))
}

// speechLength is about how long a phrase takes to say.
func speechLength(text string) time.Duration {
	return 250*time.Millisecond + time.Duration(len(strings.Fields(text)))*330*time.Millisecond
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
// session reads from the floor two or three metres away. It follows the
// app's theme as that changes.
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
