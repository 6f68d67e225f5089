// Package bunraw holds SQL text run through bun's raw API per iteration
// (want: sqlloop reports them, naming bun) and the look-alikes it must leave
// alone.
package bunraw

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/orm/model"
)

func rekey(ctx context.Context, db *bun.DB, keys map[string]string) error {
	for from, to := range keys {
		if _, err := db.NewRaw("UPDATE events SET key = ? WHERE key = ?", to, from).Exec(ctx); err != nil { // want `UPDATE events executed once per element of keys, with autocommit`
			return err
		}
	}
	return nil
}

// bun.DB's own ExecContext formats the query and runs it: not
// database/sql's, which it shadows.
func deactivate(ctx context.Context, db *bun.DB, ids []int64) {
	for _, id := range ids {
		db.ExecContext(ctx, "UPDATE users SET active = false WHERE id = ?", id) // want `UPDATE users executed once per element of ids`
	}
}

func insertEach(ctx context.Context, db *bun.DB, users []model.User) {
	for _, u := range users {
		db.Exec("INSERT INTO users (name, age) VALUES (?, ?)", u.Name, u.Age) // want `INSERT INTO users executed once per element of users.*; use bun NewInsert\(\)\.Model\(&slice\)`
	}
}

func returning(ctx context.Context, db *bun.DB, users []model.User) {
	for _, u := range users {
		var age int
		db.NewRaw("UPDATE users SET age = age + 1 WHERE id = ? RETURNING age", u.ID).Scan(ctx, &age) // want `UPDATE users executed once per element of users`
		db.QueryRowContext(ctx, "DELETE FROM users WHERE id = ? RETURNING age", u.ID).Scan(&age)     // want `DELETE FROM users executed once per element of users`
	}
}

func inTx(ctx context.Context, db *bun.DB, keys []string) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, k := range keys {
			if _, err := tx.NewRaw("DELETE FROM events WHERE key = ?", k).Exec(ctx); err != nil { // want `in a transaction`
				return err
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM events WHERE key = ?", k); err != nil { // want `in a transaction`
				return err
			}
		}
		return nil
	})
}

// Through bun.IDB, a *bun.DB and a bun.Tx alike.
func throughIDB(ctx context.Context, idb bun.IDB, keys []string) {
	for _, k := range keys {
		idb.NewRaw("DELETE FROM events WHERE key = ?", k).Exec(ctx) // want `DELETE FROM events executed once per element of keys;`
		idb.ExecContext(ctx, "DELETE FROM events WHERE key = ?", k) // want `DELETE FROM events executed once per element of keys`
	}
}

// --- look-alikes ---

// Reads per element.
func readEach(ctx context.Context, db *bun.DB, ids []int64) {
	for _, id := range ids {
		var u model.User
		db.NewRaw("SELECT * FROM users WHERE id = ?", id).Scan(ctx, &u)
		db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id).Scan(&u.Name)
	}
}

// DDL per element.
func addColumns(ctx context.Context, db *bun.DB, cols []string) {
	for _, c := range cols {
		db.NewRaw("ALTER TABLE users ADD COLUMN ? text", bun.Ident(c)).Exec(ctx)
	}
}

// One write outside any loop.
func deactivateOne(ctx context.Context, db *bun.DB, id int64) error {
	_, err := db.NewRaw("UPDATE users SET active = false WHERE id = ?", id).Exec(ctx)
	return err
}

// One set-based statement per chunk: bun.In and bun.List expand the slice.
func deactivateChunks(ctx context.Context, db *bun.DB, chunks [][]int64) {
	for _, ids := range chunks {
		db.NewRaw("UPDATE users SET active = false WHERE id IN (?)", bun.In(ids)).Exec(ctx)
		db.ExecContext(ctx, "DELETE FROM users WHERE id IN (?)", bun.List(ids))
	}
}

// A statement that does not depend on the loop element.
func sweep(ctx context.Context, db *bun.DB, ticks <-chan struct{}) {
	for range ticks {
		db.NewRaw("DELETE FROM events WHERE key LIKE ?", "tmp-%").Exec(ctx)
	}
}

// A short literal list of statements.
func reset(ctx context.Context, db *bun.DB, id int64) {
	for _, q := range []string{
		"UPDATE users SET age = 0 WHERE id = ?",
		"DELETE FROM users WHERE id = ?",
	} {
		db.NewRaw(q, id).Exec(ctx)
	}
}
