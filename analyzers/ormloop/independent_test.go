package ormloop_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/batchlint/batchlint/analyzers/ormloop"
	"github.com/batchlint/batchlint/analyzers/sqlloop"
	"github.com/batchlint/batchlint/internal/corpustest"
)

// TestIndependentCorpus scores ormloop, with sqlloop for the SQL text run
// through an ORM's raw API (gorm Exec, bun NewRaw), on
// testdata/orm/independent: shapes taken from public Go code over gorm, ent,
// bun and go-pg, labelled by what each line does at runtime by someone who
// had not read the rules. Unlike ./corpus it is not tuned to the analyzer,
// so its numbers are the honest ones: go test -v logs them. Every miss and
// false positive is listed, with its reason, in
// testdata/orm/independent/known.tsv, and the test fails when the
// analyzers' results move away from the list in either direction.
func TestIndependentCorpus(t *testing.T) {
	_, graph := runSuite(t)
	reported := map[string]bool{} // file:line
	var files []string
	for _, act := range graph.Roots {
		if (act.Analyzer != ormloop.Analyzer && act.Analyzer != sqlloop.Analyzer) || !strings.HasPrefix(act.Package.PkgPath, "example.com/orm/independent/") {
			continue
		}
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		if act.Analyzer == ormloop.Analyzer {
			files = append(files, act.Package.CompiledGoFiles...)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			reported[corpustest.Line(p.Filename, p.Line)] = true
		}
	}
	if len(files) == 0 {
		t.Fatal("independent corpus not analysed")
	}
	s := corpustest.Measure(t, corpustest.Labels(t, files...), reported)
	t.Logf("ormloop independent corpus: %s", s)
	s.Require(t, 40, filepath.Join(testdataDir(t), "independent", "known.tsv"))
}
