// Package gormraw holds SQL text run through gorm's raw API per iteration
// (want: sqlloop reports them, naming gorm) and the look-alikes it must
// leave alone.
package gormraw

import (
	"context"
	"database/sql"
	"strconv"

	"gorm.io/gorm"

	"example.com/orm/model"
)

// A *gorm.DB may be a transaction: the message claims no autocommit.
func bumpEach(db *gorm.DB, ids []int64) {
	for _, id := range ids {
		db.Exec("UPDATE users SET age = age + 1 WHERE id = ?", id) // want `UPDATE users executed once per element of ids; use`
	}
}

func deleteEach(db *gorm.DB, users []model.User) error {
	for _, u := range users {
		if err := db.WithContext(context.Background()).Exec("DELETE FROM users WHERE id = ?", u.ID).Error; err != nil { // want `DELETE FROM users executed once per element of users`
			return err
		}
	}
	return nil
}

const insertEvent = `INSERT INTO events (key, payload) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`

func insertEach(db *gorm.DB, events []model.Event) {
	for _, ev := range events {
		db.Exec(insertEvent, ev.Key, ev.Payload) // want `UPSERT INTO events executed once per element of events.*; use gorm CreateInBatches`
	}
}

// One row as a []any inside VALUES (...): gorm binds its elements in place.
func rowEach(db *gorm.DB, users []model.User) {
	for _, u := range users {
		db.Exec("INSERT INTO users (name, age) VALUES (?)", []any{u.Name, u.Age}) // want `INSERT INTO users executed once per element of users`
	}
}

func namedEach(db *gorm.DB, users []model.User) {
	for _, u := range users {
		db.Exec("UPDATE users SET name = @name WHERE id = @id", sql.Named("name", u.Name), sql.Named("id", u.ID)) // want `UPDATE users executed once per element of users`
	}
}

func inTransaction(db *gorm.DB, ids []int64) error {
	return db.Transaction(func(tx *gorm.DB) error {
		for _, id := range ids {
			if err := tx.Exec("UPDATE users SET active = false WHERE id = ?", id).Error; err != nil { // want `in a transaction`
				return err
			}
		}
		return nil
	})
}

// A write with RETURNING through Raw is executed by Scan.
func returningEach(db *gorm.DB, users []model.User) {
	for _, u := range users {
		var age int
		db.Raw("UPDATE users SET age = age + 1 WHERE id = ? RETURNING age", u.ID).Scan(&age) // want `UPDATE users executed once per element of users`
	}
}

// The generics API.
func genericEach(ctx context.Context, db *gorm.DB, ids []int64) {
	for _, id := range ids {
		gorm.G[model.User](db).Exec(ctx, "DELETE FROM users WHERE id = ?", id) // want `DELETE FROM users executed once per element of ids`
	}
}

// Store wraps the handle; its methods run one statement per call.
type Store struct{ db *gorm.DB }

func (s *Store) Touch(id int64) error {
	return s.db.Exec("UPDATE users SET active = true WHERE id = ?", id).Error
}

// exec runs whatever text it is given: each call site's text decides.
func (s *Store) exec(q string, args ...any) error {
	return s.db.Exec(q, args...).Error
}

func touchEach(s *Store, ids []int64) {
	for _, id := range ids {
		s.Touch(id)                                                             // want `\(\*gormraw\.Store\)\.Touch \(UPDATE users\) executed once per element of ids`
		s.exec("DELETE FROM events WHERE key = ?", strconv.FormatInt(id, 10))   // want `\(\*gormraw\.Store\)\.exec \(DELETE FROM events\) executed once per element of ids`
		s.exec("SELECT 1 FROM events WHERE key = ?", strconv.FormatInt(id, 10)) // a read
	}
}

func touchChunks(s *Store, chunks [][]int64) {
	for _, ids := range chunks {
		s.exec("UPDATE users SET active = true WHERE id IN ?", ids) // a set per chunk
	}
}

// --- look-alikes ---

// A read through Raw and Scan, per element: not a write.
func readEach(db *gorm.DB, ids []int64) {
	for _, id := range ids {
		var u model.User
		db.Raw("SELECT * FROM users WHERE id = ?", id).Scan(&u)
		db.Raw("SELECT name FROM users WHERE id = ?", id).Row()
	}
}

// DDL per table name of a fixed list, and DDL per element: no row written.
func migrate(db *gorm.DB, columns []string) {
	for _, c := range columns {
		db.Exec("ALTER TABLE users ADD COLUMN " + c + " text")
	}
	db.Exec("CREATE INDEX IF NOT EXISTS users_name ON users (name)")
}

// One write outside any loop.
func bumpOne(db *gorm.DB, id int64) error {
	return db.Exec("UPDATE users SET age = age + 1 WHERE id = ?", id).Error
}

// One set-based UPDATE: gorm expands the slice after IN into a list.
func bumpAll(db *gorm.DB, ids []int64) error {
	return db.Exec("UPDATE users SET age = age + 1 WHERE id IN ?", ids).Error
}

// The same, one chunk of keys per iteration.
func bumpChunks(db *gorm.DB, chunks [][]int64) {
	for _, chunk := range chunks {
		db.Exec("UPDATE users SET age = age + 1 WHERE id IN ?", chunk)
		db.Exec("DELETE FROM users WHERE id IN (?)", chunk)
	}
}

// Key pairs, one batch per iteration: gorm expands a slice of rows after
// IN into a list of tuples.
func unlinkBatches(db *gorm.DB, batches [][][]any) {
	for _, pairs := range batches {
		db.Exec("DELETE FROM member_roles WHERE (member_id, role_id) IN ?", pairs)
	}
}

// A statement that does not depend on the loop element: a set-based
// UPDATE run on each tick.
func expire(db *gorm.DB, ticks <-chan struct{}) {
	for range ticks {
		db.Exec("UPDATE sessions SET expired = true WHERE last_seen < now() - interval '1 hour'")
		db.Exec("DELETE FROM sessions WHERE expired = ?", true)
	}
}

// A loop over a short literal list of statements.
func resetCounters(db *gorm.DB, id int64) {
	for _, q := range []string{
		"UPDATE users SET age = 0 WHERE id = ?",
		"DELETE FROM events WHERE key = ?",
	} {
		db.Exec(q, id)
	}
}

// A loop over a small fixed list of values.
func seedRoles(db *gorm.DB) {
	for _, name := range []string{"admin", "editor", "viewer"} {
		db.Exec("INSERT INTO roles (name) VALUES (?) ON CONFLICT DO NOTHING", name)
	}
}

// A multi-row INSERT per chunk.
func insertChunks(db *gorm.DB, chunks [][][]any) {
	for _, rows := range chunks {
		db.Exec("INSERT INTO events (key, payload) VALUES ?", rows)
	}
}
