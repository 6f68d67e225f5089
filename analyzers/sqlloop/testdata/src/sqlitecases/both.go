package sqlitecases

import (
	"context"
	"database/sql"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/mattn/go-sqlite3"
)

// This file imports drivers of two databases: which one runs the statement
// is not settled, so it is reported as on any database.
func saveTagsEither(ctx context.Context, tx *sql.Tx, tags []tag) error {
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, insertTag, t.Name); err != nil { // want `INSERT INTO tag executed once per element of tags, in a transaction; use a multi-row INSERT per chunk \(runtime/pgbatch.InsertChunks\) or COPY on Postgres$`
			return err
		}
	}
	return nil
}
