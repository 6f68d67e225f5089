// Package store is a small repository layer over pgx and database/sql, as
// services commonly write it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("not found")

type Metric struct {
	Host  string
	Name  string
	Value float64
	At    time.Time
}

type Metrics struct {
	pool *pgxpool.Pool
}

func NewMetrics(pool *pgxpool.Pool) *Metrics { return &Metrics{pool: pool} }

const insertMetric = `
INSERT INTO metrics (host, name, value, at)
VALUES ($1, $2, $3, $4)`

// Put stores one sample.
func (m *Metrics) Put(ctx context.Context, s Metric) error {
	_, err := m.pool.Exec(ctx, insertMetric, s.Host, s.Name, s.Value, s.At) // label:ok
	if err != nil {
		return fmt.Errorf("put metric %s/%s: %w", s.Host, s.Name, err)
	}
	return nil
}

// PutMany stores samples with COPY.
func (m *Metrics) PutMany(ctx context.Context, ss []Metric) (int64, error) {
	return m.pool.CopyFrom(ctx, pgx.Identifier{"metrics"}, []string{"host", "name", "value", "at"}, // label:ok
		pgx.CopyFromFunc(func() func() ([]any, error) {
			i := -1
			return func() ([]any, error) {
				i++
				if i >= len(ss) {
					return nil, nil
				}
				return []any{ss[i].Host, ss[i].Name, ss[i].Value, ss[i].At}, nil
			}
		}()))
}

// Latest reads one value.
func (m *Metrics) Latest(ctx context.Context, host, name string) (float64, error) {
	var v float64
	err := m.pool.QueryRow(ctx, `SELECT value FROM metrics WHERE host = $1 AND name = $2 ORDER BY at DESC LIMIT 1`, host, name).Scan(&v) // label:ok
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, ErrNotFound
	}
	return v, err
}

type Accounts struct {
	db      *sql.DB
	credit  *sql.Stmt
	history *sql.Stmt
}

func NewAccounts(ctx context.Context, db *sql.DB) (*Accounts, error) {
	credit, err := db.PrepareContext(ctx, `UPDATE accounts SET balance = balance + $2 WHERE id = $1`)
	if err != nil {
		return nil, err
	}
	history, err := db.PrepareContext(ctx, `INSERT INTO account_history (account_id, delta, at) VALUES ($1, $2, now())`)
	if err != nil {
		return nil, err
	}
	return &Accounts{db: db, credit: credit, history: history}, nil
}

// Credit moves money into one account and records it.
func (a *Accounts) Credit(ctx context.Context, tx *sql.Tx, id int64, delta int64) error {
	if _, err := tx.StmtContext(ctx, a.credit).ExecContext(ctx, id, delta); err != nil { // label:ok
		return err
	}
	_, err := tx.StmtContext(ctx, a.history).ExecContext(ctx, id, delta) // label:ok
	return err
}

// Balance is a read.
func (a *Accounts) Balance(ctx context.Context, id int64) (int64, error) {
	var b int64
	err := a.db.QueryRowContext(ctx, `SELECT balance FROM accounts WHERE id = $1`, id).Scan(&b) // label:ok
	return b, err
}
