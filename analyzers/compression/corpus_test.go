package compression_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/batchlint/batchlint/analyzers/compression"
)

// TestCorpus runs the analyzer, without expectations, over a corpus whose
// lines are labelled "label:bad" (must be reported) or "label:ok" (a
// look-alike that must not be), and measures precision and recall.
func TestCorpus(t *testing.T) {
	dir, err := filepath.Abs(kafkaModule)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   dir,
		Env:   append(os.Environ(), "GOFLAGS=-mod=vendor", "GOPROXY=off", "GOWORK=off"),
		Tests: false,
	}
	pkgs, err := packages.Load(cfg, "example.com/kafka/corpus/compression")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("corpus does not load")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{compression.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	type line struct {
		file string
		n    int
	}
	reported := map[line]bool{}
	labels := map[line]string{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			reported[line{p.Filename, p.Line}] = true
		}
		for _, f := range act.Package.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					p := act.Package.Fset.Position(c.Pos())
					switch {
					case strings.Contains(c.Text, "label:bad"):
						labels[line{p.Filename, p.Line}] = "bad"
					case strings.Contains(c.Text, "label:ok"):
						labels[line{p.Filename, p.Line}] = "ok"
					}
				}
			}
		}
	}
	tp, fp, bad, ok := 0, 0, 0, 0
	for l, lab := range labels {
		switch lab {
		case "bad":
			bad++
			if reported[l] {
				tp++
			} else {
				t.Logf("missed: %s:%d", filepath.Base(l.file), l.n)
			}
		case "ok":
			ok++
		}
	}
	for l := range reported {
		if labels[l] != "bad" {
			fp++
			t.Logf("false positive: %s:%d", filepath.Base(l.file), l.n)
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(bad, 1))
	t.Logf("compression corpus: %d bad, %d ok lines; %d reported correctly, %d false positives; precision %.3f, recall %.3f", bad, ok, tp, fp, precision, recall)
	if bad < 30 || ok < 30 {
		t.Fatalf("corpus too small: %d bad, %d ok lines", bad, ok)
	}
	if precision < 0.97 || recall < 0.93 {
		t.Errorf("precision %.3f (want >= 0.97), recall %.3f (want >= 0.93)", precision, recall)
	}
}
