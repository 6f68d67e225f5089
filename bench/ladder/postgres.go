package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/batchlint/batchlint/runtime/pgbatch"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

type pgConfig struct {
	Rows      int // rows per rung
	SlowRows  int // rows for per-row autocommit, scaled to rows/s
	BatchRows int // rows per COPY, for the Writer and raw CopyFrom alike
	PgxBatch  int // statements per pgx.Batch
	Repeat    int
	Only      []string // rung keys to run; nil runs all
}

func defaultPGConfig() pgConfig {
	return pgConfig{Rows: 100000, SlowRows: 5000, BatchRows: pgbatch.DefaultMaxRows, PgxBatch: 1000, Repeat: 5}
}

var columns = []string{"id", "device", "reading", "at", "note"}

// makeRows builds the rows every rung writes: five columns of the kinds an
// event or metrics table holds.
func makeRows(n int) [][]any {
	rows := make([][]any, n)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range rows {
		rows[i] = []any{int64(i), fmt.Sprintf("sensor-%04d", i%500), float64(i%1000) / 8,
			at.Add(time.Duration(i) * time.Millisecond), fmt.Sprintf("reading %d within range, no alarm", i)}
	}
	return rows
}

// pgRung is a write path: it writes rows to table and returns when they are
// committed.
type pgRung struct {
	key, name string
	slow      bool
	write     func(ctx context.Context, p *pgBench, rows [][]any) error
}

type pgBench struct {
	cfg   pgConfig
	pool  *pgxpool.Pool
	sqlDB *sql.DB
	table pgx.Identifier
}

func (p *pgBench) insertSQL() string {
	return fmt.Sprintf("INSERT INTO %s (id, device, reading, at, note) VALUES ($1, $2, $3, $4, $5)", p.table.Sanitize())
}

func pgRungs(cfg pgConfig) []pgRung {
	return []pgRung{
		{key: "autocommit", name: "per-row INSERT, autocommit", slow: true,
			write: func(ctx context.Context, p *pgBench, rows [][]any) error {
				q := p.insertSQL()
				for _, r := range rows {
					//batchlint:ignore sqlloop -- this rung measures exactly the per-row INSERT with autocommit
					if _, err := p.pool.Exec(ctx, q, r...); err != nil {
						return err
					}
				}
				return nil
			}},
		{key: "onetx", name: "per-row INSERT, one transaction",
			write: func(ctx context.Context, p *pgBench, rows [][]any) error {
				return pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
					q := p.insertSQL()
					for _, r := range rows {
						//batchlint:ignore sqlloop -- this rung measures exactly the per-row INSERT in one transaction
						if _, err := tx.Exec(ctx, q, r...); err != nil {
							return err
						}
					}
					return nil
				})
			}},
		{key: "multirow", name: fmt.Sprintf("multi-row INSERT, InsertChunks, %d rows/statement", (pgbatch.Insert{Columns: columns}).RowsPerStatement()),
			write: func(ctx context.Context, p *pgBench, rows [][]any) error {
				_, err := pgbatch.InsertChunks(ctx, p.sqlDB, pgbatch.Insert{Table: p.table, Columns: columns}, rows)
				return err
			}},
		{key: "pgxbatch", name: fmt.Sprintf("pgx.Batch, %d rows/batch", cfg.PgxBatch),
			write: func(ctx context.Context, p *pgBench, rows [][]any) error {
				q := p.insertSQL()
				for start := 0; start < len(rows); start += cfg.PgxBatch {
					b := &pgx.Batch{}
					for _, r := range rows[start:min(start+cfg.PgxBatch, len(rows))] {
						b.Queue(q, r...)
					}
					if err := p.pool.SendBatch(ctx, b).Close(); err != nil {
						return err
					}
				}
				return nil
			}},
		{key: "writer", name: fmt.Sprintf("pgbatch.Writer COPY, %d rows/batch", cfg.BatchRows),
			write: func(ctx context.Context, p *pgBench, rows [][]any) error {
				w, err := pgbatch.NewWriter(p.pool, pgbatch.Config{
					Target:  pgbatch.Target{Table: p.table, Columns: columns},
					MaxRows: cfg.BatchRows,
				})
				if err != nil {
					return err
				}
				for _, r := range rows {
					if err := w.Add(ctx, r); err != nil {
						return err
					}
				}
				return w.Close(ctx)
			}},
		{key: "copyrows", name: fmt.Sprintf("pgbatch.CopyRows, %d rows/transaction", cfg.BatchRows),
			write: func(ctx context.Context, p *pgBench, rows [][]any) error {
				for start := 0; start < len(rows); start += cfg.BatchRows {
					if _, err := pgbatch.CopyRows(ctx, p.pool, pgbatch.Target{Table: p.table, Columns: columns}, rows[start:min(start+cfg.BatchRows, len(rows))]); err != nil {
						return err
					}
				}
				return nil
			}},
		{key: "copyfrom", name: fmt.Sprintf("raw pgx CopyFrom, %d rows/call", cfg.BatchRows),
			write: func(ctx context.Context, p *pgBench, rows [][]any) error {
				for start := 0; start < len(rows); start += cfg.BatchRows {
					if _, err := p.pool.CopyFrom(ctx, p.table, columns, pgx.CopyFromRows(rows[start:min(start+cfg.BatchRows, len(rows))])); err != nil {
						return err
					}
				}
				return nil
			}},
	}
}

// runPostgres runs every Postgres rung against a fresh table and checks after
// each run that exactly the rows written are there. It returns a line naming
// the server and the settings that decide commit cost.
func runPostgres(ctx context.Context, dsn string, cfg pgConfig, progress func(rung)) ([]rung, string, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, "", err
	}
	defer pool.Close()
	sqlDB := stdlib.OpenDBFromPool(pool)
	defer sqlDB.Close()

	var version, fsync, syncCommit string
	if err := pool.QueryRow(ctx, "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')").
		Scan(&version, &fsync, &syncCommit); err != nil {
		return nil, "", err
	}
	info := fmt.Sprintf("Postgres %s, fsync=%s, synchronous_commit=%s", version, fsync, syncCommit)

	schema := fmt.Sprintf("ladder_%08x", rand.Uint32())
	if _, err := pool.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize()); err != nil {
		return nil, "", err
	}
	defer pool.Exec(context.WithoutCancel(ctx), "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
	p := &pgBench{cfg: cfg, pool: pool, sqlDB: sqlDB, table: pgx.Identifier{schema, "readings"}}
	if _, err := pool.Exec(ctx, "CREATE TABLE "+p.table.Sanitize()+
		" (id bigint PRIMARY KEY, device text NOT NULL, reading double precision, at timestamptz NOT NULL, note text)"); err != nil {
		return nil, "", err
	}

	all := makeRows(cfg.Rows)
	var rungs []pgRung
	for _, pr := range pgRungs(cfg) {
		if cfg.Only == nil || slices.Contains(cfg.Only, pr.key) {
			rungs = append(rungs, pr)
		}
	}
	out, err := rounds(len(rungs), cfg.Repeat,
		func(i int) bool { return rungs[i].slow },
		func(i int) (rung, error) {
			if rungs[i].slow {
				// Fifty times slower than the rest.
				return p.measure(ctx, rungs[i], all[:min(cfg.SlowRows, len(all))])
			}
			return p.measure(ctx, rungs[i], all)
		}, progress)
	if err != nil {
		return nil, "", err
	}
	return out, info, nil
}

// measure runs one write into an empty table and checks that exactly its
// rows are there afterwards.
func (p *pgBench) measure(ctx context.Context, pr pgRung, rows [][]any) (rung, error) {
	if _, err := p.pool.Exec(ctx, "TRUNCATE "+p.table.Sanitize()); err != nil {
		return rung{}, err
	}
	start := time.Now()
	if err := pr.write(ctx, p, rows); err != nil {
		return rung{}, fmt.Errorf("%s: %w", pr.name, err)
	}
	elapsed := time.Since(start)
	var n int
	if err := p.pool.QueryRow(ctx, "SELECT count(*) FROM "+p.table.Sanitize()).Scan(&n); err != nil {
		return rung{}, err
	}
	if n != len(rows) {
		return rung{}, fmt.Errorf("%s: %d rows in the table after writing %d", pr.name, n, len(rows))
	}
	return rung{Group: "Postgres", Name: pr.name, Unit: "rows", Items: len(rows), Elapsed: elapsed,
		Key: pr.key, Baseline: pr.key == "autocommit"}, nil
}
