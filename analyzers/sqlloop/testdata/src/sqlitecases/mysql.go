package sqlitecases

import (
	"context"
	"database/sql"

	_ "github.com/go-sql-driver/mysql"
)

// This file runs its SQL on MySQL: no COPY there.
func saveTagsMySQL(ctx context.Context, db *sql.DB, tags []tag) {
	for _, t := range tags {
		db.ExecContext(ctx, insertTag, t.Name) // want `INSERT INTO tag executed once per element of tags, with autocommit; use a multi-row INSERT per chunk \(runtime/pgbatch.InsertChunks with MySQL\) or LOAD DATA$`
	}
}

func deleteTagsMySQL(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		db.ExecContext(ctx, "DELETE FROM tag WHERE id = ?", id) // want `DELETE FROM tag executed once per element of ids, with autocommit; use one set-based statement \(WHERE id IN \(...\), or a JOIN with the rows' values\)$`
	}
}

func runEachMySQL(ctx context.Context, db *sql.DB, q string, ids []int) {
	for _, id := range ids {
		db.ExecContext(ctx, q, id) // want `ExecContext of SQL text not known statically, executed once per element of ids; use one multi-row or set-based statement per chunk of rows$`
	}
}
