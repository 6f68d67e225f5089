package knowledge

// pgx v5 (checked against v5.12.0). CopyFrom is COPY; a Batch is judged at
// SendBatch. v4 is pgxv4.go.
const (
	PgxPath     = "github.com/jackc/pgx/v5"
	PgxpoolPath = PgxPath + "/pgxpool"
	PgconnPath  = PgxPath + "/pgconn"
)

// Pgx is pgx v5.
//
// pgxpool has AcquireFunc but no Pool.BeginFunc: a pool goes through
// pgx.BeginFunc. ForEachRow scans each row and calls fn, and AppendRows and
// CollectRows call their RowToFunc once per row: a literal passed to them is
// the body of a for rows.Next() loop. CollectOneRow and CollectExactlyOneRow
// call theirs for one row only, so they are absent.
var Pgx = Library{
	Key:   "pgx",
	Paths: []string{PgxPath, PgxpoolPath, PgconnPath},
	// Every package below PgxPath (pgtype, stdlib) is Postgres's.
	Database: &Database{Postgres, []string{PgxPath, PgxpoolPath, PgxPath + "/stdlib"}},
	Tx:       []TypeName{{PgxPath, "Tx"}, {PgxpoolPath, "Tx"}},
	Pool:     []TypeName{{PgxpoolPath, "Pool"}, {PgxPath, "Conn"}, {PgxpoolPath, "Conn"}},
	Runners: []Callback{
		{Func{PgxPath, "", "BeginFunc"}, 2, false},
		{Func{PgxPath, "", "BeginTxFunc"}, 3, false},
		{Func{PgxpoolPath, "Pool", "AcquireFunc"}, 1, false},
	},
	Iterators: []Callback{
		{Func{PgxPath, "", "ForEachRow"}, 2, false},
		{Func{PgxPath, "", "AppendRows"}, 2, false},
		{Func{PgxPath, "", "CollectRows"}, 1, false},
	},
	SQLCalls: pgxSQLCalls(PgxConns),
	// Exec and Query take a statement's name in place of its text.
	NamedPrepares: []NamedPrepare{
		{Func{PgxPath, "Conn", "Prepare"}, 1, 2}, {Func{PgxPath, "Tx", "Prepare"}, 1, 2},
		{Func{PgxpoolPath, "Tx", "Prepare"}, 1, 2}, {Func{PgconnPath, "PgConn", "Prepare"}, 1, 2},
	},
	Results: &SQLResults{
		Exec:  []TypeName{{PgconnPath, "CommandTag"}},
		Query: []TypeName{{PgxPath, "Row"}, {PgxPath, "Rows"}},
	},
	BatchSends:    pgxBatchSends(PgxConns, TypeName{PgxPath, "Batch"}),
	Sizers:        []TypeName{{PgxPath, "Batch"}},
	BatchedInsert: "pgx CopyFrom or a pgx.Batch (runtime/pgbatch.Writer)",
	BatchedSet:    "one set-based statement (unnest or WHERE id = ANY($1)) or a pgx.Batch",
	BatchedAny:    "a pgx.Batch, or one multi-row or set-based statement per chunk of rows",
	Params: &Params{
		Binds:   []Func{{PgxPath, "Batch", "Queue"}},
		Chunked: "chunk it (runtime/pgbatch.InsertChunksPgx), use CopyFrom or = ANY($1)",
	},
}

// pgxSQLCalls: Exec, Query and QueryRow of conns take the SQL text after
// the context.
func pgxSQLCalls(conns []TypeName) []SQLCall {
	var cs []SQLCall
	for _, t := range conns {
		cs = append(cs, calls(t.Pkg, []string{t.Name}, map[string]shape{
			"Exec": {1, -1, true}, "Query": {1, -1, false}, "QueryRow": {1, -1, false},
		})...)
	}
	return cs
}

// pgxBatchSends: SendBatch(ctx, b) of conns sends the batch filled by Queue.
func pgxBatchSends(conns []TypeName, batch TypeName) []BatchSend {
	var bs []BatchSend
	for _, t := range conns {
		bs = append(bs, BatchSend{t, "SendBatch", 1, batch, []string{"Queue"}, []string{"Len"}})
	}
	return bs
}

// PgxConns are the pgx types whose Exec, Query and QueryRow take SQL text.
var PgxConns = []TypeName{{PgxPath, "Conn"}, {PgxPath, "Tx"}, {PgxpoolPath, "Pool"}, {PgxpoolPath, "Conn"}, {PgxpoolPath, "Tx"}}

func init() { register(&Pgx) }
