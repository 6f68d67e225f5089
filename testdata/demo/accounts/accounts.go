// Package accounts keeps accounts with gorm.
package accounts

import "gorm.io/gorm"

// Account is a gorm model.
type Account struct {
	ID    uint
	Owner string
}

// SaveEach inserts one account per Create call.
func SaveEach(db *gorm.DB, accounts []Account) error {
	for _, a := range accounts {
		if err := db.Create(&a).Error; err != nil {
			return err
		}
	}
	return nil
}

// SaveAll inserts every account with one multi-row INSERT.
func SaveAll(db *gorm.DB, accounts []Account) error {
	return db.Create(&accounts).Error
}

// SaveChunks inserts the accounts one multi-row INSERT per chunk of 500.
func SaveChunks(db *gorm.DB, accounts []Account) error {
	for start := 0; start < len(accounts); start += 500 {
		chunk := accounts[start:min(start+500, len(accounts))]
		if err := db.Create(&chunk).Error; err != nil {
			return err
		}
	}
	return nil
}
