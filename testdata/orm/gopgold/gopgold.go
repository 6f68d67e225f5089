// Package gopgold holds writes per iteration through go-pg v9 and v8 (want)
// and the look-alikes ormloop must leave alone.
package gopgold

import (
	pg8 "github.com/go-pg/pg"
	"github.com/go-pg/pg/v9"

	"example.com/orm/model"
)

func insertReturningEach(db *pg.DB, users []model.User) {
	for i := range users {
		db.Model(&users[i]).Returning("id").Insert() // want `go-pg insert of one User runs once per element of users, with autocommit; use go-pg db.Model\(&slice\).Insert\(\) or db.CopyFrom`
	}
}

// v9's and v8's own one-model saves.
func saveEach(db *pg.DB, old *pg8.DB, users []model.User) {
	for i := range users {
		db.Insert(&users[i])                    // want `go-pg insert of one User runs once per element of users, with autocommit`
		db.Update(&users[i])                    // want `go-pg update of one User runs once per element of users, with autocommit; use go-pg db.Model\(&slice\).WherePK\(\).Update\(\)`
		old.Insert(&users[i])                   // want `go-pg insert of one User runs once per element of users, with autocommit`
		old.Model(&users[i]).WherePK().Update() // want `go-pg update of one User`
	}
}

func deleteInTx(db *pg8.DB, users []model.User) error {
	return db.RunInTransaction(func(tx *pg8.Tx) error {
		for i := range users {
			if err := tx.Delete(&users[i]); err != nil { // want `go-pg delete of one User runs once per element of users, in a transaction; use go-pg db.Model\(&slice\).WherePK\(\).Delete\(\)`
				return err
			}
		}
		return nil
	})
}

// The whole slice, or a chunk of it, in one statement.
func insertAll(db *pg.DB, old *pg8.DB, users []model.User, chunks [][]model.User) error {
	if err := db.Insert(&users); err != nil {
		return err
	}
	for _, chunk := range chunks {
		if err := old.Insert(&chunk); err != nil {
			return err
		}
		if _, err := db.Model(&chunk).Insert(); err != nil {
			return err
		}
	}
	return nil
}

// A model read per element is no write.
func readEach(db *pg8.DB, users []model.User) {
	for i := range users {
		db.Select(&users[i])
	}
}
