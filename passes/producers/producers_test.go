package producers_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/producers"
)

// probe summarises each producer at its site and reports which producer
// Of finds for the receiver of each method call on a producer value.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "reports passes/producers results, for tests",
	Requires: []*analysis.Analyzer{producers.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[producers.Analyzer].(*producers.Result)
		for _, p := range res.Producers {
			pass.Reportf(p.Site.Pos(), "%s", summary(pass.Fset, p))
		}
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				switch sel.Sel.Name {
				case "WriteMessages", "Produce", "SendMessage":
				default:
					return true
				}
				if p := res.Of(sel.X); p != nil {
					pos := pass.Fset.Position(p.Site.Pos())
					pass.Reportf(call.Pos(), "receiver is the producer at %s:%d", filepath.Base(pos.Filename), pos.Line)
				}
				return true
			})
		}
		return nil, nil
	},
}

// keys are the settings shown, in order.
var keys = []string{
	producers.Async, producers.BatchSize, producers.BatchTimeout, producers.FlushBytes,
	producers.FlushFrequency, producers.FlushMessages, producers.Linger, producers.Compression,
}

func summary(fset *token.FileSet, p *producers.Producer) string {
	parts := []string{p.Lib}
	if len(p.Settings) == 0 || !hasDefaults(p) {
		parts = append(parts, "opaque")
	}
	for _, k := range keys {
		s, ok := p.Settings[k]
		if !ok {
			continue
		}
		v := "?"
		switch {
		case s.Known && s.Str != "":
			v = s.Str
		case s.Known:
			v = fmt.Sprint(s.Int)
		}
		if s.Set {
			v += "(set)"
		}
		parts = append(parts, k+"="+v)
	}
	if p.Lib == knowledge.SaramaKey && p.Config.IsValid() {
		parts = append(parts, fmt.Sprintf("config@L%d", fset.Position(p.Config).Line))
	}
	if p.Lib == knowledge.FranzGoKey && p.Producing {
		parts = append(parts, "producing")
	}
	if p.Lib == knowledge.FranzGoKey && p.Version != "" {
		parts = append(parts, p.Version)
	}
	return strings.Join(parts, " ")
}

// hasDefaults: a resolved configuration carries the library defaults for
// the keys it does not set; an opaque one carries only what it sets.
func hasDefaults(p *producers.Producer) bool {
	for _, s := range p.Settings {
		if !s.Set {
			return true
		}
	}
	return false
}

func TestProducers(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "kafka"), probe, "example.com/kafka/producers")
}

// TestFacts checks that every exported helper returning a configuration
// carries a ConfigFact (analysistest also checks that facts gob-encode
// deterministically).
func TestFacts(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "kafka"), producers.Analyzer, "example.com/kafka/kafkaopts")
}
