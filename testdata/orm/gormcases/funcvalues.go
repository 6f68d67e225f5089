package gormcases

import (
	"strings"
	"sync"

	"gorm.io/gorm"

	"example.com/orm/model"
)

func createPerGoroutine(db *gorm.DB, users []model.User) {
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Go(func() {
			db.Create(&u) // want `^gorm insert of one User runs in a goroutine per element of users; use`
		})
	}
	wg.Wait()
}

// A goroutine launched once that loops is judged by its own loop.
func createInOneGoroutine(db *gorm.DB, users []model.User) {
	go func() {
		for _, u := range users {
			u.Name = strings.TrimSpace(u.Name)
			db.Create(&u) // want `^gorm insert of one User runs once per element of users`
		}
	}()
}

type userSink struct {
	db   *gorm.DB
	put  func(u *model.User) error
	save func(u *model.User) error
}

func (s *userSink) insert(u *model.User) error { return s.db.Create(u).Error }

func newUserSink(db *gorm.DB) *userSink {
	s := &userSink{db: db, put: func(u *model.User) error { return db.Create(u).Error }}
	s.save = s.insert
	return s
}

func (s *userSink) importAll(users []model.User) {
	for i := range users {
		s.put(&users[i])  // want `^gormcases.userSink.put \(gorm insert of one User\) runs once per element of users`
		s.save(&users[i]) // want `^\(\*gormcases.userSink\).insert \(gorm insert of one User\) runs once per element of users`
	}
}

func importWithClosure(db *gorm.DB, users []model.User) {
	put := func(u model.User) { db.Create(&u) }
	for _, u := range users {
		put(u) // want `^put \(gorm insert of one User\) runs once per element of users`
	}
}
