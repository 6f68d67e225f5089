package knowledge

// go-pg v10: the root package holds pg.DB, pg.Conn, pg.Tx, pg.DBI and
// pg.In; the orm package the query builder.
const (
	GopgPath    = "github.com/go-pg/pg/v10"
	GopgORMPath = GopgPath + "/orm"
)

// Gopg is go-pg. It defines RunInTransaction on the unexported baseDB,
// which pg.DB and pg.Conn embed, and on pg.Tx. pg.In expands a slice after
// IN.
var Gopg = Library{
	Key:   "go-pg",
	Paths: []string{GopgPath, GopgORMPath},
	Tx:    []TypeName{{GopgPath, "Tx"}},
	Pool:  []TypeName{{GopgPath, "DB"}},
	Runners: []Callback{
		{Func{GopgPath, "baseDB", "RunInTransaction"}, 1, false},
		{Func{GopgPath, "Tx", "RunInTransaction"}, 1, false},
	},
	BatchedInsert: "go-pg db.Model(&slice).Insert() (one multi-row INSERT; OnConflict(\"...\") for an upsert)",
	BatchedUpdate: "one set-based go-pg Exec (... WHERE id IN (?) with pg.In(ids)), or db.Model(&slice).WherePK().Update()",
	BatchedSet:    "one set-based go-pg Exec (... WHERE id IN (?) with pg.In(ids))",
	Bulk: map[string]string{
		"INSERT": "go-pg db.Model(&slice).Insert() or db.CopyFrom",
		"UPDATE": "go-pg db.Model(&slice).WherePK().Update()",
		"DELETE": "go-pg db.Model(&slice).WherePK().Delete()",
	},
	ExpandsInList: true,
}
