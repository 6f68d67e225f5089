package loops

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
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

const (
	kgo  = "github.com/twmb/franz-go/pkg/kgo"
	pgx5 = "github.com/jackc/pgx/v5"
)

// callbackIters lists the callback iterators (checked against franz-go
// v1.22.3, pkg/kgo/record_and_fetch.go, and pgx v5.12.0, rows.go). A
// partition or topic is a batch of records handed over at once, so one call
// per partition is Chunked.
//
// pgx's ForEachRow scans each row and calls fn, and AppendRows and
// CollectRows call their RowToFunc once per row: a literal passed to them
// is the body of a for rows.Next() loop. CollectOneRow and
// CollectExactlyOneRow call theirs for one row only, so they are absent.
var callbackIters = []callbackIter{
	{method{kgo, "Fetches", "EachRecord"}, 0, PerElement},
	{method{kgo, "Fetches", "EachError"}, 0, PerElement},
	{method{kgo, "Fetches", "EachPartition"}, 0, Chunked},
	{method{kgo, "Fetches", "EachTopic"}, 0, Chunked},
	{method{kgo, "FetchTopic", "EachPartition"}, 0, Chunked},
	{method{kgo, "FetchTopic", "EachRecord"}, 0, PerElement},
	{method{kgo, "FetchPartition", "EachRecord"}, 0, PerElement},
	{method{kgo, "FetchTopicPartition", "EachRecord"}, 0, PerElement},
	{method{"sync", "Map", "Range"}, 0, PerElement},
	{method{pgx5, "", "ForEachRow"}, 2, PerElement},
	{method{pgx5, "", "AppendRows"}, 2, PerElement},
	{method{pgx5, "", "CollectRows"}, 1, PerElement},
}

// launchers run their function argument once per call, possibly on
// another goroutine: work launched per iteration is per-iteration work.
var launchers = []callbackIter{
	{method{"golang.org/x/sync/errgroup", "Group", "Go"}, 0, PerElement},
	{method{"golang.org/x/sync/errgroup", "Group", "TryGo"}, 0, PerElement},
	{method{"sync", "WaitGroup", "Go"}, 0, PerElement},
}

// runners call their function argument once, synchronously, before they
// return: transaction helpers. A literal passed to one runs where the call
// is. (sync.Once.Do is deliberately absent: its literal runs at most once
// in all.)
//
// pgxpool (pgx v5.12.0) has AcquireFunc but no Pool.BeginFunc: a pool
// goes through pgx.BeginFunc. go-pg v10 defines RunInTransaction on the
// unexported baseDB, which pg.DB and pg.Conn embed, and on pg.Tx.
var runners = []callbackIter{
	{method{pgx5, "", "BeginFunc"}, 2, PerElement},
	{method{pgx5, "", "BeginTxFunc"}, 3, PerElement},
	{method{pgx5 + "/pgxpool", "Pool", "AcquireFunc"}, 1, PerElement},
	{method{"github.com/go-pg/pg/v10", "baseDB", "RunInTransaction"}, 1, PerElement},
	{method{"github.com/go-pg/pg/v10", "Tx", "RunInTransaction"}, 1, PerElement},
	{method{"gorm.io/gorm", "DB", "Transaction"}, 0, PerElement},
	{method{"github.com/uptrace/bun", "DB", "RunInTx"}, 2, PerElement},
	{method{"github.com/uptrace/bun", "Conn", "RunInTx"}, 2, PerElement},
	{method{"github.com/uptrace/bun", "Tx", "RunInTx"}, 2, PerElement},
}

// pollers return a batch of records per call: a loop whose iteration opens
// with one handles a batch per iteration (EachRecord inside it is the
// per-record loop).
var pollers = []method{
	{kgo, "Client", "PollFetches"},
	{kgo, "Client", "PollRecords"},
}

// sizers are types whose Len() counts buffered records or bytes, so
// comparing it to a bound is a flush threshold like len(buf) >= n.
var sizers = []method{
	{"bytes", "Buffer", "Len"},
	{"strings", "Builder", "Len"},
	{"container/list", "List", "Len"},
	{"github.com/jackc/pgx/v5", "Batch", "Len"},
	{"github.com/jackc/pgx/v4", "Batch", "Len"},
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
