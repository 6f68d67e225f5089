package loops

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/batchlint/batchlint/knowledge"
)

// method names a method by import path, receiver type and name.
type method struct {
	pkg, recv, name string
}

// callbackIter is a method that calls its function argument once per
// element, in the caller's goroutine, before it returns.
type callbackIter struct {
	method
	arg    int
	intent Intent
}

// callbackIters lists the callback iterators: the registry's and the
// standard library's.
var callbackIters = append(fromRegistry(knowledge.Iterators()), callbackIter{method{"sync", "Map", "Range"}, 0, PerElement})

// launchers run their function argument once per call on a goroutine of
// its own, the registry's and the standard library's: work launched per
// iteration is per-iteration work.
var launchers = append(fromRegistry(knowledge.Launchers()), callbackIter{method{"sync", "WaitGroup", "Go"}, 0, PerElement})

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
		out[i] = callbackIter{method{c.Pkg, c.Recv, c.Name}, c.Arg, intent}
	}
	return out
}

// pollers return a batch of records per call: a loop whose iteration opens
// with one handles a batch per iteration (EachRecord inside it is the
// per-record loop).
var pollers = registryPollers()

func registryPollers() []method {
	var ms []method
	for _, f := range knowledge.Pollers() {
		ms = append(ms, method{f.Pkg, f.Recv, f.Name})
	}
	return ms
}

// sizers are types whose Len() counts buffered records or bytes, so
// comparing it to a bound is a flush threshold like len(buf) >= n: the
// standard library's and the registry's.
var sizers = append([]method{
	{"bytes", "Buffer", "Len"},
	{"strings", "Builder", "Len"},
	{"container/list", "List", "Len"},
}, registrySizers()...)

func registrySizers() []method {
	var ms []method
	for _, t := range knowledge.Sizers() {
		ms = append(ms, method{t.Pkg, t.Name, "Len"})
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

// calleeFunc returns the function or method a call statically calls.
func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	if info == nil || call == nil {
		return nil
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn == nil {
		return nil
	}
	return fn.Origin()
}

// is reports whether fn is the method m, or the package-level function
// m.pkg.m.name when m.recv is empty.
func (m method) is(fn *types.Func) bool {
	if fn == nil || fn.Name() != m.name {
		return false
	}
	if m.recv == "" {
		return isPkgFunc(fn, m.pkg, m.name)
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	obj := namedObj(sig.Recv().Type())
	return obj != nil && obj.Name() == m.recv && obj.Pkg() != nil && obj.Pkg().Path() == m.pkg
}

// namedObj returns the type name of t or *t, or nil.
func namedObj(t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj()
	}
	return nil
}

func lookup(table []callbackIter, fn *types.Func) (callbackIter, bool) {
	for _, c := range table {
		if c.is(fn) {
			return c, true
		}
	}
	return callbackIter{}, false
}

// isPkgFunc reports whether fn is the package-level function path.name.
func isPkgFunc(fn *types.Func, path, name string) bool {
	if fn == nil || fn.Name() != name || fn.Pkg() == nil || fn.Pkg().Path() != path {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() == nil
}
