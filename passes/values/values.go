// Package values resolves what a configuration expression evaluates to:
// constants (20*time.Millisecond), constant-valued variables (a local
// assigned once, a package-level variable never reassigned), helper
// functions that return a constant (also in other packages, via facts) and
// struct fields set in the same function. Anything that comes from outside
// the program text (flags, os.Getenv, files, parameters) is Unknown, and
// analyzers never report on Unknown values.
package values

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Kind is the kind of a known value.
type Kind int

const (
	Unknown Kind = iota
	Int          // integers and durations (nanoseconds)
	Float
	String
	Bool
)

// Value is what an expression evaluates to.
type Value struct {
	Kind  Kind
	Int   int64   // Int; Bool as 0/1
	Float float64 // Float, and Int converted
	Str   string  // String
}

// Known reports whether the value is statically known.
func (v Value) Known() bool { return v.Kind != Unknown }

// Result resolves expressions of one package.
type Result struct {
	pass *analysis.Pass
	r    *resolver
}

// Of returns the value of expr, or a Value of Kind Unknown.
func (r *Result) Of(expr ast.Expr) Value { return r.r.value(expr, 0) }

// Writes returns the index of the package's writes, built on first use.
func (r *Result) Writes() *Index { return r.r.index() }

// Analyzer resolves constant values. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "values",
	Doc:        "resolves constant configuration values through variables, helpers and fields (helper pass, reports nothing)",
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*ConstFact)(nil)},
}

// ConstFact marks an exported function whose every return of its single
// result is the same constant.
type ConstFact struct {
	Kind  Kind
	Int   int64
	Float float64
	Str   string
}

func (*ConstFact) AFact() {}

func (f *ConstFact) String() string { return "const" }

// RootVar returns the variable at the root of v, v.a.b, v[k], *v and (v):
// the one an assignment to, or the address of, such an expression changes.
// It is nil for anything else, another package's variable (pkg.V) and method
// values included.
func RootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			return v
		case *ast.SelectorExpr:
			if s := info.Selections[x]; s == nil || s.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}
