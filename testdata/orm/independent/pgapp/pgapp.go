// Package pgapp belongs to the independent ORM corpus: a few shapes over
// go-pg v10, adapted from public repository patterns and labelled by runtime
// behaviour (see package gormapp).
package pgapp

import (
	"context"

	"github.com/go-pg/pg/v10"

	"example.com/orm/model"
)

type Store struct {
	db *pg.DB
}

// Insert each user.
func (s *Store) Create(users []model.User) error {
	for i := range users {
		if _, err := s.db.Model(&users[i]).Insert(); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Insert the slice in one query.
func (s *Store) CreateBulk(users []model.User) error {
	_, err := s.db.Model(&users).Insert() // label:ok
	return err
}

// Update each user by primary key inside a transaction.
func (s *Store) Save(ctx context.Context, users []model.User) error {
	return s.db.RunInTransaction(ctx, func(tx *pg.Tx) error {
		for i := range users {
			if _, err := tx.Model(&users[i]).WherePK().Update(); err != nil { // label:bad
				return err
			}
		}
		return nil
	})
}

// Bulk update of a slice model.
func (s *Store) SaveBulk(users []model.User) error {
	_, err := s.db.Model(&users).Column("name", "age").Update() // label:ok
	return err
}

// Delete with pg.In once.
func (s *Store) Remove(ids []int64) error {
	_, err := s.db.Model((*model.User)(nil)).Where("id IN (?)", pg.In(ids)).Delete() // label:ok
	return err
}

// Delete per id.
func (s *Store) RemoveEach(ids []int64) {
	for _, id := range ids {
		s.db.Model(&model.User{ID: id}).WherePK().Delete() // label:bad
	}
}

// Select per id: reads.
func (s *Store) Get(ids []int64) []model.User {
	var out []model.User
	for _, id := range ids {
		u := model.User{ID: id}
		if err := s.db.Model(&u).WherePK().Select(); err == nil { // label:ok
			out = append(out, u)
		}
	}
	return out
}
