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
// A finding reads:
//
//	import.go:41:9: gorm Create binds 4 parameters per row of users: past 16383 rows it exceeds the
//	65535-parameter limit; use CreateInBatches(&rows, n)
//		import.go:33:2: the loop over sc.Scan() grows users
//
// # Why
//
// Postgres's extended protocol and MySQL's prepared statements count a statement's bind parameters
// in 16 bits: at most 65535. pgx refuses more before sending anything (`extended protocol limited to
// 65535 parameters`). A multi-row `INSERT` binds rows × columns parameters, so it breaks at
// 65535 / columns rows: 9362 rows of 7 columns, 16383 of 4. `TestInsertChunksStaysWithinTheParameterLimit`
// (runtime/pgbatch, against a real Postgres) shows a 65535-parameter `INSERT` going through and one
// parameter more refused, and the chunked form writing every row.
//
// The chunked forms: [runtime/pgbatch](../../runtime/pgbatch)`.InsertChunks` (database/sql) and
// `InsertChunksPgx`, which size each statement to the limit; gorm's `CreateInBatches(&rows, n)`
// (or `CreateBatchSize` on the `gorm.Config` or `Session`); one ent `CreateBulk` per chunk
// (`slices.Chunk`); `COPY` (pgx `CopyFrom`), which has no parameters at all; for an `IN` list with
// pgx, `= ANY($1)` with the slice as one array parameter.
//
// # What is reported
//
// | Library | Shape | Columns counted from |
// |---|---|---|
// | database/sql, pgx (v5 and v4), sqlx, gorm's `Exec`/`Raw`, pgx's `Batch.Queue` | an SQL call (`Exec`, `Query`, `QueryRow` and their forms, as the registry lists them) that spreads an argument slice (`db.Exec(ctx, q, args...)`) grown by a loop that appends a fixed number of values per element | the values appended per iteration |
// | gorm (gorm.io/gorm) | `Create(&rows)` / `Create(rows)` of a slice, when the package sets no `CreateBatchSize` | the model's fields |
// | ent (generated client) | `CreateBulk(builders...)`, `MapCreateBulk(rows, fn)` (both save through one `INSERT` in `sqlgraph.BatchCreate`) | the entity's fields |
//
// A model's columns are its exported fields holding a value (basic types, `[]byte`, `time.Time`, a
// `driver.Valuer`; embedded structs flattened). Relations, `gorm:"-"` fields and an integer `ID`
// filled by the database are not counted, so the row count in the message is where the statement
// breaks at the latest.
//
// The slice's length comes from the input when it is:
//
//   - a parameter of the function declaration that makes the call, never reassigned, unless the
//     package calls that function from a chunk loop or with a reslice, or passes it on as a value (a
//     batcher's flush callback); or
//   - a local that starts empty (`nil`, `{}`, `make(T, 0, n)`) and grows only by `append` in a
//     per-element loop (as `passes/loops` decides) over a parameter, a channel, a call's results (query
//     rows, a `bufio.Scanner`, an iterator), or a read loop with no condition, with the call after
//     that loop.
//
// # What stays silent
//
//   - Slices bounded by the code: `rows[:100]`, a window `rows[start:end]`, a literal, a loop over a
//     literal or a constant range, a loop that compares the slice's length (a cap, a flush when full),
//     a slice that is reset (`buf = buf[:0]`) or reassigned, or whose address is passed elsewhere.
//   - Chunks: a call inside a chunk loop (`slices.Chunk`, a constant step of 10 or more) or whose slice
//     is declared inside the loop around it; `CreateInBatches`; `CreateBulk` of a chunk.
//   - A function literal's parameter: a batcher's flush callback receives a chunk.
//   - bun and go-pg: both write the values into the SQL text and send no bind parameters (bun's
//     `query_base.go` executes the formatted text with no arguments; go-pg sends a simple `Query`
//     message, `base.go`'s `writeQueryMsg`), so their bulk inserts never meet the limit.
//   - pgx `= ANY($1)` and `unnest($1::bigint[], ...)`: one array parameter per column.
//
// Known misses (in the labelled corpus as positives): a slice after gorm's `IN ?` (gorm binds one
// parameter per element), and rows spread into the argument list (`append(args, row...)`), whose
// column count the code does not show. sqlx `In` and `NamedExec` with a slice are not recognised yet.
//
// # Precision
//
// The labelled corpus (`testdata/sql/paramlimit`, `testdata/orm/paramlimit`,
// `testdata/orm/paramlimitbatch`, labelled before the rule ran; two look-alikes for callers that
// chunk and a `rows.Scan(dest...)` were added with the rules that handle them): 34 positives and 42
// look-alikes, precision
// 1.000, recall 0.941. `TestCorpus` lists the lines it gets wrong, with the reason for each, in
// `known.tsv` in `testdata/sql/paramlimit` and `testdata/orm/paramlimit`, and fails when its misses
// or false positives differ from those lists in either direction.
//
// On the real-code sweep's eleven SQL and ORM repositories (`docs/realcode/repos.tsv`: listmonk,
// miniflux, shiori, simplebank, go-clean-template, tg-spam, writefreely, gotify, homebox, go-base,
// go-realworld-example-app; tg-spam and writefreely only in part, since the module proxy refused one
// dependency of each), `batchlint -paramlimit` reports nothing: their statements over many values
// bind arrays (`pq.Array`, `= ANY`) or come from a query builder, and their ORM saves are of one
// object. With no finding to
// judge, its precision on real code is unmeasured, which is why it ships off.
//
// # Suppressing
//
//	//batchlint:ignore paramlimit -- the API caps a request at 500 items
package paramlimit
