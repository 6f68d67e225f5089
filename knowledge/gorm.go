package knowledge

import (
	"reflect"
	"strings"
)

// GormPath is gorm v2.
const GormPath = "gorm.io/gorm"

// gormTag is the struct tag gorm reads a field's options from
// (schema/field.go: ParseTagSetting(fieldStruct.Tag.Get("gorm"), ";")).
const gormTag = "gorm"

// GormOmits reports that a field's struct tag keeps it out of gorm's
// statements: "-" and "-:all" (no read, no write); "-:migration" still
// writes it.
func GormOmits(tag string) bool {
	g := reflect.StructTag(tag).Get(gormTag)
	return g == "-" || strings.HasPrefix(g, "-:all")
}

// GormPrimaryKey reports that a field named name with struct tag tag is a
// primary key: gorm's convention (a field named ID) or its tag
// (primaryKey; primary_key before v2).
func GormPrimaryKey(name, tag string) bool {
	if name == "ID" {
		return true
	}
	g := strings.ToLower(reflect.StructTag(tag).Get(gormTag))
	return strings.Contains(g, "primarykey") || strings.Contains(g, "primary_key")
}

// Gorm is gorm. *gorm.DB is a pool and a transaction alike, so neither
// list holds it; a Begin() or a Transaction callback's parameter is a
// transaction. Raw SQL through it expands any slice after IN.
var Gorm = Library{
	Key:   "gorm",
	Paths: []string{GormPath},
	// db.Exec(sql, values...) and gorm.G[T](db).Exec(ctx, sql, values...).
	// db.Raw(sql, values...) run by Scan, Find, Row or Rows is matched as a
	// chain by the passes.
	SQLCalls: []SQLCall{
		{TypeName{GormPath, "DB"}, "Exec", 0, -1, true},
		{TypeName{GormPath, "Interface"}, "Exec", 1, -1, true},
	},
	ORM:           true,
	Runners:       []Callback{{Func{GormPath, "DB", "Transaction"}, 0, false}},
	BatchedInsert: "gorm CreateInBatches(&rows, n) (one multi-row INSERT per batch)",
	BatchedSet:    "one set-based gorm Exec (WHERE id IN ? with the slice of keys)",
	Bulk: map[string]string{
		"INSERT":        "gorm Create(&slice) or CreateInBatches(&slice, n)",
		"UPSERT":        "gorm Save(&slice) (one multi-row upsert) or CreateInBatches with clause.OnConflict",
		"FirstOrCreate": "gorm Create(&slice) with clause.OnConflict{DoNothing: true}",
		"UPDATE":        "one set-based gorm Update with a Where, or Save(&slice) (one multi-row upsert)",
		"DELETE":        "gorm Delete(&T{}, ids) with the slice of keys, or one Where(...).Delete(&T{})",
		// gorm.G[T](db).Create(ctx, &v), the generics API.
		"G.Create": "gorm.G[T](db).CreateInBatches(ctx, &slice, n)",
	},
	ExpandsInList: true,
	// Create of a slice is one INSERT binding every field of every row;
	// with CreateBatchSize set it calls CreateInBatches (finisher_api.go).
	Params: &Params{
		Bulk:  []BulkCall{{Func: Func{GormPath, "DB", "Create"}, Arg: 0}},
		Binds: []Func{{GormPath, "DB", "Raw"}},
		BatchSize: []Field{
			{TypeName{GormPath, "Config"}, "CreateBatchSize"},
			{TypeName{GormPath, "Session"}, "CreateBatchSize"},
		},
		Chunked: "use CreateInBatches(&rows, n)",
	},
}
