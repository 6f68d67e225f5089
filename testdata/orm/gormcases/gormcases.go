// Package gormcases holds gorm writes per iteration (want) and the
// look-alikes ormloop must leave alone.
package gormcases

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"example.com/orm/model"
	"example.com/orm/repo"
)

func createAfterEdit(db *gorm.DB, users []model.User) {
	for _, u := range users {
		u.Name = strings.TrimSpace(u.Name)
		db.Create(&u) // want `gorm insert of one User runs once per element of users; use gorm Create\(&slice\) or CreateInBatches\(&slice, n\)`
	}
}

func createIndexedWithContext(ctx context.Context, db *gorm.DB, users []model.User) error {
	for i := range users {
		if err := db.WithContext(ctx).Create(&users[i]).Error; err != nil { // want `gorm insert of one User`
			return fmt.Errorf("user %d: %w", i, err)
		}
	}
	return nil
}

func createInManualTx(db *gorm.DB, users []*model.User) error {
	tx := db.Begin()
	for _, u := range users {
		if !u.Active {
			continue
		}
		if err := tx.Create(u).Error; err != nil { // want `gorm insert of one User.*, in a transaction`
			tx.Rollback()
			return err
		}
	}
	return tx.Commit().Error
}

func createInTransaction(db *gorm.DB, users []model.User) error {
	return db.Transaction(func(tx *gorm.DB) error {
		for _, u := range users {
			u.Active = true
			if err := tx.Create(&u).Error; err != nil { // want `gorm insert of one User.*, in a transaction`
				return err
			}
		}
		return nil
	})
}

// A *gorm.DB is a pool or a transaction; this package's own runner and
// another package's hand their closure one that may be either, so the
// message claims neither autocommit nor a transaction.
func withTx(db *gorm.DB, fn func(tx *gorm.DB) error) error {
	return db.Transaction(fn)
}

func createInOwnRunner(db *gorm.DB, users []model.User) error {
	return withTx(db, func(tx *gorm.DB) error {
		for i := range users {
			users[i].Active = true
			if err := tx.Create(&users[i]).Error; err != nil { // want `gorm insert of one User runs once per element of users; use`
				return err
			}
		}
		return nil
	})
}

func createInOtherPackageRunner(ctx context.Context, r *repo.Users, users []model.User) error {
	return r.InTx(ctx, func(tx *gorm.DB) error {
		for i := range users {
			users[i].Active = true
			if err := tx.Create(&users[i]).Error; err != nil { // want `gorm insert of one User runs once per element of users; use`
				return err
			}
		}
		return nil
	})
}

// The program's interface over gorm, which *gorm.DB implements with gorm's
// own Create and First: whether it is a transaction is unknown.
type gormDB interface {
	Create(value interface{}) *gorm.DB
	First(dest interface{}, conds ...interface{}) *gorm.DB
}

func createThroughInterface(db gormDB, users []model.User) {
	for i := range users {
		users[i].Active = true
		db.Create(&users[i]) // want `gorm insert of one User runs once per element of users; use`
	}
}

func readThroughInterface(db gormDB, ids []int) {
	for _, id := range ids {
		var u model.User
		db.First(&u, id)
	}
}

// No gorm type implements it: its Create returns an error.
type creator interface {
	Create(value interface{}) error
}

func createLookAlike(db creator, users []model.User) {
	for i := range users {
		db.Create(&users[i])
	}
}

func saveEach(db *gorm.DB, users []model.User) {
	for _, u := range users {
		u.Age++
		db.Save(&u) // want `gorm upsert of one User`
	}
}

func updatesByModel(db *gorm.DB, users []model.User) {
	for _, u := range users {
		db.Model(&u).Updates(model.User{Active: false}) // want `gorm update of one User runs once per element of users; use`
	}
}

func updateColumnByModel(db *gorm.DB, users []*model.User) {
	for _, u := range users {
		db.Model(u).Update("name", strings.ToLower(u.Name))           // want `gorm update of one User`
		db.Model(u).UpdateColumn("age", gorm.Expr("age + ?", 1))      // want `gorm update of one User`
		db.Model(u).UpdateColumns(map[string]any{"active": u.Active}) // want `gorm update of one User`
	}
}

func updateByKeyLiteral(db *gorm.DB, ids []int64) {
	for _, id := range ids {
		db.Model(&model.User{ID: id}).Update("active", false) // want `gorm update of one User`
	}
}

func updatesWithoutModel(db *gorm.DB, users []model.User) {
	for i := range users {
		users[i].Active = true
		db.Updates(&users[i]) // want `gorm update of one User`
	}
}

func deleteEach(db *gorm.DB, users []model.User) {
	for _, u := range users {
		db.Delete(&u) // want `gorm delete of one User`
	}
}

func deleteByKey(db *gorm.DB, ids []int64) {
	for _, id := range ids {
		db.Delete(&model.User{}, id) // want `gorm delete of one User`
	}
}

func createFromRows(db *gorm.DB, rows *sql.Rows) error {
	for rows.Next() {
		var u model.User
		if err := db.ScanRows(rows, &u); err != nil {
			return err
		}
		db.Create(&u) // want `gorm insert of one User runs once per element of rows.Next\(\)`
	}
	return rows.Err()
}

func createFromChannel(db *gorm.DB, ch <-chan model.Event) {
	for ev := range ch {
		db.Clauses(clause.OnConflict{DoNothing: true}).Create(&ev) // want `gorm insert of one Event`
	}
}

func createMapRow(db *gorm.DB, names []string) {
	for _, n := range names {
		db.Table("users").Create(map[string]any{"name": n}) // want `gorm insert of one object`
	}
}

func tenantScope(tenant string) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Where("tenant = ?", tenant) }
}

func createWithScope(db *gorm.DB, users []model.User) {
	for _, u := range users {
		u.Name += "!"
		db.Scopes(tenantScope("t1")).Create(&u) // want `gorm insert of one User`
	}
}

func createInCalledClosure(db *gorm.DB, users []model.User) {
	for _, u := range users {
		func() {
			db.Create(&u) // want `gorm insert of one User`
		}()
	}
}

func createLiteral(db *gorm.DB, lines []string) {
	for _, l := range lines {
		db.Create(&model.Event{Key: l, Payload: []byte(l)}) // want `gorm insert of one Event`
	}
}

func createInNestedRetry(db *gorm.DB, users []model.User) {
	for _, u := range users {
		for attempt := 0; attempt < 3; attempt++ {
			if err := db.Create(&u).Error; err == nil { // want `gorm insert of one User`
				break
			}
		}
	}
}

// --- look-alikes ---

func createSliceOnce(db *gorm.DB, users []model.User) error {
	return db.Create(&users).Error
}

func createChunks(db *gorm.DB, chunks [][]model.User) {
	for _, chunk := range chunks {
		db.Create(&chunk)
	}
}

func createSlicesChunk(db *gorm.DB, users []model.User) {
	for chunk := range slices.Chunk(users, 500) {
		db.Create(chunk)
	}
}

func createIndexChunks(db *gorm.DB, users []*model.User) {
	for start := 0; start < len(users); start += 1000 {
		end := min(start+1000, len(users))
		db.Create(users[start:end])
	}
}

func createNamedSlices(db *gorm.DB, batches []model.Users) {
	for _, b := range batches {
		db.Create(&b)
		db.Save(b)
	}
}

func createInBatchesPerTenant(db *gorm.DB, byTenant map[string][]model.User) {
	for _, users := range byTenant {
		db.CreateInBatches(users, 100)
	}
}

func reads(db *gorm.DB, ids []int64) {
	for _, id := range ids {
		var u model.User
		db.First(&u, id)
		db.Where("id = ?", id).Find(&u)
		db.Model(&model.User{}).Where("id = ?", id).Count(new(int64))
	}
}

func setBasedUpdates(db *gorm.DB, tenants []string) {
	for _, t := range tenants {
		db.Model(&model.User{}).Where("tenant = ?", t).Update("active", false)
		db.Model(&model.User{}).Where("tenant = ?", t).Updates(map[string]any{"age": 0})
		db.Where("tenant = ?", t).Delete(&model.User{})
		db.Scopes(tenantScope(t)).Model(&model.User{}).Update("active", true)
	}
}

func setBasedDeletes(db *gorm.DB, groups [][]int64, cutoffs []int) {
	for _, ids := range groups {
		db.Delete(&model.User{}, ids)
	}
	for _, c := range cutoffs {
		db.Delete(&model.User{}, "age < ?", c)
	}
}

func updateWithoutKey(db *gorm.DB, names []string) {
	for _, n := range names {
		// gorm refuses this (no primary key, no condition): not a per-row write.
		db.Model(&model.User{}).Update("name", n)
	}
}

func retryOnly(db *gorm.DB, u *model.User) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = db.Create(u).Error; err == nil {
			return nil
		}
	}
	return err
}

func seedFixedRoles(db *gorm.DB) {
	for _, name := range []string{"admin", "editor", "viewer"} {
		db.Create(&model.Event{Key: name})
	}
}

func seedFixedEvents(db *gorm.DB) {
	for _, e := range []model.Event{{Key: "signup"}, {Key: "login"}} {
		db.Create(&e)
	}
}

// defaultEvents is never changed after its literal: a few fixed rows.
var defaultEvents = []model.Event{{Key: "signup"}, {Key: "login"}, {Key: "logout"}}

func seedDefaultEvents(db *gorm.DB) {
	for i := range defaultEvents {
		db.FirstOrCreate(&defaultEvents[i])
	}
}

func firstOnly(db *gorm.DB, users []model.User) error {
	for _, u := range users {
		return db.Create(&u).Error
	}
	return nil
}

func suppressed(db *gorm.DB, users []model.User) {
	for _, u := range users {
		u.Age = 1
		//batchlint:ignore ormloop -- each row fires its own audit hook
		db.Create(&u)
	}
}

func storedClosure(db *gorm.DB, users []model.User) []func() {
	var later []func()
	for _, u := range users {
		later = append(later, func() { db.Create(&u) })
	}
	return later
}

func thresholdFlush(db *gorm.DB, in <-chan model.User) {
	var buf []model.User
	for u := range in {
		buf = append(buf, u)
		if len(buf) >= 500 {
			db.Create(&buf)
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		db.Create(&buf)
	}
}

func interfaceModels(db *gorm.DB, items []any) {
	for _, it := range items {
		db.Create(it)
	}
}

// lookalikeDB has gorm's method names and nothing else of gorm.
type lookalikeDB struct{ n int }

func (d *lookalikeDB) Create(v any) *lookalikeDB { d.n++; return d }
func (d *lookalikeDB) Save(v any) error          { return nil }

func lookalikeMethods(d *lookalikeDB, users []model.User) {
	for _, u := range users {
		d.Create(&u)
		_ = d.Save(&u)
	}
}

func updatesThroughConditionedVar(db *gorm.DB, users []model.User) {
	// The model and the condition come from q: a set-based update,
	// whatever the argument holds.
	q := db.Model(&model.User{}).Where("active = ?", false)
	for _, u := range users {
		q.Updates(&u)
	}
	tx := db.Begin()
	for i := range users {
		tx.Updates(&users[i]) // want `gorm update of one User.*, in a transaction`
	}
}

func findOrCreateTags(db *gorm.DB, names []string) {
	for _, n := range names {
		var ev model.Event
		db.Where(model.Event{Key: n}).FirstOrCreate(&ev) // want `gorm upsert of one Event runs once per element of names.*use gorm Create\(&slice\) with clause.OnConflict\{DoNothing: true\}`
	}
	var all []model.Event
	for _, n := range names {
		// A slice destination: not one object per call.
		db.Where("key LIKE ?", n+"%").FirstOrCreate(&all)
	}
}

func genericsAPI(ctx context.Context, db *gorm.DB, users []model.User) {
	for _, u := range users {
		u.Active = true
		gorm.G[model.User](db).Create(ctx, &u) // want `gorm insert of one User.*use gorm.G\[T\]\(db\).CreateInBatches\(ctx, &slice, n\)`
	}
	for chunk := range slices.Chunk(users, 100) {
		gorm.G[model.User](db).CreateInBatches(ctx, &chunk, 100)
	}
	for _, u := range users {
		gorm.G[model.User](db).Where("id = ?", u.ID).Update(ctx, "active", false) // want `gorm update of one User runs once per element of users`
	}
	for _, u := range users {
		gorm.G[model.User](db).Where("users.id = ?", u.ID).Delete(ctx) // want `gorm delete of one User`
	}
	// A set per element, and the whole table.
	for _, u := range users {
		gorm.G[model.User](db).Where("age > ?", u.Age).Update(ctx, "active", false)
		gorm.G[model.User](db).Where("id = ?", u.ID).Or("age > 30").Delete(ctx)
		gorm.G[model.User](db).Delete(ctx)
	}
}

func optimisticUpdates(db *gorm.DB, users []model.User, version int, ages []int) {
	for _, u := range users {
		// gorm adds u's primary key to the condition: one row at most.
		db.Model(&u).Where("version = ?", version).Updates(map[string]any{"version": version + 1}) // want `gorm update of one User`
	}
	for i := range users {
		db.Model(&users[i]).Not("active").Update("active", true) // want `gorm update of one User`
	}
	var probe model.User
	for _, a := range ages {
		// probe is no loop element: its key may be zero, the Where a set.
		db.Model(&probe).Where("age > ?", a).Update("active", false)
	}
	for _, u := range users {
		db.Model(&u).Scopes(tenantScope("t")).Update("active", false)
	}
}

// Note embeds gorm.Model, whose ID is its key.
type Note struct {
	gorm.Model
	Body string
}

// Membership has a composite key: one of its columns picks a set.
type Membership struct {
	UserID  int64 `gorm:"primaryKey"`
	GroupID int64 `gorm:"primaryKey"`
}

// Doc is keyed by a 16-byte array, as a uuid.UUID is: one value.
type Doc struct {
	ID   [16]byte
	Body string
}

// deleteUser deletes one row by its key on every call.
func deleteUser(db *gorm.DB, id int64) error {
	return db.Where("id = ?", id).Delete(&model.User{}).Error
}

// A condition on the model's primary key finds one row: a write per key
// value that changes per element.
func keyedWrites(db *gorm.DB, users []model.User, ids []int64, keys []string, notes []Note, docs []Doc) {
	for _, id := range ids {
		db.Where("id = ?", id).Delete(&model.User{}) // want `gorm delete of one User runs once per element of ids; use gorm Delete\(&T\{\}, ids\)`
	}
	for _, u := range users {
		db.Model(&model.User{}).Where(`"users"."id" = ? AND active = ?`, u.ID, true).Update("age", u.Age) // want `gorm update of one User runs once per element of users`
	}
	for _, k := range keys {
		db.Model(&model.Event{}).Not("payload IS NULL").Where("key = ?", k).Updates(map[string]any{"payload": nil}) // want `gorm update of one Event`
	}
	for _, n := range notes {
		db.Where("deleted_at IS NULL").Where("id = ?", n.ID).Delete(&Note{}) // want `gorm delete of one Note`
	}
	for _, d := range docs {
		db.Model(&Doc{}).Where("id = ?", d.ID).Update("body", d.Body) // want `gorm update of one Doc`
	}
	for _, id := range ids {
		deleteUser(db, id) // want `gormcases.deleteUser \(gorm delete of one User\) runs once per element of ids`
	}
}

// Conditions that pick a set, or the same row on every iteration.
func keyedLookAlikes(db *gorm.DB, ids []int64, groups [][]int64, tenants []string, owner int64) {
	for _, t := range tenants {
		db.Where("tenant = ?", t).Delete(&model.User{}) // not the key: every user of a tenant
	}
	for _, id := range ids {
		db.Where("id = ? OR age > ?", id, 30).Delete(&model.User{})
		db.Where("id > ?", id).Delete(&model.User{})
		db.Where("user_id = ?", id).Delete(&Membership{}) // one column of a composite key
		db.Scopes(tenantScope("t")).Where("id = ?", id).Delete(&model.User{})
		db.Where("id = @id", sql.Named("id", id)).Delete(&model.User{})
		db.Model(&model.User{}).Or("age > 30").Where("id = ?", id).Update("active", false)
	}
	for _, g := range groups {
		db.Where("id IN ?", g).Delete(&model.User{})
		db.Where("id = ?", g).Delete(&model.User{})
	}
	for range tenants {
		db.Where("id = ?", owner).Delete(&model.User{}) // the same row every time
		deleteUser(db, owner)
	}
}
