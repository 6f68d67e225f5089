package testsflag

import (
	"testing"

	"gorm.io/gorm"

	"example.com/orm/model"
)

func seed(t *testing.T, db *gorm.DB, users []model.User) {
	for _, u := range users {
		u.Active = true
		db.Create(&u) // want `gorm insert of one User`
	}
}
