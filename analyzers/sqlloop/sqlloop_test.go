package sqlloop_test

import (
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/sqlloop"
)

var testdata = filepath.Join("..", "..", "testdata", "sql")

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdata, sqlloop.Analyzer,
		"./pgxcases", "./dbsql", "./sqlxcases", "./sqlcuser", "./repo", "./caller", "./skips")
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
