// Package skips holds per-row writes the analyzer must not report: in a
// generated file, in a _test.go file (without -tests), and under a
// suppression directive with a reason.
package skips

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func seedFixedRows(ctx context.Context, pool *pgxpool.Pool, names []string) {
	for _, n := range names {
		//batchlint:ignore sqlloop -- seeds at most three rows at startup
		pool.Exec(ctx, "INSERT INTO roles (name) VALUES ($1)", n)
	}
}
