// Package gopgraw holds SQL text run through go-pg's raw API per iteration
// (want: sqlloop reports them, naming go-pg) and the look-alikes it must
// leave alone.
package gopgraw

import (
	"context"

	"github.com/go-pg/pg/v10"
	"github.com/go-pg/pg/v10/orm"

	"example.com/orm/model"
)

func deactivate(db *pg.DB, ids []int64) error {
	for _, id := range ids {
		if _, err := db.Exec("UPDATE users SET active = false WHERE id = ?", id); err != nil { // want `UPDATE users executed once per element of ids, with autocommit`
			return err
		}
	}
	return nil
}

func deleteEach(ctx context.Context, db *pg.DB, keys []string) {
	for _, k := range keys {
		db.ExecContext(ctx, "DELETE FROM events WHERE key = ?", k) // want `DELETE FROM events executed once per element of keys.*; use one set-based go-pg Exec \(WHERE id IN \(\?\) with pg\.In\(ids\)\)$`
		db.ExecOne("DELETE FROM events WHERE key = ?", k)          // want `DELETE FROM events executed once per element of keys`
	}
}

func insertEach(db *pg.DB, users []model.User) {
	for _, u := range users {
		db.Exec("INSERT INTO users (name, age) VALUES (?, ?)", u.Name, u.Age) // want `INSERT INTO users executed once per element of users.*; use go-pg db\.Model\(&slice\)\.Insert\(\)`
	}
}

// Query and QueryOne run the text and scan what it returns: a write with
// RETURNING.
func returning(ctx context.Context, db *pg.DB, users []model.User) {
	for _, u := range users {
		var ids []int64
		db.QueryOne(&u, "INSERT INTO users (name) VALUES (?) RETURNING id", u.Name)              // want `INSERT INTO users executed once per element of users`
		db.Query(&ids, "UPDATE users SET age = age + 1 WHERE id = ? RETURNING id", u.ID)         // want `UPDATE users executed once per element of users`
		db.QueryContext(ctx, &ids, "DELETE FROM users WHERE id = ? RETURNING id", u.ID)          // want `DELETE FROM users executed once per element of users`
		db.QueryOneContext(ctx, &u, "UPDATE users SET age = 0 WHERE id = ? RETURNING age", u.ID) // want `UPDATE users executed once per element of users`
	}
}

func inTx(db *pg.DB, keys []string) error {
	return db.RunInTransaction(context.Background(), func(tx *pg.Tx) error {
		for _, k := range keys {
			if _, err := tx.Exec("DELETE FROM events WHERE key = ?", k); err != nil { // want `in a transaction`
				return err
			}
			var n int
			if _, err := tx.QueryOne(pg.Scan(&n), "UPDATE events SET n = n + 1 WHERE key = ? RETURNING n", k); err != nil { // want `in a transaction`
				return err
			}
		}
		return nil
	})
}

// *pg.Conn has the methods of the *baseDB it embeds, as *pg.DB does.
func onConn(ctx context.Context, db *pg.DB, keys []string) {
	conn := db.Conn()
	defer conn.Close()
	for _, k := range keys {
		conn.ExecOneContext(ctx, "DELETE FROM events WHERE key = ?", k) // want `DELETE FROM events executed once per element of keys`
	}
}

// Through pg.DBI and orm.DB, a *pg.DB and a *pg.Tx alike.
func throughDBI(idb pg.DBI, odb orm.DB, keys []string) {
	for _, k := range keys {
		idb.Exec("DELETE FROM events WHERE key = ?", k) // want `DELETE FROM events executed once per element of keys;`
		odb.Exec("DELETE FROM events WHERE key = ?", k) // want `DELETE FROM events executed once per element of keys`
	}
}

// --- look-alikes ---

// Reads per element.
func readEach(ctx context.Context, db *pg.DB, ids []int64) {
	for _, id := range ids {
		var u model.User
		db.QueryOne(&u, "SELECT * FROM users WHERE id = ?", id)
		db.QueryContext(ctx, &u, "SELECT name FROM users WHERE id = ?", id)
	}
}

// DDL per element.
func addColumns(db *pg.DB, cols []string) {
	for _, c := range cols {
		db.Exec("ALTER TABLE users ADD COLUMN ? text", pg.Ident(c))
	}
}

// One write outside any loop.
func deactivateOne(db *pg.DB, id int64) error {
	_, err := db.Exec("UPDATE users SET active = false WHERE id = ?", id)
	return err
}

// One set-based statement per chunk: pg.In expands the slice into the list.
func deactivateChunks(ctx context.Context, db *pg.DB, tx *pg.Tx, chunks [][]int64) {
	for _, ids := range chunks {
		db.Exec("UPDATE users SET active = false WHERE id IN (?)", pg.In(ids))
		db.ExecContext(ctx, "DELETE FROM users WHERE id IN (?)", pg.In(ids))
		tx.Exec("DELETE FROM events WHERE user_id IN (?)", pg.In(ids))
	}
}

// A statement that does not depend on the loop element.
func sweep(db *pg.DB, ticks <-chan struct{}) {
	for range ticks {
		db.Exec("DELETE FROM events WHERE key LIKE ?", "tmp-%")
	}
}

// A short literal list of statements.
func reset(db *pg.DB, id int64) {
	for _, q := range []string{
		"UPDATE users SET age = 0 WHERE id = ?",
		"DELETE FROM users WHERE id = ?",
	} {
		db.Exec(q, id)
	}
}

// The program's interface over go-pg, which *pg.DB and *pg.Tx implement with
// go-pg's own Exec and QueryOne: whether it is a transaction is unknown.
type execer interface {
	Exec(query interface{}, params ...interface{}) (pg.Result, error)
	QueryOne(model, query interface{}, params ...interface{}) (pg.Result, error)
}

func deactivateThroughInterface(db execer, ids []int64) {
	for _, id := range ids {
		db.Exec("UPDATE users SET active = false WHERE id = ?", id) // want `UPDATE users executed once per element of ids; use`
	}
}

func readThroughInterface(db execer, ids []int64) {
	for _, id := range ids {
		var u model.User
		db.QueryOne(&u, "SELECT * FROM users WHERE id = ?", id)
	}
}

// No go-pg type implements it: its Exec returns only an error.
type erringExecer interface {
	Exec(query interface{}, params ...interface{}) error
}

func deactivateLookAlike(db erringExecer, ids []int64) {
	for _, id := range ids {
		db.Exec("UPDATE users SET active = false WHERE id = ?", id)
	}
}
