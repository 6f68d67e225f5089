// Package paramlimit defines an Analyzer that reports statements whose bind
// parameters grow with unbounded input.
//
// # Analyzer paramlimit
//
// paramlimit: report one statement over a slice of unbounded size (the 65535 bind parameter limit)
//
// Off by default: its precision on real code is not measured yet. Turn it on
// with `enabled: true` under `analyzers: paramlimit:` in .batchlint.yml, or
// run it alone with -paramlimit.
//
// Postgres's extended protocol and MySQL's prepared statements carry at most
// 65535 bind parameters per statement; pgx refuses more with "extended
// protocol limited to 65535 parameters". A multi-row INSERT binds rows ×
// columns parameters, so one built over the whole input works in tests and
// fails in production once the input passes 65535 / columns rows. The
// chunked forms stay under the limit: runtime/pgbatch.InsertChunks (or
// InsertChunksPgx), gorm's CreateInBatches, one CreateBulk per chunk, COPY.
//
// paramlimit reports, executed once with every element of a slice whose
// length comes from the input:
//
//   - an SQL call of database/sql, pgx, sqlx or gorm (Exec, Query, QueryRow
//     and their forms, as the registry lists them; gorm's Raw; pgx's
//     Batch.Queue) that spreads an argument slice (db.Exec(ctx, query,
//     args...)), where a loop
//     appends a fixed number of values per element to that slice: a
//     multi-row INSERT or an IN (...) list built from placeholders. The
//     number of values appended per iteration is the column count.
//   - gorm's Create(&rows) of a slice, unless the package sets
//     CreateBatchSize on a gorm.Config or gorm.Session (gorm then calls
//     CreateInBatches itself).
//   - ent's generated CreateBulk(builders...) and MapCreateBulk(rows, fn):
//     both save through one INSERT of every builder.
//
// The column count of an ORM row is the number of its exported fields that
// hold a value (embedded structs flattened; relations, gorm:"-" fields and
// an integer ID that the database fills are not counted), so the row count
// in the message is where the statement breaks at the latest.
//
// A slice's length comes from the input when it is a parameter of the
// function declaration that makes the call and is never reassigned (unless
// the package calls that function from a chunk loop or with a reslice, or
// passes it on as a value, a batcher's flush callback), or a
// local that starts empty and grows only by append in a per-element loop
// (as passes/loops decides) over a parameter, a channel, a call's results
// (query rows, a scanner, an iterator) or a read loop with no condition,
// and the call follows that loop. The size is bounded by the code, and
// nothing is reported, when the slice is a reslice or a literal, when the
// loop ranges over a literal or a constant-bounded reslice or is a chunk,
// retry or constant-bound loop, when the loop looks at the slice's length
// (a cap, a flush when full), when the slice is reset or its address
// escapes, when the call is inside the loop, and for the parameters of a
// function literal (a batcher's flush callback receives a chunk).
//
// bun and go-pg are never reported: both write the values into the SQL
// text (bun's query_base.go exec, go-pg's simple Query message) and send
// no bind parameters, so their bulk inserts never meet the limit.
//
// Suppress a slice that is bounded elsewhere with a reason:
//
//	//batchlint:ignore paramlimit -- the API caps a request at 500 items
package paramlimit
