package ingest

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"

	"example.com/sqlcases/corpus/store"
	"example.com/sqlcases/sqlcpgx"
)

// Words loads a word list into a tenant's schema inside one transaction.
func Words(ctx context.Context, pool *pgxpool.Pool, schema string, r io.Reader) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" {
			continue
		}
		if _, err := tx.Exec(ctx, fmt.Sprintf("INSERT INTO %s.words (word) VALUES ($1)", pgx.Identifier{schema}.Sanitize()), w); err != nil { // label:write
			return err
		}
	}
	return tx.Commit(ctx)
}

// Iterator is a pull iterator over decoded rows.
type Iterator interface {
	Next() bool
	Row() Row
}

// Drain writes every row the iterator yields.
func Drain(ctx context.Context, db *sql.DB, it Iterator) error {
	for it.Next() {
		r := it.Row()
		if _, err := db.ExecContext(ctx, `UPDATE people SET email = $2 WHERE id = $1`, r.ID, r.Email); err != nil { // label:write
			return err
		}
	}
	return nil
}

func record(ctx context.Context, m *store.Metrics, host string, v float64) {
	if err := m.Put(ctx, store.Metric{Host: host, Name: "load", Value: v}); err != nil { // label:ok
		slog.Warn("load sample", "err", err)
	}
}

// Loads records one sample per host through a local helper.
func Loads(ctx context.Context, m *store.Metrics, loads map[string]float64) {
	for host, v := range loads {
		record(ctx, m, host, v) // label:write
	}
}

// Bios updates author bios through sqlc inside a transaction.
func Bios(ctx context.Context, pool *pgxpool.Pool, bios map[int64]string) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		q := sqlcpgx.New(tx)
		for id, b := range bios {
			if _, err := q.UpdateAuthorBio(ctx, sqlcpgx.UpdateAuthorBioParams{ID: id, Bio: pgtype.Text{String: b, Valid: true}}); err != nil { // label:write
				return err
			}
		}
		return nil
	})
}

const upsertSetting = `INSERT INTO settings (user_id, k, v) VALUES (:user, :k, :v)
ON CONFLICT (user_id, k) DO UPDATE SET v = :v`

// Settings writes one key/value map per row through sqlx.
func Settings(db *sqlx.DB, user int64, kv map[string]string) error {
	for k, v := range kv {
		row := map[string]any{"user": user, "k": k, "v": v}
		if _, err := db.NamedExec(upsertSetting, row); err != nil { // label:write
			return err
		}
	}
	return nil
}

// Worker applies jobs on a dedicated connection.
func Worker(ctx context.Context, conn *sql.Conn, jobs <-chan int64) {
	for id := range jobs {
		if _, err := conn.ExecContext(ctx, "UPDATE jobs SET state = 'done', finished_at = now() WHERE id = $1", id); err != nil { // label:write
			slog.Error("job", "id", id, "err", err)
		}
	}
}

// Register creates users and returns their ids.
func Register(ctx context.Context, db *sql.DB, emails []string) ([]int64, error) {
	ids := make([]int64, 0, len(emails))
	for _, e := range emails {
		var id int64
		if err := db.QueryRowContext(ctx, "INSERT INTO users (email) VALUES (lower($1)) RETURNING id", e).Scan(&id); err != nil { // label:write
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

const mergeStock = `MERGE INTO stock s USING (SELECT $1::text AS sku, $2::int AS n) v ON s.sku = v.sku
WHEN MATCHED THEN UPDATE SET n = v.n
WHEN NOT MATCHED THEN INSERT (sku, n) VALUES (v.sku, v.n)`

// Stock merges stock levels one SKU at a time.
func Stock(ctx context.Context, pool *pgxpool.Pool, levels map[string]int) {
	for sku, n := range levels {
		pool.Exec(ctx, mergeStock, sku, n) // label:write
	}
}

// Emails reads addresses one query per id.
func Emails(ctx context.Context, db *sqlx.DB, ids []int64) []string {
	var out []string
	for _, id := range ids {
		var e string
		if err := db.GetContext(ctx, &e, "SELECT email FROM users WHERE id = $1", id); err == nil { // label:ok
			out = append(out, e)
		}
	}
	return out
}

// Sessions removes expired sessions per shard, one set-based DELETE each.
func Sessions(ctx context.Context, shards []*pgxpool.Pool) {
	for _, p := range shards {
		p.Exec(ctx, "DELETE FROM sessions WHERE expires_at < now()") // label:ok
	}
}

// Schemas creates a schema per tenant.
func Schemas(ctx context.Context, db *sql.DB, tenants []string) error {
	for _, t := range tenants {
		if _, err := db.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{t}.Sanitize()); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Pages inserts pages of rows with unnest.
func Pages(ctx context.Context, pool *pgxpool.Pool, pages [][]Row) error {
	for _, p := range pages {
		ids := make([]int64, len(p))
		emails := make([]string, len(p))
		for i, r := range p {
			ids[i], emails[i] = r.ID, r.Email
		}
		if _, err := pool.Exec(ctx, "INSERT INTO people (id, email) SELECT * FROM unnest($1::bigint[], $2::text[])", ids, emails); err != nil { // label:ok
			return err
		}
	}
	return nil
}
