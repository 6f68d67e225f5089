// Package entfix holds the loops ormloop rewrites into ent's MapCreateBulk.
package entfix

import (
	"context"

	"example.com/orm/ent"
	"example.com/orm/model"
)

func create(ctx context.Context, client *ent.Client, users []model.User) error {
	for _, u := range users {
		if _, err := client.User.Create().SetName(u.Name).SetAge(u.Age).Save(ctx); err != nil { // want `ent insert of one User`
			return err
		}
	}
	return nil
}

func createX(ctx context.Context, client *ent.Client, names []string) {
	for i, n := range names {
		client.User.Create().SetName(n).SetAge(i).ExecX(ctx) // want `ent insert of one User`
	}
}

func createPointers(ctx context.Context, tx *ent.Tx, users []*model.User) error {
	for _, u := range users {
		if err := tx.User.Create().SetName(u.Name).SetActive(u.Active).Exec(ctx); err != nil { // want `ent insert of one User`
			return err
		}
	}
	return nil
}

// No fix: the created entity is used.
func keepsResult(ctx context.Context, client *ent.Client, users []model.User) ([]int, error) {
	var ids []int
	for _, u := range users {
		created, err := client.User.Create().SetName(u.Name).SetAge(u.Age).Save(ctx) // want `ent insert of one User`
		if err != nil {
			return nil, err
		}
		ids = append(ids, created.ID)
	}
	return ids, nil
}
