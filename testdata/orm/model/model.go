// Package model holds the row types the testdata writes.
package model

import "time"

// User is a row of users, mapped for gorm, bun and go-pg.
type User struct {
	ID        int64  `gorm:"primaryKey" bun:",pk,autoincrement" pg:",pk"`
	Name      string `bun:",notnull"`
	Age       int
	Active    bool
	CreatedAt time.Time
}

// Event is an append-only row keyed by a natural key.
type Event struct {
	Key     string `gorm:"primaryKey" bun:",pk" pg:",pk"`
	Payload []byte
}

// Users is a named slice type: one multi-row write, like []User.
type Users []User
