package asyncproduce_test

import (
	"path/filepath"
	"testing"
)

// TestIndependentCorpus scores asyncproduce on testdata/kafka/independent:
// shapes of public Go code, labelled by what each does at run time when a
// record fails. It holds what the rule leaves alone by design, so its
// numbers are the honest ones: go test -v logs them. Every miss and false
// positive is listed, with its reason, in
// testdata/kafka/independent/asyncproduce/known.tsv, and the test fails
// when the analyzer's results move away from the list in either direction.
func TestIndependentCorpus(t *testing.T) {
	s := corpora.Collect(t, "example.com/kafka/independent/asyncproduce")
	s.Require(t, 14, filepath.Join(kafkaModule, "independent", "asyncproduce", "known.tsv"))
}
