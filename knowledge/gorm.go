package knowledge

// GormPath is gorm v2.
const GormPath = "gorm.io/gorm"

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
