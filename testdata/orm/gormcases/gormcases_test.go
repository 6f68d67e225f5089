package gormcases

import (
	"testing"

	"gorm.io/gorm"

	"example.com/orm/model"
)

// Fixtures in tests are not reported unless the analyzer's tests flag is set.
func seed(t *testing.T, db *gorm.DB, users []model.User) {
	for _, u := range users {
		db.Create(&u)
	}
}
