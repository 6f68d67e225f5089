// Package orm saves gorm objects one at a time.
package orm

import "gorm.io/gorm"

type User struct {
	ID   int64
	Name string
}

func SaveUsers(db *gorm.DB, users []User) error {
	for i := range users {
		if err := db.Create(&users[i]).Error; err != nil { // finding: ormloop
			return err
		}
	}
	return nil
}
