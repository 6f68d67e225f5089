package sinks

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/batchlint/batchlint/knowledge"
)

// The ORM part of the knowledge base. Each rule decides how many rows one
// call writes from the types at the call: the static type of the model
// argument (pointer to struct: one row; slice, array or pointer to one: one
// multi-row statement) and, for updates and deletes, the query built in the
// receiver chain (a Where condition makes the write set-based, so it is not
// a per-object save). Whatever cannot be decided from the types is silent.

var ormRules = append([]Rule{
	{Pkg: knowledge.GormPath, Type: "DB", Name: "Create", Lib: knowledge.Gorm.Key, Kind: ORM, Match: gormModelWrite("INSERT", knowledge.Gorm.Bulk["INSERT"], false)},
	{Pkg: knowledge.GormPath, Type: "DB", Name: "Save", Lib: knowledge.Gorm.Key, Kind: ORM, Match: gormModelWrite("UPSERT", knowledge.Gorm.Bulk["UPSERT"], false)},
	{Pkg: knowledge.GormPath, Type: "CreateInterface", Name: "Create", Lib: knowledge.Gorm.Key, Kind: ORM, Match: gormGenericCreate},
	{Pkg: knowledge.GormPath, Type: "DB", Name: "FirstOrCreate", Lib: knowledge.Gorm.Key, Kind: ORM, Match: gormModelWrite("UPSERT", knowledge.Gorm.Bulk["FirstOrCreate"], false)},
	{Pkg: knowledge.GormPath, Type: "DB", Name: "Delete", Lib: knowledge.Gorm.Key, Kind: ORM, Match: gormModelWrite("DELETE", knowledge.Gorm.Bulk["DELETE"], true)},
	{Pkg: knowledge.GormPath, Type: "DB", Name: "Updates", Lib: knowledge.Gorm.Key, Kind: ORM, Match: gormUpdateWrite},
	{Pkg: knowledge.GormPath, Type: "DB", Name: "Update", Lib: knowledge.Gorm.Key, Kind: ORM, Match: gormUpdateWrite},
	{Pkg: knowledge.GormPath, Type: "DB", Name: "UpdateColumn", Lib: knowledge.Gorm.Key, Kind: ORM, Match: gormUpdateWrite},
	{Pkg: knowledge.GormPath, Type: "DB", Name: "UpdateColumns", Lib: knowledge.Gorm.Key, Kind: ORM, Match: gormUpdateWrite},

	{Callee: isEntOneRowSave, Lib: knowledge.Ent.Key, Kind: ORM, Match: entWrite},

	{Pkg: knowledge.BunPath, Type: "InsertQuery", Name: "Exec", Lib: knowledge.Bun.Key, Kind: ORM, Match: bunWrite("INSERT", knowledge.Bun.Bulk["INSERT"])},
	{Pkg: knowledge.BunPath, Type: "InsertQuery", Name: "Scan", Lib: knowledge.Bun.Key, Kind: ORM, Match: bunWrite("INSERT", knowledge.Bun.Bulk["INSERT"])},
	{Pkg: knowledge.BunPath, Type: "UpdateQuery", Name: "Exec", Lib: knowledge.Bun.Key, Kind: ORM, Match: bunWrite("UPDATE", knowledge.Bun.Bulk["UPDATE"])},
	{Pkg: knowledge.BunPath, Type: "UpdateQuery", Name: "Scan", Lib: knowledge.Bun.Key, Kind: ORM, Match: bunWrite("UPDATE", knowledge.Bun.Bulk["UPDATE"])},
	{Pkg: knowledge.BunPath, Type: "DeleteQuery", Name: "Exec", Lib: knowledge.Bun.Key, Kind: ORM, Match: bunWrite("DELETE", knowledge.Bun.Bulk["DELETE"])},
	{Pkg: knowledge.BunPath, Type: "DeleteQuery", Name: "Scan", Lib: knowledge.Bun.Key, Kind: ORM, Match: bunWrite("DELETE", knowledge.Bun.Bulk["DELETE"])},
}, gopgRules()...)

// ormWrite builds the Write of a one-row ORM call. The model's Go type name
// goes in Detail, not Target: the table name is the ORM's naming strategy's
// business (gorm's "users" for User), and a wrong table in a message is
// worse than none.
func ormWrite(c *Context, call *ast.CallExpr, lib, op, model, batched string) *Write {
	return &Write{Call: call, Kind: ORM, Lib: lib, Op: op, Detail: model, Batched: batched, InTx: ormInTx(c, call, lib)}
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
		fn, _ := typeutil.Callee(info, inner).(*types.Func)
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

// --- gorm ---

// gormNeutral are the *gorm.DB chain methods that change neither which rows
// a write touches nor how many.
var gormNeutral = map[string]bool{
	"WithContext": true, "Session": true, "Debug": true, "Omit": true, "Select": true,
	"Table": true, "Clauses": true, "Unscoped": true, "Set": true, "InstanceSet": true,
	"Begin": true,
}

// gormModelWrite matches Create, Save and Delete: the first argument is the
// model, and its type says one row or many. For Delete, conditions in the
// chain or beyond a single primary key make the delete set-based.
func gormModelWrite(op, batched string, isDelete bool) func(*Context, *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil || len(call.Args) == 0 || call.Ellipsis.IsValid() {
			return nil
		}
		info := c.Pass.TypesInfo
		n, model := rowsOf(info, call.Args[0])
		if n != rowsOne {
			return nil
		}
		if isDelete {
			if !gormChainNeutral(info, call, false) || !gormSingleKey(info, call.Args[1:]) {
				return nil
			}
			if !gormHasKey(info, call.Args[0]) && len(call.Args) == 1 {
				// Delete(&T{}) with no key deletes nothing: gorm refuses a
				// delete without conditions.
				return nil
			}
		}
		return ormWrite(c, call, knowledge.Gorm.Key, op, modelName(model), batched)
	}
}

// gormGenericCreate matches the generics API, gorm.G[T](db).Create(ctx, &x):
// its model is the second argument, typed *T at the call.
func gormGenericCreate(c *Context, call *ast.CallExpr) *Write {
	if c == nil || c.Pass == nil || len(call.Args) != 2 {
		return nil
	}
	n, model := rowsOf(c.Pass.TypesInfo, call.Args[1])
	if n != rowsOne {
		return nil
	}
	return ormWrite(c, call, knowledge.Gorm.Key, "INSERT", modelName(model), knowledge.Gorm.Bulk["G.Create"])
}

// gormUpdateWrite matches Updates, Update, UpdateColumn and UpdateColumns:
// the rows come from the chain's Model(...) (or, for Updates, the value when
// there is no Model), and any condition in the chain makes it set-based.
func gormUpdateWrite(c *Context, call *ast.CallExpr) *Write {
	if c == nil || c.Pass == nil {
		return nil
	}
	info := c.Pass.TypesInfo
	var model ast.Expr
	for _, cc := range receiverChain(info, call, knowledge.GormPath) {
		if cc.fn.Name() == "Model" && len(cc.call.Args) == 1 {
			model = cc.call.Args[0]
			break
		}
	}
	if !gormChainNeutral(info, call, true) && !(model != nil && gormElementWithWhere(c, call, model)) {
		return nil
	}
	if model == nil {
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Name() != "Updates" || len(call.Args) != 1 || gormConditionedRoot(c, call) {
			return nil
		}
		model = call.Args[0]
	}
	n, t := rowsOf(info, model)
	if n != rowsOne || !gormHasKey(info, model) {
		return nil
	}
	return ormWrite(c, call, knowledge.Gorm.Key, "UPDATE", modelName(t), knowledge.Gorm.Bulk["UPDATE"])
}

// gormElementWithWhere accepts db.Model(&u).Where(...).Updates(...) when u
// is the element of the loop the call runs in: gorm adds the loaded row's
// primary key to the Where (optimistic locking, tenant checks), so the
// update touches that one row at most. Only Where, Or and Not may join the
// neutral methods; a scope or a join can change anything.
func gormElementWithWhere(c *Context, call *ast.CallExpr, model ast.Expr) bool {
	info := c.Pass.TypesInfo
	for _, cc := range receiverChain(info, call, knowledge.GormPath) {
		switch name := cc.fn.Name(); {
		case gormNeutral[name], name == "Model", name == "Where", name == "Or", name == "Not":
		default:
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

// gormConditionedRoot reports whether call's chain starts at a local
// variable that was assigned a gorm chain with a model or conditions
// (q := db.Model(&User{}).Where(...); q.Updates(&u)): the rows the call
// touches then depend on that earlier chain, not on the call's argument.
func gormConditionedRoot(c *Context, call *ast.CallExpr) bool {
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
					found = found || assigns(lhs) && gormConditionedChain(info, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					found = found || assigns(name) && gormConditionedChain(info, n.Values[i])
				}
			}
		}
		return !found
	})
	return found
}

// gormConditionedChain reports whether e is a *gorm.DB chain with a
// method that is not neutral (Model, Where, Scopes, Joins...).
func gormConditionedChain(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != knowledge.GormPath {
		return false
	}
	if !gormNeutral[fn.Name()] {
		return true
	}
	return !gormChainNeutral(info, call, false)
}

// gormChainNeutral reports whether every method in call's receiver chain is
// neutral (Model is allowed when allowModel). A Where, Scopes, Joins or any
// other method may add conditions: the write is then set-based or unknown.
func gormChainNeutral(info *types.Info, call *ast.CallExpr, allowModel bool) bool {
	for _, cc := range receiverChain(info, call, knowledge.GormPath) {
		name := cc.fn.Name()
		if gormNeutral[name] || (allowModel && name == "Model") {
			continue
		}
		return false
	}
	return true
}

// gormSingleKey reports whether Delete's extra conditions name at most one
// primary key value (db.Delete(&T{}, 10)); a slice of keys or a SQL
// condition deletes a set.
func gormSingleKey(info *types.Info, conds []ast.Expr) bool {
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

// gormHasKey reports whether a model expression can carry a primary key: a
// composite literal must set a key field (gorm's default key ID, or a field
// tagged primaryKey); &T{} alone has none and gorm refuses to update or
// delete without conditions. Any other expression (a variable, a slice
// element) is taken to hold a loaded row.
func gormHasKey(info *types.Info, e ast.Expr) bool {
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
			if f.Name() == key.Name && knowledge.GormPrimaryKey(f.Name(), st.Tag(i)) {
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

// --- bun ---

// bunWrite matches InsertQuery, UpdateQuery and DeleteQuery Exec/Scan whose
// chain sets Model to one struct. Updates and deletes need WherePK (bun
// refuses them without a Where); any other Where, Bulk or a WITH makes them
// set-based or unknown.
func bunWrite(op, batched string) func(*Context, *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil {
			return nil
		}
		info := c.Pass.TypesInfo
		var model ast.Expr
		wherePK := false
		for _, cc := range receiverChain(info, call, knowledge.BunPath) {
			switch cc.fn.Name() {
			case "Model":
				if len(cc.call.Args) == 1 && model == nil {
					model = cc.call.Args[0]
				}
			case "WherePK":
				wherePK = true
			case "Where", "WhereOr", "WhereGroup", "Bulk", "With", "WithRecursive", "TableExpr":
				return nil
			}
		}
		if model == nil || (op != "INSERT" && !wherePK) {
			return nil
		}
		n, t := rowsOf(info, model)
		if n != rowsOne {
			return nil
		}
		return ormWrite(c, call, knowledge.Bun.Key, op, modelName(t), batched)
	}
}

// --- go-pg ---

// gopgRules are the rules of every go-pg version: the query builder's
// writes, and v9's and v8's one-model saves on pg.DB and pg.Tx.
func gopgRules() []Rule {
	var rs []Rule
	add := func(pkg, typ, name string, m func(*Context, *ast.CallExpr) *Write) {
		rs = append(rs, Rule{Pkg: pkg, Type: typ, Name: name, Lib: knowledge.Gopg.Key, Kind: ORM, Match: m})
	}
	for _, root := range knowledge.GopgRoots {
		for _, q := range []struct{ name, op string }{
			{"Insert", "INSERT"}, {"Update", "UPDATE"}, {"UpdateNotZero", "UPDATE"}, {"Delete", "DELETE"}, {"ForceDelete", "DELETE"},
		} {
			add(root+"/orm", "Query", q.name, gopgWrite(root, q.op))
		}
		for _, m := range knowledge.GopgModelSaves {
			add(root, "baseDB", m.Name, gopgModelSave(m.Op))
			add(root, "Tx", m.Name, gopgModelSave(m.Op))
		}
	}
	return rs
}

// gopgModelSave matches db.Insert(&x), db.Update(&x) and db.Delete(&x) of
// go-pg v9 and v8: one model is one row (found by its primary key for an
// update or a delete); a slice is one multi-row statement.
func gopgModelSave(op string) func(*Context, *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil || len(call.Args) != 1 || call.Ellipsis.IsValid() {
			return nil
		}
		n, t := rowsOf(c.Pass.TypesInfo, call.Args[0])
		if n != rowsOne {
			return nil
		}
		return ormWrite(c, call, knowledge.Gopg.Key, op, modelName(t), knowledge.Gopg.Bulk[op])
	}
}

// gopgWrite matches *orm.Query Insert/Update/Delete of the go-pg version at
// root whose Model is one struct. Updates and deletes need WherePK (go-pg
// refuses them without a Where); any other Where makes them set-based.
func gopgWrite(root, op string) func(*Context, *ast.CallExpr) *Write {
	batched := knowledge.Gopg.Bulk[op]
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil || len(call.Args) > 0 {
			return nil
		}
		info := c.Pass.TypesInfo
		var model ast.Expr
		wherePK := false
		for _, cc := range receiverChain(info, call, root+"/orm") {
			if cc.fn.Name() == "WherePK" {
				wherePK = true
			}
			if cc.fn.Name() != "Context" && cc.fn.Name() != "WherePK" && cc.fn.Name() != "Returning" &&
				cc.fn.Name() != "Column" && cc.fn.Name() != "ExcludeColumn" && cc.fn.Name() != "OnConflict" {
				return nil
			}
		}
		// The chain's root is db.Model(&x) or tx.Model(&x) on the pg package.
		start := gopgModelRoot(info, call, root)
		if start == nil || len(start.Args) != 1 || (op != "INSERT" && !wherePK) {
			return nil
		}
		model = start.Args[0]
		n, t := rowsOf(info, model)
		if n != rowsOne {
			return nil
		}
		return ormWrite(c, call, knowledge.Gopg.Key, op, modelName(t), batched)
	}
}

// gopgModelRoot returns the db.Model(...) / db.ModelContext(ctx, ...) call
// of the go-pg version at root that starts call's chain, with
// ModelContext's context argument dropped.
func gopgModelRoot(info *types.Info, call *ast.CallExpr, root string) *ast.CallExpr {
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
		fn, _ := typeutil.Callee(info, inner).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return nil
		}
		if fn.Pkg().Path() == root && (fn.Name() == "Model" || fn.Name() == "ModelContext") {
			if fn.Name() == "ModelContext" {
				if len(inner.Args) != 2 {
					return nil
				}
				return &ast.CallExpr{Fun: inner.Fun, Args: inner.Args[1:]}
			}
			return inner
		}
		if fn.Pkg().Path() != root+"/orm" {
			return nil
		}
		cur = inner
	}
}
