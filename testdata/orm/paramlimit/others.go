package paramlimit

import (
	"context"
	"slices"

	"github.com/go-pg/pg/v10"
	"github.com/uptrace/bun"

	"example.com/orm/ent"
	"example.com/orm/model"
)

func EntBulk(ctx context.Context, client *ent.Client, users []model.User) error {
	var bs []*ent.UserCreate
	for _, u := range users {
		bs = append(bs, client.User.Create().SetName(u.Name).SetAge(u.Age))
	}
	return client.User.CreateBulk(bs...).Exec(ctx) // label:bad
}

func EntMap(ctx context.Context, client *ent.Client, users []model.User) error {
	return client.User.MapCreateBulk(users, func(c *ent.UserCreate, i int) { // label:bad
		c.SetName(users[i].Name)
	}).Exec(ctx)
}

func EntPets(ctx context.Context, client *ent.Client, names <-chan string) ([]*ent.Pet, error) {
	var bs []*ent.PetCreate
	for n := range names {
		bs = append(bs, client.Pet.Create().SetName(n))
	}
	return client.Pet.CreateBulk(bs...).Save(ctx) // label:bad
}

func EntBuilders(ctx context.Context, client *ent.Client, bs []*ent.UserCreate) error {
	return client.User.CreateBulk(bs...).Exec(ctx) // label:bad
}

// Look-alikes.

func EntTwo(ctx context.Context, client *ent.Client) error {
	return client.Pet.CreateBulk(client.Pet.Create().SetName("a"), client.Pet.Create().SetName("b")).Exec(ctx) // label:ok
}

func EntChunks(ctx context.Context, client *ent.Client, users []model.User) error {
	var bs []*ent.UserCreate
	for _, u := range users {
		bs = append(bs, client.User.Create().SetName(u.Name))
	}
	for chunk := range slices.Chunk(bs, 1000) {
		if err := client.User.CreateBulk(chunk...).Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// bun and go-pg write the values into the SQL text: no bind parameters.

func BunBulk(ctx context.Context, db *bun.DB, users []model.User) error {
	_, err := db.NewInsert().Model(&users).Exec(ctx) // label:ok
	return err
}

func BunRaw(ctx context.Context, db *bun.DB, users []model.User) error {
	var args []any
	for _, u := range users {
		args = append(args, u.Name, u.Age)
	}
	_, err := db.ExecContext(ctx, "INSERT ...", args...) // label:ok
	return err
}

func GopgBulk(db *pg.DB, users []model.User) error {
	_, err := db.Model(&users).Insert() // label:ok
	return err
}

func GopgRaw(db *pg.DB, ids []int64) error {
	var args []any
	for _, id := range ids {
		args = append(args, id)
	}
	_, err := db.Exec("DELETE FROM users WHERE id IN (?)", args...) // label:ok
	return err
}
