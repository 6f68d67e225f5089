package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/batchlint/batchlint/passes/callee"
)

// The intent heuristics look for positive evidence that an iteration is not
// one record; without it a loop over data is PerElement. They run in order:
// a loop that always leaves in its first iteration is Once whatever it
// ranges over; a loop that leaves on success is a Retry even when it counts
// attempts with constants; a timer loop is Periodic; only then do the shape
// of the bounds (Bounded) and of the elements (Chunked) decide.

func (b *builder) forIntent(f *ast.ForStmt) Intent {
	switch {
	case b.once(f, f.Body):
		return Once
	case b.retry(f, f.Body) || f.Cond != nil && (b.errTest(f.Cond) || b.retryCall(f.Cond)):
		return Retry
	case b.periodicFor(f):
		return Periodic
	case b.constBounds(f) || b.upToLen(f):
		return Bounded
	case b.strided(f) || b.reslices(f) || b.polls(f):
		return Chunked
	}
	return PerElement
}

func (b *builder) rangeIntent(r *ast.RangeStmt) Intent {
	switch {
	case b.once(r, r.Body):
		return Once
	case b.retry(r, r.Body) || b.retryCall(r.X):
		return Retry
	case b.timerChan(r.X) || b.paced(r):
		return Periodic
	case b.fewItems(r.X):
		return Bounded
	case b.chunkedRange(r):
		return Chunked
	}
	return PerElement
}

// once: the body always leaves this loop (return, break, panic) and no
// continue reaches the next iteration, so the loop body runs at most once.
func (b *builder) once(loop ast.Stmt, body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	e, ok := b.terminates(body.List, loop)
	return ok && e.leaves(loop) && !b.continuesTo(loop, body)
}

// continuesTo reports whether a continue in body starts loop's next iteration.
func (b *builder) continuesTo(loop ast.Stmt, body *ast.BlockStmt) bool {
	if !b.jumpy[body] {
		return false
	}
	found := false
	var walk func(n ast.Node, inner bool)
	walk = func(n ast.Node, inner bool) {
		if isNil(n) {
			return
		}
		ast.Inspect(n, func(m ast.Node) bool {
			if found {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				walk(m.Body, true)
				return false
			case *ast.RangeStmt:
				walk(m.Body, true)
				return false
			case *ast.BranchStmt:
				switch {
				case m.Tok == token.GOTO:
					found = true
				case m.Tok != token.CONTINUE:
				case m.Label == nil:
					found = !inner
				default:
					found = b.labeled(m.Label) == loop
				}
			}
			return true
		})
	}
	walk(body, false)
	return found
}

// retry: the loop leaves when an attempt succeeds. The evidence is an exit
// guarded by err == nil, an exit in the else of err != nil, or a failure
// that continues followed by an unconditional exit. A loop over data that
// only returns on failure (if err != nil { return err }) shows none of these.
func (b *builder) retry(loop ast.Stmt, body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	bodyLeaves := false
	if e, ok := b.terminates(body.List, loop); ok && e.leaves(loop) {
		bodyLeaves = true
	}
	found := false
	var walk func(n ast.Node, brk, cont ast.Stmt)
	walk = func(n ast.Node, brk, cont ast.Stmt) {
		if isNil(n) {
			return
		}
		ast.Inspect(n, func(m ast.Node) bool {
			if found {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				walk(m.Body, m, m)
				return false
			case *ast.RangeStmt:
				walk(m.Body, m, m)
				return false
			case *ast.SwitchStmt:
				walk(m.Body, m, cont)
				return false
			case *ast.TypeSwitchStmt:
				walk(m.Body, m, cont)
				return false
			case *ast.SelectStmt:
				walk(m.Body, m, cont)
				return false
			case *ast.IfStmt:
				if m.Body == nil {
					return true
				}
				if b.success(m.Cond) {
					if e, ok := b.terminates(m.Body.List, brk); ok && e.leaves(loop) {
						found = true
					}
				}
				if b.failure(m.Cond, token.LOR) && m.Else != nil {
					if e, ok := b.termStmt(m.Else, brk); ok && e.leaves(loop) {
						found = true
					}
				}
				if bodyLeaves && cont == loop && b.failure(m.Cond, token.LAND) && endsInContinue(m.Body, b, loop) {
					found = true
				}
			}
			return true
		})
	}
	walk(body, loop, loop)
	return found
}

func endsInContinue(body *ast.BlockStmt, b *builder, loop ast.Stmt) bool {
	if body == nil || len(body.List) == 0 {
		return false
	}
	br, ok := body.List[len(body.List)-1].(*ast.BranchStmt)
	if !ok || br.Tok != token.CONTINUE {
		return false
	}
	return br.Label == nil || b.labeled(br.Label) == loop
}

// success reports whether cond holds only when an error is nil: err == nil,
// possibly and-ed with more conditions.
func (b *builder) success(cond ast.Expr) bool {
	e, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if e.Op == token.LAND {
		return b.success(e.X) || b.success(e.Y)
	}
	return e.Op == token.EQL && b.errNilCmp(e)
}

// failure reports whether cond is err != nil joined by op: with ||, its
// negation implies success; with &&, it holds only on failure.
func (b *builder) failure(cond ast.Expr, op token.Token) bool {
	e, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if e.Op == op {
		return b.failure(e.X, op) || b.failure(e.Y, op)
	}
	return e.Op == token.NEQ && b.errNilCmp(e)
}

// errTest reports whether a loop condition holds only while an error is
// non-nil (for err != nil, for i := 0; err != nil && i < n; i++): the loop
// repeats an attempt until it succeeds. A condition on err == nil is the
// opposite, a loop over data that stops at the first failure.
func (b *builder) errTest(cond ast.Expr) bool {
	return b.failure(cond, token.LAND)
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func (b *builder) errNilCmp(e *ast.BinaryExpr) bool {
	isNil := func(x ast.Expr) bool {
		tv, ok := b.info.Types[x]
		return ok && tv.IsNil()
	}
	isErr := func(x ast.Expr) bool {
		t := b.typeOf(x)
		if t == nil || isNil(x) {
			return false
		}
		if _, ok := t.Underlying().(*types.Interface); !ok {
			return false
		}
		return types.Implements(t, errorIface)
	}
	return isNil(e.Y) && isErr(e.X) || isNil(e.X) && isErr(e.Y)
}

// retryCall reports whether e calls into a retry or backoff package
// (for r.Next() on a retrier, range over a backoff schedule): import paths
// such as github.com/cenkalti/backoff/v4 or github.com/avast/retry-go.
func (b *builder) retryCall(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if fn := callee.Func(b.info, n); fn != nil && fn.Pkg() != nil && retryPath(fn.Pkg().Path()) {
				found = true
			}
		}
		return !found
	})
	return found
}

func retryPath(path string) bool {
	for _, seg := range strings.Split(path, "/") {
		seg = strings.ToLower(seg)
		if strings.Contains(seg, "retry") || strings.Contains(seg, "backoff") {
			return true
		}
	}
	return false
}

// periodicFor: a loop with no condition whose body waits on a timer first
// (<-ticker.C; time.Sleep(d)) or whose select wakes up only on timers and
// cancellation. Each iteration is a tick, not a record. Only a wait that
// opens the body counts: a retry loop sleeps (or selects on time.After and
// ctx.Done) after its attempt, and a retry must stay transparent.
func (b *builder) periodicFor(f *ast.ForStmt) bool {
	if f.Cond != nil || f.Body == nil || len(f.Body.List) == 0 {
		return false
	}
	switch st := f.Body.List[0].(type) {
	case *ast.ExprStmt:
		if u, ok := ast.Unparen(st.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW && b.timerChan(u.X) {
			return true
		}
		call, ok := ast.Unparen(st.X).(*ast.CallExpr)
		return ok && isPkgFunc(callee.Func(b.info, call), "time", "Sleep")
	case *ast.SelectStmt:
		if st.Body == nil {
			return false
		}
		timers, others := 0, 0
		for _, cl := range st.Body.List {
			cc, ok := cl.(*ast.CommClause)
			if !ok || cc.Comm == nil {
				continue
			}
			switch {
			case b.timerComm(cc.Comm):
				timers++
			case b.doneComm(cc.Comm):
			default:
				others++
			}
		}
		return timers > 0 && others == 0
	}
	return false
}

// paced: a range over data whose body, at its top level, sleeps for a
// constant time or waits for a timer's tick on every iteration: the code
// chose the pace, and a write per element at that pace is not a load. A
// counting loop that sleeps is left alone (a retry with backoff more often
// than a pace), and so is a sleep whose length is a variable (a delay that
// may be configured to zero).
func (b *builder) paced(r *ast.RangeStmt) bool {
	if r.Body == nil {
		return false
	}
	if t := b.typeOf(r.X); t != nil {
		if basic, ok := t.Underlying().(*types.Basic); ok && basic.Info()&types.IsInteger != 0 {
			return false
		}
	}
	for _, st := range r.Body.List {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			continue
		}
		switch x := ast.Unparen(es.X).(type) {
		case *ast.UnaryExpr:
			if x.Op == token.ARROW && b.timerChan(x.X) {
				return true
			}
		case *ast.CallExpr:
			if d, ok := b.constInt(firstArg(x)); ok && d > 0 && isPkgFunc(callee.Func(b.info, x), "time", "Sleep") {
				return true
			}
		}
	}
	return false
}

func firstArg(call *ast.CallExpr) ast.Expr {
	if len(call.Args) == 0 {
		return nil
	}
	return call.Args[0]
}

// doneComm reports whether a select case waits for cancellation
// (<-ctx.Done()): it ends the loop rather than delivering a record.
func (b *builder) doneComm(comm ast.Stmt) bool {
	es, ok := comm.(*ast.ExprStmt)
	if !ok {
		return false
	}
	u, ok := ast.Unparen(es.X).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	call, ok := ast.Unparen(u.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := callee.Func(b.info, call)
	return fn != nil && fn.Name() == "Done" && fn.Pkg() != nil && fn.Pkg().Path() == "context"
}

// repeats: a counted loop (for i := a; i < n; i++, for i := range n) whose
// bound is a constant or a package-level variable (a flag, a setting), and
// whose index picks no element (no xs[i], no xs[i:j]): it repeats the work
// of an iteration a configured number of times. Inside a loop over data,
// PerIteration names the data's loop instead (a -n repeat flag inside the
// loop over input lines).
func (b *builder) repeats(n ast.Node) bool {
	var index types.Object
	var bound ast.Expr
	var body *ast.BlockStmt
	switch n := n.(type) {
	case *ast.ForStmt:
		init, ok := n.Init.(*ast.AssignStmt)
		post, ok2 := n.Post.(*ast.IncDecStmt)
		cond, ok3 := ast.Unparen(n.Cond).(*ast.BinaryExpr)
		if !ok || !ok2 || !ok3 || len(init.Lhs) != 1 || post.Tok != token.INC || (cond.Op != token.LSS && cond.Op != token.LEQ) {
			return false
		}
		index, bound, body = b.obj(init.Lhs[0]), cond.Y, n.Body
		if index == nil || b.obj(post.X) != index || b.obj(cond.X) != index {
			return false
		}
	case *ast.RangeStmt:
		xt := b.typeOf(n.X)
		if xt == nil {
			return false
		}
		if t, ok := xt.Underlying().(*types.Basic); !ok || t.Info()&types.IsInteger == 0 {
			return false
		}
		bound, body = n.X, n.Body
		if n.Key != nil {
			index = b.obj(n.Key)
		}
	default:
		return false
	}
	if _, isConst := b.constInt(bound); !isConst && !b.packageVar(bound) {
		return false
	}
	return index == nil || !b.indexes(body, index)
}

// packageVar reports whether e is a package-level variable, or what such
// a pointer variable points to (*count for a flag.Int).
func (b *builder) packageVar(e ast.Expr) bool {
	e = ast.Unparen(e)
	if st, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(st.X)
	}
	v, ok := b.obj(e).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil {
		return false
	}
	return v.Parent() == v.Pkg().Scope()
}

// indexes reports whether body uses v in an index or a slice bound.
func (b *builder) indexes(body *ast.BlockStmt, v types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			found = found || b.mentions(n.Index, v)
		case *ast.IndexListExpr:
			for _, ix := range n.Indices {
				found = found || b.mentions(ix, v)
			}
		case *ast.SliceExpr:
			for _, e := range []ast.Expr{n.Low, n.High, n.Max} {
				found = found || e != nil && b.mentions(e, v)
			}
		}
		return !found
	})
	return found
}

// maxBounded is the most items a Bounded loop walks: a handful of DDL
// statements or fixed keys, not data.
const maxBounded = 8

// maxCount is the largest constant count of a Bounded loop (for i := range
// 10, i < min(n, 12)). Constant counts in real code are retries (2 to 5),
// fixtures and examples (5 to 10) and fixed rounds (16), where a count of
// records is a variable; a constant of 1000 is a load, still reported.
const maxCount = 16

// upperBound is the constant e stays under: a constant, or min(...) with a
// constant argument (min(n, maxPartitions)).
func (b *builder) upperBound(e ast.Expr) (int64, bool) {
	if n, ok := b.constInt(e); ok {
		return n, true
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !b.isBuiltin(call.Fun, "min") {
		return 0, false
	}
	bound, found := int64(0), false
	for _, a := range call.Args {
		if n, ok := b.constInt(a); ok && (!found || n < bound) {
			bound, found = n, true
		}
	}
	return bound, found
}

// constBounds: for i := c0; i < c1; i++ with constants at most maxCount
// apart; an increasing loop may stop at min(n, c1).
func (b *builder) constBounds(f *ast.ForStmt) bool {
	init, ok := f.Init.(*ast.AssignStmt)
	if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return false
	}
	v := b.obj(init.Lhs[0])
	start, ok := b.constInt(init.Rhs[0])
	if v == nil || !ok {
		return false
	}
	post, ok := f.Post.(*ast.IncDecStmt)
	if !ok || b.obj(post.X) != v {
		return false
	}
	cond, ok := ast.Unparen(f.Cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	x, y, op := cond.X, cond.Y, cond.Op
	if b.obj(y) == v { // 3 > i
		x, y = y, x
		switch op {
		case token.GTR:
			op = token.LSS
		case token.GEQ:
			op = token.LEQ
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		}
	}
	end, ok := b.constInt(y)
	if !ok && post.Tok == token.INC {
		end, ok = b.upperBound(y)
	}
	if b.obj(x) != v || !ok {
		return false
	}
	var n int64
	switch {
	case op == token.LSS && post.Tok == token.INC:
		n = end - start
	case op == token.LEQ && post.Tok == token.INC:
		n = end - start + 1
	case op == token.GTR && post.Tok == token.DEC:
		n = start - end
	case op == token.GEQ && post.Tok == token.DEC:
		n = start - end + 1
	case op == token.NEQ && post.Tok == token.INC:
		n = end - start
	default:
		return false
	}
	return n <= maxCount
}

// fewItems: a range over a literal of at most maxBounded distinct fixed
// items of any type (strings, structs, arrays, pointers, functions), a
// small integer or string constant, or a variable of this package (local or
// package-level) initialized with such a literal and never changed: not
// reassigned, appended to, sliced, addressed, given to a pointer method, or,
// for a map, stored into. Variables of other packages count as data: their
// initializers are not in this package's syntax. A local map handed to a
// function may still gain keys there; that is not followed, at the cost of
// a miss.
//
// A list the code defines elsewhere is code-bounded at any length: a
// package-level variable that only ever holds literals (see codeList), or
// the result of a call of this package's function whose every return is a
// literal. It runs the same number of times on every start, whatever its
// items compute; a literal's length does not depend on the function's
// parameters. An exported variable
// counts too: another package could append to it, but a table of defaults
// is read, not grown, and a change in this package is still seen.
func (b *builder) fewItems(x ast.Expr) bool {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	if tv, ok := b.info.Types[x]; ok && tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.Int:
			n, ok := constant.Int64Val(tv.Value)
			return ok && n <= maxCount
		case constant.String:
			return len([]rune(constant.StringVal(tv.Value))) <= maxBounded
		}
		return false
	}
	if id, ok := x.(*ast.Ident); ok {
		o := b.info.Uses[id]
		if o == nil {
			return false
		}
		if b.codeList(o) || b.argList(o) || b.codeLen(x) {
			return true
		}
		val, ok := b.inits[o]
		if !ok || b.assigned[o] {
			return false
		}
		x = ast.Unparen(val)
	}
	if call, ok := x.(*ast.CallExpr); ok {
		if n, ok := b.upperBound(call); ok {
			return n <= maxCount
		}
		return b.returnsLiteral(call) || b.codeLen(call)
	}
	lit, ok := x.(*ast.CompositeLit)
	if !ok {
		return false
	}
	if n, ok := b.litLen(lit); !ok || n > maxBounded {
		return false
	}
	seen := map[string]bool{}
	for _, e := range lit.Elts {
		k, ok := b.itemKey(e)
		if !ok || seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// codeList: o is a package-level variable that only ever holds literals: it
// is declared empty or with a literal (or a call of a function returning
// literals), and every change anywhere in the package is a plain assignment
// of a literal; a map is also never handed to a function.
func (b *builder) codeList(o types.Object) bool {
	if o.Pkg() == nil || o.Parent() != o.Pkg().Scope() || b.handed[o] || b.changes[o] != b.litSets[o] {
		return false
	}
	switch v := ast.Unparen(b.inits[o]).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		return b.returnsLiteral(v)
	}
	return b.empty[o]
}

// argList: o is the variadic parameter of a function declared in this
// package, never reassigned, that no code can fill from a slice: no call in
// the package spreads one into it (f(xs...), directly or through an
// interface method it implements), the function is never used as a value,
// and either it is unexported, so every call is in this package, or its
// elements are values of an enumeration (enumValues), which callers name
// one by one (RoleAdmin, RoleUser) rather than load. Every call then writes
// the list out, so it is as long as the code at the call site makes it. An exported function of other element
// types may be called with xs... from another package (a SaveBookmarks(ctx,
// books...) behind an interface, fed from an import file), so its loop stays
// per element.
func (b *builder) argList(o types.Object) bool {
	fn := b.variadic[o]
	if fn == nil || b.assigned[o] || fn.Exported() && !enumValues(o.Type()) {
		return false
	}
	if b.spread == nil {
		b.findSpreads()
	}
	return !b.spread[fn]
}

// enumValues reports a slice of an enumeration: a named string or integer
// type whose package declares constants of it (type Role string; const
// RoleAdmin Role = "admin").
func enumValues(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	n, ok := types.Unalias(sl.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	if bt, ok := n.Underlying().(*types.Basic); !ok || bt.Info()&(types.IsString|types.IsInteger) == 0 {
		return false
	}
	scope := n.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		if c, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(c.Type(), n) {
			return true
		}
	}
	return false
}

// findSpreads fills b.spread: the declared variadic functions that a call
// with ... may reach, or that are used other than by calling them.
func (b *builder) findSpreads() {
	b.spread = map[*types.Func]bool{}
	declared := map[*types.Func]bool{}
	for _, fn := range b.variadic {
		declared[fn] = true
	}
	calls := map[*types.Func]int{}
	for c := range b.in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := callee.Func(b.info, call)
		if fn == nil {
			continue
		}
		if declared[fn] {
			calls[fn]++
		}
		if !call.Ellipsis.IsValid() {
			continue
		}
		b.spread[fn] = true
		if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			iface, _ := recv.Type().Underlying().(*types.Interface)
			for g := range declared {
				if r := g.Signature().Recv(); r != nil && g.Name() == fn.Name() && iface != nil &&
					(types.Implements(r.Type(), iface) || types.Implements(types.NewPointer(r.Type()), iface)) {
					b.spread[g] = true
				}
			}
		}
	}
	uses := map[*types.Func]int{}
	for _, o := range b.info.Uses {
		if fn, ok := o.(*types.Func); ok && declared[fn] {
			uses[fn]++
		}
	}
	for fn := range declared {
		if uses[fn] > calls[fn] {
			b.spread[fn] = true
		}
	}
}

// codeLen: e is len(xs) of a list the code bounds (fewItems), or a
// variable never changed after it was declared with such a length (var
// schemaVersion = len(migrations)). The list's length is fixed by the code
// whatever it holds.
func (b *builder) codeLen(e ast.Expr) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		o := b.info.Uses[id]
		if o == nil || b.assigned[o] {
			return false
		}
		e = ast.Unparen(b.inits[o])
	}
	call, ok := e.(*ast.CallExpr)
	return ok && len(call.Args) == 1 && b.isBuiltin(call.Fun, "len") && b.fewItems(call.Args[0])
}

// upToLen: for i := start; i < n; i++ where n is a length the code bounds
// (codeLen): a counted walk over a code-defined list, such as one
// iteration per schema migration from the stored version to len(migrations).
func (b *builder) upToLen(f *ast.ForStmt) bool {
	post, ok := f.Post.(*ast.IncDecStmt)
	if !ok || post.Tok != token.INC {
		return false
	}
	v := b.obj(post.X)
	cond, ok := ast.Unparen(f.Cond).(*ast.BinaryExpr)
	if v == nil || !ok {
		return false
	}
	switch {
	case cond.Op == token.LSS && b.obj(cond.X) == v:
		return b.codeLen(cond.Y)
	case cond.Op == token.GTR && b.obj(cond.Y) == v:
		return b.codeLen(cond.X)
	}
	return false
}

// returnsLiteral: call runs a function of this package whose every return
// statement returns one composite literal.
func (b *builder) returnsLiteral(call *ast.CallExpr) bool {
	d := b.decls[callee.Func(b.info, call)]
	if d == nil || d.Body == nil {
		return false
	}
	returns, lits := 0, 0
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) == 1 {
				if _, ok := ast.Unparen(n.Results[0]).(*ast.CompositeLit); ok {
					lits++
				}
			}
		}
		return true
	})
	return returns > 0 && lits == returns
}

// litLen returns how many elements ranging over lit visits. It is not
// always len(lit.Elts): an array has the length of its type ([100]T{a} has
// 100) and an index key pads a slice ([]T{9: a} has 10).
func (b *builder) litLen(lit *ast.CompositeLit) (int64, bool) {
	t := b.typeOf(lit)
	if t == nil || t == types.Typ[types.Invalid] {
		// Ill-typed: count the elements only when no key can pad them.
		if len(lit.Elts) > maxBounded {
			return int64(len(lit.Elts)), true
		}
		for _, e := range lit.Elts {
			if _, ok := e.(*ast.KeyValueExpr); ok {
				return 0, false
			}
		}
		return int64(len(lit.Elts)), true
	}
	switch t := t.Underlying().(type) {
	case *types.Array:
		return t.Len(), true
	case *types.Slice:
		var n, next int64
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				i, ok := b.constInt(kv.Key)
				if !ok {
					return 0, false
				}
				next = i
			}
			next++
			if n = max(n, next); n > maxBounded {
				break // enough to say no; huge literals exist
			}
		}
		return n, true
	case *types.Map:
		return int64(len(lit.Elts)), true
	}
	return 0, false
}

// itemKey returns a key that tells the fixed item e apart from the other
// items of its literal, or false when e is not a fixed item: a constant, a
// variable or field, a function literal, or a literal built from those.
// (types.ExprString is no key: it prints {Name: "a"} and {Name: "b"}, whose
// type is elided, alike.)
func (b *builder) itemKey(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if tv, ok := b.info.Types[e]; ok && tv.Value != nil {
		return tv.Value.ExactString(), true
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Value, true
	case *ast.Ident:
		return e.Name, true
	case *ast.FuncLit:
		// Every function literal is its own item.
		return "func@" + strconv.Itoa(int(e.Pos())), true
	case *ast.CallExpr:
		// So is every call ({Name: "x", At: now.Add(-time.Hour)}): what it
		// returns does not change how many items the literal has.
		return "call@" + strconv.Itoa(int(e.Pos())), true
	case *ast.SelectorExpr:
		k, ok := b.itemKey(e.X)
		return k + "." + e.Sel.Name, ok
	case *ast.KeyValueExpr:
		k, ok := b.itemKey(e.Key)
		v, ok2 := b.itemKey(e.Value)
		return k + ":" + v, ok && ok2
	case *ast.UnaryExpr:
		if e.Op != token.AND && e.Op != token.SUB {
			return "", false
		}
		k, ok := b.itemKey(e.X)
		return e.Op.String() + k, ok
	case *ast.CompositeLit:
		var sb strings.Builder
		if e.Type != nil {
			sb.WriteString(types.ExprString(e.Type))
		}
		sb.WriteByte('{')
		for i, el := range e.Elts {
			k, ok := b.itemKey(el)
			if !ok {
				return "", false
			}
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString(k)
		}
		sb.WriteByte('}')
		return sb.String(), true
	}
	return "", false
}

// minStride is the smallest constant step that makes an iteration stand
// for a stride of elements without slicing them: one write per 10 elements
// or more is batching, while pairs and triples still pay most of the
// per-element cost.
const minStride = 10

// strided: for start := 0; start < n; start += size (a step that is not
// the constant 1) with the body slicing xs[start:end] or, for a variable
// step, computing start + size (an id window), or a constant step of
// minStride or more: each iteration takes one chunk, or stands for one.
func (b *builder) strided(f *ast.ForStmt) bool {
	post, ok := f.Post.(*ast.AssignStmt)
	if !ok || len(post.Lhs) != 1 || len(post.Rhs) != 1 {
		return false
	}
	v := b.obj(post.Lhs[0])
	if v == nil {
		return false
	}
	var step ast.Expr
	switch post.Tok {
	case token.ADD_ASSIGN:
		step = post.Rhs[0]
	case token.ASSIGN:
		be, ok := ast.Unparen(post.Rhs[0]).(*ast.BinaryExpr)
		if !ok || be.Op != token.ADD || b.obj(be.X) != v {
			return false
		}
		step = be.Y
	default:
		return false
	}
	n, isConst := b.constInt(step)
	if isConst && n == 1 {
		return false
	}
	return isConst && n >= minStride || b.slicesBy(f.Body, v) || !isConst && b.windows(f.Body, v, step)
}

// windows reports whether body computes v + step, the far end of a window
// that starts at v (DELETE ... WHERE id >= $1 AND id < $2 with lo, lo+step):
// each iteration covers the step's worth of elements.
func (b *builder) windows(body *ast.BlockStmt, v types.Object, step ast.Expr) bool {
	s := b.obj(step)
	if s == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if be, ok := n.(*ast.BinaryExpr); ok && be.Op == token.ADD {
			x, y := b.obj(be.X), b.obj(be.Y)
			found = x == v && y == s || x == s && y == v
		}
		return !found
	})
	return found
}

// polls: a loop whose body polls a batch of records in one of its own
// statements (fetches := cl.PollFetches(ctx), after a context check or
// not); a poll inside a nested block or function literal does not count.
func (b *builder) polls(f *ast.ForStmt) bool {
	if f.Body == nil {
		return false
	}
	for _, st := range f.Body.List {
		found := false
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.BlockStmt:
				return false
			case *ast.CallExpr:
				found = found || slices.Contains(pollers, callee.Key(callee.Func(b.info, n)))
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// slicesBy reports whether body takes a bounded slice xs[lo:hi] whose low
// bound mentions v: a chunk, where xs[i:] is only a way to read the next
// variable-width item.
func (b *builder) slicesBy(body *ast.BlockStmt, v types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if se, ok := n.(*ast.SliceExpr); ok && se.Low != nil && se.High != nil && b.mentions(se.Low, v) {
			found = true
		}
		return !found
	})
	return found
}

func (b *builder) mentions(e ast.Expr, v types.Object) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && b.info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// reslices: for len(xs) > 0 { batch := xs[:n]; ...; xs = xs[n:] }: each
// iteration takes a prefix and drops the same prefix. Dropping without
// taking (s = s[size:] after decoding one rune) consumes one item.
func (b *builder) reslices(f *ast.ForStmt) bool {
	if f.Cond == nil || f.Body == nil {
		return false
	}
	subjects := map[types.Object]bool{}
	ast.Inspect(f.Cond, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 && b.isBuiltin(call.Fun, "len") {
			if o := b.obj(call.Args[0]); o != nil {
				subjects[o] = true
			}
		}
		return true
	})
	if len(subjects) == 0 {
		return false
	}
	taken := map[string]bool{}   // xs[:n]: the n
	dropped := map[string]bool{} // xs = xs[n:]: the n
	ast.Inspect(f.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN || len(n.Lhs) != 1 || len(n.Rhs) != 1 {
				break
			}
			se, ok := ast.Unparen(n.Rhs[0]).(*ast.SliceExpr)
			if !ok || se.Low == nil || se.High != nil {
				break
			}
			if o := b.obj(n.Lhs[0]); o != nil && subjects[o] && b.obj(se.X) == o {
				dropped[types.ExprString(se.Low)] = true
			}
		case *ast.SliceExpr:
			if n.High == nil || !subjects[b.obj(n.X)] {
				break
			}
			if lo, ok := b.constInt(n.Low); n.Low == nil || ok && lo == 0 {
				taken[types.ExprString(n.High)] = true
			}
		}
		return true
	})
	for k := range dropped {
		if taken[k] {
			return true
		}
	}
	return false
}

// chunkedRange: a range over slices.Chunk, or over a collection whose
// elements are themselves slices or arrays that the body hands on whole
// (for _, batch := range batches { write(batch) }). Byte and rune slices
// are single records (payloads, keys, UUIDs) and slices of interfaces are
// rows of column values, so neither counts as a batch.
func (b *builder) chunkedRange(r *ast.RangeStmt) bool {
	if call, ok := ast.Unparen(r.X).(*ast.CallExpr); ok && isPkgFunc(callee.Func(b.info, call), "slices", "Chunk") {
		return true
	}
	elem := r.Value
	xt := b.typeOf(r.X)
	if xt != nil {
		switch t := xt.Underlying().(type) {
		case *types.Chan:
			elem = r.Key
		case *types.Signature:
			if t.Params().Len() == 1 {
				if y, ok := t.Params().At(0).Type().Underlying().(*types.Signature); ok && y.Params().Len() == 1 {
					elem = r.Key
				}
			}
		}
	}
	id, ok := elem.(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	v := b.info.Defs[id]
	if v == nil {
		v = b.info.Uses[id]
	}
	if v == nil || !batchType(v.Type()) {
		return false
	}
	return b.usedWhole(r.Body, v)
}

func batchType(t types.Type) bool {
	if t == nil {
		return false
	}
	var el types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		el = u.Elem()
	case *types.Array:
		el = u.Elem()
	default:
		return false
	}
	switch u := el.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.Byte && u.Kind() != types.Rune
	case *types.Interface:
		return false
	}
	return true
}

// usedWhole reports whether body uses v other than by indexing, slicing,
// ranging over it, taking its length or spreading it into a variadic call.
func (b *builder) usedWhole(body *ast.BlockStmt, v types.Object) bool {
	part := map[*ast.Ident]bool{}
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			part[id] = true
		}
	}
	whole := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			mark(n.X)
		case *ast.SliceExpr:
			mark(n.X)
		case *ast.RangeStmt:
			mark(n.X)
		case *ast.CallExpr:
			if len(n.Args) == 1 && (b.isBuiltin(n.Fun, "len") || b.isBuiltin(n.Fun, "cap")) {
				mark(n.Args[0])
			}
			if n.Ellipsis.IsValid() && len(n.Args) > 0 {
				mark(n.Args[len(n.Args)-1])
			}
		case *ast.Ident:
			if !part[n] && b.info.Uses[n] == v {
				whole = true
			}
		}
		return !whole
	})
	return whole
}

// forOver names what a for statement iterates over: the slice of
// i < len(xs), the condition, or the channels of a for-select.
func (b *builder) forOver(f *ast.ForStmt) string {
	if f.Cond == nil {
		if ch := b.selectChan(f.Body); ch != nil {
			return shorten(types.ExprString(ch))
		}
		if f.Body != nil && len(f.Body.List) > 0 {
			// for { msg, err := r.ReadMessage(ctx); ... }: the call that
			// opens each iteration is what the loop walks.
			if as, ok := f.Body.List[0].(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
				if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
					return shorten(types.ExprString(call))
				}
			}
		}
		return "for {}"
	}
	if be, ok := ast.Unparen(f.Cond).(*ast.BinaryExpr); ok && (be.Op == token.LSS || be.Op == token.LEQ) {
		if call, ok := ast.Unparen(be.Y).(*ast.CallExpr); ok && len(call.Args) == 1 && b.isBuiltin(call.Fun, "len") {
			return shorten(types.ExprString(call.Args[0]))
		}
	}
	return shorten(types.ExprString(f.Cond))
}

// selectChan is the channel a for-select loop takes its elements from: a
// receive that keeps the value (case job = <-jobs) before one that drops it
// (case <-quit: a signal, not an element); never a timer or ctx.Done().
func (b *builder) selectChan(body *ast.BlockStmt) ast.Expr {
	if body == nil {
		return nil
	}
	var signal ast.Expr
	for _, st := range body.List {
		sel, ok := st.(*ast.SelectStmt)
		if !ok || sel.Body == nil {
			continue
		}
		for _, cl := range sel.Body.List {
			cc, ok := cl.(*ast.CommClause)
			if !ok || cc.Comm == nil || b.timerComm(cc.Comm) || b.doneComm(cc.Comm) {
				continue
			}
			ch := recvChan(cc.Comm)
			if _, keeps := cc.Comm.(*ast.AssignStmt); ch != nil && keeps {
				return ch
			}
			if signal == nil {
				signal = ch
			}
		}
	}
	return signal
}

func recvChan(comm ast.Stmt) ast.Expr {
	var x ast.Expr
	switch c := comm.(type) {
	case *ast.ExprStmt:
		x = c.X
	case *ast.AssignStmt:
		if len(c.Rhs) == 1 {
			x = c.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}

// maxOver is the longest Over text; messages quote it.
const maxOver = 40

func shorten(s string) string {
	r := []rune(s)
	if len(r) <= maxOver {
		return s
	}
	return string(r[:maxOver-3]) + "..."
}
