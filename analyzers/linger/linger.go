package linger

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/producers"
)

//go:embed doc.go
var doc string

var url = analyzerdoc.URL("linger")

// Analyzer reports Kafka producers that never linger.
var Analyzer = &analysis.Analyzer{
	Name:     "linger",
	Doc:      analyzerdoc.Extract(doc, "linger"),
	URL:      url,
	Requires: []*analysis.Analyzer{producers.Analyzer, directives.Analyzer},
	Run:      run,
}

// why is what a zero linger does, shared by every message; the figures and
// why a linger costs nothing under load are on the analyzer's page.
const why = "each batch leaves before it fills"

func run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[producers.Analyzer].(*producers.Result)
	rep := directives.NewReporter(pass)
	defer rep.Finish()
	if res == nil {
		return nil, nil
	}
	seen := map[token.Pos]bool{}
	report := func(d analysis.Diagnostic) {
		if seen[d.Pos] {
			return
		}
		seen[d.Pos] = true
		d.URL = url
		rep.Report(d)
	}
	for _, p := range res.Producers {
		off, ok := p.BatchingOff()
		if !ok {
			continue
		}
		// The library and the setting name the finding for baselines.
		report := func(d analysis.Diagnostic) {
			d.Category = p.Lib + ":" + off.Key
			report(d)
		}
		// Batching off by a batch size of one is compression's business,
		// not a missing linger.
		switch {
		case off.Key == producers.FlushFrequency:
			sarama(pass, p, off.Setting, report)
		case off.Key == producers.Linger && p.Lib == producers.Confluent:
			confluent(pass, p, off.Setting, report)
		case off.Key == producers.Linger:
			franz(pass, p, off.Setting, report)
		}
	}
	return nil, nil
}

func franz(pass *analysis.Pass, p *producers.Producer, l producers.Setting, report func(analysis.Diagnostic)) {
	switch {
	case l.Set:
		d := analysis.Diagnostic{
			Pos:     l.Pos,
			Message: "kgo.ProducerLinger(0)" + via(l) + ": " + why + "; use kgo.ProducerLinger(20*time.Millisecond)",
			Related: related(p, l),
		}
		if l.Node != nil {
			d.SuggestedFixes = durationFix(pass, l.Node, "set a 20ms linger")
		}
		report(d)
	default:
		report(analysis.Diagnostic{
			Pos: p.Site.Pos(),
			End: p.Site.End(),
			Message: fmt.Sprintf("franz-go %s lingers 0 by default and this client sets no ProducerLinger; "+
				"add kgo.ProducerLinger(20*time.Millisecond) or upgrade to v1.20", p.Version),
		})
	}
}

func sarama(pass *analysis.Pass, p *producers.Producer, f producers.Setting, report func(analysis.Diagnostic)) {
	const advice = "set Flush.Frequency to 20ms and Flush.Bytes"
	if f.Set {
		d := analysis.Diagnostic{
			Pos:     f.Pos,
			Message: "sarama Producer.Flush.Frequency = 0" + via(f) + " with no Flush.Bytes or Flush.Messages: " + why + "; " + advice,
			Related: related(p, f),
		}
		if f.Node != nil {
			d.SuggestedFixes = durationFix(pass, f.Node, "set Flush.Frequency to 20ms")
		}
		report(d)
		return
	}
	for _, k := range []string{producers.FlushBytes, producers.FlushMessages, producers.BatchSize} {
		if p.Get(k).Set {
			return
		}
	}
	d := analysis.Diagnostic{
		Pos:     p.Site.Pos(),
		End:     p.Site.End(),
		Message: "sarama producer whose config sets no Producer.Flush field: " + why + "; " + advice,
	}
	if p.Config.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: p.Config, Message: "the config is built here"}}
	}
	report(d)
}

func confluent(pass *analysis.Pass, p *producers.Producer, l producers.Setting, report func(analysis.Diagnostic)) {
	d := analysis.Diagnostic{
		Pos:     l.Pos,
		Message: "confluent linger.ms 0" + via(l) + ": " + why + "; set \"linger.ms\": 20 (librdkafka's default is 5)",
		Related: related(p, l),
	}
	if l.Node != nil {
		d.SuggestedFixes = millisFix(pass, l.Node)
	}
	report(d)
}

// via names the helper file:line when the setting comes from another package.
func via(s producers.Setting) string {
	if s.Where != "" {
		return " (set at " + s.Where + ")"
	}
	return ""
}

func related(p *producers.Producer, s producers.Setting) []analysis.RelatedInformation {
	if p.Site.Pos() == s.Pos {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: p.Site.Pos(), End: p.Site.End(), Message: "the producer is constructed here"}}
}

// durationFix replaces a zero duration expression with 20*time.Millisecond,
// importing "time" when the file lacks it. It offers nothing when the name
// "time" means something else at that point.
func durationFix(pass *analysis.Pass, n ast.Node, msg string) []analysis.SuggestedFix {
	file := fileOf(pass, n.Pos())
	if file == nil {
		return nil
	}
	name, edits, ok := timeImport(pass, file, n.Pos())
	if !ok {
		return nil
	}
	edits = append(edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte("20 * " + name + ".Millisecond")})
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
}

// millisFix replaces a confluent linger.ms value of 0 with 20 of the same
// kind (int, float or string).
func millisFix(pass *analysis.Pass, n ast.Node) []analysis.SuggestedFix {
	lit, ok := n.(*ast.BasicLit)
	if !ok {
		return nil
	}
	var text string
	switch lit.Kind {
	case token.INT:
		text = "20"
	case token.FLOAT:
		text = "20.0"
	case token.STRING:
		text = `"20"`
	default:
		return nil
	}
	return []analysis.SuggestedFix{{Message: "set linger.ms to 20", TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(text)}}}}
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}
