package skips

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

func seed(t *testing.T, pool *pgxpool.Pool, ids []int64) {
	for _, id := range ids {
		if _, err := pool.Exec(context.Background(), "INSERT INTO fixtures (id) VALUES ($1)", id); err != nil {
			t.Fatal(err)
		}
	}
}
