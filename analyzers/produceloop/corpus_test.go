package produceloop_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/batchlint/batchlint/analyzers/produceloop"
)

// TestCorpus measures precision and recall on a labelled corpus of realistic
// producer code: every produce call line carries "// label:bad" (a
// one-record synchronous produce per element, which must be reported) or
// "// label:ok" (which must not). A finding on an unlabelled line counts as a
// false positive.
func TestCorpus(t *testing.T) {
	root, err := filepath.Abs(testdata)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   root,
		Env:   append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=vendor", "CGO_ENABLED=1"),
		Tests: false,
	}
	pkgs, err := packages.Load(cfg, "./corpus/...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the corpus does not load")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{produceloop.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}

	labels := map[string]string{} // file:line -> "bad" | "ok"
	for _, p := range pkgs {
		for _, f := range p.GoFiles {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(b), "\n") {
				if m := labelRE.FindStringSubmatch(line); m != nil {
					labels[fmt.Sprintf("%s:%d", f, i+1)] = m[1]
				}
			}
		}
	}
	found := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			found[fmt.Sprintf("%s:%d", pos.Filename, pos.Line)] = true
		}
	}

	var tp, fp, fn, bad, ok int
	for at, l := range labels {
		if l == "bad" {
			bad++
			if found[at] {
				tp++
			} else {
				fn++
				t.Logf("missed: %s", rel(root, at))
			}
		} else {
			ok++
		}
	}
	for at := range found {
		if labels[at] != "bad" {
			fp++
			t.Logf("false positive: %s (%s)", rel(root, at), labelOr(labels[at]))
		}
	}
	if bad < 20 || ok < 20 {
		t.Fatalf("corpus has %d bad and %d ok lines, want at least 20 of each", bad, ok)
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(bad)
	t.Logf("corpus: %d bad, %d ok; tp %d, fp %d, fn %d: precision %.3f, recall %.3f", bad, ok, tp, fp, fn, precision, recall)
	if precision < 0.97 {
		t.Errorf("precision %.3f, want at least 0.97", precision)
	}
	if recall < 0.93 {
		t.Errorf("recall %.3f, want at least 0.93", recall)
	}
}

// labelRE matches a label comment at the end of a line of code.
var labelRE = regexp.MustCompile(`\S.*// label:(bad|ok)\s*$`)

func rel(root, at string) string {
	if r, err := filepath.Rel(root, at); err == nil {
		return r
	}
	return at
}

func labelOr(l string) string {
	if l == "" {
		return "unlabelled"
	}
	return "label:" + l
}
