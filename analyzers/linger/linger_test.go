package linger_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/linger"
	"github.com/batchlint/batchlint/internal/fixcheck"
)

var kafkaModule = filepath.Join("..", "..", "testdata", "kafka")

// TestFranzGo also holds the shared helpers (explicit settings in exported
// helpers are reported once, in the helper's package; defaults they leave,
// at the importers' constructors): one load type-checks the vendored
// clients once for all of them.
func TestFranzGo(t *testing.T) {
	analysistest.Run(t, kafkaModule, linger.Analyzer, "example.com/kafka/linger",
		"example.com/kafka/lingershared", "example.com/kafka/lingershared/use", "example.com/kafka/lingershared/tune")
}

// TestOldFranzGo compiles against franz-go v1.19.5, whose default linger is
// 0: producing clients without ProducerLinger are reported there and not on
// v1.22.3 (TestFranzGo's noLingerOnNewVersion).
func TestOldFranzGo(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "kafka-old"), linger.Analyzer, "example.com/kafkaold/lingerold")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, kafkaModule, linger.Analyzer, "example.com/kafka/lingerfix")
}

// TestFixesCompile type-checks the fixed sources.
func TestFixesCompile(t *testing.T) {
	fixcheck.Compiles(t, kafkaModule, "lingerfix")
}
