package paramlimit

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/passes/loops"
)

// evidence is why a slice's length is set by the input, not by the code.
type evidence struct {
	name     string // the slice, or what the loop that grows it reads
	pos, end token.Pos
	why      string // the related information's message
	// perRow is how many values each iteration of the loop appends, or 0
	// when that is unknown (a spread append, nested loops) or no loop
	// grows the slice.
	perRow int
}

type unbounded struct {
	pass  *analysis.Pass
	loops *loops.Result
}

// of returns the evidence that rows, used by call in function fn, holds
// as many elements as the input: it is a parameter of the function
// declaration, never assigned; or a local that starts empty and grows only
// by append in a per-element loop over a parameter, a channel, a call's
// results (rows, a scanner, an iterator) or a read loop, which call
// follows. Anything else (a reslice, a literal, a reset, a len check in
// the loop, a slice whose address escapes) gives nil.
func (u *unbounded) of(c inspector.Cursor, rows ast.Expr, call *ast.CallExpr) *evidence {
	e := ast.Unparen(rows)
	if x, ok := e.(*ast.UnaryExpr); ok && x.Op == token.AND {
		e = ast.Unparen(x.X)
	}
	id, _ := e.(*ast.Ident)
	if id == nil {
		return nil
	}
	v, _ := u.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	// The function that declares the slice: a literal's body can use its
	// enclosing function's parameters and locals.
	var fn ast.Node
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if within(f.Node(), v.Pos()) {
			fn = f.Node()
			break
		}
	}
	body, params := funcParts(fn)
	if body == nil {
		return nil
	}
	// A slice declared in a loop around the call is one chunk's.
	for l := u.loops.Enclosing(call); l != nil; l = l.Parent {
		if within(l.Body, v.Pos()) {
			return nil
		}
	}
	uses := u.uses(body, v, call)
	if decl, isDecl := fn.(*ast.FuncDecl); isDecl && within(params, v.Pos()) {
		// A literal's parameter is often a chunk handed in by a batcher
		// (a flush callback); a declared function's is the caller's input.
		if len(uses.appends) > 0 || uses.assigned || u.handedChunks(decl, v) {
			return nil
		}
		return &evidence{name: v.Name(), pos: v.Pos(), end: v.Pos() + token.Pos(len(v.Name())),
			why: v.Name() + " is a parameter of " + decl.Name.Name + ": its length is the caller's"}
	}
	if !within(body, v.Pos()) || uses.assigned || len(uses.appends) == 0 {
		return nil
	}
	var grow *loops.Loop
	for _, a := range uses.appends {
		// Enclosing, not PerIteration: an append under a guard such as
		// if len(fields) != 4 { continue } still grows the slice.
		if l := u.loops.Enclosing(a); l != nil && l.Node != nil && l.Intent == loops.PerElement {
			grow = l
			break
		}
	}
	if grow == nil || grow.Body == nil || within(grow.Body, call.Pos()) || !u.source(grow) || u.measures(grow.Body, v) {
		return nil
	}
	ev := &evidence{name: grow.Over, pos: grow.Node.Pos(), end: grow.HeadEnd(), why: "the loop over " + grow.Over + " grows " + v.Name()}
	if grow.Over == "" {
		ev.name, ev.why = v.Name(), "this loop grows "+v.Name()
	}
	if grow.Parent == nil || grow.Parent.Intent != loops.PerElement {
		ev.perRow = perRow(uses.appends, grow.Body)
	}
	return ev
}

// handedChunks reports whether the package hands decl's parameter v a
// chunk (a call inside a chunk loop, or with a reslice), or passes decl on
// as a value (a batcher's flush callback): then its caller bounds the
// slice.
func (u *unbounded) handedChunks(decl *ast.FuncDecl, v *types.Var) bool {
	obj := u.pass.TypesInfo.Defs[decl.Name]
	if obj == nil {
		return false
	}
	index := -1
	sig, _ := obj.Type().(*types.Signature)
	for i := 0; sig != nil && i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			index = i
		}
	}
	found := false
	for _, f := range u.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			var id *ast.Ident
			switch n := n.(type) {
			case *ast.CallExpr:
				id = calleeIdent(n.Fun)
				if id == nil || u.pass.TypesInfo.Uses[id] != obj {
					return !found
				}
				if l := u.loops.Enclosing(n); l != nil && l.Intent == loops.Chunked {
					found = true
				}
				if index >= 0 && index < len(n.Args) {
					_, reslice := ast.Unparen(n.Args[index]).(*ast.SliceExpr)
					found = found || reslice
				}
				for _, a := range n.Args {
					ast.Inspect(a, func(m ast.Node) bool {
						if id, ok := m.(*ast.Ident); ok && u.pass.TypesInfo.Uses[id] == obj {
							found = true
						}
						return !found
					})
				}
				// The callee itself is no value use: skip Fun.
				return false
			case *ast.Ident:
				id = n
			}
			if id != nil && u.pass.TypesInfo.Uses[id] == obj {
				found = true
			}
			return !found
		})
	}
	return found
}

// calleeIdent is the name a call's function expression ends in.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return calleeIdent(f.X)
	}
	return nil
}

// sliceUses are the writes of a slice variable in one function body.
type sliceUses struct {
	appends  []*ast.CallExpr // v = append(v, ...)
	assigned bool            // any other assignment, or its address taken
}

func (u *unbounded) uses(body *ast.BlockStmt, v *types.Var, call *ast.CallExpr) sliceUses {
	var s sliceUses
	info := u.pass.TypesInfo
	is := func(e ast.Expr) bool {
		id, _ := ast.Unparen(e).(*ast.Ident)
		return id != nil && (info.Uses[id] == v || info.Defs[id] == v)
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !is(lhs) {
					continue
				}
				if len(n.Rhs) != len(n.Lhs) {
					s.assigned = true
					continue
				}
				rhs := ast.Unparen(n.Rhs[i])
				if a, ok := rhs.(*ast.CallExpr); ok && u.builtin(a.Fun, "append") && len(a.Args) > 0 && is(a.Args[0]) && n.Tok == token.ASSIGN {
					s.appends = append(s.appends, a)
				} else if n.Tok != token.DEFINE || !u.empty(rhs) {
					s.assigned = true
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if is(name) && i < len(n.Values) && !u.empty(n.Values[i]) {
					s.assigned = true
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && is(n.X) && !within(call, n.Pos()) {
				s.assigned = true
			}
		case *ast.RangeStmt:
			if n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value) {
				s.assigned = true
			}
		}
		return true
	})
	return s
}

// empty: nil, an empty literal, or make with a zero length.
func (u *unbounded) empty(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name == "nil" && u.pass.TypesInfo.Types[e].IsNil()
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.CallExpr:
		if u.builtin(e.Fun, "make") && len(e.Args) >= 2 {
			n, ok := u.constInt(e.Args[1])
			return ok && n == 0
		}
	}
	return false
}

// measures: the loop body compares the slice's length (a cap on the rows
// read, a flush when full), so the code bounds it. A length used for
// anything else (numbering placeholders) bounds nothing.
func (u *unbounded) measures(body *ast.BlockStmt, v *types.Var) bool {
	isLen := func(e ast.Expr) bool {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(c.Args) != 1 || !u.builtin(c.Fun, "len") && !u.builtin(c.Fun, "cap") {
			return false
		}
		id, ok := ast.Unparen(c.Args[0]).(*ast.Ident)
		return ok && u.pass.TypesInfo.Uses[id] == v
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok {
			switch b.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL:
				found = found || isLen(b.X) || isLen(b.Y)
			}
		}
		return !found
	})
	return found
}

// source: the loop reads input whose size the code does not fix.
func (u *unbounded) source(l *loops.Loop) bool {
	switch n := l.Node.(type) {
	case *ast.RangeStmt:
		return u.input(n.X)
	case *ast.ForStmt:
		switch c := ast.Unparen(n.Cond).(type) {
		case nil:
			return true // a read loop that breaks at the end of its input
		case *ast.CallExpr:
			return !u.builtin(c.Fun, "len")
		case *ast.BinaryExpr:
			return (c.Op == token.LSS || c.Op == token.LEQ) && u.input(c.Y)
		}
	case *ast.CallExpr:
		return true // a callback iterator over records
	}
	return false
}

// input: e's size comes from outside the code: a channel, a call's result,
// a function parameter, or a local set from a call.
func (u *unbounded) input(e ast.Expr) bool {
	info := u.pass.TypesInfo
	if t := info.TypeOf(e); t != nil {
		if _, ok := t.Underlying().(*types.Chan); ok {
			return true
		}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SliceExpr:
		// rows[:100] is bounded and rows[start:end] a window: only a slice
		// with no upper bound (rows[1:]) is as long as its input.
		if e.High != nil {
			return false
		}
		return u.input(e.X)
	case *ast.CallExpr:
		if u.builtin(e.Fun, "len") && len(e.Args) == 1 {
			return u.input(e.Args[0])
		}
		if tv, ok := info.Types[e.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return false
		}
		return true
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return u.input(e.X)
		}
	case *ast.IndexExpr:
		return u.input(e.X)
	case *ast.StarExpr:
		return u.input(e.X)
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		if v == nil || v.IsField() {
			return false
		}
		return u.param(v) || u.fromCall(v)
	}
	return false
}

// param reports whether v is a parameter of a function in the package.
func (u *unbounded) param(v *types.Var) bool {
	for _, f := range u.pass.Files {
		if !within(f, v.Pos()) {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if ft, ok := n.(*ast.FuncType); ok && within(ft.Params, v.Pos()) {
				found = true
			}
			return !found && (n == f || within(n, v.Pos()))
		})
		return found
	}
	return false
}

// fromCall reports whether v is declared by := from a call (rows, err :=
// repo.List(ctx)) and never assigned again.
func (u *unbounded) fromCall(v *types.Var) bool {
	from := false
	for _, f := range u.pass.Files {
		if !within(f, v.Pos()) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			a, ok := n.(*ast.AssignStmt)
			if !ok || a.Tok != token.DEFINE || len(a.Rhs) != 1 {
				return true
			}
			for _, l := range a.Lhs {
				if id, ok := l.(*ast.Ident); ok && u.pass.TypesInfo.Defs[id] == v {
					c, ok := ast.Unparen(a.Rhs[0]).(*ast.CallExpr)
					from = ok && !u.builtin(c.Fun, "make") && !u.builtin(c.Fun, "append")
				}
			}
			return true
		})
	}
	return from
}

// perRow counts the values the appends inside body add per iteration, or
// 0 when one spreads a slice.
func perRow(appends []*ast.CallExpr, body *ast.BlockStmt) int {
	n := 0
	for _, a := range appends {
		if !within(body, a.Pos()) {
			continue
		}
		if a.Ellipsis.IsValid() {
			return 0
		}
		n += len(a.Args) - 1
	}
	return n
}

func (u *unbounded) builtin(fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, ok = u.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok
}

func (u *unbounded) constInt(e ast.Expr) (int64, bool) {
	tv, ok := u.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(tv.Value))
}

func funcParts(fn ast.Node) (*ast.BlockStmt, *ast.FieldList) {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body, fn.Type.Params
	case *ast.FuncLit:
		return fn.Body, fn.Type.Params
	}
	return nil, nil
}

func within(n ast.Node, pos token.Pos) bool {
	return n != nil && !reflect.ValueOf(n).IsNil() && n.Pos() <= pos && pos < n.End()
}
