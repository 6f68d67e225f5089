// Package paramlimitmsg pins paramlimit's messages and related positions.
package paramlimitmsg

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"example.com/orm/ent"
	"example.com/orm/model"
)

func SaveAll(db *gorm.DB, users []model.User) error {
	return db.Create(&users).Error // want `^gorm Create binds 4 parameters per row of users: past 16383 rows it exceeds the 65535-parameter limit; use CreateInBatches\(&rows, n\)$`
}

func Import(ctx context.Context, client *ent.Client, names <-chan string) error {
	var bs []*ent.UserCreate
	for n := range names {
		bs = append(bs, client.User.Create().SetName(n))
	}
	return client.User.CreateBulk(bs...).Exec(ctx) // want `^ent CreateBulk binds 3 parameters per row of names: past 21845 rows it exceeds the 65535-parameter limit; call CreateBulk per chunk \(slices.Chunk\)$`
}

func Raw(db *gorm.DB, users []model.User) error {
	var sb strings.Builder
	var args []any
	for _, u := range users {
		sb.WriteString("(?, ?, ?),")
		args = append(args, u.Name, u.Age, u.Active)
	}
	return db.Exec("INSERT INTO users (name, age, active) VALUES "+strings.TrimSuffix(sb.String(), ","), args...).Error // want `^gorm Exec binds 3 parameters per element of users: past 21845 elements it exceeds the 65535-parameter limit; .*InsertChunks`
}
