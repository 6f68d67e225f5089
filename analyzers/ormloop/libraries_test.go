package ormloop_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/ormloop"
)

// TestLibraries runs the testdata of the libraries added as registry
// entries, one package each, so that a library's cases load only its own
// vendored code.
func TestLibraries(t *testing.T) {
	for _, pkg := range []string{"./boilcases", "./gopgold"} {
		t.Run(pkg, func(t *testing.T) {
			analysistest.Run(t, testdataDir(t), ormloop.Analyzer, pkg)
		})
	}
}
