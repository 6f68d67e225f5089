package knowledge

import "slices"

// go-pg v10: the root package holds pg.DB, pg.Conn, pg.Tx, pg.DBI and
// pg.In; the orm package the query builder.
const (
	GopgPath    = "github.com/go-pg/pg/v10"
	GopgORMPath = GopgPath + "/orm"
)

var gopgText = map[string]shape{
	"Exec": {0, -1, true}, "ExecContext": {1, -1, true},
	"ExecOne": {0, -1, true}, "ExecOneContext": {1, -1, true},
	"Query": {1, -1, false}, "QueryContext": {2, -1, false},
	"QueryOne": {1, -1, false}, "QueryOneContext": {2, -1, false},
}

// Gopg is go-pg. It defines RunInTransaction on the unexported baseDB,
// which pg.DB and pg.Conn embed, and on pg.Tx. pg.In expands a slice after
// IN.
var Gopg = Library{
	Key:   "go-pg",
	Paths: []string{GopgPath, GopgORMPath},
	// db.Exec(query, params...), db.Query(model, query, params...) and
	// their One and Context forms. *pg.DB and *pg.Conn have them from the
	// *baseDB they embed, *pg.Tx its own; pg.DBI and orm.DB are the
	// interfaces over both. Query runs the text too: a write with RETURNING.
	SQLCalls: slices.Concat(
		calls(GopgPath, []string{"baseDB", "Tx", "DBI"}, gopgText),
		calls(GopgORMPath, []string{"DB"}, gopgText),
	),
	ORM:  true,
	Tx:   []TypeName{{GopgPath, "Tx"}},
	Pool: []TypeName{{GopgPath, "DB"}},
	Runners: []Callback{
		{Func{GopgPath, "baseDB", "RunInTransaction"}, 1, false},
		{Func{GopgPath, "Tx", "RunInTransaction"}, 1, false},
	},
	BatchedInsert: "go-pg db.Model(&slice).Insert() (one multi-row INSERT)",
	BatchedUpdate: "go-pg db.Model(&slice).WherePK().Update() or one set-based Exec (pg.In(ids))",
	BatchedSet:    "one set-based go-pg Exec (WHERE id IN (?) with pg.In(ids))",
	Bulk: map[string]string{
		"INSERT": "go-pg db.Model(&slice).Insert() or db.CopyFrom",
		"UPDATE": "go-pg db.Model(&slice).WherePK().Update()",
		"DELETE": "go-pg db.Model(&slice).WherePK().Delete()",
	},
	ExpandsInList: true,
	// go-pg formats values into the text and sends it as a simple Query
	// message (base.go's writeQueryMsg); only its prepared statements bind.
	Params: &Params{Inlines: true},
}
