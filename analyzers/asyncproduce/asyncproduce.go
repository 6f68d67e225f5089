package asyncproduce

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
	"github.com/batchlint/batchlint/internal/config"
	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/lazyinspect"
	"github.com/batchlint/batchlint/passes/producers"
)

var url = analyzerdoc.URL("asyncproduce")

// Analyzer reports asynchronous produces whose results nobody reads.
var Analyzer = &analysis.Analyzer{
	Name:      "asyncproduce",
	Doc:       docText,
	URL:       url,
	Requires:  []*analysis.Analyzer{lazyinspect.Analyzer, producers.Analyzer, directives.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*ParamsFact)(nil)},
}

func init() { config.Register(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	res, _ := pass.ResultOf[producers.Analyzer].(*producers.Result)
	rep := directives.NewReporter(pass)
	defer rep.Finish()
	ps := newParams(pass)
	ps.export()
	if res == nil || len(res.Producers) == 0 {
		return nil, nil
	}
	u := findUses(pass, lazyinspect.Of(pass), res, ps)
	for _, p := range res.Producers {
		lib := knowledge.Lookup(p.Lib)
		if lib == nil || lib.Kafka == nil || lib.Kafka.Outcomes == nil {
			continue
		}
		o := lib.Kafka.Outcomes
		// Code outside the package may still set an observer on the
		// producer it gets.
		if u.unused[p] || o.AsyncKey != "" && (!on(p.Get(o.AsyncKey)) || u.leaves[p]) || observed(pass, p, lib, u) {
			continue
		}
		unread := unreadChannels(p, o, u)
		made := analysis.RelatedInformation{Pos: p.Site.Pos(), End: p.Site.End(), Message: "the producer is constructed here"}
		switch {
		case len(o.NilArg) > 0:
			msg := o.Lost
			if len(o.Channels) > 0 {
				if len(unread) == 0 {
					continue
				}
				msg = unread[0].Lost
			}
			for _, call := range u.nilCalls[p] {
				report(rep, call, msg, made)
			}
		case len(o.Channels) > 0:
			for _, ch := range unread {
				report(rep, p.Site, ch.Lost, turnedOn(p.Get(ch.Key)))
			}
		default:
			report(rep, p.Site, o.Lost, turnedOn(p.Get(o.AsyncKey)))
		}
	}
	return nil, nil
}

// turnedOn points at an explicit setting; a default has no position.
func turnedOn(s producers.Setting) analysis.RelatedInformation {
	return analysis.RelatedInformation{Pos: s.Pos, Message: "turned on here"}
}

func report(rep *directives.Reporter, at ast.Node, msg string, related analysis.RelatedInformation) {
	d := analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Message: msg, URL: url}
	if related.Pos.IsValid() && related.Pos != at.Pos() {
		d.Related = []analysis.RelatedInformation{related}
	}
	rep.Report(d)
}

// on reports a setting known to be non-zero.
func on(s producers.Setting) bool { return s.Known && s.Int != 0 }

// observed reports that p's configuration hands every result to code, or
// may: an observer set in a way this pass cannot see counts, and so does
// any mention of an observer field on p after its construction.
func observed(pass *analysis.Pass, p *producers.Producer, lib *knowledge.Library, u *uses) bool {
	for _, ob := range lib.Kafka.Outcomes.Observers {
		for field, opt := range lib.Kafka.Fields {
			if opt.Key == ob.Key && len(u.methods[p][field]) > 0 {
				return true
			}
		}
		s := p.Get(ob.Key)
		// Not set and known: the library's default, no observer. Not
		// known: the configuration may hold one.
		if !s.Known && !s.Set || s.Set && observes(pass, s, ob.Iface) {
			return true
		}
	}
	return false
}

// observes reports that the option call setting s may hand results to
// code: its arguments are not all of types known not to implement iface.
func observes(pass *analysis.Pass, s producers.Setting, iface string) bool {
	call, ok := s.Node.(*ast.CallExpr)
	if iface == "" || !ok || call.Ellipsis.IsValid() {
		return true
	}
	fn := callee.Static(pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return true
	}
	obj, _ := fn.Pkg().Scope().Lookup(iface).(*types.TypeName)
	if obj == nil {
		return true
	}
	it, _ := obj.Type().Underlying().(*types.Interface)
	for _, a := range call.Args {
		t := pass.TypesInfo.TypeOf(a)
		if it == nil || t == nil || types.IsInterface(t) || types.Implements(t, it) {
			return true
		}
	}
	return false
}

// unreadChannels returns the result channels p fills that its code never
// asks for, or none when p escapes to code this pass cannot see.
func unreadChannels(p *producers.Producer, o *knowledge.Outcomes, u *uses) []knowledge.Channel {
	if u.escaped[p] || len(o.ChannelCtors) > 0 && !contains(o.ChannelCtors, p.Constructor) {
		return nil
	}
	if drained(p, o, u) {
		return nil
	}
	var out []knowledge.Channel
	for _, ch := range o.Channels {
		if on(p.Get(ch.Key)) && len(u.methods[p][ch.Method]) == 0 {
			out = append(out, ch)
		}
	}
	return out
}

// drained reports that p's code checks the result of o.Drain in the
// function that makes every o.Send, none in a loop.
func drained(p *producers.Producer, o *knowledge.Outcomes, u *uses) bool {
	fns := map[*ast.FuncDecl]bool{}
	for _, d := range u.methods[p][o.Drain] {
		if d.checked && d.fn != nil {
			fns[d.fn] = true
		}
	}
	if o.Drain == "" || len(fns) == 0 {
		return false
	}
	for _, s := range u.methods[p][o.Send] {
		if s.loop || !fns[s.fn] {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
