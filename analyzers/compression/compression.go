package compression

import (
	_ "embed"
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/producers"
)

//go:embed doc.go
var doc string

var url = analyzerdoc.URL("compression")

// Analyzer reports compression configured where batching is off.
var Analyzer = &analysis.Analyzer{
	Name:     "compression",
	Doc:      analyzerdoc.Extract(doc, "compression"),
	URL:      url,
	Requires: []*analysis.Analyzer{producers.Analyzer, directives.Analyzer},
	Run:      run,
}

// why is the reason in one clause; the figures are on the analyzer's page.
const why = "tiny batches barely compress"

// codecs are the settings values that name a real codec.
var codecs = map[string]bool{"gzip": true, "snappy": true, "lz4": true, "zstd": true}

// offender is what turns batching off, for the message and Related.
type offender struct {
	what string
	pos  token.Pos
	fix  string
}

func run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[producers.Analyzer].(*producers.Result)
	rep := directives.NewReporter(pass)
	defer rep.Finish()
	if res == nil {
		return nil, nil
	}
	seen := map[token.Pos]bool{}
	for _, p := range res.Producers {
		c := p.Get(producers.Compression)
		if !c.Set || !c.Known || !codecs[c.Str] || seen[c.Pos] {
			continue
		}
		off := batchingOff(p)
		if off == nil {
			continue
		}
		seen[c.Pos] = true
		where := ""
		if c.Where != "" {
			where = " (set at " + c.Where + ")"
		}
		d := analysis.Diagnostic{
			Pos:      c.Pos,
			Category: p.Lib + ":" + c.Str,
			Message: fmt.Sprintf("%s compression%s where batching is off (%s): %s; %s",
				c.Str, where, off.what, why, off.fix),
			URL: url,
		}
		if off.pos.IsValid() && off.pos != c.Pos {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: off.pos, Message: "batching is turned off here"})
		}
		if p.Site.Pos() != c.Pos && p.Site.Pos() != off.pos {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: p.Site.Pos(), End: p.Site.End(), Message: "the producer is constructed here"})
		}
		rep.Report(d)
	}
	return nil, nil
}

// batchingOff returns what makes every batch of p hold about one record,
// or nil when p batches or that is not known.
func batchingOff(p *producers.Producer) *offender {
	off, ok := p.BatchingOff()
	if !ok {
		return nil
	}
	s, r := off.Setting, off.Rule
	if s.Set {
		return &offender{what: r.Set, pos: s.Pos, fix: r.Fix}
	}
	return &offender{what: r.UnsetText(p.Version), pos: p.Site.Pos(), fix: r.Fix}
}
