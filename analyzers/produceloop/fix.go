package produceloop

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/passes/loops"
	"github.com/batchlint/batchlint/passes/sinks"
)

// suggestFix rewrites the simple shape
//
//	for _, x := range xs {
//		rec := build(x)
//		if err := cl.ProduceSync(ctx, rec).FirstErr(); err != nil { ... }
//	}
//
// into one call after the loop with all the records:
//
//	recs := make([]*kgo.Record, 0, len(xs))
//	for _, x := range xs {
//		rec := build(x)
//		recs = append(recs, rec)
//	}
//	if err := cl.ProduceSync(ctx, recs...).FirstErr(); err != nil { ... }
//
// and likewise sarama SendMessage into SendMessages and segmentio
// WriteMessages of one message into WriteMessages of all. It returns nil
// whenever the rewrite could change more than when the records are sent:
// the body does anything but build the record, the send's error handling
// uses per-iteration variables or branches, or names would clash.
func suggestFix(pass *analysis.Pass, w *sinks.Write, loop *loops.Loop, taken names) *analysis.SuggestedFix {
	if w.Via != nil {
		return nil
	}
	rng, ok := loop.Node.(*ast.RangeStmt)
	if !ok || rng.Body == nil || len(rng.Body.List) == 0 {
		return nil
	}
	info := pass.TypesInfo
	if _, ok := typeUnder(info, rng.X).(*types.Slice); !ok {
		return nil
	}
	sh := sendShape(info, w)
	if sh == nil || !simpleRef(sendReceiver(sh.call)) {
		// A receiver computed by a call would be computed once instead of
		// once per element.
		return nil
	}
	file := fileOf(pass, rng.Pos())
	if file == nil || labeled(file, rng) {
		// The slice's declaration would come between the label and its loop.
		return nil
	}
	src, err := fileSource(pass, file)
	if err != nil {
		return nil
	}
	tf := pass.Fset.File(rng.Pos())
	if tf == nil {
		return nil
	}

	body := rng.Body.List
	moved, n := movedStatements(info, body, w.Call, sh)
	if moved == nil {
		return nil
	}
	for _, s := range body[:len(body)-n] {
		if !buildsRecord(info, rng, s) {
			return nil
		}
	}
	if !independentOfLoop(info, moved, rng, sh.recs) {
		return nil
	}
	indent, ok := lineIndent(src, tf.Offset(rng.Pos()))
	if !ok {
		return nil
	}
	elem := types.TypeString(sh.elem, qualifier(pass, file))
	if elem == "" || !importsAll(pass, file, sh.elem) {
		return nil
	}
	if whole := sendsElements(info, rng, sh, n == len(body)); whole {
		// for _, r := range recs { cl.ProduceSync(ctx, r) }: the slice is
		// already the batch.
		after, ok := rewriteSend(src, tf, moved, sh, text(src, tf, rng.X.Pos(), rng.X.End()))
		if !ok {
			return nil
		}
		return &analysis.SuggestedFix{
			Message:   fmt.Sprintf("send %s with one %s", text(src, tf, rng.X.Pos(), rng.X.End()), sh.batched),
			TextEdits: []analysis.TextEdit{{Pos: rng.Pos(), End: rng.End(), NewText: []byte(reindent(after))}},
		}
	}
	fn := enclosingFunc(file, rng)
	name := freshName(fn, sh.base, taken[fn])
	first, last := moved[0], moved[len(moved)-1]
	recText := text(src, tf, sh.recs[0].Pos(), sh.recs[len(sh.recs)-1].End())
	if sh.spread {
		recText = text(src, tf, sh.recs[0].Pos(), sh.recs[0].End())
		if lit, ok := ast.Unparen(sh.recs[0]).(*ast.CompositeLit); ok && lit.Type == nil {
			// []*kgo.Record{{...}}...: the element's type is implied.
			q := qualifier(pass, file)
			if p, ok := sh.elem.(*types.Pointer); ok {
				recText = "&" + types.TypeString(p.Elem(), q) + recText
			} else {
				recText = types.TypeString(sh.elem, q) + recText
			}
		}
	}

	decl := fmt.Sprintf("var %s []%s", name, elem)
	if simpleRef(rng.X) {
		decl = fmt.Sprintf("%s := make([]%s, 0, len(%s))", name, elem, text(src, tf, rng.X.Pos(), rng.X.End()))
	}
	after, ok := rewriteSend(src, tf, moved, sh, name)
	if !ok {
		return nil
	}
	after = reindent(after)
	if taken[fn] == nil {
		taken[fn] = map[string]bool{}
	}
	taken[fn][name] = true
	return &analysis.SuggestedFix{
		Message: fmt.Sprintf("collect the records in %s and send them with one %s after the loop", name, sh.batched),
		TextEdits: []analysis.TextEdit{
			{Pos: rng.Pos(), End: rng.Pos(), NewText: []byte(decl + "\n" + indent)},
			{Pos: first.Pos(), End: last.End(), NewText: fmt.Appendf(nil, "%s = append(%s, %s)", name, name, recText)},
			{Pos: rng.End(), End: rng.End(), NewText: []byte("\n" + indent + after)},
		},
	}
}

// sendsElements reports a loop whose body is only the send of the range
// value, over a slice of exactly the batched call's element type.
func sendsElements(info *types.Info, rng *ast.RangeStmt, sh *shape, bodyIsSend bool) bool {
	if !bodyIsSend || sh.spread || !simpleRef(rng.X) {
		return false
	}
	if rng.Key != nil {
		if id, ok := rng.Key.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	val, ok := rng.Value.(*ast.Ident)
	if !ok {
		return false
	}
	arg, ok := ast.Unparen(sh.recs[0]).(*ast.Ident)
	if !ok || info.ObjectOf(arg) == nil || info.ObjectOf(arg) != info.ObjectOf(val) {
		return false
	}
	sl, ok := typeUnder(info, rng.X).(*types.Slice)
	return ok && types.Identical(sl.Elem(), sh.elem)
}

// shape is what the rewrite needs to know about one send call.
type shape struct {
	call    *ast.CallExpr
	recs    []ast.Expr // the record arguments (one, or the spread literal's element)
	spread  bool
	elem    types.Type // the element type of the batched call's slice
	base    string     // the collected slice's name
	batched string     // "ProduceSync", "SendMessages", "WriteMessages"
	rename  *ast.Ident // the method to rename, for SendMessage
	results int        // results of the one-record call the error check reads
	chain   string     // the method called on the call's result ("FirstErr"), or ""
}

func sendShape(info *types.Info, w *sinks.Write) *shape {
	call := w.Call
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || w.Fix == nil {
		return nil
	}
	sig, ok := typeUnder(info, call.Fun).(*types.Signature)
	if !ok {
		return nil
	}
	params := sig.Params()
	if sel.Sel.Name != w.Fix.Method {
		// Another method takes the slice and returns only the error.
		if len(call.Args) != 1 || call.Ellipsis.IsValid() || params.Len() != 1 || sig.Results().Len() < 1 ||
			!takesSlice(info.TypeOf(sel.X), w.Fix.Method, params.At(0).Type()) {
			return nil
		}
		return &shape{call: call, recs: call.Args, elem: params.At(0).Type(), base: w.Fix.Slice,
			batched: w.Fix.Method, rename: sel.Sel, results: sig.Results().Len()}
	}
	if !sig.Variadic() || params.Len() == 0 {
		return nil
	}
	sl, ok := params.At(params.Len() - 1).Type().(*types.Slice)
	if !ok || len(call.Args) != params.Len() || sig.Results().Len() != 1 {
		return nil
	}
	sh := &shape{call: call, elem: sl.Elem(), batched: w.Fix.Method, base: w.Fix.Slice, chain: w.Fix.Chain, results: 1}
	last := call.Args[len(call.Args)-1]
	if call.Ellipsis.IsValid() {
		lit, ok := ast.Unparen(last).(*ast.CompositeLit)
		if !ok || len(lit.Elts) != 1 {
			return nil
		}
		if _, kv := lit.Elts[0].(*ast.KeyValueExpr); kv {
			return nil
		}
		sh.recs, sh.spread = []ast.Expr{lit.Elts[0]}, true
	} else {
		sh.recs = []ast.Expr{last}
	}
	return sh
}

// takesSlice reports that recv has a method name taking a slice of elem
// and returning one result.
func takesSlice(recv types.Type, name string, elem types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(recv, true, nil, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	sl, ok := sig.Params().At(0).Type().Underlying().(*types.Slice)
	return ok && types.Identical(sl.Elem(), elem)
}

// movedStatements finds the statements that send the record and check the
// error: the body's last statement, or its last two ("err := send" then
// "if err != nil"). It returns them and their count, or nil.
func movedStatements(info *types.Info, body []ast.Stmt, call *ast.CallExpr, sh *shape) ([]ast.Stmt, int) {
	last := body[len(body)-1]
	switch s := last.(type) {
	case *ast.ExprStmt:
		if ast.Unparen(s.X) == call {
			return []ast.Stmt{s}, 1
		}
	case *ast.IfStmt:
		if s.Else != nil || !errCheck(info, s.Cond) {
			return nil, 0
		}
		if init, ok := s.Init.(*ast.AssignStmt); ok && sendAssign(info, init, sh, s.Cond) && init.Tok == token.DEFINE {
			return []ast.Stmt{s}, 1
		}
		if s.Init == nil && len(body) >= 2 {
			if as, ok := body[len(body)-2].(*ast.AssignStmt); ok && sendAssign(info, as, sh, s.Cond) {
				return []ast.Stmt{as, s}, 2
			}
		}
	}
	return nil, 0
}

// sendAssign accepts "err := send", "_, _, err := SendMessage(m)" and the
// franz-go "err := ProduceSync(ctx, rec).FirstErr()", where err is what cond
// tests.
func sendAssign(info *types.Info, as *ast.AssignStmt, sh *shape, cond ast.Expr) bool {
	if len(as.Rhs) != 1 || len(as.Lhs) != sh.results {
		return false
	}
	rhs := ast.Unparen(as.Rhs[0])
	if sh.chain != "" {
		c, ok := rhs.(*ast.CallExpr)
		if !ok || len(c.Args) != 0 {
			return false
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != sh.chain || ast.Unparen(sel.X) != sh.call {
			return false
		}
	} else if rhs != sh.call {
		return false
	}
	for _, l := range as.Lhs[:len(as.Lhs)-1] {
		if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	errID, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
	if !ok || errID.Name == "_" {
		return false
	}
	be := ast.Unparen(cond).(*ast.BinaryExpr)
	x, ok := ast.Unparen(be.X).(*ast.Ident)
	if !ok {
		return false
	}
	obj := info.ObjectOf(errID)
	return obj != nil && obj == info.ObjectOf(x)
}

// errCheck accepts "err != nil".
func errCheck(info *types.Info, cond ast.Expr) bool {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ {
		return false
	}
	tv, ok := info.Types[be.Y]
	if _, isID := ast.Unparen(be.X).(*ast.Ident); !isID {
		return false
	}
	return ok && tv.IsNil()
}

// buildsRecord accepts the statements a body may run before the send without
// the rewrite changing behaviour: declarations, assignments to the
// iteration's own variables, and filters ("if skip(x) { continue }") that
// only decide whether the record is sent. An assignment to a variable of the
// enclosing function (ctx = trace(ctx, x)) would leave the send after the
// loop with the last iteration's value.
func buildsRecord(info *types.Info, rng *ast.RangeStmt, s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.DeclStmt:
		return !containsBranch(s)
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE {
			for _, l := range s.Lhs {
				id := rootIdent(l)
				if id == nil {
					return false
				}
				obj := info.ObjectOf(id)
				if obj == nil || obj.Pos() < rng.Pos() || obj.Pos() >= rng.End() {
					return false
				}
			}
		}
		return !containsBranch(s)
	case *ast.IfStmt:
		if s.Else != nil || len(s.Body.List) != 1 {
			return false
		}
		br, ok := s.Body.List[0].(*ast.BranchStmt)
		if !ok || br.Label != nil || (br.Tok != token.CONTINUE && br.Tok != token.BREAK) {
			return false
		}
		return (s.Init == nil || buildsRecord(info, rng, s.Init)) && !containsFuncLit(s.Cond)
	}
	return false
}

// rootIdent is x of x, x.f, x[i], *x; nil for anything else.
func rootIdent(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return rootIdent(e.X)
	case *ast.IndexExpr:
		return rootIdent(e.X)
	case *ast.StarExpr:
		return rootIdent(e.X)
	}
	return nil
}

func containsBranch(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.BranchStmt, *ast.ReturnStmt:
			found = true
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

func containsFuncLit(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			found = true
		}
		return !found
	})
	return found
}

// independentOfLoop reports whether the moved statements, apart from the
// record arguments that stay in the loop, use nothing declared in the loop
// and do not branch out of it: they are about to run once, after it.
func independentOfLoop(info *types.Info, moved []ast.Stmt, rng *ast.RangeStmt, recs []ast.Expr) bool {
	ok := true
	for _, s := range moved {
		ast.Inspect(s, func(n ast.Node) bool {
			if !ok {
				return false
			}
			for _, r := range recs {
				if n == r {
					return false
				}
			}
			switch n := n.(type) {
			case *ast.BranchStmt:
				ok = false
			case *ast.Ident:
				obj := info.Uses[n]
				if obj == nil {
					return true
				}
				p := obj.Pos()
				declaredInLoop := p >= rng.Pos() && p < rng.End()
				declaredMoved := p >= moved[0].Pos() && p < moved[len(moved)-1].End()
				if declaredInLoop && !declaredMoved {
					ok = false
				}
			}
			return ok
		})
	}
	return ok
}

// rewriteSend returns the moved statements' source with the one-record call
// turned into the call with every collected record. "err := send" followed
// by "if err != nil" becomes one if statement, so that err stays as local as
// it was in the loop body.
func rewriteSend(src []byte, tf *token.File, moved []ast.Stmt, sh *shape, name string) (string, bool) {
	type edit struct {
		from, to token.Pos
		repl     string
	}
	var edits []edit
	sendStmt := moved[0]
	if ifs, ok := sendStmt.(*ast.IfStmt); ok && ifs.Init != nil {
		if as, ok := ifs.Init.(*ast.AssignStmt); ok && sh.results > 1 {
			edits = append(edits, edit{as.Lhs[0].Pos(), as.Lhs[sh.results-1].Pos(), ""})
		}
	} else if as, ok := sendStmt.(*ast.AssignStmt); ok && sh.results > 1 {
		edits = append(edits, edit{as.Lhs[0].Pos(), as.Lhs[sh.results-1].Pos(), ""})
	}
	if sh.rename != nil {
		edits = append(edits, edit{sh.rename.Pos(), sh.rename.End(), sh.batched})
		edits = append(edits, edit{sh.recs[0].Pos(), sh.recs[0].End(), name})
	} else {
		edits = append(edits, edit{sh.call.Args[len(sh.call.Args)-1].Pos(), sh.call.Rparen, name + "..."})
	}
	var b strings.Builder
	prev := sendStmt.Pos()
	for _, e := range edits {
		if e.from < prev || e.to > sendStmt.End() {
			return "", false
		}
		b.Write(src[tf.Offset(prev):tf.Offset(e.from)])
		b.WriteString(e.repl)
		prev = e.to
	}
	b.Write(src[tf.Offset(prev):tf.Offset(sendStmt.End())])
	if len(moved) == 1 {
		return b.String(), true
	}
	ifs := moved[1].(*ast.IfStmt)
	if as := sendStmt.(*ast.AssignStmt); as.Tok == token.DEFINE {
		return "if " + b.String() + "; " + text(src, tf, ifs.Cond.Pos(), ifs.End()), true
	}
	return b.String() + text(src, tf, sendStmt.End(), ifs.End()), true
}

// reindent moves text written one level inside the loop body out to the
// loop's level.
func reindent(s string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.TrimPrefix(lines[i], "\t")
	}
	return strings.Join(lines, "\n")
}

func lineIndent(src []byte, off int) (string, bool) {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	ind := string(src[start:off])
	if strings.TrimSpace(ind) != "" {
		return "", false // the loop does not start its line (a label, a one-liner)
	}
	return ind, true
}

func text(src []byte, tf *token.File, from, to token.Pos) string {
	return string(src[tf.Offset(from):tf.Offset(to)])
}

// simpleRef accepts xs and s.items: evaluating them again for len has no
// effect.
func simpleRef(e ast.Expr) bool {
	if e == nil {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return simpleRef(e.X)
	}
	return false
}

// names records, per function, the slice names earlier fixes in this pass
// declared: the fixes are applied together.
type names map[ast.Node]map[string]bool

// freshName returns base, or base2, base3, ... : the first that no
// identifier of the function uses and no other fix declares there, so the
// new slice neither shadows a name the function refers to nor is shadowed by
// one of its declarations.
func freshName(fn ast.Node, base string, taken map[string]bool) string {
	used := map[string]bool{}
	for n := range taken {
		used[n] = true
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			used[id.Name] = true
		}
		return true
	})
	name := base
	for i := 2; used[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	return name
}

// qualifier writes package names as this file imports them.
func qualifier(pass *analysis.Pass, file *ast.File) types.Qualifier {
	return func(p *types.Package) string {
		if p == pass.Pkg {
			return ""
		}
		for _, imp := range file.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil || path != p.Path() {
				continue
			}
			if imp.Name != nil {
				return imp.Name.Name
			}
			return p.Name()
		}
		return p.Path()
	}
}

// importsAll reports whether every package named in t is this package or
// imported by the file under a usable name.
func importsAll(pass *analysis.Pass, file *ast.File, t types.Type) bool {
	ok := true
	types.TypeString(t, func(p *types.Package) string {
		if p == pass.Pkg {
			return ""
		}
		found := false
		for _, imp := range file.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err == nil && path == p.Path() && (imp.Name == nil || (imp.Name.Name != "_" && imp.Name.Name != ".")) {
				found = true
			}
		}
		if !found {
			ok = false
		}
		return p.Name()
	})
	return ok
}

func sendReceiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// labeled reports whether loop is the statement of a label.
func labeled(file *ast.File, loop ast.Stmt) bool {
	found := false
	ast.Inspect(enclosingFunc(file, loop), func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok && l.Stmt == loop {
			found = true
		}
		return !found
	})
	return found
}

// enclosingFunc is the top-level declaration around n.
func enclosingFunc(file *ast.File, n ast.Node) ast.Node {
	for _, d := range file.Decls {
		if d.Pos() <= n.Pos() && n.End() <= d.End() {
			return d
		}
	}
	return file
}

func typeUnder(info *types.Info, e ast.Expr) types.Type {
	t := info.TypeOf(e)
	if t == nil {
		return nil
	}
	return t.Underlying()
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// fileSource returns the file's text as the pass read it.
func fileSource(pass *analysis.Pass, file *ast.File) ([]byte, error) {
	tf := pass.Fset.File(file.Pos())
	if tf == nil {
		return nil, fmt.Errorf("no file for %v", file.Pos())
	}
	if pass.ReadFile == nil {
		return nil, fmt.Errorf("cannot read %s", tf.Name())
	}
	return pass.ReadFile(tf.Name())
}
