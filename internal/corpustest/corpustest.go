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
	"slices"
	"strings"
	"sync"
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
	return NewSet(dir, a, patterns...).Collect(t, patterns...)
}

// A Set loads and analyses several corpora of one module once, for tests
// that score them apart: every load type-checks the module's vendored
// libraries and the standard library anew, which is most of a test's time.
type Set struct {
	dir      string
	a        *analysis.Analyzer
	patterns []string

	once  sync.Once
	roots []*checker.Action
	err   error
}

// NewSet returns the set of the packages matching patterns in the module at
// dir (with its vendored dependencies, offline); it loads on first use.
func NewSet(dir string, a *analysis.Analyzer, patterns ...string) *Set {
	return &Set{dir: dir, a: a, patterns: patterns}
}

// Run is the package-level Run on the set's packages matching patterns.
func (set *Set) Run(t *testing.T, minEach int, patterns ...string) Score {
	t.Helper()
	s := set.Collect(t, patterns...)
	s.Require(t, minEach)
	return s
}

// Collect is the package-level Collect on the set's packages matching
// patterns, each written as in the set's own patterns.
func (set *Set) Collect(t *testing.T, patterns ...string) Score {
	t.Helper()
	set.once.Do(set.load)
	if set.err != nil {
		t.Fatal(set.err)
	}
	abs, _ := filepath.Abs(set.dir) // load checked it
	reported := map[string]bool{}
	var files []string
	for _, act := range set.roots {
		if !slices.ContainsFunc(patterns, func(p string) bool { return matches(p, abs, act.Package) }) {
			continue
		}
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
	if len(files) == 0 {
		t.Fatalf("no package of the set matches %v", patterns)
	}
	s := Measure(t, Labels(t, files...), reported)
	t.Logf("%s corpus: %s", set.a.Name, s)
	return s
}

func (set *Set) load() {
	abs, err := filepath.Abs(set.dir)
	if err != nil {
		set.err = err
		return
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  abs,
		Env:  append(os.Environ(), "GOFLAGS=-mod=vendor", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, set.patterns...)
	if err != nil {
		set.err = err
		return
	}
	if packages.PrintErrors(pkgs) > 0 {
		set.err = fmt.Errorf("the corpus does not load")
		return
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{set.a}, pkgs, nil)
	if err != nil {
		set.err = err
		return
	}
	set.roots = graph.Roots
}

// matches reports whether pattern, an import path or a "./" path relative
// to the module directory dir, either one perhaps ending in "/...", names
// pkg.
func matches(pattern, dir string, pkg *packages.Package) bool {
	target := pkg.PkgPath
	if rel, ok := strings.CutPrefix(pattern, "./"); ok {
		pattern = rel
		r, err := filepath.Rel(dir, pkg.Dir)
		if err != nil {
			return false
		}
		target = filepath.ToSlash(r)
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return target == base || strings.HasPrefix(target, base+"/")
	}
	return target == pattern
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
