package knowledge

// BunPath is bun.
const BunPath = "github.com/uptrace/bun"

// Bun is bun. bun.In and bun.List expand a slice after IN.
var Bun = Library{
	Key:   "bun",
	Paths: []string{BunPath},
	// The query methods of *bun.DB, bun.Tx, bun.Conn and the bun.IConn
	// interface (bun.IDB), which shadow database/sql's. NewRaw(query,
	// args...).Exec/Scan is matched as a chain by the passes.
	SQLCalls: calls(BunPath, []string{"DB", "Tx", "Conn", "IConn"}, map[string]shape{
		"Exec": {0, -1, true}, "ExecContext": {1, -1, true},
		"Query": {0, -1, false}, "QueryContext": {1, -1, false},
		"QueryRow": {0, -1, false}, "QueryRowContext": {1, -1, false},
	}),
	ORM:  true,
	Tx:   []TypeName{{BunPath, "Tx"}},
	Pool: []TypeName{{BunPath, "DB"}, {BunPath, "Conn"}},
	Runners: []Callback{
		{Func{BunPath, "DB", "RunInTx"}, 2, false},
		{Func{BunPath, "Conn", "RunInTx"}, 2, false},
		{Func{BunPath, "Tx", "RunInTx"}, 2, false},
	},
	BatchedInsert: "bun NewInsert().Model(&slice) (one multi-row INSERT)",
	BatchedUpdate: "bun NewUpdate().Model(&slice).Bulk() or one set-based query (bun.List(ids))",
	BatchedSet:    "one set-based bun query (WHERE id IN (?) with bun.List(ids))",
	Bulk: map[string]string{
		"INSERT": "bun NewInsert().Model(&slice)",
		"UPDATE": "bun NewUpdate().Model(&slice).Bulk() or one set-based Where",
		"DELETE": "bun NewDelete().Model(&slice).WherePK()",
	},
	ExpandsInList: true,
	// bun formats values into the text and executes it with no arguments
	// (query_base.go's exec): its bulk inserts carry no bind parameters.
	Params: &Params{Inlines: true},
}
