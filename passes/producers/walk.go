package producers

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/values"
)

// walkVar follows a local configuration variable v through the statements
// of body that run before upTo, from the state init: its initialisation,
// appends, field assignments, SetKey calls, map stores and helpers of this
// package it is handed to. Branches are joined with merge; code that may
// change v unseen (its address taken, a pointer or map passed to another
// call, an assignment in a closure) makes it opaque.
func (r *resolver) walkVar(v *types.Var, body *ast.BlockStmt, upTo token.Pos, sh shape, depth int, init *state) *state {
	w := &walker{r: r, v: v, upTo: upTo, sh: sh, depth: depth}
	return w.block(body.List, init)
}

type walker struct {
	r     *resolver
	v     *types.Var
	upTo  token.Pos
	sh    shape
	depth int
	done  bool
	// returns collects the state at each return when walking a helper's
	// body (non-nil then).
	returns []*state
}

func (w *walker) block(stmts []ast.Stmt, s *state) *state {
	for _, st := range stmts {
		if w.done {
			return s
		}
		if st.Pos() >= w.upTo {
			w.done = true
			return s
		}
		if st.End() > w.upTo {
			// The use is inside st: follow the path that reaches it.
			s = w.enter(st, s)
			w.done = true
			return s
		}
		s = w.stmt(st, s)
	}
	return s
}

// enter follows the statements of st that run before the use inside it.
func (w *walker) enter(st ast.Stmt, s *state) *state {
	in := func(n ast.Node) bool { return n != nil && n.Pos() <= w.upTo && w.upTo < n.End() }
	switch st := st.(type) {
	case *ast.BlockStmt:
		return w.block(st.List, s)
	case *ast.IfStmt:
		if st.Init != nil && !in(st.Init) {
			s = w.stmt(st.Init, s)
		}
		if !in(st.Cond) {
			s = w.expr(st.Cond, s)
		}
		if in(st.Body) {
			return w.block(st.Body.List, s)
		}
		if st.Else != nil && in(st.Else) {
			return w.enter(st.Else, s)
		}
	case *ast.ForStmt:
		if in(st.Body) {
			return w.block(st.Body.List, merge(s, w.block(st.Body.List, s.clone())))
		}
	case *ast.RangeStmt:
		if in(st.Body) {
			return w.block(st.Body.List, merge(s, w.block(st.Body.List, s.clone())))
		}
	case *ast.LabeledStmt:
		return w.enter(st.Stmt, s)
	case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		var clauses []ast.Stmt
		switch st := st.(type) {
		case *ast.SwitchStmt:
			clauses = st.Body.List
		case *ast.TypeSwitchStmt:
			clauses = st.Body.List
		case *ast.SelectStmt:
			clauses = st.Body.List
		}
		for _, c := range clauses {
			if in(c) {
				switch c := c.(type) {
				case *ast.CaseClause:
					return w.block(c.Body, s)
				case *ast.CommClause:
					return w.block(c.Body, s)
				}
			}
		}
	case *ast.AssignStmt, *ast.DeclStmt, *ast.ExprStmt, *ast.ReturnStmt, *ast.GoStmt, *ast.DeferStmt:
		return s
	}
	if w.mentions(st) {
		return opaqueState()
	}
	return s
}

// stmt applies one statement that runs entirely before the use.
func (w *walker) stmt(st ast.Stmt, s *state) *state {
	info := w.r.pass.TypesInfo
	switch st := st.(type) {
	case *ast.AssignStmt:
		if len(st.Lhs) != len(st.Rhs) {
			s = w.expr(st.Rhs[0], s) // n, err := tune(cfg)
			for _, l := range st.Lhs {
				if values.RootVar(info, l) == w.v {
					if _, ok := l.(*ast.Ident); ok && len(st.Rhs) == 1 && l == st.Lhs[0] {
						// cfg, err := helper(): the configuration is the first result.
						if call, ok := ast.Unparen(st.Rhs[0]).(*ast.CallExpr); ok {
							s = w.r.eval(call, w.sh, w.depth+1)
							continue
						}
					}
					s = opaqueState()
				}
			}
			return s
		}
		for i, l := range st.Lhs {
			if values.RootVar(info, l) != w.v {
				s = w.expr(st.Rhs[i], s) // err := cm.SetKey(k, v), err := configure(cfg)
				continue
			}
			s = w.assign(l, st.Rhs[i], st.Tok, s)
		}
		return s
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok {
			return s
		}
		for _, sp := range gd.Specs {
			vs, ok := sp.(*ast.ValueSpec)
			if !ok {
				continue
			}
			for i, name := range vs.Names {
				if info.Defs[name] != w.v {
					continue
				}
				switch {
				case len(vs.Values) == len(vs.Names):
					s = w.r.eval(vs.Values[i], w.sh, w.depth+1)
				case len(vs.Values) == 0 && w.sh == kgoOpts:
					s = newState() // a nil slice
				default:
					s = opaqueState()
				}
			}
		}
		return s
	case *ast.ExprStmt:
		if s2, ok := w.mapsCopy(st.X, s); ok {
			return s2
		}
		return w.expr(st.X, s)
	case *ast.ReturnStmt:
		if w.returns != nil {
			// return cm.SetKey(k, v), return configure(cfg)
			for _, res := range st.Results {
				s = w.expr(res, s)
			}
			w.returns = append(w.returns, s)
			return s
		}
	case *ast.BlockStmt:
		return w.block(st.List, s)
	case *ast.LabeledStmt:
		return w.stmt(st.Stmt, s)
	case *ast.IfStmt:
		if st.Init != nil {
			s = w.stmt(st.Init, s)
		}
		s = w.expr(st.Cond, s)
		a := w.block(st.Body.List, s.clone())
		b := s
		if st.Else != nil {
			b = w.stmt(st.Else, s.clone())
		}
		switch {
		case terminates(st.Body.List) && st.Else != nil && terminatesStmt(st.Else):
			return s
		case terminates(st.Body.List):
			return b
		case st.Else != nil && terminatesStmt(st.Else):
			return a
		}
		return merge(a, b)
	case *ast.ForStmt:
		return merge(s, w.block(st.Body.List, s.clone()))
	case *ast.RangeStmt:
		if s2, ok := w.copyMap(st, s); ok {
			return s2
		}
		return merge(s, w.block(st.Body.List, s.clone()))
	case *ast.SwitchStmt:
		return w.clauses(st.Body.List, s)
	case *ast.TypeSwitchStmt:
		return w.clauses(st.Body.List, s)
	case *ast.SelectStmt:
		return w.clauses(st.Body.List, s)
	}
	return w.escape(st, s)
}

// expr applies an expression evaluated for its value: a SetKey call or a
// configure(cfg) helper on v, or else anything that may change v unseen.
func (w *walker) expr(e ast.Expr, s *state) *state {
	if s2, ok := w.setKey(e, s); ok {
		return s2
	}
	if s2, ok := w.callEffect(e, s); ok {
		return s2
	}
	return w.escape(e, s)
}

func (w *walker) clauses(list []ast.Stmt, s *state) *state {
	var out *state
	hasDefault := false
	for _, c := range list {
		var body []ast.Stmt
		switch c := c.(type) {
		case *ast.CaseClause:
			body = c.Body
			hasDefault = hasDefault || c.List == nil
		case *ast.CommClause:
			body = c.Body
			hasDefault = hasDefault || c.Comm == nil
		}
		if terminates(body) {
			continue
		}
		b := w.block(body, s.clone())
		if out == nil {
			out = b
		} else {
			out = merge(out, b)
		}
	}
	if !hasDefault || out == nil {
		if out == nil {
			return s
		}
		out = merge(out, s)
	}
	return out
}

// assign applies "l = rhs" where l is rooted at v.
func (w *walker) assign(l, rhs ast.Expr, tok token.Token, s *state) *state {
	info := w.r.pass.TypesInfo
	if tok != token.ASSIGN && tok != token.DEFINE {
		return opaqueState()
	}
	switch l := ast.Unparen(l).(type) {
	case *ast.Ident:
		if w.sh == kgoOpts {
			if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && isBuiltin(info, call, "append") && len(call.Args) > 0 && values.RootVar(info, call.Args[0]) == w.v {
				if _, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
					s = s.clone()
					w.r.appendArgs(s, call, w.depth)
					return s
				}
			}
		}
		return w.r.eval(rhs, w.sh, w.depth+1)
	case *ast.SelectorExpr:
		path := fieldPath(info, l)
		if path == "" {
			return opaqueState()
		}
		lib := w.r.libOfType(w.v.Type())
		if lib == nil || lib.Kafka.Fields == nil {
			return opaqueState()
		}
		s = s.clone()
		for fpath, rule := range lib.Kafka.Fields {
			switch {
			case fpath == path:
				s.set[rule.Key] = w.r.valueSetting(Setting{Set: true, Pos: l.Pos()}, rule, rhs)
			case len(fpath) > len(path) && fpath[:len(path)+1] == path+".":
				// A whole sub-struct assigned: its fields are not known.
				s.set[rule.Key] = Setting{Set: true, Pos: l.Pos()}
			}
		}
		return s
	case *ast.IndexExpr:
		if w.sh != configMap {
			return opaqueState()
		}
		s = s.clone()
		w.mapStore(s, l.Index, rhs, l.Pos())
		return s
	}
	return opaqueState()
}

func (w *walker) mapStore(s *state, key, val ast.Expr, pos token.Pos) {
	lib := w.r.libOfType(w.v.Type())
	if lib == nil || lib.Kafka.Keys == nil {
		s.opaque = true
		return
	}
	k := w.r.vals.Of(key)
	if k.Kind != values.String {
		s.opaque = true
		return
	}
	if rule, ok := lib.Kafka.Keys[k.Str]; ok {
		s.set[rule.Key] = w.r.valueSetting(Setting{Set: true, Pos: pos}, rule, val)
	}
}

// fieldPath is "Producer.Flush.Frequency" for cfg.Producer.Flush.Frequency.
func fieldPath(info *types.Info, e *ast.SelectorExpr) string {
	var parts []string
	var x ast.Expr = e
	for {
		sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			break
		}
		if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
			return ""
		}
		parts = append([]string{sel.Sel.Name}, parts...)
		x = sel.X
	}
	if _, ok := ast.Unparen(x).(*ast.Ident); !ok {
		return ""
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += "."
		}
		out += p
	}
	return out
}

// escape makes s opaque when n may change v unseen.
func (w *walker) escape(n ast.Node, s *state) *state {
	if w.mayChange(n) {
		return opaqueState()
	}
	return s
}

func (w *walker) mentions(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok && w.r.pass.TypesInfo.ObjectOf(id) == w.v {
			found = true
		}
		return !found
	})
	return found
}

// mayChange reports whether n assigns v (in a closure), takes its
// address, or hands a pointer or map value of it to a call.
func (w *walker) mayChange(n ast.Node) bool {
	info := w.r.pass.TypesInfo
	changes := false
	_, isPtr := types.Unalias(w.v.Type()).(*types.Pointer)
	_, isMap := w.v.Type().Underlying().(*types.Map)
	ast.Inspect(n, func(x ast.Node) bool {
		if changes {
			return false
		}
		switch x := x.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				if values.RootVar(info, l) == w.v {
					changes = true
				}
			}
		case *ast.IncDecStmt:
			if values.RootVar(info, x.X) == w.v {
				changes = true
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND && values.RootVar(info, x.X) == w.v {
				changes = true
			}
		case *ast.CallExpr:
			if fn := callee.Func(info, x); fn != nil && fn.Pkg() != nil && knowledge.KafkaOf(fn.Pkg().Path()) != nil {
				// The client libraries read their configuration.
				return true
			}
			for _, a := range x.Args {
				if values.RootVar(info, a) == w.v {
					if isPtr || isMap {
						changes = true
					}
				}
			}
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && values.RootVar(info, sel.X) == w.v {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
					changes = true
				}
			}
		}
		return true
	})
	return changes
}

// terminates reports whether a statement list ends in return, panic, or a
// branch out of the enclosing loop.
func terminates(list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	return terminatesStmt(list[len(list)-1])
}

func terminatesStmt(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return st.Tok == token.CONTINUE || st.Tok == token.BREAK || st.Tok == token.GOTO
	case *ast.BlockStmt:
		return terminates(st.List)
	case *ast.IfStmt:
		return st.Else != nil && terminates(st.Body.List) && terminatesStmt(st.Else)
	case *ast.ExprStmt:
		if call, ok := st.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// setKey applies a confluent cm.SetKey(key, value) call on v.
func (w *walker) setKey(e ast.Expr, s *state) (*state, bool) {
	info := w.r.pass.TypesInfo
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || w.sh != configMap || len(call.Args) != 2 {
		return s, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "SetKey" || values.RootVar(info, sel.X) != w.v {
		return s, false
	}
	fn := callee.Func(info, call)
	if fn == nil || fn.Pkg() == nil || knowledge.KafkaOf(fn.Pkg().Path()) == nil {
		return s, false
	}
	s = s.clone()
	w.mapStore(s, call.Args[0], call.Args[1], call.Pos())
	return s, true
}

// copyMap applies a loop that copies every entry of a configuration map
// into v: "for k, x := range src { v[k] = x }" or "v.SetKey(k, x)", with
// src a package-level map or a profile of a map of them (mapValue).
func (w *walker) copyMap(st *ast.RangeStmt, s *state) (*state, bool) {
	info := w.r.pass.TypesInfo
	if w.sh != configMap || st.Key == nil || st.Value == nil || len(st.Body.List) != 1 {
		return s, false
	}
	k, _ := st.Key.(*ast.Ident)
	x, _ := st.Value.(*ast.Ident)
	if k == nil || x == nil {
		return s, false
	}
	is := func(e ast.Expr, id *ast.Ident) bool {
		u, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(u) == info.ObjectOf(id)
	}
	copies := false
	switch b := st.Body.List[0].(type) {
	case *ast.AssignStmt:
		if len(b.Lhs) == 1 && len(b.Rhs) == 1 && b.Tok == token.ASSIGN {
			ix, ok := ast.Unparen(b.Lhs[0]).(*ast.IndexExpr)
			copies = ok && values.RootVar(info, ix.X) == w.v && is(ix.Index, k) && is(b.Rhs[0], x)
		}
	case *ast.ExprStmt:
		call, ok := ast.Unparen(b.X).(*ast.CallExpr)
		if ok && len(call.Args) == 2 && is(call.Args[0], k) && is(call.Args[1], x) {
			_, set := w.setKey(call, s)
			copies = set
		}
	}
	if !copies {
		return s, false
	}
	return w.copyFrom(st.X, s), true
}

// mapsCopy applies maps.Copy(v, src), the same copy as copyMap's loop.
func (w *walker) mapsCopy(e ast.Expr, s *state) (*state, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || w.sh != configMap || len(call.Args) != 2 {
		return s, false
	}
	fn := callee.Func(w.r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "maps" || fn.Name() != "Copy" || values.RootVar(w.r.pass.TypesInfo, call.Args[0]) != w.v || w.mentions(call.Args[1]) {
		return s, false
	}
	return w.copyFrom(call.Args[1], s), true
}

// copyFrom adds the entries of the configuration map src (see mapValue)
// to v's.
func (w *walker) copyFrom(src ast.Expr, s *state) *state {
	s = s.clone()
	s.add(w.r.mapValue(src, w.r.libOfType(w.v.Type()), w.depth+1))
	return s
}
