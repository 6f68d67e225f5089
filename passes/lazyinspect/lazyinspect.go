// Package lazyinspect hands batchlint's passes one inspector.Inspector per
// package, built at the first Get. golang.org/x/tools' inspect pass builds it
// in every package, and under go vet that was the largest part of
// batchlint's cost, although almost no package writes to a database or
// builds a producer: most packages never need it.
package lazyinspect

import (
	"go/ast"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer provides a *Result. It reports nothing and carries no facts.
var Analyzer = &analysis.Analyzer{
	Name:             "lazyinspect",
	Doc:              "hands out the package's AST inspector, built on first use (helper pass, reports nothing)",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Result)(nil)),
}

// Result gives the package's inspector, shared by every pass that asks.
type Result struct {
	get func() *inspector.Inspector
}

// Get returns the inspector, built now if no pass has asked before.
func (r *Result) Get() *inspector.Inspector { return r.get() }

func run(pass *analysis.Pass) (any, error) { return New(pass.Files), nil }

// New returns the Result for files; tests that build a pass by hand use it.
func New(files []*ast.File) *Result {
	return &Result{get: sync.OnceValue(func() *inspector.Inspector { return inspector.New(files) })}
}

// Of returns the inspector of pass, whose analyzer Requires Analyzer.
func Of(pass *analysis.Pass) *inspector.Inspector {
	return pass.ResultOf[Analyzer].(*Result).Get()
}
