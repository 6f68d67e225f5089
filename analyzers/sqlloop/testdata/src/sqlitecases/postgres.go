package sqlitecases

import (
	"context"
	"database/sql"

	_ "github.com/lib/pq"
)

// This file runs its SQL on Postgres: COPY, or = ANY($1) for a set.
func saveTagsPostgres(ctx context.Context, db *sql.DB, tags []tag) {
	for _, t := range tags {
		db.ExecContext(ctx, "INSERT INTO tag (name) VALUES ($1)", t.Name) // want `INSERT INTO tag executed once per element of tags, with autocommit; use COPY \(pq.CopyIn\) or a multi-row INSERT \(runtime/pgbatch.InsertChunks\)$`
	}
}

func deleteTagsPostgres(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM tag WHERE id = $1", id) // want `DELETE FROM tag executed once per element of ids, with autocommit; use one set-based statement \(unnest or WHERE id = ANY\(\$1\)\)$`
	}
}
