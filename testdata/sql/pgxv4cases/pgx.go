// Package pgxv4cases holds pgx v4 write shapes: per-row writes in loops, and
// the batched forms and look-alikes that must stay silent.
package pgxv4cases

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

type User struct {
	ID   int64
	Name string
}

const insertUser = `INSERT INTO users (id, name) VALUES ($1, $2)`

// Positives.

func importUsers(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for _, u := range users {
		if _, err := pool.Exec(ctx, insertUser, u.ID, u.Name); err != nil { // want `INSERT INTO users executed once per element of users.*autocommit.*; use pgx CopyFrom \(COPY\) or a pgx.Batch`
			return err
		}
	}
	return nil
}

func importInTx(ctx context.Context, conn *pgx.Conn, users []User) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for _, u := range users {
		if _, err := tx.Exec(ctx, insertUser, u.ID, u.Name); err != nil { // want `INSERT INTO users executed once per element of users.*in a transaction`
			return err
		}
	}
	return tx.Commit(ctx)
}

func touchAll(ctx context.Context, c *pgxpool.Conn, ids []int64) {
	for _, id := range ids {
		c.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id) // want `UPDATE users executed once per element of ids`
	}
}

func insertReturning(ctx context.Context, conn *pgx.Conn, names []string) ([]int64, error) {
	var ids []int64
	for _, n := range names {
		var id int64
		if err := conn.QueryRow(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id", n).Scan(&id); err != nil { // want `INSERT INTO tags executed once per element of names`
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func oneQueryBatch(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for _, u := range users {
		b := &pgx.Batch{}
		b.Queue(insertUser, u.ID, u.Name)
		if err := pool.SendBatch(ctx, b).Close(); err != nil { // want `INSERT INTO users executed once per element of users`
			return err
		}
	}
	return nil
}

// BeginFunc runs its function once, in a transaction.
func inBeginFunc(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	return pool.BeginFunc(ctx, func(tx pgx.Tx) error {
		for _, u := range users {
			if _, err := tx.Exec(ctx, insertUser, u.ID, u.Name); err != nil { // want `INSERT INTO users executed once per element of users.*in a transaction`
				return err
			}
		}
		return nil
	})
}

// QueryFunc calls its function once per row read.
func archiveEach(ctx context.Context, conn *pgx.Conn, dst *pgxpool.Pool) error {
	var id int64
	_, err := conn.QueryFunc(ctx, "SELECT id FROM events", nil, []interface{}{&id}, func(pgx.QueryFuncRow) error {
		_, err := dst.Exec(ctx, "INSERT INTO archive (event_id) VALUES ($1)", id) // want `INSERT INTO archive executed once per element of conn.QueryFunc`
		return err
	})
	return err
}

// Look-alikes: COPY, a batch filled in the loop and sent once or per
// chunk, reads.

func copyUsers(ctx context.Context, pool *pgxpool.Pool, users []User) (int64, error) {
	return pool.CopyFrom(ctx, pgx.Identifier{"users"}, []string{"id", "name"},
		pgx.CopyFromSlice(len(users), func(i int) ([]interface{}, error) {
			return []interface{}{users[i].ID, users[i].Name}, nil
		}))
}

func batchUsers(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	b := &pgx.Batch{}
	for _, u := range users {
		b.Queue(insertUser, u.ID, u.Name)
	}
	return pool.SendBatch(ctx, b).Close()
}

func chunkedBatches(ctx context.Context, tx pgx.Tx, users []User) error {
	for chunk := range slices.Chunk(users, 500) {
		var b pgx.Batch
		for _, u := range chunk {
			b.Queue(insertUser, u.ID, u.Name)
		}
		if err := tx.SendBatch(ctx, &b).Close(); err != nil {
			return err
		}
	}
	return nil
}

func readEach(ctx context.Context, pool *pgxpool.Pool, ids []int64) ([]string, error) {
	var out []string
	for _, id := range ids {
		var name string
		if err := pool.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, nil
}

func setBased(ctx context.Context, pool *pgxpool.Pool, groups map[string][]int64) {
	for status, ids := range groups {
		pool.Exec(ctx, "UPDATE orders SET status = $1 WHERE id = ANY($2)", status, ids)
	}
}

// sqlc's code for pgx v4 runs its queries through the DBTX interface.
func importWithSqlc(ctx context.Context, q *Queries, users []User) error {
	for _, u := range users {
		if err := q.CreateUser(ctx, CreateUserParams{ID: u.ID, Name: u.Name}); err != nil { // want `Queries\)?.CreateUser \(INSERT INTO users\) executed once per element of users.*; use an sqlc :copyfrom`
			return err
		}
	}
	return nil
}
