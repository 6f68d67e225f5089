// Package unknownsql writes with SQL text that cannot be resolved
// statically: reported only with -unknown-sql.
package unknownsql

import (
	"context"
	"database/sql"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

func apply(ctx context.Context, pool *pgxpool.Pool, queries map[string]string, ids []int64) {
	for _, id := range ids {
		pool.Exec(ctx, queries["touch"], id) // want `a statement of unknown text executed once per element of ids; use`
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
		if _, err := stmt.Exec(r...); err != nil { // want `a statement of unknown text executed once per element of rows`
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
