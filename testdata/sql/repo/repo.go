// Package repo wraps single-row writes in exported methods; callers in other
// packages loop over them.
package repo

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Event struct {
	ID   string
	Kind string
	Body []byte
}

type EventRepo struct {
	pool *pgxpool.Pool
}

func NewEventRepo(pool *pgxpool.Pool) *EventRepo { return &EventRepo{pool: pool} }

const insertEvent = `INSERT INTO events (id, kind, body) VALUES ($1, $2, $3)`

// Save stores one event.
func (r *EventRepo) Save(ctx context.Context, e Event) error {
	if _, err := r.pool.Exec(ctx, insertEvent, e.ID, e.Kind, e.Body); err != nil {
		return fmt.Errorf("save event %s: %w", e.ID, err)
	}
	return nil
}

// SaveTx stores one event in the caller's transaction.
func (r *EventRepo) SaveTx(ctx context.Context, tx pgx.Tx, e Event) error {
	_, err := tx.Exec(ctx, insertEvent, e.ID, e.Kind, e.Body)
	return err
}

// Record validates and saves: a wrapper of a wrapper.
func (r *EventRepo) Record(ctx context.Context, e Event) error {
	if e.Kind == "" {
		return fmt.Errorf("event %s has no kind", e.ID)
	}
	return r.Save(ctx, e)
}

// SaveAll uses COPY: one call for many events.
func (r *EventRepo) SaveAll(ctx context.Context, es []Event) error {
	_, err := r.pool.CopyFrom(ctx, pgx.Identifier{"events"}, []string{"id", "kind", "body"},
		pgx.CopyFromSlice(len(es), func(i int) ([]any, error) { return []any{es[i].ID, es[i].Kind, es[i].Body}, nil }))
	return err
}

// SaveEach loops itself; it is reported inside, not at its callers.
func (r *EventRepo) SaveEach(ctx context.Context, es []Event) error {
	for _, e := range es {
		if _, err := r.pool.Exec(ctx, insertEvent, e.ID, e.Kind, e.Body); err != nil { // want `INSERT INTO events executed once per element of es`
			return err
		}
	}
	return nil
}

// Find is a read.
func (r *EventRepo) Find(ctx context.Context, id string) (Event, error) {
	var e Event
	err := r.pool.QueryRow(ctx, `SELECT id, kind, body FROM events WHERE id = $1`, id).Scan(&e.ID, &e.Kind, &e.Body)
	return e, err
}

// MaybeSave writes only for some kinds.
func (r *EventRepo) MaybeSave(ctx context.Context, e Event) error {
	if e.Kind == "audit" {
		_, err := r.pool.Exec(ctx, insertEvent, e.ID, e.Kind, e.Body)
		return err
	}
	return nil
}

// Deliver picks a table per kind; every branch writes one row.
func Deliver(ctx context.Context, db *sql.DB, e Event) error {
	var err error
	switch e.Kind {
	case "email":
		_, err = db.ExecContext(ctx, `INSERT INTO outbox_email (id, body) VALUES ($1, $2)`, e.ID, e.Body)
	case "sms":
		_, err = db.ExecContext(ctx, `INSERT INTO outbox_sms (id, body) VALUES ($1, $2)`, e.ID, e.Body)
	default:
		_, err = db.ExecContext(ctx, `INSERT INTO outbox_other (id, kind, body) VALUES ($1, $2, $3)`, e.ID, e.Kind, e.Body)
	}
	return err
}

// Generic stores any row through a caller-supplied statement text.
func Upsert[T any](ctx context.Context, pool *pgxpool.Pool, id string, v T) error {
	_, err := pool.Exec(ctx, `INSERT INTO kv (id, v) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v`, id, v)
	return err
}

// Later registers a write without running it.
func (r *EventRepo) Later(e Event) func(context.Context) error {
	return func(ctx context.Context) error {
		_, err := r.pool.Exec(ctx, insertEvent, e.ID, e.Kind, e.Body)
		return err
	}
}

// ExecSQL runs the caller's statement and wraps its error.
func ExecSQL(ctx context.Context, db *sql.DB, query string, args ...any) error {
	if _, err := db.ExecContext(ctx, query, args...); err != nil {
		return fmt.Errorf("%s: %w", query, err)
	}
	return nil
}

// Row is an active-record style type: the receiver is the record.
type Row struct {
	ID   string
	Body []byte
	pool *pgxpool.Pool
}

// Insert stores the row.
func (r *Row) Insert(ctx context.Context) error {
	_, err := r.pool.Exec(ctx, `INSERT INTO rows (id, body) VALUES ($1, $2)`, r.ID, r.Body)
	return err
}

// DBTX is what both a pool and a transaction offer.
type DBTX interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// Append writes one event through whatever it is given.
func Append(ctx context.Context, db DBTX, e Event) error {
	_, err := db.Exec(ctx, insertEvent, e.ID, e.Kind, e.Body)
	return err
}

// InsertAudit is shared with other packages.
var InsertAudit = `INSERT INTO audit (msg) VALUES ($1)`
