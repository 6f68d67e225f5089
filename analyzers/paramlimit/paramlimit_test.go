package paramlimit_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/paramlimit"
	"github.com/batchlint/batchlint/internal/corpustest"
)

var (
	sqlData = filepath.Join("..", "..", "testdata", "sql")
	ormData = filepath.Join("..", "..", "testdata", "orm")
)

// TestMessages pins the message (the limit, the columns, the row count it
// breaks at, the chunked fix), its length, the URL and the related
// position of the input.
func TestMessages(t *testing.T) {
	for _, r := range analysistest.Run(t, ormData, paramlimit.Analyzer, "./paramlimitmsg") {
		for _, d := range r.Diagnostics {
			at := r.Action.Package.Fset.Position(d.Pos)
			if len(d.Message) > 160 {
				t.Errorf("%s: message of %d bytes, want at most 160", at, len(d.Message))
			}
			if d.URL == "" || d.URL != paramlimit.Analyzer.URL {
				t.Errorf("%s: URL %q", at, d.URL)
			}
			if len(d.Related) != 1 || d.Related[0].Pos > d.Pos {
				t.Errorf("%s: related %+v, want the input before the call", at, d.Related)
			}
		}
	}
}

// TestCorpus scores the labelled corpora, written before the rule ran.
// Known misses, all in the corpus as label:bad: a slice bound after gorm's
// IN ? (gorm expands it, one parameter per element), and rows spread into
// the argument list (append(args, row...)), whose column count the code
// does not show.
func TestCorpus(t *testing.T) {
	var s corpustest.Score
	for _, c := range []struct {
		dir      string
		patterns []string
	}{
		{sqlData, []string{"./paramlimit"}},
		{ormData, []string{"./paramlimit", "./paramlimitbatch"}},
	} {
		one := corpustest.Collect(t, c.dir, paramlimit.Analyzer, c.patterns...)
		s.Bad, s.OK, s.TP, s.FP, s.FN = s.Bad+one.Bad, s.OK+one.OK, s.TP+one.TP, s.FP+one.FP, s.FN+one.FN
	}
	t.Logf("total: %s", s)
	s.RequireFloors(t, 25, 1, 0.94)
}
