// Package entapp belongs to the independent ORM corpus: application shapes
// over an ent client, adapted from public repository patterns and labelled by
// runtime behaviour (see package gormapp).
package entapp

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log"
	"sync"

	"example.com/orm/ent"
	"example.com/orm/ent/user"
)

type NewUser struct {
	Name string
	Age  int
}

type Service struct {
	client *ent.Client
}

// One Save per input.
func (s *Service) CreateUsers(ctx context.Context, in []NewUser) ([]*ent.User, error) {
	var out []*ent.User
	for _, u := range in {
		created, err := s.client.User.Create().SetName(u.Name).SetAge(u.Age).Save(ctx) // label:bad
		if err != nil {
			return nil, err
		}
		out = append(out, created)
	}
	return out, nil
}

// Builders collected in a loop and saved with CreateBulk.
func (s *Service) CreateUsersBulk(ctx context.Context, in []NewUser) ([]*ent.User, error) {
	builders := make([]*ent.UserCreate, len(in))
	for i, u := range in {
		builders[i] = s.client.User.Create().SetName(u.Name).SetAge(u.Age) // label:ok
	}
	return s.client.User.CreateBulk(builders...).Save(ctx) // label:ok
}

// MapCreateBulk over the input slice.
func (s *Service) CreateUsersMap(ctx context.Context, in []NewUser) error {
	return s.client.User.MapCreateBulk(in, func(c *ent.UserCreate, i int) { // label:ok
		c.SetName(in[i].Name).SetAge(in[i].Age)
	}).Exec(ctx)
}

// CreateBulk called with one builder per iteration.
func (s *Service) CreateUsersBulkOfOne(ctx context.Context, in []NewUser) error {
	for _, u := range in {
		if err := s.client.User.CreateBulk(s.client.User.Create().SetName(u.Name).SetAge(u.Age)).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// CreateBulk per chunk of 1000.
func (s *Service) CreateUsersChunked(ctx context.Context, in []NewUser) error {
	for start := 0; start < len(in); start += 1000 {
		part := in[start:min(start+1000, len(in))]
		if err := s.client.User.MapCreateBulk(part, func(c *ent.UserCreate, i int) { c.SetName(part[i].Name).SetAge(part[i].Age) }).Exec(ctx); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// UpdateOneID per id.
func (s *Service) Deactivate(ctx context.Context, ids []int) error {
	for _, id := range ids {
		if err := s.client.User.UpdateOneID(id).SetActive(false).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// One UPDATE with IDIn.
func (s *Service) DeactivateAll(ctx context.Context, ids []int) (int, error) {
	return s.client.User.Update().Where(user.IDIn(ids...)).SetActive(false).Save(ctx) // label:ok
}

// Predicate update per id: still one UPDATE per element.
func (s *Service) DeactivateByPredicate(ctx context.Context, ids []int) error {
	for _, id := range ids {
		if _, err := s.client.User.Update().Where(user.ID(id)).SetActive(false).Save(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Entity Update per queried user.
func (s *Service) AgeEveryone(ctx context.Context) error {
	users, err := s.client.User.Query().Where(user.Active(true)).All(ctx) // label:ok
	if err != nil {
		return err
	}
	for _, u := range users {
		u.Update().AddAge(1).SaveX(ctx) // label:bad
	}
	return nil
}

// The same with one statement.
func (s *Service) AgeEveryoneSet(ctx context.Context) error {
	return s.client.User.Update().Where(user.Active(true)).AddAge(1).Exec(ctx) // label:ok
}

// DeleteOneID per id, errors logged.
func (s *Service) Remove(ctx context.Context, ids []int) {
	for _, id := range ids {
		if err := s.client.User.DeleteOneID(id).Exec(ctx); err != nil { // label:bad
			log.Printf("delete %d: %v", id, err)
		}
	}
}

// DeleteOne per entity.
func (s *Service) RemoveUsers(ctx context.Context, users []*ent.User) {
	for _, u := range users {
		s.client.User.DeleteOne(u).ExecX(ctx) // label:bad
	}
}

// One DELETE with a predicate.
func (s *Service) RemoveMinors(ctx context.Context) (int, error) {
	return s.client.User.Delete().Where(user.AgeLT(18)).Exec(ctx) // label:ok
}

// Reads in loops.
func (s *Service) Lookup(ctx context.Context, names []string) (map[string]int, error) {
	out := map[string]int{}
	for _, n := range names {
		c, err := s.client.User.Query().Where(user.Name(n)).Count(ctx) // label:ok
		if err != nil {
			return nil, err
		}
		out[n] = c
	}
	return out, nil
}

func (s *Service) Get(ctx context.Context, ids []int) ([]*ent.User, error) {
	var out []*ent.User
	for _, id := range ids {
		u, err := s.client.User.Get(ctx, id) // label:ok
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// WithTx helper from ent's documentation.
func WithTx(ctx context.Context, client *ent.Client, fn func(tx *ent.Tx) error) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if v := recover(); v != nil {
			tx.Rollback()
			panic(v)
		}
	}()
	if err := fn(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			err = fmt.Errorf("%w: rolling back transaction: %v", err, rerr)
		}
		return err
	}
	return tx.Commit()
}

// Loop inside the transaction closure.
func (s *Service) ImportTx(ctx context.Context, in []NewUser) error {
	return WithTx(ctx, s.client, func(tx *ent.Tx) error {
		for _, u := range in {
			if err := tx.User.Create().SetName(u.Name).SetAge(u.Age).Exec(ctx); err != nil { // label:bad
				return err
			}
		}
		return nil
	})
}

// Transaction with one user and its pets created in bulk.
func (s *Service) Adopt(ctx context.Context, owner string, pets []string) error {
	return WithTx(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.User.Create().SetName(owner).SetAge(30).Save(ctx); err != nil { // label:ok
			return err
		}
		return tx.Pet.MapCreateBulk(pets, func(c *ent.PetCreate, i int) { c.SetName(pets[i]) }).Exec(ctx) // label:ok
	})
}

// Nested loops: pets per owner created one by one.
func (s *Service) AdoptAll(ctx context.Context, pets map[string][]string) {
	for _, names := range pets {
		for _, n := range names {
			s.client.Pet.Create().SetName(n).SaveX(ctx) // label:bad
		}
	}
}

// Goroutine per user.
func (s *Service) CreateConcurrently(ctx context.Context, in []NewUser) {
	var wg sync.WaitGroup
	for _, u := range in {
		wg.Add(1)
		go func(u NewUser) {
			defer wg.Done()
			s.client.User.Create().SetName(u.Name).SetAge(u.Age).ExecX(ctx) // label:bad
		}(u)
	}
	wg.Wait()
}

// Consumer: one create per message.
func (s *Service) Consume(ctx context.Context, in <-chan NewUser) error {
	for u := range in {
		if _, err := s.client.User.Create().SetName(u.Name).SetAge(u.Age).Save(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Range over an iterator.
func (s *Service) CreateSeq(ctx context.Context, seq iter.Seq2[string, int]) error {
	for name, age := range seq {
		if err := s.client.User.Create().SetName(name).SetAge(age).Exec(ctx); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Offset pagination: read a page, update its rows one by one.
func (s *Service) BackfillNames(ctx context.Context) error {
	for offset := 0; ; offset += 100 {
		page, err := s.client.User.Query().Order(ent.Asc(user.FieldID)).Offset(offset).Limit(100).All(ctx) // label:ok
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, u := range page {
			if err := s.client.User.UpdateOne(u).SetName(u.Name + "!").Exec(ctx); err != nil { // label:bad
				return err
			}
		}
	}
}

// Offset pagination with one UPDATE per page.
func (s *Service) BackfillActive(ctx context.Context) error {
	for offset := 0; ; offset += 100 {
		ids, err := s.client.User.Query().Order(ent.Asc(user.FieldID)).Offset(offset).Limit(100).IDs(ctx) // label:ok
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		if err := s.client.User.Update().Where(user.IDIn(ids...)).SetActive(true).Exec(ctx); err != nil { // label:ok
			return err
		}
	}
}

// Retry around a single create.
func (s *Service) CreateWithRetry(ctx context.Context, u NewUser) (*ent.User, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		created, err := s.client.User.Create().SetName(u.Name).SetAge(u.Age).Save(ctx) // label:ok
		if err == nil {
			return created, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

// Loop that updates the first match and returns.
func (s *Service) ActivateFirst(ctx context.Context, users []*ent.User) error {
	for _, u := range users {
		if !u.Active {
			return u.Update().SetActive(true).Exec(ctx) // label:ok
		}
	}
	return errors.New("all active")
}

// Schema migration once.
func (s *Service) Migrate(ctx context.Context) error {
	return s.client.Schema.Create(ctx) // label:ok
}
