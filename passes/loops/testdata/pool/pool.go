// Package pool covers pgxpool's AcquireFunc, which runs its literal once.
package pool

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type user struct{ Name string }

func write(args ...any) error { return nil }

func acquireFunc(ctx context.Context, p *pgxpool.Pool, users []user) error {
	for _, u := range users {
		err := p.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
			return write(ctx, c, u) // want `per-iteration of users \(per-element\)`
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func acquireFuncOutside(ctx context.Context, p *pgxpool.Pool, users []user) error {
	return p.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		return write(ctx, c, users) // want `not per-iteration`
	})
}

// acquireAll is not AcquireFunc: the literal is stored, not run.
func acquireAll(ctx context.Context, p *pgxpool.Pool, users []user) {
	var fns []func(*pgxpool.Conn) error
	for _, u := range users {
		fns = append(fns, func(c *pgxpool.Conn) error {
			return write(ctx, c, u) // want `not per-iteration`
		})
	}
	_ = fns
}
