// Package gormfix holds the loops ormloop rewrites into one gorm bulk call.
package gormfix

import (
	"context"

	"gorm.io/gorm"

	"example.com/orm/model"
)

func copies(db *gorm.DB, users []model.User) {
	for _, u := range users {
		db.Create(&u) // want `gorm insert of one User`
	}
}

func copiesWithError(ctx context.Context, db *gorm.DB, users []model.User) error {
	for _, u := range users {
		if err := db.WithContext(ctx).Create(&u).Error; err != nil { // want `gorm insert of one User`
			return err
		}
	}
	return nil
}

func pointers(db *gorm.DB, users []*model.User) error {
	for _, u := range users {
		if err := db.Create(u).Error; err != nil { // want `gorm insert of one User`
			return err
		}
	}
	return nil
}

func indexed(db *gorm.DB, users []model.User) {
	for i := range users {
		db.Create(&users[i]) // want `gorm insert of one User`
	}
}

type importer struct {
	db     *gorm.DB
	events []model.Event
}

func (im *importer) flush() error {
	for _, ev := range im.events {
		if res := im.db.Create(&ev); res.Error != nil { // want `gorm insert of one Event`
			return res.Error
		}
	}
	return nil
}

// No fix: the handler names the element, the loop variable is used twice,
// the slice is a call result.
func noFix(db *gorm.DB, users []model.User, load func() []model.User) error {
	for _, u := range users {
		if err := db.Create(&u).Error; err != nil { // want `gorm insert of one User`
			return fmtErr(u.Name, err)
		}
	}
	for _, u := range users {
		db.Create(&model.User{Name: u.Name}) // want `gorm insert of one User`
	}
	for _, u := range load() {
		db.Create(&u) // want `gorm insert of one User`
	}
	return nil
}

func fmtErr(name string, err error) error { return err }

// No fix: once the loop is gone the break would not compile.
func stopsOnError(db *gorm.DB, users []model.User) {
	for _, u := range users {
		if err := db.Create(&u).Error; err != nil { // want `gorm insert of one User`
			break
		}
	}
}

// No fix: the loop carries a label.
func labelledLoop(db *gorm.DB, users []model.User) {
rows:
	for _, u := range users {
		db.Create(&u) // want `gorm insert of one User`
	}
	goto rows
}
