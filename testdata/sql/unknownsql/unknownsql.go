// Package unknownsql runs SQL text that cannot be resolved statically, with
// -unknown-sql: every Exec in a per-element loop whose arguments change is
// reported, not only one that binds the element's values.
package unknownsql

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

func apply(ctx context.Context, pool *pgxpool.Pool, queries map[string]string, ids []int64) {
	for _, id := range ids {
		pool.Exec(ctx, queries["touch"], id) // want `^Exec of SQL text not known statically, executed once per element of ids; use`
	}
}

func fromFile(db *sql.DB, path string, rows [][]any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	stmt, err := db.Prepare(string(b))
	if err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := stmt.Exec(r...); err != nil { // want `^Exec of SQL text not known statically, executed once per element of rows; use`
			return err
		}
	}
	return nil
}

// Reads with unknown text stay silent even in this mode.
func lookups(ctx context.Context, pool *pgxpool.Pool, q string, ids []int64) {
	for _, id := range ids {
		var n int
		_ = pool.QueryRow(ctx, q, id).Scan(&n)
	}
}

// Known text still decides: DDL stays silent.
func ddl(ctx context.Context, pool *pgxpool.Pool, tables []string) {
	for _, t := range tables {
		pool.Exec(ctx, "ANALYZE "+t)
	}
}

// Only with -unknown-sql: a text per iteration without bind arguments (the
// DDL this mode brings) and a wrapper of an unknown statement.
func steps(db *sql.DB, texts []string) {
	for _, t := range texts {
		db.Exec(t) // want `^Exec of SQL text not known statically, executed once per element of texts; use`
	}
}

type store struct{ stmt *sql.Stmt }

func (s *store) save(id int64) error {
	_, err := s.stmt.Exec(id)
	return err
}

func viaWrapper(s *store, ids []int64) {
	for _, id := range ids {
		s.save(id) // want `^\(\*unknownsql.store\).save \(SQL text not known statically\) executed once per element of ids; use`
	}
}
