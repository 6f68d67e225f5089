// Package bunapp belongs to the independent ORM corpus: application shapes
// over uptrace/bun, adapted from public repository patterns and labelled by
// runtime behaviour (see package gormapp).
package bunapp

import (
	"context"
	"database/sql"
	"errors"
	"iter"
	"sync"

	"github.com/uptrace/bun"

	"example.com/orm/model"
)

type Profile struct {
	bun.BaseModel `bun:"table:profiles"`

	ID     int64 `bun:",pk,autoincrement"`
	UserID int64
	Lang   string
}

type PropertyValue struct {
	bun.BaseModel `bun:"table:property_values"`

	ID    int64 `bun:",pk"`
	Value string
}

type Store struct {
	db *bun.DB
}

// Insert each user with its own query.
func (s *Store) CreateUsers(ctx context.Context, users []*model.User) error {
	for _, user := range users {
		if _, err := s.db.NewInsert().Model(user).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Insert the slice with one multi-row query.
func (s *Store) CreateUsersBulk(ctx context.Context, users []*model.User) error {
	_, err := s.db.NewInsert().Model(&users).Exec(ctx) // label:ok
	return err
}

// A one-element slice model per iteration is still one INSERT per element.
func (s *Store) CreateUsersSliceOfOne(ctx context.Context, users []model.User) error {
	for _, u := range users {
		one := []model.User{u}
		if _, err := s.db.NewInsert().Model(&one).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Upsert many property values with ON CONFLICT.
func (s *Store) UpsertMany(ctx context.Context, items []PropertyValue) error {
	_, err := s.db.NewInsert().On("CONFLICT (id) DO UPDATE").Model(&items).Set("value = EXCLUDED.value").Exec(ctx) // label:ok
	return err
}

// Upsert each property value.
func (s *Store) UpsertEach(ctx context.Context, items []PropertyValue) error {
	for i := range items {
		if _, err := s.db.NewInsert().Model(&items[i]).On("CONFLICT (id) DO UPDATE").Set("value = EXCLUDED.value").Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Update each user by primary key.
func (s *Store) SaveUsers(ctx context.Context, users []model.User) error {
	for i := range users {
		if _, err := s.db.NewUpdate().Model(&users[i]).WherePK().Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Bulk update of a slice through a CTE of VALUES.
func (s *Store) SaveUsersBulk(ctx context.Context, users []model.User) error {
	_, err := s.db.NewUpdate().Model(&users).Column("name", "age").Bulk().Exec(ctx) // label:ok
	return err
}

// Bulk update with NewValues joined in a CTE.
func (s *Store) SetAges(ctx context.Context, users []model.User) error {
	values := s.db.NewValues(&users)
	_, err := s.db.NewUpdate().With("_data", values).Model((*model.User)(nil)).TableExpr("_data").Set("age = _data.age").Where("u.id = _data.id").Exec(ctx) // label:ok
	return err
}

// Update with RETURNING per user (Scan executes the query).
func (s *Store) BumpAges(ctx context.Context, users []model.User) error {
	for i := range users {
		if err := s.db.NewUpdate().Model(&users[i]).Set("age = age + 1").WherePK().Returning("age").Scan(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Table update per id without a model.
func (s *Store) Deactivate(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		if _, err := s.db.NewUpdate().Table("users").Set("active = ?", false).Where("id = ?", id).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// One UPDATE with bun.In.
func (s *Store) DeactivateAll(ctx context.Context, ids []int64) error {
	_, err := s.db.NewUpdate().Model((*model.User)(nil)).Set("active = ?", false).Where("id IN (?)", bun.In(ids)).Exec(ctx) // label:ok
	return err
}

// Delete per user.
func (s *Store) Remove(ctx context.Context, users []*model.User) {
	for _, u := range users {
		s.db.NewDelete().Model(u).WherePK().Exec(ctx) // label:bad
	}
}

// One DELETE with bun.In.
func (s *Store) RemoveIDs(ctx context.Context, ids []int64) error {
	_, err := s.db.NewDelete().Model((*model.User)(nil)).Where("id IN (?)", bun.In(ids)).Exec(ctx) // label:ok
	return err
}

// Raw UPDATE per key.
func (s *Store) Rekey(ctx context.Context, keys map[string]string) error {
	for from, to := range keys {
		if _, err := s.db.NewRaw("UPDATE events SET key = ? WHERE key = ?", to, from).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Select per id: reads.
func (s *Store) Profiles(ctx context.Context, userIDs []int64) ([]Profile, error) {
	var out []Profile
	for _, id := range userIDs {
		var p Profile
		if err := s.db.NewSelect().Model(&p).Where("user_id = ?", id).Limit(1).Scan(ctx); err != nil { // label:ok
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Filters added in a loop, one query at the end.
func (s *Store) Search(ctx context.Context, langs []string) ([]Profile, error) {
	var out []Profile
	q := s.db.NewSelect().Model(&out)
	for _, l := range langs {
		q = q.WhereOr("lang = ?", l)
	}
	err := q.Scan(ctx) // label:ok
	return out, err
}

// User and profile per user inside one transaction.
func (s *Store) Onboard(ctx context.Context, users []model.User) error {
	return s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for i := range users {
			if _, err := tx.NewInsert().Model(&users[i]).Exec(ctx); err != nil { // label:bad
				return err
			}
			p := &Profile{UserID: users[i].ID, Lang: "en"}
			if _, err := tx.NewInsert().Model(p).Exec(ctx); err != nil { // label:bad
				return err
			}
		}
		return nil
	})
}

// Users in bulk, then their profiles in bulk, in one transaction.
func (s *Store) OnboardBulk(ctx context.Context, users []model.User) error {
	return s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(&users).Returning("id").Exec(ctx); err != nil { // label:ok
			return err
		}
		profiles := make([]Profile, len(users))
		for i, u := range users {
			profiles[i] = Profile{UserID: u.ID, Lang: "en"}
		}
		_, err := tx.NewInsert().Model(&profiles).Exec(ctx) // label:ok
		return err
	})
}

// Tables created over a fixed list of models.
func (s *Store) CreateSchema(ctx context.Context) error {
	for _, m := range []any{(*model.User)(nil), (*Profile)(nil), (*PropertyValue)(nil)} {
		if _, err := s.db.NewCreateTable().Model(m).IfNotExists().Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Goroutine per event.
func (s *Store) StoreConcurrently(ctx context.Context, events []model.Event) {
	var wg sync.WaitGroup
	for i := range events {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.db.NewInsert().Model(&events[i]).Exec(ctx) // label:bad
		}()
	}
	wg.Wait()
}

// Consumer: one INSERT per message.
func (s *Store) Consume(ctx context.Context, in <-chan model.Event) error {
	for ev := range in {
		if _, err := s.db.NewInsert().Model(&ev).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Iterator of events.
func (s *Store) StoreSeq(ctx context.Context, seq iter.Seq[*model.Event]) error {
	for ev := range seq {
		if _, err := s.db.NewInsert().Model(ev).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Chunked inserts, one per 1000 events.
func (s *Store) StoreChunked(ctx context.Context, events []model.Event) error {
	for start := 0; start < len(events); start += 1000 {
		chunk := events[start:min(start+1000, len(events))]
		if _, err := s.db.NewInsert().Model(&chunk).Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Helper with a single insert, and a caller that loops over it.
func (s *Store) addProfile(ctx context.Context, userID int64, lang string) error {
	_, err := s.db.NewInsert().Model(&Profile{UserID: userID, Lang: lang}).Exec(ctx) // label:ok
	return err
}

func (s *Store) AddProfiles(ctx context.Context, langs map[int64]string) error {
	for id, lang := range langs {
		if err := s.addProfile(ctx, id, lang); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Retry around one insert.
func (s *Store) InsertRetry(ctx context.Context, ev *model.Event) error {
	var err error
	for range 3 {
		if _, err = s.db.NewInsert().Model(ev).On("CONFLICT DO NOTHING").Exec(ctx); err == nil { // label:ok
			return nil
		}
	}
	return err
}

// Truncating a fixed set of tables in a test helper.
func (s *Store) Reset(ctx context.Context) error {
	for _, m := range []any{(*model.User)(nil), (*Profile)(nil)} {
		if _, err := s.db.NewTruncateTable().Model(m).Cascade().Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Consumer of a channel of batches: one INSERT per received batch.
func (s *Store) ConsumeBatches(ctx context.Context, batches <-chan []model.Event) error {
	for batch := range batches {
		if _, err := s.db.NewInsert().Model(&batch).Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return nil
}
