package values_test

import (
	"fmt"
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/passes/values"
)

// show reports the resolved value of every argument of a call to a
// function named show in the testdata: a probe for the test only.
var show = &analysis.Analyzer{
	Name:     "show",
	Doc:      "reports values.Of for the arguments of show(...) calls",
	Requires: []*analysis.Analyzer{values.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[values.Analyzer].(*values.Result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "show" {
					return true
				}
				pass.Reportf(call.Pos(), "%s", describe(res.Of(call.Args[0])))
				return true
			})
		}
		return nil, nil
	},
}

func describe(v values.Value) string {
	switch v.Kind {
	case values.Int:
		return fmt.Sprintf("int %d", v.Int)
	case values.Float:
		return fmt.Sprintf("float %g", v.Float)
	case values.String:
		return "string " + v.Str
	case values.Bool:
		return fmt.Sprintf("bool %d", v.Int)
	}
	return "unknown"
}

func TestValues(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), show, "vals")
}

// TestFacts checks the ConstFacts exported for helpers, which the vals
// package above consumes.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), values.Analyzer, "valdep")
}
