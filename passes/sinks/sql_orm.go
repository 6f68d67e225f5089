package sinks

import (
	"go/ast"
	"go/types"

	"github.com/batchlint/batchlint/knowledge"
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

// rawChain says where a finisher of an ORM's raw query finds its text: on a
// call of the receiver chain named in text (the index of the text among its
// arguments), with only the methods in pass between.
type rawChain struct {
	pkg  string
	text map[string]int
	pass map[string]bool
}

var (
	gormRawChain = rawChain{
		pkg:  knowledge.GormPath,
		text: map[string]int{"Raw": 0},
		pass: map[string]bool{"WithContext": true, "Session": true, "Debug": true},
	}
	bunRawChain = rawChain{
		pkg: knowledge.BunPath,
		// db.NewRaw(query, args...), bun.NewRawQuery(db, query, args...).
		text: map[string]int{"NewRaw": 0, "NewRawQuery": 1},
		pass: map[string]bool{"Conn": true, "Comment": true, "Err": true},
	}
)

func ormRawSQLRules() []Rule {
	var rs []Rule
	add := func(pkg, typ, name, lib string, m func(c *Context, call *ast.CallExpr) *Write) {
		rs = append(rs, Rule{Pkg: pkg, Type: typ, Name: name, Lib: lib, Kind: SQL, Match: m})
	}

	// The text calls are the registry's (see buildSQLRules); here are the
	// finishers of a raw query built earlier in the chain: gorm's
	// db.Raw(sql, values...) run by Scan, Find, Row or Rows (a write with
	// RETURNING), and bun's NewRaw(query, args...).Exec/Scan.
	for _, name := range []string{"Scan", "Find", "Row", "Rows"} {
		add(knowledge.GormPath, "DB", name, knowledge.Gorm.Key, rawChainRule(knowledge.Gorm.Key, gormRawChain, false))
		add(knowledge.GormPath, "ExecInterface", name, knowledge.Gorm.Key, rawChainRule(knowledge.Gorm.Key, gormRawChain, false))
	}
	add(knowledge.BunPath, "RawQuery", "Exec", knowledge.Bun.Key, rawChainRule(knowledge.Bun.Key, bunRawChain, true))
	add(knowledge.BunPath, "RawQuery", "Scan", knowledge.Bun.Key, rawChainRule(knowledge.Bun.Key, bunRawChain, false))
	return rs
}

// rawTextRule matches an ORM call whose SQL text is its own argument.
func rawTextRule(lib string, sh callShape) func(c *Context, call *ast.CallExpr) *Write {
	return func(c *Context, call *ast.CallExpr) *Write {
		return rawWrite(c, call, call, sh.sql, lib, sh.exec)
	}
}

// rawChainRule matches the finisher of a raw query whose text was given
// earlier in the chain: db.Raw(sql, id).Scan(&x), db.NewRaw(sql, id).Exec(ctx).
func rawChainRule(lib string, ch rawChain, exec bool) func(c *Context, call *ast.CallExpr) *Write {
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
			fn := calleeFunc(info, inner)
			if pkg, _ := funcKey(fn); fn == nil || pkg != ch.pkg {
				return nil
			}
			if i, found := ch.text[fn.Name()]; found {
				return rawWrite(c, call, inner, i, lib, exec)
			}
			if !ch.pass[fn.Name()] {
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
func rawWrite(c *Context, call, textCall *ast.CallExpr, i int, lib string, exec bool) *Write {
	if c == nil || c.Pass == nil || i >= len(textCall.Args) {
		return nil
	}
	st := c.sqlState()
	text, ok := st.Text(textCall.Args[i])
	w := sqlWrite(lib, text, ok, exec, false)
	if w == nil {
		return nil
	}
	w.sqlText = textCall.Args[i]
	if textCall != call {
		w.dataCall = textCall
	}
	switch lib {
	case knowledge.Gorm.Key:
		// *gorm.DB is a pool and a transaction alike: a Begin() or a
		// Transaction callback's parameter is one.
		w.InTx = ormInTx(c, call, knowledge.Gorm.Key)
	case knowledge.Bun.Key, knowledge.Gopg.Key:
		w.InTx = ormInTx(c, call, lib)
		if root := chainRootExpr(call); !w.InTx && root != nil {
			if t := c.Pass.TypesInfo.TypeOf(root); t != nil && types.IsInterface(t) {
				// bun.IDB and bun.IConn, pg.DBI and orm.DB: a pool or a
				// transaction.
				w.TxUnknown = true
				if inTx, known := st.txOf(root, 0); known {
					w.InTx, w.TxUnknown = inTx, false
				}
			}
		}
	}
	return w
}
