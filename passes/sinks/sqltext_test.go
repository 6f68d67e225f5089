package sinks

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestSQLText resolves the argument of use(...) in small type-checked
// programs.
func TestSQLText(t *testing.T) {
	for _, tc := range []struct {
		name, decls, body, expr string
		want                    string
		ok                      bool
	}{
		{"const", `const q = "INSERT INTO t VALUES ($1)"`, ``, `q`, "INSERT INTO t VALUES ($1)", true},
		{"typed const", `type SQL string; const q SQL = "DELETE FROM t"`, ``, `string(q)`, "DELETE FROM t", true},
		{"const concat", `const table = "t"`, ``, `"INSERT INTO " + table + " VALUES ($1)"`, "INSERT INTO t VALUES ($1)", true},
		{"package var once", `var q = "UPDATE t SET a = $1"`, ``, `q`, "UPDATE t SET a = $1", true},
		{"package var reassigned", `var q = "UPDATE t SET a = $1"; func init() { q = "SELECT 1" }`, ``, `q`, "", false},
		{"package var address taken", `var q = "UPDATE t"; var p = &q`, ``, `q`, "", false},
		{"local once", ``, `q := "DELETE FROM t WHERE id = $1"`, `q`, "DELETE FROM t WHERE id = $1", true},
		{"local twice", ``, `q := "DELETE FROM t"; q += " WHERE id = $1"`, `q`, "", false},
		{"local from param", ``, `q := param`, `q`, "", false},
		{"param", ``, ``, `param`, "", false},
		{"concat hole", ``, ``, `"INSERT INTO " + param + " (a) VALUES ($1)"`, "INSERT INTO " + hole + " (a) VALUES ($1)", true},
		{"sprintf", ``, ``, `fmt.Sprintf("INSERT INTO %s.%s (a) VALUES ($1)", param, "t")`, "INSERT INTO " + hole + "." + hole + " (a) VALUES ($1)", true},
		{"sprintf unknown format", ``, ``, `fmt.Sprintf(param, 1)`, "", false},
		{"sprint", ``, ``, `fmt.Sprint("DELETE FROM ", param)`, "DELETE FROM " + hole, true},
		{"join literal", ``, ``, `strings.Join([]string{"INSERT INTO t", "VALUES ($1)"}, " ")`, "INSERT INTO t VALUES ($1)", true},
		{"join runtime list", `var ph []string`, ``, `"INSERT INTO t (a) VALUES " + strings.Join(ph, ",")`, "INSERT INTO t (a) VALUES " + hole, true},
		{"range value", ``, `var q string; for _, s := range []string{"DELETE FROM t"} { q = s }`, `q`, "", false},
		{"paren", `const q = "DELETE FROM t"`, ``, `(q)`, "DELETE FROM t", true},
		{"cycle", `var a = b; var b = a`, ``, `a`, "", false},
		{"struct field", `type T struct{ q string }; var t = T{q: "DELETE FROM x WHERE id = $1"}`, ``, `t.q`, "DELETE FROM x WHERE id = $1", true},
		{"struct field positional", `type T struct{ n int; q string }; var t = &T{1, "DELETE FROM x"}`, ``, `t.q`, "DELETE FROM x", true},
		{"struct field two values", `type T struct{ q string }; var t = T{q: "DELETE FROM x"}; func init() { t.q = "SELECT 1" }`, ``, `t.q`, "", false},
		{"struct field never set", `type T struct{ q string }; var t T`, ``, `t.q`, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "package p\nimport (\"fmt\"; \"strings\")\nvar _ = fmt.Sprint\nvar _ = strings.Join\n" + tc.decls +
				"\nfunc use(string) {}\nfunc f(param string) {\n" + tc.body + "\nuse(" + tc.expr + ")\n}\n"
			st, arg := checkUse(t, src)
			got, ok := st.Text(arg)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Text(%s) = %q, %v; want %q, %v", tc.expr, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// checkUse type-checks src and returns the argument of its last use call.
func checkUse(t *testing.T, src string) (*sqlState, ast.Expr) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: importer.Default(), Error: func(error) {}}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, info)
	var arg ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "use" && len(call.Args) == 1 {
				arg = call.Args[0]
			}
		}
		return true
	})
	if arg == nil {
		t.Fatal("no use(...) call")
	}
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info}
	return newSQLState(pass), arg
}
