package sinks

import (
	"go/ast"
	"go/types"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/loops"
)

// SQLiteInTx reports a write on SQLite that need not be batched: it runs in
// a transaction opened outside loop, or whether it runs in a transaction at
// all is unknown. In process and inside one transaction, a statement per
// row costs neither a round trip nor a commit; that is how SQLite bulk-loads.
// A transaction may be opened per iteration when the loop calls something
// that returns one, or when the write sits in a function literal inside the
// loop (a transaction runner's closure), and a wrapper may open its own:
// those stay findings, as does autocommit, where every statement is a
// transaction synced to disk.
func (r *Result) SQLiteInTx(w *Write, l *loops.Loop) bool {
	if w == nil || w.Dialect != knowledge.SQLite || l == nil || l.Body == nil {
		return false
	}
	if w.TxUnknown {
		return true
	}
	if !w.InTx || w.Via != nil || r.ctx == nil {
		return false
	}
	info := r.ctx.Pass.TypesInfo
	perIteration := false
	ast.Inspect(l.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			perIteration = n.Pos() <= w.Call.Pos() && w.Call.End() <= n.End()
		case *ast.CallExpr:
			perIteration = returnsTx(info.TypeOf(n))
		}
		return !perIteration
	})
	return !perIteration
}

func returnsTx(t types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		for v := range tup.Variables() {
			if isTxType(v.Type()) {
				return true
			}
		}
		return false
	}
	return isTxType(t)
}
