package locale

// The catalogs are kept complete by two checks over the repository's Go
// source, run by plain `go test`:
//
//  1. TestCatalogsMatchCode: every message the code translates (the first
//     string literal of a call .L, .N, .X or locale.Err, and {{L "..."}} in
//     an HTML template) is in one catalog of every language, with the same
//     placeholders; plural messages have their forms (English included);
//     and no catalog holds a message the code no longer uses.
//  2. TestNoUntranslatedText: in the packages listed in userText, no string
//     literal that reads as words bypasses the catalogs; in the window's
//     files, not even a one-word label handed to a widget.

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// repoRoot is the repository, seen from this package's folder.
const repoRoot = ".."

// A message is one the code translates.
type message struct {
	id, english string
	plural      bool
	where       string // file:line, for the test's messages
}

// messageCalls are the methods and functions whose first argument is a
// message ID: Locale.L, N and X and the package's own L, N, X and Err.
var messageCalls = map[string]bool{"L": true, "N": true, "X": true, "Err": true}

// templateL finds {{L "message" ...}} in an HTML template's text.
var templateL = regexp.MustCompile(`\{\{\s*L\s+("(?:[^"\\]|\\.)*")`)

// placeholder finds the {{.Name}} fields of a message.
var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// goFiles parses the repository's Go files, tests and test data left out.
func goFiles(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "build", "testdata", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, path)
		files[filepath.ToSlash(rel)] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fset, files
}

// stringValue is the value of a string literal or a concatenation of
// them; ok is false for anything else.
func stringValue(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := stringValue(e.X)
		b, ok2 := stringValue(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return stringValue(e.X)
	}
	return "", false
}

// messageCall reports whether call translates a message: a call of L, N or
// X on anything but the toolkit's lang package, or of locale.Err.
func messageCall(call *ast.CallExpr) (name string, ok bool) {
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		name = fn.Sel.Name
		if id, isIdent := fn.X.(*ast.Ident); isIdent && id.Name == "lang" {
			return "", false
		}
		if name == "Err" {
			id, isIdent := fn.X.(*ast.Ident)
			return name, isIdent && id.Name == "locale"
		}
	case *ast.Ident:
		name = fn.Name // inside package locale
	default:
		return "", false
	}
	return name, messageCalls[name]
}

// templateWrappers are the functions that translate a template's
// messages, passed to them as variables: the messages are found in the
// template's text instead ({{L "..."}}).
var templateWrappers = map[string]bool{
	"gui/journalview/report.go reportL": true,
	"gui/figure/render.go sheetL":       true,
}

// codeMessages finds every message the code translates.
func codeMessages(t *testing.T) []message {
	fset, files := goFiles(t)
	var out []message
	for path, f := range files {
		inLocale := strings.HasPrefix(path, "locale/")
		fn := "" // the function being walked
		ast.Inspect(f, func(n ast.Node) bool {
			if d, ok := n.(*ast.FuncDecl); ok {
				fn = d.Name.Name
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				name, ok := messageCall(n)
				if !ok || len(n.Args) == 0 {
					return true
				}
				if _, isIdent := n.Fun.(*ast.Ident); isIdent && !inLocale {
					return true // a local function of that name
				}
				where := fset.Position(n.Pos()).String()
				id, ok := stringValue(n.Args[0])
				if !ok {
					if !inLocale && !templateWrappers[path+" "+fn] {
						t.Errorf("%s: %s's message is not a string literal; the catalog check cannot see it", where, name)
					}
					return true
				}
				m := message{id: id, english: id, plural: name == "N", where: where}
				if name == "X" {
					if len(n.Args) < 2 {
						return true
					}
					if m.english, ok = stringValue(n.Args[1]); !ok {
						t.Errorf("%s: X's English text is not a string literal", where)
					}
				}
				out = append(out, m)
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, _ := strconv.Unquote(n.Value)
				for _, sub := range templateL.FindAllStringSubmatch(s, -1) {
					id, err := strconv.Unquote(sub[1])
					if err != nil {
						t.Errorf("%s: %v", fset.Position(n.Pos()), err)
						continue
					}
					out = append(out, message{id: id, english: id, where: fset.Position(n.Pos()).String()})
				}
			}
			return true
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].where < out[j].where })
	return out
}

// A catalogEntry is one message in one catalog: its text, or its plural
// forms.
type catalogEntry struct {
	file  string
	text  string
	forms map[string]string // "one", "other", ...; nil for a plain text
}

// readCatalogs reads every catalog: language → ID → entry.
func readCatalogs(t *testing.T) map[string]map[string]catalogEntry {
	t.Helper()
	out := map[string]map[string]catalogEntry{}
	names, err := fs.Glob(catalogs, "catalogs/*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no catalogs: %v", err)
	}
	for _, name := range names {
		file := filepath.Base(name)
		_, lang, ok := CatalogName(file)
		if !ok || !supported(lang) {
			t.Errorf("%s: want <area>.<lang>.json, lang one of en, de, es, fr", file)
			continue
		}
		data, _ := catalogs.ReadFile(name)
		var raw map[string]any
		if err := json.Unmarshal(data, &raw); err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if out[lang] == nil {
			out[lang] = map[string]catalogEntry{}
		}
		for id, v := range raw {
			e := catalogEntry{file: file}
			switch v := v.(type) {
			case string:
				e.text = v
			case map[string]any:
				e.forms = map[string]string{}
				for form, s := range v {
					str, isString := s.(string)
					if !isString {
						t.Errorf("%s: %q: form %q is not a string", file, id, form)
					}
					e.forms[form] = str
				}
			default:
				t.Errorf("%s: %q: want a string or plural forms", file, id)
				continue
			}
			if prev, dup := out[lang][id]; dup {
				t.Errorf("%q is in both %s and %s", id, prev.file, file)
			}
			out[lang][id] = e
		}
	}
	return out
}

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

func TestCatalogsMatchCode(t *testing.T) {
	code := codeMessages(t)
	if len(code) < 100 {
		t.Fatalf("found only %d messages in the code; the search is broken", len(code))
	}
	cats := readCatalogs(t)
	used := map[string]message{}
	for _, m := range code {
		if prev, ok := used[m.id]; ok && prev.english != m.english {
			t.Errorf("%s: ID %q has the English text %q here and %q at %s", m.where, m.id, m.english, prev.english, prev.where)
		}
		if prev, ok := used[m.id]; ok && prev.plural != m.plural {
			t.Errorf("%s: %q is translated both with and without a plural count (also at %s)", m.where, m.id, prev.where)
		}
		used[m.id] = m
	}
	ids := make([]string, 0, len(used))
	for id := range used {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	for _, lang := range []string{"en", "de", "es", "fr"} {
		cat := cats[lang]
		for _, id := range ids {
			m := used[id]
			e, ok := cat[id]
			switch {
			case !ok && lang == "en" && !m.plural:
				continue // English is the ID itself
			case !ok:
				t.Errorf("%s: %q (%s) is not in a %s catalog", lang, id, m.where, lang)
				continue
			case m.plural && e.forms == nil:
				t.Errorf("%s: %s: %q is counted (N) but has no plural forms", lang, e.file, id)
				continue
			case !m.plural && e.forms != nil:
				t.Errorf("%s: %s: %q has plural forms but is not counted (N)", lang, e.file, id)
				continue
			}
			want := placeholders(m.english)
			if !m.plural {
				if got := placeholders(e.text); !slices.Equal(got, want) {
					t.Errorf("%s: %s: %q: placeholders %v, want %v", lang, e.file, id, got, want)
				}
				if strings.TrimSpace(e.text) == "" {
					t.Errorf("%s: %s: %q is empty", lang, e.file, id)
				}
				continue
			}
			for _, form := range []string{"one", "other"} {
				if _, ok := e.forms[form]; !ok {
					t.Errorf("%s: %s: %q lacks the %q form", lang, e.file, id, form)
				}
			}
			for form, text := range e.forms {
				got := placeholders(text)
				if form == "one" { // "one" may say the number in words
					got = placeholders(text + "{{.Count}}")
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: %s: %q form %q: placeholders %v, want %v", lang, e.file, id, form, got, want)
				}
			}
		}
		for id, e := range cat {
			if _, ok := used[id]; !ok {
				t.Errorf("%s: %q is no longer used by the code; remove it", e.file, id)
			}
		}
	}
}

// Every catalog loads: a broken one would be left out at run time.
func TestCatalogsLoad(t *testing.T) {
	sub, err := fs.Sub(catalogs, "catalogs")
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	loadBundle(sub, func(format string, v ...any) { problems = append(problems, format) })
	if len(problems) > 0 {
		t.Errorf("catalogs left out: %d (run TestCatalogsMatchCode for details)", len(problems))
	}
}

// userText are the files whose user-facing text must go through the
// catalogs. A folder with no files listed means all its Go files (tests
// left out). errorsShown says whether errors.New and fmt.Errorf texts are
// read by the user as they are: so in package main, which prints them;
// elsewhere they are context for the log, and an error the user reads is
// made with locale.Err. (coach/session is not listed: its phrases are
// the spoken cues' keys, which the speech clips translate.)
var userText = []struct {
	dir         string
	files       []string
	errorsShown bool
}{
	{dir: ".", errorsShown: true},
	{dir: "explain"},
	{dir: "coach"},
	{dir: "gui/journalview"},
	{dir: "gui"},
	{dir: "gui/figure", files: []string{"render.go"}},
}

// notUserText are literals that read as words but are no text to
// translate, each with the reason.
var notUserText = map[string]string{
	"Farrar et al. 2001; Ostelo et al. 2008": "source names, cited the same in every language",
	"Owen et al. 2020":                       "a source name",
	"Pocovi et al. 2024":                     "a source name",
	"Stratford et al. 1995":                  "a source name",
	"NICE NG59, NICE CKS":                    "source names",
	"Steady":                                 "the app's name, the same in every language",
	"Mg":                                     "letters whose height measures a line of text, never shown",
}

// commandLine matches a line of commands as typed, such as "steady status:"
// or "steady export [-format csv|json] [-o FILE]": no words to translate.
var commandLine = regexp.MustCompile(`^\s*(steady|\[[^\]]*\]|-[a-z-]+)(\s+(\[[^\]]*\]|-[a-z-]+|[A-Z]+|export|import|backup|restore|report|status|figures))*:?\s*$`)

// allCommandLines reports whether every line of s is a command line.
func allCommandLines(s string) bool {
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) != "" && !commandLine.MatchString(line) {
			return false
		}
	}
	return true
}

// words finds two words in a row: the mark of text for a person.
var words = regexp.MustCompile(`\p{L}{2,}[ \t]+\p{L}{2,}`)

// Parts of a literal that are no words to translate: format verbs,
// template actions, HTML tags and the style sheet.
var (
	formatVerb = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)
	action     = regexp.MustCompile(`\{\{(?:[^"}]|"(?:[^"\\]|\\.)*")*\}\}`)
	styleSheet = regexp.MustCompile(`(?s)<style>.*?</style>`)
	htmlTag    = regexp.MustCompile(`<[^>]*>`)
	htmlWord   = regexp.MustCompile(`\p{L}{2,}`)
)

// readsAsWords reports whether a literal holds text for a person.
func readsAsWords(s string) bool {
	if strings.Contains(s, "<html") { // an HTML template: any word outside the markup
		s = styleSheet.ReplaceAllString(s, "")
		s = action.ReplaceAllString(s, "")
		s = htmlTag.ReplaceAllString(s, "")
		return htmlWord.MatchString(s)
	}
	s = action.ReplaceAllString(s, "")
	s = formatVerb.ReplaceAllString(s, "")
	return words.MatchString(s) && !allCommandLines(s)
}

// exemptCall reports whether the literals among call's arguments are no
// user text to check: messages themselves, log lines (the toolkit's too),
// locale codes, and errors where they are not shown as they are.
func exemptCall(call *ast.CallExpr, errorsShown bool) bool {
	if _, ok := messageCall(call); ok {
		return true
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, _ := sel.X.(*ast.Ident)
	switch {
	case pkg == nil:
		return false
	case pkg.Name == "log":
		return true
	case pkg.Name == "fyne" && (sel.Sel.Name == "LogError" || sel.Sel.Name == "Locale"):
		return true // the toolkit's log, a locale code
	case !errorsShown && (pkg.Name == "errors" && sel.Sel.Name == "New" || pkg.Name == "fmt" && sel.Sel.Name == "Errorf"):
		return true
	}
	return false
}

// The window's one-word labels ("Today", "Edit") do not read as two words
// in a row, so in the window's files (under gui/) a literal with any word
// is also text for the user where the toolkit shows it: an argument of a
// widget, dialog, container, canvas or menu constructor or of Steady's own
// keys package, of a method that sets a widget's text, or of one of the
// window's helpers that show their argument; or a value set as a Text,
// PlaceHolder, Title or Subtitle field.
var (
	// labelPackages are the packages whose functions show their string
	// arguments.
	labelPackages = map[string]bool{"widget": true, "dialog": true, "keys": true, "container": true,
		"canvas": true, "fyne": true}
	// labelFuncs are methods and the window's own helpers that show their
	// string arguments.
	labelFuncs = map[string]bool{"SetText": true, "SetPlaceHolder": true, "SetTitle": true, "SetSubTitle": true,
		"heading": true, "wrapped": true, "paragraph": true, "lazyTab": true, "show": true,
		"showError": true, "showSaveProblem": true, "prefCheck": true}
	// labelFields are the fields that hold a widget's text.
	labelFields = map[string]bool{"Text": true, "PlaceHolder": true, "Title": true, "Subtitle": true, "SubTitle": true}
	// aWord is a word of two letters or more.
	aWord = regexp.MustCompile(`\p{L}{2,}`)
	// aKey is a name for the program, not a person: a preference key, a
	// file or resource name ("appearance.theme", "icon.png").
	aKey = regexp.MustCompile(`^[\w-]+([./_:][\w-]+)+$`)
)

// labelCall reports whether call shows its string arguments to the user.
func labelCall(call *ast.CallExpr) bool {
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		if pkg, ok := fn.X.(*ast.Ident); ok && labelPackages[pkg.Name] {
			return true
		}
		return labelFuncs[fn.Sel.Name]
	case *ast.Ident:
		return labelFuncs[fn.Name]
	}
	return false
}

// labelLiterals are the string literals an expression hands on as it is:
// itself, or the parts of a concatenation, but not the arguments of a call
// or the elements of a composite literal.
func labelLiterals(e ast.Expr) []*ast.BasicLit {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return []*ast.BasicLit{e}
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return append(labelLiterals(e.X), labelLiterals(e.Y)...)
		}
	case *ast.ParenExpr:
		return labelLiterals(e.X)
	}
	return nil
}

// shownLabels are the literals f shows the user as labels (see labelCall
// and labelFields).
func shownLabels(f *ast.File) map[*ast.BasicLit]bool {
	out := map[*ast.BasicLit]bool{}
	add := func(e ast.Expr) {
		for _, lit := range labelLiterals(e) {
			out[lit] = true
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if labelCall(n) {
				for _, a := range n.Args {
					add(a)
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && labelFields[k.Name] {
				add(n.Value)
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, ok := lhs.(*ast.SelectorExpr); ok && labelFields[sel.Sel.Name] && i < len(n.Rhs) {
					add(n.Rhs[i])
				}
			}
		}
		return true
	})
	return out
}

// isLabel reports whether a literal the window shows holds a word.
func isLabel(s string) bool {
	s = action.ReplaceAllString(s, "")
	s = formatVerb.ReplaceAllString(s, "")
	return aWord.MatchString(s) && !aKey.MatchString(s)
}

func TestNoUntranslatedText(t *testing.T) {
	fset, files := goFiles(t)
	checked := 0
	for path, f := range files {
		dir, name := filepath.Split(path)
		dir = strings.TrimSuffix(dir, "/")
		if dir == "" {
			dir = "."
		}
		i := slices.IndexFunc(userText, func(u struct {
			dir         string
			files       []string
			errorsShown bool
		}) bool {
			return u.dir == dir && (len(u.files) == 0 || slices.Contains(u.files, name))
		})
		if i < 0 {
			continue
		}
		checked++
		var labels map[*ast.BasicLit]bool
		if dir == "gui" || strings.HasPrefix(dir, "gui/") {
			labels = shownLabels(f)
		}
		exempt := map[ast.Node]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && exemptCall(call, userText[i].errorsShown) {
				for _, a := range call.Args {
					ast.Inspect(a, func(n ast.Node) bool {
						if _, isCall := n.(*ast.CallExpr); isCall {
							return false // its own rule applies
						}
						exempt[n] = true
						return true
					})
				}
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec, *ast.Field:
				return false // import paths, struct tags
			case *ast.BasicLit:
				if n.Kind != token.STRING || exempt[n] {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				if err != nil || notUserText[s] != "" || !readsAsWords(s) && !(labels[n] && isLabel(s)) {
					return true
				}
				t.Errorf("%s: %s reads as text for the user but bypasses the catalogs (locale.L)", fset.Position(n.Pos()), shorten(s))
			}
			return true
		})
	}
	if checked == 0 {
		t.Fatal("no file checked: the list userText names none")
	}
}

func shorten(s string) string {
	if len(s) > 70 {
		s = s[:70] + "…"
	}
	return strconv.Quote(s)
}

// The check finds what it is meant to.
func TestReadsAsWords(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Journal copied to", true},
		{"steady: %s: %v\n", false},
		{"%s, %s\n", false},
		{"  - %s\n", false},
		{"journal.db", false},
		{"2 January 2006", false},
		{"{{.Count}} days", false},
		{"steady status:", false},
		{"steady is running", true},
		{" steady [flags]\n       steady export [-format csv|json] [-o FILE]\n", false},
		{"[-at TIME] [-format text|json] [-routine FILE]", false},
		{"<html><body><h1>Report</h1></body></html>", true},
		{`<html><style>body { font-family: Noto Sans }</style><h1>{{L "Report"}}</h1></html>`, false},
	}
	for _, tt := range tests {
		if got := readsAsWords(tt.s); got != tt.want {
			t.Errorf("readsAsWords(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// The window's check finds one-word labels where the toolkit shows them,
// and only there.
func TestShownLabels(t *testing.T) {
	const src = `package gui
func f() {
	tabs := container.NewAppTabs(container.NewTabItem("Today", nil), u.lazyTab("Journal", nil))
	b := keys.NewButton("Edit", nil, widget.MediumImportance, nil)
	b.Text = "Delete"
	l := &widget.Label{Text: "Undo" + "…"}
	l.SetText("Saved")
	heading("Walking", size)
	ok := widget.NewButton(locale.L("Save"), nil)
	p.SetString("appearance.theme", v)
	icon := fyne.NewStaticResource("icon.png", data)
	empty := widget.NewLabel("")
	mark := canvas.NewText("✓", fg)
	kept := "Kept"
	other := strings.ToUpper("Quiet")
}`
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	labels := shownLabels(f)
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && labels[lit] {
			if s, _ := strconv.Unquote(lit.Value); isLabel(s) {
				got = append(got, s)
			}
		}
		return true
	})
	want := []string{"Today", "Journal", "Edit", "Delete", "Undo", "Saved", "Walking"}
	if !slices.Equal(got, want) {
		t.Errorf("labels found: %q, want %q", got, want)
	}
}
