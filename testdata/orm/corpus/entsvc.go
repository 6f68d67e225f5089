package corpus

import (
	"context"

	"example.com/orm/ent"
	"example.com/orm/ent/user"
	"example.com/orm/model"
)

type Directory struct{ client *ent.Client }

func (d *Directory) Import(ctx context.Context, people []model.User) error {
	for _, p := range people {
		_, err := d.client.User.Create(). // label:bad
							SetName(p.Name).
							SetAge(p.Age).
							Save(ctx)
		if err != nil {
			return err
		}
	}
	return nil
}

func (d *Directory) ImportBulk(ctx context.Context, people []model.User) error {
	bulk := make([]*ent.UserCreate, len(people))
	for i, p := range people {
		bulk[i] = d.client.User.Create().SetName(p.Name).SetAge(p.Age) // label:ok
	}
	return d.client.User.CreateBulk(bulk...).Exec(ctx) // label:ok
}

func (d *Directory) ImportMapped(ctx context.Context, people []model.User) error {
	return d.client.User.MapCreateBulk(people, func(c *ent.UserCreate, i int) { // label:ok
		c.SetName(people[i].Name).SetAge(people[i].Age)
	}).Exec(ctx)
}

func (d *Directory) Birthday(ctx context.Context, ids []int) error {
	for _, id := range ids {
		if err := d.client.User.UpdateOneID(id).AddAge(1).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

func (d *Directory) BirthdayBulk(ctx context.Context, ids []int) error {
	return d.client.User.Update().Where(user.IDIn(ids...)).AddAge(1).Exec(ctx) // label:ok
}

func (d *Directory) Forget(ctx context.Context, ids []int) {
	for _, id := range ids {
		d.client.User.DeleteOneID(id).ExecX(ctx) // label:bad
	}
}

func (d *Directory) ForgetInactive(ctx context.Context, minAges []int) {
	for _, a := range minAges {
		d.client.User.Delete().Where(user.ActiveEQ(false), user.AgeGTE(a)).ExecX(ctx) // label:ok
	}
}

func (d *Directory) Find(ctx context.Context, names []string) []*ent.User {
	var out []*ent.User
	for _, n := range names {
		u, err := d.client.User.Query().Where(user.NameEQ(n)).Only(ctx) // label:ok
		if err == nil {
			out = append(out, u)
		}
	}
	return out
}

func (d *Directory) Adopt(ctx context.Context, names []string) error {
	tx, err := d.client.Tx(ctx)
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := tx.Pet.Create().SetName(n).Save(ctx); err != nil { // label:bad
			_ = tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

func (d *Directory) Touch(ctx context.Context, users []*ent.User) {
	for _, u := range users {
		u.Update().SetActive(true).SaveX(ctx) // label:bad
	}
}
