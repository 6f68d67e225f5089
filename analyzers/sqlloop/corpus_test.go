package sqlloop_test

import (
	"testing"

	"github.com/batchlint/batchlint/analyzers/sqlloop"
	"github.com/batchlint/batchlint/internal/corpustest"
)

// TestCorpus measures precision and recall on a labelled corpus: each write
// call line ends with "// label:write" (a per-row write in a per-element
// loop) or "// label:ok" (a look-alike).
func TestCorpus(t *testing.T) {
	corpustest.Run(t, testdata, sqlloop.Analyzer, 25, "./corpus/...")
}
