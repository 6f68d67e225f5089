// Package iterseq writes inside range-over-func loops.
package iterseq

import (
	"context"
	"iter"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5/pgxpool"
)

func Rows(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func SaveSeq(ctx context.Context, pool *pgxpool.Pool, n int) error {
	for id := range Rows(n) {
		if _, err := pool.Exec(ctx, "INSERT INTO seq (id) VALUES ($1)", id); err != nil { // finding: sqlloop
			return err
		}
	}
	return nil
}

func SaveSeq2(ctx context.Context, pool *pgxpool.Pool, names map[string]int) error {
	for name, n := range maps.All(names) {
		if _, err := pool.Exec(ctx, "INSERT INTO seq2 (name, n) VALUES ($1, $2)", name, n); err != nil { // finding: sqlloop
			return err
		}
	}
	return nil
}

func SaveSorted(ctx context.Context, pool *pgxpool.Pool, ids []int) error {
	for _, id := range slices.Sorted(slices.Values(ids)) {
		if _, err := pool.Exec(ctx, "INSERT INTO sorted (id) VALUES ($1)", id); err != nil { // finding: sqlloop
			return err
		}
	}
	return nil
}
