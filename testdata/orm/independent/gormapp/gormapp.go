// Package gormapp belongs to the independent ORM corpus: application shapes
// over gorm, adapted from public repository patterns. Each ORM call line is
// labelled by what it does at runtime: label:bad when it writes one row (or a
// small fixed set of rows) per element of a data-sized collection (slice,
// map, rows, channel, iterator), label:ok otherwise (a single write, a
// multi-row or batched write, a read, a migration, a loop over a small fixed
// set, a retry loop, a chunked loop). A write inside a helper runs once per
// call and is labelled ok; the call that sits in a loop carries the bad
// label. A call to a helper that itself takes a whole collection is ok.
package gormapp

import (
	"context"
	"errors"
	"iter"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"example.com/orm/model"
)

type Tag struct {
	ID    uint   `gorm:"primaryKey"`
	Title string `gorm:"uniqueIndex"`
}

type Role struct {
	ID   uint
	Name string
}

type Member struct {
	ID    uint
	Name  string
	Roles []Role `gorm:"many2many:member_roles"`
}

type Item struct {
	ID    uint
	SKU   string
	Stock int
	Price int64
}

type Category struct {
	ID       uint
	ParentID *uint
	Name     string
	Children []*Category `gorm:"-"`
}

type Store struct {
	db *gorm.DB
}

// Seeding loop creating each user with its own INSERT.
func (s *Store) Seed(users []model.User) {
	for _, user := range users {
		s.db.Create(&user) // label:bad
	}
}

// The same seed with the slice in one INSERT.
func (s *Store) SeedBulk(users []model.User) error {
	return s.db.Create(&users).Error // label:ok
}

// CreateInBatches: one INSERT per 100 users.
func (s *Store) SeedBatches(users []model.User) error {
	return s.db.CreateInBatches(&users, 100).Error // label:ok
}

// CreateBatchSize set on the handle, then a slice create.
func (s *Store) SeedWithBatchSize(users []model.User) error {
	return s.db.Session(&gorm.Session{CreateBatchSize: 500}).Create(&users).Error // label:ok
}

// A batch size on the handle does not help a single-row create in a loop.
func (s *Store) SeedEachWithBatchSize(users []model.User) error {
	tx := s.db.Session(&gorm.Session{CreateBatchSize: 500})
	for i := range users {
		if err := tx.Create(&users[i]).Error; err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Save-or-update each item in a transaction with Assign + FirstOrCreate.
func (s *Store) SaveOrUpdateItems(items *[]Item) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		for _, item := range *items {
			if err := tx.Where(`"id" = ?`, item.ID).Assign(item).FirstOrCreate(&item).Error; err != nil { // label:bad
				return err
			}
		}
		return nil
	})
}

// Upsert all items at once with ON CONFLICT.
func (s *Store) UpsertItems(items []Item) error {
	return s.db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "sku"}}, DoUpdates: clause.AssignmentColumns([]string{"stock", "price"})}).Create(&items).Error // label:ok
}

// Upsert item by item.
func (s *Store) UpsertEach(items []Item) error {
	for i := range items {
		if err := s.db.Clauses(clause.OnConflict{UpdateAll: true}).Create(&items[i]).Error; err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Method on the model that finds or creates itself.
func (t *Tag) CreateIfNotExist(db *gorm.DB) error {
	return db.Where(Tag{Title: t.Title}).FirstOrCreate(t).Error // label:ok
}

func CreateTagsIfNotExist(db *gorm.DB, titles []string) ([]Tag, error) {
	var tags []Tag
	for _, title := range titles {
		tag := Tag{Title: title}
		if err := tag.CreateIfNotExist(db); err != nil { // label:bad
			return nil, err
		}
		tags = append(tags, tag)
	}
	return tags, nil
}

// Find-or-create each tag directly in the loop.
func FindOrCreateTags(db *gorm.DB, tags []*Tag) ([]*Tag, error) {
	var out []*Tag
	for _, tag := range tags {
		if err := db.Where("title = ?", tag.Title).FirstOrCreate(&tag).Error; err != nil { // label:bad
			return nil, err
		}
		out = append(out, tag)
	}
	return out, nil
}

// Look up existing tags with one query, create the missing ones with one INSERT.
func EnsureTags(db *gorm.DB, titles []string) ([]Tag, error) {
	var existing []Tag
	if err := db.Where("title IN ?", titles).Find(&existing).Error; err != nil { // label:ok
		return nil, err
	}
	have := map[string]bool{}
	for _, t := range existing {
		have[t.Title] = true
	}
	var missing []Tag
	for _, t := range titles {
		if !have[t] {
			missing = append(missing, Tag{Title: t})
		}
	}
	if len(missing) > 0 {
		if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&missing).Error; err != nil { // label:ok
			return nil, err
		}
	}
	return append(existing, missing...), nil
}

// Deactivate each user with Model(...).Update.
func (s *Store) Deactivate(users []model.User) {
	for _, u := range users {
		s.db.Model(&u).Update("active", false) // label:bad
	}
}

// Deactivate all of them with one UPDATE ... WHERE id IN.
func (s *Store) DeactivateIDs(ids []int64) error {
	return s.db.Model(&model.User{}).Where("id IN ?", ids).Update("active", false).Error // label:ok
}

// Updates with a map per id.
func (s *Store) Touch(ids []int64) error {
	for _, id := range ids {
		if err := s.db.Model(&model.User{}).Where("id = ?", id).Updates(map[string]any{"active": true, "age": gorm.Expr("age + 1")}).Error; err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Save per modified user.
func (s *Store) Birthday(users []model.User) error {
	for i := range users {
		users[i].Age++
		if err := s.db.Save(&users[i]).Error; err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Save of the whole slice: one upsert statement.
func (s *Store) BirthdayBulk(users []model.User) error {
	for i := range users {
		users[i].Age++
	}
	return s.db.Save(&users).Error // label:ok
}

// Delete per id.
func (s *Store) DeleteEach(ids []int64) {
	for _, id := range ids {
		s.db.Delete(&model.User{}, id) // label:bad
	}
}

// Delete by primary-key slice in one statement.
func (s *Store) DeleteIDs(ids []int64) error {
	return s.db.Delete(&model.User{}, ids).Error // label:ok
}

// Hard delete per soft-deleted record.
func (s *Store) Purge(users []model.User) {
	for _, u := range users {
		s.db.Unscoped().Delete(&u) // label:bad
	}
}

// Delete in LIMITed batches until nothing is affected.
func (s *Store) PurgeBefore(id uint) {
	result := s.db.Where("id < ?", id).Limit(1000).Delete(&Item{}) // label:ok
	for result.RowsAffected == 1000 {
		result = s.db.Where("id < ?", id).Limit(1000).Delete(&Item{}) // label:ok
	}
}

// Raw UPDATE per id.
func (s *Store) Bump(ids []int64) {
	for _, id := range ids {
		s.db.Exec("UPDATE users SET age = age + 1 WHERE id = ?", id) // label:bad
	}
}

// Raw UPDATE once with IN.
func (s *Store) BumpAll(ids []int64) error {
	return s.db.Exec("UPDATE users SET age = age + 1 WHERE id IN ?", ids).Error // label:ok
}

// Stream rows and update each as it is scanned.
func (s *Store) Normalize() error {
	rows, err := s.db.Model(&model.User{}).Where("active = ?", true).Rows() // label:ok
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var u model.User
		if err := s.db.ScanRows(rows, &u); err != nil { // label:ok
			return err
		}
		s.db.Model(&u).UpdateColumn("name", normalize(u.Name)) // label:bad
	}
	return rows.Err()
}

func normalize(s string) string { return s }

// FindInBatches with a per-row Save inside the batch callback.
func (s *Store) Reprice() error {
	var items []Item
	return s.db.Where("stock > 0").FindInBatches(&items, 100, func(tx *gorm.DB, batch int) error { // label:ok
		for i := range items {
			items[i].Price = items[i].Price * 11 / 10
			if err := tx.Save(&items[i]).Error; err != nil { // label:bad
				return err
			}
		}
		return nil
	}).Error
}

// FindInBatches saving each batch as a whole.
func (s *Store) RepriceBatch() error {
	var items []Item
	return s.db.Where("stock > 0").FindInBatches(&items, 100, func(tx *gorm.DB, batch int) error { // label:ok
		for i := range items {
			items[i].Price = items[i].Price * 11 / 10
		}
		return tx.Save(&items).Error // label:ok
	}).Error
}

// Reads in a loop.
func (s *Store) Lookup(ids []int64) []model.User {
	var out []model.User
	for _, id := range ids {
		var u model.User
		if s.db.First(&u, id).Error == nil { // label:ok
			out = append(out, u)
		}
	}
	return out
}

// Counting per status over a fixed set.
func (s *Store) Stats() map[string]int64 {
	out := map[string]int64{}
	for _, active := range []bool{true, false} {
		var n int64
		s.db.Model(&model.User{}).Where("active = ?", active).Count(&n) // label:ok
		out[map[bool]string{true: "active", false: "inactive"}[active]] = n
	}
	return out
}

// AutoMigrate once and tables created over a fixed list of models.
func (s *Store) Migrate() error {
	if err := s.db.AutoMigrate(&Tag{}, &Role{}, &Member{}); err != nil { // label:ok
		return err
	}
	for _, m := range []any{&Item{}, &Category{}} {
		if !s.db.Migrator().HasTable(m) {
			if err := s.db.Migrator().CreateTable(m); err != nil { // label:ok
				return err
			}
		}
	}
	return nil
}

// Association append per member.
func (s *Store) GrantAll(members []Member, role Role) error {
	for i := range members {
		if err := s.db.Model(&members[i]).Association("Roles").Append(&role); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Association append of many roles for one member.
func (s *Store) Grant(member *Member, roles []Role) error {
	return s.db.Model(member).Association("Roles").Append(roles) // label:ok
}

// Replace associations once.
func (s *Store) SetRoles(member *Member, roles []Role) error {
	return s.db.Model(member).Association("Roles").Replace(roles) // label:ok
}

// Retry around a single create.
func (s *Store) CreateWithRetry(item *Item) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.db.Create(item).Error; err == nil { // label:ok
			return nil
		}
		time.Sleep(time.Duration(attempt+1) * 50 * time.Millisecond)
	}
	return err
}

// Chunked creates: one INSERT per chunk of 500.
func (s *Store) ImportChunked(items []Item) error {
	for i := 0; i < len(items); i += 500 {
		chunk := items[i:min(i+500, len(items))]
		if err := s.db.Create(&chunk).Error; err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Loop that stops at the first eligible member and updates only that one.
func (s *Store) PromoteFirst(members []Member) error {
	for i := range members {
		if members[i].Name != "" {
			return s.db.Model(&members[i]).Update("name", members[i].Name+" (lead)").Error // label:ok
		}
	}
	return errors.New("nobody to promote")
}

// One audit row per change through a map-based create on a named table.
func (s *Store) Audit(changes map[string]string) {
	for k, v := range changes {
		s.db.Table("audit_log").Create(map[string]any{"key": k, "value": v, "at": time.Now()}) // label:bad
	}
}

// Audit rows collected and created with one INSERT.
func (s *Store) AuditBulk(changes map[string]string) error {
	rows := make([]map[string]any, 0, len(changes))
	for k, v := range changes {
		rows = append(rows, map[string]any{"key": k, "value": v, "at": time.Now()})
	}
	return s.db.Table("audit_log").Create(rows).Error // label:ok
}

// One goroutine per user.
func (s *Store) CreateConcurrently(users []model.User) {
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.db.Create(&u) // label:bad
		}()
	}
	wg.Wait()
}

// WaitGroup.Go task per item, errors collected under a mutex.
func (s *Store) RestockAll(ctx context.Context, items []Item) error {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for _, it := range items {
		wg.Go(func() {
			if err := s.db.WithContext(ctx).Model(&Item{}).Where("id = ?", it.ID).Update("stock", it.Stock).Error; err != nil { // label:bad
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Consumer creating one row per message from a channel.
func (s *Store) Consume(ctx context.Context, in <-chan model.Event) error {
	for ev := range in {
		if err := s.db.WithContext(ctx).Create(&ev).Error; err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Consumer that buffers and writes in batches.
func (s *Store) ConsumeBatched(ctx context.Context, in <-chan model.Event) error {
	buf := make([]model.Event, 0, 256)
	for ev := range in {
		buf = append(buf, ev)
		if len(buf) == cap(buf) {
			if err := s.db.WithContext(ctx).CreateInBatches(&buf, 256).Error; err != nil { // label:ok
				return err
			}
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		return s.db.WithContext(ctx).Create(&buf).Error // label:ok
	}
	return nil
}

// Range over an iterator.
func (s *Store) CreateSeq(seq iter.Seq[model.Event]) error {
	for ev := range seq {
		if err := s.db.Create(&ev).Error; err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Recursive category tree: one INSERT per node.
func (s *Store) createTree(tx *gorm.DB, c *Category) error {
	if err := tx.Create(c).Error; err != nil { // label:ok
		return err
	}
	for _, child := range c.Children {
		child.ParentID = &c.ID
		if err := s.createTree(tx, child); err != nil { // label:bad
			return err
		}
	}
	return nil
}

func (s *Store) SaveTree(root *Category) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return s.createTree(tx, root) // label:ok
	})
}

// Nested loops: orders, then their lines, inside one transaction.
type Line struct {
	ID      uint
	OrderID uint
	SKU     string
}

type Order struct {
	ID    uint
	Lines []Line `gorm:"-"`
}

func (s *Store) PlaceOrders(orders []Order) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		for i := range orders {
			if err := tx.Omit("Lines").Create(&orders[i]).Error; err != nil { // label:bad
				return err
			}
			for j := range orders[i].Lines {
				orders[i].Lines[j].OrderID = orders[i].ID
				if err := tx.Create(&orders[i].Lines[j]).Error; err != nil { // label:bad
					return err
				}
			}
		}
		return nil
	})
}

// One order: header once, lines with one INSERT.
func (s *Store) PlaceOrder(o *Order) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("Lines").Create(o).Error; err != nil { // label:ok
			return err
		}
		for j := range o.Lines {
			o.Lines[j].OrderID = o.ID
		}
		return tx.Create(&o.Lines).Error // label:ok
	})
}
