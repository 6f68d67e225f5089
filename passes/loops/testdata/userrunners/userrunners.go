// Package userrunners covers the package's own transaction helpers: a
// function that runs its function argument once, where it is called, is a
// runner; one that stores it, launches it, loops over it or guards it with
// sync.Once is not.
package userrunners

import (
	"context"
	"database/sql"
	"sync"

	"github.com/jackc/pgx/v5"
)

type user struct{ Name string }

func write(args ...any) error { return nil }

func withTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func txPerUser(ctx context.Context, db *sql.DB, users []user) error {
	for _, u := range users {
		err := withTx(ctx, db, func(tx *sql.Tx) error {
			return write(tx, u) // want `per-iteration of users \(per-element\)`
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func txAroundLoop(ctx context.Context, db *sql.DB, users []user) error {
	return withTx(ctx, db, func(tx *sql.Tx) error {
		for _, u := range users {
			write(tx, u) // want `per-iteration of users \(per-element\)`
		}
		return write(tx) // want `not per-iteration`
	})
}

func txClosureVar(ctx context.Context, db *sql.DB, users []user) {
	save := func(tx *sql.Tx) error {
		return write(tx) // want `per-iteration of users \(per-element\)`
	}
	for range users {
		withTx(ctx, db, save)
	}
}

type store struct{ db *sql.DB }

// inTx is a method runner.
func (s *store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// maybe runs fn if there is one: comparing it with nil does not run it.
func maybe(fn func()) {
	if fn != nil {
		fn()
	}
}

func maybePerUser(users []user) {
	for _, u := range users {
		maybe(func() {
			write(u) // want `per-iteration of users \(per-element\)`
		})
	}
}

func (s *store) methodPerUser(ctx context.Context, users []user) {
	for _, u := range users {
		s.inTx(ctx, func(tx *sql.Tx) error {
			return write(tx, u) // want `per-iteration of users \(per-element\)`
		})
	}
}

// outer hands its argument to inner, declared after it, which hands it to
// pgx.BeginFunc: both run it once.
func outer(ctx context.Context, conn *pgx.Conn, fn func(pgx.Tx) error) error {
	return inner(ctx, conn, fn)
}

func inner(ctx context.Context, conn *pgx.Conn, fn func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, conn, fn)
}

func chainPerUser(ctx context.Context, conn *pgx.Conn, users []user) {
	for _, u := range users {
		outer(ctx, conn, func(tx pgx.Tx) error {
			return write(tx, u) // want `per-iteration of users \(per-element\)`
		})
	}
}

// --- look-alikes: not runners ---

type registry struct{ hooks []func(*sql.Tx) error }

// register stores fn: it runs later, any number of times.
func (r *registry) register(fn func(*sql.Tx) error) { r.hooks = append(r.hooks, fn) }

func registerPerUser(r *registry, users []user) {
	for _, u := range users {
		r.register(func(tx *sql.Tx) error {
			return write(tx, u) // want `not per-iteration`
		})
	}
}

// async runs fn on another goroutine.
func async(tx *sql.Tx, fn func(*sql.Tx) error) {
	go fn(tx)
}

func asyncPerUser(tx *sql.Tx, users []user) {
	for _, u := range users {
		async(tx, func(tx *sql.Tx) error {
			return write(tx, u) // want `not per-iteration`
		})
	}
}

// eachRow calls fn per row: a callback iterator, not a runner.
func eachRow(rows []user, fn func(user) error) error {
	for _, r := range rows {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

func eachRowOnce(users []user) {
	eachRow(users, func(u user) error {
		return write(u) // want `not per-iteration`
	})
}

// retried may run fn several times.
func retried(fn func() error) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = fn(); err == nil {
			return nil
		}
	}
	return err
}

func retriedOnce() {
	retried(func() error {
		return write() // want `not per-iteration`
	})
}

var once sync.Once

// initOnce runs fn at most once in all, not once per call.
func initOnce(fn func()) {
	once.Do(func() { fn() })
}

func initPerUser(users []user) {
	for _, u := range users {
		initOnce(func() {
			write(u) // want `not per-iteration`
		})
	}
}

// onceDo hands fn to sync.Once.Do, which is no runner.
func onceDo(o *sync.Once, fn func()) {
	o.Do(fn)
}

func onceDoPerUser(o *sync.Once, users []user) {
	for _, u := range users {
		onceDo(o, func() {
			write(u) // want `not per-iteration`
		})
	}
}

// later defers fn to the caller's return.
func later(fn func()) {
	defer fn()
}

func laterPerUser(users []user) {
	for _, u := range users {
		later(func() {
			write(u) // want `not per-iteration`
		})
	}
}

// keep takes fn's address: a use other than a call or a nil test.
func keep(fn, prev func()) {
	if &fn != &prev {
		fn()
	}
}

func keepPerUser(users []user) {
	for _, u := range users {
		keep(func() {
			write(u) // want `not per-iteration`
		}, nil)
	}
}

// withGoto may jump back and run fn again.
func withGoto(fn func() error) {
	n := 0
again:
	if fn() != nil && n < 3 {
		n++
		goto again
	}
}

func withGotoPerUser(users []user) {
	for _, u := range users {
		withGoto(func() error {
			return write(u) // want `not per-iteration`
		})
	}
}
