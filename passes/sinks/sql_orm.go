package sinks

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// The ORMs' raw SQL APIs. gorm's Exec and Raw, and bun's NewRaw and its own
// Exec/Query methods (which shadow the *sql.DB that bun.DB embeds), run SQL
// text as database/sql does: their writes are SQL writes, decided by the
// text, and the library named is the ORM, whose batched forms the message
// suggests. go-pg's Exec, ExecOne, Query and QueryOne (and their Context
// forms) of *pg.DB, *pg.Conn, *pg.Tx, pg.DBI and orm.DB do the same. The
// three expand a slice bound after IN into the list (gorm any slice, bun
// bun.In and bun.List, go-pg pg.In), so a statement with IN ? is set-based
// there (SQLClass.InList).

// ormRawSQLRules match the finishers of the registry's raw queries. The
// text calls are the registry's SQLCalls (see buildSQLRules).
func ormRawSQLRules() []Rule {
	var rs []Rule
	for l, run := range knowledge.RawRuns {
		rs = append(rs, Rule{Pkg: run.Recv.Pkg, Type: run.Recv.Name, Name: run.Name, Lib: l.Key, Kind: SQL, Match: rawChainRule(l, run)})
	}
	return rs
}

// rawTextRule matches an ORM call whose SQL text is its own argument.
func rawTextRule(l *knowledge.Library, sh callShape) func(c *Context, call *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		return rawWrite(c, call, call, sh.sql, l, sh.exec)
	}
}

// rawChainRule matches the finisher of a raw query whose text was given
// earlier in the chain: db.Raw(sql, id).Scan(&x), db.NewRaw(sql, id).Exec(ctx).
func rawChainRule(l *knowledge.Library, run knowledge.RawRun) func(c *Context, call *ast.CallExpr) *Write {
	ch := l.Raw
	return func(c *Context, call *ast.CallExpr) *Write {
		if c == nil || c.Pass == nil {
			return nil
		}
		info := c.Pass.TypesInfo
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		for ok {
			inner, isCall := ast.Unparen(sel.X).(*ast.CallExpr)
			if !isCall {
				return nil
			}
			fn := callee.Func(info, inner)
			if fn == nil || callee.Key(fn).Pkg != run.Recv.Pkg {
				return nil
			}
			if i, found := ch.Text[fn.Name()]; found {
				return rawWrite(c, call, inner, i, l, run.Exec)
			}
			if !slices.Contains(ch.Pass, fn.Name()) {
				return nil
			}
			sel, ok = ast.Unparen(inner.Fun).(*ast.SelectorExpr)
		}
		return nil
	}
}

// rawWrite builds the write of call, which runs the SQL text at argument i
// of textCall (call itself, or the Raw/NewRaw earlier in its chain, whose
// arguments then carry the row).
func rawWrite(c *Context, call, textCall *ast.CallExpr, i int, l *knowledge.Library, exec bool) *Write {
	if c == nil || c.Pass == nil || i >= len(textCall.Args) {
		return nil
	}
	st := c.sqlState()
	text, ok := st.Text(textCall.Args[i])
	w := sqlWrite(l.Key, text, ok, exec, false)
	if w == nil {
		return nil
	}
	w.sqlText = textCall.Args[i]
	if textCall != call {
		w.dataCall = textCall
	}
	w.InTx = ormInTx(c, call, l)
	if root := chainRootExpr(call); l.TxShape == knowledge.TxType && !w.InTx && root != nil {
		if t := c.Pass.TypesInfo.TypeOf(root); t != nil && types.IsInterface(t) {
			// bun.IDB and bun.IConn, pg.DBI and orm.DB: a pool or a
			// transaction.
			w.TxUnknown = true
			if inTx, known := st.txOf(root, 0); known {
				w.InTx, w.TxUnknown = inTx, false
			}
		}
	}
	return w
}
