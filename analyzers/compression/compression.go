package compression

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/producers"
)

var url = analyzerdoc.URL("compression")

// Analyzer reports compression configured where batching is off.
var Analyzer = &analysis.Analyzer{
	Name:     "compression",
	Doc:      docText,
	URL:      url,
	Requires: []*analysis.Analyzer{producers.Analyzer, directives.Analyzer},
	Run:      run,
}

func init() { config.Register(Analyzer) }

// why is the reason in one clause; the figures are on the analyzer's page.
const why = "tiny batches barely compress"

// codecs are the settings values that name a real codec.
var codecs = map[string]bool{"gzip": true, "snappy": true, "lz4": true, "zstd": true}

// offender is what turns batching off, for the message and Related.
type offender struct {
	what string
	pos  token.Pos
	fix  string
	set  bool // set explicitly, not the library's default
}

func run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[producers.Analyzer].(*producers.Result)
	rep := directives.NewReporter(pass)
	defer rep.Finish()
	if res == nil {
		return nil, nil
	}
	// One finding per codec setting, however many producers it reaches.
	var order []token.Pos
	byPos := map[token.Pos]*analysis.Diagnostic{}
	for _, p := range res.Judged() {
		c, off := finding(p)
		if off == nil {
			continue
		}
		if hp := res.HelperOf(c); hp != nil {
			if _, hoff := finding(hp); hoff != nil {
				continue // reported in the helper's package
			}
		}
		var rel []analysis.RelatedInformation
		if p.Site.Pos() != c.Pos && p.Site.Pos() != off.pos {
			what := "the producer is constructed here"
			if p.Helper {
				what = "exported by this helper, for producers in other packages"
			}
			rel = append(rel, analysis.RelatedInformation{Pos: p.Site.Pos(), End: p.Site.End(), Message: what})
		}
		if d := byPos[c.Pos]; d != nil {
			d.Related = append(d.Related, rel...)
			continue
		}
		where := ""
		if c.Where != "" {
			where = " (set at " + c.Where + ")"
		}
		d := &analysis.Diagnostic{
			Pos:      c.Pos,
			Category: p.Lib + ":" + c.Str,
			Message: fmt.Sprintf("%s compression%s where batching is off (%s): %s; %s",
				c.Str, where, off.what, why, off.fix),
			URL: url,
		}
		if off.pos.IsValid() && off.pos != c.Pos {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: off.pos, Message: "batching is turned off here"})
		}
		d.Related = append(d.Related, rel...)
		order = append(order, c.Pos)
		byPos[c.Pos] = d
	}
	for _, pos := range order {
		rep.Report(*byPos[pos])
	}
	return nil, nil
}

// finding returns p's codec and what turns its batching off, or a nil
// offender. A helper's finding needs both set explicitly in it: a default
// it leaves is judged at the constructors that use it.
func finding(p *producers.Producer) (producers.Setting, *offender) {
	c := p.Get(producers.Compression)
	if !c.Set || !c.Known || !codecs[c.Str] {
		return c, nil
	}
	off := batchingOff(p)
	if off == nil || p.Helper && !off.set {
		return c, nil
	}
	return c, off
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
		return &offender{what: r.Set, pos: s.Pos, fix: r.Fix, set: true}
	}
	return &offender{what: r.UnsetText(p.Version), pos: p.Site.Pos(), fix: r.Fix}
}
