package asyncproduce_test

import (
	"path/filepath"
	"testing"

	"github.com/batchlint/batchlint/analyzers/asyncproduce"
	"github.com/batchlint/batchlint/internal/corpustest"
)

// TestCorpus measures precision and recall on a labelled corpus of
// producers ("// label:bad" must be reported, "// label:ok" must not). The
// lines it gets wrong are listed in
// testdata/kafka/corpus/asyncproduce/known.tsv; go test -v logs the score.
func TestCorpus(t *testing.T) {
	corpora.Run(t, 25, filepath.Join(kafkaModule, "corpus", "asyncproduce", "known.tsv"), "example.com/kafka/corpus/asyncproduce")
}

// corpora loads the corpus and the independent corpus once for both tests.
var corpora = corpustest.NewSet(kafkaModule, asyncproduce.Analyzer,
	"example.com/kafka/corpus/asyncproduce", "example.com/kafka/independent/asyncproduce")
