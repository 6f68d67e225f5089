package knowledge

// pgx v4 (checked against v4.18.3): the API of v5 with interface{} for any,
// transaction runners as methods (BeginFunc, BeginTxFunc) instead of
// package functions, and QueryFunc, which calls its function once per row
// read. Its pgconn is a module of its own. batchlint's runtime/pgbatch takes
// v5 connections, so it is not recommended here.
const (
	PgxV4Path     = "github.com/jackc/pgx/v4"
	PgxV4poolPath = PgxV4Path + "/pgxpool"
	PgconnV1Path  = "github.com/jackc/pgconn"
)

// PgxV4 is pgx v4.
var PgxV4 = Library{
	Key:      "pgx/v4",
	Paths:    []string{PgxV4Path, PgxV4poolPath, PgconnV1Path},
	Database: &Database{Postgres, []string{PgxV4Path, PgxV4poolPath, PgxV4Path + "/stdlib"}},
	Tx:       []TypeName{{PgxV4Path, "Tx"}, {PgxV4poolPath, "Tx"}},
	Pool:     []TypeName{{PgxV4poolPath, "Pool"}, {PgxV4Path, "Conn"}, {PgxV4poolPath, "Conn"}},
	Runners: []Callback{
		{Func{PgxV4Path, "Conn", "BeginFunc"}, 1, false},
		{Func{PgxV4Path, "Conn", "BeginTxFunc"}, 2, false},
		{Func{PgxV4Path, "Tx", "BeginFunc"}, 1, false},
		{Func{PgxV4poolPath, "Pool", "BeginFunc"}, 1, false},
		{Func{PgxV4poolPath, "Pool", "BeginTxFunc"}, 2, false},
		{Func{PgxV4poolPath, "Pool", "AcquireFunc"}, 1, false},
		{Func{PgxV4poolPath, "Conn", "BeginFunc"}, 1, false},
		{Func{PgxV4poolPath, "Conn", "BeginTxFunc"}, 2, false},
		{Func{PgxV4poolPath, "Tx", "BeginFunc"}, 1, false},
	},
	Iterators:  pgxV4QueryFuncs(),
	SQLCalls:   pgxSQLCalls(pgxV4Conns),
	BatchSends: pgxBatchSends(pgxV4Conns, TypeName{PgxV4Path, "Batch"}),
	Sizers:     []TypeName{{PgxV4Path, "Batch"}},
	Results: &SQLResults{
		Exec:  []TypeName{{PgconnV1Path, "CommandTag"}},
		Query: []TypeName{{PgxV4Path, "Row"}, {PgxV4Path, "Rows"}},
	},
	BatchedInsert: "pgx CopyFrom (COPY) or a pgx.Batch",
	BatchedSet:    "one set-based statement (unnest or WHERE id = ANY($1)) or a pgx.Batch",
	BatchedAny:    "a pgx.Batch, or one multi-row or set-based statement per chunk of rows",
	Params:        &Params{Chunked: "chunk it, use CopyFrom, or = ANY($1) for a list"},
}

// pgxV4Conns are the pgx v4 types whose Exec, Query, QueryRow and
// SendBatch pgx v5's take.
var pgxV4Conns = []TypeName{{PgxV4Path, "Conn"}, {PgxV4Path, "Tx"}, {PgxV4poolPath, "Pool"}, {PgxV4poolPath, "Conn"}, {PgxV4poolPath, "Tx"}}

// pgxV4QueryFuncs: QueryFunc(ctx, sql, args, scans, f) calls f per row.
func pgxV4QueryFuncs() []Callback {
	var cbs []Callback
	for _, t := range pgxV4Conns {
		cbs = append(cbs, Callback{Func{t.Pkg, t.Name, "QueryFunc"}, 4, false})
	}
	return cbs
}

func init() { register(&PgxV4) }
