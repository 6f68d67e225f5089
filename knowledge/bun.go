package knowledge

// BunPath is bun.
const BunPath = "github.com/uptrace/bun"

// Bun is bun. bun.In and bun.List expand a slice after IN.
var Bun = Library{
	Key:   "bun",
	Paths: []string{BunPath},
	Tx:    []TypeName{{BunPath, "Tx"}},
	Pool:  []TypeName{{BunPath, "DB"}},
	Runners: []Callback{
		{Func{BunPath, "DB", "RunInTx"}, 2, false},
		{Func{BunPath, "Conn", "RunInTx"}, 2, false},
		{Func{BunPath, "Tx", "RunInTx"}, 2, false},
	},
	BatchedInsert: "bun NewInsert().Model(&slice) (one multi-row INSERT; On(\"CONFLICT ...\") for an upsert)",
	BatchedUpdate: "one set-based bun query (... WHERE id IN (?) with bun.List(ids)), or NewUpdate().Model(&slice).Bulk()",
	BatchedSet:    "one set-based bun query (... WHERE id IN (?) with bun.List(ids))",
	Bulk: map[string]string{
		"INSERT": "bun NewInsert().Model(&slice)",
		"UPDATE": "bun NewUpdate().Model(&slice).Bulk() or one set-based Where",
		"DELETE": "bun NewDelete().Model(&slice).WherePK()",
	},
	ExpandsInList: true,
}
