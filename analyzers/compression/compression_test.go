package compression_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/compression"
)

var kafkaModule = filepath.Join("..", "..", "testdata", "kafka")

// TestCompression also holds the shared helpers (a codec with batching off,
// both in an exported helper, is reported once in the helper's package): one
// load type-checks the vendored clients once for all of them.
func TestCompression(t *testing.T) {
	analysistest.Run(t, kafkaModule, compression.Analyzer, "example.com/kafka/compression",
		"example.com/kafka/compressionshared", "example.com/kafka/compressionshared/use")
}

// TestOldFranzGo compiles against franz-go v1.19.5, whose default linger is 0.
func TestOldFranzGo(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "kafka-old"), compression.Analyzer, "example.com/kafkaold/compressionold")
}
