package sinks

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// callShape says where a call's SQL text and named argument are.
type callShape struct {
	sql   int  // index of the SQL text argument
	named int  // index of sqlx's named argument (struct, map or slice), or -1
	exec  bool // an Exec: a write even when its text is unknown
}

func buildSQLRules() []Rule {
	var rs []Rule
	add := func(pkg, typ, name, lib string, m func(c *Context, call *ast.CallExpr) *Write) {
		rs = append(rs, Rule{Pkg: pkg, Type: typ, Name: name, Lib: lib, Kind: SQL, Match: m})
	}
	// database/sql (and through it lib/pq and every other driver), sqlx
	// and pgx: sqlx's DB, Tx and Conn embed database/sql's types, so their
	// Exec lands on database/sql's rule. The ORMs' raw SQL calls are SQL
	// writes named as the ORM, whose transactions it knows its own way.
	for l, c := range knowledge.SQLCalls {
		sh := callShape{c.Text, c.Named, c.Exec}
		m := textRule(sh)
		switch {
		case l.ORM:
			m = rawTextRule(l, sh)
		case c.Text < 0:
			m = stmtRule(sh)
		}
		add(c.Recv.Pkg, c.Recv.Name, c.Name, l.Key, m)
	}
	// pgx's CopyFrom is COPY; a Batch is judged at SendBatch.
	for l, b := range knowledge.BatchSends {
		add(b.Recv.Pkg, b.Recv.Name, b.Name, l.Key, sendBatchRule(l.Key, b))
	}
	for l, b := range knowledge.Builders {
		for _, run := range b.Runs {
			add(b.Type.Pkg, b.Type.Name, run, l.Key, builderRule(l.Key, b))
		}
	}

	// Any interface whose method looks like Exec/QueryRow by its types:
	// sqlc's DBTX and the small DB interfaces projects declare.
	// The ORMs' raw SQL APIs (sql_orm.go). Before the structural rule, so
	// that bun.IConn's ExecContext is bun's.
	rs = append(rs, ormRawSQLRules()...)

	rs = append(rs, Rule{Callee: func(fn *types.Func) bool { return dbInterfaceMethod(fn) != "" }, Lib: knowledge.Default.Key, Kind: SQL, Match: structuralRule})
	return rs
}

// textRule matches a call whose SQL text is an argument.
func textRule(sh callShape) func(c *Context, call *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if sh.sql >= len(call.Args) {
			return nil
		}
		st := c.sqlState()
		if sh.named >= 0 && sh.named < len(call.Args) && namedArgIsMany(c, call.Args[sh.named]) {
			return nil // sqlx expands a slice into one multi-row INSERT
		}
		text, ok := st.Text(call.Args[sh.sql])
		lib := libOf(c, call)
		if l := knowledge.Lookup(lib); ok && l != nil && l.NamedPrepares != nil && !strings.ContainsAny(strings.TrimSpace(text), " \t\n") {
			// A single word is the name of a prepared statement: its text is
			// known when this package prepares it from a known text. (One-word
			// SQL such as COMMIT takes no bind arguments.)
			text, ok = st.namedStatement(text)
		}
		w := sqlWrite(lib, text, ok, sh.exec, recvInTx(c, call))
		if w != nil && asyncContext(c, call) {
			return nil // the server buffers the rows and writes them in batches
		}
		if w != nil {
			w.sqlText = call.Args[sh.sql]
		}
		if w != nil && !w.InTx {
			if e := interfaceExecer(c, call); e != nil {
				w.TxUnknown = true
				if inTx, known := st.txOf(e, 0); known {
					w.InTx, w.TxUnknown = inTx, false
				}
			}
		}
		return w
	}
}

// stmtRule matches a call on a prepared statement: the SQL is where the
// statement was prepared.
func stmtRule(sh callShape) func(c *Context, call *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if sh.named >= 0 && sh.named < len(call.Args) && namedArgIsMany(c, call.Args[sh.named]) {
			return nil
		}
		p, ok := c.sqlState().prepared(sel.X, 0)
		if !(ok && p.known) && mayBeCopy(c) {
			return nil // maybe that COPY, whose Exec per row is buffered
		}
		lib := libOf(c, call)
		return sqlWrite(lib, p.text, ok && p.known, sh.exec, ok && p.inTx)
	}
}

// mayBeCopy reports that a statement this package cannot resolve, executed
// at the call being matched, may be a lib/pq COPY (Prepare(pq.CopyIn(...))),
// whose Exec per row is buffered: the function around the call prepares a
// COPY, or the package hands a prepared COPY on, to a function of its own or
// in a struct.
func mayBeCopy(c *Context) bool {
	st := c.sqlState()
	if st.copyHandedOn == nil {
		handed := st.handsOnCopy()
		st.copyHandedOn = &handed
	}
	if *st.copyHandedOn || !c.Cursor.Valid() {
		return *st.copyHandedOn
	}
	for cur := range c.Cursor.Enclosing((*ast.FuncDecl)(nil)) {
		return some(cur.Node(), func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			return ok && st.preparesCopy(call)
		})
	}
	return false
}

func (st *sqlState) preparesCopy(call *ast.CallExpr) bool {
	p, ok := st.prepareCall(call, 0)
	return ok && p.known && ClassifySQL(p.text).Op == "COPY"
}

// handsOnCopy reports that a variable holding a prepared COPY is an
// argument of a call of this package's functions, a struct literal's field
// or assigned to a field.
func (st *sqlState) handsOnCopy() bool {
	copies := map[*types.Var]bool{}
	isCopy := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := st.info.Uses[id].(*types.Var)
		return ok && copies[v]
	}
	for _, f := range st.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if a, ok := n.(*ast.AssignStmt); ok && len(a.Rhs) == 1 {
				if call, ok := ast.Unparen(a.Rhs[0]).(*ast.CallExpr); ok && st.preparesCopy(call) {
					if id, ok := a.Lhs[0].(*ast.Ident); ok {
						if v, ok := st.info.ObjectOf(id).(*types.Var); ok {
							copies[v] = true
						}
					}
				}
			}
			return true
		})
	}
	if len(copies) == 0 || st.pass == nil {
		return false
	}
	found := false
	for _, f := range st.files {
		found = found || some(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn := callee.Func(st.info, n)
				return fn != nil && fn.Pkg() == st.pass.Pkg && slices.ContainsFunc(n.Args, isCopy)
			case *ast.KeyValueExpr:
				return isCopy(n.Value)
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if _, field := l.(*ast.SelectorExpr); field && i < len(n.Rhs) && isCopy(n.Rhs[i]) {
						return true
					}
				}
			}
			return false
		})
	}
	return found
}

// sqlWrite builds the write for a statement, or nil when it is not a
// one-row write (a read, DDL, COPY, a set-based statement).
func sqlWrite(lib, text string, known, exec, inTx bool) *Write {
	if !known {
		if !exec {
			return nil
		}
		return &Write{Kind: SQL, Lib: lib, InTx: inTx, Batched: knowledge.Batched(lib, "", knowledge.UnknownDialect)}
	}
	cl := ClassifySQL(text)
	if !cl.PerRow() || (cl.InList && knowledge.ExpandsInList(lib)) {
		return nil
	}
	if h := knowledge.HeaderLib(); cl.Sqlc != "" && h != nil {
		if slices.Contains(h.Headers.Batching, cl.SqlcCmd) {
			return nil
		}
		lib = h.Key
	}
	return &Write{Kind: SQL, Lib: lib, Op: cl.Op, Target: cl.Target, InTx: inTx, Batched: knowledge.Batched(lib, cl.Op, knowledge.UnknownDialect)}
}

// libOf is the library the user called: sqlx when the receiver is one of
// sqlx's types even though the method is database/sql's, promoted.
func libOf(c *Context, call *ast.CallExpr) string {
	lib := knowledge.Default
	fn := callee.Func(c.Pass.TypesInfo, call)
	if c.via != nil {
		fn = c.via
	}
	if fn != nil {
		if l := knowledge.SQLDriverOf(callee.Key(fn).Pkg); l != nil {
			lib = l
		}
	}
	if x := receiver(call); x != nil && lib == knowledge.Default {
		p, _ := namedOf(c.Pass.TypesInfo.TypeOf(x))
		if l := knowledge.SQLDriverOf(p); l != nil {
			lib = l
		}
	}
	return lib.Key
}

// receiver returns x of a call x.m(...), or nil.
func receiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// namedOf returns the package path and name of t's named type, after
// pointer indirection.
func namedOf(t types.Type) (pkg, name string) {
	if t == nil {
		return "", ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj() == nil {
		return "", ""
	}
	if n.Obj().Pkg() != nil {
		pkg = callee.TrimVendor(n.Obj().Pkg().Path())
	}
	return pkg, n.Obj().Name()
}

// isTxType reports the transaction types of the SQL libraries.
func isTxType(t types.Type) bool {
	pkg, name := namedOf(t)
	return knowledge.IsTx(pkg, name)
}

// isPoolType reports the handles whose every statement runs on its own
// (autocommit): a pool hands each call whichever connection is free.
func isPoolType(t types.Type) bool {
	pkg, name := namedOf(t)
	return knowledge.IsPool(pkg, name)
}

// recvInTx reports a call on a transaction, or (for a package-level SQL
// call, sqlx's) one whose Execer argument is a transaction.
func recvInTx(c *Context, call *ast.CallExpr) bool {
	if x := receiver(call); x != nil {
		if tv, ok := c.Pass.TypesInfo.Types[x]; ok && tv.IsValue() && isTxType(tv.Type) {
			return true
		}
	}
	fn := callee.Func(c.Pass.TypesInfo, call)
	if isSQLFunc(fn) {
		for _, a := range call.Args {
			if isTxType(c.Pass.TypesInfo.TypeOf(a)) {
				return true
			}
		}
	}
	return false
}

// isSQLFunc reports a package-level SQL call of a library that runs SQL
// text itself: its handle is an argument (sqlx.MustExec(e, ...)).
func isSQLFunc(fn *types.Func) bool {
	k := callee.Key(fn)
	return fn != nil && k.Recv == "" && knowledge.SQLDriverOf(k.Pkg) != nil
}

// interfaceExecer returns the Execer argument of a package-level SQL call
// (sqlx.MustExec(e, ...)) when its static type is an interface, which a DB
// and a Tx both satisfy; else nil.
func interfaceExecer(c *Context, call *ast.CallExpr) ast.Expr {
	fn := callee.Func(c.Pass.TypesInfo, call)
	if !isSQLFunc(fn) {
		return nil
	}
	for _, a := range call.Args {
		t := c.Pass.TypesInfo.TypeOf(a)
		if t == nil {
			continue
		}
		if p, n := namedOf(t); p == "context" && n == "Context" {
			continue
		}
		if types.IsInterface(t) {
			return a
		}
		return nil
	}
	return nil
}

// namedArgIsMany reports an sqlx named argument that binds many rows: a
// slice or array. An interface-typed argument may hold one, so it counts too.
func namedArgIsMany(c *Context, arg ast.Expr) bool {
	t := c.Pass.TypesInfo.TypeOf(arg)
	if t == nil {
		return true
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array, *types.Interface:
		return true
	}
	return false
}

// prep is where a prepared statement came from.
type prep struct {
	text  string
	known bool
	inTx  bool
}

// prepared follows a statement value back to its Prepare: a local variable,
// tx.Stmt(stmt), or a struct field set anywhere in the package.
func (st *sqlState) prepared(x ast.Expr, depth int) (prep, bool) {
	if depth > maxDepth {
		return prep{}, false
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		return st.prepareCall(x, depth)
	case *ast.Ident:
		v, ok := st.info.ObjectOf(x).(*types.Var)
		if !ok {
			return prep{}, false
		}
		src, ok := st.singleValue(v)
		if !ok {
			return prep{}, false
		}
		if call, ok := ast.Unparen(src.expr).(*ast.CallExpr); ok && src.idx <= 0 {
			return st.prepareCall(call, depth)
		}
		if src.idx < 0 {
			return st.prepared(src.expr, depth+1)
		}
	case *ast.SelectorExpr:
		sel := st.info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			return prep{}, false
		}
		f, ok := sel.Obj().(*types.Var)
		if !ok {
			return prep{}, false
		}
		srcs := st.fieldValues(f)
		if len(srcs) == 0 {
			return prep{}, false
		}
		var out prep
		for i, src := range srcs {
			var p prep
			var ok bool
			if call, isCall := ast.Unparen(src.expr).(*ast.CallExpr); isCall && src.idx <= 0 {
				p, ok = st.prepareCall(call, depth+1)
			} else if src.idx < 0 {
				p, ok = st.prepared(src.expr, depth+1)
			}
			if !ok || (i > 0 && p.text != out.text) {
				return prep{}, false
			}
			out.text, out.known = p.text, p.known
			out.inTx = out.inTx || p.inTx
		}
		return out, true
	}
	return prep{}, false
}

// prepareCall resolves a call that returns a prepared statement.
func (st *sqlState) prepareCall(call *ast.CallExpr, depth int) (prep, bool) {
	fn := callee.Func(st.info, call)
	if fn == nil {
		return prep{}, false
	}
	inTx := false
	if x := receiver(call); x != nil {
		if tv, ok := st.info.Types[x]; ok && tv.IsValue() {
			inTx = isTxType(tv.Type)
		}
	}
	textAt := func(i int) (prep, bool) {
		if i >= len(call.Args) {
			return prep{}, false
		}
		text, ok := st.Text(call.Args[i])
		return prep{text: text, known: ok, inTx: inTx}, true
	}
	stmtAt := func(i int) (prep, bool) {
		if i >= len(call.Args) {
			return prep{}, false
		}
		p, ok := st.prepared(call.Args[i], depth+1)
		p.inTx = true
		return p, ok
	}
	k := callee.Key(fn)
	switch p, ok := knowledge.PrepareOf(k.Pkg, k.Recv, k.Name); {
	case !ok:
	case p.Text >= 0:
		return textAt(p.Text)
	default:
		return stmtAt(p.Stmt)
	}
	return prep{}, false
}

// dbInterfaceMethod classifies an interface method by its types alone:
// (ctx?, string, ...any) returning (an Exec result of the registry, error)
// (pgconn.CommandTag, sql.Result) is "exec"; returning a Query result
// (pgx.Row, *sql.Row, pgx.Rows, *sql.Rows), alone or with an error, is
// "query". Else "".
func dbInterfaceMethod(fn *types.Func) string {
	if fn == nil || !callee.Abstract(fn) {
		return ""
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() {
		return ""
	}
	params := sig.Params()
	i := 0
	if params.Len() == 3 {
		if p, n := namedOf(params.At(0).Type()); p != "context" || n != "Context" {
			return ""
		}
		i = 1
	}
	if params.Len() != i+2 {
		return ""
	}
	if b, ok := params.At(i).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return ""
	}
	if sl, ok := params.At(i + 1).Type().(*types.Slice); !ok || !types.IsInterface(sl.Elem()) {
		return ""
	} else if it, ok := sl.Elem().Underlying().(*types.Interface); !ok || it.NumMethods() != 0 {
		return ""
	}
	res := sig.Results()
	isErr := func(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }
	switch res.Len() {
	case 1:
		if resultKind(res.At(0).Type()) == "query" {
			return "query"
		}
	case 2:
		if isErr(res.At(1).Type()) {
			return resultKind(res.At(0).Type())
		}
	}
	return ""
}

// resultKind is "exec" or "query" for a type the registry lists as a
// library's SQL result.
func resultKind(t types.Type) string {
	_, kind := knowledge.ResultOf(namedOf(t))
	return kind
}

// structuralRule matches a call of an interface method recognised by
// dbInterfaceMethod. sqlc's queries are constants whose text starts with
// "-- name: ", which marks the write as sqlc's.
func structuralRule(c *Context, call *ast.CallExpr) *Write {
	fn := callee.Func(c.Pass.TypesInfo, call)
	kind := dbInterfaceMethod(fn)
	if kind == "" {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	i := sig.Params().Len() - 2
	if i >= len(call.Args) {
		return nil
	}
	lib := knowledge.Default.Key
	if res := sig.Results(); res.Len() > 0 {
		if l, _ := knowledge.ResultOf(namedOf(res.At(0).Type())); l != nil {
			lib = l.Key
		}
	}
	text, ok := c.sqlState().Text(call.Args[i])
	w := sqlWrite(lib, text, ok, kind == "exec", false)
	if w != nil {
		w.sqlText = call.Args[i]
	}
	if w != nil {
		// A pool and a transaction both implement the interface.
		w.InTx, w.TxUnknown = false, true
		if inTx, known := c.sqlState().txOf(receiver(call), 0); known {
			w.InTx, w.TxUnknown = inTx, false
		}
	}
	return w
}

// sendBatchRule reports a send of a batch that holds exactly one queued
// write, made in the same iteration (or call) as the send: a pgx.Batch of
// one is a round trip per row. A batch filled in a loop and sent after it
// is the batched form.
func sendBatchRule(lib string, b knowledge.BatchSend) func(c *Context, call *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		return sendBatch(c, call, lib, b)
	}
}

func sendBatch(c *Context, call *ast.CallExpr, lib string, b knowledge.BatchSend) *Write {
	if len(call.Args) <= b.Arg || !c.Cursor.Valid() {
		return nil
	}
	batch := receiver(call)
	if b.Arg >= 0 {
		batch = call.Args[b.Arg]
	}
	arg := ast.Unparen(batch)
	if u, ok := arg.(*ast.UnaryExpr); ok {
		arg = ast.Unparen(u.X)
	}
	id, ok := arg.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.Pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v == nil {
		return nil
	}
	var body ast.Node
	for cur := range c.Cursor.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = cur.Node()
		break
	}
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil
	}
	var adds []*ast.CallExpr
	uses, methodUses := 0, 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if c.Pass.TypesInfo.Uses[n] == v {
				uses++
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			recv, ok := ast.Unparen(sel.X).(*ast.Ident)
			if !ok || c.Pass.TypesInfo.Uses[recv] != v {
				return true
			}
			fn := callee.Func(c.Pass.TypesInfo, n)
			if k := callee.Key(fn); fn == nil || k.Pkg != b.Batch.Pkg || k.Recv != b.Batch.Name {
				return true
			}
			methodUses++
			switch {
			case slices.Contains(b.Add, fn.Name()):
				adds = append(adds, n)
			case n != call && !slices.Contains(b.Neutral, fn.Name()):
				uses += 1000 // unknown method on the batch: stay silent
			}
		}
		return true
	})
	// Every use must be an Add or a neutral method on it, or this send; a
	// batch handed to a helper may get more rows there.
	if b.Arg >= 0 {
		methodUses++
	}
	if len(adds) != 1 || uses != methodUses {
		return nil
	}
	add := adds[0]
	scope := innermostScope(body, call.Pos())
	if innermostScope(body, add.Pos()) != scope || innermostScope(body, v.Pos()) != scope {
		return nil
	}
	if b.Arg < 0 {
		return preparedBatchWrite(c, lib, batch, add)
	}
	if len(add.Args) == 0 {
		return nil
	}
	text, ok := c.sqlState().Text(add.Args[0])
	if !ok {
		return nil
	}
	w := sqlWrite(lib, text, true, false, recvInTx(c, call))
	if w != nil {
		t := v.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		w.Detail = "a " + types.TypeString(t, (*types.Package).Name) + " holding one query"
		w.sqlText = add.Args[0]
		w.dataCall = add
	}
	return w
}

// preparedBatchWrite is the write of a batch prepared from an INSERT's text
// and sent holding the one row add appended: its text needs no bind
// parameters, the rows are appended.
func preparedBatchWrite(c *Context, lib string, batch ast.Expr, add *ast.CallExpr) *Write {
	p, ok := c.sqlState().prepared(batch, 0)
	if !ok || !p.known {
		return nil
	}
	cl := ClassifySQL(p.text)
	if cl.Op != "INSERT" {
		return nil
	}
	return &Write{Kind: SQL, Lib: lib, Op: cl.Op, Target: cl.Target, InTx: p.inTx, Batched: knowledge.Batched(lib, cl.Op, knowledge.UnknownDialect),
		Detail: "a batch holding one row", dataCall: add}
}

// innermostScope is the innermost loop or function literal of body that
// contains pos, or body itself.
func innermostScope(body ast.Node, pos token.Pos) ast.Node {
	scope := body
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			if n != body {
				scope = n
			}
		}
		return true
	})
	return scope
}
