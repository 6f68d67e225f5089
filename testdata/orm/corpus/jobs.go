package corpus

import (
	"context"
	"database/sql"
	"strings"

	"github.com/uptrace/bun"
	"gorm.io/gorm"

	"example.com/orm/ent"
	"example.com/orm/model"
)

type Importer struct {
	db     *gorm.DB
	bdb    *bun.DB
	client *ent.Client
}

// saveOne is an unexported helper: a wrapper within the package.
func (im *Importer) saveOne(ctx context.Context, u *model.User) error {
	return im.db.WithContext(ctx).Create(u).Error // label:ok
}

func (im *Importer) ImportCSV(ctx context.Context, lines []string) error {
	for _, line := range lines {
		parts := strings.Split(line, ",")
		u := model.User{Name: parts[0]}
		if err := im.saveOne(ctx, &u); err != nil { // label:bad
			return err
		}
	}
	return nil
}

func (im *Importer) ImportRows(ctx context.Context, rows *sql.Rows) error {
	defer rows.Close()
	for rows.Next() {
		var ev model.Event
		if err := rows.Scan(&ev.Key, &ev.Payload); err != nil {
			return err
		}
		if _, err := im.bdb.NewInsert().Model(&ev).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return rows.Err()
}

func (im *Importer) ImportRowsBatched(ctx context.Context, rows *sql.Rows) error {
	defer rows.Close()
	var batch []model.Event
	for rows.Next() {
		var ev model.Event
		if err := rows.Scan(&ev.Key, &ev.Payload); err != nil {
			return err
		}
		batch = append(batch, ev)
		if len(batch) >= 1000 {
			if _, err := im.bdb.NewInsert().Model(&batch).Exec(ctx); err != nil { // label:ok
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if _, err := im.bdb.NewInsert().Model(&batch).Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return rows.Err()
}

func (im *Importer) Nested(orders []Order) {
	for _, o := range orders {
		for _, l := range o.Lines {
			im.db.Create(&l) // label:bad
		}
	}
}

func (im *Importer) NestedBatched(orders []Order) {
	for _, o := range orders {
		if len(o.Lines) == 0 {
			continue
		}
		im.db.Create(&o.Lines) // label:ok
	}
}

func (im *Importer) Indexed(users []model.User) {
	for i := 0; i < len(users); i++ {
		im.db.Create(&users[i]) // label:bad
	}
}

func (im *Importer) Concurrent(users []model.User) {
	for _, u := range users {
		go func() {
			im.db.Create(&u) // label:bad
		}()
	}
}

func (im *Importer) TenantTx(ctx context.Context, byTenant map[string][]model.User) error {
	for _, users := range byTenant {
		err := im.db.Transaction(func(tx *gorm.DB) error {
			return tx.Create(&users).Error // label:ok
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (im *Importer) PerRowTx(ctx context.Context, users []model.User) error {
	for _, u := range users {
		err := im.bdb.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			_, err := tx.NewInsert().Model(&u).Exec(ctx) // label:bad
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (im *Importer) RefreshAll(ctx context.Context) error {
	users, err := im.client.User.Query().All(ctx) // label:ok
	if err != nil {
		return err
	}
	for _, u := range users {
		if err := u.Update().SetActive(u.Age >= 18).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

func (im *Importer) RefreshSetBased(ctx context.Context) error {
	return im.client.User.Update().SetActive(true).Exec(ctx) // label:ok
}

func (im *Importer) Roles(users []model.User) {
	for _, u := range users {
		var roles []string
		im.db.Model(&u).Association("Roles").Find(&roles) // label:ok
	}
}

func (im *Importer) Schema(stmts []string) error {
	for _, s := range stmts {
		if err := im.db.Exec(s).Error; err != nil { // label:ok
			return err
		}
	}
	return nil
}

func (im *Importer) OptimisticLock(users []model.User, version int) {
	for _, u := range users {
		// gorm adds u's primary key to the Where: one row per element.
		im.db.Model(&u).Where("version = ?", version).Updates(map[string]any{"active": true}) // label:bad
	}
}

func (im *Importer) Seed() {
	for _, n := range []string{"root", "ops"} {
		im.db.Create(&model.User{Name: n}) // label:ok
	}
}

func (im *Importer) FirstOnly(users []model.User) error {
	for _, u := range users {
		if u.Active {
			return im.db.Create(&u).Error // label:ok
		}
		break
	}
	return nil
}
