package gormapp

import (
	"context"

	"gorm.io/gorm"

	"example.com/orm/model"
)

// A generic repository with a one-row Create, as public "gorm-generics"
// helpers write it, plus a batch insert.
type BaseRepository[T any] struct {
	db *gorm.DB
}

func (r BaseRepository[T]) Insert(ctx context.Context, v *T) error {
	return r.db.WithContext(ctx).Create(v).Error // label:ok
}

func (r BaseRepository[T]) BatchInsert(ctx context.Context, vs []*T) error {
	return r.db.WithContext(ctx).CreateInBatches(vs, 500).Error // label:ok
}

type UserService struct {
	users BaseRepository[model.User]
}

// The one-row repository method called per user.
func (s *UserService) Register(ctx context.Context, users []*model.User) error {
	for _, u := range users {
		if err := s.users.Insert(ctx, u); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// The batch method called once.
func (s *UserService) RegisterBulk(ctx context.Context, users []*model.User) error {
	return s.users.BatchInsert(ctx, users) // label:ok
}

// The generics API of gorm: one Create per event.
func StoreEvents(ctx context.Context, db *gorm.DB, events []model.Event) error {
	for i := range events {
		if err := gorm.G[model.Event](db).Create(ctx, &events[i]); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// The generics API with CreateInBatches.
func StoreEventsBulk(ctx context.Context, db *gorm.DB, events []model.Event) error {
	return gorm.G[model.Event](db).CreateInBatches(ctx, &events, 200) // label:ok
}

// The generics API: update per key.
func ExpireEvents(ctx context.Context, db *gorm.DB, keys []string) error {
	for _, k := range keys {
		if _, err := gorm.G[model.Event](db).Where("key = ?", k).Update(ctx, "payload", nil); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Interface-typed repository called per element; the implementation creates one row.
type UserRepo interface {
	Create(ctx context.Context, u *model.User) error
}

type gormUserRepo struct{ db *gorm.DB }

func (r gormUserRepo) Create(ctx context.Context, u *model.User) error {
	return r.db.WithContext(ctx).Create(u).Error // label:ok
}

func Import(ctx context.Context, repo UserRepo, users []model.User) error {
	for i := range users {
		if err := repo.Create(ctx, &users[i]); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Default roles from a package-level literal, created if missing at startup.
var defaultRoles = []Role{{Name: "admin"}, {Name: "editor"}, {Name: "viewer"}}

func SeedRoles(db *gorm.DB) error {
	for _, r := range defaultRoles {
		if err := db.Where(Role{Name: r.Name}).FirstOrCreate(&r).Error; err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Consumer of a channel of batches: one INSERT per received batch.
func ConsumeBatches(ctx context.Context, db *gorm.DB, batches <-chan []model.Event) error {
	for batch := range batches {
		if err := db.WithContext(ctx).Create(&batch).Error; err != nil { // label:ok
			return err
		}
	}
	return nil
}
