package callee

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/batchlint/batchlint/knowledge"
)

const src = `package p

type I interface{ M() }

type T struct{ f func() }

func (T) M()  {}
func (*T) P() {}

type G[X any] struct{}

func (G[X]) M() {}

func F[X any](X) {}
func H()         {}

func calls(i I, t T, g G[int], fv func()) {
	H()
	F(1)
	F[int](1)
	t.M()
	t.P()
	T.M(t)
	i.M()
	g.M()
	fv()
	t.f()
	m := t.M
	m()
	_ = I(t)
	_ = len("")
}

func values(i I, t T, g G[int], fv func()) {
	_ = H
	_ = F[int]
	_ = t.M
	_ = i.M
	_ = g.M
	_ = T.M
	_ = fv
	_ = t.f
}
`

// want lists, per call of calls in source order, what Func, Static and
// Key return; "" is nil.
var want = []struct {
	fn, static string
	key        knowledge.Func
}{
	{"example.com/app/vendor/example.com/lib.H", "example.com/app/vendor/example.com/lib.H", knowledge.Func{Pkg: "example.com/lib", Name: "H"}},
	{"example.com/app/vendor/example.com/lib.F", "example.com/app/vendor/example.com/lib.F", knowledge.Func{Pkg: "example.com/lib", Name: "F"}},
	{"example.com/app/vendor/example.com/lib.F", "example.com/app/vendor/example.com/lib.F", knowledge.Func{Pkg: "example.com/lib", Name: "F"}},
	{"(example.com/app/vendor/example.com/lib.T).M", "(example.com/app/vendor/example.com/lib.T).M", knowledge.Func{Pkg: "example.com/lib", Recv: "T", Name: "M"}},
	{"(*example.com/app/vendor/example.com/lib.T).P", "(*example.com/app/vendor/example.com/lib.T).P", knowledge.Func{Pkg: "example.com/lib", Recv: "T", Name: "P"}},
	{"(example.com/app/vendor/example.com/lib.T).M", "(example.com/app/vendor/example.com/lib.T).M", knowledge.Func{Pkg: "example.com/lib", Recv: "T", Name: "M"}},
	{"(example.com/app/vendor/example.com/lib.I).M", "", knowledge.Func{Pkg: "example.com/lib", Recv: "I", Name: "M"}},
	{"(example.com/app/vendor/example.com/lib.G[X]).M", "(example.com/app/vendor/example.com/lib.G[X]).M", knowledge.Func{Pkg: "example.com/lib", Recv: "G", Name: "M"}},
	{"", "", knowledge.Func{}}, // fv()
	{"", "", knowledge.Func{}}, // t.f()
	{"", "", knowledge.Func{}}, // m(): a bound method value
	{"", "", knowledge.Func{}}, // I(t): a conversion
	{"", "", knowledge.Func{}}, // len: a builtin
}

// wantValues lists what Value returns for the values assigned in values.
var wantValues = []string{
	"example.com/app/vendor/example.com/lib.H",
	"example.com/app/vendor/example.com/lib.F",
	"(example.com/app/vendor/example.com/lib.T).M",
	"(example.com/app/vendor/example.com/lib.I).M",
	"(example.com/app/vendor/example.com/lib.G[X]).M",
	"", // T.M: a method expression
	"", // fv
	"", // t.f
}

func TestFunc(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Uses:       map[*ast.Ident]types.Object{},
		Defs:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	// The path of a vendored copy, as in GOPATH mode: Key names the
	// library's own path.
	pkg, err := (&types.Config{}).Check("example.com/app/vendor/example.com/lib", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	var calls []*ast.CallExpr
	var vals []ast.Expr
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if fd.Name.Name == "calls" {
					calls = append(calls, n)
				}
			case *ast.AssignStmt:
				if fd.Name.Name == "values" {
					vals = append(vals, n.Rhs[0])
				}
			}
			return true
		})
	}
	if len(calls) != len(want) || len(vals) != len(wantValues) {
		t.Fatalf("%d calls and %d values, want %d and %d", len(calls), len(vals), len(want), len(wantValues))
	}
	name := func(fn *types.Func) string {
		if fn == nil {
			return ""
		}
		if fn.Origin() != fn {
			t.Errorf("%s is an instance, not its origin", fn.FullName())
		}
		if fn.Pkg() != pkg {
			t.Errorf("%s is not of the package", fn.FullName())
		}
		return fn.FullName()
	}
	for i, c := range calls {
		at := fset.Position(c.Pos())
		fn := Func(info, c)
		if got := name(fn); got != want[i].fn {
			t.Errorf("%v: Func = %q, want %q", at, got, want[i].fn)
		}
		if got := name(Static(info, c)); got != want[i].static {
			t.Errorf("%v: Static = %q, want %q", at, got, want[i].static)
		}
		if got := Key(fn); got != want[i].key {
			t.Errorf("%v: Key = %+v, want %+v", at, got, want[i].key)
		}
	}
	for i, v := range vals {
		if got := name(Value(info, v)); got != wantValues[i] {
			t.Errorf("%v: Value = %q, want %q", fset.Position(v.Pos()), got, wantValues[i])
		}
	}
}
