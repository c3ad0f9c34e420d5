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
)

// exportChoices are the export formats offered, with their names.
var exportChoices = []struct {
	format journal.Format
	label  string
}{
	{journal.CSV, "CSV — for a spreadsheet"},
	{journal.JSON, "JSON — complete, for other programs"},
}

// chooseExport asks for a format, then for a file, and exports to it.
func (v *View) chooseExport() {
	var labels []string
	for _, c := range exportChoices {
		labels = append(labels, c.label)
	}
	choice := &widget.RadioGroup{Options: labels, Required: true}
	choice.SetSelected(labels[0])
	keys.Confirm(v.win, "Export the journal", choice, fyne.Size{}, "Cancel", "Choose file…", widget.HighImportance, func(ok bool) {
		if !ok {
			return
		}
		f := journal.CSV
		for _, c := range exportChoices {
			if c.label == choice.Selected {
				f = c.format
			}
		}
		v.saveFile(fmt.Sprintf("steady-journal-%s.%s", v.now().Format("2006-01-02"), f), "."+f.String(),
			func(w io.Writer) error { return v.store.Export(w, f) },
			"Your journal is saved in %s.")
	})
}

// chooseReport asks for a file and writes the clinician report to it.
func (v *View) chooseReport() {
	v.saveFile(fmt.Sprintf("steady-report-%s.html", v.now().Format("2006-01-02")), ".html",
		v.writeReport,
		"The report is saved in %s. Open it in a web browser to read or print it.")
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
// went; done is a message with %s for the file's name.
func (v *View) saveFile(name, ext string, write func(io.Writer) error, done string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		v.fileChosen(w, err, write, done)
	}, v.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	keys.Attach(v.win, d, func() {}) // Escape cancels; Enter is the file dialog's own
	d.Show()
}

// fileChosen writes the file the save dialog chose and says how it went.
func (v *View) fileChosen(w fyne.URIWriteCloser, err error, write func(io.Writer) error, done string) {
	if err != nil {
		keys.ShowError(fmt.Errorf("Steady could not open that file: %w", err), v.win)
		return
	}
	if w == nil {
		return // cancelled
	}
	if err := writeClose(w, write); err != nil {
		keys.ShowError(fmt.Errorf("Steady could not write %s: %w", w.URI().Name(), err), v.win)
		return
	}
	keys.ShowInformation("Saved", fmt.Sprintf(done, w.URI().Name()), v.win)
}

// writeClose writes to w and closes it, returning the first error.
func writeClose(w io.WriteCloser, write func(io.Writer) error) error {
	err := write(w)
	return errors.Join(err, w.Close())
}
