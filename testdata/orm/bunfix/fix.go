// Package bunfix holds the loops ormloop rewrites into one bun bulk insert.
package bunfix

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/orm/model"
)

func insert(ctx context.Context, db *bun.DB, users []model.User) error {
	for _, u := range users {
		if _, err := db.NewInsert().Model(&u).Exec(ctx); err != nil { // want `bun insert of one User`
			return err
		}
	}
	return nil
}

func insertPointers(ctx context.Context, db bun.IDB, events []*model.Event) {
	for _, ev := range events {
		db.NewInsert().Model(ev).Exec(ctx) // want `bun insert of one Event`
	}
}
