// Package paramlimit is paramlimit's labelled corpus for the ORMs: each
// bulk call line ends in label:bad (one statement over a slice whose size
// comes from the input) or label:ok (bounded by the code, chunked, or a
// library that sends no bind parameters). Labelled before the rule ran.
package paramlimit

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"gorm.io/gorm"

	"example.com/orm/model"
)

// Positives: the slice is the caller's, or grows with what a loop reads.

func SaveAll(db *gorm.DB, users []model.User) error {
	return db.Create(&users).Error // label:bad
}

func SaveAllByValue(db *gorm.DB, users []model.User) error {
	return db.Create(users).Error // label:bad
}

func SaveNamed(db *gorm.DB, users model.Users) error {
	return db.Create(&users).Error // label:bad
}

func SavePointer(db *gorm.DB, users *[]model.User) error {
	return db.Create(users).Error // label:bad
}

func SaveEvents(db *gorm.DB, events []model.Event) error {
	return db.Create(&events).Error // label:bad
}

func SaveInTx(db *gorm.DB, users []model.User) error {
	return db.Transaction(func(tx *gorm.DB) error {
		return tx.Create(&users).Error // label:bad
	})
}

func ImportNames(db *gorm.DB, names []string) error {
	var all []model.User
	for _, n := range names {
		all = append(all, model.User{Name: n})
	}
	return db.Create(&all).Error // label:bad
}

func ImportPresized(db *gorm.DB, names []string) error {
	all := make([]model.User, 0, len(names))
	for _, n := range names {
		all = append(all, model.User{Name: n, Active: true})
	}
	return db.Create(&all).Error // label:bad
}

func ImportLines(db *gorm.DB, r io.Reader) error {
	var all []model.User
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		all = append(all, model.User{Name: sc.Text()})
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return db.Create(&all).Error // label:bad
}

func Drain(db *gorm.DB, ch <-chan model.User) error {
	var all []model.User
	for u := range ch {
		all = append(all, u)
	}
	return db.Create(&all).Error // label:bad
}

func CopyUsers(src, dst *gorm.DB) error {
	rows, err := src.Model(&model.User{}).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	var all []model.User
	for rows.Next() {
		var u model.User
		if err := src.ScanRows(rows, &u); err != nil {
			return err
		}
		all = append(all, u)
	}
	return dst.Create(&all).Error // label:bad
}

func ReadAll(db *gorm.DB, r *bufio.Reader) error {
	var all []model.Event
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		all = append(all, model.Event{Key: strings.TrimSpace(line)})
	}
	return db.Create(&all).Error // label:bad
}

type source interface {
	Pending(ctx context.Context) []string
}

func FromCall(ctx context.Context, db *gorm.DB, src source) error {
	pending := src.Pending(ctx)
	var all []model.User
	for _, name := range pending {
		all = append(all, model.User{Name: name})
	}
	return db.WithContext(ctx).Create(&all).Error // label:bad
}

func ByIndex(db *gorm.DB, names []string) error {
	var all []model.User
	for i := 0; i < len(names); i++ {
		all = append(all, model.User{Name: names[i], Age: i})
	}
	return db.Create(&all).Error // label:bad
}

// RawInsert builds a multi-row INSERT through gorm's raw API, which binds
// every value.
func RawInsert(db *gorm.DB, users []model.User) error {
	var sb strings.Builder
	var args []any
	sb.WriteString("INSERT INTO users (name, age) VALUES ")
	for i, u := range users {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(?, ?)")
		args = append(args, u.Name, u.Age)
	}
	return db.Exec(sb.String(), args...).Error // label:bad
}

func RawIn(db *gorm.DB, ids []int64) ([]model.User, error) {
	var out []model.User
	var args []any
	marks := make([]string, 0, len(ids))
	for _, id := range ids {
		marks = append(marks, "?")
		args = append(args, id)
	}
	err := db.Raw("SELECT * FROM users WHERE id IN ("+strings.Join(marks, ",")+")", args...).Scan(&out).Error // label:bad
	return out, err
}

// Look-alikes.

func InBatches(db *gorm.DB, users []model.User) error {
	return db.CreateInBatches(&users, 1000).Error // label:ok
}

func One(db *gorm.DB, u model.User) error {
	return db.Create(&u).Error // label:ok
}

func FirstHundred(db *gorm.DB, users []model.User) error {
	return db.Create(users[:100]).Error // label:ok
}

func Chunks(db *gorm.DB, users []model.User) error {
	for chunk := range slices.Chunk(users, 1000) {
		if err := db.Create(&chunk).Error; err != nil { // label:ok
			return err
		}
	}
	return nil
}

func Seed(db *gorm.DB) error {
	all := []model.User{{Name: "admin"}, {Name: "guest"}}
	return db.Create(&all).Error // label:ok
}

func Capped(db *gorm.DB, names []string) error {
	var all []model.User
	for _, n := range names {
		if len(all) >= 5000 {
			break
		}
		all = append(all, model.User{Name: n})
	}
	return db.Create(&all).Error // label:ok
}

func FlushWhenFull(db *gorm.DB, ch <-chan model.User) error {
	var buf []model.User
	for u := range ch {
		buf = append(buf, u)
		if len(buf) == 500 {
			if err := db.Create(&buf).Error; err != nil { // label:ok
				return err
			}
			buf = buf[:0]
		}
	}
	return db.Create(&buf).Error // label:ok
}

func Hundred(db *gorm.DB) error {
	var all []model.User
	for i := range 100 {
		all = append(all, model.User{Age: i})
	}
	return db.Create(&all).Error // label:ok
}

func Fixed(db *gorm.DB) error {
	var all []model.User
	for i := 0; i < 50; i++ {
		all = append(all, model.User{Age: i})
	}
	return db.Create(&all).Error // label:ok
}

func Callback(db *gorm.DB) func([]model.User) error {
	return func(batch []model.User) error {
		return db.Create(&batch).Error // label:ok
	}
}

func Trimmed(db *gorm.DB, users []model.User) error {
	users = users[:min(len(users), 1000)]
	return db.Create(&users).Error // label:ok
}

func Decoded(db *gorm.DB, data []byte, extra []model.User) error {
	var all []model.User
	if err := json.Unmarshal(data, &all); err != nil {
		return err
	}
	for _, u := range extra {
		all = append(all, u)
	}
	return db.Create(&all).Error // label:ok
}

func Array(db *gorm.DB, users [16]model.User) error {
	return db.Create(&users).Error // label:ok
}

func Literal(db *gorm.DB) error {
	names := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	var all []model.User
	for _, n := range names {
		all = append(all, model.User{Name: n})
	}
	return db.Create(&all).Error // label:ok
}

func RawWindow(db *gorm.DB, users []model.User) error {
	for start := 0; start < len(users); start += 1000 {
		end := min(start+1000, len(users))
		var args []any
		for _, u := range users[start:end] {
			args = append(args, u.Name, u.Age)
		}
		if err := db.Exec("INSERT ...", args...).Error; err != nil { // label:ok
			return err
		}
	}
	return nil
}

// gorm binds each element of a slice after IN ? as its own parameter.
func RawInSlice(db *gorm.DB, ids []int64) error {
	return db.Exec("DELETE FROM users WHERE id IN ?", ids).Error // label:bad
}

// Look-alikes added with the rule for callers that chunk: the package hands
// the parameter a chunk, or passes the function on as a flush callback.

func insertChunk(db *gorm.DB, rows []model.User) error {
	return db.Create(&rows).Error // label:ok
}

func ImportChunked(db *gorm.DB, users []model.User) error {
	for chunk := range slices.Chunk(users, 1000) {
		if err := insertChunk(db, chunk); err != nil {
			return err
		}
	}
	return nil
}

type writer struct{ db *gorm.DB }

func (w *writer) flush(batch []model.Event) error {
	return w.db.Create(&batch).Error // label:ok
}

func newBatcher(flush func([]model.Event) error) func([]model.Event) error { return flush }

func (w *writer) Start() func([]model.Event) error {
	return newBatcher(w.flush)
}
