package loops_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/passes/lazyinspect"
	"github.com/batchlint/batchlint/passes/loops"
)

// genFunc is one generated function with every kind of span the pass
// builds: loops of several intents, a guard, an exit branch, closures.
const genFunc = `
func f%[1]d(users []user, groups [][]user, ch chan user, n int) error {
	var buf []user
	save := func(u user) { write(u) }
	for _, u := range users {
		buf = append(buf, u)
		if len(buf) >= 100 {
			write(buf)
			buf = buf[:0]
		}
		if u.age < 0 {
			write("bad")
			return nil
		}
		save(u)
		func() { write(u) }()
		for attempt := 0; attempt < 3; attempt++ {
			if err := write(u); err == nil {
				break
			}
		}
	}
	for _, g := range groups {
		write(g)
	}
	for start := 0; start < len(users); start += n {
		write(users[start:min(start+n, len(users))])
	}
	for u := range ch {
		switch {
		case u.age > 10:
			write(u)
		default:
			continue
		}
	}
	for _, s := range []string{"a", "b"} {
		write(s)
	}
	return nil
}
`

const genHeader = `package gen

type user struct{ age int }

func write(args ...any) error { return nil }
`

// load parses and type-checks src and returns a pass ready for loops.
func load(tb testing.TB, src string) (*analysis.Pass, []*ast.CallExpr) {
	tb.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "gen.go", src, parser.SkipObjectResolution)
	if err != nil {
		tb.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Error: func(error) {}}
	pkg, _ := conf.Check("gen", fset, []*ast.File{f}, info)
	var writes []*ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "write" {
				writes = append(writes, call)
			}
		}
		return true
	})
	pass := &analysis.Pass{
		Analyzer:  loops.Analyzer,
		Fset:      fset,
		Files:     []*ast.File{f},
		Pkg:       pkg,
		TypesInfo: info,
		ResultOf:  map[*analysis.Analyzer]any{lazyinspect.Analyzer: lazyinspect.New([]*ast.File{f})},
	}
	return pass, writes
}

func generated(funcs int) string {
	var sb strings.Builder
	sb.WriteString(genHeader)
	for i := range funcs {
		fmt.Fprintf(&sb, genFunc, i)
	}
	return sb.String()
}

func runLoops(tb testing.TB, pass *analysis.Pass) *loops.Result {
	tb.Helper()
	res, err := loops.Analyzer.Run(pass)
	if err != nil {
		tb.Fatal(err)
	}
	return res.(*loops.Result)
}

// TestGenerated checks the answers on the generated function, so the
// benchmark measures a pass that is right.
func TestGenerated(t *testing.T) {
	pass, writes := load(t, generated(2))
	res := runLoops(t, pass)
	var got []string
	for _, w := range writes[:len(writes)/2] {
		if l := res.PerIteration(w); l != nil {
			got = append(got, l.Over)
		} else {
			got = append(got, "-")
		}
	}
	want := "users - - users users - - ch -"
	if strings.Join(got, " ") != want {
		t.Errorf("per-iteration loops of the writes:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if len(res.All()) != 2*6 {
		t.Errorf("found %d loops, want %d", len(res.All()), 2*6)
	}
}

// TestDeepNesting: hundreds of nested loops and literals neither overflow
// nor slow the pass down, and the innermost loop still wins.
func TestDeepNesting(t *testing.T) {
	const depth = 300
	var sb strings.Builder
	sb.WriteString(genHeader + "func deep(xs []int) {\n")
	for i := range depth {
		fmt.Fprintf(&sb, "for _, x%d := range xs {\n_ = x%d\nfunc() {\n", i, i)
	}
	sb.WriteString("write()\n")
	for range depth {
		sb.WriteString("}()\n}\n")
	}
	sb.WriteString("}\n")
	pass, writes := load(t, sb.String())
	start := time.Now()
	res := runLoops(t, pass)
	l := res.PerIteration(writes[0])
	if l == nil || l.Body != res.All()[depth-1].Body {
		t.Fatalf("innermost loop not found")
	}
	n := 0
	for p := l; p != nil; p = p.Parent {
		n++
	}
	if n != depth {
		t.Errorf("parent chain has %d loops, want %d", n, depth)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("deep nesting took %v", d)
	}
}

// BenchmarkLoops runs the pass and one PerIteration query per write on
// generated packages of growing size; ns/func stays flat when the pass is
// linear. The inspect sub-benchmarks build the inspector every analyzer
// already pays for on the same source, as a yardstick that is insensitive to
// the machine's load.
func BenchmarkLoops(b *testing.B) {
	for _, funcs := range []int{250, 1000, 4000} {
		pass, writes := load(b, generated(funcs))
		b.Run(fmt.Sprintf("loops/funcs=%d", funcs), func(b *testing.B) {
			for b.Loop() {
				res := runLoops(b, pass)
				for _, w := range writes {
					res.PerIteration(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(funcs), "ns/func")
		})
		b.Run(fmt.Sprintf("inspect/funcs=%d", funcs), func(b *testing.B) {
			for b.Loop() {
				inspector.New(pass.Files)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(funcs), "ns/func")
		})
	}
}
