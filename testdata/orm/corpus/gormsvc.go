// Package corpus is labelled application code: every ORM call line says
// whether ormloop must report it (label:bad) or not (label:ok). The corpus
// test computes precision and recall from these labels.
package corpus

import (
	"context"
	"errors"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"example.com/orm/model"
)

type OrderLine struct {
	ID      uint `gorm:"primaryKey"`
	OrderID uint
	SKU     string
	Qty     int
}

type Order struct {
	ID     uint
	Lines  []OrderLine `gorm:"-"`
	Status string
}

type OrderService struct{ db *gorm.DB }

func (s *OrderService) PlaceOrder(ctx context.Context, o *Order) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(o).Error; err != nil { // label:ok
			return err
		}
		for i := range o.Lines {
			o.Lines[i].OrderID = o.ID
			if err := tx.Create(&o.Lines[i]).Error; err != nil { // label:bad
				return err
			}
		}
		return nil
	})
}

func (s *OrderService) PlaceOrderBulk(ctx context.Context, o *Order) error {
	for i := range o.Lines {
		o.Lines[i].OrderID = o.ID
	}
	return s.db.WithContext(ctx).Create(&o.Lines).Error // label:ok
}

func (s *OrderService) CloseAll(ctx context.Context, orders []Order) {
	for _, o := range orders {
		o.Status = "closed"
		s.db.WithContext(ctx).Save(&o) // label:bad
	}
}

func (s *OrderService) CloseStale(ctx context.Context, cutoffs []time.Time) {
	for _, c := range cutoffs {
		s.db.WithContext(ctx).Model(&Order{}).Where("created_at < ?", c).Update("status", "closed") // label:ok
	}
}

func (s *OrderService) Restock(lines []OrderLine) {
	for _, l := range lines {
		s.db.Model(&l).UpdateColumn("qty", gorm.Expr("qty + ?", l.Qty)) // label:bad
	}
}

func (s *OrderService) Purge(ids []uint) {
	for _, id := range ids {
		s.db.Delete(&Order{}, id) // label:bad
	}
}

func (s *OrderService) PurgeBulk(ids []uint) {
	for ch := range slices.Chunk(ids, 1000) {
		s.db.Delete(&Order{}, ch) // label:ok
	}
}

func (s *OrderService) Upsert(lines []OrderLine) error {
	for _, l := range lines {
		err := s.db.Clauses(clause.OnConflict{UpdateAll: true}).Create(&l).Error // label:bad
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *OrderService) UpsertBatched(lines []OrderLine) error {
	return s.db.Clauses(clause.OnConflict{UpdateAll: true}).CreateInBatches(lines, 500).Error // label:ok
}

func (s *OrderService) Lookup(ids []uint) []Order {
	var out []Order
	for _, id := range ids {
		var o Order
		if s.db.First(&o, id).Error == nil { // label:ok
			out = append(out, o)
		}
	}
	return out
}

var errConflict = errors.New("conflict")

func (s *OrderService) SaveWithRetry(o *Order) error {
	var err error
	for attempt := 1; attempt <= 3; attempt++ {
		err = s.db.Save(o).Error // label:ok
		if !errors.Is(err, errConflict) {
			return err
		}
		time.Sleep(time.Duration(attempt) * 10 * time.Millisecond)
	}
	return err
}

func (s *OrderService) Pipeline(ctx context.Context, in <-chan OrderLine) error {
	buf := make([]OrderLine, 0, 256)
	for l := range in {
		buf = append(buf, l)
		if len(buf) == cap(buf) {
			if err := s.db.WithContext(ctx).Create(&buf).Error; err != nil { // label:ok
				return err
			}
			buf = buf[:0]
		}
	}
	if len(buf) == 0 {
		return nil
	}
	return s.db.WithContext(ctx).Create(&buf).Error // label:ok
}

func (s *OrderService) Stream(ctx context.Context, in <-chan model.Event) {
	for ev := range in {
		s.db.WithContext(ctx).Create(&ev) // label:bad
	}
}

func (s *OrderService) Deactivate(users []*model.User) {
	for _, u := range users {
		s.db.Model(u).Updates(map[string]any{"active": false, "age": 0}) // label:bad
	}
}

func (s *OrderService) DeactivateAll(ids []int64) {
	s.db.Model(&model.User{}).Where("id IN ?", ids).Update("active", false) // label:ok
}

func (s *OrderService) Migrate() error {
	for _, m := range []any{&Order{}, &OrderLine{}} {
		if err := s.db.Migrator().AutoMigrate(m); err != nil { // label:ok
			return err
		}
	}
	return nil
}

func (s *OrderService) Remove(lines []OrderLine) {
	for _, l := range lines {
		s.db.Unscoped().Delete(&l) // label:bad
	}
}
