// Package producers resolves the configuration of every Kafka producer a
// package constructs: franz-go clients, sarama producers, segmentio/kafka-go
// writers and confluent-kafka-go producers. Each setting is resolved at the
// construction site through option slices, config structs and config maps,
// including those built by helper functions in other packages (carried by
// facts), configs handed to the package's own helpers as parameters or to
// be changed, and config maps copied from package-level maps. A known
// value written on only some paths is kept (Setting.Some). What a library does when a setting is absent is its default, taken
// from the table in libs.go for the library version being compiled.
package producers

import (
	"go/ast"
	"go/token"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/lazyinspect"
	"github.com/batchlint/batchlint/passes/values"
)

// Canonical setting keys shared by all libraries (see the registry).
const (
	Linger           = knowledge.Linger
	Compression      = knowledge.Compression
	BatchMaxBytes    = knowledge.BatchMaxBytes
	BatchSize        = knowledge.BatchSize
	FlushBytes       = knowledge.FlushBytes
	FlushMessages    = knowledge.FlushMessages
	FlushFrequency   = knowledge.FlushFrequency
	Async            = knowledge.Async
	BatchTimeout     = knowledge.BatchTimeout
	BatchNumMessages = knowledge.BatchNumMessages
	MaxBuffered      = knowledge.MaxBuffered
)

// Setting is one configuration value of a producer as resolved at its
// construction site.
type Setting struct {
	Known bool      // the value is statically known
	Int   int64     // numeric value: durations in nanoseconds, sizes in bytes, counts, bools as 0/1
	Str   string    // string value (codec names, confluent string values)
	Pos   token.Pos // where it is set; NoPos when it is the library default
	Set   bool      // set explicitly (false: library default applies)
	// Node is the expression that sets it (the option call, the assigned
	// value, the ConfigMap value), for suggested fixes; nil for defaults
	// and for values set in another package.
	Node ast.Node
	// Where is file:line of the setting when a helper in another package
	// sets it (Pos is then the helper's call).
	Where string
	// Some are the known values set explicitly on some of the paths that
	// reach the producer, when the paths disagree (Known is then false).
	Some []Setting
}

// Producer is one construction of a Kafka producer.
type Producer struct {
	Lib  string   // the registry key of the Kafka client: "franz-go", "sarama", ...
	Site ast.Node // the construction: kgo.NewClient call, sarama.New*Producer/NewClient call, &kafka.Writer{} literal or kafka.NewWriter call, kafka.NewProducer call
	// Settings holds the settings set explicitly, and the library defaults
	// (Set false) where the library version is known.
	Settings map[string]Setting
	// Producing reports that the client is used to produce (franz-go clients
	// may be consumers only; the other libraries' producers always produce).
	Producing bool
	// Version is the library's module version as compiled ("v1.19.5"), or ""
	// when unknown.
	Version string
	// Constructor is the name of the constructor called at Site
	// ("NewSyncProducer", "NewClient"), "" for a struct literal.
	Constructor string
	// Config is the position where the configuration was built when it is
	// not at Site (a sarama.NewConfig call, a helper's call), else NoPos.
	Config token.Pos
	// Helper: p stands for the configuration an exported helper function
	// returns (Site is the helper's name), as a producer built from it
	// alone would have it, or for what a configure(cfg) helper writes
	// (its explicit settings only). Its explicit settings are reported in
	// the helper's package, once, rather than at every importer's
	// constructor.
	Helper bool
}

// Get returns the setting for key, which is the zero Setting (not Known)
// when it is neither set nor a known default.
func (p *Producer) Get(key string) Setting { return p.Settings[key] }

// Off says what turns a producer's batching off.
type Off struct {
	// Key is the setting that does (the first of the registry rule's keys):
	// Linger, FlushFrequency (sarama: no flush trigger at all),
	// BatchNumMessages or BatchSize.
	Key string
	// Setting is its value: Set is false when it is the library default.
	Setting Setting
	// Rule is the registry's rule that holds, with its words.
	Rule knowledge.OffRule
}

// BatchingOff reports what makes every batch of p leave with about one
// record, or false when p batches or that is not known. Every analyzer
// that asks gets the same answer, from the registry's rules.
func (p *Producer) BatchingOff() (Off, bool) {
	lib := knowledge.Lookup(p.Lib)
	if lib == nil || lib.Kafka == nil {
		return Off{}, false
	}
	for _, r := range lib.Kafka.Off {
		if p.holds(r, r.Keys) {
			return Off{Key: r.Keys[0], Setting: p.Get(r.Keys[0]), Rule: r}, true
		}
	}
	return Off{}, false
}

// OffOnSomePath reports the settings the code writes on some paths only
// that turn batching off on those paths (a zero linger under "if
// lowLatency"), when the rule's other keys hold on every path. A value the
// user wrote is a decision to review even where other paths batch.
func (p *Producer) OffOnSomePath() []Off {
	lib := knowledge.Lookup(p.Lib)
	if lib == nil || lib.Kafka == nil {
		return nil
	}
	var out []Off
	for _, r := range lib.Kafka.Off {
		if !p.holds(r, r.Keys[1:]) {
			continue
		}
		for _, s := range p.Get(r.Keys[0]).Some {
			if s.Int == r.Value && s.Str == "" {
				out = append(out, Off{Key: r.Keys[0], Setting: s, Rule: r})
			}
		}
	}
	return out
}

// holds reports whether every one of keys has rule r's value on p.
func (p *Producer) holds(r knowledge.OffRule, keys []string) bool {
	for _, k := range keys {
		s := p.Get(k)
		if !s.Known || s.Int != r.Value || s.Str != "" || !s.Set && !(r.Default && p.Producing) {
			return false
		}
	}
	return true
}

// Result lists the producers a package constructs.
type Result struct {
	Producers []*Producer // in source order
	// Helpers stand for the configurations this package's exported helper
	// functions return, or write into a config they are handed (see
	// Producer.Helper).
	Helpers []*Producer
	// Indirect are the producers that calls of another package's function
	// construct from a configuration built here (its ParamFact); Site is
	// the call.
	Indirect []*Producer
	bySite   map[ast.Node]*Producer
	byObj    map[any]*Producer
	// imported maps the call of another package's helper to the producer
	// standing for its configuration, built from its fact.
	imported map[token.Pos]*Producer
	pass     *analysis.Pass
}

// Judged are the producers whose settings linger and compression judge:
// the constructed, the helpers' and the indirect ones.
func (r *Result) Judged() []*Producer {
	return slices.Concat(r.Producers, r.Helpers, r.Indirect)
}

// HelperOf returns, for a setting made by a helper function in another
// package, the producer standing for that helper's configuration alone
// (the one its own package judged), or nil.
func (r *Result) HelperOf(s Setting) *Producer {
	if s.Where == "" {
		return nil
	}
	return r.imported[s.Pos]
}

// Of returns the producer that expr (a client/writer/producer value: local
// var, struct field, call of a helper) refers to, or nil.
func (r *Result) Of(expr ast.Expr) *Producer { return r.of(expr) }

// Analyzer resolves the producers of a package. It reports nothing; facts
// carry helper functions' option slices and configs across packages, and the
// compiled version of each client library.
var Analyzer = &analysis.Analyzer{
	Name:       "producers",
	Doc:        "resolves the configuration of each Kafka producer (helper pass, reports nothing)",
	Requires:   []*analysis.Analyzer{lazyinspect.Analyzer, values.Analyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*ConfigFact)(nil), (*ParamFact)(nil), (*EffectFact)(nil), (*VersionFact)(nil)},
}
