package sinks

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// ormInTx reports whether a write through ORM l runs inside an explicit
// transaction, which changes its cost (one commit for all rows, still one
// statement and round trip per row), by the library's TxShape: a
// transaction type of its own (bun, go-pg); a generated Tx client,
// recognised by its Commit and Rollback methods (ent); or, where one type
// is both (gorm's *gorm.DB), where the handle comes from: a Begin()
// assignment or the parameter of a transaction runner's callback.
func ormInTx(c *Context, call *ast.CallExpr, l *knowledge.Library) bool {
	if c == nil || c.Pass == nil {
		return false
	}
	info := c.Pass.TypesInfo
	root := chainRootExpr(call)
	if root == nil {
		return false
	}
	switch l.TxShape {
	case knowledge.TxType:
		return isTxType(info.TypeOf(root))
	case knowledge.TxGenerated:
		// client.User: the selector's operand is the client or the Tx.
		if sel, ok := ast.Unparen(root).(*ast.SelectorExpr); ok {
			return isEntTx(info.TypeOf(sel.X))
		}
		return false
	case knowledge.TxOrigin:
		return txHandle(c, root, l)
	}
	return false
}

// chainRootExpr strips method calls and selectors of a fluent chain down to
// the expression it starts from: db in db.Model(&u).Updates(...), tx.User
// in tx.User.Create().SetName(n).Save(ctx).
func chainRootExpr(call *ast.CallExpr) ast.Expr {
	var e ast.Expr = call
	for {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return e
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		e = sel.X
	}
}

// isEntTx: a pointer to a named struct with Commit() error and
// Rollback() error. The write's builder has already been recognised as
// ent's, so the operand of tx.User is either ent's Client or its Tx.
func isEntTx(t types.Type) bool {
	if t == nil {
		return false
	}
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok {
		return false
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return false
	}
	for _, name := range []string{"Commit", "Rollback"} {
		sig := entMethod(n, name)
		if sig == nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 ||
			!types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type()) {
			return false
		}
	}
	return true
}

// txHandle reports whether root is a local variable assigned from one of
// l's Begins, or the parameter of a function literal passed to one of its
// Runners.
func txHandle(c *Context, root ast.Expr, l *knowledge.Library) bool {
	info := c.Pass.TypesInfo
	id, ok := ast.Unparen(root).(*ast.Ident)
	if !ok || !c.Cursor.Valid() {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	var outer ast.Node
	for fc := range c.Cursor.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer = fc.Node()
		lit, ok := fc.Node().(*ast.FuncLit)
		if !ok || !declaresParam(info, lit.Type, v) {
			continue
		}
		parent, ok := fc.Parent().Node().(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := callee.Func(info, parent)
		return slices.ContainsFunc(l.Runners, func(r knowledge.Callback) bool { return callee.Key(fn) == r.Func })
	}
	if outer == nil {
		return false
	}
	found := false
	ast.Inspect(outer, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return !found
		}
		for i, lhs := range as.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok || (info.Defs[id] != types.Object(v) && info.Uses[id] != types.Object(v)) {
				continue
			}
			if rc, ok := ast.Unparen(as.Rhs[i]).(*ast.CallExpr); ok {
				fn := callee.Func(info, rc)
				found = found || slices.Contains(l.Begins, callee.Key(fn))
			}
		}
		return !found
	})
	return found
}

func declaresParam(info *types.Info, ft *ast.FuncType, v *types.Var) bool {
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, f := range ft.Params.List {
		for _, name := range f.Names {
			if info.Defs[name] == types.Object(v) {
				return true
			}
		}
	}
	return false
}
