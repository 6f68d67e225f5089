package linger_test

import (
	"path/filepath"
	"testing"

	"github.com/batchlint/batchlint/analyzers/linger"
	"github.com/batchlint/batchlint/internal/corpustest"
)

// TestCorpus measures precision and recall on a labelled corpus of producer
// configurations ("// label:bad" must be reported, "// label:ok" must not).
// The lines it gets wrong are listed in
// testdata/kafka/corpus/linger/known.tsv; go test -v logs the score.
func TestCorpus(t *testing.T) {
	corpustest.Run(t, kafkaModule, linger.Analyzer, 30, filepath.Join(kafkaModule, "corpus", "linger", "known.tsv"), "example.com/kafka/corpus/linger", "example.com/kafka/corpus/linger/platform")
}
