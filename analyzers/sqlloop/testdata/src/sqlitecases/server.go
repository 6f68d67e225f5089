package sqlitecases

import (
	"context"
	"database/sql"
)

// This file imports no driver: its statements may run on any database, so a
// transaction around the loop does not settle it and the usual fix is named.
func saveTagsAnywhere(ctx context.Context, tx *sql.Tx, tags []tag) error {
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, insertTag, t.Name); err != nil { // want `INSERT INTO tag executed once per element of tags, in a transaction; use a multi-row INSERT per chunk \(runtime/pgbatch.InsertChunks\) or COPY on Postgres$`
			return err
		}
	}
	return nil
}

// Text not known statically may as well delete or update: the fix names
// no statement.
func runEach(ctx context.Context, db *sql.DB, q string, ids []int) {
	for _, id := range ids {
		db.ExecContext(ctx, q, id) // want `ExecContext of SQL text not known statically, executed once per element of ids; use one multi-row or set-based statement per chunk of rows$`
	}
}

func deleteTagsAnywhere(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM tag WHERE id = ?", id) // want `DELETE FROM tag executed once per element of ids, with autocommit; use one set-based statement \(WHERE id IN \(...\), or unnest or = ANY\(\$1\) on Postgres\)$`
	}
}
