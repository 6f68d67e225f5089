package produceloop

import (
	"fmt"
	"go/ast"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/loops"
	"github.com/batchlint/batchlint/passes/producers"
	"github.com/batchlint/batchlint/passes/sinks"
)

// Analyzer is the produceloop analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "produceloop",
	Doc:      docText,
	URL:      analyzerdoc.URL("produceloop"),
	Requires: []*analysis.Analyzer{sinks.Analyzer, loops.Analyzer, producers.Analyzer, directives.Analyzer},
	Run:      run,
}

const asyncTrue = 1

func init() { config.Register(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	writes, _ := pass.ResultOf[sinks.Analyzer].(*sinks.Result)
	lps, _ := pass.ResultOf[loops.Analyzer].(*loops.Result)
	prods, _ := pass.ResultOf[producers.Analyzer].(*producers.Result)
	rep := directives.NewReporter(pass)
	defer rep.Finish()
	if writes == nil || lps == nil {
		return nil, nil
	}
	taken := names{}
	for _, w := range writes.Of(sinks.Produce) {
		if w == nil || w.Call == nil {
			continue
		}
		loop := lps.PerIteration(w.Call)
		if loop == nil || loop.Node == nil || lps.Launched(w.Call) {
			// Produces in goroutines launched per element overlap: the
			// producer batches the records that arrive while a request
			// is in flight, so nobody waits once per record in turn.
			continue
		}
		d, ok := diagnose(pass, prods, w, loop)
		if !ok {
			continue
		}
		if fix := suggestFix(pass, w, loop, taken); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
		rep.Report(d)
	}
	return nil, nil
}

// diagnose builds the finding for w in loop, or reports false when the write
// does not wait per record after all (an Async segmentio writer, or one whose
// configuration cannot be resolved).
func diagnose(pass *analysis.Pass, prods *producers.Result, w *sinks.Write, loop *loops.Loop) (analysis.Diagnostic, bool) {
	over := "the loop"
	if loop.Over != "" {
		over = loop.Over
	}
	d := analysis.Diagnostic{
		Pos:      w.Call.Pos(),
		End:      w.Call.End(),
		Category: w.Key(),
		URL:      pass.Analyzer.URL,
		Related:  []analysis.RelatedInformation{{Pos: loop.Node.Pos(), End: loop.HeadEnd(), Message: "the loop over " + over}},
	}
	if w.Via != nil {
		if w.Detail == "" {
			// Whether the wrapper's writer waits depends on a writer this
			// package cannot see.
			return d, false
		}
		inner := w.Via.Inner
		if inner == "" {
			inner = w.Lib + " " + w.Op
		}
		d.Message = fmt.Sprintf("%s per element of %s waits for each produce (%s); %s",
			sinks.FuncName(w.Via.Func), over, inner, w.Batched)
		if w.Via.Pos.IsValid() {
			what := "the produce inside " + sinks.FuncName(w.Via.Func)
			if w.Via.Where != "" {
				what += " at " + w.Via.Where
			}
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: w.Via.Pos, Message: what})
		}
		return d, true
	}
	cost := w.Detail
	if cost == "" {
		// A Writer: whether and how long it waits is its configuration's.
		var ok bool
		cost, ok = configuredCost(prods, w)
		if !ok {
			return d, false
		}
	}
	head := w.Head
	if w.Target != "" {
		head += fmt.Sprintf(" (topic %q)", w.Target)
	}
	d.Message = fmt.Sprintf("%s per element of %s: %s; %s", head, over, cost, w.Batched)
	return d, true
}

// configuredCost states what a synchronous write of one record waits for
// as its producer is configured. It reports false unless the producer is
// resolved and not asynchronous.
func configuredCost(prods *producers.Result, w *sinks.Write) (string, bool) {
	lib := knowledge.Lookup(w.Lib)
	sel, ok := ast.Unparen(w.Call.Fun).(*ast.SelectorExpr)
	if !ok || prods == nil || lib == nil || lib.Kafka == nil || lib.Kafka.SyncWait == nil {
		return "", false
	}
	p := prods.Of(sel.X)
	if p == nil {
		return "", false
	}
	async := p.Get(producers.Async)
	if !async.Known || async.Int == asyncTrue {
		return "", false
	}
	sw := lib.Kafka.SyncWait
	if bs := p.Get(producers.BatchSize); bs.Known && bs.Int == 1 {
		return sw.BatchOfOne, true
	}
	// A zero BatchTimeout is the writer's default.
	switch bt := p.Get(producers.BatchTimeout); {
	case bt.Known && bt.Int > 0 && bt.Set:
		return fmt.Sprintf(sw.Timeout, time.Duration(bt.Int)), true
	case bt.Known && bt.Int > 0:
		return fmt.Sprintf(sw.DefaultTimeout, time.Duration(bt.Int)), true
	case !bt.Known && bt.Set:
		return sw.UnknownTimeout, true
	}
	return fmt.Sprintf(sw.DefaultTimeout, time.Duration(lib.Kafka.Defaults("")[producers.BatchTimeout].Int)), true
}
