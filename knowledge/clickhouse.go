package knowledge

// clickhouse-go v2 (checked against v2.51.0). Every INSERT creates a part
// on the server that background merges must fold in, so an INSERT per row
// costs more than a round trip: thousands of tiny parts, then "too many
// parts" errors. A batch (PrepareBatch, Append per row, one Send) is one
// INSERT; an async insert (a context from clickhouse.Context with
// WithAsync, or the async_insert setting) is buffered by the server.
// ClickHouse has no transactions: a Conn is a pool.
const (
	ClickhousePath       = "github.com/ClickHouse/clickhouse-go/v2"
	ClickhouseDriverPath = ClickhousePath + "/lib/driver"
)

// Clickhouse is clickhouse-go v2's native API; its database/sql driver is
// database/sql's.
var Clickhouse = Library{
	Key:   "clickhouse-go",
	Paths: []string{ClickhousePath, ClickhouseDriverPath},
	// ClickHouse has no fix wording of its own: a file that imports it
	// beside another database's driver runs SQL on either.
	Database: &Database{UnknownDialect, nil},
	Pool:     []TypeName{{ClickhouseDriverPath, "Conn"}},
	SQLCalls: calls(ClickhouseDriverPath, []string{"Conn"}, map[string]shape{
		"Exec": {1, -1, true}, "Query": {1, -1, false}, "QueryRow": {1, -1, false}, "Select": {2, -1, false},
	}),
	Prepares: []Prepare{{TypeName{ClickhouseDriverPath, "Conn"}, "PrepareBatch", 1, -1}},
	BatchSends: []BatchSend{{
		Recv: TypeName{ClickhouseDriverPath, "Batch"}, Name: "Send", Arg: -1,
		Batch: TypeName{ClickhouseDriverPath, "Batch"}, Add: []string{"Append", "AppendStruct"},
		Neutral: []string{"Abort", "Close", "IsSent", "Rows", "Columns"},
	}},
	Async:         []Func{{ClickhousePath, "", "WithAsync"}},
	BatchedInsert: "one clickhouse-go batch for many rows (PrepareBatch, Append per row, one Send per 10k–1M rows) or async inserts (clickhouse.WithAsync)",
	BatchedSet:    "one statement for the whole set (ALTER TABLE ... UPDATE/DELETE WHERE id IN (...), or a lightweight DELETE with IN)",
}

func init() { register(&Clickhouse) }
