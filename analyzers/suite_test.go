package analyzers_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers"
	"github.com/batchlint/batchlint/analyzers/compression"
	"github.com/batchlint/batchlint/analyzers/linger"
	"github.com/batchlint/batchlint/internal/config"
)

// Every analyzer takes the configuration, so that -tests and the
// configuration file's tests: true reach each one.
func TestEveryAnalyzerTakesTheConfiguration(t *testing.T) {
	for _, a := range analyzers.All() {
		if !slices.Contains(a.Requires, config.Analyzer) || a.Flags.Lookup("tests") == nil {
			t.Errorf("%s does not take the configuration (config.Register)", a.Name)
		}
	}
}

// ignoreErrors stands in for *testing.T where a run is expected to miss its
// wants: the results are checked instead.
type ignoreErrors struct{}

func (ignoreErrors) Errorf(string, ...any) {}

// linger and compression report in _test.go files with the tests option
// and only then, as the others do.
func TestTestsOption(t *testing.T) {
	kafka := filepath.Join("..", "testdata", "kafka")
	for _, a := range []*analysis.Analyzer{linger.Analyzer, compression.Analyzer} {
		t.Run(a.Name, func(t *testing.T) {
			pkg := "example.com/kafka/testsoption/" + a.Name
			for _, r := range analysistest.Run(ignoreErrors{}, kafka, a, pkg) {
				if len(r.Diagnostics) > 0 {
					t.Errorf("without tests: %s reported %v", r.Pass.Pkg.Path(), messages(r.Diagnostics))
				}
			}
			set(t, a, "tests", "true")
			analysistest.Run(t, kafka, a, pkg)
		})
	}
}

func set(t *testing.T, a *analysis.Analyzer, name, value string) {
	t.Helper()
	f := a.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

func messages(ds []analysis.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprint(d.Message))
	}
	return out
}
