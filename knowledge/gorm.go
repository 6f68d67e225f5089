package knowledge

// GormPath is gorm v2.
const GormPath = "gorm.io/gorm"

func gormRawRuns(recvs, names []string) []RawRun {
	var rs []RawRun
	for _, r := range recvs {
		for _, n := range names {
			rs = append(rs, RawRun{TypeName{GormPath, r}, n, false})
		}
	}
	return rs
}

// Gorm is gorm. *gorm.DB is a pool and a transaction alike, so neither
// list holds it; a Begin() or a Transaction callback's parameter is a
// transaction. Raw SQL through it expands any slice after IN.
var Gorm = Library{
	Key:   "gorm",
	Paths: []string{GormPath},
	// db.Exec(sql, values...) and gorm.G[T](db).Exec(ctx, sql, values...).
	SQLCalls: []SQLCall{
		{TypeName{GormPath, "DB"}, "Exec", 0, -1, true},
		{TypeName{GormPath, "Interface"}, "Exec", 1, -1, true},
	},
	// db.Raw(sql, values...) run by Scan, Find, Row or Rows (a write with
	// RETURNING).
	Raw: &RawQuery{
		Runs: gormRawRuns([]string{"DB", "ExecInterface"}, []string{"Scan", "Find", "Row", "Rows"}),
		Text: map[string]int{"Raw": 0},
		Pass: []string{"WithContext", "Session", "Debug"},
	},
	ORM: true,
	// Create, Save and FirstOrCreate save their argument; the generics
	// API, gorm.G[T](db).Create(ctx, &v), its second. Delete deletes its
	// argument's row; the Update methods the chain's Model's (Updates'
	// argument's without one).
	ModelWrites: []ModelWrite{
		{Recv: TypeName{GormPath, "DB"}, Name: "Create", Op: "INSERT", Shape: ModelArg},
		{Recv: TypeName{GormPath, "DB"}, Name: "Save", Op: "UPSERT", Shape: ModelArg},
		{Recv: TypeName{GormPath, "CreateInterface"}, Name: "Create", Op: "INSERT", Bulk: "G.Create", Shape: ModelArg, Arg: 1},
		{Recv: TypeName{GormPath, "DB"}, Name: "FirstOrCreate", Op: "UPSERT", Bulk: "FirstOrCreate", Shape: ModelArg},
		{Recv: TypeName{GormPath, "DB"}, Name: "Delete", Op: "DELETE", Shape: KeyedDelete},
		{Recv: TypeName{GormPath, "DB"}, Name: "Updates", Op: "UPDATE", Shape: ChainUpdate},
		{Recv: TypeName{GormPath, "DB"}, Name: "Update", Op: "UPDATE", Shape: ChainUpdate, Arg: -1},
		{Recv: TypeName{GormPath, "DB"}, Name: "UpdateColumn", Op: "UPDATE", Shape: ChainUpdate, Arg: -1},
		{Recv: TypeName{GormPath, "DB"}, Name: "UpdateColumns", Op: "UPDATE", Shape: ChainUpdate, Arg: -1},
		// gorm.G[T](db).Where("id = ?", id).Update(ctx, ...): the generics
		// API's writes of the rows its chain selects.
		{Recv: TypeName{GormPath, "ChainInterface"}, Name: "Update", Op: "UPDATE", Shape: TypeArgModel},
		{Recv: TypeName{GormPath, "ChainInterface"}, Name: "Updates", Op: "UPDATE", Shape: TypeArgModel},
		{Recv: TypeName{GormPath, "ChainInterface"}, Name: "Delete", Op: "DELETE", Shape: TypeArgModel},
	},
	// gorm adds the loaded row's primary key to a Where (optimistic
	// locking, tenant checks): Where, Or and Not on the loop's element
	// still touch one row.
	Chain: &Chain{
		Model: map[string]int{"Model": 0},
		Neutral: []string{
			"WithContext", "Session", "Debug", "Omit", "Select", "Table", "Clauses",
			"Unscoped", "Set", "InstanceSet", "Begin",
		},
		Where: []string{"Where", "Or", "Not"},
		// Where("id = ?", id) finds one row; Or widens the condition.
		KeyWhere: "Where",
		Widen:    []string{"Or"},
	},
	// schema/field.go: ParseTagSetting(fieldStruct.Tag.Get("gorm"), ";").
	// "-" and "-:all" keep a field out (no read, no write); "-:migration"
	// still writes it. A field named ID is the key by convention;
	// primaryKey (primary_key before v2) makes one.
	Tags: &Tags{
		Key: "gorm", Omit: []string{"-"}, OmitPrefix: []string{"-:all"},
		PrimaryKey: "ID", PrimaryKeyOpts: []string{"primarykey", "primary_key"},
		Column: "column",
	},
	Runners: []Callback{{Func{GormPath, "DB", "Transaction"}, 0, false}},
	TxShape: TxOrigin,
	Begins:  []Func{{GormPath, "DB", "Begin"}},
	// Not Create(&slice): one INSERT of all its rows fails past 65535 bind
	// parameters.
	Fix:           &BulkFix{Shape: FixMethod, From: "Create", To: "CreateInBatches"},
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

func init() { register(&Gorm) }
