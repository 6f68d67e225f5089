// Package usesbroken imports a package that does not type-check. go vet
// skips it without a word; batchlint must name it as not analysed rather
// than report it clean.
package usesbroken

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/robust/illtyped"
)

func SaveUsers(ctx context.Context, pool *pgxpool.Pool, users []illtyped.User) error {
	for _, u := range users {
		if _, err := pool.Exec(ctx, "INSERT INTO users (id) VALUES ($1)", u.ID); err != nil {
			return err
		}
	}
	return nil
}
