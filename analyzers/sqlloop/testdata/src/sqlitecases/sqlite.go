// Package sqlitecases holds per-row writes on SQLite: this file imports only
// a SQLite driver, so its statements run in process.
package sqlitecases

import (
	"context"
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

type tag struct {
	ID   int
	Name string
}

const insertTag = "INSERT INTO tag (name) VALUES (?)"

// One transaction around the loop, a prepared statement per row: SQLite's
// own bulk path, not reported.
func saveTags(ctx context.Context, db *sql.DB, tags []tag) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, insertTag)
	if err != nil {
		return err
	}
	for _, t := range tags {
		if _, err := stmt.ExecContext(ctx, t.Name); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE tag SET used = 1 WHERE id = ?", t.ID); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func withTx(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// The loop inside a transaction runner's closure: one transaction.
func saveTagsInRunner(ctx context.Context, db *sql.DB, tags []tag) error {
	return withTx(ctx, db, func(tx *sql.Tx) error {
		for _, t := range tags {
			if _, err := tx.ExecContext(ctx, insertTag, t.Name); err != nil {
				return err
			}
		}
		return nil
	})
}

// Autocommit: every statement is a transaction of its own, synced to disk.
func saveTagsAutocommit(ctx context.Context, db *sql.DB, tags []tag) {
	for _, t := range tags {
		db.ExecContext(ctx, insertTag, t.Name) // want `INSERT INTO tag executed once per element of tags, with autocommit; use one transaction around the loop \(SQLite commits each statement on its own\)$`
	}
}

// A transaction per element commits per element.
func saveTagsTxEach(ctx context.Context, db *sql.DB, tags []tag) error {
	for _, t := range tags {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, insertTag, t.Name); err != nil { // want `INSERT INTO tag executed once per element of tags, in a transaction; use one transaction around the loop`
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// A runner called per element opens a transaction per element.
func saveTagsRunnerEach(ctx context.Context, db *sql.DB, tags []tag) error {
	for _, t := range tags {
		err := withTx(ctx, db, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, insertTag, t.Name) // want `INSERT INTO tag executed once per element of tags, in a transaction; use one transaction around the loop`
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
