// Package cgo calls C: batchlint must analyse it like any other package.
package cgo

/*
static int twice(int x) { return 2 * x; }
*/
import "C"

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Twice(x int) int { return int(C.twice(C.int(x))) }

func SaveAll(ctx context.Context, pool *pgxpool.Pool, ids []int) error {
	for _, id := range ids {
		if _, err := pool.Exec(ctx, "INSERT INTO doubled (id, v) VALUES ($1, $2)", id, Twice(id)); err != nil { // finding: sqlloop
			return err
		}
	}
	return nil
}

// SeedDefaults writes the few rows of a fresh database; the directive must
// hold in a cgo file too, whose lines go vet sees through cmd/cgo's
// translation.
func SeedDefaults(ctx context.Context, pool *pgxpool.Pool, ids []int) error {
	for _, id := range ids {
		//batchlint:ignore sqlloop -- a handful of rows at setup
		if _, err := pool.Exec(ctx, "INSERT INTO doubled (id, v) VALUES ($1, $2)", id, Twice(id)); err != nil {
			return err
		}
	}
	return nil
}
