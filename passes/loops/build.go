package loops

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/passes/callee"
)

// builder computes a package's loops and spans in a few linear passes.
type builder struct {
	pass *analysis.Pass
	info *types.Info
	in   *inspector.Inspector
	res  *Result

	// labels maps a label's position to the statement it labels.
	labels map[token.Pos]ast.Stmt
	// assigned holds variables assigned after their declaration, whose
	// address is taken (&x, or x.M() with a pointer receiver), or, for maps,
	// stored into: their value at a use is not their initializer.
	assigned map[types.Object]bool
	// counters holds variables and fields incremented by statements (not
	// by a for statement's post): n++, n += len(row).
	counters map[types.Object]bool
	// elements holds the variables a range statement declares: the record
	// at hand, whose fields are data rather than batch counters.
	elements map[types.Object]bool
	// closures maps a local variable to the function literal it is
	// declared with.
	closures map[types.Object]*ast.FuncLit
	// runs maps a closure variable to the calls that run it: f(), go f(),
	// defer f(), g.Go(f).
	runs map[types.Object][]ast.Node
	// inits maps a variable declared with one value (x := v, var x = v) to
	// that value.
	inits map[types.Object]ast.Expr
	// changes counts, per variable, what assigned records; litSets counts
	// the plain assignments of a composite literal among them, and empty
	// holds the variables declared without a value (var xs []T).
	changes, litSets map[types.Object]int
	empty            map[types.Object]bool
	// handed holds map variables given to a function, which may add keys.
	handed map[types.Object]bool
	// decls maps the package's functions to their declarations.
	decls map[*types.Func]*ast.FuncDecl
	// variadic maps the variadic parameter of each declared function to
	// the function; spread holds those some call may fill from a slice
	// (see argList), computed at the first question.
	variadic map[types.Object]*types.Func
	spread   map[*types.Func]bool
	// jumpy holds statements that contain a continue or goto (outside
	// function literals): control may leave them for the next iteration.
	jumpy map[ast.Node]bool
	// callbackLits holds literals that are the body of a callback loop.
	callbackLits map[*ast.FuncLit]bool
	// term memoizes terminates for statements.
	term map[ast.Stmt]termResult
	// userRunners holds the package's own runners (see inferRunners).
	userRunners map[*types.Func]*callbackIter
}

type termResult struct {
	exit exit
	ok   bool
}

func newBuilder(pass *analysis.Pass, in *inspector.Inspector, res *Result) *builder {
	return &builder{
		pass:         pass,
		info:         pass.TypesInfo,
		in:           in,
		res:          res,
		labels:       map[token.Pos]ast.Stmt{},
		assigned:     map[types.Object]bool{},
		counters:     map[types.Object]bool{},
		elements:     map[types.Object]bool{},
		closures:     map[types.Object]*ast.FuncLit{},
		runs:         map[types.Object][]ast.Node{},
		inits:        map[types.Object]ast.Expr{},
		handed:       map[types.Object]bool{},
		changes:      map[types.Object]int{},
		litSets:      map[types.Object]int{},
		empty:        map[types.Object]bool{},
		decls:        map[*types.Func]*ast.FuncDecl{},
		variadic:     map[types.Object]*types.Func{},
		jumpy:        map[ast.Node]bool{},
		callbackLits: map[*ast.FuncLit]bool{},
		term:         map[ast.Stmt]termResult{},
		userRunners:  map[*types.Func]*callbackIter{},
	}
}

func (b *builder) build() {
	b.inferRunners()
	b.collectFacts()
	b.collectLoops()
	b.collectLits()
	b.collectBranches()
	b.res.link()
	for _, s := range b.res.spans {
		if s.kind == bodySpan {
			s.next = b.res.innermost(s.loop.Node)
		}
	}
	for _, l := range b.res.loops {
		l.Parent = b.res.enclosingFrom(b.res.innermost(l.Node), 0)
	}
}

// obj returns the object an identifier or selector refers to, or nil.
func (b *builder) obj(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if o := b.info.Uses[e]; o != nil {
			return o
		}
		return b.info.Defs[e]
	case *ast.SelectorExpr:
		return b.info.Uses[e.Sel]
	}
	return nil
}

func (b *builder) typeOf(e ast.Expr) types.Type {
	if e == nil {
		return nil
	}
	return b.info.TypeOf(e)
}

// constInt returns the value of an integer constant expression.
func (b *builder) constInt(e ast.Expr) (int64, bool) {
	if e == nil {
		return 0, false
	}
	tv, ok := b.info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	return constantInt64(tv.Value)
}

func (b *builder) isBuiltin(e ast.Expr, name string) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	bi, ok := b.info.Uses[id].(*types.Builtin)
	return ok && bi.Name() == name
}

func (b *builder) collectFacts() {
	kinds := []ast.Node{
		(*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil),
		(*ast.RangeStmt)(nil), (*ast.LabeledStmt)(nil), (*ast.BranchStmt)(nil),
		(*ast.CallExpr)(nil), (*ast.FuncLit)(nil), (*ast.ValueSpec)(nil), (*ast.SelectorExpr)(nil),
		(*ast.FuncDecl)(nil),
	}
	for c := range b.in.Root().Preorder(kinds...) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := b.info.Defs[n.Name].(*types.Func); ok {
				b.decls[fn] = n
				if sig := fn.Signature(); sig.Variadic() {
					b.variadic[sig.Params().At(sig.Params().Len()-1)] = fn
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == 0 {
				for _, name := range n.Names {
					if o := b.info.Defs[name]; o != nil {
						b.empty[o] = true
					}
				}
			}
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					if o := b.info.Defs[name]; o != nil {
						b.inits[o] = n.Values[i]
					}
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						if o := b.info.Defs[id]; o != nil {
							b.inits[o] = n.Rhs[i]
						}
					}
				}
			}
			inPost := c.ParentEdgeKind() == edge.ForStmt_Post
			for i, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
					if o := b.info.Uses[id]; o != nil {
						b.change(o)
						if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
							if _, ok := ast.Unparen(n.Rhs[i]).(*ast.CompositeLit); ok {
								b.litSets[o]++
							}
						}
					}
				}
				b.mapStore(lhs)
			}
			if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
				break
			}
			o := b.obj(n.Lhs[0])
			if o == nil || inPost {
				break
			}
			switch n.Tok {
			case token.ADD_ASSIGN:
				b.counters[o] = true
			case token.ASSIGN:
				if be, ok := ast.Unparen(n.Rhs[0]).(*ast.BinaryExpr); ok && be.Op == token.ADD && b.obj(be.X) == o {
					b.counters[o] = true
				}
			}
		case *ast.IncDecStmt:
			b.mapStore(n.X) // m[k]++: b.obj has no object for an index expression
			o := b.obj(n.X)
			if o == nil {
				break
			}
			if _, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				b.change(o)
			}
			if n.Tok == token.INC && c.ParentEdgeKind() != edge.ForStmt_Post {
				b.counters[o] = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					if o := b.info.Uses[id]; o != nil {
						b.change(o)
					}
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						if o := b.info.Defs[id]; o != nil {
							b.elements[o] = true
						}
					}
				}
			}
			if n.Tok == token.ASSIGN {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := ast.Unparen(e).(*ast.Ident); ok && e != nil {
						if o := b.info.Uses[id]; o != nil {
							b.change(o)
						}
					}
				}
			}
		case *ast.SelectorExpr:
			b.pointerMethod(n)
		case *ast.LabeledStmt:
			if n.Label != nil {
				b.labels[n.Label.Pos()] = n.Stmt
			}
		case *ast.BranchStmt:
			if n.Tok != token.CONTINUE && n.Tok != token.GOTO {
				break
			}
			for a := c.Parent(); a.Valid(); a = a.Parent() {
				an := a.Node()
				if _, ok := an.(*ast.FuncLit); ok {
					break
				}
				if _, ok := an.(*ast.FuncDecl); ok || b.jumpy[an] {
					break
				}
				b.jumpy[an] = true
			}
		case *ast.CallExpr:
			if tv, ok := b.info.Types[n.Fun]; ok && !tv.IsBuiltin() {
				for _, a := range n.Args {
					if id, ok := ast.Unparen(a).(*ast.Ident); ok {
						if o := b.info.Uses[id]; o != nil {
							if _, ok := o.Type().Underlying().(*types.Map); ok {
								b.handed[o] = true
							}
						}
					}
				}
			}
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if v, ok := b.info.Uses[id].(*types.Var); ok {
					b.runs[v] = append(b.runs[v], n)
				}
			}
			if _, launcher := lookup(launchers, callee.Func(b.info, n)); launcher || c.ParentEdgeKind() == edge.GoStmt_Call {
				b.res.launches[n] = true
			}
			if l, ok := b.runsArg(n); ok && l.arg < len(n.Args) {
				if id, ok := ast.Unparen(n.Args[l.arg]).(*ast.Ident); ok {
					if v, ok := b.info.Uses[id].(*types.Var); ok {
						b.runs[v] = append(b.runs[v], n)
					}
				}
			}
		case *ast.FuncLit:
			if o := b.declaredBy(c); o != nil {
				b.closures[o] = n
			}
		}
	}
}

// change records that o may no longer hold its initializer.
func (b *builder) change(o types.Object) {
	b.assigned[o] = true
	b.changes[o]++
}

// mapStore marks a map variable stored into (m[k] = v, m[k]++): it may
// gain keys, so a range over it is not over its initializer's items.
func (b *builder) mapStore(lhs ast.Expr) {
	ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok {
		return
	}
	id, ok := ast.Unparen(ix.X).(*ast.Ident)
	if !ok {
		return
	}
	if o := b.info.Uses[id]; o != nil {
		if _, ok := o.Type().Underlying().(*types.Map); ok {
			b.change(o)
		}
	}
}

// pointerMethod marks x in x.M when M has a pointer receiver and x is not a
// pointer: Go takes &x implicitly, and the method may reassign *x (append to
// a named slice type), as if the code had written &x.
func (b *builder) pointerMethod(sel *ast.SelectorExpr) {
	s, ok := b.info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return
	}
	sig, ok := s.Obj().Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return
	}
	if _, ptr := sig.Recv().Type().(*types.Pointer); !ptr {
		return
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return
	}
	o := b.info.Uses[id]
	if o == nil {
		return
	}
	if _, ptr := o.Type().Underlying().(*types.Pointer); !ptr {
		b.change(o)
	}
}

// declaredBy returns the local variable a function literal initializes
// (f := func...; var f = func...), or nil.
func (b *builder) declaredBy(c inspector.Cursor) types.Object {
	lit := c.Node()
	var name *ast.Ident
	switch p := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if p.Tok != token.DEFINE || len(p.Lhs) != len(p.Rhs) {
			return nil
		}
		for i, rhs := range p.Rhs {
			if rhs == lit {
				name, _ = p.Lhs[i].(*ast.Ident)
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) != len(p.Values) {
			return nil
		}
		for i, v := range p.Values {
			if v == lit {
				name = p.Names[i]
			}
		}
	}
	if name == nil {
		return nil
	}
	o := b.info.Defs[name]
	if o == nil || o.Parent() == nil || b.pass.Pkg == nil || o.Parent() == b.pass.Pkg.Scope() {
		return nil
	}
	return o
}

// closure returns the literal a never-reassigned local variable holds.
func (b *builder) closure(e ast.Expr) *ast.FuncLit {
	o := b.obj(e)
	if o == nil || b.assigned[o] {
		return nil
	}
	return b.closures[o]
}

func (b *builder) addLoop(node ast.Node, body *ast.BlockStmt, intent Intent, over string) {
	if body == nil {
		return
	}
	if _, dup := b.res.enclosing[body]; dup {
		return
	}
	l := &Loop{Node: node, Body: body, Intent: intent, Over: over, repeat: intent == PerElement && b.repeats(node)}
	b.res.loops = append(b.res.loops, l)
	b.res.enclosing[body] = l
	b.res.add(&span{pos: body.Lbrace, end: body.End(), kind: bodySpan, loop: l})
}

func (b *builder) collectLoops() {
	kinds := []ast.Node{(*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.CallExpr)(nil)}
	for c := range b.in.Root().Preorder(kinds...) {
		switch n := c.Node().(type) {
		case *ast.ForStmt:
			if n.Body == nil {
				break
			}
			b.addLoop(n, n.Body, b.forIntent(n), b.forOver(n))
		case *ast.RangeStmt:
			if n.Body == nil || n.X == nil {
				break
			}
			b.addLoop(n, n.Body, b.rangeIntent(n), shorten(types.ExprString(n.X)))
		case *ast.CallExpr:
			cb, ok := lookup(callbackIters, callee.Func(b.info, n))
			if !ok || cb.arg >= len(n.Args) {
				break
			}
			lit, _ := ast.Unparen(n.Args[cb.arg]).(*ast.FuncLit)
			if lit == nil {
				lit = b.closure(n.Args[cb.arg])
			}
			if lit == nil || lit.Body == nil {
				break
			}
			b.callbackLits[lit] = true
			b.addLoop(n, lit.Body, cb.intent, shorten(types.ExprString(n.Fun)))
		}
	}
}

func (b *builder) collectLits() {
	for c := range b.in.Root().Preorder((*ast.FuncLit)(nil)) {
		lit := c.Node().(*ast.FuncLit)
		if b.callbackLits[lit] {
			continue
		}
		b.res.add(&span{pos: lit.Pos(), end: lit.End(), kind: litSpan, sites: b.sites(c)})
	}
}

// sites returns the calls that run a function literal: the call of the
// literal itself (also under go and defer), a launcher it is passed to, or
// the calls of the variable it is assigned to. A literal stored anywhere
// else has no known sites.
func (b *builder) sites(c inspector.Cursor) []ast.Node {
	lit := c.Node()
	p := c.Parent()
	for {
		if _, ok := p.Node().(*ast.ParenExpr); !ok {
			break
		}
		p = p.Parent()
	}
	if call, ok := p.Node().(*ast.CallExpr); ok {
		if ast.Unparen(call.Fun) == lit {
			return []ast.Node{call}
		}
		if l, ok := b.runsArg(call); ok && l.arg < len(call.Args) && ast.Unparen(call.Args[l.arg]) == lit {
			return []ast.Node{call}
		}
		return nil
	}
	if o := b.declaredBy(c); o != nil && !b.assigned[o] {
		return b.runs[o]
	}
	return nil
}

// runsArg returns the launcher or runner entry of a call, if any: the call
// runs its function argument once.
func (b *builder) runsArg(call *ast.CallExpr) (callbackIter, bool) {
	return b.runsArgOf(call, true)
}

// runsArgOf returns the runner entry of a call, a listed or an inferred
// one, or with launch also the launcher entry.
func (b *builder) runsArgOf(call *ast.CallExpr, launch bool) (callbackIter, bool) {
	fn := callee.Func(b.info, call)
	if fn == nil {
		return callbackIter{}, false
	}
	if launch {
		if l, ok := lookup(launchers, fn); ok {
			return l, true
		}
	}
	if r, ok := lookup(runners, fn); ok {
		return r, true
	}
	return b.userRunner(fn, call)
}

// collectBranches adds the guard and exit spans.
func (b *builder) collectBranches() {
	kinds := []ast.Node{
		(*ast.IfStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil), (*ast.BlockStmt)(nil),
	}
	for c := range b.in.Root().Preorder(kinds...) {
		switch n := c.Node().(type) {
		case *ast.IfStmt:
			if n.Body == nil || n.Cond == nil {
				break
			}
			brk := breakTarget(c)
			if b.threshold(n.Cond, n.Init) {
				b.res.add(&span{pos: n.Body.Pos(), end: n.Body.End(), kind: guardSpan})
				if n.Else != nil {
					b.res.add(&span{pos: n.Else.Pos(), end: n.Else.End(), kind: guardSpan})
				}
			}
			b.exitSpan(n.Body, n.Body.List, brk)
			if els, ok := n.Else.(*ast.BlockStmt); ok {
				b.exitSpan(els, els.List, brk)
			}
		case *ast.CaseClause:
			sw, _ := c.Parent().Parent().Node().(ast.Stmt)
			if s, ok := sw.(*ast.SwitchStmt); ok && n.List != nil && b.caseGuard(s, n) {
				b.res.add(&span{pos: n.Colon, end: n.End(), kind: guardSpan})
			}
			b.exitSpan(n, n.Body, sw)
			b.earlyExitGuard(n.Body)
		case *ast.CommClause:
			sel, _ := c.Parent().Parent().Node().(ast.Stmt)
			if b.timerComm(n.Comm) {
				b.res.add(&span{pos: n.Colon, end: n.End(), kind: guardSpan})
			}
			b.exitSpan(n, n.Body, sel)
			b.earlyExitGuard(n.Body)
		case *ast.BlockStmt:
			b.earlyExitGuard(n.List)
		}
	}
}

// exitSpan marks a branch whose statements always leave some loop: code in
// it runs at most once per run of that loop.
func (b *builder) exitSpan(n ast.Node, list []ast.Stmt, brk ast.Stmt) {
	if b.jumpy[n] {
		return
	}
	if e, ok := b.terminates(list, brk); ok {
		pos := n.Pos()
		if cc, ok := n.(*ast.CaseClause); ok {
			pos = cc.Colon
		} else if cc, ok := n.(*ast.CommClause); ok {
			pos = cc.Colon
		}
		b.res.add(&span{pos: pos, end: n.End(), kind: exitSpan, exit: e})
	}
}

// earlyExitGuard marks the statements after `if len(buf) < max { continue }`:
// they run only once the threshold is reached.
func (b *builder) earlyExitGuard(list []ast.Stmt) {
	for i, st := range list {
		ifs, ok := st.(*ast.IfStmt)
		if !ok || ifs.Else != nil || ifs.Body == nil || i+1 >= len(list) || len(ifs.Body.List) == 0 {
			continue
		}
		switch ifs.Body.List[len(ifs.Body.List)-1].(type) {
		case *ast.BranchStmt, *ast.ReturnStmt:
		default:
			continue
		}
		if b.threshold(ifs.Cond, ifs.Init) {
			b.res.add(&span{pos: list[i+1].Pos(), end: list[len(list)-1].End(), kind: guardSpan})
			return
		}
	}
}

// breakTarget returns the statement an unlabeled break at c leaves, or nil.
func breakTarget(c inspector.Cursor) ast.Stmt {
	for a := range c.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.SwitchStmt)(nil),
		(*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if s, ok := a.Node().(ast.Stmt); ok {
			return s
		}
		return nil
	}
	return nil
}
