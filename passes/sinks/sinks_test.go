package sinks_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/passes/sinks"
)

// TestWrapperFacts checks the WriteFacts exported for wrappers, including
// sqlc's generated methods and wrappers of other packages' wrappers.
func TestWrapperFacts(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "sql")
	analysistest.Run(t, dir, sinks.Analyzer, "./wrapfacts", "./sqlcpgx", "./sqlcstd")
}

// TestRemoteFacts checks the RemoteFacts exported for functions that make
// an HTTP request on every call, and their absence where a request is made
// only sometimes, only built, or stored for later.
func TestRemoteFacts(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "sql")
	analysistest.Run(t, dir, sinks.Analyzer, "./jobs/fetch")
}
