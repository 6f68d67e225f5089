// Package jobs runs background work: queue consumers, HTTP batch
// endpoints, migrations and maintenance.
package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/lib/pq"
)

type Message struct {
	Key, Value []byte
	Offset     int64
}

type Reader interface {
	ReadMessage(ctx context.Context) (Message, error)
}

// ConsumeForever stores every message it reads.
func ConsumeForever(ctx context.Context, r Reader, db *sql.DB) error {
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO inbox (k, v, off) VALUES ($1, $2, $3) ON CONFLICT (off) DO NOTHING`, m.Key, m.Value, m.Offset); err != nil { // label:write
			slog.Error("inbox", "err", err)
		}
	}
}

type Item struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Price int64  `json:"price"`
}

// HandleBatch inserts the posted items one by one in a transaction.
func HandleBatch(pool *pgxpool.Pool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var items []Item
		if err := json.NewDecoder(r.Body).Decode(&items); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		tx, err := pool.Begin(r.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer tx.Rollback(r.Context())
		for i := range items {
			id, err := insertItem(r.Context(), tx, &items[i]) // label:write
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			items[i].ID = id
		}
		if err := tx.Commit(r.Context()); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(items)
	}
}

func insertItem(ctx context.Context, tx pgx.Tx, it *Item) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `INSERT INTO items (name, price) VALUES ($1, $2) RETURNING id`, it.Name, it.Price).Scan(&id) // label:ok
	return id, err
}

// Workers drain a job channel with a few goroutines.
func Workers(ctx context.Context, pool *pgxpool.Pool, jobs <-chan int64, n int) {
	for i := 0; i < n; i++ {
		go func() {
			for id := range jobs {
				if _, err := pool.Exec(ctx, `UPDATE jobs SET done_at = now() WHERE id = $1`, id); err != nil { // label:write
					slog.Error("job", "id", id, "err", err)
				}
			}
		}()
	}
}

type Migration struct {
	Version int
	SQL     string
}

var migrations = []Migration{
	{1, `CREATE TABLE items (id bigserial PRIMARY KEY, name text, price bigint)`},
	{2, `ALTER TABLE items ADD COLUMN sku text`},
}

// Migrate applies migrations and records each version.
func Migrate(ctx context.Context, db *sql.DB) error {
	for _, m := range migrations {
		if _, err := db.ExecContext(ctx, m.SQL); err != nil { // label:ok
			return fmt.Errorf("migration %d: %w", m.Version, err)
		}
		// Two rows, fixed by the literal list above: bounded by the code, not
		// by the data, so not reported (a list of more than eight would be).
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, m.Version); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Roles creates a database role per tenant.
func Roles(ctx context.Context, db *sql.DB, tenants []string) error {
	for _, t := range tenants {
		if _, err := db.ExecContext(ctx, "CREATE ROLE "+pq.QuoteIdentifier("tenant_"+t)+" NOLOGIN"); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Promote moves each staged batch into the live table.
func Promote(ctx context.Context, db *sql.DB, batches []int64) error {
	for _, b := range batches {
		if _, err := db.ExecContext(ctx, `INSERT INTO items (name, price) SELECT name, price FROM staged_items WHERE batch_id = $1`, b); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Arrays inserts one array per chunk.
func Arrays(ctx context.Context, db *sql.DB, chunks [][]int64) error {
	for _, c := range chunks {
		if _, err := db.ExecContext(ctx, `INSERT INTO seen (id) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING`, pq.Array(c)); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Claim locks each row, then updates it.
func Claim(ctx context.Context, tx pgx.Tx, ids []int64) error {
	for _, id := range ids {
		var state string
		if err := tx.QueryRow(ctx, `SELECT state FROM tasks WHERE id = $1 FOR UPDATE`, id).Scan(&state); err != nil { // label:ok
			return err
		}
		if state != "new" {
			continue
		}
		if _, err := tx.Exec(ctx, `UPDATE tasks SET state = 'claimed' WHERE id = $1`, id); err != nil { // label:write
			return err
		}
	}
	return nil
}

// Heartbeat updates a liveness row every few seconds.
func Heartbeat(ctx context.Context, pool *pgxpool.Pool, node string) {
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			pool.Exec(ctx, `INSERT INTO nodes (name, seen_at) VALUES ($1, now()) ON CONFLICT (name) DO UPDATE SET seen_at = now()`, node) // label:ok
		}
	}
}

// Prices applies a price list, one UPDATE per SKU.
func Prices(ctx context.Context, db *sql.DB, prices map[string]int64) error {
	stmt, err := db.PrepareContext(ctx, `UPDATE items SET price = $2 WHERE sku = $1`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for sku, p := range prices {
		if _, err := stmt.ExecContext(ctx, sku, p); err != nil { // label:write
			return err
		}
	}
	return nil
}

// Counters bumps one counter per event.
func Counters(ctx context.Context, pool *pgxpool.Pool, events <-chan string) {
	for name := range events {
		pool.Exec(ctx, `UPDATE counters SET n = n + 1 WHERE name = $1`, name) // label:write
	}
}

// WaitReady polls until the schema is there.
func WaitReady(ctx context.Context, db *sql.DB) error {
	for i := 0; i < 30; i++ {
		var ok bool
		if err := db.QueryRowContext(ctx, `SELECT to_regclass('items') IS NOT NULL`).Scan(&ok); err == nil && ok { // label:ok
			return nil
		}
		time.Sleep(time.Second)
	}
	return fmt.Errorf("schema not ready")
}

// Savepoints wraps each row in a savepoint so one bad row does not abort
// the transaction.
func Savepoints(ctx context.Context, tx pgx.Tx, items []Item) error {
	for _, it := range items {
		if _, err := tx.Exec(ctx, "SAVEPOINT item"); err != nil { // label:ok
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO items (name, price) VALUES ($1, $2)`, it.Name, it.Price); err != nil { // label:write
			tx.Exec(ctx, "ROLLBACK TO SAVEPOINT item") // label:ok
			continue
		}
		tx.Exec(ctx, "RELEASE SAVEPOINT item") // label:ok
	}
	return nil
}
