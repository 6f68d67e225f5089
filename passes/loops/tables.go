package loops

import (
	"go/types"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// callbackIter is a method that calls its function argument once per
// element, in the caller's goroutine, before it returns.
type callbackIter struct {
	knowledge.Func
	arg    int
	intent Intent
}

// callbackIters lists the callback iterators: the registry's and the
// standard library's.
var callbackIters = append(fromRegistry(knowledge.Iterators()), callbackIter{knowledge.Func{Pkg: "sync", Recv: "Map", Name: "Range"}, 0, PerElement})

// launchers run their function argument once per call on a goroutine of
// its own, the registry's and the standard library's: work launched per
// iteration is per-iteration work.
var launchers = append(fromRegistry(knowledge.Launchers()), callbackIter{knowledge.Func{Pkg: "sync", Recv: "WaitGroup", Name: "Go"}, 0, PerElement})

// runners call their function argument once, synchronously, before they
// return: the registry's transaction helpers. A literal passed to one runs
// where the call is. (sync.Once.Do is deliberately absent: its literal runs
// at most once in all.)
var runners = fromRegistry(knowledge.Runners())

// fromRegistry converts the registry's callbacks.
func fromRegistry(cbs []knowledge.Callback) []callbackIter {
	out := make([]callbackIter, len(cbs))
	for i, c := range cbs {
		intent := PerElement
		if c.Chunked {
			intent = Chunked
		}
		out[i] = callbackIter{c.Func, c.Arg, intent}
	}
	return out
}

// pollers return a batch of records per call: a loop whose iteration opens
// with one handles a batch per iteration (EachRecord inside it is the
// per-record loop).
var pollers = knowledge.Pollers()

// sizers are types whose Len() counts buffered records or bytes, so
// comparing it to a bound is a flush threshold like len(buf) >= n: the
// standard library's and the registry's.
var sizers = append([]knowledge.Func{
	{Pkg: "bytes", Recv: "Buffer", Name: "Len"},
	{Pkg: "strings", Recv: "Builder", Name: "Len"},
	{Pkg: "container/list", Recv: "List", Name: "Len"},
}, registrySizers()...)

func registrySizers() []knowledge.Func {
	var ms []knowledge.Func
	for _, t := range knowledge.Sizers() {
		ms = append(ms, knowledge.Func{Pkg: t.Pkg, Recv: t.Name, Name: "Len"})
	}
	return ms
}

// noReturn lists functions that never return to the loop.
var noReturn = map[string]bool{
	"os.Exit":                   true,
	"runtime.Goexit":            true,
	"log.Fatal":                 true,
	"log.Fatalf":                true,
	"log.Fatalln":               true,
	"log.Panic":                 true,
	"log.Panicf":                true,
	"log.Panicln":               true,
	"(*log.Logger).Fatal":       true,
	"(*log.Logger).Fatalf":      true,
	"(*log.Logger).Fatalln":     true,
	"(*log.Logger).Panic":       true,
	"(*log.Logger).Panicf":      true,
	"(*log.Logger).Panicln":     true,
	"(*testing.common).FailNow": true,
	"(*testing.common).Fatal":   true,
	"(*testing.common).Fatalf":  true,
	"(*testing.common).SkipNow": true,
	"(*testing.common).Skip":    true,
	"(*testing.common).Skipf":   true,
}

func lookup(table []callbackIter, fn *types.Func) (callbackIter, bool) {
	for _, c := range table {
		if callee.Key(fn) == c.Func {
			return c, true
		}
	}
	return callbackIter{}, false
}

// isPkgFunc reports whether fn is the package-level function path.name.
func isPkgFunc(fn *types.Func, path, name string) bool {
	return callee.Key(fn) == knowledge.Func{Pkg: path, Name: name}
}
