// Package directives parses //batchlint:ignore comments and gives every
// analyzer a Reporter that honours them.
//
//	//batchlint:ignore sqlloop,ormloop -- seeding a fixed list of 3 rows
//
// A directive suppresses findings of the named analyzers on its own line or
// on the line below it. The reason after "--" is required.
package directives

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Index holds the directives of one package.
type Index struct {
	// TODO: filled by the directives work.
}

// Analyzer parses the directives of a package. It reports nothing itself.
var Analyzer = &analysis.Analyzer{
	Name:       "directives",
	Doc:        "parses //batchlint:ignore directives (helper pass, reports nothing)",
	Run:        func(pass *analysis.Pass) (any, error) { return &Index{}, nil },
	ResultType: reflect.TypeOf((*Index)(nil)),
}

// Reporter reports one analyzer's diagnostics, dropping those a directive
// suppresses. Every user-facing analyzer Requires Analyzer and reports only
// through a Reporter.
type Reporter struct {
	pass *analysis.Pass
}

// NewReporter returns the Reporter for pass's analyzer.
func NewReporter(pass *analysis.Pass) *Reporter { return &Reporter{pass: pass} }

// Report reports d unless a directive naming this analyzer covers d.Pos.
func (r *Reporter) Report(d analysis.Diagnostic) { r.pass.Report(d) }

// Finish reports the directives naming this analyzer that lack a reason or
// suppressed nothing. Call it once, at the end of the analyzer's run.
func (r *Reporter) Finish() {}
