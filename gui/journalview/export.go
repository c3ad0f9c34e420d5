package journalview

import (
	"errors"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"steady/gui/keys"
	"steady/journal"
	"steady/locale"
)

// An exportChoice is an export format with its name in the dialog.
type exportChoice struct {
	format journal.Format
	label  string
}

// exportChoices are the export formats offered, named in the user's
// language (the dialog compares the chosen label with these). The files
// themselves are the same in every language.
func exportChoices() []exportChoice {
	return []exportChoice{
		{journal.CSV, locale.L("CSV — for a spreadsheet")},
		{journal.JSON, locale.L("JSON — complete, for other programs")},
	}
}

// chooseExport asks for a format, then for a file, and exports to it.
func (v *View) chooseExport() {
	choices := exportChoices()
	var labels []string
	for _, c := range choices {
		labels = append(labels, c.label)
	}
	choice := &widget.RadioGroup{Options: labels, Required: true}
	choice.SetSelected(labels[0])
	keys.Confirm(v.win, locale.L("Export the journal"), choice, fyne.Size{}, locale.L("Cancel"), locale.L("Choose file…"), widget.HighImportance, func(ok bool) {
		if !ok {
			return
		}
		f := journal.CSV
		for _, c := range choices {
			if c.label == choice.Selected {
				f = c.format
			}
		}
		v.saveFile(fmt.Sprintf("steady-journal-%s.%s", v.now().Format("2006-01-02"), f), "."+f.String(),
			func(w io.Writer) error { return v.store.Export(w, f) },
			func(file string) string {
				return locale.L("Your journal is saved in {{.File}}.", locale.Args{"File": file})
			})
	})
}

// chooseReport asks for a file and writes the clinician report to it.
func (v *View) chooseReport() {
	v.saveFile(fmt.Sprintf("steady-report-%s.html", v.now().Format("2006-01-02")), ".html",
		v.writeReport,
		func(file string) string {
			return locale.L("The report is saved in {{.File}}. Open it in a web browser to read or print it.", locale.Args{"File": file})
		})
}

// writeReport writes the clinician report of the whole journal to w.
func (v *View) writeReport(w io.Writer) error {
	r, err := v.store.Journal()
	if err != nil {
		return err
	}
	return WriteReport(w, r, v.now())
}

// saveFile asks where to save name, writes it with write and says how it
// went; done says where the file was saved, given its name.
func (v *View) saveFile(name, ext string, write func(io.Writer) error, done func(file string) string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		v.fileChosen(w, err, write, done)
	}, v.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	keys.Attach(v.win, d, func() {}) // Escape cancels; Enter is the file dialog's own
	d.Show()
}

// fileChosen writes the file the save dialog chose and says how it went.
func (v *View) fileChosen(w fyne.URIWriteCloser, err error, write func(io.Writer) error, done func(file string) string) {
	if err != nil {
		keys.ShowError(fmt.Errorf("%s: %w", locale.L("Steady could not open that file"), err), v.win)
		return
	}
	if w == nil {
		return // cancelled
	}
	if err := writeClose(w, write); err != nil {
		keys.ShowError(fmt.Errorf("%s: %w", locale.L("Steady could not write {{.File}}", locale.Args{"File": w.URI().Name()}), err), v.win)
		return
	}
	keys.ShowInformation(locale.L("Saved"), done(w.URI().Name()), v.win)
}

// writeClose writes to w and closes it, returning the first error.
func writeClose(w io.WriteCloser, write func(io.Writer) error) error {
	err := write(w)
	return errors.Join(err, w.Close())
}
