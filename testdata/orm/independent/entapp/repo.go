package entapp

import (
	"context"

	"example.com/orm/ent"
)

// A repository with one-row methods, used by handlers elsewhere.
type UserRepo struct {
	db *ent.Client
}

func (r *UserRepo) Create(ctx context.Context, u NewUser) (*ent.User, error) {
	return r.db.User.Create().SetName(u.Name).SetAge(u.Age).Save(ctx) // label:ok
}

func (r *UserRepo) SetAge(ctx context.Context, id, age int) error {
	return r.db.User.UpdateOneID(id).SetAge(age).Exec(ctx) // label:ok
}

// The repository's one-row Create called per element.
func Signup(ctx context.Context, r *UserRepo, in []NewUser) error {
	for _, u := range in {
		if _, err := r.Create(ctx, u); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// The repository's one-row update called per map entry.
func SyncAges(ctx context.Context, r *UserRepo, ages map[int]int) error {
	for id, age := range ages {
		if err := r.SetAge(ctx, id, age); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// The repository called once.
func SignupOne(ctx context.Context, r *UserRepo, u NewUser) error {
	_, err := r.Create(ctx, u) // label:ok
	return err
}

// Consumer of a channel of batches: one bulk INSERT per received batch.
func ConsumeBatches(ctx context.Context, client *ent.Client, batches <-chan []NewUser) error {
	for batch := range batches {
		if err := client.User.MapCreateBulk(batch, func(c *ent.UserCreate, i int) { c.SetName(batch[i].Name).SetAge(batch[i].Age) }).Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Default pets from a package-level literal, created once at startup.
var defaultPets = []string{"cat", "dog"}

func SeedPets(ctx context.Context, client *ent.Client) error {
	for _, name := range defaultPets {
		if err := client.Pet.Create().SetName(name).Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return nil
}
