package values

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

const indexSrc = `package p

type S struct{ A, B int }

func (s *S) Bump() { s.A++ }

func two() (int, int) { return 1, 2 }

func f(param int) (named int) {
	x := 1
	var zero int
	zero++
	a, b := two()
	var c, d = two()
	p := &x
	for k, v := range []int{a, b} {
		_, _ = k, v
	}
	s := S{A: 1}
	t := S{2, 3}
	s.B = 4
	s.A += 5
	u := &s.B
	t.Bump()
	x = 6
	_, _, _, _, _ = c, d, p, u, zero
	return
}
`

func TestIndex(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", indexSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Uses:       map[*ast.Ident]types.Object{},
		Defs:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	x := NewIndex(info, []*ast.File{f})
	fn := pkg.Scope().Lookup("f").(*types.Func)
	local := func(name string) *types.Var {
		for id, obj := range info.Defs {
			if v, ok := obj.(*types.Var); ok && id.Name == name && fn.Scope().Contains(id.Pos()) {
				return v
			}
		}
		t.Fatalf("no variable %s", name)
		return nil
	}
	describe := func(ws []Write) string {
		var parts []string
		for _, w := range ws {
			s := [...]string{"assigned", "zero", "param", "changed"}[w.Kind]
			if w.Kind == Assigned {
				s += " " + types.ExprString(w.Expr)
				if w.Idx >= 0 {
					s += "#" + string(rune('0'+w.Idx))
				}
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ", ")
	}
	for name, want := range map[string]string{
		"param": "param",
		"named": "param",
		"x":     "assigned 1, changed, assigned 6",
		"zero":  "zero, changed",
		"a":     "assigned two()#0",
		"d":     "assigned two()#1",
		"k":     "changed",
		"p":     "assigned &x",
		"s":     "assigned S{…}",
	} {
		if got := describe(x.Of(local(name))); got != want {
			t.Errorf("writes of %s: %s, want %s", name, got, want)
		}
	}
	st := pkg.Scope().Lookup("S").Type().Underlying().(*types.Struct)
	for field, want := range map[*types.Var]string{
		st.Field(0): "changed, assigned 1, assigned 2, changed",
		st.Field(1): "assigned 3, assigned 4, changed",
	} {
		if got := describe(x.OfField(field)); got != want {
			t.Errorf("writes of S.%s: %s, want %s", field.Name(), got, want)
		}
	}
	if n := len(x.MethodCalls(local("t"))); n != 1 {
		t.Errorf("%d method calls on t, want 1", n)
	}
}
