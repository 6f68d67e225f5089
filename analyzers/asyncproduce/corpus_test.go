package asyncproduce_test

import (
	"testing"

	"github.com/batchlint/batchlint/analyzers/asyncproduce"
	"github.com/batchlint/batchlint/internal/corpustest"
)

// TestCorpus measures precision and recall on a labelled corpus of
// producers ("// label:bad" must be reported, "// label:ok" must not).
func TestCorpus(t *testing.T) {
	corpustest.Run(t, kafkaModule, asyncproduce.Analyzer, 25, "example.com/kafka/corpus/asyncproduce")
}
