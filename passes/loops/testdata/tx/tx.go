// Package tx covers transaction helpers that run their literal once.
package tx

import (
	"context"
	"sync"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"
)

type user struct{ Name string }

func write(args ...any) error { return nil }

func gormTransaction(db *gorm.DB, users []user) {
	for _, u := range users {
		db.Transaction(func(tx *gorm.DB) error {
			return write(tx, u) // want `per-iteration of users \(per-element\)`
		})
	}
}

func gormTransactionOutside(db *gorm.DB, users []user) {
	db.Transaction(func(tx *gorm.DB) error {
		for _, u := range users {
			write(tx, u) // want `per-iteration of users \(per-element\)`
		}
		return write(tx) // want `not per-iteration`
	})
}

func pgxBeginFunc(ctx context.Context, conn *pgx.Conn, users []user) error {
	for _, u := range users {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			return write(ctx, tx, u) // want `per-iteration of users \(per-element\)`
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func pgxBeginTxFunc(ctx context.Context, conn *pgx.Conn, users []user) {
	save := func(tx pgx.Tx) error {
		return write(tx) // want `per-iteration of users \(per-element\)`
	}
	for range users {
		pgx.BeginTxFunc(ctx, conn, pgx.TxOptions{}, save)
	}
}

func onceDo(users []user) {
	var once sync.Once
	for _, u := range users {
		once.Do(func() {
			write(u) // want `not per-iteration`
		})
	}
}

func pgxBatchLen(ctx context.Context, conn *pgx.Conn, users []user) {
	b := &pgx.Batch{}
	for _, u := range users {
		b.Queue("INSERT INTO users (name) VALUES ($1)", u.Name)
		if b.Len() >= 500 {
			write(conn.SendBatch(ctx, b)) // want `not per-iteration`
			b = &pgx.Batch{}
		}
	}
}
