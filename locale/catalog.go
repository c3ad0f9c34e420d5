package locale

import (
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"log"
	"path"
	"strings"
	"sync"
	"text/template"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed catalogs/*.json
var catalogs embed.FS

// bundle holds every catalog, loaded once on first use.
var bundle = sync.OnceValue(func() *i18n.Bundle {
	sub, err := fs.Sub(catalogs, "catalogs")
	if err != nil {
		panic(err) // the embedded folder exists: a build without it cannot be
	}
	return loadBundle(sub, log.Printf)
})

// loadBundle reads every <area>.<lang>.json in fsys. A catalog that cannot
// be read is left out with one line in the log: its messages read in
// English, and Steady goes on.
func loadBundle(fsys fs.FS, logf func(format string, v ...any)) *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		logf("locale: %v; every message reads in English", err)
		return b
	}
	for _, name := range names {
		if err := loadCatalog(b, fsys, name); err != nil {
			logf("locale: catalog %s left out, its messages read in English: %v", name, err)
		}
	}
	return b
}

func loadCatalog(b *i18n.Bundle, fsys fs.FS, name string) error {
	if _, lang, ok := CatalogName(name); !ok || !supported(lang) {
		return errors.New("want <area>.<lang>.json with lang one of en, de, es, fr")
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	// Parse first so that a broken file adds nothing at all.
	if _, err := i18n.ParseMessageFileBytes(data, name, map[string]i18n.UnmarshalFunc{"json": json.Unmarshal}); err != nil {
		return err
	}
	_, err = b.ParseMessageFileBytes(data, name)
	return err
}

// CatalogName splits a catalog's file name, "cli.de.json", into its area
// and language; ok is false for a name of another shape.
func CatalogName(name string) (area, lang string, ok bool) {
	base, found := strings.CutSuffix(path.Base(name), ".json")
	if !found {
		return "", "", false
	}
	area, lang, ok = strings.Cut(base, ".")
	if !ok || area == "" || lang == "" || strings.Contains(lang, ".") {
		return "", "", false
	}
	return area, lang, true
}

// Args are a message's named inputs: locale.L("Hello {{.Name}}",
// locale.Args{"Name": name}).
type Args = map[string]any

// Err is an error whose text is the message msg, translated each time it
// is read (Error), so that an error made when the program starts reads in
// the language chosen later: for the errors a library returns that the
// user reads as they are.
func Err(msg string) error { return translatedError(msg) }

type translatedError string

func (e translatedError) Error() string { return L(string(e)) }

// localizers are made once per language.
var localizers sync.Map // language code → *i18n.Localizer

func (l Locale) localizer() *i18n.Localizer {
	if v, ok := localizers.Load(l.Lang()); ok {
		return v.(*i18n.Localizer)
	}
	v, _ := localizers.LoadOrStore(l.Lang(), newLocalizer(bundle(), l))
	return v.(*i18n.Localizer)
}

// newLocalizer looks messages up in l's language, then in English.
func newLocalizer(b *i18n.Bundle, l Locale) *i18n.Localizer {
	return i18n.NewLocalizer(b, l.Lang(), "en")
}

// L translates msg, an English text, into l's language and fills its
// {{.Name}} placeholders from data[0] (a map or a struct). A message the
// catalog lacks, or whose translation cannot be rendered, reads in English.
func (l Locale) L(msg string, data ...any) string { return l.X(msg, msg, data...) }

// X translates the message with the ID id, whose English text is msg: for
// the rare English text that needs two translations (the month "May" and
// its abbreviation), told apart by their IDs.
func (l Locale) X(id, msg string, data ...any) string {
	return localize(l.localizer(), &i18n.Message{ID: id, Other: msg}, nil, first(data))
}

// N translates msg, an English text in the plural, choosing the plural
// form for count: the catalogs (English included, cli.en.json) hold the
// forms, "one" and "other" and whatever else the language has. {{.Count}}
// in the text is count.
func (l Locale) N(msg string, count int, data ...any) string {
	d := map[string]any{}
	switch v := first(data).(type) {
	case nil:
	case map[string]any:
		for k, x := range v {
			d[k] = x
		}
	default:
		panic("locale: N takes its data as a map[string]any")
	}
	if _, ok := d["Count"]; !ok {
		d["Count"] = count
	}
	return localize(l.localizer(), &i18n.Message{ID: msg, Other: msg}, count, d)
}

func first(data []any) any {
	if len(data) == 0 {
		return nil
	}
	return data[0]
}

func localize(loc *i18n.Localizer, m *i18n.Message, count, data any) string {
	s, err := loc.Localize(&i18n.LocalizeConfig{DefaultMessage: m, PluralCount: count, TemplateData: data})
	if err == nil {
		return s
	}
	var notFound *i18n.MessageNotFoundErr
	if errors.As(err, &notFound) && s != "" {
		return s // English, from the default message: a gap the catalog test reports
	}
	return render(m.Other, data)
}

// render is the English text with its data, for a translation that could
// not be rendered.
func render(msg string, data any) string {
	t, err := template.New("").Option("missingkey=zero").Parse(msg)
	if err != nil {
		return msg
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return msg
	}
	return b.String()
}

// L translates msg into the process's language; see Locale.L.
func L(msg string, data ...any) string { return Current().L(msg, data...) }

// N translates a plural message into the process's language; see Locale.N.
func N(msg string, count int, data ...any) string { return Current().N(msg, count, data...) }

// X translates the message id into the process's language; see Locale.X.
func X(id, msg string, data ...any) string { return Current().X(id, msg, data...) }
