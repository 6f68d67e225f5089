package knowledge

// BunPath is bun.
const BunPath = "github.com/uptrace/bun"

// Bun is bun. bun.In and bun.List expand a slice after IN.
var Bun = Library{
	Key:   "bun",
	Paths: []string{BunPath},
	// The query methods of *bun.DB, bun.Tx, bun.Conn and the bun.IConn
	// interface (bun.IDB), which shadow database/sql's.
	SQLCalls: calls(BunPath, []string{"DB", "Tx", "Conn", "IConn"}, map[string]shape{
		"Exec": {0, -1, true}, "ExecContext": {1, -1, true},
		"Query": {0, -1, false}, "QueryContext": {1, -1, false},
		"QueryRow": {0, -1, false}, "QueryRowContext": {1, -1, false},
	}),
	// db.NewRaw(query, args...) and bun.NewRawQuery(db, query, args...),
	// run by Exec or Scan.
	Raw: &RawQuery{
		Runs: []RawRun{{TypeName{BunPath, "RawQuery"}, "Exec", true}, {TypeName{BunPath, "RawQuery"}, "Scan", false}},
		Text: map[string]int{"NewRaw": 0, "NewRawQuery": 1},
		Pass: []string{"Conn", "Comment", "Err"},
	},
	ORM: true,
	// The query builders' Exec and Scan write the chain's model. bun
	// refuses an update or a delete without a Where: WherePK makes it the
	// model's row, any other condition, Bulk or a WITH a set.
	ModelWrites: bunWrites(map[string]string{"InsertQuery": "INSERT", "UpdateQuery": "UPDATE", "DeleteQuery": "DELETE"}),
	Chain: &Chain{
		Model:    map[string]int{"Model": 0},
		Key:      "WherePK",
		SetBased: []string{"Where", "WhereOr", "WhereGroup", "Bulk", "With", "WithRecursive", "TableExpr"},
	},
	Fix:     &BulkFix{Shape: FixModel},
	TxShape: TxType,
	Tx:      []TypeName{{BunPath, "Tx"}},
	Pool:    []TypeName{{BunPath, "DB"}, {BunPath, "Conn"}},
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

func bunWrites(ops map[string]string) []ModelWrite {
	var ws []ModelWrite
	for typ, op := range ops {
		for _, name := range []string{"Exec", "Scan"} {
			ws = append(ws, ModelWrite{Recv: TypeName{BunPath, typ}, Name: name, Op: op, Shape: QueryModel, Arg: -1})
		}
	}
	return ws
}

func init() { register(&Bun) }
