// Package callee answers "which function does this call run" for every pass
// and analyzer alike, so that generics, interfaces and function values are
// handled the same way wherever a call is matched against the registry or
// followed into its body.
package callee

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/batchlint/batchlint/knowledge"
)

// Func is the function or method call runs: the static callee, or the
// abstract method for a call through an interface (or a type parameter).
// A generic function or method is its origin, the declared object, which
// carries the declaration and the facts. A method expression (T.M(x)) is
// the method. Nil for builtins, conversions and calls of function-typed
// values (variables, fields, results, bound method values), whose target
// is only known by following the value.
func Func(info *types.Info, call *ast.CallExpr) *types.Func {
	if info == nil || call == nil {
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// Static is Func without the interface methods: the callee whose body is
// known.
func Static(info *types.Info, call *ast.CallExpr) *types.Func {
	if fn := Func(info, call); fn != nil && !Abstract(fn) {
		return fn
	}
	return nil
}

// Abstract reports whether fn is an interface method.
func Abstract(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// Value is the function a function-valued expression names: a function
// (F, pkg.F, F[int]) or a method value (x.M, abstract when x is an
// interface), as its origin. Nil for anything else, and for a method
// expression (T.M), which takes its receiver as an argument.
func Value(info *types.Info, e ast.Expr) *types.Func {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.IndexExpr:
		e = ast.Unparen(x.X)
	case *ast.IndexListExpr:
		e = ast.Unparen(x.X)
	}
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil && sel.Kind() != types.MethodVal {
			return nil
		}
		id = x.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// Key names fn as the registry does: its package's import path (a vendored
// copy's too), its receiver's type name ("" for a function; a pointer and a
// generic receiver name their type) and its name. A promoted method keeps
// its own receiver: sqlx.DB's Exec is database/sql's (*DB).Exec.
func Key(fn *types.Func) knowledge.Func {
	if fn == nil {
		return knowledge.Func{}
	}
	k := knowledge.Func{Name: fn.Name()}
	if fn.Pkg() != nil {
		k.Pkg = TrimVendor(fn.Pkg().Path())
	}
	if recv := fn.Signature().Recv(); recv != nil {
		t := types.Unalias(recv.Type())
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		if n, ok := t.(*types.Named); ok {
			k.Recv = n.Origin().Obj().Name()
		}
	}
	return k
}

// TrimVendor maps a vendored package path to its import path.
func TrimVendor(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return strings.TrimPrefix(path, "vendor/")
}
