package sinks

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/values"
)

// sqlState is the per-package knowledge the SQL rules share: where each
// variable and struct field gets its value. It is built on first use.
type sqlState struct {
	info *types.Info
	// writes indexes the values each variable and struct field is given.
	writes *values.Index
	// touched lists where each variable is assigned or has its address
	// taken (or a part of it).
	touched map[*types.Var][]token.Pos
	// namedPrepared maps the names of prepared statements (pgx's
	// conn.Prepare(ctx, name, sql)) to their SQL text; "" when a name gets
	// different texts. Built on first use.
	namedPrepared map[string]string
	// copyHandedOn caches handsOnCopy.
	copyHandedOn *bool
	files        []*ast.File
	pass         *analysis.Pass
	// calls and uses count, per local variable, the calls of it and all
	// its uses; built on first use.
	calls, uses map[*types.Var]int
}

// valueSrc is an expression, or result idx of a multi-value call; no
// expression for a value the text does not show.
type valueSrc struct {
	expr ast.Expr
	idx  int // -1 for a single value
}

func (c *Context) sqlState() *sqlState {
	if c.sql == nil {
		c.sql = newSQLState(c.Pass)
	}
	return c.sql
}

func newSQLState(pass *analysis.Pass) *sqlState {
	vals, ok := pass.ResultOf[values.Analyzer].(*values.Result)
	var writes *values.Index
	if ok {
		writes = vals.Writes()
	} else {
		// A pass that did not run values: the rules' tests.
		writes = values.NewIndex(pass.TypesInfo, pass.Files)
	}
	st := &sqlState{
		info:    pass.TypesInfo,
		writes:  writes,
		touched: map[*types.Var][]token.Pos{},
		files:   pass.Files,
		pass:    pass,
	}
	for _, w := range st.writes.All {
		switch w.Node.(type) {
		case *ast.AssignStmt, *ast.IncDecStmt, *ast.RangeStmt, *ast.UnaryExpr:
			if v := values.RootVar(st.info, w.Target); v != nil {
				st.touched[v] = append(st.touched[v], w.Node.Pos())
			}
		}
	}
	return st
}

func srcOf(w values.Write) valueSrc {
	if w.Kind != values.Assigned {
		return valueSrc{}
	}
	return valueSrc{w.Expr, w.Idx}
}

// singleValue is the one value v is ever given, if v is given exactly one
// (in its declaration or one assignment) and never has its address taken.
func (st *sqlState) singleValue(v *types.Var) (valueSrc, bool) {
	var src valueSrc
	n := 0
	for _, w := range st.writes.Of(v) {
		if w.Kind != values.Zero && w.Kind != values.Param {
			src = srcOf(w)
			n++
		}
	}
	return src, n == 1 && src.expr != nil
}

// assigned reports whether v is given a value other than by its
// declaration: assigned, changed or its address taken.
func (st *sqlState) assigned(v *types.Var) bool {
	for _, w := range st.writes.Of(v) {
		if w.Kind != values.Zero && w.Kind != values.Param {
			return true
		}
	}
	return false
}

// fieldValues lists every value the struct field f of this package is
// given, in assignments and composite literals.
func (st *sqlState) fieldValues(f *types.Var) []valueSrc {
	var out []valueSrc
	for _, w := range st.writes.OfField(f) {
		out = append(out, srcOf(w))
	}
	return out
}

// maxDepth bounds the resolution of values defined through other values.
const maxDepth = 8

// Text resolves the SQL text of e: constants, variables given one value,
// + concatenation, fmt.Sprintf/Sprint and strings.Join of a literal. Parts
// whose value is unknown become holes. ok is false when nothing is known.
func (st *sqlState) Text(e ast.Expr) (string, bool) {
	s, ok := st.text(e, 0)
	if !ok || strings.Trim(s, hole+" \t\n") == "" {
		return "", false
	}
	return s, true
}

func (st *sqlState) text(e ast.Expr, depth int) (string, bool) {
	if e == nil || depth > maxDepth {
		return "", false
	}
	if tv, ok := st.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return "", false
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return st.text(e.X, depth+1)
	case *ast.Ident:
		v, ok := st.info.ObjectOf(e).(*types.Var)
		if !ok {
			return "", false
		}
		src, ok := st.singleValue(v)
		if !ok || src.idx >= 0 {
			return "", false
		}
		return st.text(src.expr, depth+1)
	case *ast.SelectorExpr:
		if v, ok := st.info.Uses[e.Sel].(*types.Var); ok && st.info.Selections[e] == nil {
			// Another package's variable: its SQLTextFact, if it has one.
			var f SQLTextFact
			if st.pass != nil && st.pass.ImportObjectFact != nil && v.Pkg() != st.pass.Pkg && st.pass.ImportObjectFact(v, &f) {
				return f.Text, true
			}
			return "", false
		}
		// A struct field holding the text, set from the same text wherever
		// this package assigns it (a constructor, a composite literal).
		sel := st.info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return "", false
		}
		f, ok := sel.Obj().(*types.Var)
		if !ok {
			return "", false
		}
		srcs := st.fieldValues(f)
		if len(srcs) == 0 {
			return "", false
		}
		var text string
		for i, src := range srcs {
			if src.idx >= 0 {
				return "", false
			}
			s, ok := st.text(src.expr, depth+1)
			if !ok || (i > 0 && s != text) {
				return "", false
			}
			text = s
		}
		return text, true
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		l, lok := st.text(e.X, depth+1)
		r, rok := st.text(e.Y, depth+1)
		if !lok && !rok {
			return "", false
		}
		return orHole(l, lok) + orHole(r, rok), true
	case *ast.CallExpr:
		return st.callText(e, depth)
	}
	return "", false
}

func orHole(s string, ok bool) string {
	if ok {
		return s
	}
	return hole
}

func (st *sqlState) callText(call *ast.CallExpr, depth int) (string, bool) {
	fn := callee.Func(st.info, call)
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	switch knowledge.TextCallOf(callee.TrimVendor(fn.Pkg().Path()), fn.Name()) {
	case knowledge.LastArgText:
		if n := len(call.Args); n > 0 {
			return st.text(call.Args[n-1], depth+1)
		}
		return "", false
	case knowledge.CopyText:
		return "COPY " + hole + " FROM STDIN", true
	}
	switch callee.TrimVendor(fn.Pkg().Path()) + "." + fn.Name() {
	case "fmt.Sprintf":
		if len(call.Args) == 0 {
			return "", false
		}
		format, ok := st.text(call.Args[0], depth+1)
		if !ok {
			return "", false
		}
		return formatHoles(format), true
	case "fmt.Sprint":
		var b strings.Builder
		known := false
		for _, a := range call.Args {
			s, ok := st.text(a, depth+1)
			known = known || ok
			b.WriteString(orHole(s, ok))
		}
		return b.String(), known
	case "strings.Join":
		if len(call.Args) != 2 {
			return "", false
		}
		sep, ok := st.text(call.Args[1], depth+1)
		if !ok {
			return "", false
		}
		lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
		if !ok {
			// A list built at run time, typically placeholders or tuples.
			return hole, true
		}
		parts := make([]string, 0, len(lit.Elts))
		for _, el := range lit.Elts {
			s, ok := st.text(el, depth+1)
			parts = append(parts, orHole(s, ok))
		}
		return strings.Join(parts, sep), true
	case "strings.TrimSpace":
		if len(call.Args) == 1 {
			s, ok := st.text(call.Args[0], depth+1)
			return strings.TrimSpace(s), ok
		}
	}
	return "", false
}

// dependsOn reports that e reads a variable declared in [lo, hi) (a loop)
// whose value is not a single expression that itself depends on nothing
// declared there: a range variable, a value computed per iteration.
func (st *sqlState) dependsOn(e ast.Node, lo, hi token.Pos, depth int) bool {
	if depth > maxDepth {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		v, ok := st.info.Uses[id].(*types.Var)
		if !ok || v.Pos() < lo || v.Pos() >= hi {
			return true
		}
		if src, ok := st.singleValue(v); ok && src.idx < 0 {
			found = st.dependsOn(src.expr, lo, hi, depth+1)
		} else {
			found = true
		}
		return !found
	})
	return found
}

// namedStatement returns the SQL text run for the name of a statement
// prepared by a registry NamedPrepare (pgx's Prepare(ctx, name, sql)) in
// this package: pgx's Exec and Query accept either SQL or a prepared
// statement's name.
func (st *sqlState) namedStatement(name string) (string, bool) {
	if st.namedPrepared == nil {
		st.namedPrepared = map[string]string{}
		for _, f := range st.files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn := callee.Func(st.info, call)
				if fn == nil {
					return true
				}
				k := callee.Key(fn)
				p, ok := knowledge.NamedPrepareOf(k.Pkg, k.Recv, k.Name)
				if !ok || len(call.Args) <= max(p.NameArg, p.TextArg) {
					return true
				}
				n1, ok1 := st.Text(call.Args[p.NameArg])
				text, ok2 := st.Text(call.Args[p.TextArg])
				if !ok1 {
					return true
				}
				if old, seen := st.namedPrepared[n1]; (seen && old != text) || !ok2 {
					text = ""
				}
				st.namedPrepared[n1] = text
				return true
			})
		}
	}
	text := st.namedPrepared[name]
	return text, text != ""
}

// txOf tells whether the DB handle e carries, or was built from, is a
// transaction or a pool: e's own type, then for a call its arguments (last
// call first) and its receiver, for a variable its single value.
func (st *sqlState) txOf(e ast.Expr, depth int) (inTx, known bool) {
	if depth > maxDepth || e == nil {
		return false, false
	}
	e = ast.Unparen(e)
	if tv, ok := st.info.Types[e]; ok && tv.IsValue() {
		switch {
		case isTxType(tv.Type):
			return true, true
		case isPoolType(tv.Type):
			return false, true
		}
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		for _, a := range e.Args {
			if t := st.info.TypeOf(a); isTxType(t) {
				return true, true
			} else if isPoolType(t) {
				return false, true
			}
		}
		if x := receiver(e); x != nil {
			return st.txOf(x, depth+1)
		}
	case *ast.Ident:
		if v, ok := st.info.Uses[e].(*types.Var); ok {
			// stmt, err := db.Prepare(...): the call that made the value
			// was made on the handle.
			if src, ok := st.singleValue(v); ok && (src.idx < 0 || isCall(src.expr)) {
				return st.txOf(src.expr, depth+1)
			}
		}
	}
	return false, false
}

func isCall(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok
}

// varies reports that e takes a new value on each run of the code in
// [lo, hi): it reads a variable declared there (a range variable, a row
// scanned in the body) or assigned, address-taken or mutated by a method
// there, or it calls a method (sc.Text(), it.Value()).
func (st *sqlState) varies(e ast.Node, lo, hi token.Pos) bool {
	return some(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			return st.methodCall(n) != nil
		case *ast.Ident:
			v, ok := st.info.Uses[n].(*types.Var)
			return ok && (lo <= v.Pos() && v.Pos() < hi || within(st.touched[v], lo, hi) || within(st.writes.MethodCalls(v), lo, hi))
		}
		return false
	})
}

// fromElement reports that e is computed from what an iteration of loop
// brings: a variable declared in the loop whose value is not computed from
// loop-invariant values alone (a range variable, a counter, a row read in
// the body), a variable assigned or address-taken in the loop (rows.Scan(&id)
// into a variable declared before it), or a method of an iterator that the
// loop's condition or post statement advances (sc.Text() in for sc.Scan()).
// A value computed in the loop from invariants alone (time.Now(),
// cfg.Tenant()) is not.
func (st *sqlState) fromElement(e ast.Node, loop ast.Node, depth int) bool {
	if e == nil || depth > maxDepth {
		return false
	}
	lo, hi := loop.Pos(), loop.End()
	return some(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel := st.methodCall(n)
			return sel != nil && st.advances(loop, values.RootVar(st.info, sel.X))
		case *ast.Ident:
			v, ok := st.info.Uses[n].(*types.Var)
			switch {
			case !ok || v.IsField():
				return false
			case lo <= v.Pos() && v.Pos() < hi:
				// A result of a multi-value call (rec, err := r.Read())
				// counts as read per iteration.
				src, ok := st.singleValue(v)
				return !ok || src.idx >= 0 || st.fromElement(src.expr, loop, depth+1)
			}
			return within(st.touched[v], lo, hi)
		}
		return false
	})
}

// some reports that f holds for a node of e.
func some(e ast.Node, f func(ast.Node) bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		found = found || (n != nil && f(n))
		return !found
	})
	return found
}

// methodCall is call's selector when it calls a method of a value.
func (st *sqlState) methodCall(call *ast.CallExpr) *ast.SelectorExpr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := st.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			return sel
		}
	}
	return nil
}

func within(at []token.Pos, lo, hi token.Pos) bool {
	for _, p := range at {
		if lo <= p && p < hi {
			return true
		}
	}
	return false
}

// advances reports that loop's condition or post statement calls a method
// of v: v is the loop's iterator (sc.Scan(), rows.Next()).
func (st *sqlState) advances(loop ast.Node, v *types.Var) bool {
	f, ok := loop.(*ast.ForStmt)
	if !ok || v == nil {
		return false
	}
	for _, part := range []ast.Node{f.Cond, f.Post} {
		if part != nil && within(st.writes.MethodCalls(v), part.Pos(), part.End()) {
			return true
		}
	}
	return false
}

// pickedByElement reports that the prepared statement x is chosen by the
// iteration: a loop over statements, or an index into a map or slice of
// them by the element (stmts[row.Kind]), directly, through a variable
// declared in the loop, or handed to tx.Stmt.
func (st *sqlState) pickedByElement(x ast.Expr, loop ast.Node, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.IndexExpr:
		return st.fromElement(x.Index, loop, 0) || st.pickedByElement(x.X, loop, depth+1)
	case *ast.Ident:
		v, ok := st.info.Uses[x].(*types.Var)
		if !ok || v.Pos() < loop.Pos() || v.Pos() >= loop.End() {
			return false
		}
		src, ok := st.singleValue(v)
		return !ok || st.pickedByElement(src.expr, loop, depth+1)
	case *ast.CallExpr:
		for _, a := range x.Args {
			if st.pickedByElement(a, loop, depth+1) {
				return true
			}
		}
	}
	return false
}

// formatHoles replaces the verbs of a printf format with holes.
func formatHoles(format string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		// Skip flags, width, precision and argument indexes up to the verb.
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0 {
			j++
		}
		b.WriteString(hole)
		i = j
	}
	return b.String()
}
