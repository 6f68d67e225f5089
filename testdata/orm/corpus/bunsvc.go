package corpus

import (
	"context"

	"github.com/go-pg/pg/v10"
	"github.com/uptrace/bun"

	"example.com/orm/model"
)

type Ledger struct {
	db  *bun.DB
	old *pg.DB
}

func (l *Ledger) Record(ctx context.Context, evs []model.Event) error {
	for _, ev := range evs {
		if _, err := l.db.NewInsert().Model(&ev).Ignore().Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

func (l *Ledger) RecordBatch(ctx context.Context, evs []model.Event) error {
	_, err := l.db.NewInsert().Model(&evs).Ignore().Exec(ctx) // label:ok
	return err
}

func (l *Ledger) RecordChunks(ctx context.Context, evs []model.Event) error {
	for start := 0; start < len(evs); start += 500 {
		part := evs[start:min(start+500, len(evs))]
		if _, err := l.db.NewInsert().Model(&part).Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return nil
}

func (l *Ledger) Rename(ctx context.Context, users []model.User) {
	for _, u := range users {
		l.db.NewUpdate().Model(&u).Column("name").WherePK().Exec(ctx) // label:bad
	}
}

func (l *Ledger) RenameBulk(ctx context.Context, users []model.User) {
	l.db.NewUpdate().With("_data", l.db.NewValues(&users)).Model((*model.User)(nil)).Exec(ctx) // label:ok
}

func (l *Ledger) Drop(ctx context.Context, users []*model.User) {
	for _, u := range users {
		l.db.NewDelete().Model(u).WherePK().Exec(ctx) // label:bad
	}
}

func (l *Ledger) DropOld(ctx context.Context, ages []int) {
	for _, a := range ages {
		l.db.NewDelete().Model((*model.User)(nil)).Where("age > ?", a).Exec(ctx) // label:ok
	}
}

func (l *Ledger) Count(ctx context.Context, ages []int) int {
	n := 0
	for _, a := range ages {
		c, _ := l.db.NewSelect().Model((*model.User)(nil)).Where("age = ?", a).Count(ctx) // label:ok
		n += int(c)
	}
	return n
}

func (l *Ledger) Legacy(users []model.User) error {
	for i := range users {
		if _, err := l.old.Model(&users[i]).Insert(); err != nil { // label:bad
			return err
		}
	}
	return nil
}

func (l *Ledger) LegacyBulk(users []model.User) error {
	_, err := l.old.Model(&users).Insert() // label:ok
	return err
}

func (l *Ledger) LegacyUpdate(users []model.User) {
	for _, u := range users {
		l.old.Model(&u).WherePK().UpdateNotZero() // label:bad
	}
}
