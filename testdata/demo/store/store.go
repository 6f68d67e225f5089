// Package store is the demo service's Postgres repository.
package store

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// User is one row of the users table.
type User struct {
	ID    int64
	Email string
	Name  string
}

// Store wraps the connection pool.
type Store struct {
	pool *pgxpool.Pool
}

// New returns a Store on pool.
func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// InsertUser writes one user. Every call is one INSERT statement, one round
// trip and, outside a transaction, one commit.
func (s *Store) InsertUser(ctx context.Context, u User) error {
	_, err := s.pool.Exec(ctx, "INSERT INTO users (id, email, name) VALUES ($1, $2, $3)", u.ID, u.Email, u.Name)
	return err
}

// CopyUsers writes all users with one COPY: the batched form.
func (s *Store) CopyUsers(ctx context.Context, users []User) (int64, error) {
	return s.pool.CopyFrom(ctx, pgx.Identifier{"users"}, []string{"id", "email", "name"},
		pgx.CopyFromSlice(len(users), func(i int) ([]any, error) {
			return []any{users[i].ID, users[i].Email, users[i].Name}, nil
		}))
}
