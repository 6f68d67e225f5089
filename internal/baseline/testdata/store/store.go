package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func Import(ctx context.Context, db *sql.DB, users []string) {
	for _, u := range users {
		db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", u)
		db.ExecContext(ctx, "INSERT INTO audit (name) VALUES ($1)", u)
	}
}

func (s *Store) Sync(ctx context.Context, users []string) {
	for _, u := range users {
		// Twice, so that the baseline counts two.
		s.Save(ctx, u)
		s.Save(ctx, u)
	}
}

func (s *Store) Save(ctx context.Context, u string) {
	s.db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", u)
}
