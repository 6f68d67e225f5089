// Package gopgoldraw holds SQL text run through go-pg v9's and v8's raw API
// per iteration (want: sqlloop reports them, naming go-pg) and the
// look-alikes it must leave alone.
package gopgoldraw

import (
	pg8 "github.com/go-pg/pg"
	"github.com/go-pg/pg/v9"
)

func deactivate(db *pg.DB, old *pg8.DB, ids []int64) {
	for _, id := range ids {
		db.Exec("UPDATE users SET active = false WHERE id = ?", id) // want `UPDATE users executed once per element of ids, with autocommit; use go-pg db.Model`
		old.Exec("UPDATE users SET active = true WHERE id = ?", id) // want `UPDATE users executed once per element of ids, with autocommit; use go-pg db.Model`
	}
}

func deleteInTx(tx *pg8.Tx, keys []string) {
	for _, k := range keys {
		tx.ExecOne("DELETE FROM events WHERE key = ?", k) // want `DELETE FROM events executed once per element of keys, in a transaction`
	}
}

// pg.In expands the slice: one statement for all ids.
func deactivateAll(db *pg.DB, old *pg8.DB, ids []int64) {
	db.Exec("UPDATE users SET active = false WHERE id IN (?)", pg.In(ids))
	old.Exec("UPDATE users SET active = false WHERE id IN (?)", pg8.In(ids))
}

// Reads per element are no writes.
func names(db *pg8.DB, ids []int64) {
	for _, id := range ids {
		var name string
		db.QueryOne(pg8.Scan(&name), "SELECT name FROM users WHERE id = ?", id)
	}
}
