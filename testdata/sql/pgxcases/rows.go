package pgxcases

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgx's row helpers run their function once per row, like for rows.Next().

func markSeen(ctx context.Context, pool *pgxpool.Pool, rows pgx.Rows) error {
	var id int64
	_, err := pgx.ForEachRow(rows, []any{&id}, func() error {
		_, err := pool.Exec(ctx, "UPDATE events SET seen_at = now() WHERE id = $1", id) // want `UPDATE events executed once per element of pgx.ForEachRow`
		return err
	})
	return err
}

func archiveEach(ctx context.Context, pool *pgxpool.Pool, rows pgx.Rows) ([]int64, error) {
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (int64, error) {
		var id int64
		if err := row.Scan(&id); err != nil {
			return 0, err
		}
		_, err := pool.Exec(ctx, "INSERT INTO archive (event_id) VALUES ($1)", id) // want `INSERT INTO archive executed once per element of pgx.CollectRows`
		return id, err
	})
}

// Look-alikes: the same one-row writes after the helper has returned run
// once.

func markNewestSeen(ctx context.Context, pool *pgxpool.Pool, rows pgx.Rows) error {
	var id, newest int64
	_, err := pgx.ForEachRow(rows, []any{&id}, func() error {
		newest = max(newest, id)
		return nil
	})
	if err != nil {
		return err
	}
	_, err = pool.Exec(ctx, "UPDATE events SET seen_at = now() WHERE id = $1", newest)
	return err
}

func archiveCollected(ctx context.Context, pool *pgxpool.Pool, rows pgx.Rows) error {
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	_, err = pool.Exec(ctx, "INSERT INTO archive (event_id) SELECT unnest($1::bigint[])", ids)
	return err
}
