package sqlloop_test

import (
	"path/filepath"
	"testing"

	"github.com/batchlint/batchlint/analyzers/sqlloop"
	"github.com/batchlint/batchlint/internal/corpustest"
)

// TestCorpus measures precision and recall on a labelled corpus: each write
// call line ends with "// label:write" (a per-row write in a per-element
// loop) or "// label:ok" (a look-alike). The lines it gets wrong are listed
// in testdata/sql/corpus/known.tsv; go test -v logs the score.
func TestCorpus(t *testing.T) {
	corpora.Run(t, 25, filepath.Join(testdata, "corpus", "known.tsv"), "./corpus/...")
}

// corpora loads the corpus and the independent corpus once for both tests.
var corpora = corpustest.NewSet(testdata, sqlloop.Analyzer, "./corpus/...", "./independent/...")
