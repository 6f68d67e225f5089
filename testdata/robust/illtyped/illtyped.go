// Package illtyped does not type-check: undefined names, wrong argument
// counts and types, a loop over an undefined variable. batchlint must report
// the type errors clearly and never panic.
package illtyped

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/twmb/franz-go/pkg/kgo"
	"gorm.io/gorm"
)

type User struct{ ID int64 }

func wrongTypes(ctx context.Context, pool *pgxpool.Pool, db *gorm.DB, cl *kgo.Client, users []User) {
	for _, u := range users {
		pool.Exec(42, "INSERT INTO users (id) VALUES ($1)", u.ID)
		pool.Exec(ctx)
		pool.CopyFrom(ctx, "users", nil, u)
		pool.SendBatch(ctx, pgx.Batch{})
		db.Create(u, u)
		db.Save()
		cl.ProduceSync(ctx, u)
		cl.Produce(ctx, &kgo.Record{Value: u}, nil, nil)
	}
}

func undefinedLoop(ctx context.Context, pool *pgxpool.Pool) {
	for _, r := range undefinedRows {
		pool.Exec(ctx, "INSERT INTO t (a) VALUES ($1)", r)
	}
	for i := 0; i < len(missing); i++ {
		undefinedPool.Exec(ctx, "INSERT INTO t (a) VALUES ($1)", i)
	}
	for range undefinedSeq {
		pool.Exec(ctx, undefinedQuery, 1)
	}
}

func undefinedClient(ctx context.Context, rows []User) {
	cl, _ := kgo.NewClient(kgo.ProducerLinger(undefinedDuration), kgo.Unknown())
	for _, r := range rows {
		cl.ProduceSync(ctx, &kgo.Record{Value: r})
	}
	var db *gorm.DB = open()
	for _, r := range rows {
		db.Create(&r).Missing()
	}
	tooMany(1, 2, 3)
}

func tooMany(a int) {}

func (x *Undefined) Save(ctx context.Context, pool *pgxpool.Pool) {
	pool.Exec(ctx, "INSERT INTO t (a) VALUES ($1)", x)
}
