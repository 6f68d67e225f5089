// Package loops finds every loop in a package, what each iterates over, and
// its intent, and answers "which loop runs this code once per iteration?".
package loops

import (
	"go/ast"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Intent says what one iteration of a loop stands for.
type Intent int

const (
	// PerElement: the loop iterates over data, one iteration per record.
	PerElement Intent = iota
	// Retry: the loop exits once an attempt succeeds.
	Retry
	// Bounded: the loop walks a literal list of a few distinct items.
	Bounded
	// Chunked: each iteration handles a batch of records.
	Chunked
	// Once: the loop always exits during its first iteration.
	Once
)

func (i Intent) String() string {
	switch i {
	case PerElement:
		return "per-element"
	case Retry:
		return "retry"
	case Bounded:
		return "bounded"
	case Chunked:
		return "chunked"
	case Once:
		return "once"
	}
	return "unknown"
}

// Loop is one loop of the package.
type Loop struct {
	// Node is the *ast.ForStmt or *ast.RangeStmt, or the *ast.CallExpr of a
	// callback iterator such as kgo's fetches.EachRecord(func(r) {...}).
	Node ast.Node
	// Body is the code that runs once per iteration (for callbacks, the
	// function literal's body).
	Body *ast.BlockStmt
	// Intent is what one iteration stands for.
	Intent Intent
	// Over is short source text naming what the loop iterates over, for
	// messages: "users", "rows.Next()", "ch", "fetches.EachRecord".
	Over string
	// Parent is the innermost loop that runs this loop once per iteration, or nil.
	Parent *Loop
}

// Result lists the loops of one package.
type Result struct {
	Loops []*Loop
	// enclosing maps a node that starts code run per iteration (a loop body,
	// a function literal called in one) to its loop; filled by run.
	enclosing map[ast.Node]*Loop
}

// Analyzer computes the loops of a package. It carries no facts.
var Analyzer = &analysis.Analyzer{
	Name:       "loops",
	Doc:        "finds loops, what they iterate over and their intent (helper pass, reports nothing)",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
}

func run(pass *analysis.Pass) (any, error) {
	return &Result{enclosing: map[ast.Node]*Loop{}}, nil // TODO: implemented by the loops pass work
}

// Enclosing returns the innermost loop that runs the code at n once per
// iteration, whatever its intent, or nil. It follows function literals that
// are called, deferred or launched (go f(), errgroup's Go, a closure assigned
// to a local variable and called in the body); a function literal that is
// only stored in the loop does not run per iteration.
func (r *Result) Enclosing(n ast.Node) *Loop {
	return nil // TODO
}

// PerIteration returns the loop a per-record finding at n belongs to: the
// innermost enclosing PerElement loop, looking through Retry, Bounded and
// Once loops nested inside it. It returns nil when n is not run per element:
// no such loop, the innermost non-transparent loop is Chunked, or n runs only
// under a threshold guard (if len(buf) >= n { flush }) inside the loop.
func (r *Result) PerIteration(n ast.Node) *Loop {
	return nil // TODO
}
