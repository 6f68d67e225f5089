// Package wrapfacts declares wrappers whose facts the sinks pass exports:
// direct writes, wrappers of another package's wrappers, wrappers of
// unexported wrappers, and functions that must not get a fact.
package wrapfacts

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"

	"example.com/sqlcases/repo"
	"example.com/sqlcases/sqlcpgx"
)

type Audit struct {
	db *sql.DB
}

// Log is exported and calls an unexported wrapper declared below it.
func (a *Audit) Log(ctx context.Context, msg string) error { // want Log:"writes database/sql INSERT"
	return a.insert(ctx, msg)
}

func (a *Audit) insert(ctx context.Context, msg string) error {
	_, err := a.db.ExecContext(ctx, "INSERT INTO audit_log (msg) VALUES ($1)", msg)
	return err
}

// Forward wraps another package's wrapper.
func Forward(ctx context.Context, r *repo.EventRepo, e repo.Event) error { // want Forward:"writes pgx INSERT"
	return r.Record(ctx, e)
}

// NewAuthor wraps an sqlc-generated method.
func NewAuthor(ctx context.Context, q *sqlcpgx.Queries, name string) (int64, error) { // want NewAuthor:"writes sqlc INSERT"
	a, err := q.CreateAuthor(ctx, sqlcpgx.CreateAuthorParams{Name: name})
	return a.ID, err
}

type TagRow struct {
	Name string `db:"name"`
}

// Tag writes with sqlx.
func Tag(db *sqlx.DB, t TagRow) error { // want Tag:"writes sqlx INSERT"
	_, err := db.NamedExec(`INSERT INTO tags (name) VALUES (:name)`, t)
	return err
}

// Both writes on both branches.
func Both(ctx context.Context, pool *pgxpool.Pool, id int64, hard bool) error { // want Both:"writes pgx DELETE"
	if hard {
		_, err := pool.Exec(ctx, "DELETE FROM items WHERE id = $1", id)
		return err
	} else {
		_, err := pool.Exec(ctx, "UPDATE items SET deleted_at = now() WHERE id = $1", id)
		return err
	}
}

// NoFacts below.

// TagAll writes many rows in one statement.
func TagAll(db *sqlx.DB, ts []TagRow) error {
	_, err := db.NamedExec(`INSERT INTO tags (name) VALUES (:name)`, ts)
	return err
}

// Sometimes writes only on one branch.
func Sometimes(ctx context.Context, pool *pgxpool.Pool, id int64, ok bool) error {
	if ok {
		_, err := pool.Exec(ctx, "DELETE FROM items WHERE id = $1", id)
		return err
	}
	return errors.New("skipped")
}

// Each loops.
func Each(ctx context.Context, pool *pgxpool.Pool, ids []int64) {
	for _, id := range ids {
		pool.Exec(ctx, "DELETE FROM items WHERE id = $1", id)
	}
}

// Schema runs DDL.
func Schema(ctx context.Context, pool *pgxpool.Pool) error {
	_, err := pool.Exec(ctx, "CREATE TABLE IF NOT EXISTS items (id bigint PRIMARY KEY)")
	return err
}

// Deferred stores a closure.
func Deferred(pool *pgxpool.Pool, id int64) func(context.Context) {
	return func(ctx context.Context) { pool.Exec(ctx, "DELETE FROM items WHERE id = $1", id) }
}

// Switch without a default may write nothing.
func Switch(ctx context.Context, pool *pgxpool.Pool, kind string, id int64) {
	switch kind {
	case "a":
		pool.Exec(ctx, "DELETE FROM a WHERE id = $1", id)
	case "b":
		pool.Exec(ctx, "DELETE FROM b WHERE id = $1", id)
	}
}

// Exec runs its caller's text: the fact names the parameter.
func Exec(ctx context.Context, db *sql.DB, query string, args ...any) error { // want Exec:`writes database/sql \(text of parameter 3\)`
	_, err := db.ExecContext(ctx, query, args...)
	return err
}

// ExecVia passes its own parameter on.
func ExecVia(ctx context.Context, db *sql.DB, q string) error { // want ExecVia:`writes database/sql \(text of parameter 3\)`
	return Exec(ctx, db, q)
}

// Statement texts kept in exported variables travel as facts.
var (
	InsertTag = "INSERT INTO tags (name) VALUES ($1)" // want InsertTag:"sql INSERT INTO tags"
	SelectTag = "SELECT name FROM tags WHERE id = $1"
	Greeting  = "hello"
	Mutable   = "DELETE FROM tags WHERE id = $1"
)

func init() { Mutable = "DELETE FROM tags WHERE name = $1" }
