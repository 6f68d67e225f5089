package sinks

import (
	"go/ast"
	"go/types"

	"github.com/batchlint/batchlint/passes/callee"
)

// funcValue is what a called function value certainly holds: a function or
// method (fn), or a function literal (lit) named by name: the field that
// holds it ("example.com/app/pipeline.Sink.Write") or the local variable
// ("record").
type funcValue struct {
	fn   *types.Func
	lit  *ast.FuncLit
	name string
}

// funcValueOf resolves the function value a call runs, when its value is
// certain: a local variable given one value and never reassigned nor
// addressed (f := s.save, record := func...), or a field of a struct type
// of this package that the package gives exactly one value, in assignments
// and composite literals, and never addresses (s.record = s.insert,
// Sink{Write: func...}). The value must be a function, a method value or a
// function literal.
func (st *sqlState) funcValueOf(call *ast.CallExpr) (funcValue, bool) {
	var src valueSrc
	var name string
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		v, ok := st.info.Uses[fun].(*types.Var)
		if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return funcValue{}, false
		}
		if src, ok = st.singleValue(v); !ok {
			return funcValue{}, false
		}
		if _, isLit := ast.Unparen(src.expr).(*ast.FuncLit); isLit {
			// A closure is a local wrapper only when it is only ever
			// called: handed to errgroup's Go or a transaction runner,
			// it runs where the loops pass follows it, and its writes are
			// reported inside it.
			if !st.onlyCalled(v) {
				return funcValue{}, false
			}
			name = v.Name()
		}
	case *ast.SelectorExpr:
		sel := st.info.Selections[fun]
		if sel == nil || sel.Kind() != types.FieldVal {
			return funcValue{}, false
		}
		f, ok := sel.Obj().(*types.Var)
		if !ok || f.Pkg() != st.pass.Pkg {
			return funcValue{}, false
		}
		srcs := st.fieldValues(f)
		if len(srcs) != 1 {
			return funcValue{}, false
		}
		src = srcs[0]
		if owner := namedStruct(sel.Recv()); owner != nil {
			name = f.Pkg().Path() + "." + owner.Name() + "." + f.Name()
		}
	default:
		return funcValue{}, false
	}
	if src.expr == nil || src.idx >= 0 {
		return funcValue{}, false
	}
	switch e := ast.Unparen(src.expr).(type) {
	case *ast.FuncLit:
		if name == "" {
			return funcValue{}, false
		}
		return funcValue{lit: e, name: name}, true
	default:
		if fn := callee.Value(st.info, e); fn != nil {
			return funcValue{fn: fn}, true
		}
	}
	return funcValue{}, false
}

// onlyCalled reports whether every use of v calls it.
func (st *sqlState) onlyCalled(v *types.Var) bool {
	if st.uses == nil {
		st.calls, st.uses = map[*types.Var]int{}, map[*types.Var]int{}
		for _, f := range st.files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
						if v, ok := st.info.Uses[id].(*types.Var); ok {
							st.calls[v]++
						}
					}
				case *ast.Ident:
					if v, ok := st.info.Uses[n].(*types.Var); ok {
						st.uses[v]++
					}
				}
				return true
			})
		}
	}
	return st.uses[v] > 0 && st.uses[v] == st.calls[v]
}

// namedStruct returns the type name of t or *t.
func namedStruct(t types.Type) *types.TypeName {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj()
	}
	return nil
}
