// Package pgxcases holds pgx v5 write shapes: per-row writes in loops, and
// the batched forms and look-alikes that must stay silent.
package pgxcases

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

type User struct {
	ID    int64
	Name  string
	Email string
}

const insertUser = `INSERT INTO users (id, name, email) VALUES ($1, $2, $3)`

var upsertUser = `
	-- keep the newest e-mail
	INSERT INTO users (id, name, email) VALUES ($1, $2, $3)
	ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email`

// Positives.

func importUsers(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for _, u := range users {
		if _, err := pool.Exec(ctx, insertUser, u.ID, u.Name, u.Email); err != nil { // want `INSERT INTO users executed once per element of users, with autocommit; use pgx CopyFrom or a pgx.Batch \(runtime/pgbatch.Writer\)$`
			return err
		}
	}
	return nil
}

func upsertAll(ctx context.Context, conn *pgx.Conn, users []User) error {
	for i := range users {
		_, err := conn.Exec(ctx, upsertUser, users[i].ID, users[i].Name, users[i].Email) // want `UPSERT INTO users executed once per element`
		if err != nil {
			return err
		}
	}
	return nil
}

func importInTx(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for _, u := range users {
		if _, err := tx.Exec(ctx, "INSERT INTO users (id, name) VALUES ($1, $2)", u.ID, u.Name); err != nil { // want `INSERT INTO users executed once per element of users, in a transaction`
			return err
		}
	}
	return tx.Commit(ctx)
}

func touchAll(ctx context.Context, c *pgxpool.Conn, ids []int64) error {
	for _, id := range ids {
		if _, err := c.Exec(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id); err != nil { // want `UPDATE users executed once per element of ids`
			return err
		}
	}
	return nil
}

func deleteEach(ctx context.Context, pool *pgxpool.Pool, ids []int64) {
	for _, id := range ids {
		pool.Exec(ctx, "DELETE FROM sessions WHERE user_id = $1", id) // want `DELETE FROM sessions executed once per element of ids`
	}
}

func insertReturning(ctx context.Context, pool *pgxpool.Pool, names []string) ([]int64, error) {
	var ids []int64
	for _, n := range names {
		var id int64
		if err := pool.QueryRow(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id", n).Scan(&id); err != nil { // want `INSERT INTO tags executed once per element of names`
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func cteWrite(ctx context.Context, tx pgx.Tx, events []string) error {
	for _, e := range events {
		rows, err := tx.Query(ctx, `WITH ins AS (INSERT INTO events (body) VALUES ($1) RETURNING id) SELECT id FROM ins`, e) // want `INSERT INTO events executed once per element of events`
		if err != nil {
			return err
		}
		rows.Close()
	}
	return nil
}

func sprintfTable(ctx context.Context, pool *pgxpool.Pool, table string, vals []string) {
	for _, v := range vals {
		pool.Exec(ctx, fmt.Sprintf("INSERT INTO %s (v) VALUES ($1)", table), v) // want `INSERT executed once per element of vals`
	}
}

func oneQueryBatch(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for _, u := range users {
		b := &pgx.Batch{}
		b.Queue(insertUser, u.ID, u.Name, u.Email)
		if err := pool.SendBatch(ctx, b).Close(); err != nil { // want `INSERT INTO users executed once per element of users \(a pgx.Batch holding one query\), with autocommit`
			return err
		}
	}
	return nil
}

func fromChannel(ctx context.Context, pool *pgxpool.Pool, in <-chan User) error {
	for u := range in {
		if _, err := pool.Exec(ctx, insertUser, u.ID, u.Name, u.Email); err != nil { // want `INSERT INTO users executed once per element of in`
			return err
		}
	}
	return nil
}

func fromRows(ctx context.Context, src, dst *pgxpool.Pool) error {
	rows, err := src.Query(ctx, "SELECT id, name, email FROM staging_users")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return err
		}
		if _, err := dst.Exec(ctx, insertUser, u.ID, u.Name, u.Email); err != nil { // want `INSERT INTO users executed once per element of rows.Next\(\)`
			return err
		}
	}
	return rows.Err()
}

// Look-alikes: batched forms, reads, DDL, retry loops.

func copyUsers(ctx context.Context, pool *pgxpool.Pool, users []User) (int64, error) {
	return pool.CopyFrom(ctx, pgx.Identifier{"users"}, []string{"id", "name", "email"},
		pgx.CopyFromSlice(len(users), func(i int) ([]any, error) {
			return []any{users[i].ID, users[i].Name, users[i].Email}, nil
		}))
}

func batchUsers(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	b := &pgx.Batch{}
	for _, u := range users {
		b.Queue(insertUser, u.ID, u.Name, u.Email)
	}
	br := pool.SendBatch(ctx, b)
	defer br.Close()
	for range users {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

func chunkedBatches(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for chunk := range slices.Chunk(users, 500) {
		var b pgx.Batch
		for _, u := range chunk {
			b.Queue(insertUser, u.ID, u.Name, u.Email)
		}
		if err := pool.SendBatch(ctx, &b).Close(); err != nil {
			return err
		}
	}
	return nil
}

func readEach(ctx context.Context, pool *pgxpool.Pool, ids []int64) ([]User, error) {
	var out []User
	for _, id := range ids {
		var u User
		if err := pool.QueryRow(ctx, "SELECT id, name, email FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

func lockEach(ctx context.Context, tx pgx.Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.Exec(ctx, "SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE", id); err != nil {
			return err
		}
	}
	return nil
}

var schema = []string{
	`CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, name text, email text)`,
	`CREATE INDEX IF NOT EXISTS users_email ON users (email)`,
	`ALTER TABLE users ADD COLUMN IF NOT EXISTS seen_at timestamptz`,
}

func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	for _, stmt := range schema {
		if _, err := pool.Exec(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}

func truncateAll(ctx context.Context, pool *pgxpool.Pool, tables []string) {
	for _, t := range tables {
		pool.Exec(ctx, "TRUNCATE "+pgx.Identifier{t}.Sanitize())
	}
}

func withRetry(ctx context.Context, pool *pgxpool.Pool, u User) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = pool.Exec(ctx, insertUser, u.ID, u.Name, u.Email); err == nil {
			return nil
		}
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "23505" {
			return err
		}
		time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
	}
	return err
}

func setBasedUpdate(ctx context.Context, pool *pgxpool.Pool, groups map[string][]int64) error {
	for status, ids := range groups {
		if _, err := pool.Exec(ctx, "UPDATE orders SET status = $1 WHERE id = ANY($2)", status, ids); err != nil {
			return err
		}
	}
	return nil
}

func unnestPerTenant(ctx context.Context, pool *pgxpool.Pool, byTenant map[int64][]string) error {
	for tenant, names := range byTenant {
		if _, err := pool.Exec(ctx, "INSERT INTO tags (tenant_id, name) SELECT $1, unnest($2::text[])", tenant, names); err != nil {
			return err
		}
	}
	return nil
}

func perTenantArchive(ctx context.Context, pool *pgxpool.Pool, tenants []int64) error {
	for _, t := range tenants {
		if _, err := pool.Exec(ctx, "INSERT INTO orders_archive SELECT * FROM orders WHERE tenant_id = $1 AND created_at < now() - interval '1 year'", t); err != nil {
			return err
		}
	}
	return nil
}

func firstOnly(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	for _, u := range users {
		_, err := pool.Exec(ctx, insertUser, u.ID, u.Name, u.Email)
		return err
	}
	return nil
}

func storedCallbacks(pool *pgxpool.Pool, users []User) []func(context.Context) error {
	var fns []func(context.Context) error
	for _, u := range users {
		fns = append(fns, func(ctx context.Context) error {
			_, err := pool.Exec(ctx, insertUser, u.ID, u.Name, u.Email)
			return err
		})
	}
	return fns
}

func listenNotify(ctx context.Context, conn *pgx.Conn, channels []string) error {
	for _, ch := range channels {
		if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{ch}.Sanitize()); err != nil {
			return err
		}
	}
	return nil
}

func flushOnThreshold(ctx context.Context, pool *pgxpool.Pool, in <-chan User) error {
	var buf []User
	for u := range in {
		buf = append(buf, u)
		if len(buf) >= 1000 {
			if _, err := pool.CopyFrom(ctx, pgx.Identifier{"users"}, []string{"id", "name", "email"}, pgx.CopyFromSlice(len(buf), func(i int) ([]any, error) {
				return []any{buf[i].ID, buf[i].Name, buf[i].Email}, nil
			})); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	return nil
}

func valuesBuiltInLoop(ctx context.Context, pool *pgxpool.Pool, users []User) error {
	q := "INSERT INTO users (id, name, email) VALUES "
	args := make([]any, 0, len(users)*3)
	for i, u := range users {
		if i > 0 {
			q += ","
		}
		q += fmt.Sprintf("($%d, $%d, $%d)", i*3+1, i*3+2, i*3+3)
		args = append(args, u.ID, u.Name, u.Email)
	}
	_, err := pool.Exec(ctx, q, args...)
	return err
}

func multiRowConst(ctx context.Context, pool *pgxpool.Pool, pairs [][2]User) error {
	for _, p := range pairs {
		if _, err := pool.Exec(ctx, "INSERT INTO users (id, name) VALUES ($1, $2), ($3, $4)", p[0].ID, p[0].Name, p[1].ID, p[1].Name); err != nil {
			return err
		}
	}
	return nil
}

func unknownText(ctx context.Context, pool *pgxpool.Pool, stmts []string) {
	for _, s := range stmts {
		pool.Exec(ctx, s)
	}
}

// A loop over table names writes one statement per table, not per row.
func purgeTenant(ctx context.Context, pool *pgxpool.Pool, tenant int64, tables []string) {
	for _, t := range tables {
		pool.Exec(ctx, fmt.Sprintf("DELETE FROM %s WHERE tenant_id = $1", pgx.Identifier{t}.Sanitize()), tenant)
	}
	for _, t := range tables {
		q := "UPDATE " + t + " SET deleted = true WHERE tenant_id = $1"
		pool.Exec(ctx, q, tenant)
	}
}

// The table name is fixed for the whole loop: per-row.
func sprintfInLoop(ctx context.Context, pool *pgxpool.Pool, table string, vals []string) {
	for _, v := range vals {
		q := fmt.Sprintf("INSERT INTO %s (v) VALUES ($1)", table)
		pool.Exec(ctx, q, v) // want `INSERT executed once per element of vals`
	}
}

// The same statement with the same arguments on every tick: a periodic
// cleanup, not a row per element.
func cleanup(ctx context.Context, pool *pgxpool.Pool, ttl time.Duration) {
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			pool.Exec(ctx, "DELETE FROM sessions WHERE expires_at < $1", time.Now().Add(-ttl))
		}
	}
}

// One statement per shard with the same arguments.
func perShard(ctx context.Context, shards []*pgxpool.Pool, cutoff time.Time) {
	for _, s := range shards {
		s.Exec(ctx, "DELETE FROM events WHERE at < $1", cutoff)
	}
}

// Rows scanned into variables declared before the loop still vary.
func copyOver(ctx context.Context, src *pgx.Conn, dst *pgxpool.Pool) error {
	rows, err := src.Query(ctx, "SELECT id, name FROM old_users")
	if err != nil {
		return err
	}
	defer rows.Close()
	var id int64
	var name string
	for rows.Next() {
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		if _, err := dst.Exec(ctx, "INSERT INTO users (id, name) VALUES ($1, $2)", id, name); err != nil { // want `INSERT INTO users executed once per element of rows.Next\(\)`
			return err
		}
	}
	return rows.Err()
}

// pgx runs a prepared statement by name.
func preparedByName(ctx context.Context, conn *pgx.Conn, users []User) error {
	if _, err := conn.Prepare(ctx, "insert_user", insertUser); err != nil {
		return err
	}
	if _, err := conn.Prepare(ctx, "user_by_id", "SELECT name FROM users WHERE id = $1"); err != nil {
		return err
	}
	for _, u := range users {
		if _, err := conn.Exec(ctx, "insert_user", u.ID, u.Name, u.Email); err != nil { // want `INSERT INTO users executed once per element of users`
			return err
		}
		var name string
		if err := conn.QueryRow(ctx, "user_by_id", u.ID).Scan(&name); err != nil {
			return err
		}
	}
	return nil
}

// A write under a "buffer is full" guard runs once per batch, not per row.
func flushLog(ctx context.Context, pool *pgxpool.Pool, in <-chan User) {
	var buf []User
	for u := range in {
		buf = append(buf, u)
		if len(buf) >= 500 {
			pool.Exec(ctx, "INSERT INTO flush_log (rows, first_id) VALUES ($1, $2)", len(buf), buf[0].ID)
			buf = buf[:0]
		}
	}
}

// Row INSERTs that record applied migrations are per-row writes.
func recordMigrations(ctx context.Context, tx pgx.Tx, versions []int) error {
	for _, v := range versions {
		if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version) VALUES ($1)", v); err != nil { // want `INSERT INTO schema_migrations executed once per element of versions, in a transaction`
			return err
		}
	}
	return nil
}
