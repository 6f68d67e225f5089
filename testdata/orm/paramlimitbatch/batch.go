// Package paramlimitbatch sets gorm's CreateBatchSize: its Create calls
// chunk themselves, so paramlimit leaves them alone.
package paramlimitbatch

import (
	"gorm.io/gorm"

	"example.com/orm/model"
)

func Open(d gorm.Dialector) (*gorm.DB, error) {
	return gorm.Open(d, &gorm.Config{CreateBatchSize: 1000})
}

func SaveAll(db *gorm.DB, users []model.User) error {
	return db.Create(&users).Error // label:ok
}

func SaveInSession(db *gorm.DB, events []model.Event) error {
	return db.Session(&gorm.Session{CreateBatchSize: 500}).Create(&events).Error // label:ok
}
