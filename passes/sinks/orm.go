package sinks

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// The ORM part of the knowledge base. Each rule decides how many rows one
// call writes from the types at the call: the static type of the model
// argument (pointer to struct: one row; slice, array or pointer to one: one
// multi-row statement) and, for updates and deletes, the query built in the
// receiver chain (a Where condition makes the write set-based, so it is not
// a per-object save). Whatever cannot be decided from the types is silent.

// modelWriteRules are the registry's model writes, each matched by the
// shape its row names.
func modelWriteRules() []Rule {
	var rs []Rule
	for l, w := range knowledge.ModelWrites {
		r := Rule{Pkg: w.Recv.Pkg, Type: w.Recv.Name, Name: w.Name, Lib: l.Key, Kind: ORM}
		switch w.Shape {
		case knowledge.ModelArg:
			r.Match = modelArgWrite(l, w)
		case knowledge.KeyedDelete:
			r.Match = keyedDelete(l, w)
		case knowledge.ChainUpdate:
			r.Match = chainUpdate(l, w)
		case knowledge.QueryModel:
			r.Match = queryModelWrite(l, w)
		case knowledge.RootModel:
			r.Match = rootModelWrite(l, w)
		case knowledge.TypeArgModel:
			r.Match = typeArgWrite(l, w)
		case knowledge.GeneratedBuilder:
			r = Rule{Callee: isEntOneRowSave, Lib: l.Key, Kind: ORM, Match: entWrite(l)}
			if len(w.KeyPredicates) > 0 {
				rs = append(rs, Rule{Callee: isEntSetWrite, Lib: l.Key, Kind: ORM, Match: entKeyWrite(l, w)})
			}
		}
		rs = append(rs, r)
	}
	return rs
}

// ormWrite builds the Write of a one-row ORM call. The model's Go type name
// goes in Detail, not Target: the table name is the ORM's naming strategy's
// business (gorm's "users" for User), and a wrong table in a message is
// worse than none.
func ormWrite(c *Context, call *ast.CallExpr, l *knowledge.Library, w knowledge.ModelWrite, model string) *Write {
	return &Write{Call: call, Kind: ORM, Lib: l.Key, Op: w.Op, Detail: model, Batched: l.Bulk[cmp.Or(w.Bulk, w.Op)], InTx: ormInTx(c, call, l)}
}

// --- row counting from types ---

// rowCount is how many rows a model value stands for.
type rowCount int

const (
	rowsUnknown rowCount = iota // interface, type parameter, nil: stay silent
	rowsOne
	rowsMany
)

// rowsOf classifies a model expression by its static type: the type of the
// expression itself, before its implicit conversion to the any parameter.
func rowsOf(info *types.Info, e ast.Expr) (rowCount, types.Type) {
	if info == nil || e == nil {
		return rowsUnknown, nil
	}
	t := info.TypeOf(e)
	if t == nil {
		return rowsUnknown, nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return rowsUnknown, nil
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		return rowsOne, t
	case *types.Map:
		// gorm and bun take map[string]any as one row's column values.
		if b, ok := u.Key().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return rowsOne, t
		}
	case *types.Slice:
		return rowsMany, u.Elem()
	case *types.Array:
		return rowsMany, u.Elem()
	}
	return rowsUnknown, nil
}

// modelName is the short name of a model type, for messages.
func modelName(t types.Type) string {
	for {
		p, ok := t.(*types.Pointer)
		if !ok {
			break
		}
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj() != nil {
		return n.Obj().Name()
	}
	return ""
}

// chainCall is one method call of a fluent query chain.
type chainCall struct {
	call *ast.CallExpr
	fn   *types.Func
}

// receiverChain returns the method calls that built call's receiver, nearest
// first, as long as each is a method of a type in pkgPath (db.Model(&u).
// Where(...).Updates(...) gives Where, Model). The chain stops at anything
// else: a variable, a field, a call to user code.
func receiverChain(info *types.Info, call *ast.CallExpr, pkgPath string) []chainCall {
	var out []chainCall
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	for ok {
		inner, isCall := ast.Unparen(sel.X).(*ast.CallExpr)
		if !isCall {
			break
		}
		fn := callee.Func(info, inner)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
			break
		}
		if sig, _ := fn.Type().(*types.Signature); sig == nil || sig.Recv() == nil {
			break
		}
		out = append(out, chainCall{call: inner, fn: fn})
		sel, ok = ast.Unparen(inner.Fun).(*ast.SelectorExpr)
	}
	return out
}

// --- model writes ---

// modelArgWrite matches a write of the model at argument w.Arg: its type
// says one row or many. A variadic model parameter takes one model only.
func modelArgWrite(l *knowledge.Library, w knowledge.ModelWrite) func(*Context, *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil || len(call.Args) <= w.Arg || call.Ellipsis.IsValid() {
			return nil
		}
		info := c.Pass.TypesInfo
		if sig, _ := info.TypeOf(call.Fun).(*types.Signature); sig != nil && sig.Variadic() && w.Arg == sig.Params().Len()-1 && len(call.Args) != w.Arg+1 {
			return nil
		}
		n, model := rowsOf(info, call.Args[w.Arg])
		if n != rowsOne {
			return nil
		}
		return ormWrite(c, call, l, w, modelName(model))
	}
}

// keyedDelete matches a delete of the model at argument w.Arg; conditions
// in the chain or beyond a single primary key make it set-based, unless
// the chain finds the row by its primary key (keyWhere).
func keyedDelete(l *knowledge.Library, w knowledge.ModelWrite) func(*Context, *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil || len(call.Args) <= w.Arg || call.Ellipsis.IsValid() {
			return nil
		}
		info := c.Pass.TypesInfo
		n, model := rowsOf(info, call.Args[w.Arg])
		if n == rowsOne && len(call.Args) == w.Arg+1 {
			if where := keyWhere(info, call, w.Recv.Pkg, l, model); where != nil {
				return byKey(ormWrite(c, call, l, w, modelName(model)), where)
			}
		}
		if n != rowsOne || !chainNeutral(info, call, w.Recv.Pkg, l.Chain, false) || !singleKey(info, call.Args[w.Arg+1:]) {
			return nil
		}
		if !hasKey(info, call.Args[w.Arg], l.Tags) && len(call.Args) == w.Arg+1 {
			// Delete(&T{}) with no key deletes nothing: the ORM refuses a
			// delete without conditions (gorm's ErrMissingWhereClause).
			return nil
		}
		return ormWrite(c, call, l, w, modelName(model))
	}
}

// chainUpdate matches an update whose rows come from the chain's model
// (or, with no model, argument w.Arg): any condition in the chain makes it
// set-based, unless it finds the row by its primary key (keyWhere).
func chainUpdate(l *knowledge.Library, w knowledge.ModelWrite) func(*Context, *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil {
			return nil
		}
		info := c.Pass.TypesInfo
		pkg, ch := w.Recv.Pkg, l.Chain
		var model ast.Expr
		for _, cc := range receiverChain(info, call, pkg) {
			if i, ok := ch.ModelArgOf(cc.fn.Name()); ok && len(cc.call.Args) == i+1 {
				model = cc.call.Args[i]
				break
			}
		}
		if model != nil {
			if n, t := rowsOf(info, model); n == rowsOne {
				if where := keyWhere(info, call, pkg, l, t); where != nil {
					return byKey(ormWrite(c, call, l, w, modelName(t)), where)
				}
			}
		}
		if !chainNeutral(info, call, pkg, ch, true) && !(model != nil && elementWithWhere(c, call, pkg, ch, model)) {
			return nil
		}
		if model == nil {
			if w.Arg < 0 || len(call.Args) != w.Arg+1 || conditionedRoot(c, call, pkg, ch) {
				return nil
			}
			model = call.Args[w.Arg]
		}
		n, t := rowsOf(info, model)
		if n != rowsOne || !hasKey(info, model, l.Tags) {
			return nil
		}
		return ormWrite(c, call, l, w, modelName(t))
	}
}

// elementWithWhere accepts db.Model(&u).Where(...).Updates(...) when u is
// the element of the loop the call runs in: the ORM adds the loaded row's
// primary key to the Where (optimistic locking, tenant checks), so the
// update touches that one row at most. Only the chain's Where methods may
// join the neutral ones; a scope or a join can change anything.
func elementWithWhere(c *Context, call *ast.CallExpr, pkg string, ch *knowledge.Chain, model ast.Expr) bool {
	info := c.Pass.TypesInfo
	for _, cc := range receiverChain(info, call, pkg) {
		name := cc.fn.Name()
		if _, isModel := ch.ModelArgOf(name); !isModel && !ch.IsNeutral(name) && !ch.IsWhere(name) {
			return false
		}
	}
	if c.Loops == nil {
		return false
	}
	loop := c.Loops.PerIteration(call)
	if loop == nil {
		return false
	}
	rng, ok := loop.Node.(*ast.RangeStmt)
	if !ok || rng.Tok != token.DEFINE {
		return false
	}
	defOf := func(e ast.Expr) types.Object {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			return info.Defs[id]
		}
		return nil
	}
	key, val := defOf(rng.Key), defOf(rng.Value)
	e := ast.Unparen(model)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.Ident:
		return val != nil && info.Uses[e] == val
	case *ast.IndexExpr:
		id, ok := ast.Unparen(e.Index).(*ast.Ident)
		return ok && key != nil && info.Uses[id] == key
	}
	return false
}

// conditionedRoot reports whether call's chain starts at a local variable
// that was assigned a chain of package pkg with a model or conditions
// (q := db.Model(&User{}).Where(...); q.Updates(&u)): the rows the call
// touches then depend on that earlier chain, not on the call's argument.
func conditionedRoot(c *Context, call *ast.CallExpr, pkg string, ch *knowledge.Chain) bool {
	info := c.Pass.TypesInfo
	root := call.Fun
	for {
		sel, ok := ast.Unparen(root).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			root = sel.X
			break
		}
		root = inner.Fun
	}
	id, ok := ast.Unparen(root).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || !c.Cursor.Valid() {
		return false
	}
	// The outermost enclosing function holds every assignment a closure
	// could see.
	var body ast.Node
	for fc := range c.Cursor.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = fc.Node()
	}
	if body == nil {
		return false
	}
	assigns := func(lhs ast.Expr) bool {
		l, ok := lhs.(*ast.Ident)
		return ok && (info.Defs[l] == types.Object(v) || info.Uses[l] == types.Object(v))
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					found = found || assigns(lhs) && conditionedChain(info, n.Rhs[i], pkg, ch)
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					found = found || assigns(name) && conditionedChain(info, n.Values[i], pkg, ch)
				}
			}
		}
		return !found
	})
	return found
}

// conditionedChain reports whether e is a chain of package pkg with a
// method that is not neutral (Model, Where, Scopes, Joins...).
func conditionedChain(info *types.Info, e ast.Expr, pkg string, ch *knowledge.Chain) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := callee.Func(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkg {
		return false
	}
	if !ch.IsNeutral(fn.Name()) {
		return true
	}
	return !chainNeutral(info, call, pkg, ch, false)
}

// chainNeutral reports whether every method in call's receiver chain of
// package pkg is neutral (a model method is allowed when allowModel). A
// Where, Scopes, Joins or any other method may add conditions: the write is
// then set-based or unknown.
func chainNeutral(info *types.Info, call *ast.CallExpr, pkg string, ch *knowledge.Chain, allowModel bool) bool {
	for _, cc := range receiverChain(info, call, pkg) {
		name := cc.fn.Name()
		if _, isModel := ch.ModelArgOf(name); ch.IsNeutral(name) || (allowModel && isModel) {
			continue
		}
		return false
	}
	return true
}

// singleKey reports whether a delete's extra conditions name at most one
// primary key value (db.Delete(&T{}, 10)); a slice of keys or a SQL
// condition deletes a set.
func singleKey(info *types.Info, conds []ast.Expr) bool {
	switch len(conds) {
	case 0:
		return true
	case 1:
		t := info.TypeOf(conds[0])
		if t == nil {
			return false
		}
		b, ok := t.Underlying().(*types.Basic)
		return ok && b.Info()&types.IsInteger != 0
	}
	return false
}

// hasKey reports whether a model expression can carry a primary key: a
// composite literal must set a key field (by the ORM's convention or its
// tags); &T{} alone has none and the ORM refuses to update or delete
// without conditions. Any other expression (a variable, a slice element)
// is taken to hold a loaded row.
func hasKey(info *types.Info, e ast.Expr, tags *knowledge.Tags) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return true
	}
	st, _ := underStruct(info.TypeOf(lit))
	if st == nil {
		return false
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return true // positional literal sets every field
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			if f.Name() == key.Name && tags.IsPrimaryKey(f.Name(), st.Tag(i)) {
				return true
			}
		}
	}
	return false
}

func underStruct(t types.Type) (*types.Struct, types.Type) {
	if t == nil {
		return nil, nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st, t
}

// --- query builders ---

// queryModelWrite matches a query builder's write whose chain sets the
// model to one struct. An update or a delete needs the chain's Key method
// (the ORM refuses one without a Where); a SetBased method makes the write
// set-based or unknown.
func queryModelWrite(l *knowledge.Library, w knowledge.ModelWrite) func(*Context, *ast.CallExpr) *Write {
	ch := l.Chain
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil {
			return nil
		}
		info := c.Pass.TypesInfo
		var model ast.Expr
		keyed := false
		for _, cc := range receiverChain(info, call, w.Recv.Pkg) {
			name := cc.fn.Name()
			if i, ok := ch.ModelArgOf(name); ok {
				if len(cc.call.Args) == i+1 && model == nil {
					model = cc.call.Args[i]
				}
				continue
			}
			if name == ch.Key {
				keyed = true
			}
			if ch.IsSetBased(name) {
				return nil
			}
		}
		if model == nil || (w.Op != "INSERT" && !keyed) {
			return nil
		}
		n, t := rowsOf(info, model)
		if n != rowsOne {
			return nil
		}
		return ormWrite(c, call, l, w, modelName(t))
	}
}

// rootModelWrite matches a query's write whose chain starts with a model
// method of package w.Start given one struct, with only neutral methods
// between. An update or a delete needs the chain's Key method.
func rootModelWrite(l *knowledge.Library, w knowledge.ModelWrite) func(*Context, *ast.CallExpr) *Write {
	ch := l.Chain
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil || len(call.Args) > 0 {
			return nil
		}
		info := c.Pass.TypesInfo
		keyed := false
		for _, cc := range receiverChain(info, call, w.Recv.Pkg) {
			if cc.fn.Name() == ch.Key {
				keyed = true
			}
			if !ch.IsNeutral(cc.fn.Name()) {
				return nil
			}
		}
		model := chainModel(info, call, w.Recv.Pkg, w.Start, ch)
		if model == nil || (w.Op != "INSERT" && !keyed) {
			return nil
		}
		n, t := rowsOf(info, model)
		if n != rowsOne {
			return nil
		}
		return ormWrite(c, call, l, w, modelName(t))
	}
}

// chainModel returns the model argument of the model method of package
// start that starts call's chain of package pkg, or nil.
func chainModel(info *types.Info, call *ast.CallExpr, pkg, start string, ch *knowledge.Chain) ast.Expr {
	cur := call
	for {
		sel, ok := ast.Unparen(cur.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return nil
		}
		fn := callee.Func(info, inner)
		if fn == nil || fn.Pkg() == nil {
			return nil
		}
		if fn.Pkg().Path() == start {
			if i, ok := ch.ModelArgOf(fn.Name()); ok {
				if len(inner.Args) != i+1 {
					return nil
				}
				return inner.Args[i]
			}
		}
		if fn.Pkg().Path() != pkg {
			return nil
		}
		cur = inner
	}
}
