package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/analyzers"
	"github.com/batchlint/batchlint/analyzers/compression"
	"github.com/batchlint/batchlint/analyzers/linger"
	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/internal/config"
)

// Each analyzer's Doc and page are generated from its doc.go, the single
// source.
func TestPagesAreGenerated(t *testing.T) {
	off := analyzers.Off()
	for _, a := range analyzers.All() {
		src, err := os.ReadFile(filepath.Join(a.Name, "doc.go"))
		if err != nil {
			t.Fatal(err)
		}
		if a.Doc != analyzerdoc.Extract(string(src), a.Name) {
			t.Errorf("%s's Doc differs from analyzers/%s/doc.go: run go generate ./analyzers", a.Name, a.Name)
		}
		path := filepath.Join("..", "docs", "analyzers", a.Name+".md")
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != analyzerdoc.Page(a, off[a.Name]) {
			t.Errorf("%s differs from analyzers/%s/doc.go: edit doc.go, then run go generate ./analyzers", path, a.Name)
		}
	}
}

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

// The README's table names every analyzer, in the suite's order, with its
// page and whether it runs by default; its other cells are summaries that
// point at the pages.
func TestReadmeTable(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for line := range strings.Lines(string(readme)) {
		if strings.HasPrefix(line, "| [") {
			rows = append(rows, strings.TrimSpace(line))
		}
	}
	all, off := analyzers.All(), analyzers.Off()
	if len(rows) != len(all) {
		t.Fatalf("README's table has %d rows, the suite %d analyzers", len(rows), len(all))
	}
	for i, a := range all {
		head := fmt.Sprintf("| [%s](docs/analyzers/%s.md) |", a.Name, a.Name)
		def := "| on |"
		if off[a.Name] {
			def = "| off |"
		}
		if !strings.HasPrefix(rows[i], head) || !strings.HasSuffix(rows[i], def) {
			t.Errorf("README row %d should start %q and end %q: %s", i+1, head, def, rows[i])
		}
	}
}
