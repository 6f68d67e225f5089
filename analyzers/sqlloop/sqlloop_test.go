package sqlloop_test

import (
	"path/filepath"
	"testing"

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
