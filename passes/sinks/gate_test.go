package sinks

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// The walk over a package's calls is skipped where mayMatchAny says no call
// can match: it must say yes wherever a call of a table's function, a
// request or a program's interface method named like a table's can be.
func TestMayMatchAny(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{`import "strings"; func f() string { return strings.ToUpper("x") }`, false},
		{`import "io"; func f(w io.Writer) { w.Write(nil) }`, false},
		{`import "database/sql"; func f(db *sql.DB) { db.Exec("DELETE FROM t") }`, true},
		{`import "net/http"; func f() { http.Get("http://x") }`, true},
		{`import "database/sql"; type execer interface{ Exec(string, ...any) (sql.Result, error) }; func f(e execer) { e.Exec("x") }`, true},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", "package p; "+c.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
		conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
		if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
			t.Fatal(err)
		}
		if got := indexRules().mayMatchAny(info); got != c.want {
			t.Errorf("mayMatchAny(%s) = %v, want %v", c.src, got, c.want)
		}
	}
}
