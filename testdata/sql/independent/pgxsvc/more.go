package pgxsvc

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A pooled connection acquired per event for its INSERT.
func (r *Repo) InsertAcquire(ctx context.Context, events []Event) error {
	for _, e := range events {
		err := r.pool.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
			_, err := c.Exec(ctx, `INSERT INTO events (id, type) VALUES ($1, $2)`, e.ID, e.Type) // label:bad
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// A savepoint per item so that one bad row does not abort the import.
func ImportWithSavepoints(ctx context.Context, tx pgx.Tx, events []Event) (skipped int, err error) {
	for _, e := range events {
		sp, err := tx.Begin(ctx)
		if err != nil {
			return skipped, err
		}
		if _, err := sp.Exec(ctx, `INSERT INTO events (id, type) VALUES ($1, $2)`, e.ID, e.Type); err != nil { // label:bad
			sp.Rollback(ctx)
			skipped++
			continue
		}
		if err := sp.Commit(ctx); err != nil {
			return skipped, err
		}
	}
	return skipped, nil
}

// Named statements prepared on a connection for a fixed set of queries.
func PrepareStatements(ctx context.Context, conn *pgx.Conn) error {
	for name, sql := range map[string]string{
		"insert_event": `INSERT INTO events (id, type) VALUES ($1, $2)`,
		"delete_event": `DELETE FROM events WHERE id = $1`,
	} {
		if _, err := conn.Prepare(ctx, name, sql); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Executing a named prepared statement per event.
func InsertPreparedByName(ctx context.Context, conn *pgx.Conn, events []Event) error {
	for _, e := range events {
		if _, err := conn.Exec(ctx, "insert_event", e.ID, e.Type); err != nil { // label:bad
			return err
		}
	}
	return nil
}
