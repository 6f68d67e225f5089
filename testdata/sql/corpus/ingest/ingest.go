// Package ingest loads data from files, queues and other databases.
package ingest

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"golang.org/x/sync/errgroup"

	"example.com/sqlcases/corpus/store"
)

type Row struct {
	ID    int64   `db:"id" json:"id"`
	Email string  `db:"email" json:"email"`
	Score float64 `db:"score" json:"score"`
}

const upsertRow = `INSERT INTO people (id, email, score) VALUES ($1, $2, $3)
ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, score = EXCLUDED.score`

// LoadCSV inserts a CSV file row by row.
func LoadCSV(ctx context.Context, pool *pgxpool.Pool, r io.Reader) error {
	cr := csv.NewReader(r)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		id, _ := strconv.ParseInt(rec[0], 10, 64)
		score, _ := strconv.ParseFloat(rec[2], 64)
		if _, err := pool.Exec(ctx, upsertRow, id, rec[1], score); err != nil { // label:write
			return err
		}
	}
}

// LoadJSONLines reads one JSON document per line.
func LoadJSONLines(ctx context.Context, db *sql.DB, r io.Reader) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		var row Row
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, "INSERT INTO people (id, email, score) VALUES ($1, $2, $3)", row.ID, row.Email, row.Score); err != nil { // label:write
			return err
		}
	}
	return sc.Err()
}

// LoadCopy streams rows with lib/pq COPY inside one transaction.
func LoadCopy(ctx context.Context, db *sql.DB, rows []Row) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, pq.CopyInSchema("public", "people", "id", "email", "score"))
	if err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r.ID, r.Email, r.Score); err != nil { // label:ok
			return err
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil { // label:ok
		return err
	}
	return tx.Commit()
}

// Consume applies events from a channel until it closes.
func Consume(ctx context.Context, pool *pgxpool.Pool, events <-chan Row) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			if _, err := pool.Exec(ctx, "UPDATE people SET score = $2 WHERE id = $1", ev.ID, ev.Score); err != nil { // label:write
				slog.Error("apply", "err", err)
			}
		}
	}
}

// Buffered collects events and flushes them with COPY when the buffer fills.
func Buffered(ctx context.Context, pool *pgxpool.Pool, events <-chan Row) error {
	buf := make([][]any, 0, 5000)
	flush := func() error {
		_, err := pool.CopyFrom(ctx, pgx.Identifier{"people"}, []string{"id", "email", "score"}, pgx.CopyFromRows(buf)) // label:ok
		buf = buf[:0]
		return err
	}
	for ev := range events {
		buf = append(buf, []any{ev.ID, ev.Email, ev.Score})
		if len(buf) == cap(buf) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// Parallel writes partitions concurrently, one statement per row.
func Parallel(ctx context.Context, pool *pgxpool.Pool, parts [][]Row) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, part := range parts {
		g.Go(func() error {
			for _, r := range part {
				if _, err := pool.Exec(ctx, upsertRow, r.ID, r.Email, r.Score); err != nil { // label:write
					return err
				}
			}
			return nil
		})
	}
	return g.Wait()
}

// Metrics stores each sample through the repository.
func Metrics(ctx context.Context, m *store.Metrics, samples []store.Metric) {
	for _, s := range samples {
		if err := m.Put(ctx, s); err != nil { // label:write
			slog.Warn("metric dropped", "err", err)
		}
	}
}

// MetricsBulk stores the samples in chunks with COPY.
func MetricsBulk(ctx context.Context, m *store.Metrics, samples []store.Metric) error {
	for len(samples) > 0 {
		n := min(10000, len(samples))
		if _, err := m.PutMany(ctx, samples[:n]); err != nil { // label:ok
			return err
		}
		samples = samples[n:]
	}
	return nil
}

// Check reads the latest value per host.
func Check(ctx context.Context, m *store.Metrics, hosts []string) map[string]float64 {
	out := map[string]float64{}
	for _, h := range hosts {
		if v, err := m.Latest(ctx, h, "cpu"); err == nil { // label:ok
			out[h] = v
		}
	}
	return out
}

// SyncTables copies rows from a legacy database with an INSERT per row.
func SyncTables(ctx context.Context, legacy *sql.DB, dst *sqlx.DB) error {
	rows, err := legacy.QueryContext(ctx, "SELECT id, email, score FROM legacy_people") // label:ok
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r Row
		if err := rows.Scan(&r.ID, &r.Email, &r.Score); err != nil {
			return err
		}
		if _, err := dst.NamedExecContext(ctx, `INSERT INTO people (id, email, score) VALUES (:id, :email, :score)`, r); err != nil { // label:write
			return err
		}
	}
	return rows.Err()
}

// SyncBulk copies with one NamedExec per page.
func SyncBulk(ctx context.Context, dst *sqlx.DB, pages [][]Row) error {
	for _, page := range pages {
		if _, err := dst.NamedExecContext(ctx, `INSERT INTO people (id, email, score) VALUES (:id, :email, :score)`, page); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Retry tries one insert a few times.
func Retry(ctx context.Context, pool *pgxpool.Pool, r Row) error {
	var err error
	for i := 0; i < 5; i++ {
		if _, err = pool.Exec(ctx, upsertRow, r.ID, r.Email, r.Score); err == nil { // label:ok
			return nil
		}
		time.Sleep(time.Duration(1<<i) * 50 * time.Millisecond)
	}
	return err
}

// Mark flags processed ids in one statement per batch.
func Mark(ctx context.Context, pool *pgxpool.Pool, batches [][]int64) error {
	for _, ids := range batches {
		if _, err := pool.Exec(ctx, "UPDATE people SET processed = true WHERE id = ANY($1)", ids); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Tags writes tags one by one inside a transaction.
func Tags(ctx context.Context, pool *pgxpool.Pool, personID int64, tags []string) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "DELETE FROM person_tags WHERE person_id = $1", personID); err != nil { // label:ok
			return err
		}
		for _, t := range tags {
			if _, err := tx.Exec(ctx, "INSERT INTO person_tags (person_id, tag) VALUES ($1, $2)", personID, strings.ToLower(t)); err != nil { // label:write
				return err
			}
		}
		return nil
	})
}

// Partitions creates a partition per month: DDL in a loop.
func Partitions(ctx context.Context, pool *pgxpool.Pool, months []time.Time) error {
	for _, m := range months {
		name := "events_" + m.Format("2006_01")
		q := "CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF events FOR VALUES FROM ('" +
			m.Format(time.DateOnly) + "') TO ('" + m.AddDate(0, 1, 0).Format(time.DateOnly) + "')"
		if _, err := pool.Exec(ctx, q); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Batched queues all statements into one pgx.Batch and reads the results.
func Batched(ctx context.Context, pool *pgxpool.Pool, rows []Row) error {
	b := &pgx.Batch{}
	for _, r := range rows {
		b.Queue(upsertRow, r.ID, r.Email, r.Score) // label:ok
	}
	res := pool.SendBatch(ctx, b) // label:ok
	defer res.Close()
	for range rows {
		if _, err := res.Exec(); err != nil { // label:ok
			return err
		}
	}
	return nil
}
