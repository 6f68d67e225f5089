package producers

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// ambiguous marks an object that holds different producers.
var ambiguous = &Producer{}

func (r *Result) set(key any, p *Producer) {
	if old, ok := r.byObj[key]; ok && old != p {
		r.byObj[key] = ambiguous
		return
	}
	r.byObj[key] = p
}

// bind records which variables, struct fields and helper functions hold
// each producer, so that Of can answer for their uses.
func (r *Result) bind(ins *inspector.Inspector) {
	info := r.pass.TypesInfo
	// Two rounds let "c := cl" and "s.cl = c" follow a binding made later
	// in source order.
	for range 2 {
		ins.WithStack([]ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.ReturnStmt)(nil), (*ast.KeyValueExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
			if !push {
				return true
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					var rhs ast.Expr
					switch {
					case len(n.Lhs) == len(n.Rhs):
						rhs = n.Rhs[i]
					case len(n.Rhs) == 1 && i == 0:
						rhs = n.Rhs[0]
					default:
						continue
					}
					if p := r.of(rhs); p != nil {
						r.set(holderKey(info, l), p)
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					var rhs ast.Expr
					switch {
					case len(n.Names) == len(n.Values):
						rhs = n.Values[i]
					case len(n.Values) == 1 && i == 0:
						rhs = n.Values[0]
					default:
						continue
					}
					if p := r.of(rhs); p != nil {
						r.set(info.Defs[name], p)
					}
				}
			case *ast.ReturnStmt:
				if len(n.Results) == 0 {
					return true
				}
				if p := r.of(n.Results[0]); p != nil {
					for i := len(stack) - 1; i >= 0; i-- {
						if _, ok := stack[i].(*ast.FuncLit); ok {
							break
						}
						if fd, ok := stack[i].(*ast.FuncDecl); ok {
							if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
								r.set(fn, p)
							}
							break
						}
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
						if p := r.of(n.Value); p != nil {
							r.set(f, p)
						}
					}
				}
			}
			return true
		})
	}
}

func holderKey(info *types.Info, l ast.Expr) any {
	switch l := ast.Unparen(l).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return nil
		}
		return info.ObjectOf(l)
	case *ast.SelectorExpr:
		if s := info.Selections[l]; s != nil && s.Kind() == types.FieldVal {
			return s.Obj()
		}
		return info.Uses[l.Sel]
	}
	return nil
}

func (r *Result) of(expr ast.Expr) *Producer {
	if r == nil || expr == nil {
		return nil
	}
	info := r.pass.TypesInfo
	expr = ast.Unparen(expr)
	if p := r.bySite[expr]; p != nil {
		return p
	}
	var key any
	switch e := expr.(type) {
	case *ast.Ident:
		key = info.ObjectOf(e)
	case *ast.SelectorExpr:
		if s := info.Selections[e]; s != nil {
			if s.Kind() != types.FieldVal {
				return nil
			}
			key = s.Obj()
		} else {
			key = info.Uses[e.Sel]
		}
	case *ast.StarExpr:
		return r.of(e.X)
	case *ast.CallExpr:
		if fn := callee.Func(info, e); fn != nil && fn.Pkg() == r.pass.Pkg {
			key = fn
		}
	}
	if key == nil {
		return nil
	}
	if p := r.byObj[key]; p != ambiguous {
		return p
	}
	return nil
}

// markProducing marks the clients a producing method is called on, for
// libraries whose clients may only consume.
func (r *Result) markProducing(ins *inspector.Inspector) {
	info := r.pass.TypesInfo
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !knowledge.IsProducingMethod(sel.Sel.Name) {
			return
		}
		fn := callee.Func(info, call)
		if fn == nil || fn.Pkg() == nil {
			return
		}
		lib := knowledge.KafkaOf(fn.Pkg().Path())
		if lib == nil || !slices.Contains(lib.Kafka.ProducingMethods, fn.Name()) {
			return
		}
		if p := r.of(sel.X); p != nil && p.Lib == lib.Key {
			p.Producing = true
		}
	})
}
