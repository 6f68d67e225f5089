package sinks

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// builderRule matches a run of a query builder (squirrel's
// Insert(...).Values(...).RunWith(db).Exec()) whose chain, from the call
// that started the statement, adds one row or one key: a statement built and
// run per call. A builder kept in a variable (Values added in a loop, run
// once after it) is not followed, so it stays silent.
func builderRule(lib string, b knowledge.Builder) func(c *Context, call *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		info := c.Pass.TypesInfo
		var rows []*ast.CallExpr
		var table string
		inTx, started := false, false
		for cur := call; !started; {
			sel, ok := ast.Unparen(cur.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
			if !ok {
				return nil // a builder held in a variable: its rows are elsewhere
			}
			fn := callee.Func(info, inner)
			if fn == nil || callee.Key(fn).Pkg != b.Type.Pkg {
				return nil
			}
			switch name := fn.Name(); {
			case slices.Contains(b.Starts, name):
				if len(inner.Args) != 1 {
					return nil
				}
				table, _ = c.sqlState().Text(inner.Args[0])
				started = true
			case slices.Contains(b.Rows, name):
				rows = append(rows, inner)
			case slices.Contains(b.SetBased, name):
				return nil
			case name == b.Handle && len(inner.Args) == 1:
				inTx = isTxType(info.TypeOf(inner.Args[0]))
			}
			cur = inner
		}
		if len(rows) != 1 || slices.ContainsFunc(rows[0].Args, func(a ast.Expr) bool { return holdsSlice(info, a) }) {
			return nil
		}
		return &Write{Kind: SQL, Lib: lib, Op: b.Op, Target: table, InTx: inTx, Batched: knowledge.Batched(lib, b.Op, knowledge.UnknownDialect), dataCall: rows[0]}
	}
}

// holdsSlice reports an argument that is a slice, or a composite literal
// with one among its values (sq.Eq{"id": ids}, an IN list): the statement
// then writes a set of rows.
func holdsSlice(info *types.Info, e ast.Expr) bool {
	isSlice := func(e ast.Expr) bool {
		t := info.TypeOf(e)
		if t == nil {
			return false
		}
		s, ok := t.Underlying().(*types.Slice)
		return ok && !types.Identical(s.Elem(), types.Typ[types.Byte])
	}
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		return slices.ContainsFunc(lit.Elts, func(el ast.Expr) bool {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			return isSlice(el)
		})
	}
	return isSlice(e)
}

// asyncContext reports a call whose context argument was built with one of
// the registry's async options (clickhouse.Context(ctx,
// clickhouse.WithAsync(false))), directly or through a variable given one
// value.
func asyncContext(c *Context, call *ast.CallExpr) bool {
	opts := knowledge.AsyncOptions()
	if len(opts) == 0 {
		return false
	}
	st := c.sqlState()
	var built func(e ast.Expr, depth int) bool
	built = func(e ast.Expr, depth int) bool {
		if depth > maxDepth {
			return false
		}
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn := callee.Func(st.info, n)
				found = found || fn != nil && slices.Contains(opts, callee.Key(fn))
			case *ast.Ident:
				if v, ok := st.info.Uses[n].(*types.Var); ok {
					if src, ok := st.singleValue(v); ok {
						found = found || built(src.expr, depth+1)
					}
				}
			}
			return !found
		})
		return found
	}
	for _, a := range call.Args {
		if p, n := namedOf(st.info.TypeOf(a)); p == "context" && n == "Context" {
			return built(a, 0)
		}
	}
	return false
}
