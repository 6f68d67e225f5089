package produceloop_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers/produceloop"
	"github.com/batchlint/batchlint/internal/fixcheck"
)

var testdata = filepath.Join("..", "..", "testdata", "produce")

func TestAnalyzer(t *testing.T) {
	t.Setenv("CGO_ENABLED", "1") // confluent-kafka-go's types exist only in its cgo files
	results := analysistest.Run(t, testdata, produceloop.Analyzer,
		"./franz", "./saramap", "./segio", "./conf", "./confv1", "./wrapuse", "./watermill")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if d.URL != produceloop.Analyzer.URL {
				t.Errorf("%v: URL %q, want %q", r.Pass.Fset.Position(d.Pos), d.URL, produceloop.Analyzer.URL)
			}
			if len(d.Related) == 0 {
				t.Errorf("%v: no related position for the loop", r.Pass.Fset.Position(d.Pos))
				continue
			}
			loop := r.Pass.Fset.Position(d.Related[0].Pos)
			if loop.Line > r.Pass.Fset.Position(d.Pos).Line {
				t.Errorf("%v: related loop at %v is after the call", r.Pass.Fset.Position(d.Pos), loop)
			}
			if line := sourceLine(t, loop.Filename, loop.Line); !strings.Contains(line, "for ") && !strings.Contains(line, "EachRecord") {
				t.Errorf("%v: related position %v is not a loop: %q", r.Pass.Fset.Position(d.Pos), loop, line)
			}
		}
	}
	if n < 30 {
		t.Errorf("%d findings in the testdata, want at least 30", n)
	}
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, produceloop.Analyzer, "./fix")
}

func sourceLine(t *testing.T, file string, line int) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

// TestFixedCodeBuilds type-checks the fixed code.
func TestFixedCodeBuilds(t *testing.T) {
	fixcheck.Compiles(t, testdata, "fix")
}

// TestTestsFlag: findings in _test.go files are reported only with -tests
// (the directives Reporter drops them otherwise).
func TestTestsFlag(t *testing.T) {
	f := produceloop.Analyzer.Flags.Lookup("tests")
	if f == nil {
		t.Fatal("no -tests flag")
	}
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set("false") })
	analysistest.Run(t, testdata, produceloop.Analyzer, "./testfiles")
}
