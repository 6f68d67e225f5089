package sinks

import (
	"go/ast"
	"go/types"
	"slices"
	"sync"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// ent's client is generated into the user's module, so its builders are
// recognised by structure, never by name: a builder is a struct with a
// field *M where M has the method Op() returning ent's Op type (every
// generated mutation does). Its Save result says how many rows it writes: a pointer to
// the entity (Create, UpdateOne) is one row, an int (Update) is a set,
// unless its Where holds the ID predicate (see entKeyWrite). The
// DeleteOne builder wraps the Delete builder (whose Exec returns the count)
// and returns only an error. Bulk builders hold a slice of builders, no
// mutation, and so never match.

// entOp classifies the builder behind a Save/SaveX/Exec/ExecX method: the op
// of a one-row write, the entity type name when known, or "" when the
// method is no one-row ent write.
func entOp(fn *types.Func) (op, entity string) {
	builder := entBuilder(fn)
	if builder == nil {
		return "", ""
	}
	if entHasMutation(builder) {
		save := entMethod(builder, "Save")
		if save == nil || save.Results().Len() != 2 {
			return "", ""
		}
		ent := save.Results().At(0).Type()
		p, ok := ent.(*types.Pointer)
		if !ok {
			return "", "" // Update: Save returns the number of rows
		}
		if _, ok := p.Elem().Underlying().(*types.Struct); !ok {
			return "", ""
		}
		if entMethod(builder, "Where") != nil {
			return "UPDATE", modelName(ent)
		}
		return "INSERT", modelName(ent)
	}
	// DeleteOne: a struct whose field points at a Delete builder, and whose
	// own Exec reports only an error.
	st, _ := builder.Underlying().(*types.Struct)
	if st == nil {
		return "", ""
	}
	exec := entMethod(builder, "Exec")
	if exec == nil || exec.Results().Len() != 1 {
		return "", ""
	}
	for i := 0; i < st.NumFields(); i++ {
		p, ok := st.Field(i).Type().(*types.Pointer)
		if !ok {
			continue
		}
		inner, _ := types.Unalias(p.Elem()).(*types.Named)
		if inner == nil || !entHasMutation(inner) || entMethod(inner, "Save") != nil {
			continue
		}
		if ie := entMethod(inner, "Exec"); ie != nil && ie.Results().Len() == 2 && isInt(ie.Results().At(0).Type()) {
			return "DELETE", entEntity(inner)
		}
	}
	return "", ""
}

// entBuilder is the named type whose pointer receives fn when fn is a
// Save, SaveX, Exec or ExecX method, else nil.
func entBuilder(fn *types.Func) *types.Named {
	if fn == nil {
		return nil
	}
	switch fn.Name() {
	case "Save", "SaveX", "Exec", "ExecX":
	default:
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	ptr, _ := sig.Recv().Type().(*types.Pointer)
	if ptr == nil {
		return nil
	}
	builder, _ := types.Unalias(ptr.Elem()).(*types.Named)
	return builder
}

// entEntity names the entity a builder's mutation loads old values of: the
// generated mutation keeps a field func(context.Context) (*T, error).
func entEntity(builder *types.Named) string {
	st, _ := builder.Underlying().(*types.Struct)
	if st == nil {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		p, ok := st.Field(i).Type().(*types.Pointer)
		if !ok {
			continue
		}
		m, _ := p.Elem().Underlying().(*types.Struct)
		if m == nil {
			continue
		}
		for j := 0; j < m.NumFields(); j++ {
			sig, ok := m.Field(j).Type().Underlying().(*types.Signature)
			if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
				continue
			}
			if ent, ok := sig.Results().At(0).Type().(*types.Pointer); ok {
				if _, isStruct := ent.Elem().Underlying().(*types.Struct); isStruct {
					return modelName(ent)
				}
			}
		}
	}
	return ""
}

// isEntOneRowSave is the ent rule's structural callee test.
func isEntOneRowSave(fn *types.Func) bool {
	op, _ := entOp(fn)
	return op != ""
}

// mutationOps are the types generated mutations' Op() return, by the
// registry's GeneratedBuilder rows.
var mutationOps = sync.OnceValue(func() map[knowledge.TypeName]bool {
	ops := map[knowledge.TypeName]bool{}
	for _, w := range knowledge.ModelWrites {
		if w.Shape == knowledge.GeneratedBuilder {
			ops[w.Recv] = true
		}
	}
	return ops
})

// entHasMutation reports whether a builder struct holds a generated
// mutation.
func entHasMutation(builder *types.Named) bool {
	st, _ := builder.Underlying().(*types.Struct)
	if st == nil {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		p, ok := st.Field(i).Type().(*types.Pointer)
		if !ok {
			continue
		}
		m, _ := types.Unalias(p.Elem()).(*types.Named)
		if m == nil {
			continue
		}
		op := entMethod(m, "Op")
		if op == nil || op.Params().Len() != 0 || op.Results().Len() != 1 {
			continue
		}
		if n, ok := types.Unalias(op.Results().At(0).Type()).(*types.Named); ok &&
			n.Obj() != nil && n.Obj().Pkg() != nil && mutationOps()[knowledge.TypeName{Pkg: n.Obj().Pkg().Path(), Name: n.Obj().Name()}] {
			return true
		}
	}
	return false
}

// entMethod returns the signature of the method name of *T, or nil.
func entMethod(t *types.Named, name string) *types.Signature {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, t.Obj().Pkg(), name)
	fn, _ := obj.(*types.Func)
	if fn == nil {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig
}

func isInt(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// entWrite is the Match of library l's generated builders. Calls inside
// generated files are the library's own plumbing (SaveX calls Save, Exec
// calls Save): they are never a user's write, and must not turn the
// generated methods into wrappers.
func entWrite(l *knowledge.Library) func(*Context, *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil || inGeneratedFile(c, call) {
			return nil
		}
		fn := callee.Func(c.Pass.TypesInfo, call)
		op, entity := entOp(fn)
		if op == "" {
			return nil
		}
		return ormWrite(c, call, l, knowledge.ModelWrite{Op: op}, entity)
	}
}

func inGeneratedFile(c *Context, n ast.Node) bool {
	for _, f := range c.Pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() < f.FileEnd {
			return ast.IsGenerated(f)
		}
	}
	return false
}

// EntEntity returns the entity struct that a generated ent create builder
// (*UserCreate) saves, or nil when t is no such builder: paramlimit counts
// a bulk create's columns from it.
func EntEntity(t types.Type) types.Type {
	ptr, _ := t.(*types.Pointer)
	if ptr == nil {
		return nil
	}
	builder, _ := types.Unalias(ptr.Elem()).(*types.Named)
	if builder == nil || !entHasMutation(builder) {
		return nil
	}
	save := entMethod(builder, "Save")
	if save == nil || save.Results().Len() != 2 {
		return nil
	}
	p, _ := save.Results().At(0).Type().(*types.Pointer)
	if p == nil {
		return nil
	}
	if _, ok := p.Elem().Underlying().(*types.Struct); !ok {
		return nil
	}
	return p.Elem()
}

// entSetOp classifies the Save/SaveX/Exec/ExecX of a generated builder that
// writes a set of rows: Update (its Save returns the count) and Delete (its
// Exec returns the count, and it has no Save).
func entSetOp(fn *types.Func) (op string, builder *types.Named) {
	builder = entBuilder(fn)
	if builder == nil || !entHasMutation(builder) {
		return "", nil
	}
	if save := entMethod(builder, "Save"); save != nil {
		if save.Results().Len() == 2 && isInt(save.Results().At(0).Type()) {
			return "UPDATE", builder
		}
		return "", nil
	}
	if exec := entMethod(builder, "Exec"); exec != nil && exec.Results().Len() == 2 && isInt(exec.Results().At(0).Type()) {
		return "DELETE", builder
	}
	return "", nil
}

func isEntSetWrite(fn *types.Func) bool {
	op, _ := entSetOp(fn)
	return op != ""
}

// entKeyWrite matches a generated Update or Delete builder whose Where
// holds one of w.KeyPredicates, the predicates generated for equality on
// the entity's ID (user.ID(id) in the entity's package, ANDed with the
// other predicates): it writes the one row with that key. The builder may
// be built in a variable given one value (q :=
// client.User.Update().Where(user.ID(id))).
func entKeyWrite(l *knowledge.Library, w knowledge.ModelWrite) func(*Context, *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil || inGeneratedFile(c, call) {
			return nil
		}
		st := c.sqlState()
		fn := callee.Func(st.info, call)
		op, builder := entSetOp(fn)
		if op == "" {
			return nil
		}
		pkg := builder.Obj().Pkg()
		cur := call
		for range 64 {
			sel, ok := ast.Unparen(cur.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			x := ast.Unparen(sel.X)
			if id, ok := x.(*ast.Ident); ok {
				v, _ := st.info.Uses[id].(*types.Var)
				src, ok := st.singleValue(v)
				if !ok || src.idx >= 0 {
					return nil
				}
				x = ast.Unparen(src.expr)
			}
			next, ok := x.(*ast.CallExpr)
			if !ok {
				return nil
			}
			m := callee.Func(st.info, next)
			if m == nil || m.Pkg() != pkg {
				return nil
			}
			if pred := entKeyPredicate(st.info, next, m, w.KeyPredicates); pred != nil {
				return byKey(ormWrite(c, call, l, knowledge.ModelWrite{Op: op}, entEntity(builder)), pred)
			}
			cur = next
		}
		return nil
	}
}

// entKeyPredicate returns the argument of a builder's Where call that is
// one of the key predicates applied to one value.
func entKeyPredicate(info *types.Info, where *ast.CallExpr, m *types.Func, keys []string) *ast.CallExpr {
	sig, _ := m.Type().(*types.Signature)
	if m.Name() != "Where" || sig == nil || !sig.Variadic() || sig.Params().Len() != 1 || where.Ellipsis.IsValid() {
		return nil
	}
	elem := sig.Params().At(0).Type().(*types.Slice).Elem()
	for _, a := range where.Args {
		p, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok || len(p.Args) != 1 {
			continue
		}
		f := callee.Func(info, p)
		if f == nil || !slices.Contains(keys, f.Name()) {
			continue
		}
		// The predicate's one parameter has the ID's type: one value (a
		// uuid.UUID is an array); IDIn is variadic.
		fs, _ := f.Type().(*types.Signature)
		if fs == nil || fs.Recv() != nil || fs.Variadic() || fs.Params().Len() != 1 || fs.Results().Len() != 1 ||
			!types.Identical(fs.Results().At(0).Type(), elem) {
			continue
		}
		return p
	}
	return nil
}
