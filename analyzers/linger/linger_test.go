package linger_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/linger"
)

var kafkaModule = filepath.Join("..", "..", "testdata", "kafka")

func TestFranzGo(t *testing.T) {
	analysistest.Run(t, kafkaModule, linger.Analyzer, "example.com/kafka/linger")
}
