package sqlloop_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/sqlloop"
)

var testdata = filepath.Join("..", "..", "testdata", "sql")

func TestAnalyzer(t *testing.T) {
	cases := []string{"./pgxcases", "./dbsql", "./sqlxcases", "./sqlcuser", "./repo", "./caller", "./skips", "./unknowntext", "./unknowncopy", "./jobs", "./shapes"}
	results := analysistest.Run(t, testdata, sqlloop.Analyzer, append(cases, libraryPackages...)...)
	n := 0
	for _, r := range results {
		fset := r.Action.Package.Fset
		for _, d := range r.Diagnostics {
			n++
			at := fset.Position(d.Pos)
			if d.URL != sqlloop.Analyzer.URL || d.URL == "" {
				t.Errorf("%s: URL %q, want the analyzer's", at, d.URL)
			}
			if len(d.SuggestedFixes) != 0 {
				t.Errorf("%s: unexpected suggested fix", at)
			}
			if len(d.Related) == 0 || !strings.HasPrefix(d.Related[0].Message, "loop over ") {
				t.Errorf("%s: first related position should be the loop, got %+v", at, d.Related)
				continue
			}
			if loop := fset.Position(d.Related[0].Pos); loop.Filename != at.Filename || loop.Line > at.Line {
				t.Errorf("%s: loop position %s is not before the write", at, loop)
			}
			// A finding through a wrapper names it and points at it.
			if strings.Contains(d.Message, ") executed") {
				if len(d.Related) < 2 || !strings.Contains(d.Related[1].Message, "writes one row per call") {
					t.Errorf("%s: wrapper finding without the wrapper's position: %+v", at, d.Related)
				}
			}
		}
	}
	if n < 40 {
		t.Errorf("%d findings; the testdata has more than 40 positives", n)
	}
}

// TestSQLite: per-row statements on SQLite (a file importing only a SQLite
// driver) are reported with autocommit or a transaction per element, not in
// one transaction around the loop. The drivers are stand-ins: only their
// import paths matter.
func TestSQLite(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sqlloop.Analyzer, "sqlitecases")
}

func TestTestsFlag(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, testdata, sqlloop.Analyzer, "./testfiles")
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := sqlloop.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

func TestUnknownSQLFlag(t *testing.T) {
	setFlag(t, "unknown-sql", "true")
	analysistest.Run(t, testdata, sqlloop.Analyzer, "./unknownsql")
}

// TestIllTyped runs the whole pass graph on a package with type errors: no
// panic, and the findings that are still visible are reported.
func TestIllTyped(t *testing.T) {
	var all []*analysis.Analyzer
	var walk func(a *analysis.Analyzer)
	walk = func(a *analysis.Analyzer) {
		if slices.Contains(all, a) {
			return
		}
		all = append(all, a)
		for _, r := range a.Requires {
			walk(r)
		}
	}
	walk(sqlloop.Analyzer)
	for _, a := range all {
		old := a.RunDespiteErrors
		a.RunDespiteErrors = true
		t.Cleanup(func() { a.RunDespiteErrors = old })
	}
	analysistest.Run(t, testdata, sqlloop.Analyzer, "./illtyped")
}

// TestWritersFlag: functions named by -writers are one-row writes.
func TestWritersFlag(t *testing.T) {
	setFlag(t, "writers", "(*example.com/sqlcases/writers.Store).Save, example.com/sqlcases/writers.InsertRow")
	analysistest.Run(t, testdata, sqlloop.Analyzer, "./writers")
}

// TestORMRawSQL: SQL text run through an ORM's raw API (gorm Exec and Raw,
// bun NewRaw and bun.DB's own ExecContext, go-pg Exec and Query) is an SQL
// write, reported with the ORM's batched form. The ORM testdata module
// vendors gorm, bun and go-pg.
func TestORMRawSQL(t *testing.T) {
	results := analysistest.Run(t, filepath.Join("..", "..", "testdata", "orm"), sqlloop.Analyzer, "./gormraw", "./bunraw", "./gopgraw", "./gopgoldraw")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			lib := strings.TrimPrefix(r.Action.Package.PkgPath, "example.com/orm/")
			lib = strings.TrimSuffix(lib, "raw")
			if lib == "gopg" || lib == "gopgold" {
				lib = "go-pg"
			}
			if !strings.HasPrefix(d.Category, lib+":") {
				t.Errorf("%s: category %q, want it to start with %q", r.Action.Package.Fset.Position(d.Pos), d.Category, lib+":")
			}
		}
	}
}
