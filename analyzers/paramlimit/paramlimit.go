package paramlimit

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/lazyinspect"
	"github.com/batchlint/batchlint/passes/loops"
	"github.com/batchlint/batchlint/passes/sinks"
)

// Analyzer reports statements whose bind parameters grow with unbounded input.
var Analyzer = &analysis.Analyzer{
	Name:     "paramlimit",
	Doc:      docText,
	URL:      analyzerdoc.URL("paramlimit"),
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer, loops.Analyzer, directives.Analyzer},
	Run:      run,
}

func init() { config.Register(Analyzer) }

// statement is one call that sends the rows of a slice in one statement.
type statement struct {
	call    *ast.CallExpr
	lib     *knowledge.Library
	what    string   // "gorm Create", "pgx Exec"
	rows    ast.Expr // the slice whose elements become rows
	columns int      // bind parameters per element
	bulk    bool     // a bulk call of the registry, not SQL text
}

func run(pass *analysis.Pass) (any, error) {
	in := lazyinspect.Of(pass)
	lps, _ := pass.ResultOf[loops.Analyzer].(*loops.Result)
	rep := directives.NewReporter(pass)
	chunking := batchSizeSet(pass, in)
	u := &unbounded{pass: pass, loops: lps}
	for c := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		st := match(pass, call)
		if st == nil || chunking[st.lib] {
			continue
		}
		ev := u.of(c, st.rows, call)
		if ev == nil {
			continue
		}
		if st.columns == 0 {
			// A spread argument list holds what the loop appended.
			st.columns = ev.perRow
		}
		if st.columns == 0 {
			continue
		}
		rep.Report(diagnostic(pass, st, ev))
	}
	rep.Finish()
	return nil, nil
}

// match returns the statement call makes, or nil: a bulk call of the
// registry, or a call into an SQL library that binds a spread slice of
// arguments (db.Exec(ctx, query, args...)).
func match(pass *analysis.Pass, call *ast.CallExpr) *statement {
	fn := callee.Func(pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if st := bulk(pass, fn, call); st != nil {
		return st
	}
	k := callee.Key(fn)
	if !call.Ellipsis.IsValid() || !knowledge.BindsArgs(k.Pkg, k.Recv, k.Name) {
		return nil
	}
	lib := knowledge.LibraryOf(k.Pkg)
	return &statement{call: call, lib: lib, what: lib.Key + " " + fn.Name(), rows: call.Args[len(call.Args)-1]}
}

// bulk matches the registry's bulk calls; their columns come from the
// row type.
func bulk(pass *analysis.Pass, fn *types.Func, call *ast.CallExpr) *statement {
	k := callee.Key(fn)
	var st *statement
	knowledge.BulkCalls(func(l *knowledge.Library, b knowledge.BulkCall) bool {
		if b.Name != k.Name || !b.Generated && (b.Pkg != k.Pkg || b.Recv != k.Recv) {
			return true
		}
		var rows ast.Expr
		var row types.Type
		switch {
		case b.Arg < 0 && call.Ellipsis.IsValid() && len(call.Args) == 1:
			rows = call.Args[0]
		case b.Arg >= 0 && b.Arg < len(call.Args) && !call.Ellipsis.IsValid():
			rows = call.Args[b.Arg]
		default:
			return true
		}
		if b.Generated {
			row = generatedRow(fn, b)
		} else {
			row = elem(pass.TypesInfo.TypeOf(rows))
		}
		if n := columns(row); n > 0 {
			st = &statement{call: call, lib: l, what: l.Key + " " + fn.Name(), rows: rows, columns: n, bulk: true}
		}
		return false
	})
	return st
}

// generatedRow is the entity a generated bulk call (ent's CreateBulk,
// MapCreateBulk) saves per row: from the builder its parameters take.
func generatedRow(fn *types.Func, b knowledge.BulkCall) types.Type {
	sig := fn.Type().(*types.Signature)
	ps := sig.Params()
	if ps.Len() == 0 {
		return nil
	}
	var builder types.Type
	if b.Arg < 0 {
		s, _ := ps.At(ps.Len() - 1).Type().(*types.Slice)
		if s == nil {
			return nil
		}
		builder = s.Elem()
	} else if set, ok := ps.At(ps.Len() - 1).Type().(*types.Signature); ok && set.Params().Len() > 0 {
		builder = set.Params().At(0).Type()
	}
	return sinks.EntEntity(builder)
}

// batchSizeSet returns the libraries whose batch-size setting the package
// assigns anywhere (a gorm.Config or gorm.Session with CreateBatchSize):
// their bulk calls here may chunk, so they are left alone.
func batchSizeSet(pass *analysis.Pass, in *inspector.Inspector) map[*knowledge.Library]bool {
	set := map[*knowledge.Library]bool{}
	for c := range in.Root().Preorder((*ast.KeyValueExpr)(nil)) {
		kv := c.Node().(*ast.KeyValueExpr)
		key, _ := kv.Key.(*ast.Ident)
		lit, _ := c.Parent().Node().(*ast.CompositeLit)
		if key == nil || lit == nil {
			continue
		}
		n, _ := types.Unalias(deref(pass.TypesInfo.TypeOf(lit))).(*types.Named)
		if n == nil || n.Obj().Pkg() == nil {
			continue
		}
		path := callee.TrimVendor(n.Obj().Pkg().Path())
		l := knowledge.LibraryOf(path)
		if l == nil || l.Params == nil {
			continue
		}
		for _, f := range l.Params.BatchSize {
			if f.Type.Pkg == path && f.Type.Name == n.Obj().Name() && f.Name == key.Name {
				set[l] = true
			}
		}
	}
	return set
}

func diagnostic(pass *analysis.Pass, st *statement, ev *evidence) analysis.Diagnostic {
	rows := knowledge.MaxParams / st.columns
	unit := "element"
	if st.bulk {
		unit = "row"
	}
	params := "parameters"
	if st.columns == 1 {
		params = "parameter"
	}
	of := " of " + ev.name
	if len(ev.name) > 24 {
		of = ""
	}
	msg := fmt.Sprintf("%s binds %d %s per %s%s: past %d %ss it exceeds the %d-parameter limit; %s",
		st.what, st.columns, params, unit, of, rows, unit, knowledge.MaxParams, fix(st))
	return analysis.Diagnostic{
		Pos:      st.call.Pos(),
		End:      st.call.End(),
		Category: st.lib.Key,
		Message:  msg,
		URL:      pass.Analyzer.URL,
		Related:  []analysis.RelatedInformation{{Pos: ev.pos, End: ev.end, Message: ev.why}},
	}
}

// fix is the chunked form: the library's for its bulk calls and its raw
// statements, database/sql's for an ORM's raw statements and for a library
// with none of its own.
func fix(st *statement) string {
	p := st.lib.Params
	if p.Chunked == "" || !st.bulk && p.Bulk != nil {
		return knowledge.Default.Params.Chunked
	}
	return p.Chunked
}

func deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// elem is the element type of a slice or a pointer to one; an array's
// length is bounded by its type, so it is no rows argument.
func elem(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if s, ok := deref(t).Underlying().(*types.Slice); ok {
		return s.Elem()
	}
	return nil
}
