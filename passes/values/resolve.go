package values

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
)

type resolver struct{}

func (r *resolver) value(expr ast.Expr, depth int) Value { return Value{} }

func run(pass *analysis.Pass) (any, error) {
	return &Result{pass: pass, r: &resolver{}}, nil
}
