package ormloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/loops"
	"github.com/batchlint/batchlint/passes/sinks"
)

// suggestFix rewrites the one shape whose bulk form is equivalent: a range
// over a slice variable whose body is nothing but the one-object create,
// either as a statement or as `if err := <create>; err != nil { ... }` with
// a handler that does not touch the loop variables. The loop becomes one
// bulk call over the whole slice, guarded by len > 0 because gorm refuses an
// empty slice (ErrEmptySlice) and an empty multi-row INSERT is invalid SQL.
// Any other use of the loop variables, any other statement, or a write
// reached through a wrapper gets no fix.
func suggestFix(pass *analysis.Pass, w *sinks.Write, loop *loops.Loop) *analysis.SuggestedFix {
	if w.Via != nil || w.Op != "INSERT" {
		return nil
	}
	rng, ok := loop.Node.(*ast.RangeStmt)
	if !ok || rng.Body == nil || len(rng.Body.List) != 1 || rng.Tok != token.DEFINE {
		return nil
	}
	info := pass.TypesInfo
	if _, ok := typeOf(info, rng.X).Underlying().(*types.Slice); !ok {
		return nil
	}
	slice := ast.Unparen(rng.X)
	if !simpleRef(slice) {
		return nil
	}
	key, val := loopVar(info, rng.Key), loopVar(info, rng.Value)
	stmt := rng.Body.List[0]
	if !bodyIsWrite(stmt, w.Call) || hasBranch(stmt) || labelled(pass, rng) {
		return nil
	}
	// The error handler and everything outside the write must not see the
	// loop variables; inside the write the ORM's own rewrite decides.
	if usesAny(info, stmt, w.Call, key, val) {
		return nil
	}
	src := sourceOf(pass, rng)
	if src == nil {
		return nil
	}
	l := knowledge.Lookup(w.Lib)
	if l == nil || l.Fix == nil {
		return nil
	}
	var bulk string
	switch l.Fix.Shape {
	case knowledge.FixMethod:
		bulk = methodBulk(pass, src, w.Call, slice, key, val, l.Fix)
	case knowledge.FixModel:
		bulk = modelBulk(pass, src, w.Call, slice, key, val, l)
	case knowledge.FixGenerated:
		bulk = generatedBulk(pass, src, w.Call, slice, key, val, l.Fix.To)
	}
	if bulk == "" {
		return nil
	}
	return &analysis.SuggestedFix{
		Message: "write the whole slice in one " + w.Lib + " bulk call",
		TextEdits: []analysis.TextEdit{
			{Pos: rng.Pos(), End: rng.Body.Lbrace + 1, NewText: []byte("if len(" + src.text(slice) + ") > 0 {")},
			{Pos: w.Call.Pos(), End: w.Call.End(), NewText: []byte(bulk)},
		},
	}
}

// bodyIsWrite reports whether stmt is `<write>`, or `if <lhs> := <write>
// [.Error]; err != nil { ... }` with no else.
func bodyIsWrite(stmt ast.Stmt, call *ast.CallExpr) bool {
	switch s := stmt.(type) {
	case *ast.ExprStmt:
		return ast.Unparen(s.X) == call
	case *ast.IfStmt:
		as, ok := s.Init.(*ast.AssignStmt)
		if !ok || s.Else != nil || len(as.Rhs) != 1 {
			return false
		}
		rhs := ast.Unparen(as.Rhs[0])
		if sel, ok := rhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" {
			rhs = ast.Unparen(sel.X)
		}
		if rhs != call {
			return false
		}
		for i, l := range as.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok || (i < len(as.Lhs)-1 && id.Name != "_") {
				return false // a result other than the error is used
			}
		}
		return true
	}
	return false
}

// hasBranch reports a break, continue or goto: once the loop is gone it
// would jump somewhere else, or nowhere.
func hasBranch(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if _, ok := m.(*ast.BranchStmt); ok {
			found = true
		}
		return !found
	})
	return found
}

// labelled reports a label on the loop: on the if that replaces it, the
// label would be left for a goto only, or unused.
func labelled(pass *analysis.Pass, loop ast.Stmt) bool {
	for _, f := range pass.Files {
		if f.FileStart > loop.Pos() || loop.Pos() >= f.FileEnd {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if l, ok := n.(*ast.LabeledStmt); ok && l.Stmt == loop {
				found = true
			}
			return !found
		})
		return found
	}
	return false
}

// methodBulk: db.Create(&v), db.Create(v) for []*T, db.Create(&xs[i])
// become db.CreateInBatches(&xs, batchRows) (fix.From and fix.To). gorm
// sets generated keys back into the slice's elements, where the loop over
// copies set them nowhere. Not Create(&xs): the slice's size is unknown,
// and one INSERT of all its rows fails past 65535 bind parameters
// (paramlimit's finding).
func methodBulk(pass *analysis.Pass, src *source, call *ast.CallExpr, slice ast.Expr, key, val *types.Var, fix *knowledge.BulkFix) string {
	fn := callee.Func(pass.TypesInfo, call)
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fn == nil || fn.Name() != fix.From || len(call.Args) != 1 || sel == nil {
		return ""
	}
	if !isElemRef(pass.TypesInfo, call.Args[0], slice, key, val) || usesAny(pass.TypesInfo, call, call.Args[0], key, val) {
		return ""
	}
	return src.splice(call, replacement{sel.Sel, fix.To}, replacement{call.Args[0], "&" + src.text(slice) + ", " + batchRows})
}

// batchRows rows per INSERT keep a model of up to 65 columns under the
// 65535 bind parameter limit.
const batchRows = "1000"

// modelBulk: db.NewInsert().Model(&v).Exec(ctx) becomes Model(&xs), for
// the model method of l's chain.
func modelBulk(pass *analysis.Pass, src *source, call *ast.CallExpr, slice ast.Expr, key, val *types.Var, l *knowledge.Library) string {
	info := pass.TypesInfo
	var model ast.Expr
	ast.Inspect(call, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || model != nil {
			return model == nil
		}
		if fn := callee.Func(info, c); fn != nil && fn.Pkg() != nil && slices.Contains(l.Paths, fn.Pkg().Path()) {
			if i, ok := l.Chain.ModelArgOf(fn.Name()); ok && len(c.Args) == i+1 {
				model = c.Args[i]
				return false
			}
		}
		return true
	})
	if model == nil || !isElemRef(info, model, slice, key, val) || usesAny(info, call, model, key, val) {
		return ""
	}
	return src.splice(call, replacement{model, "&" + src.text(slice)})
}

// isElemRef reports whether e is &v (elements are structs), v (elements are
// pointers) or &xs[k], for the loop's own variables.
func isElemRef(info *types.Info, e ast.Expr, slice ast.Expr, key, val *types.Var) bool {
	e = ast.Unparen(e)
	elem := typeOf(info, slice).Underlying().(*types.Slice).Elem()
	_, elemIsPtr := elem.Underlying().(*types.Pointer)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x := ast.Unparen(u.X)
		if id, ok := x.(*ast.Ident); ok && val != nil && info.Uses[id] == val {
			return !elemIsPtr
		}
		if ix, ok := x.(*ast.IndexExpr); ok && key != nil && !elemIsPtr {
			id, ok := ast.Unparen(ix.Index).(*ast.Ident)
			return ok && info.Uses[id] == key && sameRef(info, ix.X, slice)
		}
		return false
	}
	if id, ok := e.(*ast.Ident); ok && val != nil && info.Uses[id] == val {
		return elemIsPtr
	}
	return false
}

// usesAny reports whether n, outside the subtree skip, mentions key or val.
func usesAny(info *types.Info, n, skip ast.Node, key, val *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found || m == nil {
			return false
		}
		if m == skip {
			return false
		}
		if id, ok := m.(*ast.Ident); ok {
			if obj := info.Uses[id]; obj != nil && (obj == types.Object(key) && key != nil || obj == types.Object(val) && val != nil) {
				found = true
			}
		}
		return true
	})
	return found
}

func loopVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := e.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := info.Defs[id].(*types.Var)
	return v
}

// simpleRef is a variable or a field path: addressable, free of calls, the
// same slice every time it is evaluated.
func simpleRef(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return simpleRef(e.X)
	}
	return false
}

func sameRef(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		bi, ok := b.(*ast.Ident)
		return ok && info.Uses[a] != nil && info.Uses[a] == info.Uses[bi]
	case *ast.SelectorExpr:
		bs, ok := b.(*ast.SelectorExpr)
		return ok && a.Sel.Name == bs.Sel.Name && sameRef(info, a.X, bs.X)
	}
	return false
}

func typeOf(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}

// source holds the text of one file, for edits made of the original text.
type source struct {
	tf  *token.File
	src []byte
}

func sourceOf(pass *analysis.Pass, n ast.Node) *source {
	tf := pass.Fset.File(n.Pos())
	if tf == nil {
		return nil
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil
	}
	return &source{tf: tf, src: src}
}

func (s *source) text(n ast.Node) string {
	if s == nil || n == nil {
		return ""
	}
	return string(s.src[s.tf.Offset(n.Pos()):s.tf.Offset(n.End())])
}

// replacement puts text in place of the node old.
type replacement struct {
	old  ast.Node
	text string
}

// splice returns the text of n with each replacement applied; they must lie
// inside n, in source order, without overlap.
func (s *source) splice(n ast.Node, repls ...replacement) string {
	if s == nil {
		return ""
	}
	var b strings.Builder
	at := n.Pos()
	for _, r := range repls {
		if r.old.Pos() < at || r.old.End() > n.End() {
			return ""
		}
		b.Write(s.src[s.tf.Offset(at):s.tf.Offset(r.old.Pos())])
		b.WriteString(r.text)
		at = r.old.End()
	}
	b.Write(s.src[s.tf.Offset(at):s.tf.Offset(n.End())])
	return b.String()
}

// generatedBulk: client.T.Create().SetA(v.A)...Save(ctx) becomes, with
// bulk ent's MapCreateBulk,
// client.T.MapCreateBulk(xs, func(b *pkg.TCreate, i int) { b.SetA(xs[i].A)... }).Save(ctx).
// The bulk builder has the same Save/SaveX/Exec/ExecX; only the discarded
// first result of Save changes type.
func generatedBulk(pass *analysis.Pass, src *source, call *ast.CallExpr, slice ast.Expr, key, val *types.Var, bulk string) string {
	info := pass.TypesInfo
	save := callee.Func(info, call)
	if save == nil {
		return ""
	}
	sig, _ := save.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return ""
	}
	builder := sig.Recv().Type()
	// Walk the setters down to Create().
	var setters []*ast.CallExpr
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || usesAny(info, call, sel.X, key, val) {
		return ""
	}
	var create *ast.CallExpr
	for create == nil {
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return ""
		}
		fn := callee.Func(info, inner)
		if fn == nil {
			return ""
		}
		fsig := fn.Type().(*types.Signature)
		if fsig.Recv() != nil && types.Identical(fsig.Recv().Type(), builder) {
			if fsig.Results().Len() != 1 || !types.Identical(fsig.Results().At(0).Type(), builder) {
				return ""
			}
			setters = append(setters, inner)
		} else if fsig.Results().Len() == 1 && types.Identical(fsig.Results().At(0).Type(), builder) && len(inner.Args) == 0 {
			create = inner
		} else {
			return ""
		}
		sel, ok = ast.Unparen(inner.Fun).(*ast.SelectorExpr)
		if !ok {
			return ""
		}
	}
	client := sel.X // the T client: client.User
	if usesAny(info, client, nil, key, val) || !hasBulkMethod(info, client, bulk, builder) {
		return ""
	}
	// Names for the callback's parameters that no setter argument uses.
	used := map[string]bool{}
	ast.Inspect(call, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			used[id.Name] = true
		}
		return true
	})
	idx := ""
	if key != nil {
		idx = key.Name()
	} else {
		idx = freeName(used, "i", "j", "k", "idx")
	}
	used[idx] = true
	b := freeName(used, "b", "c", "builder", "create")
	typ := qualifiedType(pass, call, builder)
	if idx == "" || b == "" || typ == "" {
		return ""
	}
	// Setter chain text with the loop variables rewritten to the element.
	var chain string
	if len(setters) > 0 {
		first := setters[0] // outermost setter
		last := setters[len(setters)-1]
		lastSel := ast.Unparen(last.Fun).(*ast.SelectorExpr)
		var repls []replacement
		repls = append(repls, replacement{lastSel.X, b})
		elem := src.text(slice) + "[" + idx + "]"
		ast.Inspect(first, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if id.Pos() >= lastSel.X.Pos() && id.End() <= lastSel.X.End() {
				return true
			}
			switch obj := info.Uses[id]; {
			case val != nil && obj == types.Object(val):
				repls = append(repls, replacement{id, elem})
			case key != nil && obj == types.Object(key):
				repls = append(repls, replacement{id, idx})
			}
			return true
		})
		chain = src.splice(first, repls...)
		if chain == "" {
			return ""
		}
	}
	callSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return src.text(client) + "." + bulk + "(" + src.text(slice) + ", func(" + b + " " + typ + ", " + idx + " int) {" +
		chain + "})." + src.between(callSel.Sel.Pos(), call.End())
}

func (s *source) between(pos, end token.Pos) string {
	return string(s.src[s.tf.Offset(pos):s.tf.Offset(end)])
}

// hasBulkMethod reports whether the client has the method bulk(slice any,
// fn func(*TCreate, int)) for this builder (ent's MapCreateBulk).
func hasBulkMethod(info *types.Info, client ast.Expr, bulk string, builder types.Type) bool {
	t := info.TypeOf(client)
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, bulk)
	fn, _ := obj.(*types.Func)
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 2 || sig.Results().Len() != 1 {
		return false
	}
	cb, ok := sig.Params().At(1).Type().Underlying().(*types.Signature)
	return ok && cb.Params().Len() == 2 && types.Identical(cb.Params().At(0).Type(), builder)
}

func freeName(used map[string]bool, candidates ...string) string {
	for _, c := range candidates {
		if !used[c] {
			return c
		}
	}
	return ""
}

// qualifiedType spells t as the file holding n refers to it, or "" when the
// file does not import t's package.
func qualifiedType(pass *analysis.Pass, n ast.Node, t types.Type) string {
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() < f.FileEnd {
			file = f
		}
	}
	if file == nil {
		return ""
	}
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p == pass.Pkg {
			return ""
		}
		for _, imp := range file.Imports {
			if path, err := strconv.Unquote(imp.Path.Value); err == nil && path == p.Path() {
				if imp.Name != nil {
					if imp.Name.Name == "_" || imp.Name.Name == "." {
						break
					}
					return imp.Name.Name
				}
				return p.Name()
			}
		}
		ok = false
		return p.Name()
	})
	if !ok {
		return ""
	}
	return s
}
