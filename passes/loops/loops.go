// Package loops finds every loop in a package, what each iterates over, and
// its intent, and answers "which loop runs this code once per iteration?".
//
// A loop is a for or range statement, or a call of a known callback iterator
// (kgo's fetches.EachRecord(func(r) {...}), sync.Map's Range). Function
// literals are followed to where they run: called in place, deferred,
// launched with go or errgroup's Go, or assigned to a local variable that is
// never reassigned and called. A literal that is only stored runs whenever
// somebody calls it, which this pass cannot know, so code in it belongs to no
// loop.
//
// The answers come from an interval tree over the package's source built
// once per package: loop bodies, function literals, threshold guards and
// branches that leave a loop are intervals, and a query walks up from the
// innermost interval that holds the node. Queries cost O(log n + depth).
package loops

import (
	"go/ast"
	"go/token"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/passes/lazyinspect"
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
	// Periodic: each iteration is a tick of a timer (for range ticker.C,
	// a for-select whose only wake-ups are timers and cancellation, a
	// polling loop that sleeps), so one iteration flushes whatever has
	// accumulated rather than one record; or the code paces a walk over
	// data (a constant sleep or a tick on every iteration).
	Periodic
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
	case Periodic:
		return "periodic"
	}
	return "unknown"
}

// transparent reports whether code in such a loop runs per element exactly
// when the loop itself does: a retry, a walk over a few fixed items, or a
// loop that runs once multiplies nothing by the number of records.
func (i Intent) transparent() bool {
	return i == Retry || i == Bounded || i == Once
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
	// repeat: the loop counts up to a number the code or its configuration
	// fixes, without picking elements by its index (see repeats).
	repeat bool
}

// HeadEnd is where the loop's header ends, its body's opening brace: a
// finding's Related range runs from Node.Pos() to it, so that editors mark
// "for ... {" or "rows.ForEach(func(...) {" rather than the whole loop.
func (l *Loop) HeadEnd() token.Pos {
	if l.Body != nil && l.Body.Lbrace.IsValid() && l.Body.Lbrace > l.Node.Pos() && l.Body.Lbrace < l.Node.End() {
		return l.Body.Lbrace
	}
	return l.Node.End()
}

// Result lists the loops of one package. It is built at the first question:
// most packages write nothing, and the passes that use it ask only about a
// call that writes.
type Result struct {
	build func() // fills the fields below; nil once run or when there is nothing to build
	once  sync.Once
	loops []*Loop
	// enclosing maps each loop body (for callbacks, the literal's body) to
	// its loop; filled by run.
	enclosing map[ast.Node]*Loop
	// spans is the interval tree, sorted by start then by descending end.
	spans []*span
	// launches holds the calls that run a function on a goroutine of its
	// own: the call of a go statement, a launcher's call.
	launches map[ast.Node]bool
}

// Analyzer computes the loops of a package. It carries no facts.
var Analyzer = &analysis.Analyzer{
	Name:             "loops",
	Doc:              "finds loops, what they iterate over and their intent (helper pass, reports nothing)",
	Requires:         []*analysis.Analyzer{lazyinspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Result)(nil)),
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{enclosing: map[ast.Node]*Loop{}, launches: map[ast.Node]bool{}}
	if pass.TypesInfo == nil {
		return res, nil
	}
	res.build = func() { newBuilder(pass, lazyinspect.Of(pass), res).build() }
	return res, nil
}

func (r *Result) ready() {
	r.once.Do(func() {
		if r.build != nil {
			r.build()
			r.build = nil
		}
	})
}

// All returns every loop of the package, in source order.
func (r *Result) All() []*Loop {
	if r == nil {
		return nil
	}
	r.ready()
	return r.loops
}

// Body returns the loop whose per-iteration code is exactly body, or nil.
func (r *Result) Body(body *ast.BlockStmt) *Loop {
	if r == nil || body == nil {
		return nil
	}
	r.ready()
	return r.enclosing[body]
}

// Enclosing returns the innermost loop that runs the code at n once per
// iteration, whatever its intent, or nil. It follows function literals that
// are called, deferred or launched (go f(), errgroup's Go, a closure assigned
// to a local variable and called in the body); a function literal that is
// only stored in the loop does not run per iteration. A closure called from
// several places belongs to the first of them that is inside a loop.
func (r *Result) Enclosing(n ast.Node) *Loop {
	if r == nil || isNil(n) {
		return nil
	}
	r.ready()
	return r.enclosingFrom(r.innermost(n), 0)
}

// PerIteration returns the loop a per-record finding at n belongs to: the
// innermost enclosing PerElement loop, looking through Retry, Bounded and
// Once loops nested inside it. It returns nil when n is not run per element:
// no such loop, the innermost non-transparent loop is Chunked or Periodic,
// or n runs only under a threshold guard (if len(buf) >= n { flush }, a
// ticker's select case) inside the loop.
//
// Code in a closure called from several places is per element when any of
// its calls is.
//
// It also returns nil when n sits in a branch that always leaves the loop
// (if err != nil { log(err); return err }): such code runs at most once per
// execution of the loops it leaves, so only the loops around those decide.
//
// A defer needs no special case. A function literal deferred in a loop body
// runs at function exit, but once per iteration that deferred it, so its
// writes still happen once per element; a defer inside a literal that is
// called per iteration runs when that call returns, again once per iteration.
func (r *Result) PerIteration(n ast.Node) *Loop {
	if r == nil || isNil(n) {
		return nil
	}
	r.ready()
	l, _ := r.perIteration(r.innermost(n), leaving{}, 0)
	return l
}

// Launched reports whether the code at n runs in a goroutine launched once
// per iteration of the loop PerIteration returns for it (go f(), errgroup's
// Go, sync.WaitGroup's Go), or is itself such a go call: the writes of such goroutines overlap instead
// of running one after another. A goroutine launched once that itself loops
// is not launched per iteration of its own loop.
func (r *Result) Launched(n ast.Node) bool {
	if r == nil || isNil(n) {
		return false
	}
	r.ready()
	l, launched := r.perIteration(r.innermost(n), leaving{}, 0)
	return l != nil && (launched || r.launches[n])
}

func isNil(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
