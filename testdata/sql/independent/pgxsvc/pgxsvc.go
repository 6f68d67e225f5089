// Package pgxsvc belongs to the independent corpus: service code over pgx v5
// (pool, transactions, batches, COPY), adapted from public repository
// patterns and labelled by runtime behaviour (see package ledger).
package pgxsvc

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type OrderItem struct {
	OrderID     int64
	ProductName string
	Quantity    int
	Price       int64
}

type Event struct {
	ID         string
	Type       string
	ReceivedAt time.Time
	Payload    []byte
}

type Repo struct {
	pool *pgxpool.Pool
}

// Order items inserted one by one inside the caller's transaction.
func (r *Repo) InsertOrderItems(ctx context.Context, tx pgx.Tx, items []OrderItem) error {
	for _, item := range items {
		_, err := tx.Exec(ctx, // label:bad
			`INSERT INTO order_items (order_id, product_name, quantity, price) VALUES ($1, $2, $3, $4)`,
			item.OrderID, item.ProductName, item.Quantity, item.Price)
		if err != nil {
			return err
		}
	}
	return nil
}

// Same items queued in a pgx.Batch and sent once.
func (r *Repo) InsertOrderItemsBatch(ctx context.Context, tx pgx.Tx, items []OrderItem) error {
	batch := &pgx.Batch{}
	for _, item := range items {
		batch.Queue(`INSERT INTO order_items (order_id, product_name, quantity, price) VALUES ($1, $2, $3, $4)`, // label:ok
			item.OrderID, item.ProductName, item.Quantity, item.Price)
	}
	br := tx.SendBatch(ctx, batch) // label:ok
	defer br.Close()
	for range items {
		if _, err := br.Exec(); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Benchmark-style batching: a new batch per 100 rows, sent per chunk.
func (r *Repo) InsertBatched(ctx context.Context, conn *pgx.Conn, events []Event, size int) error {
	for i := 0; i < len(events); i += size {
		batch := &pgx.Batch{}
		for _, e := range events[i:min(i+size, len(events))] {
			batch.Queue(`INSERT INTO events (id, type, received_at, payload) VALUES ($1, $2, $3, $4)`, e.ID, e.Type, e.ReceivedAt, e.Payload) // label:ok
		}
		if err := conn.SendBatch(ctx, batch).Close(); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// A batch of one per event: SendBatch runs once per element.
func (r *Repo) InsertOneBatchEach(ctx context.Context, events []Event) error {
	for _, e := range events {
		b := &pgx.Batch{}
		b.Queue(`INSERT INTO events (id, type, received_at, payload) VALUES ($1, $2, $3, $4)`, e.ID, e.Type, e.ReceivedAt, e.Payload)
		if err := r.pool.SendBatch(ctx, b).Close(); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Batch with per-item QueryRow callbacks collecting RETURNING ids.
func (r *Repo) InsertReturning(ctx context.Context, events []Event) ([]int64, error) {
	ids := make([]int64, len(events))
	b := &pgx.Batch{}
	for i, e := range events {
		b.Queue(`INSERT INTO events (id, type) VALUES ($1, $2) RETURNING seq`, e.ID, e.Type).QueryRow(func(row pgx.Row) error { // label:ok
			return row.Scan(&ids[i])
		})
	}
	err := r.pool.SendBatch(ctx, b).Close() // label:ok
	return ids, err
}

// COPY of all rows with CopyFromSlice.
func (r *Repo) CopyEvents(ctx context.Context, events []Event) (int64, error) {
	return r.pool.CopyFrom(ctx, pgx.Identifier{"events"}, []string{"id", "type", "received_at", "payload"}, // label:ok
		pgx.CopyFromSlice(len(events), func(i int) ([]any, error) {
			e := events[i]
			return []any{e.ID, e.Type, e.ReceivedAt, e.Payload}, nil
		}))
}

// COPY per chunk of a large import: one COPY per 10k rows.
func (r *Repo) CopyChunked(ctx context.Context, rows [][]any) error {
	const chunk = 10_000
	for start := 0; start < len(rows); start += chunk {
		part := rows[start:min(start+chunk, len(rows))]
		if _, err := r.pool.CopyFrom(ctx, pgx.Identifier{"events"}, []string{"id", "type"}, pgx.CopyFromRows(part)); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// COPY used per event with a one-row source: one COPY round trip per element.
func (r *Repo) CopyEach(ctx context.Context, events []Event) error {
	for _, e := range events {
		src := pgx.CopyFromRows([][]any{{e.ID, e.Type}})
		if _, err := r.pool.CopyFrom(ctx, pgx.Identifier{"events"}, []string{"id", "type"}, src); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Plain per-row insert loop on a single connection (benchmark baseline).
func InsertSimple(ctx context.Context, conn *pgx.Conn, events []Event) error {
	for _, e := range events {
		_, err := conn.Exec(ctx, `INSERT INTO events (id, type, received_at, payload) VALUES ($1, $2, $3, $4)`, e.ID, e.Type, e.ReceivedAt, e.Payload) // label:bad
		if err != nil {
			return err
		}
	}
	return nil
}

// Counter-driven loop writing n generated rows.
func InsertGenerated(ctx context.Context, conn *pgx.Conn, n int) error {
	for i := range n {
		if _, err := conn.Exec(ctx, `INSERT INTO load_test (n) VALUES ($1)`, i); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// ForEachRow callback that updates each scanned row through the pool.
func (r *Repo) MarkSeen(ctx context.Context) error {
	rows, _ := r.pool.Query(ctx, `SELECT id FROM events WHERE seen_at IS NULL`) // label:ok
	var id string
	_, err := pgx.ForEachRow(rows, []any{&id}, func() error {
		_, err := r.pool.Exec(ctx, `UPDATE events SET seen_at = now() WHERE id = $1`, id) // label:bad
		return err
	})
	return err
}

// CollectRows then one set-based UPDATE.
func (r *Repo) MarkSeenSet(ctx context.Context) error {
	rows, _ := r.pool.Query(ctx, `SELECT id FROM events WHERE seen_at IS NULL LIMIT 1000`) // label:ok
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	_, err = r.pool.Exec(ctx, `UPDATE events SET seen_at = now() WHERE id = ANY($1)`, ids) // label:ok
	return err
}

// Keyset pagination: read a page, update the page with one statement.
func (r *Repo) BackfillPages(ctx context.Context) error {
	last := ""
	for {
		rows, _ := r.pool.Query(ctx, `SELECT id FROM events WHERE id > $1 ORDER BY id LIMIT 500`, last) // label:ok
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		if _, err := r.pool.Exec(ctx, `UPDATE events SET type = lower(type) WHERE id = ANY($1)`, ids); err != nil { // label:ok
			return err
		}
		last = ids[len(ids)-1]
	}
}

// Keyset pagination that then updates row by row within each page.
func (r *Repo) BackfillRowByRow(ctx context.Context) error {
	last := ""
	for {
		rows, _ := r.pool.Query(ctx, `SELECT id, type FROM events WHERE id > $1 ORDER BY id LIMIT 500`, last) // label:ok
		page, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Event])
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, e := range page {
			if _, err := r.pool.Exec(ctx, `UPDATE events SET type = $1 WHERE id = $2`, normalize(e.Type), e.ID); err != nil { // label:bad
				return err
			}
		}
		last = page[len(page)-1].ID
	}
}

func normalize(s string) string { return s }

// pgx.BeginFunc with a loop inside the transaction.
func (r *Repo) ReplaceItems(ctx context.Context, orderID int64, items []OrderItem) error {
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM order_items WHERE order_id = $1`, orderID); err != nil { // label:ok
			return err
		}
		for _, it := range items {
			if _, err := tx.Exec(ctx, `INSERT INTO order_items (order_id, product_name, quantity) VALUES ($1, $2, $3)`, orderID, it.ProductName, it.Quantity); err != nil { // label:bad
				return err
			}
		}
		return nil
	})
}

const upsertStock = `
INSERT INTO stock (sku, qty) VALUES ($1, $2)
ON CONFLICT (sku) DO UPDATE SET qty = EXCLUDED.qty`

// Upsert per product inside a loop.
func (r *Repo) UpsertStock(ctx context.Context, stock map[string]int) error {
	for sku, qty := range stock {
		_, err := r.pool.Exec(ctx, upsertStock, sku, qty) // label:bad
		if err != nil {
			return err
		}
	}
	return nil
}

const upsertStockBulk = `
INSERT INTO stock (sku, qty)
SELECT * FROM unnest($1::text[], $2::int[])
ON CONFLICT (sku) DO UPDATE SET qty = EXCLUDED.qty`

// Upsert of the whole map through unnest in one statement.
func (r *Repo) UpsertStockBulk(ctx context.Context, stock map[string]int) error {
	skus := make([]string, 0, len(stock))
	qtys := make([]int32, 0, len(stock))
	for sku, qty := range stock {
		skus = append(skus, sku)
		qtys = append(qtys, int32(qty))
	}
	_, err := r.pool.Exec(ctx, upsertStockBulk, skus, qtys) // label:ok
	return err
}

// Insert RETURNING through QueryRow per element.
func (r *Repo) CreateEach(ctx context.Context, events []Event) ([]int64, error) {
	var seqs []int64
	for _, e := range events {
		var seq int64
		if err := r.pool.QueryRow(ctx, `INSERT INTO events (id, type) VALUES ($1, $2) RETURNING seq`, e.ID, e.Type).Scan(&seq); err != nil { // label:bad
			return nil, err
		}
		seqs = append(seqs, seq)
	}
	return seqs, nil
}

// Lookup per element: reads only.
func (r *Repo) Exists(ctx context.Context, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, id := range ids {
		var ok bool
		if err := r.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM events WHERE id = $1)`, id).Scan(&ok); err != nil { // label:ok
			return nil, err
		}
		out[id] = ok
	}
	return out, nil
}

// Optimistic-lock retry around a single UPDATE.
func (r *Repo) Reserve(ctx context.Context, sku string, n int) error {
	for attempt := 0; attempt < 5; attempt++ {
		var version int
		if err := r.pool.QueryRow(ctx, `SELECT version FROM stock WHERE sku = $1`, sku).Scan(&version); err != nil { // label:ok
			return err
		}
		tag, err := r.pool.Exec(ctx, `UPDATE stock SET qty = qty - $1, version = version + 1 WHERE sku = $2 AND version = $3`, n, sku, version) // label:ok
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 1 {
			return nil
		}
	}
	return errors.New("reserve: too much contention")
}

// Truncating a fixed set of tables between tests.
func ResetTables(ctx context.Context, conn *pgx.Conn) error {
	for _, t := range []string{"events", "order_items", "stock"} {
		if _, err := conn.Exec(ctx, "TRUNCATE "+t+" CASCADE"); err != nil { // label:ok
			return err
		}
	}
	return nil
}
