// Package corpustest measures an analyzer's precision and recall on a
// labelled corpus: Go files whose lines end in "// label:bad" (the analyzer
// must report this line; "label:write" means the same) or "// label:ok" (a
// look-alike it must leave alone). A finding on any other line counts as a
// false positive.
package corpustest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// The bars every analyzer's corpus must clear.
const (
	MinPrecision = 0.97
	MinRecall    = 0.93
)

// MaxMessage bounds a finding's message, in characters: one short sentence
// naming the write, the loop and the fix, with the figures and the reasoning
// behind the analyzer's URL. The fixed words stay near 120; what goes past
// 160 is the names the code chose (a wrapper, a loop's expression, a topic)
// and paramlimit's counts.
const MaxMessage = 190

// labelRE matches a label comment at the end of a line of code.
var labelRE = regexp.MustCompile(`\S.*// label:(bad|write|ok)\s*$`)

// Score is the outcome of one corpus run.
type Score struct {
	Bad, OK    int // labelled lines
	TP, FP, FN int
}

func (s Score) Precision() float64 { return float64(s.TP) / float64(max(s.TP+s.FP, 1)) }
func (s Score) Recall() float64    { return float64(s.TP) / float64(max(s.TP+s.FN, 1)) }

func (s Score) String() string {
	return fmt.Sprintf("%d bad, %d ok lines; TP %d FP %d FN %d; precision %.3f, recall %.3f",
		s.Bad, s.OK, s.TP, s.FP, s.FN, s.Precision(), s.Recall())
}

// Run loads the packages matching patterns in the module at dir (with its
// vendored dependencies, offline), runs a on them and scores its findings
// against the labels in those packages' files. It fails the test when
// either bar is missed or when the corpus has fewer than minEach lines of
// either label.
func Run(t *testing.T, dir string, a *analysis.Analyzer, minEach int, patterns ...string) Score {
	t.Helper()
	s := Collect(t, dir, a, patterns...)
	s.Require(t, minEach)
	return s
}

// Collect is Run without the bars: it loads, analyses and scores the
// packages matching patterns, logging every miss and false positive, and
// leaves judging the score to the caller.
func Collect(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) Score {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  abs,
		Env:  append(os.Environ(), "GOFLAGS=-mod=vendor", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the corpus does not load")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	reported := map[string]bool{}
	var files []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			reported[Line(pos.Filename, pos.Line)] = true
			if n := utf8.RuneCountInString(d.Message); n > MaxMessage {
				t.Errorf("%s: a message of %d characters, over %d: %s", pos, n, MaxMessage, d.Message)
			}
		}
		files = append(files, act.Package.CompiledGoFiles...)
	}
	s := Measure(t, Labels(t, files...), reported)
	t.Logf("%s corpus: %s", a.Name, s)
	return s
}

// Line is the key of a source line: "file:line".
func Line(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

// Labels reads the label comments of files: Line -> "bad" or "ok".
func Labels(t *testing.T, files ...string) map[string]string {
	t.Helper()
	labels := map[string]string{}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			if m := labelRE.FindStringSubmatch(sc.Text()); m != nil {
				label := m[1]
				if label == "write" {
					label = "bad"
				}
				labels[Line(file, n)] = label
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return labels
}

// Measure scores reported lines against labels, logging every miss and
// every false positive.
func Measure(t *testing.T, labels map[string]string, reported map[string]bool) Score {
	t.Helper()
	var s Score
	for line, label := range labels {
		if label != "bad" {
			s.OK++
			continue
		}
		s.Bad++
		if reported[line] {
			s.TP++
		} else {
			s.FN++
			t.Logf("missed: %s", short(line))
		}
	}
	for line := range reported {
		if labels[line] != "bad" {
			s.FP++
			what := "unlabelled line"
			if labels[line] == "ok" {
				what = "label:ok"
			}
			t.Logf("false positive: %s (%s)", short(line), what)
		}
	}
	return s
}

// Require fails the test when a bar is missed or the corpus is too small.
func (s Score) Require(t *testing.T, minEach int) {
	t.Helper()
	s.RequireFloors(t, minEach, MinPrecision, MinRecall)
}

// RequireFloors is Require with floors of the caller's own: for a corpus
// whose honest score sits under the shared bars, floors just under it catch
// regressions.
func (s Score) RequireFloors(t *testing.T, minEach int, minPrecision, minRecall float64) {
	t.Helper()
	if s.Bad < minEach || s.OK < minEach {
		t.Fatalf("corpus has %d bad and %d ok lines, want at least %d of each", s.Bad, s.OK, minEach)
	}
	if s.Precision() < minPrecision || s.Recall() < minRecall {
		t.Errorf("precision %.3f (want >= %.2f), recall %.3f (want >= %.2f)", s.Precision(), minPrecision, s.Recall(), minRecall)
	}
}

// short trims a line key to its last two path elements for logs.
func short(line string) string {
	dir, file := filepath.Split(line)
	return filepath.Join(filepath.Base(dir), file)
}
