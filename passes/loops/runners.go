package loops

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// inferRunners finds the package's own runners: package-level functions and
// methods with a function-typed parameter that every use in the body either
// calls directly or hands to a known runner, each use outside any loop,
// go or defer statement and function literal. Such a function runs its
// argument at most once per call, before it returns, like pgx.BeginFunc:
//
//	func withTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
//		tx, err := db.BeginTx(ctx, nil)
//		...
//		if err := fn(tx); err != nil { ... }
//		return tx.Commit()
//	}
//
// Comparing the parameter with nil is allowed. A parameter stored, passed
// anywhere else, called on another goroutine, in a loop (a callback
// iterator, whose intent is unknown here), from a literal (sync.Once.Do, a
// registered callback), or in a function with a goto, makes the function
// no runner. Only the package's own
// declarations are inferred: no facts cross packages.
func (b *builder) inferRunners() {
	var decls []inspector.Cursor
	for c := range b.in.Root().Preorder((*ast.FuncDecl)(nil)) {
		if d := c.Node().(*ast.FuncDecl); d.Body != nil && d.Type.Params != nil {
			decls = append(decls, c)
		}
	}
	// A runner may pass its argument on to another runner declared later:
	// repeat until nothing new is found (each round adds a runner or ends).
	for changed := true; changed; {
		changed = false
		for _, c := range decls {
			d := c.Node().(*ast.FuncDecl)
			fn, ok := b.info.Defs[d.Name].(*types.Func)
			if !ok || b.userRunners[fn] != nil {
				continue
			}
			if arg, ok := b.runnerParam(c, d); ok {
				b.userRunners[fn] = &callbackIter{arg: arg, intent: PerElement}
				changed = true
			}
		}
	}
}

// runnerParam returns the index of the first function-typed parameter of d
// that d runs at most once per call, as inferRunners describes.
func (b *builder) runnerParam(c inspector.Cursor, d *ast.FuncDecl) (int, bool) {
	for n := range c.Preorder((*ast.BranchStmt)(nil)) {
		if n.Node().(*ast.BranchStmt).Tok == token.GOTO {
			return 0, false
		}
	}
	i := 0
	for _, field := range d.Type.Params.List {
		names := field.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, name := range names {
			v, ok := b.info.Defs[name].(*types.Var)
			if ok && name.Name != "_" && isFuncType(v.Type()) && b.runsOnce(c, v) {
				return i, true
			}
			i++
		}
	}
	return 0, false
}

func isFuncType(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// runsOnce reports whether every use of the parameter v in the function
// declaration at c is a call of v, or v handed to a known runner, outside
// loops, go and defer statements and function literals (or a comparison
// with nil); and there is a call.
func (b *builder) runsOnce(c inspector.Cursor, v *types.Var) bool {
	uses := 0
	for u := range c.Preorder((*ast.Ident)(nil)) {
		if b.info.Uses[u.Node().(*ast.Ident)] != v {
			continue
		}
		p := u.Parent()
		for {
			if _, ok := p.Node().(*ast.ParenExpr); !ok {
				break
			}
			p = p.Parent()
		}
		if b.nilCompare(p.Node()) {
			continue
		}
		call, ok := p.Node().(*ast.CallExpr)
		if !ok {
			return false
		}
		// The cursor on the outermost parenthesis: its edge says where v is.
		at := u
		for at.Parent() != p {
			at = at.Parent()
		}
		switch k, idx := at.ParentEdge(); k {
		case edge.CallExpr_Fun:
		case edge.CallExpr_Args:
			r, ok := b.runsArgOf(call, false)
			if !ok || r.arg != idx || call.Ellipsis.IsValid() {
				return false
			}
		default:
			return false
		}
		for a := p.Parent(); a.Valid() && a != c; a = a.Parent() {
			switch a.Node().(type) {
			case *ast.ForStmt, *ast.RangeStmt, *ast.GoStmt, *ast.DeferStmt, *ast.FuncLit:
				return false
			}
		}
		uses++
	}
	return uses > 0
}

// userRunner returns the inferred runner entry of a call of a function
// declared in this package. A method must be called as x.m(...): a method
// expression T.m(x, ...) shifts the arguments.
func (b *builder) userRunner(fn *types.Func, call *ast.CallExpr) (callbackIter, bool) {
	r := b.userRunners[fn]
	if r == nil {
		return callbackIter{}, false
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return callbackIter{}, false
		}
		if s := b.info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
			return callbackIter{}, false
		}
	}
	return *r, true
}

// nilCompare reports whether n is x == nil or x != nil.
func (b *builder) nilCompare(n ast.Node) bool {
	e, ok := n.(*ast.BinaryExpr)
	if !ok || (e.Op != token.EQL && e.Op != token.NEQ) {
		return false
	}
	return b.info.Types[e.X].IsNil() || b.info.Types[e.Y].IsNil()
}
