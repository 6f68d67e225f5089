package config

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Options are one analyzer's settings for a run. Every analyzer takes
// Tests, which the directives Reporter applies; the others are taken by the
// analyzers that Register them.
type Options struct {
	// Tests reports findings in test code too: _test.go files, and
	// functions taking a *testing.T (see passes/directives).
	Tests bool
	// UnknownSQL counts a statement whose text cannot be resolved as a
	// write.
	UnknownSQL bool
	// Writers are functions, named as types.Func.FullName prints them, that
	// write one row per call.
	Writers []string
}

// An Option is a setting beyond Tests that an analyzer may take.
type Option int

const (
	UnknownSQL Option = iota
	Writers
)

// Settings are the options of every analyzer in this run: the result of
// Analyzer.
type Settings struct{ by map[string]*Options }

// Of returns the options of the analyzer named name.
func (s *Settings) Of(name string) Options {
	if o := s.by[name]; o != nil {
		return *o
	}
	return Options{}
}

// current holds what the flags, the configuration file or the golangci-lint
// plugin set. Analyzer flags are process-wide under go vet too: each
// package is analysed in a process of its own, given every flag.
var current = &Settings{by: map[string]*Options{}}

// Analyzer makes the configuration an input of the analysis, as nilaway
// does: every analyzer Requires it and reads its options through For.
var Analyzer = &analysis.Analyzer{
	Name:       "config",
	Doc:        "holds the options of batchlint's analyzers (helper pass, reports nothing)",
	Run:        func(*analysis.Pass) (any, error) { return current, nil },
	ResultType: reflect.TypeOf(current),
}

// For returns the options of pass's analyzer. It panics when the analyzer
// does not Require Analyzer: its options would silently read as unset.
func For(pass *analysis.Pass) Options {
	s, ok := pass.ResultOf[Analyzer].(*Settings)
	if !ok {
		panic(fmt.Sprintf("analyzer %s does not Require config.Analyzer", pass.Analyzer.Name))
	}
	return s.Of(pass.Analyzer.Name)
}

// Register makes a take the configuration: it adds Analyzer to a's
// Requires and defines a's flags, -tests and one per option of opts. The
// flags set a's entry in the settings Analyzer returns, so a flag given to
// go vet, a key of the configuration file and a golangci-lint setting all
// reach the same field.
func Register(a *analysis.Analyzer, opts ...Option) {
	o := &Options{}
	current.by[a.Name] = o
	a.Requires = append(a.Requires, Analyzer)
	a.Flags.BoolVar(&o.Tests, "tests", false, "also report findings in test code (_test.go files, functions taking *testing.T)")
	for _, opt := range opts {
		switch opt {
		case UnknownSQL:
			a.Flags.BoolVar(&o.UnknownSQL, "unknown-sql", false,
				"also report Exec calls in loops whose SQL text cannot be resolved statically when no bind argument comes from the loop's element, and wrappers of them (lower confidence)")
		case Writers:
			a.Flags.Var((*list)(&o.Writers), "writers",
				"comma-separated functions that write one row per call, named as (*example.com/app/db.Store).Save or example.com/app/db.InsertRow (for writes batchlint cannot see, e.g. through an interface or another driver)")
		default:
			panic(fmt.Sprintf("config.Register: unknown option %d", opt))
		}
	}
}

// list is a comma-separated flag value.
type list []string

func (l *list) String() string { return strings.Join(*l, ",") }

func (l *list) Set(v string) error {
	*l = nil
	for n := range strings.SplitSeq(v, ",") {
		if n = strings.TrimSpace(n); n != "" && !slices.Contains(*l, n) {
			*l = append(*l, n)
		}
	}
	return nil
}
