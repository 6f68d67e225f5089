// Package sinks is batchlint's knowledge base of write APIs. For every call in
// a package it decides whether the call writes exactly one record (a row, an
// ORM object, a Kafka message) and, if so, what kind of write it is. Calls to
// user functions that perform such a write on every call are writes too:
// exported ones carry a WriteFact across packages, unexported ones are
// summarised within the package.
//
// The tables (sql.go, orm.go, produce.go) are data: adding a library is a
// table entry plus testdata.
package sinks

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/batchlint/batchlint/passes/loops"
)

// Kind says which analyzer owns a write.
type Kind int

const (
	SQL     Kind = iota + 1 // a raw SQL write statement: sqlloop
	ORM                     // an ORM per-object save: ormloop
	Produce                 // a one-record synchronous produce: produceloop
)

// Write is a call that writes one record per call.
type Write struct {
	Call *ast.CallExpr
	Kind Kind
	// Lib is the library key of the table entry: "database/sql", "pgx",
	// "sqlx", "lib/pq", "sqlc", "gorm", "ent", "bun", "go-pg", "sqlboiler",
	// "franz-go", "sarama", "segmentio", "confluent".
	Lib string
	// Op is "INSERT", "UPDATE", "DELETE", "UPSERT" or "produce".
	Op string
	// Target is the table or topic when known, else "".
	Target string
	// InTx reports that the write runs inside an explicit transaction.
	InTx bool
	// Batched names the library's batched form, for the message.
	Batched string
	// Detail is extra text for the message (e.g. a writer's BatchTimeout).
	Detail string
	// Via is set when Call calls a user function that performs the write.
	Via *Via
}

// Via describes the write inside a user wrapper.
type Via struct {
	Func  string    // the wrapper, as types.Func.FullName
	Inner string    // "pgx Exec of INSERT INTO users", for the message
	Pos   token.Pos // the wrapper's declaration (valid across packages)
	Where string    // file:line of the write inside the wrapper
}

// WriteFact marks an exported function or method each call of which performs
// one record write. It holds only strings and ints, so it gob-encodes
// deterministically.
type WriteFact struct {
	Kind    Kind
	Lib     string
	Op      string
	Target  string
	InTx    bool
	Batched string
	Inner   string
	Where   string
}

func (*WriteFact) AFact() {}

func (f *WriteFact) String() string { return "writes " + f.Lib + " " + f.Op }

// Result is the per-package answer.
type Result struct {
	// Writes lists the one-record writes of the package in source order.
	Writes []*Write
	byCall map[*ast.CallExpr]*Write
}

// Of returns the writes of one kind, in source order.
func (r *Result) Of(k Kind) []*Write {
	var out []*Write
	for _, w := range r.Writes {
		if w.Kind == k {
			out = append(out, w)
		}
	}
	return out
}

// At returns the write made by call, or nil.
func (r *Result) At(call *ast.CallExpr) *Write { return r.byCall[call] }

// Rule recognises the calls of one API. Pkg, Type and Name name the callee by
// import path, receiver type name ("" for package-level functions; pointer or
// not, interface or concrete) and function name. Callee, when set, replaces
// that name match with a structural test (ent's and sqlc's generated code
// lives in user packages). Match returns the write, or nil when this call
// writes many records, or none.
type Rule struct {
	Pkg, Type, Name string
	Callee          func(fn *types.Func) bool
	Lib             string
	Kind            Kind
	Match           func(c *Context, call *ast.CallExpr) *Write
}

// Context is what a Rule's Match may consult.
type Context struct {
	Pass  *analysis.Pass
	Loops *loops.Result
}

// Analyzer finds the one-record writes of a package and exports WriteFacts.
var Analyzer = &analysis.Analyzer{
	Name:       "sinks",
	Doc:        "finds calls that write one record per call (helper pass, reports nothing)",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, loops.Analyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*WriteFact)(nil)},
}

// rules is every table, in the order they are consulted.
func rules() []Rule {
	var all []Rule
	all = append(all, sqlRules...)
	all = append(all, ormRules...)
	all = append(all, produceRules...)
	return all
}

func run(pass *analysis.Pass) (any, error) {
	_ = rules
	return &Result{byCall: map[*ast.CallExpr]*Write{}}, nil // TODO
}
