// Package corpustest measures an analyzer's precision and recall on a
// labelled corpus: Go files whose lines end in "// label:bad" (the analyzer
// must report this line; "label:write" means the same) or "// label:ok" (a
// look-alike it must leave alone). A finding on any other line counts as a
// false positive.
//
// Every corpus keeps, in its folder, a list of the lines the analyzer is
// known to get wrong (known.tsv; see [Score.Require]): a change in either
// direction, a new miss or a miss now found, fails the test until the list
// is updated with it, on purpose and with a reason.
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

// The bars a corpus written with the rules must clear on top of its list:
// the list records a few shapes a rule does not reach, it does not excuse a
// rule that stopped working.
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

	// The lines behind FN and FP, as Line keys, sorted.
	Misses, False []string
}

func (s Score) Precision() float64 { return float64(s.TP) / float64(max(s.TP+s.FP, 1)) }
func (s Score) Recall() float64    { return float64(s.TP) / float64(max(s.TP+s.FN, 1)) }

func (s Score) String() string {
	return fmt.Sprintf("%d bad, %d ok lines; TP %d FP %d FN %d; precision %.3f, recall %.3f",
		s.Bad, s.OK, s.TP, s.FP, s.FN, s.Precision(), s.Recall())
}

// Run loads the packages matching patterns in the module at dir (with its
// vendored dependencies, offline), runs a on them and scores its findings
// against the labels in those packages' files. It fails the test as
// [Score.Require] does with the list at known, and when either bar is
// missed: it is for corpora written with the rules.
func Run(t *testing.T, dir string, a *analysis.Analyzer, minEach int, known string, patterns ...string) Score {
	t.Helper()
	s := Collect(t, dir, a, patterns...)
	s.Require(t, minEach, known)
	s.RequireBars(t)
	return s
}

// Collect is Run without the checks: it loads, analyses and scores the
// packages matching patterns and leaves judging the score to the caller.
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
func (set *Set) Run(t *testing.T, minEach int, known string, patterns ...string) Score {
	t.Helper()
	s := set.Collect(t, patterns...)
	s.Require(t, minEach, known)
	s.RequireBars(t)
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

// Measure scores reported lines against labels.
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
			s.Misses = append(s.Misses, line)
		}
	}
	for line := range reported {
		if labels[line] != "bad" {
			s.False = append(s.False, line)
		}
	}
	s.FN, s.FP = len(s.Misses), len(s.False)
	slices.Sort(s.Misses)
	slices.Sort(s.False)
	return s
}

// Plus is the score of two corpora taken together.
func (s Score) Plus(o Score) Score {
	return Score{
		Bad: s.Bad + o.Bad, OK: s.OK + o.OK,
		TP: s.TP + o.TP, FP: s.FP + o.FP, FN: s.FN + o.FN,
		Misses: slices.Concat(s.Misses, o.Misses),
		False:  slices.Concat(s.False, o.False),
	}
}

// Require fails the test when the corpus has fewer than minEach lines of
// either label, or when its misses and false positives differ from the
// rows of the list at known, in either direction. The failure prints the
// rows to delete and the rows to add, ready to paste. See [ParseKnown] for
// the list's format.
func (s Score) Require(t *testing.T, minEach int, known string) {
	t.Helper()
	if s.Bad < minEach || s.OK < minEach {
		t.Fatalf("corpus has %d bad and %d ok lines, want at least %d of each", s.Bad, s.OK, minEach)
	}
	if err := s.check(known); err != nil {
		t.Error(err)
	}
}

// RequireBars fails the test when precision or recall is under the bars.
func (s Score) RequireBars(t *testing.T) {
	t.Helper()
	if s.Precision() < MinPrecision || s.Recall() < MinRecall {
		t.Errorf("precision %.3f (want >= %.2f), recall %.3f (want >= %.2f)", s.Precision(), MinPrecision, s.Recall(), MinRecall)
	}
}

// short trims a line key to its last two path elements for logs.
func short(line string) string {
	dir, file := filepath.Split(line)
	return filepath.Join(filepath.Base(dir), file)
}
