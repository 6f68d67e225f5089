// Package unknowncopy prepares a lib/pq COPY and hands it to a helper that
// executes it once per row: the helper's statement cannot be resolved, and
// in a package that hands a COPY on, an Exec on such a statement is not
// reported (COPY's Exec per row is buffered).
package unknowncopy

import (
	"database/sql"

	"github.com/lib/pq"
)

type Row struct {
	ID    int64
	Email string
}

func Load(db *sql.DB, rows []Row) error {
	txn, err := db.Begin()
	if err != nil {
		return err
	}
	defer txn.Rollback()
	stmt, err := txn.Prepare(pq.CopyIn("subscribers", "id", "email"))
	if err != nil {
		return err
	}
	if err := copyRows(stmt, rows); err != nil {
		return err
	}
	if _, err := stmt.Exec(); err != nil {
		return err
	}
	return txn.Commit()
}

func copyRows(stmt *sql.Stmt, rows []Row) error {
	for _, r := range rows {
		if _, err := stmt.Exec(r.ID, r.Email); err != nil {
			return err
		}
	}
	return nil
}

// Text it can see still decides.
func Insert(db *sql.DB, rows []Row) {
	for _, r := range rows {
		db.Exec("INSERT INTO subscribers (id, email) VALUES ($1, $2)", r.ID, r.Email) // want `INSERT INTO subscribers executed once per element of rows`
	}
}
