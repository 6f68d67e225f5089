// Package repo wraps the ORMs behind repository methods, as applications do.
package repo

import (
	"context"

	"github.com/uptrace/bun"
	"gorm.io/gorm"

	"example.com/orm/ent"
	"example.com/orm/model"
)

// Users stores users with gorm.
type Users struct{ db *gorm.DB }

// NewUsers returns a gorm repository.
func NewUsers(db *gorm.DB) *Users { return &Users{db: db} }

// Add writes one user per call.
func (r *Users) Add(ctx context.Context, u *model.User) error {
	return r.db.WithContext(ctx).Create(u).Error
}

// InTx runs fn in a transaction.
func (r *Users) InTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return r.db.WithContext(ctx).Transaction(fn)
}

// AddAll writes the whole slice in one statement.
func (r *Users) AddAll(ctx context.Context, us []model.User) error {
	return r.db.WithContext(ctx).Create(&us).Error
}

// Remove deletes the user with that key.
func (r *Users) Remove(ctx context.Context, id int64) error {
	return r.db.WithContext(ctx).Where("id = ?", id).Delete(&model.User{}).Error
}

// Pets stores pets with ent.
type Pets struct{ client *ent.Client }

// NewPets returns an ent repository.
func NewPets(c *ent.Client) *Pets { return &Pets{client: c} }

// Add writes one pet per call.
func (p *Pets) Add(ctx context.Context, name string) error {
	return p.client.Pet.Create().SetName(name).Exec(ctx)
}

// Events stores events with bun.
type Events struct{ db bun.IDB }

// Put writes one event per call.
func (e Events) Put(ctx context.Context, ev *model.Event) error {
	_, err := e.db.NewInsert().Model(ev).Exec(ctx)
	return err
}

// PutAll writes the whole slice in one statement.
func (e Events) PutAll(ctx context.Context, evs []model.Event) error {
	_, err := e.db.NewInsert().Model(&evs).Exec(ctx)
	return err
}
