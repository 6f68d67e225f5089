package sqlitecases

import (
	"context"
	"database/sql"

	_ "modernc.org/sqlite/lib"
)

// modernc.org/sqlite/lib is SQLite's C library, not the driver: a file that
// imports it alone may run its SQL on another database, so a transaction
// around the loop does not settle it.
func saveTagsLib(ctx context.Context, tx *sql.Tx, tags []tag) {
	for _, t := range tags {
		tx.ExecContext(ctx, insertTag, t.Name) // want `INSERT INTO tag executed once per element of tags, in a transaction; use a multi-row INSERT per chunk \(runtime/pgbatch.InsertChunks\) or COPY on Postgres$`
	}
}
