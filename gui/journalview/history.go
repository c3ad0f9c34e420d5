package journalview

import (
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"steady/explain"
	"steady/journal"
	"steady/locale"
)

// A record is one row of the history: an entry or a session.
type record struct {
	at      time.Time
	entry   *journal.Entry
	session *journal.Session
	walk    *journal.Walk
	rating  *journal.FunctionRating
}

// historyDay is one day of the history, its records newest first.
type historyDay struct {
	day     time.Time
	records []record
}

// groupByDay returns the records from from on, grouped by day, newest day
// first and newest record first within a day, and whether any are older.
func groupByDay(entries []journal.Entry, sessions []journal.Session, walks []journal.Walk, ratings []journal.FunctionRating, from time.Time) ([]historyDay, bool) {
	var recs []record
	older := false
	for i := range ratings {
		if ratings[i].Time.Before(from) {
			older = true
			continue
		}
		recs = append(recs, record{at: ratings[i].Time, rating: &ratings[i]})
	}
	for i := range entries {
		if entries[i].Time.Before(from) {
			older = true
			continue
		}
		recs = append(recs, record{at: entries[i].Time, entry: &entries[i]})
	}
	for i := range sessions {
		if sessions[i].Time.Before(from) {
			older = true
			continue
		}
		recs = append(recs, record{at: sessions[i].Time, session: &sessions[i]})
	}
	for i := range walks {
		if walks[i].Time.Before(from) {
			older = true
			continue
		}
		recs = append(recs, record{at: walks[i].Time, walk: &walks[i]})
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].at.After(recs[j].at) })
	var days []historyDay
	for _, r := range recs {
		d := startOfDay(r.at)
		if len(days) == 0 || !days[len(days)-1].day.Equal(d) {
			days = append(days, historyDay{day: d})
		}
		days[len(days)-1].records = append(days[len(days)-1].records, r)
	}
	return days, older
}

// showHistory rebuilds the history from the records in memory.
func (v *View) showHistory() {
	from := startOfDay(v.now()).AddDate(0, 0, 1-v.historyDays)
	days, older := groupByDay(v.records.Entries, v.records.Sessions, v.records.Walks, v.records.Function.Ratings, from)
	var objs []fyne.CanvasObject
	switch {
	case len(v.records.Entries) == 0 && len(v.records.Sessions) == 0 && len(v.records.Walks) == 0 && len(v.records.Function.Ratings) == 0:
		objs = append(objs, &widget.Label{Text: locale.L("No entries yet. Your check-ins and sessions will appear here."), Wrapping: fyne.TextWrapWord})
	case len(days) == 0:
		objs = append(objs, &widget.Label{Text: locale.L("Nothing in these days. Older records are below."), Wrapping: fyne.TextWrapWord})
	}
	now := v.now()
	for i, d := range days {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, &widget.Label{Text: dayHeader(d.day, now), TextStyle: fyne.TextStyle{Bold: true}})
		for _, r := range d.records {
			objs = append(objs, v.row(r))
		}
	}
	v.history.Objects = objs
	v.history.Refresh()
	if older {
		v.older.Show()
	} else {
		v.older.Hide()
	}
}

// row is one record's line, its note, and its buttons.
func (v *View) row(r record) fyne.CanvasObject {
	lines := container.NewVBox()
	var buttons *fyne.Container
	if e := r.entry; e != nil {
		e := *e
		lines.Add(&widget.Label{Text: entryLine(e), Wrapping: fyne.TextWrapWord})
		if e.Note != "" {
			lines.Add(&widget.Label{Text: e.Note, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}})
		}
		buttons = container.NewHBox(
			&widget.Button{Text: locale.L("Edit"), Importance: widget.LowImportance, OnTapped: func() { v.edit(e) }},
			&widget.Button{Text: locale.L("Delete"), Importance: widget.LowImportance, OnTapped: func() { v.deleteEntry(e) }})
	} else if fr := r.rating; fr != nil {
		lines.Add(&widget.Label{Text: ratingLine(v.records.Function.Name(fr.Activity), *fr), Wrapping: fyne.TextWrapWord})
		buttons = container.NewHBox()
	} else if w := r.walk; w != nil {
		w := *w
		lines.Add(&widget.Label{Text: walkLine(w), Wrapping: fyne.TextWrapWord})
		if w.Note != "" {
			lines.Add(&widget.Label{Text: w.Note, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}})
		}
		buttons = container.NewHBox(
			&widget.Button{Text: locale.L("Delete"), Importance: widget.LowImportance, OnTapped: func() { v.deleteWalk(w) }})
	} else {
		s := *r.session
		lines.Add(&widget.Label{Text: sessionLine(s), Wrapping: fyne.TextWrapWord})
		if s.StoppedForPain || s.StopNote != "" {
			lines.Add(&widget.Label{Text: explain.Stop(s.StopCauses, s.StopNote), Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}})
		}
		buttons = container.NewHBox(
			&widget.Button{Text: locale.L("Delete"), Importance: widget.LowImportance, OnTapped: func() { v.deleteSession(s) }})
	}
	return container.NewBorder(nil, nil, nil, container.NewVBox(buttons), lines)
}
