// Package squirrelcases holds squirrel query-builder write shapes: a
// statement built and run per element, and the builder that accumulates
// rows and runs once.
package squirrelcases

import (
	"context"
	"database/sql"
	"slices"

	sq "github.com/Masterminds/squirrel"
)

type User struct {
	ID   int64
	Name string
}

var psql = sq.StatementBuilder.PlaceholderFormat(sq.Dollar)

// Positives.

func importUsers(db *sql.DB, users []User) error {
	for _, u := range users {
		if _, err := sq.Insert("users").Columns("id", "name").Values(u.ID, u.Name).RunWith(db).Exec(); err != nil { // want `INSERT INTO users executed once per element of users.*autocommit.*; use one squirrel Insert whose Values`
			return err
		}
	}
	return nil
}

func importInTx(ctx context.Context, tx *sql.Tx, users []User) error {
	for _, u := range users {
		if _, err := psql.Insert("users").Columns("id", "name").Values(u.ID, u.Name).RunWith(tx).ExecContext(ctx); err != nil { // want `INSERT INTO users executed once per element of users.*in a transaction`
			return err
		}
	}
	return nil
}

func insertReturning(db *sql.DB, names []string) ([]int64, error) {
	var ids []int64
	for _, n := range names {
		var id int64
		if err := psql.Insert("tags").Columns("name").Values(n).Suffix("RETURNING id").RunWith(db).QueryRow().Scan(&id); err != nil { // want `INSERT INTO tags executed once per element of names`
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func renameEach(db *sql.DB, users []User) {
	for _, u := range users {
		psql.Update("users").Set("name", u.Name).Where(sq.Eq{"id": u.ID}).RunWith(db).Exec() // want `UPDATE users executed once per element of users`
	}
}

func deleteEach(db *sql.DB, ids []int64) {
	for _, id := range ids {
		sq.Delete("sessions").Where("user_id = ?", id).RunWith(db).Exec() // want `DELETE FROM sessions executed once per element of ids`
	}
}

// Look-alikes: one builder accumulating Values, run once or per chunk; a
// set-based statement; reads; the same statement on every shard.

func importOnce(db *sql.DB, users []User) error {
	q := sq.Insert("users").Columns("id", "name")
	for _, u := range users {
		q = q.Values(u.ID, u.Name)
	}
	_, err := q.RunWith(db).Exec()
	return err
}

func importChunks(ctx context.Context, db *sql.DB, users []User) error {
	for chunk := range slices.Chunk(users, 1000) {
		q := psql.Insert("users").Columns("id", "name")
		for _, u := range chunk {
			q = q.Values(u.ID, u.Name)
		}
		if _, err := q.RunWith(db).ExecContext(ctx); err != nil {
			return err
		}
	}
	return nil
}

func deleteAll(db *sql.DB, ids []int64) error {
	_, err := sq.Delete("sessions").Where(sq.Eq{"user_id": ids}).RunWith(db).Exec()
	return err
}

func readEach(db *sql.DB, ids []int64) ([]string, error) {
	var out []string
	for _, id := range ids {
		var name string
		if err := sq.Select("name").From("users").Where(sq.Eq{"id": id}).RunWith(db).QueryRow().Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, nil
}

func perShard(shards []*sql.DB, cutoff int64) {
	for _, s := range shards {
		sq.Delete("events").Where("at < ?", cutoff).RunWith(s).Exec()
	}
}

func archiveSelect(db *sql.DB, tenants []int64) {
	for _, t := range tenants {
		sq.Insert("orders_archive").Select(sq.Select("*").From("orders").Where(sq.Eq{"tenant_id": t})).RunWith(db).Exec()
	}
}

func deleteGroups(db *sql.DB, groups map[string][]int64) {
	for _, ids := range groups {
		sq.Delete("sessions").Where(sq.Eq{"user_id": ids}).RunWith(db).Exec()
	}
}
