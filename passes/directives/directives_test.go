package directives_test

import (
	"go/ast"
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/analyzers"
	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/passes/directives"
)

// newHit returns an analyzer that reports every call of a function named
// hit through a Reporter, so the tests see exactly what the Reporter drops.
func newHit(name string, tests bool) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     name,
		Doc:      "reports every call of hit",
		Requires: []*analysis.Analyzer{inspect.Analyzer, directives.Analyzer},
	}
	config.Register(a)
	if tests {
		a.Flags.Set("tests", "true")
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		r := directives.NewReporter(pass)
		ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
			call := n.(*ast.CallExpr)
			id, ok := ast.Unparen(call.Fun).(*ast.Ident)
			if !ok {
				return
			}
			if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok && fn.Name() == "hit" {
				r.Report(analysis.Diagnostic{Pos: call.Pos(), Message: "hit called"})
			}
		})
		r.Finish()
		return nil, nil
	}
	return a
}

func TestReporter(t *testing.T) {
	defer directives.SetSuite([]string{"hit", "other"})()
	analysistest.Run(t, analysistest.TestData(), newHit("hit", false), "a")
}

// TestReporterWithoutSource checks the same expectations when the driver
// cannot read source files (pass.ReadFile is nil): trailing comments are
// then recognised from the syntax tree.
func TestReporterWithoutSource(t *testing.T) {
	defer directives.SetSuite([]string{"hit", "other"})()
	a := newHit("hit", false)
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		pass.ReadFile = nil
		return run(pass)
	}
	dirs := *directives.Analyzer
	dirs.Run = func(pass *analysis.Pass) (any, error) {
		pass.ReadFile = nil
		return directives.Analyzer.Run(pass)
	}
	a.Requires = []*analysis.Analyzer{inspect.Analyzer, &dirs, config.Analyzer}
	analysistest.Run(t, analysistest.TestData(), a, "a")
}

func TestReporterIncludesTestsWhenFlagged(t *testing.T) {
	defer directives.SetSuite([]string{"hit", "other"})()
	analysistest.Run(t, analysistest.TestData(), newHit("hit", true), "b")
}

// TestSecondAnalyzer runs an analyzer that is not the directives' first
// name: it reports its own unused directives but not the reason or unknown
// name problems, which belong to the first analyzer named.
func TestSecondAnalyzer(t *testing.T) {
	defer directives.SetSuite([]string{"hit", "other"})()
	analysistest.Run(t, analysistest.TestData(), newHit("other", false), "c")
}

func TestSuiteMatchesAnalyzers(t *testing.T) {
	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, directives.Suite()) {
		t.Errorf("directives know %v, the suite is %v", directives.Suite(), names)
	}
}
