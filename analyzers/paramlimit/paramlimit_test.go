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

// TestCorpus scores the labelled corpora, written before the rule ran. The
// lines it gets wrong are listed, with their reasons, in known.tsv in
// testdata/sql/paramlimit and testdata/orm/paramlimit (which also holds
// paramlimitbatch's); go test -v logs the scores. The bars apply to the
// corpora together.
func TestCorpus(t *testing.T) {
	var total corpustest.Score
	for _, c := range []struct {
		dir      string
		patterns []string
	}{
		{sqlData, []string{"./paramlimit"}},
		{ormData, []string{"./paramlimit", "./paramlimitbatch"}},
	} {
		s := corpustest.Collect(t, c.dir, paramlimit.Analyzer, c.patterns...)
		s.Require(t, 10, filepath.Join(c.dir, "paramlimit", "known.tsv"))
		total = total.Plus(s)
	}
	t.Logf("total: %s", total)
	total.RequireBars(t)
}
