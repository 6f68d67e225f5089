package produceloop_test

import (
	"path/filepath"
	"testing"

	"github.com/batchlint/batchlint/analyzers/produceloop"
	"github.com/batchlint/batchlint/internal/corpustest"
)

// TestCorpus measures precision and recall on a labelled corpus of realistic
// producer code: every produce call line carries "// label:bad" (a
// one-record synchronous produce per element, which must be reported) or
// "// label:ok" (which must not). The lines it gets wrong are listed in
// testdata/produce/corpus/known.tsv; go test -v logs the score.
func TestCorpus(t *testing.T) {
	t.Setenv("CGO_ENABLED", "1") // confluent-kafka-go's types exist only in its cgo files
	corpustest.Run(t, testdata, produceloop.Analyzer, 30, filepath.Join(testdata, "corpus", "known.tsv"), "./corpus/...")
}
