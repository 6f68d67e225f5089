// Package buncases holds bun writes per iteration (want) and the look-alikes
// ormloop must leave alone.
package buncases

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/uptrace/bun"

	"example.com/orm/model"
)

func insertEach(ctx context.Context, db *bun.DB, users []model.User) error {
	for _, u := range users {
		u.Active = true
		if _, err := db.NewInsert().Model(&u).Exec(ctx); err != nil { // want `bun insert of one User runs once per element of users, with autocommit; use bun NewInsert\(\)\.Model\(&slice\)`
			return fmt.Errorf("insert %s: %w", u.Name, err)
		}
	}
	return nil
}

func upsertReturning(ctx context.Context, db *bun.DB, events []*model.Event) error {
	for _, ev := range events {
		err := db.NewInsert().Model(ev).On("CONFLICT (key) DO UPDATE").Returning("key").Scan(ctx) // want `bun insert of one Event`
		if err != nil {
			return err
		}
	}
	return nil
}

func insertInTx(ctx context.Context, db *bun.DB, users []model.User) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for i := range users {
			users[i].Active = true
			if _, err := tx.NewInsert().Model(&users[i]).Exec(ctx); err != nil { // want `bun insert of one User.*, in a transaction`
				return err
			}
		}
		return nil
	})
}

func insertThroughIDB(ctx context.Context, idb bun.IDB, users []*model.User) {
	for _, u := range users {
		u.Age++
		idb.NewInsert().Model(u).Exec(ctx) // want `bun insert of one User`
	}
}

func insertWithColumnValue(ctx context.Context, db *bun.DB, users []model.User) {
	for _, u := range users {
		u.Name = "imported " + u.Name
		db.NewInsert().Model(&u).Value("created_at", "now()").Exec(ctx) // want `bun insert of one User`
	}
}

func updateByPK(ctx context.Context, db *bun.DB, users []model.User) {
	for _, u := range users {
		db.NewUpdate().Model(&u).Column("name").WherePK().Exec(ctx) // want `bun update of one User`
	}
}

func deleteByPK(ctx context.Context, db *bun.DB, users []model.User) {
	for _, u := range users {
		db.NewDelete().Model(&u).WherePK().Exec(ctx) // want `bun delete of one User`
	}
}

func insertFromRows(ctx context.Context, db *bun.DB, rows *sql.Rows) error {
	for rows.Next() {
		var ev model.Event
		if err := rows.Scan(&ev.Key, &ev.Payload); err != nil {
			return err
		}
		db.NewInsert().Model(&ev).Exec(ctx) // want `bun insert of one Event`
	}
	return rows.Err()
}

// --- look-alikes ---

func insertChunks(ctx context.Context, db *bun.DB, chunks [][]model.User) {
	for _, chunk := range chunks {
		db.NewInsert().Model(&chunk).Exec(ctx)
	}
}

func bulkUpdateChunks(ctx context.Context, db *bun.DB, chunks []model.Users) {
	for _, chunk := range chunks {
		db.NewUpdate().Model(&chunk).Column("name").Bulk().Exec(ctx)
	}
}

func setBased(ctx context.Context, db *bun.DB, groups [][]int64, ages []int) {
	for _, ids := range groups {
		db.NewDelete().Model((*model.User)(nil)).Where("id IN (?)", bun.In(ids)).Exec(ctx)
	}
	for _, a := range ages {
		u := model.User{Active: false}
		db.NewUpdate().Model(&u).Column("active").Where("age > ?", a).Exec(ctx)
	}
}

func updateWithoutWhere(ctx context.Context, db *bun.DB, users []model.User) {
	for _, u := range users {
		// bun refuses an update without a Where: no row is written.
		db.NewUpdate().Model(&u).Exec(ctx)
	}
}

func reads(ctx context.Context, db *bun.DB, ids []int64) {
	for _, id := range ids {
		var u model.User
		db.NewSelect().Model(&u).Where("id = ?", id).Scan(ctx)
		db.NewSelect().Model((*model.User)(nil)).Where("age > ?", id).Count(ctx)
	}
}
