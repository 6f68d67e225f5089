// Package legacy is the audit log, still on database/sql.
package legacy

import (
	"context"
	"database/sql"
)

// Event is one audit record.
type Event struct {
	Actor  string
	Action string
}

// RecordAll writes one INSERT per event.
func RecordAll(ctx context.Context, db *sql.DB, events []Event) error {
	for _, e := range events {
		if _, err := db.ExecContext(ctx, "INSERT INTO audit (actor, action) VALUES ($1, $2)", e.Actor, e.Action); err != nil {
			return err
		}
	}
	return nil
}

// SeedActions writes the configured actions at startup: a handful of rows,
// once per process.
func SeedActions(ctx context.Context, db *sql.DB, actions []string) error {
	for _, a := range actions {
		//batchlint:ignore sqlloop -- a handful of configured actions, once at startup
		if _, err := db.ExecContext(ctx, "INSERT INTO actions (name) VALUES ($1) ON CONFLICT DO NOTHING", a); err != nil {
			return err
		}
	}
	return nil
}

// CountActions reads, it does not write: a query in a loop is not a finding.
func CountActions(ctx context.Context, db *sql.DB, actors []string) (map[string]int, error) {
	counts := map[string]int{}
	for _, actor := range actors {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM audit WHERE actor = $1", actor).Scan(&n); err != nil {
			return nil, err
		}
		counts[actor] = n
	}
	return counts, nil
}
