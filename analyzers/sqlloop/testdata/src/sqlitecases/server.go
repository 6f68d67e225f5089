package sqlitecases

import (
	"context"
	"database/sql"
)

// This file imports no driver: its statements may run on any database, so a
// transaction around the loop does not settle it and the usual fix is named.
func saveTagsAnywhere(ctx context.Context, tx *sql.Tx, tags []tag) error {
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, insertTag, t.Name); err != nil { // want `INSERT INTO tag executed once per element of tags, in a transaction; use COPY \(pq.CopyIn\)`
			return err
		}
	}
	return nil
}
