// Package generic declares writers with type parameters: a method of a
// generic type and a generic wrapper function.
package generic

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Repo[T any] struct{ pool *pgxpool.Pool }

func NewRepo[T any](pool *pgxpool.Pool) *Repo[T] { return &Repo[T]{pool: pool} }

// Save writes one row per call.
func (r *Repo[T]) Save(ctx context.Context, v T) error {
	_, err := r.pool.Exec(ctx, "INSERT INTO items (v) VALUES ($1)", v)
	return err
}

// Exec runs one statement with one typed argument.
func Exec[T any](ctx context.Context, pool *pgxpool.Pool, sql string, v T) (pgconn.CommandTag, error) {
	return pool.Exec(ctx, sql, v)
}

// Insert wraps Exec with a fixed INSERT.
func Insert[T any](ctx context.Context, pool *pgxpool.Pool, v T) error {
	_, err := Exec(ctx, pool, "INSERT INTO things (v) VALUES ($1)", v)
	return err
}
