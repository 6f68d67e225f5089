package sinks_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/batchlint/batchlint/passes/sinks"
)

// TestIsMethodVendored: a library loaded from a vendor directory (GOPATH
// builds and some drivers name it ".../vendor/" + its import path) is the
// library, on either side of the comparison.
func TestIsMethodVendored(t *testing.T) {
	const kgo = "github.com/twmb/franz-go/pkg/kgo"
	fset := token.NewFileSet()
	check := func(path, src string, imp types.Importer) (*types.Package, *ast.File, *types.Info) {
		t.Helper()
		f, err := parser.ParseFile(fset, path+"/x.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
		pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		return pkg, f, info
	}
	lib, _, _ := check("app/vendor/"+kgo, `package kgo
type Client struct{}
func (*Client) Flush() {}
func (*Client) Close() {}
`, nil)
	_, file, info := check("app", `package app
import "`+kgo+`"
func f(cl *kgo.Client) {
	cl.Flush()
	cl.Close()
}
`, importerFunc(func(string) (*types.Package, error) { return lib, nil }))
	var calls []*ast.CallExpr
	ast.Inspect(file, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			calls = append(calls, c)
		}
		return true
	})
	if len(calls) != 2 {
		t.Fatalf("%d calls, want 2", len(calls))
	}
	flush, closing := calls[0], calls[1]
	for _, c := range []struct {
		call  *ast.CallExpr
		pkg   string
		typ   string
		names []string
		want  bool
	}{
		{flush, kgo, "Client", []string{"Flush"}, true},
		{flush, "app/vendor/" + kgo, "Client", []string{"Flush"}, true},
		{flush, kgo, "Client", []string{"Close", "Flush"}, true},
		{closing, kgo, "Client", []string{"Flush"}, false},
		{flush, kgo, "Producer", []string{"Flush"}, false},
		{flush, "github.com/twmb/franz-go/pkg/kmsg", "Client", []string{"Flush"}, false},
	} {
		if got := sinks.IsMethod(info, c.call, c.pkg, c.typ, c.names...); got != c.want {
			t.Errorf("IsMethod(%s, %s.%s, %v) = %v, want %v", types.ExprString(c.call), c.pkg, c.typ, c.names, got, c.want)
		}
	}
	if sinks.IsMethod(nil, flush, kgo, "Client", "Flush") {
		t.Error("IsMethod without type information matched")
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
