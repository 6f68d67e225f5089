// Package gopgcases holds go-pg writes per iteration (want) and the
// look-alikes ormloop must leave alone.
package gopgcases

import (
	"context"

	"github.com/go-pg/pg/v10"

	"example.com/orm/model"
)

func insertEach(db *pg.DB, users []model.User) error {
	for _, u := range users {
		if _, err := db.Model(&u).Insert(); err != nil { // want `go-pg insert of one User runs once per element of users, with autocommit; use go-pg db.Model\(&slice\).Insert\(\) or db.CopyFrom`
			return err
		}
	}
	return nil
}

func insertWithContext(ctx context.Context, db *pg.DB, events []*model.Event) {
	for _, ev := range events {
		db.ModelContext(ctx, ev).Returning("key").Insert() // want `go-pg insert of one Event`
	}
}

func updateDeleteByPK(db *pg.DB, users []model.User) {
	for _, u := range users {
		db.Model(&u).WherePK().Update() // want `go-pg update of one User`
		db.Model(&u).WherePK().Delete() // want `go-pg delete of one User`
	}
}

func insertInTx(db *pg.DB, users []model.User) error {
	return db.RunInTransaction(context.Background(), func(tx *pg.Tx) error {
		for i := range users {
			if _, err := tx.Model(&users[i]).Insert(); err != nil { // want `go-pg insert of one User.*, in a transaction`
				return err
			}
		}
		return nil
	})
}

// --- look-alikes ---

func insertChunks(db *pg.DB, chunks [][]model.User) {
	for _, chunk := range chunks {
		db.Model(&chunk).Insert()
	}
}

func setBased(db *pg.DB, ages []int) {
	for _, a := range ages {
		u := model.User{Active: false}
		db.Model(&u).Column("active").Where("age > ?", a).Update()
	}
}

func reads(db *pg.DB, ids []int64) {
	for _, id := range ids {
		u := model.User{ID: id}
		db.Model(&u).WherePK().Select()
	}
}

// --- RunInTransaction runs its literal once, where it is called ---

func txPerUser(ctx context.Context, db *pg.DB, users []model.User) error {
	for i := range users {
		err := db.RunInTransaction(ctx, func(tx *pg.Tx) error {
			_, err := tx.Model(&users[i]).Insert() // want `go-pg insert of one User runs once per element of users`
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func nestedTxPerUser(ctx context.Context, tx *pg.Tx, users []model.User) {
	for _, u := range users {
		tx.RunInTransaction(ctx, func(tx *pg.Tx) error {
			_, err := tx.Model(&u).Insert() // want `go-pg insert of one User runs once per element of users`
			return err
		})
	}
}

func txAroundChunks(ctx context.Context, db *pg.DB, chunks [][]model.User) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for _, chunk := range chunks {
			if _, err := tx.Model(&chunk).Insert(); err != nil {
				return err
			}
		}
		return nil
	})
}

func txOnceBulk(ctx context.Context, db *pg.DB, users []model.User) error {
	return db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		_, err := tx.Model(&users).Insert()
		return err
	})
}
