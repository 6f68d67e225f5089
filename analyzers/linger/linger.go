package linger

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/producers"
)

var url = analyzerdoc.URL("linger")

// Analyzer reports Kafka producers that never linger.
var Analyzer = &analysis.Analyzer{
	Name:     "linger",
	Doc:      docText,
	URL:      url,
	Requires: []*analysis.Analyzer{producers.Analyzer, directives.Analyzer},
	Run:      run,
}

func init() { config.Register(Analyzer) }

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
	// One finding per setting, however many producers it reaches: the
	// fix and the suppression belong at the setting, and every producer
	// it reaches is a related location.
	var order []token.Pos
	byPos := map[token.Pos]*analysis.Diagnostic{}
	for _, p := range res.Judged() {
		for _, off := range offs(p) {
			if hp := res.HelperOf(off.Setting); hp != nil && len(offs(hp)) > 0 {
				continue // reported in the helper's package
			}
			d, ok := diagnose(pass, p, off)
			if !ok {
				continue
			}
			if old := byPos[d.Pos]; old != nil {
				old.Related = append(old.Related, d.Related...)
				continue
			}
			order = append(order, d.Pos)
			byPos[d.Pos] = &d
		}
	}
	for _, pos := range order {
		rep.Report(*byPos[pos])
	}
	return nil, nil
}

// offs are the settings that turn p's batching off for want of a linger:
// on every path, or written explicitly on some. A helper's are only the
// explicit ones; the defaults it leaves are reported at the constructors
// that use it. Batching off by a batch size of one is compression's
// business, not a missing linger.
func offs(p *producers.Producer) []producers.Off {
	all := p.OffOnSomePath()
	if off, ok := p.BatchingOff(); ok {
		all = []producers.Off{off}
	}
	var out []producers.Off
	for _, off := range all {
		if (off.Key == producers.Linger || off.Key == producers.FlushFrequency) && (off.Setting.Set || !p.Helper) {
			out = append(out, off)
		}
	}
	return out
}

// diagnose words the finding for off: at the setting when it is written,
// at the constructor when it is the library's default.
func diagnose(pass *analysis.Pass, p *producers.Producer, off producers.Off) (analysis.Diagnostic, bool) {
	s, r := off.Setting, off.Rule
	// The library and the setting name the finding for baselines.
	d := analysis.Diagnostic{Category: p.Lib + ":" + off.Key, URL: url}
	switch {
	case s.Set:
		d.Pos = s.Pos
		d.Message = r.Set + via(s) + ": " + why + "; " + r.Fix
		d.Related = related(p, s)
		if s.Node != nil && r.Edit != "" {
			d.SuggestedFixes = lingerFix(pass, s.Node, r)
		}
	case chosen(p, r):
		return d, false
	default:
		d.Pos, d.End = p.Site.Pos(), p.Site.End()
		d.Message = r.UnsetText(p.Version) + ": " + why + "; " + r.Fix
		if p.Config.IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: p.Config, Message: "the config is built here"}}
		}
	}
	return d, true
}

// chosen reports that p sets one of the settings that show a choice about
// flushing.
func chosen(p *producers.Producer, r knowledge.OffRule) bool {
	for _, k := range r.Chosen {
		if p.Get(k).Set {
			return true
		}
	}
	return false
}

// via names the helper file:line when the setting comes from another package.
func via(s producers.Setting) string {
	if s.Where != "" {
		return " (set at " + s.Where + ")"
	}
	return ""
}

func related(p *producers.Producer, s producers.Setting) []analysis.RelatedInformation {
	switch {
	case p.Site.Pos() == s.Pos:
		return nil
	case p.Helper:
		return []analysis.RelatedInformation{{Pos: p.Site.Pos(), End: p.Site.End(), Message: "exported by this helper, for producers in other packages"}}
	}
	return []analysis.RelatedInformation{{Pos: p.Site.Pos(), End: p.Site.End(), Message: "the producer is constructed here"}}
}

// lingerFix replaces the zero in n with a 20ms linger in the rule's unit.
func lingerFix(pass *analysis.Pass, n ast.Node, r knowledge.OffRule) []analysis.SuggestedFix {
	if r.Unit == knowledge.Millis {
		return millisFix(n, r.Edit)
	}
	return durationFix(pass, n, r.Edit)
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
func millisFix(n ast.Node, msg string) []analysis.SuggestedFix {
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
	return []analysis.SuggestedFix{{Message: msg, TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(text)}}}}
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}
