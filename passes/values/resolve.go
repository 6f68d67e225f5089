package values

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/passes/callee"
)

// maxDepth bounds the chain of variables and helpers followed for one
// value; deeper chains are Unknown rather than slow.
const maxDepth = 12

// opaque stands for a write whose value cannot be followed (op-assign,
// tuple assignment, range variable, address taken, parameter).
var opaque ast.Expr = &ast.BadExpr{}

type resolver struct {
	pass *analysis.Pass
	// The write index is built at the first variable or field looked up:
	// most packages configure no producer, and a helper that returns a
	// literal needs none.
	indexOnce sync.Once
	idx       *Index
	// escaped marks struct variables used other than by field selection:
	// a callee or a pointer may change their fields unseen.
	escaped map[*types.Var]bool
	funcs   map[*types.Func]*ast.FuncDecl
	busy    map[*types.Func]bool
}

func run(pass *analysis.Pass) (any, error) {
	r := &resolver{
		pass:  pass,
		funcs: map[*types.Func]*ast.FuncDecl{},
		busy:  map[*types.Func]bool{},
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					r.funcs[fn] = fd
				}
			}
		}
	}
	r.exportFacts()
	return &Result{pass: pass, r: r}, nil
}

func (r *resolver) varOf(id *ast.Ident) *types.Var {
	if id == nil || id.Name == "_" {
		return nil
	}
	obj := r.pass.TypesInfo.ObjectOf(id)
	v, _ := obj.(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	return v
}

func (r *resolver) index() *Index {
	r.indexOnce.Do(func() {
		r.idx = NewIndex(r.pass.TypesInfo, r.pass.Files)
		r.escaped = r.escapes()
	})
	return r.idx
}

// writes lists the values v is given: an expression, nil for the zero
// value, or opaque.
func (r *resolver) writes(v *types.Var) []ast.Expr {
	var out []ast.Expr
	for _, w := range r.index().Of(v) {
		out = append(out, r.written(w))
	}
	return out
}

// fieldWrites lists the values "v.F = x" gives the field f of the struct
// variable v.
func (r *resolver) fieldWrites(v, f *types.Var) []ast.Expr {
	var out []ast.Expr
	for _, w := range r.index().OfField(f) {
		switch w.Node.(type) {
		case *ast.AssignStmt, *ast.IncDecStmt, *ast.RangeStmt:
		default:
			continue
		}
		sel, ok := w.Target.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if base, ok := ast.Unparen(sel.X).(*ast.Ident); ok && r.varOf(base) == v {
			out = append(out, r.written(w))
		}
	}
	return out
}

func (r *resolver) written(w Write) ast.Expr {
	switch {
	case w.Kind == Zero:
		return nil
	case w.Kind == Assigned && w.Idx < 0:
		return w.Expr
	}
	return opaque
}

// escapes marks the struct variables whose address or a field's address is
// taken, or that are used other than by field selection.
func (r *resolver) escapes() map[*types.Var]bool {
	info := r.pass.TypesInfo
	escaped := map[*types.Var]bool{}
	for _, w := range r.idx.All {
		if _, ok := w.Node.(*ast.UnaryExpr); !ok {
			continue
		}
		base := w.Target
		if sel, ok := base.(*ast.SelectorExpr); ok {
			base = ast.Unparen(sel.X)
		}
		if id, ok := base.(*ast.Ident); ok {
			if v := r.varOf(id); v != nil {
				escaped[v] = true
			}
		}
	}
	fieldBase := map[*ast.Ident]bool{}
	for sel, s := range info.Selections {
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && s.Kind() == types.FieldVal {
			fieldBase[id] = true
		}
	}
	for id, obj := range info.Uses {
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() || fieldBase[id] {
			continue
		}
		if isStructish(v.Type()) {
			escaped[v] = true
		}
	}
	return escaped
}

func isStructish(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// value returns what expr evaluates to.
func (r *resolver) value(expr ast.Expr, depth int) Value {
	if expr == nil || expr == opaque || depth > maxDepth {
		return Value{}
	}
	info := r.pass.TypesInfo
	if tv, ok := info.Types[expr]; ok && tv.Value != nil {
		return fromConstant(tv.Value)
	}
	switch e := expr.(type) {
	case *ast.ParenExpr:
		return r.value(e.X, depth+1)
	case *ast.Ident:
		return r.varValue(r.varOf(e), depth)
	case *ast.CallExpr:
		return r.callValue(e, depth)
	case *ast.BinaryExpr:
		return binary(e.Op, r.value(e.X, depth+1), r.value(e.Y, depth+1))
	case *ast.UnaryExpr:
		if e.Op == token.SUB {
			v := r.value(e.X, depth+1)
			switch v.Kind {
			case Int:
				return Value{Kind: Int, Int: -v.Int, Float: -v.Float}
			case Float:
				return Value{Kind: Float, Float: -v.Float}
			}
		}
	case *ast.SelectorExpr:
		return r.fieldValue(e, depth)
	}
	return Value{}
}

// varValue is the value of a variable every write of which agrees.
// Exported package-level variables may be assigned by other packages, and
// variables of other packages are not indexed: both are Unknown.
func (r *resolver) varValue(v *types.Var, depth int) Value {
	if v == nil || v.Pkg() != r.pass.Pkg {
		return Value{}
	}
	if v.Parent() == r.pass.Pkg.Scope() && v.Exported() {
		return Value{}
	}
	ws := r.writes(v)
	if len(ws) == 0 {
		return Value{}
	}
	var out Value
	for i, w := range ws {
		var x Value
		if w == nil {
			x = zeroValue(v.Type())
		} else {
			x = r.value(w, depth+1)
		}
		if !x.Known() || (i > 0 && !x.equal(out)) {
			return Value{}
		}
		out = x
	}
	return out
}

// fieldValue resolves v.F where v is a local struct variable initialised
// once by a composite literal and changed only by "v.F = x".
func (r *resolver) fieldValue(sel *ast.SelectorExpr, depth int) Value {
	base, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return Value{}
	}
	v := r.varOf(base)
	if v == nil || v.Pkg() != r.pass.Pkg || v.Parent() == r.pass.Pkg.Scope() {
		return Value{}
	}
	r.index()
	if r.escaped[v] {
		return Value{}
	}
	s := r.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return Value{}
	}
	ws := r.writes(v)
	if len(ws) != 1 || ws[0] == nil || ws[0] == opaque {
		return Value{}
	}
	lit := compositeLit(ws[0])
	if lit == nil {
		return Value{}
	}
	var cands []ast.Expr
	found := false
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return Value{} // positional literal: not worth the risk
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == sel.Sel.Name {
			cands = append(cands, kv.Value)
			found = true
		}
	}
	var out Value
	if !found {
		out = zeroValue(s.Obj().Type())
		if !out.Known() {
			return Value{}
		}
	}
	cands = append(cands, r.fieldWrites(v, s.Obj().(*types.Var))...)
	for i, c := range cands {
		x := r.value(c, depth+1)
		if !x.Known() || ((i > 0 || !found) && !x.equal(out)) {
			return Value{}
		}
		out = x
	}
	return out
}

func compositeLit(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

func (r *resolver) callValue(call *ast.CallExpr, depth int) Value {
	info := r.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return convert(r.value(call.Args[0], depth+1), tv.Type)
	}
	fn := callee.Static(info, call)
	if fn == nil {
		return Value{}
	}
	if fn.Pkg() != r.pass.Pkg {
		var f ConstFact
		if fn.Pkg() != nil && r.pass.ImportObjectFact(fn, &f) {
			return Value{Kind: f.Kind, Int: f.Int, Float: f.Float, Str: f.Str}
		}
		return Value{}
	}
	return r.funcValue(fn, depth)
}

// funcValue is the value every return statement of fn agrees on.
func (r *resolver) funcValue(fn *types.Func, depth int) Value {
	decl := r.funcs[fn]
	if decl == nil || r.busy[fn] {
		return Value{}
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() != 1 {
		return Value{}
	}
	r.busy[fn] = true
	defer delete(r.busy, fn)
	var out Value
	n := 0
	ok := true
	ast.Inspect(decl.Body, func(x ast.Node) bool {
		if !ok {
			return false
		}
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(x.Results) != 1 {
				ok = false
				return false
			}
			v := r.value(x.Results[0], depth+1)
			if !v.Known() || (n > 0 && !v.equal(out)) {
				ok = false
				return false
			}
			out = v
			n++
		}
		return true
	})
	if !ok || n == 0 {
		return Value{}
	}
	return out
}

// exportFacts marks the package's exported functions that return a
// constant, so values in importing packages can follow them.
func (r *resolver) exportFacts() {
	for fn := range r.funcs {
		if !fn.Exported() {
			continue
		}
		// A helper that takes arguments usually computes from them, and
		// methods (String, Error) are not configuration helpers: skipping
		// both keeps the facts of every dependency small.
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || sig.Params().Len() != 0 || sig.Recv() != nil || sig.Results().Len() != 1 {
			continue
		}
		// Only a basic type can hold a constant (func Now() Time cannot).
		if _, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); !ok {
			continue
		}
		if v := r.funcValue(fn, 0); v.Known() {
			r.pass.ExportObjectFact(fn, &ConstFact{Kind: v.Kind, Int: v.Int, Float: v.Float, Str: v.Str})
		}
	}
}

func fromConstant(c constant.Value) Value {
	switch c.Kind() {
	case constant.Int:
		if i, ok := constant.Int64Val(c); ok {
			return Value{Kind: Int, Int: i, Float: float64(i)}
		}
	case constant.Float:
		f, _ := constant.Float64Val(c)
		if i, ok := constant.Int64Val(constant.ToInt(c)); ok && float64(i) == f {
			return Value{Kind: Int, Int: i, Float: f}
		}
		return Value{Kind: Float, Float: f}
	case constant.String:
		return Value{Kind: String, Str: constant.StringVal(c)}
	case constant.Bool:
		if constant.BoolVal(c) {
			return Value{Kind: Bool, Int: 1}
		}
		return Value{Kind: Bool}
	}
	return Value{}
}

func zeroValue(t types.Type) Value {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return Value{}
	}
	switch {
	case b.Info()&types.IsInteger != 0:
		return Value{Kind: Int}
	case b.Info()&types.IsFloat != 0:
		return Value{Kind: Float}
	case b.Info()&types.IsString != 0:
		return Value{Kind: String}
	case b.Info()&types.IsBoolean != 0:
		return Value{Kind: Bool}
	}
	return Value{}
}

func convert(v Value, t types.Type) Value {
	b, ok := t.Underlying().(*types.Basic)
	if !ok || !v.Known() {
		return Value{}
	}
	switch {
	case b.Info()&types.IsInteger != 0:
		switch v.Kind {
		case Int:
			return v
		case Float:
			return Value{Kind: Int, Int: int64(v.Float), Float: float64(int64(v.Float))}
		}
	case b.Info()&types.IsFloat != 0:
		if v.Kind == Int || v.Kind == Float {
			return Value{Kind: Float, Float: v.Float}
		}
	case b.Info()&types.IsString != 0:
		if v.Kind == String {
			return v
		}
	case b.Info()&types.IsBoolean != 0:
		if v.Kind == Bool {
			return v
		}
	}
	return Value{}
}

func binary(op token.Token, x, y Value) Value {
	if !x.Known() || !y.Known() {
		return Value{}
	}
	if x.Kind == String && y.Kind == String && op == token.ADD {
		return Value{Kind: String, Str: x.Str + y.Str}
	}
	if x.Kind == Int && y.Kind == Int {
		switch op {
		case token.ADD:
			return intValue(x.Int + y.Int)
		case token.SUB:
			return intValue(x.Int - y.Int)
		case token.MUL:
			return intValue(x.Int * y.Int)
		case token.QUO:
			if y.Int != 0 {
				return intValue(x.Int / y.Int)
			}
		}
		return Value{}
	}
	if (x.Kind == Int || x.Kind == Float) && (y.Kind == Int || y.Kind == Float) {
		switch op {
		case token.ADD:
			return Value{Kind: Float, Float: x.Float + y.Float}
		case token.SUB:
			return Value{Kind: Float, Float: x.Float - y.Float}
		case token.MUL:
			return Value{Kind: Float, Float: x.Float * y.Float}
		case token.QUO:
			if y.Float != 0 {
				return Value{Kind: Float, Float: x.Float / y.Float}
			}
		}
	}
	return Value{}
}

func intValue(i int64) Value { return Value{Kind: Int, Int: i, Float: float64(i)} }

func (v Value) equal(w Value) bool {
	if v.Kind != w.Kind {
		return false
	}
	switch v.Kind {
	case String:
		return v.Str == w.Str
	case Float:
		return v.Float == w.Float
	}
	return v.Int == w.Int
}
