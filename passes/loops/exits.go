package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/batchlint/batchlint/passes/callee"
)

// terminates reports whether a statement list always leaves some loop, and
// which. brk is the statement an unlabeled break in the list leaves. A list
// that may continue or goto is not treated as leaving (the caller checks).
func (b *builder) terminates(list []ast.Stmt, brk ast.Stmt) (exit, bool) {
	for _, s := range list {
		if e, ok := b.termStmt(s, brk); ok {
			return e, true
		}
	}
	return exit{}, false
}

func (b *builder) termStmt(s ast.Stmt, brk ast.Stmt) (exit, bool) {
	switch s.(type) {
	case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.BlockStmt, *ast.LabeledStmt:
		if r, ok := b.term[s]; ok {
			return r.exit, r.ok
		}
		e, ok := b.termCompound(s, brk)
		b.term[s] = termResult{e, ok}
		return e, ok
	case *ast.ReturnStmt:
		return exit{fn: true}, true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.(*ast.ExprStmt).X).(*ast.CallExpr)
		if ok && (b.isBuiltin(call.Fun, "panic") || b.neverReturns(call)) {
			return exit{all: true}, true
		}
	case *ast.BranchStmt:
		br := s.(*ast.BranchStmt)
		if br.Tok != token.BREAK {
			return exit{}, false
		}
		target := brk
		if br.Label != nil {
			target = b.labeled(br.Label)
		}
		switch target.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return exit{loop: target}, true
		}
	}
	return exit{}, false
}

func (b *builder) termCompound(s ast.Stmt, brk ast.Stmt) (exit, bool) {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return b.terminates(s.List, brk)
	case *ast.LabeledStmt:
		return b.termStmt(s.Stmt, brk)
	case *ast.IfStmt:
		if s.Else == nil || s.Body == nil {
			return exit{}, false
		}
		e1, ok1 := b.terminates(s.Body.List, brk)
		if !ok1 {
			return exit{}, false
		}
		e2, ok2 := b.termStmt(s.Else, brk)
		if !ok2 {
			return exit{}, false
		}
		return narrower(e1, e2), true
	case *ast.SwitchStmt:
		return b.termClauses(s, s.Body, true)
	case *ast.TypeSwitchStmt:
		return b.termClauses(s, s.Body, true)
	case *ast.SelectStmt:
		return b.termClauses(s, s.Body, false)
	}
	return exit{}, false
}

// termClauses: a switch leaves when it has a default and every clause
// leaves; a select when every clause leaves. A break inside leaves only the
// switch or select itself.
func (b *builder) termClauses(s ast.Stmt, body *ast.BlockStmt, needDefault bool) (exit, bool) {
	if body == nil || len(body.List) == 0 {
		return exit{}, false
	}
	var out exit
	hasDefault := false
	for i, cl := range body.List {
		var list []ast.Stmt
		switch cl := cl.(type) {
		case *ast.CaseClause:
			list = cl.Body
			hasDefault = hasDefault || cl.List == nil
		case *ast.CommClause:
			list = cl.Body
		}
		if n := len(list); n > 0 {
			if br, ok := list[n-1].(*ast.BranchStmt); ok && br.Tok == token.FALLTHROUGH {
				return exit{}, false
			}
		}
		e, ok := b.terminates(list, s)
		if !ok {
			return exit{}, false
		}
		if i == 0 {
			out = e
		} else {
			out = narrower(out, e)
		}
	}
	if needDefault && !hasDefault {
		return exit{}, false
	}
	return out, true
}

// labeled returns the statement a label names, or nil.
func (b *builder) labeled(label *ast.Ident) ast.Stmt {
	l, ok := b.info.Uses[label].(*types.Label)
	if !ok {
		return nil
	}
	return b.labels[l.Pos()]
}

func (b *builder) neverReturns(call *ast.CallExpr) bool {
	fn := callee.Func(b.info, call)
	return fn != nil && noReturn[fn.FullName()]
}

// threshold reports whether cond tests a flush threshold: the size of a
// buffer or a record counter against a bound, a counter modulo a period, or
// the age of a batch (time.Since(last) >= maxWait, now.After(deadline)).
// init is the if statement's init, whose short variable declarations the
// condition may name (if n := len(buf); n >= max).
//
// Comparing a size with 0 or 1 is an emptiness test, not a threshold: it
// filters records (if len(u.Name) == 0 { continue }) rather than batching.
func (b *builder) threshold(cond ast.Expr, init ast.Stmt) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			return b.threshold(e.X, init) || b.threshold(e.Y, init)
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return b.sizeLike(e.X, e.Y, init) || b.sizeLike(e.Y, e.X, init)
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return b.threshold(e.X, init)
		}
	case *ast.Ident:
		if rhs := b.initValue(e, init); rhs != nil {
			return b.threshold(rhs, nil)
		}
	case *ast.CallExpr:
		// now.After(deadline): a flush when the batch's time is up.
		return b.clock(e, "After", "Before")
	}
	return false
}

// clock reports whether call reads the clock against a point in time:
// time.Since, time.Until, or one of the named time.Time methods called on
// time.Now(). That is the age of a batch; u.CreatedAt.After(cutoff) is a
// filter on records and does not count.
func (b *builder) clock(call *ast.CallExpr, methods ...string) bool {
	fn := callee.Func(b.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "time" {
		return false
	}
	if isPkgFunc(fn, "time", "Since") || isPkgFunc(fn, "time", "Until") {
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	now, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || !isPkgFunc(callee.Func(b.info, now), "time", "Now") {
		return false
	}
	k := callee.Key(fn)
	return k.Pkg == "time" && k.Recv == "Time" && slices.Contains(methods, k.Name)
}

// initValue returns the expression an if statement's init assigns to id.
func (b *builder) initValue(id *ast.Ident, init ast.Stmt) ast.Expr {
	as, ok := init.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	o := b.info.Uses[id]
	if o == nil {
		return nil
	}
	for i, lhs := range as.Lhs {
		if l, ok := lhs.(*ast.Ident); ok && b.info.Defs[l] == o {
			return as.Rhs[i]
		}
	}
	return nil
}

// sizeLike reports whether e, compared with other, is one side of a flush
// threshold.
func (b *builder) sizeLike(e, other ast.Expr, init ast.Stmt) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if rhs := b.initValue(id, init); rhs != nil {
			e = ast.Unparen(rhs)
		}
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if b.clock(e, "Sub") {
			return true
		}
		size := false
		if len(e.Args) == 1 && (b.isBuiltin(e.Fun, "len") || b.isBuiltin(e.Fun, "cap")) {
			size = true
		} else if len(e.Args) == 0 {
			size = slices.Contains(sizers, callee.Key(callee.Func(b.info, e)))
		}
		if !size {
			return false
		}
		v, isConst := b.constInt(other)
		return !isConst || v > 1
	case *ast.BinaryExpr:
		return e.Op == token.REM
	case *ast.Ident, *ast.SelectorExpr:
		// Counters are keyed by object, and a field object is shared by
		// every value of its type: u.Age++ anywhere must not turn a record
		// filter such as u.Age > 18 into a flush threshold. A field of the
		// range element is the record's data; a bound of 0 or 1 is an
		// emptiness or sign test, as for len above.
		o := b.obj(e)
		if o == nil || !b.counters[o] {
			return false
		}
		if sel, ok := e.(*ast.SelectorExpr); ok {
			if root, ok := ast.Unparen(sel.X).(*ast.Ident); ok && b.elements[b.info.Uses[root]] {
				return false
			}
		}
		v, isConst := b.constInt(other)
		return !isConst || v > 1
	}
	return false
}

// caseGuard reports whether a switch case is a threshold test: a tagless
// switch whose case is one (case len(buf) >= max:), or a switch on a size
// or counter (switch len(buf) { case max: }).
func (b *builder) caseGuard(s *ast.SwitchStmt, cl *ast.CaseClause) bool {
	if s.Tag == nil {
		for _, e := range cl.List {
			if b.threshold(e, s.Init) {
				return true
			}
		}
		return false
	}
	for _, e := range cl.List {
		if b.sizeLike(s.Tag, e, s.Init) {
			return true
		}
	}
	return false
}

// timerComm reports whether a select case waits on a timer or ticker: the
// case flushes on time, not once per record.
func (b *builder) timerComm(comm ast.Stmt) bool {
	var x ast.Expr
	switch c := comm.(type) {
	case *ast.ExprStmt:
		x = c.X
	case *ast.AssignStmt:
		if len(c.Rhs) == 1 {
			x = c.Rhs[0]
		}
	}
	u, ok := ast.Unparen(x).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW && b.timerChan(u.X)
}

// timerChan reports whether e is a time.Ticker's or time.Timer's channel,
// or the channel of time.After or time.Tick.
func (b *builder) timerChan(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		v, ok := b.info.Uses[e.Sel].(*types.Var)
		return ok && v.IsField() && v.Name() == "C" && v.Pkg() != nil && v.Pkg().Path() == "time"
	case *ast.CallExpr:
		fn := callee.Func(b.info, e)
		return isPkgFunc(fn, "time", "After") || isPkgFunc(fn, "time", "Tick")
	}
	return false
}

func constantInt64(v constant.Value) (int64, bool) {
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}
