package corpus

import (
	"context"

	"github.com/go-pg/pg/v10"
	"github.com/uptrace/bun"
	"gorm.io/gorm"

	"example.com/orm/ent"
	"example.com/orm/model"
)

// BaseRepo is the "generic repository" many services grow: its Create takes
// any model, so whether a call writes one row or a slice is decided by the
// caller's argument, which a fact about Create cannot carry.
type BaseRepo struct{ db *gorm.DB }

func (r *BaseRepo) Create(ctx context.Context, entity any) error {
	return r.db.WithContext(ctx).Create(entity).Error // label:ok
}

func SyncUsers(ctx context.Context, r *BaseRepo, users []model.User) error {
	for i := range users {
		// Known miss: the one-row evidence is at this call, the write in Create.
		if err := r.Create(ctx, &users[i]); err != nil { // label:bad
			return err
		}
	}
	return nil
}

func SyncUsersBulk(ctx context.Context, r *BaseRepo, users []model.User) error {
	return r.Create(ctx, &users) // label:ok
}

func Reprice(ctx context.Context, db *bun.DB, users []model.User) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, u := range users {
			if _, err := tx.NewUpdate().Model(&u).Column("age").WherePK().Exec(ctx); err != nil { // label:bad
				return err
			}
		}
		return nil
	})
}

func Purge(db *pg.DB, users []model.User) {
	for _, u := range users {
		db.Model(&u).WherePK().Delete() // label:bad
	}
}

func Drain(ctx context.Context, db *gorm.DB, in <-chan model.Event) error {
	for ev := range in {
		if err := gorm.G[model.Event](db).Create(ctx, &ev); err != nil { // label:bad
			return err
		}
	}
	return nil
}

func Unfollow(ctx context.Context, client *ent.Client, pets []*ent.Pet) error {
	for _, p := range pets {
		if err := client.Pet.DeleteOne(p).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

func Lookups(ctx context.Context, db *gorm.DB, bdb *bun.DB, client *ent.Client, names []string) int {
	n := 0
	for _, name := range names {
		var u model.User
		_ = bdb.NewSelect().Model(&u).Where("name = ?", name).Limit(1).Scan(ctx) // label:ok
		db.Raw("SELECT * FROM users WHERE name = ?", name).Scan(&u)              // label:ok
		c, _ := client.User.Query().Count(ctx)                                   // label:ok
		n += c
	}
	return n
}
