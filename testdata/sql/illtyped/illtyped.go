// Package illtyped does not compile: the analyzer must neither panic nor
// lose the findings it can still see.
package illtyped

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func broken(ctx context.Context, pool *pgxpool.Pool, db *sql.DB, rows []Row) {
	for _, r := range rows {
		pool.Exec(ctx, undefinedConst, r.ID) // want `Exec of SQL text not known statically, executed once per element of rows`
		pool.Exec()
		pool.SendBatch(ctx)
		pool.SendBatch(ctx, undefinedBatch)
		b := &pgx.Batch{}
		b.Queue()
		pool.SendBatch(ctx, b)
		var stmt *sql.Stmt = nope()
		stmt.Exec(r.ID) // want `Exec of SQL text not known statically, executed once per element of rows`
		missing.Exec(ctx, "INSERT INTO t VALUES ($1)", 1)
		pool.Exec(ctx, "INSERT INTO t VALUES ($1)"+1, r)
		db.Exec(fmt.Sprintf("INSERT INTO %s VALUES ($1)", r.Table), r.ID)
		st, _ := db.Prepare(undefinedText)
		st.Exec(r.ID) // want `Exec of SQL text not known statically, executed once per element of rows`
		(*Undefined).Save(nil)
		wrapper(db)
		pool.Exec(ctx, "INSERT INTO t (a) VALUES ($1)", r) // want `INSERT INTO t executed once per element of rows`
	}
}

func (x *Undefined) Save() { db.Exec("INSERT INTO t (a) VALUES ($1)", 1) }

func wrapper(db *sql.DB) {
	db.Exec(q+1, 2)
	wrapper()
}

type S struct{ stmt *sql.Stmt }

func (s S) run(ids []int64) {
	s = S{stmt: nil, extra: 1}
	for _, id := range ids {
		s.stmt.Exec(id) // want `Exec of SQL text not known statically, executed once per element of ids`
	}
}
