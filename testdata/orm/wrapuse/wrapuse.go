// Package wrapuse calls the repository wrappers of package repo in loops.
package wrapuse

import (
	"context"

	"example.com/orm/model"
	"example.com/orm/repo"
)

func importUsers(ctx context.Context, r *repo.Users, users []model.User) error {
	for i := range users {
		if err := r.Add(ctx, &users[i]); err != nil { // want `\(\*repo.Users\).Add \(gorm insert of one User\) runs once per element of users`
			return err
		}
	}
	return nil
}

func importPets(ctx context.Context, p *repo.Pets, names []string) {
	for _, n := range names {
		p.Add(ctx, n) // want `\(\*repo.Pets\).Add \(ent insert of one Pet\) runs once per element of names`
	}
}

func importEvents(ctx context.Context, e repo.Events, evs []model.Event) {
	for _, ev := range evs {
		e.Put(ctx, &ev) // want `\(repo.Events\).Put \(bun insert of one Event\) runs once per element of evs`
	}
}

func removeUsers(ctx context.Context, r *repo.Users, ids []int64, keep int64) {
	for _, id := range ids {
		r.Remove(ctx, id) // want `\(\*repo.Users\).Remove \(gorm delete of one User\) runs once per element of ids`
	}
	// The key is the same on every iteration: no row per element.
	for range ids {
		r.Remove(ctx, keep)
	}
}

// --- look-alikes ---

func importChunks(ctx context.Context, r *repo.Users, e repo.Events, chunks [][]model.User, evChunks [][]model.Event) {
	for _, c := range chunks {
		r.AddAll(ctx, c)
	}
	for _, c := range evChunks {
		e.PutAll(ctx, c)
	}
}
