// Package sinks is batchlint's knowledge base of write APIs. For every call in
// a package it decides whether the call writes exactly one record (a row, an
// ORM object, a Kafka message) and, if so, what kind of write it is. Calls to
// user functions that perform such a write on every call are writes too:
// exported ones carry a WriteFact across packages, unexported ones are
// summarised within the package.
//
// The tables (sql.go, orm.go, produce.go) hold the rules; what they know
// about each library (import paths, transaction and pool types, batched
// forms, costs) is read from the registry in package knowledge.
package sinks

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/lazyinspect"
	"github.com/batchlint/batchlint/passes/loops"
	"github.com/batchlint/batchlint/passes/values"
)

// Kind says which analyzer owns a write.
type Kind int

const (
	SQL     Kind = iota + 1 // a raw SQL write statement: sqlloop
	ORM                     // an ORM per-object save: ormloop
	Produce                 // a one-record synchronous produce: produceloop
)

// Write is a call that writes one record per call.
type Write struct {
	Call *ast.CallExpr
	Kind Kind
	// Lib is the registry key of the library the write goes through
	// (knowledge.Lookup gives the entry).
	Lib string
	// Op is "INSERT", "UPDATE", "DELETE", "UPSERT", "MERGE" or "produce".
	// An SQL write whose statement text could not be resolved has Op "":
	// sqlloop reports those only with -unknown-sql.
	Op string
	// Target is the table or topic when known, else "".
	Target string
	// InTx reports that the write runs inside an explicit transaction.
	InTx bool
	// TxUnknown reports that whether the write runs in a transaction cannot
	// be told: it goes through an interface that both a pool and a
	// transaction implement (sqlc's DBTX, sqlx.Execer).
	TxUnknown bool
	// Head names a produce call in messages ("ProduceSync of one record"),
	// and Fix is how to send all its records at once, when known.
	Head string
	Fix  *knowledge.BatchFix
	// Dialect is the database the statement runs on, as the imports of the
	// file that runs it tell.
	Dialect knowledge.Dialect
	// Batched names the library's batched form, for the message.
	Batched string
	// Detail is extra text for the message (e.g. a writer's BatchTimeout).
	Detail string
	// Via is set when Call calls a user function that performs the write.
	Via *Via
	// ByKey reports that the write finds its one row by a key value in a
	// condition (gorm's Where("id = ?", id)) rather than in the model: it
	// writes a row per element only where that value comes from the
	// element, which KeyFromElement tells.
	ByKey bool

	// sqlText is the expression of the SQL text, when the call has one: a
	// wrapper that takes the text as a parameter is summarised from it, and
	// TargetVaries inspects it.
	sqlText ast.Expr
	// dataCall is the call whose arguments carry the row, when it is not
	// Call (the Queue of a one-query pgx.Batch).
	dataCall *ast.CallExpr
	// inner lists the writes a function literal makes on every call, when
	// Call calls it: what they write may come from variables the literal
	// captures rather than from Call's arguments.
	inner []*Write
}

// Via describes the write inside a user wrapper.
type Via struct {
	Func  string    // the wrapper, as types.Func.FullName
	Inner string    // "pgx Exec of INSERT INTO users", for the message
	Pos   token.Pos // the wrapper's declaration (valid across packages)
	Where string    // file:line of the write inside the wrapper
}

// WriteFact marks an exported function or method each call of which performs
// one record write. It holds only strings and ints, so it gob-encodes
// deterministically.
type WriteFact struct {
	Kind      Kind
	Lib       string
	Op        string
	Target    string
	InTx      bool
	TxUnknown bool
	Dialect   knowledge.Dialect
	Batched   string
	Detail    string
	ByKey     bool
	Inner     string
	Where     string
	// SQLParam, when not 0, is the 1-based index of the wrapper's parameter
	// that carries the SQL text (Op is then ""): each call site resolves
	// and classifies its own text.
	SQLParam int
}

func (*WriteFact) AFact() {}

func (f *WriteFact) String() string {
	s := "writes " + f.Lib + " " + f.Op
	if f.SQLParam > 0 {
		s += fmt.Sprintf("(text of parameter %d)", f.SQLParam)
	}
	return s
}

// SQLTextFact carries the SQL text of an exported package-level string
// variable that is assigned once, so that db.Exec(queries.InsertUser, ...)
// in another package resolves. Only texts that name a data-modifying
// statement or COPY get one.
type SQLTextFact struct {
	Text string
}

func (*SQLTextFact) AFact() {}

func (f *SQLTextFact) String() string {
	c := ClassifySQL(f.Text)
	return "sql " + OpPhrase(c.Op, c.Target)
}

// Result is the per-package answer.
type Result struct {
	// Writes lists the one-record writes of the package in source order.
	Writes []*Write
	byCall map[*ast.CallExpr]*Write
	ctx    *Context // for the SQL state, built only when asked for
	remote *remotes // nil when no function here makes a request
	wr     *wrappers
}

// DataVaries reports that the values w writes change inside loop: some
// argument of the call (or of the pgx.Batch Queue it sends), other than a
// context and a library call's receiver (the DB handle), varies per
// iteration. A write whose arguments are
// the same on every iteration (a periodic cleanup on a ticker, the same
// statement run on each shard) does not write a row per element.
func (r *Result) DataVaries(w *Write, loop ast.Node) bool {
	if w == nil || w.Call == nil || r.ctx == nil || loop == nil {
		return true
	}
	st := r.ctx.sqlState()
	if st.someArg(st.rowArgs(w), func(a ast.Expr) bool { return st.varies(a, loop.Pos(), loop.End()) }) {
		return true
	}
	// A closure's row may come from what it captures.
	for _, in := range w.inner {
		if r.DataVaries(in, loop) {
			return true
		}
	}
	return false
}

// KeyFromElement reports that w, a write that finds its row by a key value
// (ByKey), takes that value from loop's element: an argument of the call
// that binds it, or of the wrapper's call, is computed from what an
// iteration brings. A key that is the same on every iteration (the handle
// a wrapper is passed, a fixed id) writes the same row again.
func (r *Result) KeyFromElement(w *Write, loop ast.Node) bool {
	if w == nil || w.Call == nil || r.ctx == nil || loop == nil {
		return false
	}
	st := r.ctx.sqlState()
	if st.someArg(st.rowArgs(w), func(a ast.Expr) bool { return st.fromElement(a, loop, 0) }) {
		return true
	}
	for _, in := range w.inner {
		if r.KeyFromElement(in, loop) {
			return true
		}
	}
	return false
}

// rowArgs are the arguments that carry w's row: those of its call (or of
// the call that binds its values), and a wrapper method's receiver, which
// may be the record itself (u.Save(ctx)).
func (st *sqlState) rowArgs(w *Write) []ast.Expr {
	call := w.argsCall()
	args := call.Args
	if w.Via != nil {
		if sel := st.methodCall(call); sel != nil {
			args = append([]ast.Expr{sel.X}, args...)
		}
	}
	return args
}

// BindsElement reports that w, a direct call whose SQL text is unknown, runs
// the same text on every iteration of loop with a bind argument computed
// from the iteration's element: one statement per element, with its row in
// the arguments. DDL takes no bind parameters, so this is a write. A text or
// a prepared statement chosen per iteration is a loop over statements.
func (r *Result) BindsElement(w *Write, loop ast.Node) bool {
	if w == nil || w.Call == nil || w.Op != "" || w.Via != nil || r.ctx == nil || loop == nil {
		return false
	}
	st := r.ctx.sqlState()
	args := w.argsCall().Args
	if w.sqlText != nil {
		i := slices.Index(args, w.sqlText)
		if i < 0 || st.fromElement(w.sqlText, loop, 0) {
			return false
		}
		args = args[i+1:]
	} else if x := receiver(w.Call); x == nil || st.pickedByElement(x, loop, 0) {
		return false
	}
	return st.someArg(args, func(a ast.Expr) bool { return st.fromElement(a, loop, 0) })
}

// argsCall is the call whose arguments carry w's row.
func (w *Write) argsCall() *ast.CallExpr {
	if w.dataCall != nil {
		return w.dataCall
	}
	return w.Call
}

// someArg reports that f holds for an argument that is not a context.
func (st *sqlState) someArg(args []ast.Expr, f func(ast.Expr) bool) bool {
	for _, a := range args {
		if t := st.info.TypeOf(a); t != nil {
			if p, n := namedOf(t); p == "context" && n == "Context" {
				continue
			}
		}
		if f(a) {
			return true
		}
	}
	return false
}

// TargetVaries reports that w writes to a table whose name is filled in at
// run time from a value that changes inside loop: the loop walks tables
// (DELETE FROM %s WHERE tenant_id = $1 per table), not rows.
func (r *Result) TargetVaries(w *Write, loop ast.Node) bool {
	if w == nil || w.Target != "" || w.Op == "" || w.sqlText == nil || r.ctx == nil || loop == nil {
		return false
	}
	return r.ctx.sqlState().dependsOn(w.sqlText, loop.Pos(), loop.End(), 0)
}

// Of returns the writes of one kind, in source order.
func (r *Result) Of(k Kind) []*Write {
	var out []*Write
	for _, w := range r.Writes {
		if w.Kind == k {
			out = append(out, w)
		}
	}
	return out
}

// At returns the write made by call, or nil.
func (r *Result) At(call *ast.CallExpr) *Write { return r.byCall[call] }

// Owned reports that a table rule judged call, a call of a library's API or
// of an interface a library type implements, not to write one record.
func (r *Result) Owned(call *ast.CallExpr) bool { return r.wr != nil && r.wr.owned[call] }

// Summary returns the write every call of fn, a function or method of this
// package, performs, or nil.
func (r *Result) Summary(fn *types.Func) *WriteFact {
	if r.wr == nil {
		return nil
	}
	return r.wr.local[fn]
}

// OnceCalls returns the calls in body that hit accepts and that run once
// whenever body runs to its end (see wrappers.onceCalls).
func (r *Result) OnceCalls(body *ast.BlockStmt, hit func(*ast.CallExpr) bool) []*ast.CallExpr {
	if r.wr == nil {
		return nil
	}
	return r.wr.onceCalls(body, hit)
}

// Rule recognises the calls of one API. Pkg, Type and Name name the callee by
// import path, receiver type name ("" for package-level functions; pointer or
// not, interface or concrete) and function name. Callee, when set, replaces
// that name match with a structural test (ent's and sqlc's generated code
// lives in user packages). Match returns the write, or nil when this call
// writes many records, or none.
type Rule struct {
	Pkg, Type, Name string
	Callee          func(fn *types.Func) bool
	Lib             string
	Kind            Kind
	Match           func(c *Context, call *ast.CallExpr) *Write
}

// Context is what a Rule's Match may consult.
type Context struct {
	Pass  *analysis.Pass
	Loops *loops.Result
	// Cursor is the call being matched, for rules that look at its
	// surroundings (the enclosing function, sibling statements).
	Cursor inspector.Cursor

	sql *sqlState // built on first use by the SQL rules
	// via is the library method a call of the program's own interface
	// stands for, while its rule is applied (see throughInterface).
	via *types.Func
	// deps are the package's transitive imports by import path, built on
	// first use.
	deps map[string]*types.Package
}

// Analyzer finds the one-record writes of a package and exports WriteFacts.
var Analyzer = &analysis.Analyzer{
	Name:       "sinks",
	Doc:        "finds calls that write one record per call (helper pass, reports nothing)",
	Requires:   []*analysis.Analyzer{lazyinspect.Analyzer, loops.Analyzer, values.Analyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*WriteFact)(nil), (*SQLTextFact)(nil), (*RemoteFact)(nil)},
}

// rules is every table, in the order they are consulted. They are built at
// the first package that needs them, not at start-up: most of go vet's
// processes never do.
func rules() []Rule {
	var all []Rule
	all = append(all, buildSQLRules()...)
	all = append(all, modelWriteRules()...)
	all = append(all, generatedSaveRules()...)
	all = append(all, produceRules()...)
	return all
}

// ruleIndex holds the tables keyed by callee, built once per process: a
// package has thousands of calls and the tables hundreds of rules.
type ruleIndex struct {
	byName     map[knowledge.Func][]*Rule
	byMethod   map[string][]*Rule // the rules of methods, by method name
	structural []*Rule
	pkgs       map[string]bool // the packages named by the tables
}

var indexRules = sync.OnceValue(func() *ruleIndex {
	idx := &ruleIndex{byName: map[knowledge.Func][]*Rule{}, byMethod: map[string][]*Rule{}, pkgs: map[string]bool{}}
	all := rules()
	for i := range all {
		r := &all[i]
		if r.Match == nil {
			continue
		}
		if r.Callee != nil {
			idx.structural = append(idx.structural, r)
			continue
		}
		k := knowledge.Func{Pkg: r.Pkg, Recv: r.Type, Name: r.Name}
		idx.byName[k] = append(idx.byName[k], r)
		idx.pkgs[r.Pkg] = true
		if r.Type != "" {
			idx.byMethod[r.Name] = append(idx.byMethod[r.Name], r)
		}
	}
	return idx
})

// match returns the write a table rule finds at call, or nil. Name matches
// come first, so a structural rule never shadows a library's own entry.
// owned reports that some rule covers the callee: its verdict is final, even
// when it is "not a one-record write", and no wrapper fact may override it
// (the libraries' own packages are analysed too, and their methods look like
// wrappers of writes whose text they receive as a parameter). A call of the
// program's own interface method falls back to the library method behind it.
func (idx *ruleIndex) match(c *Context, fn *types.Func, call *ast.CallExpr) (w *Write, owned bool) {
	for _, r := range idx.byName[callee.Key(fn)] {
		owned = true
		if w := r.apply(c, call); w != nil {
			return w, true
		}
	}
	for _, r := range idx.structural {
		if r.Callee(fn) {
			owned = true
			if w := r.apply(c, call); w != nil {
				return w, true
			}
		}
	}
	if owned {
		return nil, true
	}
	return idx.throughInterface(c, fn, call)
}

// mayMatchAny reports whether a call in the package could be one match
// judges or a request: whether a function it uses could be. Every call's
// callee is among the objects of info.Uses.
func (idx *ruleIndex) mayMatchAny(info *types.Info) bool {
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && idx.mayMatch(fn.Origin()) {
			return true
		}
	}
	return false
}

// mayMatch is match's and isRemoteCall's test of the callee alone.
func (idx *ruleIndex) mayMatch(fn *types.Func) bool {
	if len(idx.byName[callee.Key(fn)]) > 0 || isRemoteCall(fn) {
		return true
	}
	for _, r := range idx.structural {
		if r.Callee(fn) {
			return true
		}
	}
	if !callee.Abstract(fn) {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return slices.ContainsFunc(idx.byMethod[fn.Name()], func(r *Rule) bool { return namesLibraryType(sig, r.Lib) })
}

func (r *Rule) apply(c *Context, call *ast.CallExpr) *Write {
	w := r.Match(c, call)
	if w == nil {
		return nil
	}
	w.Call = call
	if w.Kind == 0 {
		w.Kind = r.Kind
	}
	if w.Lib == "" {
		w.Lib = r.Lib
	}
	if w.Kind != Produce && !w.InTx && !w.TxUnknown {
		// Autocommit is a claim about the handle: only a pool's every
		// statement commits on its own. A handle of a type both a pool and a
		// transaction can be (gorm's *gorm.DB, ent's Client, a parameter of a
		// transaction runner's closure) leaves it unknown.
		inTx, known := c.sqlState().txOf(call, 0)
		w.InTx, w.TxUnknown = inTx, !known
	}
	return w
}

func run(pass *analysis.Pass) (any, error) {
	lr, _ := pass.ResultOf[loops.Analyzer].(*loops.Result)
	res := &Result{byCall: map[*ast.CallExpr]*Write{}}
	if pass.TypesInfo == nil {
		return res, nil
	}
	c := &Context{Pass: pass, Loops: lr}
	idx := indexRules()

	// Direct writes: calls the tables recognise.
	type site struct {
		call *ast.CallExpr
		fn   *types.Func
	}
	var sites []site
	direct := map[*ast.CallExpr]*Write{}
	owned := map[*ast.CallExpr]bool{}
	requests := map[*ast.CallExpr]bool{}
	importsWrites, importsRemotes := importsFacts(pass)
	// Where no function the package uses is a table's or a request and no
	// dependency has a wrapper (most packages), the walk would find nothing
	// and cost the package's inspector.
	var calls iter.Seq[inspector.Cursor] = func(func(inspector.Cursor) bool) {}
	if importsWrites || idx.mayMatchAny(pass.TypesInfo) {
		calls = lazyinspect.Of(pass).Root().Preorder((*ast.CallExpr)(nil))
	}
	for cur := range calls {
		call := cur.Node().(*ast.CallExpr)
		fn := callee.Func(pass.TypesInfo, call)
		if fn == nil {
			if tv, ok := pass.TypesInfo.Types[call.Fun]; ok && tv.IsValue() {
				// A call of a function value: resolved once the
				// wrappers are known.
				sites = append(sites, site{call, nil})
			}
			continue
		}
		sites = append(sites, site{call, fn})
		c.Cursor = cur
		w, isOwned := idx.match(c, fn, call)
		switch {
		case w != nil:
			direct[call] = w
		case isOwned:
			owned[call] = true
		case isRemoteCall(fn):
			requests[call] = true
		}
	}
	c.Cursor = inspector.Cursor{}
	markDialect(pass, direct)

	w := &wrappers{pass: pass, ctx: c, loops: lr, direct: direct, owned: owned,
		local: map[*types.Func]*WriteFact{}, lits: map[*ast.FuncLit]*litSummary{}}
	rm := &remotes{w: w, direct: requests, local: map[*types.Func]string{}}
	// A library the tables describe: the tables are the whole truth about
	// its API, and its internals (Exec of a text it was handed) are not
	// wrappers of its callers' writes.
	library := pass.Pkg == nil || idx.pkgs[callee.TrimVendor(pass.Pkg.Path())]
	// Most packages neither write nor make requests, directly or through
	// another package's function: nothing here can wrap either.
	wraps := !library && (len(direct) > 0 || importsWrites)
	requestsToo := !library && (len(requests) > 0 || importsRemotes) && remoteSummaries(pass.Pkg.Path())
	if !wraps {
		sites = nil
	}
	var decls []*ast.FuncDecl
	if wraps || requestsToo {
		decls = funcDecls(pass)
	}
	if wraps {
		summariseAll(pass, decls, func(fn *types.Func, fd *ast.FuncDecl) bool {
			if w.local[fn] != nil {
				return false
			}
			w.local[fn] = w.summarise(fd.Type, fd.Body)
			return w.local[fn] != nil
		})
		for _, fd := range decls {
			fn := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if f := w.local[fn]; f != nil && fn.Exported() {
				pass.ExportObjectFact(fn, f)
			}
		}
	}
	if requestsToo {
		summariseAll(pass, decls, func(fn *types.Func, fd *ast.FuncDecl) bool {
			if rm.local[fn] != "" {
				return false
			}
			rm.local[fn] = rm.summarise(fd)
			return rm.local[fn] != ""
		})
		for _, fd := range decls {
			fn := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if where := rm.local[fn]; where != "" && fn.Exported() {
				pass.ExportObjectFact(fn, &RemoteFact{Where: where})
			}
		}
		res.remote = rm
	}

	exportSQLTexts(c)
	res.ctx, res.wr = c, w
	var all []*Write
	for _, s := range sites {
		var wr *Write
		if s.fn != nil {
			wr = w.writeAt(s.call, s.fn)
		} else {
			wr = w.valueWrite(s.call)
		}
		if wr != nil {
			all = append(all, wr)
		}
	}
	// A literal's writes are reported where it is called: a write inside a
	// literal that every call summarises is not a finding of its own.
	summarised := map[*ast.CallExpr]bool{}
	for _, wr := range all {
		for _, in := range wr.inner {
			summarised[in.Call] = true
		}
	}
	for _, wr := range all {
		if !summarised[wr.Call] {
			res.Writes = append(res.Writes, wr)
			res.byCall[wr.Call] = wr
		}
	}
	return res, nil
}

// markDialect marks the SQL writes with the dialect of their file, and
// words their fix for it.
func markDialect(pass *analysis.Pass, direct map[*ast.CallExpr]*Write) {
	dialects := map[*token.File]knowledge.Dialect{}
	for _, f := range pass.Files {
		var paths []string
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil {
				paths = append(paths, p)
			}
		}
		if d := knowledge.DialectOf(paths); d != knowledge.UnknownDialect {
			dialects[pass.Fset.File(f.FileStart)] = d
		}
	}
	if len(dialects) == 0 {
		return
	}
	for call, w := range direct {
		if d, ok := dialects[pass.Fset.File(call.Pos())]; ok && w.Kind == SQL {
			w.Dialect, w.Batched = d, knowledge.Batched(w.Lib, w.Op, d)
		}
	}
}

// exportSQLTexts exports an SQLTextFact for each exported package-level
// string variable of this package whose single value is a known write
// statement.
func exportSQLTexts(c *Context) {
	pass := c.Pass
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok || len(vs.Values) == 0 {
					continue
				}
				for i, name := range vs.Names {
					v, ok := pass.TypesInfo.Defs[name].(*types.Var)
					if !ok || !v.Exported() || v.Parent() != pass.Pkg.Scope() {
						continue
					}
					if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
						continue
					}
					if len(vs.Values) == len(vs.Names) {
						// A constant that is no write statement needs no look at
						// the rest of the package (which a reassignment could
						// only make unknown).
						if cv := pass.TypesInfo.Types[vs.Values[i]].Value; cv != nil && cv.Kind() == constant.String &&
							ClassifySQL(constant.StringVal(cv)).Op == "" {
							continue
						}
					}
					text, ok := c.sqlState().Text(name)
					if !ok || strings.Contains(text, hole) || ClassifySQL(text).Op == "" {
						continue
					}
					pass.ExportObjectFact(v, &SQLTextFact{Text: text})
				}
			}
		}
	}
}

// wrappers finds the user functions each call of which performs a write.
type wrappers struct {
	pass   *analysis.Pass
	loops  *loops.Result
	ctx    *Context
	direct map[*ast.CallExpr]*Write
	owned  map[*ast.CallExpr]bool // calls a table rule judged not to write one record
	// local summarises this package's wrappers, exported or not: facts on
	// unexported functions would be dropped from export data.
	local map[*types.Func]*WriteFact
	// lits summarises the function literals called through a variable or a
	// field, once local is complete.
	lits map[*ast.FuncLit]*litSummary
}

// litSummary is what a function literal writes on every call.
type litSummary struct {
	fact  *WriteFact
	found []*Write
}

// writeAt is the write call performs: a table match, or a call of a known
// wrapper (this package's, or another's through its WriteFact). Calls
// through an interface method are not followed to the program's own
// implementations: the method set says nothing about which one runs, and
// they may live in packages this one does not import (see the analyzers'
// docs). An interface a library type implements, and sqlc's DBTX and
// similar interfaces recognised by their signatures, are table matches.)
func (w *wrappers) writeAt(call *ast.CallExpr, fn *types.Func) *Write {
	if d := w.direct[call]; d != nil {
		return d
	}
	if fn == nil || w.owned[call] || callee.Abstract(fn) {
		return nil
	}
	f := w.local[fn]
	if f == nil && fn.Pkg() != nil && fn.Pkg() != w.pass.Pkg {
		var imported WriteFact
		if w.pass.ImportObjectFact(fn, &imported) {
			f = &imported
		}
	}
	if f == nil {
		return nil
	}
	return w.fromFact(call, f, &Via{Func: fn.FullName(), Inner: f.Inner, Pos: fn.Pos(), Where: f.Where})
}

// valueWrite is the write a call of a function value performs: the write of
// the function, method or literal the value certainly holds (see
// funcValueOf), when each of its calls performs one. A function that calls
// a function value is not itself summarised as a wrapper.
func (w *wrappers) valueWrite(call *ast.CallExpr) *Write {
	fv, ok := w.ctx.sqlState().funcValueOf(call)
	switch {
	case !ok:
		return nil
	case fv.fn != nil:
		return w.writeAt(call, fv.fn)
	}
	sum := w.lits[fv.lit]
	if sum == nil {
		sum = &litSummary{found: w.onceWrites(fv.lit.Body)}
		sum.fact = w.factOf(fv.lit.Type, sum.found)
		w.lits[fv.lit] = sum
	}
	if sum.fact == nil {
		return nil
	}
	f := sum.fact
	wr := w.fromFact(call, f, &Via{Func: fv.name, Inner: f.Inner, Pos: fv.lit.Pos(), Where: f.Where})
	if wr != nil {
		wr.inner = sum.found
	}
	return wr
}

// fromFact is the write of a call of a function that f summarises.
func (w *wrappers) fromFact(call *ast.CallExpr, f *WriteFact, via *Via) *Write {
	wr := &Write{
		Call:    call,
		Kind:    f.Kind,
		Lib:     f.Lib,
		Op:      f.Op,
		Target:  f.Target,
		InTx:    f.InTx,
		Dialect: f.Dialect,
		Batched: f.Batched,
		Detail:  f.Detail,
		ByKey:   f.ByKey,
		Via:     via,
	}
	wr.TxUnknown = f.TxUnknown
	if wr.TxUnknown {
		// The wrapper reaches its DB through an interface; a transaction or
		// a pool passed in at this call, or one the receiver was built from
		// (sqlc's New(pool).WithTx(tx)), settles it.
		if inTx, known := w.ctx.sqlState().txOf(call, 0); known {
			wr.InTx, wr.TxUnknown = inTx, false
		}
	}
	if f.Kind == SQL && f.Op == "" && f.SQLParam > 0 && f.SQLParam <= len(call.Args) {
		// The wrapper executes whatever text its caller passes: classify
		// this call's text.
		arg := call.Args[f.SQLParam-1]
		wr.sqlText = arg
		text, ok := w.ctx.sqlState().Text(arg)
		if !ok {
			return wr
		}
		sw := sqlWrite(f.Lib, text, true, false, f.InTx)
		if sw == nil {
			return nil
		}
		wr.Lib, wr.Op, wr.Target = sw.Lib, sw.Op, sw.Target
		wr.Batched = knowledge.Batched(sw.Lib, sw.Op, f.Dialect)
		wr.Via.Inner = strings.Replace(wr.Via.Inner, OpPhrase("", ""), OpPhrase(sw.Op, sw.Target), 1)
	}
	return wr
}

// importsFacts reports whether a dependency has a wrapper of a write, or a
// function that makes a request, that this package might call.
func importsFacts(pass *analysis.Pass) (writes, requests bool) {
	for _, f := range pass.AllObjectFacts() {
		switch f.Fact.(type) {
		case *WriteFact:
			writes = true
		case *RemoteFact:
			requests = true
		}
		if writes && requests {
			break
		}
	}
	return writes, requests
}

// funcDecls lists the package's function and method declarations that
// have a body.
func funcDecls(pass *analysis.Pass) []*ast.FuncDecl {
	var decls []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if _, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls = append(decls, fd)
				}
			}
		}
	}
	return decls
}

// summariseAll calls summarise on each declaration until a round adds no
// summary: a wrapper of a wrapper is found on a later round, whatever the
// declaration order. summarise reports whether it added one for fn.
func summariseAll(pass *analysis.Pass, decls []*ast.FuncDecl, summarise func(fn *types.Func, fd *ast.FuncDecl) bool) {
	for changed := true; changed; {
		changed = false
		for _, fd := range decls {
			if summarise(pass.TypesInfo.Defs[fd.Name].(*types.Func), fd) {
				changed = true
			}
		}
	}
}

// summarise returns the fact for a function (its type and body) when every
// call of it performs a write, else nil. The first such write in source
// order describes it; a known write beats one whose SQL text is unknown.
func (w *wrappers) summarise(ft *ast.FuncType, body *ast.BlockStmt) *WriteFact {
	return w.factOf(ft, w.onceWrites(body))
}

// onceWrites lists the writes made once whenever body runs to its end.
func (w *wrappers) onceWrites(body *ast.BlockStmt) []*Write {
	var found []*Write
	for _, call := range w.onceCalls(body, func(c *ast.CallExpr) bool { return w.writeAt(c, callee.Func(w.pass.TypesInfo, c)) != nil }) {
		found = append(found, w.writeAt(call, callee.Func(w.pass.TypesInfo, call)))
	}
	return found
}

// factOf summarises the writes a function makes once per call.
func (w *wrappers) factOf(ft *ast.FuncType, found []*Write) *WriteFact {
	var best *Write
	for _, wr := range found {
		if best == nil || (best.Op == "" && wr.Op != "") {
			best = wr
		}
	}
	if best == nil {
		return nil
	}
	f := &WriteFact{
		Kind:      best.Kind,
		Lib:       best.Lib,
		Op:        best.Op,
		Target:    best.Target,
		InTx:      best.InTx,
		TxUnknown: best.TxUnknown,
		Dialect:   best.Dialect,
		Batched:   best.Batched,
		Detail:    best.Detail,
		ByKey:     best.ByKey,
	}
	if best.Op == "" && best.Kind == SQL {
		f.SQLParam = paramIndex(w.pass.TypesInfo, ft, best.sqlText, w.ctx.sqlState())
	}
	if best.Via != nil {
		f.Inner, f.Where = best.Via.Inner, best.Via.Where
	} else {
		f.Inner = describe(best, callee.Func(w.pass.TypesInfo, best.Call))
		f.Where = w.where(best.Call)
	}
	return f
}

// where is "file.go:line" of n.
func (w *wrappers) where(n ast.Node) string {
	pos := w.pass.Fset.Position(n.Pos())
	return fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)
}

// paramIndex is the 1-based index of the parameter of ft that e names, if
// that parameter is never reassigned; else 0.
func paramIndex(info *types.Info, ft *ast.FuncType, e ast.Expr, st *sqlState) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || ft.Params == nil {
		return 0
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || st.assigned(v) {
		return 0
	}
	i := 0
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			i++
			if info.Defs[name] == v {
				if _, variadic := field.Type.(*ast.Ellipsis); variadic {
					return 0
				}
				return i
			}
		}
	}
	return 0
}

// onceCalls returns the calls that hit accepts and that run exactly once
// whenever body runs to its end: those at its top level (including an if's
// init and condition) and those made on every branch of an if/else or a
// switch with a default; not those in a loop inside body, nor in a function
// literal (it may be stored and never called).
func (w *wrappers) onceCalls(body *ast.BlockStmt, hit func(*ast.CallExpr) bool) []*ast.CallExpr {
	o := &onceWalk{loops: w.loops, body: body, hit: hit}
	var out []*ast.CallExpr
	o.list(body.List, &out)
	return out
}

type onceWalk struct {
	loops *loops.Result
	body  *ast.BlockStmt
	hit   func(*ast.CallExpr) bool
}

// list appends the calls that run once whenever the statement list runs to
// its end, and reports whether it found one.
func (o *onceWalk) list(list []ast.Stmt, out *[]*ast.CallExpr) bool {
	any := false
	for _, s := range list {
		if o.stmt(s, out) {
			any = true
		}
	}
	return any
}

func (o *onceWalk) stmt(s ast.Stmt, out *[]*ast.CallExpr) bool {
	switch s := s.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.DeclStmt, *ast.SendStmt, *ast.IncDecStmt:
		return o.expr(s, out)
	case *ast.LabeledStmt:
		return o.stmt(s.Stmt, out)
	case *ast.BlockStmt:
		return o.list(s.List, out)
	case *ast.IfStmt:
		found := false
		if s.Init != nil && o.stmt(s.Init, out) {
			found = true
		}
		if o.expr(s.Cond, out) {
			found = true
		}
		if s.Else == nil {
			return found
		}
		var then, els []*ast.CallExpr
		if o.list(s.Body.List, &then) && o.stmt(s.Else, &els) {
			*out = append(*out, then...)
			found = true
		}
		return found
	case *ast.SwitchStmt:
		found := false
		if s.Init != nil && o.stmt(s.Init, out) {
			found = true
		}
		if s.Tag != nil && o.expr(s.Tag, out) {
			found = true
		}
		if o.everyClause(s.Body, out) {
			found = true
		}
		return found
	case *ast.TypeSwitchStmt:
		found := false
		if s.Init != nil && o.stmt(s.Init, out) {
			found = true
		}
		if o.everyClause(s.Body, out) {
			found = true
		}
		return found
	}
	// Loops, select, go and defer: not once per run.
	return false
}

// everyClause reports a hit on every clause of a switch that has a default.
func (o *onceWalk) everyClause(body *ast.BlockStmt, out *[]*ast.CallExpr) bool {
	if body == nil || len(body.List) == 0 {
		return false
	}
	hasDefault := false
	var first []*ast.CallExpr
	for i, cl := range body.List {
		cc, ok := cl.(*ast.CaseClause)
		if !ok {
			return false
		}
		if cc.List == nil {
			hasDefault = true
		}
		var got []*ast.CallExpr
		if !o.list(cc.Body, &got) {
			return false
		}
		if i == 0 {
			first = got
		}
	}
	if !hasDefault {
		return false
	}
	*out = append(*out, first...)
	return true
}

// expr appends the hits among the calls in n that are not inside a function
// literal nor in a loop inside the walked body.
func (o *onceWalk) expr(n ast.Node, out *[]*ast.CallExpr) bool {
	if n == nil {
		return false
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if !o.hit(n) {
				return true
			}
			if o.loops != nil {
				if l := o.loops.Enclosing(n); l != nil && l.Node != nil && o.body.Pos() <= l.Node.Pos() && l.Node.End() <= o.body.End() {
					return true
				}
			}
			*out = append(*out, n)
			found = true
		}
		return true
	})
	return found
}

// describe names a table write for messages: "pgx Exec of INSERT INTO users".
func describe(w *Write, fn *types.Func) string {
	name := "call"
	if fn != nil {
		name = fn.Name()
	}
	s := w.Lib + " " + name
	switch {
	case w.Kind == Produce && w.Target != "":
		s += " to " + w.Target
	case w.Kind != Produce:
		s += " of " + OpPhrase(w.Op, w.Target)
	}
	return s
}

// OpPhrase is "INSERT INTO users", "UPDATE users", "DELETE FROM users",
// "upsert into users", or the bare operation when the target is unknown.
func OpPhrase(op, target string) string {
	if op == "" {
		return "SQL text not known statically"
	}
	if target == "" {
		return op
	}
	switch op {
	case "INSERT", "MERGE":
		return op + " INTO " + target
	case "DELETE":
		return "DELETE FROM " + target
	case "UPSERT":
		return "UPSERT INTO " + target
	}
	return op + " " + target
}
