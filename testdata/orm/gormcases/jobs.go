package gormcases

import (
	"net/http"

	"gorm.io/gorm"

	"example.com/orm/model"
)

// Storage is a remote storage whose driver logs in over HTTP.
type Storage struct {
	ID     uint
	URL    string
	Status string
}

// load initialises one storage (a login request to its server) and saves
// its status: a whole job per storage, whose save is not its cost.
func load(db *gorm.DB, client *http.Client, s Storage) {
	resp, err := client.Get(s.URL + "/login")
	s.Status = "work"
	if err != nil {
		s.Status = err.Error()
	} else {
		resp.Body.Close()
	}
	db.Save(&s)
}

func loadAll(db *gorm.DB, client *http.Client, storages []Storage) {
	for _, s := range storages {
		load(db, client, s)
	}
}

// The request runs on every iteration, in the loop body.
func notifyAll(db *gorm.DB, users []model.User, hook string) {
	for _, u := range users {
		if resp, err := http.Post(hook, "text/plain", nil); err == nil {
			resp.Body.Close()
		}
		db.Save(&u)
	}
}

// A request only for some users leaves the others' saves per row.
func notifySome(db *gorm.DB, users []model.User, hook string) {
	for _, u := range users {
		if !u.Active {
			http.Post(hook, "text/plain", nil)
		}
		db.Save(&u) // want `gorm upsert of one User runs once per element of users`
	}
}
