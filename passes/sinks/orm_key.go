package sinks

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/batchlint/batchlint/knowledge"
)

// A condition on the model's primary key finds one row: an update or a
// delete whose chain holds one writes that row, and writes a row per
// element only when the key comes from the element (Result.KeyFromElement).

// byKey marks w as finding its row by the key value that call binds.
func byKey(w *Write, call *ast.CallExpr) *Write {
	w.ByKey, w.dataCall = true, call
	return w
}

// typeArgWrite matches a generic chain's update or delete, whose model is
// the receiver's type argument (gorm.G[User](db).Where("id = ?",
// id).Update(ctx, ...)): one row when the chain finds it by its key.
func typeArgWrite(l *knowledge.Library, w knowledge.ModelWrite) func(*Context, *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil {
			return nil
		}
		info := c.Pass.TypesInfo
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		recv, _ := types.Unalias(info.TypeOf(sel.X)).(*types.Named)
		if recv == nil || recv.TypeArgs().Len() != 1 {
			return nil
		}
		model := recv.TypeArgs().At(0)
		if where := keyWhere(info, call, w.Recv.Pkg, l, model); where != nil {
			return byKey(ormWrite(c, call, l, w, modelName(model)), where)
		}
		return nil
	}
}

// keyWhere returns the KeyWhere call of call's chain of package pkg that
// finds the model's row by its primary key, Where("id = ?", id), alone or
// ANDed with other conditions, when the rest of the chain can only narrow
// it (neutral, model and Where methods that do not widen; a scope or a
// join can change anything). A condition on another column is a set,
// whatever the data holds.
func keyWhere(info *types.Info, call *ast.CallExpr, pkg string, l *knowledge.Library, model types.Type) *ast.CallExpr {
	ch := l.Chain
	if ch == nil || ch.KeyWhere == "" || l.Tags == nil {
		return nil
	}
	st, _ := underStruct(model)
	if st == nil {
		return nil
	}
	col := l.Tags.KeyColumn(st)
	if col == "" {
		return nil
	}
	var found *ast.CallExpr
	for _, cc := range receiverChain(info, call, pkg) {
		name := cc.fn.Name()
		if _, isModel := ch.ModelArgOf(name); isModel || ch.IsNeutral(name) {
			continue
		}
		if !ch.IsWhere(name) || ch.IsWiden(name) {
			return nil
		}
		if found == nil && name == ch.KeyWhere && pinsColumn(info, cc.call, col) {
			found = cc.call
		}
	}
	return found
}

// pinsColumn reports that a condition call's text, a constant with
// positional ? placeholders, is col = ? (possibly qualified or quoted)
// ANDed with any other conditions and holds no OR, and that the value
// bound to col is one value: a slice expands to a list.
func pinsColumn(info *types.Info, where *ast.CallExpr, col string) bool {
	if len(where.Args) < 2 || where.Ellipsis.IsValid() {
		return false
	}
	tv := info.Types[where.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	params, pinned := 0, -1
	for _, conj := range splitAnd(lexSQL(constant.StringVal(tv.Value))) {
		for _, t := range conj {
			switch {
			case t.kind == tWord && t.text == "OR":
				return false
			case t.kind == tParam && t.text != "?":
				return false // named arguments: not worth resolving
			case t.kind == tParam:
				params++
			}
		}
		if pinned < 0 && equalsParam(conj, col) {
			pinned = params - 1
		}
	}
	if pinned < 0 || params != len(where.Args)-1 {
		return false
	}
	t := info.TypeOf(where.Args[1+pinned])
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map, *types.Pointer, *types.Interface:
		return false
	}
	return true // an array is one value (a uuid.UUID)
}

// splitAnd splits a condition's tokens at each AND.
func splitAnd(toks []sqlTok) [][]sqlTok {
	var out [][]sqlTok
	start := 0
	for j, t := range toks {
		if t.kind == tWord && t.text == "AND" {
			out = append(out, toks[start:j])
			start = j + 1
		}
	}
	return append(out, toks[start:])
}

// equalsParam reports that toks is [table.]col = ?.
func equalsParam(toks []sqlTok, col string) bool {
	n := len(toks)
	if n < 3 || toks[n-1].kind != tParam || toks[n-2].kind != tPunct || toks[n-2].text != "=" || toks[n-3].kind != tWord {
		return false
	}
	prefix := toks[:n-3]
	if len(prefix)%2 != 0 {
		return false
	}
	for k, t := range prefix {
		if k%2 == 0 && t.kind != tWord || k%2 == 1 && (t.kind != tPunct || t.text != ".") {
			return false
		}
	}
	return strings.EqualFold(strings.ReplaceAll(toks[n-3].raw, "_", ""), col)
}
