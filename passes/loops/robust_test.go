package loops_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/passes/lazyinspect"
	"github.com/batchlint/batchlint/passes/loops"
)

// TestMutilated deletes lines of the testdata sources one at a time and
// runs the pass on what is left, without imports: syntax errors, missing
// declarations and invalid types everywhere. Every query on every node
// must answer without panicking.
func TestMutilated(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata sources: %v", err)
	}
	runs := 0
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		step := 1
		if testing.Short() {
			step = 7
		}
		for i := 0; i < len(lines); i += step {
			mutated := strings.Join(append(append([]string{}, lines[:i]...), lines[i+1:]...), "\n")
			queryAll(t, mutated)
			runs++
		}
	}
	t.Logf("%d mutilated packages analyzed", runs)
}

func queryAll(t *testing.T, src string) {
	t.Helper()
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "m.go", src, parser.AllErrors|parser.SkipObjectResolution)
	if f == nil {
		return
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Error: func(error) {}, Importer: nil}
	pkg, _ := conf.Check("m", fset, []*ast.File{f}, info)
	pass := &analysis.Pass{
		Analyzer:  loops.Analyzer,
		Fset:      fset,
		Files:     []*ast.File{f},
		Pkg:       pkg,
		TypesInfo: info,
		ResultOf:  map[*analysis.Analyzer]any{lazyinspect.Analyzer: lazyinspect.New([]*ast.File{f})},
	}
	out, err := loops.Analyzer.Run(pass)
	if err != nil {
		t.Fatal(err)
	}
	res := out.(*loops.Result)
	ast.Inspect(f, func(n ast.Node) bool {
		if n != nil {
			res.Enclosing(n)
			res.PerIteration(n)
		}
		return true
	})
}
