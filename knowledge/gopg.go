package knowledge

import "slices"

// go-pg v10, v9 and v8 (and earlier, whose module path has no version):
// each root package holds pg.DB, pg.Conn, pg.Tx and pg.In (v10 pg.DBI too),
// its orm package the query builder. Their APIs are alike (checked against
// v10.11.0, v9.2.1 and v8.0.7); v9 and v8 also save one model with
// db.Insert, db.Update and db.Delete, which v10 dropped.
const (
	GopgPath   = "github.com/go-pg/pg/v10"
	GopgV9Path = "github.com/go-pg/pg/v9"
	GopgV8Path = "github.com/go-pg/pg"
)

// gopgRoots are go-pg's root packages, newest first; each has its query
// builder at root + "/orm".
var gopgRoots = []string{GopgPath, GopgV9Path, GopgV8Path}

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
	Paths: gopgEach(func(root string) []string { return []string{root, root + "/orm"} }),
	// db.Exec(query, params...), db.Query(model, query, params...) and
	// their One and Context forms. *pg.DB and *pg.Conn have them from the
	// *baseDB they embed, *pg.Tx its own; pg.DBI (v10) and orm.DB are the
	// interfaces over both. Query runs the text too: a write with RETURNING.
	SQLCalls: gopgEach(func(root string) []SQLCall {
		return slices.Concat(
			calls(root, []string{"baseDB", "Tx", "DBI"}, gopgText),
			calls(root+"/orm", []string{"DB"}, gopgText),
		)
	}),
	ORM: true,
	// orm.Query's writes save the model db.Model(&u) (or ModelContext)
	// started the chain with; go-pg refuses an update or a delete without
	// a Where, and WherePK makes it the model's row. The v9 and v8 methods
	// of pg.DB (its embedded baseDB) and pg.Tx save the model they are
	// given (v10 dropped them; they are absent from its packages).
	ModelWrites: gopgEach(func(root string) []ModelWrite {
		var ws []ModelWrite
		for _, q := range []struct{ name, op string }{
			{"Insert", "INSERT"}, {"Update", "UPDATE"}, {"UpdateNotZero", "UPDATE"}, {"Delete", "DELETE"}, {"ForceDelete", "DELETE"},
		} {
			ws = append(ws, ModelWrite{Recv: TypeName{root + "/orm", "Query"}, Name: q.name, Op: q.op, Shape: RootModel, Arg: -1, Start: root})
		}
		for _, m := range []struct{ name, op string }{{"Insert", "INSERT"}, {"Update", "UPDATE"}, {"Delete", "DELETE"}, {"ForceDelete", "DELETE"}} {
			for _, recv := range []string{"baseDB", "Tx"} {
				ws = append(ws, ModelWrite{Recv: TypeName{root, recv}, Name: m.name, Op: m.op, Shape: ModelArg})
			}
		}
		return ws
	}),
	Chain: &Chain{
		Model:   map[string]int{"Model": 0, "ModelContext": 1},
		Neutral: []string{"Context", "WherePK", "Returning", "Column", "ExcludeColumn", "OnConflict"},
		Key:     "WherePK",
	},
	TxShape: TxType,
	Tx:      gopgEach(func(root string) []TypeName { return []TypeName{{root, "Tx"}} }),
	Pool:    gopgEach(func(root string) []TypeName { return []TypeName{{root, "DB"}, {root, "Conn"}} }),
	Runners: gopgEach(func(root string) []Callback {
		return []Callback{
			{Func{root, "baseDB", "RunInTransaction"}, 1, false},
			{Func{root, "Tx", "RunInTransaction"}, 1, false},
		}
	}),
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

// gopgEach concatenates what each go-pg root package contributes.
func gopgEach[T any](of func(root string) []T) []T {
	var all []T
	for _, root := range gopgRoots {
		all = append(all, of(root)...)
	}
	return all
}

func init() { register(&Gopg) }
