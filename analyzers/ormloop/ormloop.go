package ormloop

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/internal/wholemodule"
	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/loops"
	"github.com/batchlint/batchlint/passes/sinks"
)

// Analyzer reports ORM saves of one object per iteration of a loop.
var Analyzer = &analysis.Analyzer{
	Name:     "ormloop",
	Doc:      docText,
	URL:      analyzerdoc.URL("ormloop"),
	Requires: []*analysis.Analyzer{loops.Analyzer, sinks.Analyzer, directives.Analyzer},
	Run:      run,
}

func init() {
	config.Register(Analyzer)
	wholemodule.Register(Analyzer, sinks.ORM, moduleRender)
}

func run(pass *analysis.Pass) (any, error) {
	writes, _ := pass.ResultOf[sinks.Analyzer].(*sinks.Result)
	lps, _ := pass.ResultOf[loops.Analyzer].(*loops.Result)
	rep := directives.NewReporter(pass)
	if writes != nil && lps != nil {
		for _, w := range writes.Of(sinks.ORM) {
			if w == nil || w.Call == nil {
				continue
			}
			loop := lps.PerIteration(w.Call)
			if loop == nil || loop.Node == nil || writes.Job(w, loop) || w.ByKey && !writes.KeyFromElement(w, loop.Node) {
				continue
			}
			d := diagnostic(pass, w, loop, lps.Launched(w.Call))
			if fix := suggestFix(pass, w, loop); fix != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{*fix}
			}
			rep.Report(d)
		}
	}
	if err := wholemodule.Collect(pass, rep, writes, lps); err != nil {
		return nil, err
	}
	rep.Finish()
	return nil, nil
}

// diagnostic names the write, the loop and the batched form of the same
// ORM that replaces it; launched says that the write runs in a goroutine
// launched once per element.
func diagnostic(pass *analysis.Pass, w *sinks.Write, loop *loops.Loop, launched bool) analysis.Diagnostic {
	over := loop.Over
	if over == "" {
		over = "the loop"
	}
	d := analysis.Diagnostic{
		Pos:      w.Call.Pos(),
		End:      w.Call.End(),
		Category: w.Key(),
		Message:  sentence(w, over, launched),
		URL:      pass.Analyzer.URL,
		Related:  []analysis.RelatedInformation{{Pos: loop.Node.Pos(), End: loop.HeadEnd(), Message: "loop over " + over}},
	}
	if w.Via != nil && w.Via.Pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: w.Via.Pos, Message: writes(w.Via.Func, w.Via.Where)})
	}
	return d
}

// sentence is the message for w run in a loop over over.
func sentence(w *sinks.Write, over string, launched bool) string {
	object := "one object"
	if w.Detail != "" {
		object = "one " + w.Detail
	}
	// The write is described from its kind, not from Via.Inner: an ORM
	// write has no SQL text, and the model's type says more than "INSERT".
	what := fmt.Sprintf("%s %s of %s", w.Lib, opWord(w.Op), object)
	if w.Via != nil {
		what = fmt.Sprintf("%s (%s)", sinks.FuncName(w.Via.Func), what)
	}
	how := "once"
	if launched {
		how = "in a goroutine"
	}
	return fmt.Sprintf("%s runs %s per element of %s%s; use %s", what, how, over, tx(w), w.Batched)
}

// writes is the related message at fn, a function that writes one record
// per call at where.
func writes(fn, where string) string {
	if where != "" {
		where = " at " + filepath.Base(where)
	}
	return fmt.Sprintf("%s writes one record per call%s", sinks.FuncName(fn), where)
}

// moduleRender words the whole-module step's findings as this analyzer's
// own: a call through an interface is named like a wrapper, its write
// taken from the implementations.
var moduleRender = wholemodule.Render{
	Message: func(c wholemodule.Call, f *sinks.WriteFact) (string, string, bool) {
		w := &sinks.Write{Kind: f.Kind, Lib: f.Lib, Op: f.Op, Target: f.Target, InTx: f.InTx, TxUnknown: f.TxUnknown,
			Batched: f.Batched, Detail: f.Detail, Via: &sinks.Via{Func: c.Name}}
		over := c.Over
		if over == "" {
			over = "the loop"
		}
		return sentence(w, over, c.Launched), w.Key(), true
	},
	Writes: func(fn string, f *sinks.WriteFact) string { return writes(fn, f.Where) },
}

func opWord(op string) string {
	switch op {
	case "UPSERT":
		return "upsert"
	case "INSERT":
		return "insert"
	case "UPDATE":
		return "update"
	case "DELETE":
		return "delete"
	}
	return strings.ToLower(op)
}

// tx says whether each row commits on its own, when that is known; what
// either costs is on the analyzer's page.
func tx(w *sinks.Write) string {
	switch {
	case w.TxUnknown:
		return ""
	case w.InTx:
		return ", in a transaction"
	}
	return ", with autocommit"
}
