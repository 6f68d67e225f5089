package sinks

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestORMRulesWithoutTypes feeds every ORM rule calls whose type
// information is missing, as in ill-typed code: each must say "no write",
// never panic.
func TestORMRulesWithoutTypes(t *testing.T) {
	exprs := []string{
		`db.Create(&u)`,
		`db.Model(&u).Where("x").Updates(v)`,
		`db.Model(&User{ID: 1}).Update("a", 1)`,
		`db.Delete(&User{}, 1)`,
		`db.NewInsert().Model(&u).Exec(ctx)`,
		`db.NewUpdate().Model(&u).WherePK().Exec(ctx)`,
		`db.Model(&u).WherePK().Update()`,
		`db.ModelContext(ctx, &u).Insert()`,
		`client.User.Create().SetName(n).Save(ctx)`,
		`f()()`,
		`(x).y()`,
	}
	// The maps exist, as in every pass, but hold nothing for these calls.
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pass := &analysis.Pass{Fset: token.NewFileSet(), TypesInfo: info}
	contexts := []*Context{nil, {}, {Pass: pass}}
	for _, src := range exprs {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		call, ok := e.(*ast.CallExpr)
		if !ok {
			t.Fatalf("%s is no call", src)
		}
		for _, r := range modelWriteRules() {
			for _, c := range contexts {
				if w := r.Match(c, call); w != nil {
					t.Errorf("%s %s.%s matched %q without types", src, r.Type, r.Name, src)
				}
			}
		}
	}
}

// TestORMRawSQLRulesWithoutTypes: the ORMs' raw SQL rules, fed calls whose
// type information is missing, never panic, and never resolve a statement:
// at most an Exec of unknown text, which sqlloop reports only with
// -unknown-sql (as for database/sql).
func TestORMRawSQLRulesWithoutTypes(t *testing.T) {
	exprs := []string{
		`db.Exec("UPDATE users SET a = ? WHERE id = ?", a, id)`,
		`db.Raw("UPDATE users SET a = ? WHERE id = ? RETURNING a", a, id).Scan(&x)`,
		`db.NewRaw("DELETE FROM users WHERE id = ?", id).Exec(ctx)`,
		`db.ExecContext(ctx, "DELETE FROM users WHERE id = ?", id)`,
		`db.QueryOne(&u, "INSERT INTO users (name) VALUES (?) RETURNING id", name)`,
		`tx.ExecOneContext(ctx, "UPDATE users SET a = ? WHERE id = ?", a, id)`,
		`db.Exec()`,
		`f()()`,
		`(x).y()`,
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pass := &analysis.Pass{Fset: token.NewFileSet(), TypesInfo: info}
	for _, src := range exprs {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		call := e.(*ast.CallExpr)
		for _, r := range ormRawSQLRules() {
			for _, c := range []*Context{nil, {}, {Pass: pass}} {
				if w := r.Match(c, call); w != nil && w.Op != "" {
					t.Errorf("%s %s.%s resolved %s without types", src, r.Type, r.Name, w.Op)
				}
			}
		}
	}
}

// TestEntCalleeOnOddFuncs: the structural ent test sees every callee of
// every package; functions without receivers, with non-struct receivers or
// with unnamed types are none of ent's builders.
func TestEntCalleeOnOddFuncs(t *testing.T) {
	pkg := types.NewPackage("example.com/p", "p")
	ctx := types.NewVar(token.NoPos, pkg, "ctx", types.Universe.Lookup("any").Type())
	errT := types.Universe.Lookup("error").Type()
	results := types.NewTuple(types.NewVar(token.NoPos, pkg, "", errT))
	params := types.NewTuple(ctx)

	plain := types.NewFunc(token.NoPos, pkg, "Exec", types.NewSignatureType(nil, nil, nil, params, results, false))

	named := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Counter", nil), types.Typ[types.Int], nil)
	recv := types.NewVar(token.NoPos, pkg, "c", types.NewPointer(named))
	onInt := types.NewFunc(token.NoPos, pkg, "Save", types.NewSignatureType(recv, nil, nil, params, results, false))

	st := types.NewStruct([]*types.Var{types.NewField(token.NoPos, pkg, "n", types.Typ[types.Int], false)}, nil)
	builder := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Builder", nil), st, nil)
	brecv := types.NewVar(token.NoPos, pkg, "b", types.NewPointer(builder))
	noMutation := types.NewFunc(token.NoPos, pkg, "Save", types.NewSignatureType(brecv, nil, nil, params, results, false))

	for _, fn := range []*types.Func{nil, plain, onInt, noMutation} {
		if isEntOneRowSave(fn) {
			t.Errorf("%v taken for an ent builder method", fn)
		}
	}
}
