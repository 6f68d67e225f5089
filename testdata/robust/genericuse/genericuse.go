// Package genericuse calls the generic writers of package generic in loops.
package genericuse

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/robust/generic"
)

type Item struct{ Name string }

func SaveItems(ctx context.Context, pool *pgxpool.Pool, items []Item) error {
	repo := generic.NewRepo[Item](pool)
	for _, it := range items {
		if err := repo.Save(ctx, it); err != nil { // finding: sqlloop
			return err
		}
	}
	return nil
}

func InsertInts(ctx context.Context, pool *pgxpool.Pool, vs []int) error {
	for _, v := range vs {
		if err := generic.Insert(ctx, pool, v); err != nil { // finding: sqlloop
			return err
		}
	}
	return nil
}

func ExecStrings(ctx context.Context, pool *pgxpool.Pool, vs []string) error {
	for _, v := range vs {
		if _, err := generic.Exec(ctx, pool, "INSERT INTO strs (v) VALUES ($1)", v); err != nil { // finding: sqlloop
			return err
		}
	}
	return nil
}
