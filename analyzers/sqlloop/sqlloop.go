package sqlloop

import (
	"fmt"
	"go/ast"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/internal/wholemodule"
	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/lazyinspect"
	"github.com/batchlint/batchlint/passes/loops"
	"github.com/batchlint/batchlint/passes/sinks"
)

var url = analyzerdoc.URL("sqlloop")

// Analyzer reports SQL statements that write one row per loop iteration.
var Analyzer = &analysis.Analyzer{
	Name:     "sqlloop",
	Doc:      docText,
	URL:      url,
	Requires: []*analysis.Analyzer{lazyinspect.Analyzer, sinks.Analyzer, loops.Analyzer, directives.Analyzer},
	Run:      run,
}

func init() {
	config.Register(Analyzer, config.UnknownSQL, config.Writers)
	wholemodule.Register(Analyzer, sinks.SQL, moduleRender)
}

func run(pass *analysis.Pass) (any, error) {
	writes, _ := pass.ResultOf[sinks.Analyzer].(*sinks.Result)
	lr, _ := pass.ResultOf[loops.Analyzer].(*loops.Result)
	rep := directives.NewReporter(pass)
	opts := config.For(pass)
	if writes != nil && lr != nil {
		for _, w := range writes.Of(sinks.SQL) {
			l := lr.PerIteration(w.Call)
			if l == nil || writes.TargetVaries(w, l.Node) || !writes.DataVaries(w, l.Node) || writes.SQLiteInTx(w, l) || writes.Job(w, l) {
				continue
			}
			// Unknown text: by default only an Exec that binds the
			// element's values, which DDL cannot do.
			if w.Op == "" && !opts.UnknownSQL && !writes.BindsElement(w, l.Node) {
				continue
			}
			rep.Report(diagnostic(pass, w, l, lr.Launched(w.Call)))
		}
	}
	if len(opts.Writers) > 0 && lr != nil {
		reportConfigured(pass, lr, writes, rep, opts.Writers)
	}
	if err := wholemodule.Collect(pass, rep, writes, lr); err != nil {
		return nil, err
	}
	rep.Finish()
	return nil, nil
}

// reportConfigured reports calls of the functions named by -writers made
// once per element of a loop, unless the tables already saw the write.
func reportConfigured(pass *analysis.Pass, lr *loops.Result, writes *sinks.Result, rep *directives.Reporter, writers []string) {
	in := lazyinspect.Of(pass)
	in.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		fn := callee.Func(pass.TypesInfo, call)
		if fn == nil || !slices.Contains(writers, fn.FullName()) || (writes != nil && writes.At(call) != nil) {
			return
		}
		l := lr.PerIteration(call)
		if l == nil {
			return
		}
		rep.Report(diagnostic(pass, &sinks.Write{
			Call:      call,
			Kind:      sinks.SQL,
			Op:        "write",
			TxUnknown: true,
			Batched:   knowledge.WriterBatched,
			Via:       &sinks.Via{Func: fn.FullName()},
		}, l, lr.Launched(call)))
	})
}

// diagnostic reports w in l; launched says that w runs in a goroutine
// launched once per element.
func diagnostic(pass *analysis.Pass, w *sinks.Write, l *loops.Loop, launched bool) analysis.Diagnostic {
	what := sinks.OpPhrase(w.Op, w.Target)
	switch fn := callee.Func(pass.TypesInfo, w.Call); {
	case w.Via != nil:
		what = fmt.Sprintf("%s (%s)", sinks.FuncName(w.Via.Func), what)
	case w.Op == "" && fn != nil:
		what = fn.Name() + " of " + what + ","
	}
	d := analysis.Diagnostic{
		Pos:      w.Call.Pos(),
		End:      w.Call.End(),
		Category: w.Key(),
		URL:      url,
		Message:  sentence(what, l.Over, launched, w),
	}
	if l.Node != nil {
		loopMsg := "loop over " + l.Over
		if l.Over == "" {
			loopMsg = "the loop"
		}
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: l.Node.Pos(), End: l.HeadEnd(), Message: loopMsg})
	}
	if w.Via != nil && w.Via.Pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos:     w.Via.Pos,
			Message: fmt.Sprintf("%s writes one row per call: %s at %s", sinks.FuncName(w.Via.Func), w.Via.Inner, w.Via.Where),
		})
	}
	return d
}

// sentence is the message for w, described as what, run in a loop over
// over.
func sentence(what, over string, launched bool, w *sinks.Write) string {
	how := "once per iteration of the loop"
	if over != "" {
		how = "once per element of " + over
	}
	if launched {
		how = strings.Replace(how, "once per", "in a goroutine per", 1)
	}
	if w.Detail != "" {
		how += " (" + w.Detail + ")"
	}
	return fmt.Sprintf("%s executed %s%s; use %s", what, how, tx(w), w.Batched)
}

// moduleRender words the whole-module step's findings as this analyzer's
// own: a call through an interface is named like a wrapper, its write
// taken from the implementations. A write whose text is unknown is left
// out, as is a SQLite write whose transaction is unknown (see run).
var moduleRender = wholemodule.Render{
	Message: func(c wholemodule.Call, f *sinks.WriteFact) (string, string, bool) {
		if f.Op == "" || f.Dialect == knowledge.SQLite && f.TxUnknown {
			return "", "", false
		}
		w := &sinks.Write{Kind: f.Kind, Lib: f.Lib, Op: f.Op, Target: f.Target, InTx: f.InTx, TxUnknown: f.TxUnknown,
			Batched: f.Batched, Detail: f.Detail, Via: &sinks.Via{Func: c.Name}}
		return sentence(fmt.Sprintf("%s (%s)", c.Name, sinks.OpPhrase(f.Op, f.Target)), c.Over, c.Launched, w), w.Key(), true
	},
	Writes: func(fn string, f *sinks.WriteFact) string {
		return fmt.Sprintf("%s writes one row per call: %s at %s", sinks.FuncName(fn), f.Inner, f.Where)
	},
}

// tx says whether each row commits on its own, when that is known; what
// either costs is on the analyzer's page.
func tx(w *sinks.Write) string {
	switch {
	case w.Op == "" || w.TxUnknown:
		return ""
	case w.InTx:
		return ", in a transaction"
	}
	return ", with autocommit"
}
