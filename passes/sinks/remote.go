package sinks

import (
	"go/ast"
	"go/types"
	"strings"
	"sync"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/loops"
)

// RemoteFact marks an exported function each call of which sends a request
// to another service and waits for its answer (knowledge.RemoteCalls), at
// its top level or on every branch, directly or through another such
// function.
type RemoteFact struct {
	Where string // file:line of the request inside it
}

func (*RemoteFact) AFact() {}

func (f *RemoteFact) String() string { return "requests at " + f.Where }

var remoteCalls = sync.OnceValue(func() map[knowledge.Func]bool {
	m := map[knowledge.Func]bool{}
	for _, f := range knowledge.RemoteCalls {
		m[f] = true
	}
	return m
})

func isRemoteCall(fn *types.Func) bool {
	return remoteCalls()[callee.Key(fn)]
}

// remoteSummaries reports whether the functions of the package at path are
// summarised: not the standard library's (net/http's own API is the table
// itself) nor a registered library's (knowledge.Owns).
func remoteSummaries(path string) bool {
	path = callee.TrimVendor(path)
	first, _, _ := strings.Cut(path, "/")
	return strings.Contains(first, ".") && !knowledge.Owns(path)
}

// remotes finds the calls that make a request on every call.
type remotes struct {
	w      *wrappers
	direct map[*ast.CallExpr]bool // calls of knowledge.RemoteCalls
	local  map[*types.Func]string // this package's functions that request, and where
}

// at returns where the request call makes is, or "" when it makes none on
// every call. A call the write tables own is a write (or a read) whatever
// its library does underneath, never a request.
func (r *remotes) at(call *ast.CallExpr) string {
	if r.direct[call] {
		return r.w.where(call)
	}
	if r.w.direct[call] != nil || r.w.owned[call] {
		return ""
	}
	fn := callee.Func(r.w.pass.TypesInfo, call)
	if fn == nil || callee.Abstract(fn) {
		return ""
	}
	if where := r.local[fn]; where != "" {
		return where
	}
	var f RemoteFact
	if fn.Pkg() != nil && fn.Pkg() != r.w.pass.Pkg && r.w.pass.ImportObjectFact(fn, &f) {
		return f.Where
	}
	return ""
}

func (r *remotes) requests(call *ast.CallExpr) bool { return r.at(call) != "" }

// summarise returns where fd makes a request on every call, or "".
func (r *remotes) summarise(fd *ast.FuncDecl) string {
	if calls := r.w.onceCalls(fd.Body, r.requests); len(calls) > 0 {
		return r.at(calls[0])
	}
	return ""
}

// Job reports that every element of l is a unit of work around a request
// to another service (a feed fetched over HTTP, an API called), so that w
// is not what an element costs: w's callee makes a request on every call,
// or the body of l makes one on every iteration that runs to its end.
func (r *Result) Job(w *Write, l *loops.Loop) bool {
	if r == nil || r.remote == nil || w == nil || l == nil || l.Body == nil {
		return false
	}
	return r.remote.requests(w.Call) || len(r.remote.w.onceCalls(l.Body, r.remote.requests)) > 0
}
