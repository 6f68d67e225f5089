// Package boilcases holds sqlboiler saves of one generated model per
// element, and the slice methods and single saves that must stay silent.
package boilcases

import (
	"context"
	"database/sql"

	"github.com/aarondl/sqlboiler/v4/boil"

	"example.com/orm/boilmodels"
)

// Positives.

func importUsers(ctx context.Context, db *sql.DB, users []*boilmodels.User) error {
	for _, u := range users {
		if err := u.Insert(ctx, db, boil.Infer()); err != nil { // want `sqlboiler insert of one User runs once per element of users.*; use one multi-row INSERT per chunk`
			return err
		}
	}
	return nil
}

func importInTx(ctx context.Context, tx *sql.Tx, users boilmodels.UserSlice) error {
	for i := range users {
		if err := users[i].Upsert(ctx, tx, true, []string{"id"}, boil.Infer(), boil.Infer()); err != nil { // want `sqlboiler upsert of one User.*(in a transaction|even inside one transaction)`
			return err
		}
	}
	return nil
}

func renameAll(ctx context.Context, exec boil.ContextExecutor, users []*boilmodels.User, name string) {
	for _, u := range users {
		u.Name = name
		u.Update(ctx, exec, boil.Whitelist("name")) // want `sqlboiler update of one User.*; use the generated slice type.s UpdateAll`
	}
}

// InsertG runs Insert on the global executor: a wrapper of the save.
func importGlobal(ctx context.Context, users []*boilmodels.User) {
	for _, u := range users {
		u.InsertG(ctx, boil.Infer()) // want `boilmodels.User\)?.InsertG \(sqlboiler insert of one User\) runs once per element of users`
	}
}

// Look-alikes: the slice's own methods, one save, a save per retry.

func renameAllAtOnce(ctx context.Context, db *sql.DB, users boilmodels.UserSlice, name string) error {
	_, err := users.UpdateAll(ctx, db, boilmodels.M{"name": name})
	return err
}

func createOne(ctx context.Context, db *sql.DB, u *boilmodels.User) error {
	return u.Insert(ctx, db, boil.Infer())
}

func createWithRetry(ctx context.Context, db *sql.DB, u *boilmodels.User) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = u.Insert(ctx, db, boil.Infer()); err == nil {
			return nil
		}
	}
	return err
}
