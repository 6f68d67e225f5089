package linger_test

import (
	"testing"

	"github.com/batchlint/batchlint/analyzers/linger"
	"github.com/batchlint/batchlint/internal/corpustest"
)

// TestCorpus measures precision and recall on a labelled corpus of producer
// configurations ("// label:bad" must be reported, "// label:ok" must not).
func TestCorpus(t *testing.T) {
	corpustest.Run(t, kafkaModule, linger.Analyzer, 30, "example.com/kafka/corpus/linger", "example.com/kafka/corpus/linger/platform")
}
