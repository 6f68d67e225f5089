package loops_test

import (
	"go/ast"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/batchlint/batchlint/passes/loops"
)

// probe reports, for every call of a function named write, the loop
// PerIteration assigns it to (and whether Launched), and for every call of where, the loop
// Enclosing assigns it to and that loop's parent.
var probe = &analysis.Analyzer{
	Name:             "probe",
	Doc:              "reports what the loops pass says about write and where calls",
	Requires:         []*analysis.Analyzer{loops.Analyzer},
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[loops.Analyzer].(*loops.Result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				id, ok := call.Fun.(*ast.Ident)
				if !ok {
					return true
				}
				switch id.Name {
				case "write":
					if l := res.PerIteration(call); l != nil {
						launched := ""
						if res.Launched(call) {
							launched = " in a goroutine"
						}
						pass.Reportf(call.Pos(), "per-iteration%s of %s (%s)", launched, l.Over, l.Intent)
					} else {
						pass.Reportf(call.Pos(), "not per-iteration")
					}
				case "where":
					l := res.Enclosing(call)
					if l == nil {
						pass.Reportf(call.Pos(), "enclosing none")
						break
					}
					parent := "none"
					if l.Parent != nil {
						parent = l.Parent.Over
					}
					pass.Reportf(call.Pos(), "enclosing %s (%s), parent %s", l.Over, l.Intent, parent)
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestLoops(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "./forms", "./intents", "./guards", "./funcs", "./tx", "./pool", "./userrunners")
}

// TestIllTyped runs the pass on a package that does not type-check: it
// must finish without panicking and without crashing its dependents.
func TestIllTyped(t *testing.T) {
	dir, err := filepath.Abs(analysistest.TestData())
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=vendor", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./broken")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 || len(pkgs[0].Errors) == 0 {
		t.Fatalf("want one package with type errors, got %d packages", len(pkgs))
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{probe, loops.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(graph.Roots) != 2 {
		t.Fatalf("got %d root actions, want 2", len(graph.Roots))
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		switch act.Analyzer {
		case loops.Analyzer:
			res, ok := act.Result.(*loops.Result)
			if !ok || res == nil {
				t.Fatalf("loops result missing: %#v", act.Result)
			}
			if len(res.All()) < 7 {
				t.Errorf("found %d loops in the broken package, want at least 7", len(res.All()))
			}
		case probe:
			if len(act.Diagnostics) != 9 {
				t.Errorf("probe reported %d calls on the broken package, want all 9", len(act.Diagnostics))
			}
		}
	}
}

// TestNilSafety: queries on a nil result or with nil nodes answer nil.
func TestNilSafety(t *testing.T) {
	var r *loops.Result
	if r.Enclosing(&ast.CallExpr{}) != nil || r.PerIteration(nil) != nil || r.Launched(nil) {
		t.Error("nil result answered a loop")
	}
	r = &loops.Result{}
	var call *ast.CallExpr
	if r.Enclosing(call) != nil || r.PerIteration(call) != nil || r.Body(nil) != nil {
		t.Error("empty result answered a loop")
	}
}

func TestIntentString(t *testing.T) {
	for i, want := range []string{"per-element", "retry", "bounded", "chunked", "once", "periodic", "unknown"} {
		if got := loops.Intent(i).String(); got != want {
			t.Errorf("Intent(%d) = %q, want %q", i, got, want)
		}
	}
}
