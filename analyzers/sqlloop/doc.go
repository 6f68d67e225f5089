// Package sqlloop defines an Analyzer that reports SQL statements writing
// one row per iteration of a loop.
//
// # Analyzer sqlloop
//
// sqlloop: report per-row SQL writes in loops
//
// Every SQL write pays a fixed cost before its bytes: a round trip, parse
// and plan, and with autocommit a commit and a WAL flush. A loop that runs
// one INSERT, UPDATE, DELETE, upsert or MERGE per element pays it per row:
// about 1k–5k rows/s on Postgres with autocommit (measured: ~3.7k), ~3×
// that inside one transaction (~11k). A multi-row INSERT does ~200k rows/s
// at 1000 rows per statement, a pgx.Batch ~98k, and COPY 50k–500k (pgx
// CopyFrom measured ~900k).
//
// sqlloop reports, inside a loop that runs once per element (a for or range
// statement, or the function given to pgx.ForEachRow, CollectRows or
// AppendRows, which runs once per row), each call that writes one row:
//
//   - database/sql (and so lib/pq and every driver): Exec/ExecContext on
//     *sql.DB, *sql.Tx and *sql.Conn; Query/QueryRow when the statement is a
//     write (INSERT ... RETURNING, a data-modifying WITH); the same methods
//     on a *sql.Stmt, with the SQL taken from where the statement was
//     prepared: db/tx.Prepare in the same function, tx.Stmt(stmt), or a
//     struct field assigned from Prepare anywhere in the package.
//   - pgx v5: Exec, Query and QueryRow on *pgx.Conn, pgx.Tx, *pgxpool.Pool,
//     *pgxpool.Conn and *pgxpool.Tx; SendBatch of a pgx.Batch that holds a
//     single queued write made in the same iteration.
//   - pgx v4: the same calls on its types; the function given to QueryFunc
//     runs once per row read.
//   - squirrel: Exec, Query, QueryRow and Scan (and their Context forms) of
//     an Insert with one Values, or an Update or Delete with one Where,
//     built in the same chain; a builder held in a variable is not followed.
//   - clickhouse-go v2: Exec of an INSERT on a driver.Conn (not with a
//     context made with clickhouse.WithAsync: the server batches async
//     inserts), and a batch from PrepareBatch given one row and sent per
//     element.
//   - sqlx: MustExec, NamedExec with one struct or map (not a slice: that is
//     one multi-row INSERT), prepared Stmt/NamedStmt execution, and
//     Get/QueryRowx of a write with RETURNING.
//   - SQL text run through an ORM's raw API, named as that ORM: gorm's
//     Exec (and gorm.G[T](db).Exec) and Raw(...) executed by Scan, Find, Row
//     or Rows; bun's NewRaw(...).Exec/Scan and the Exec/Query/QueryRow
//     methods (and their Context forms) of *bun.DB, bun.Tx, bun.Conn and
//     bun.IDB, which format the query themselves (they shadow the *sql.DB
//     that bun.DB embeds); go-pg's Exec, ExecOne, Query and QueryOne (and
//     their Context forms; Query and QueryOne of a write with RETURNING) of
//     *pg.DB, *pg.Conn, *pg.Tx, pg.DBI and orm.DB, in v10, v9 and v8
//     (github.com/go-pg/pg) alike. A parameter that is the
//     whole list of an IN (IN ?, IN (?)) is a set there: gorm expands a
//     slice bound to it, bun bun.In and bun.List, go-pg pg.In.
//   - any interface method whose types look like Exec or QueryRow:
//     (context.Context, string, ...any) returning (pgconn.CommandTag, error),
//     (sql.Result, error), pgx.Row or *sql.Row. This is how sqlc's DBTX is
//     recognised; the generated methods then count as wrappers.
//   - a method of the program's own interface (a Database interface that
//     tests fake) when a library type above implements the whole interface
//     (types.Implements) with that very method, and the method's signature
//     names a type of the library (go-pg's Exec returning pg.Result): the
//     call is the library's. An interface no library type implements stays
//     unknown, and so does a read method of one that a library implements.
//   - calls of functions, in this package or any other, that perform one such
//     write on every call (repository methods, sqlc queries, helpers): the
//     write runs at the top level of the function or on every branch of an
//     if/else or a switch with a default, not in a loop or a stored closure.
//
// Calls through the program's own interfaces implemented by its own types (a
// Store interface over a repository) are not followed, even when every
// implementation writes one row per call. Which implementation runs is
// decided where the value is built, usually in main or a wiring package the
// caller does not import, so a per-package analysis (go vet, golangci-lint,
// each package in its own process) never sees the implementations together
// with the call. Seeing them would take a whole-module step in the standalone
// command: each package's run would export its interface calls in per-element
// loops and its types' one-row write methods (method sets as type strings,
// since no types are shared across processes), and a final step would report
// a call when every implementation of its interface in the module writes.
// The per-package part is cheap (the write facts exist already; the loops
// are found already), but the step would exist only in the standalone
// command, not under go vet -vettool or golangci-lint, its findings would
// change with the package patterns given, and a program's interface usually
// has a fake or a caching implementation beside the real one, which a rule
// "every implementation writes" must then name as a test double. It is not
// done; -writers names such a method when its per-row cost is known.
//
// What is written is decided from the SQL text, resolved statically from
// constants, variables assigned once, + concatenation, fmt.Sprintf and
// strings.Join. It is not a per-row write when it is a read, DDL or
// transaction control; COPY (including lib/pq's prepared COPY ... FROM
// STDIN, where stmt.Exec per row is buffered and correct); a multi-row
// VALUES list, a VALUES list filled in at run time, INSERT ... SELECT ...
// FROM, unnest(...), or = ANY($n); a statement without bind parameters (it
// does the same on every run); an sqlc :copyfrom or :batchexec query.
//
// An Exec whose SQL text cannot be resolved (read from a .sql file or
// go:embed, looked up in a map, a *sql.Stmt or *sqlx.Stmt handed in, a pgx
// statement prepared by name elsewhere) is reported when its text is the
// same on every iteration and a bind argument comes from the loop's element:
// a range variable, a counter, a row read or scanned in the body, a method of
// the iterator the loop advances (sc.Text() in for sc.Scan()), or a value
// computed from them. DDL takes no bind parameters, so that is a write. Not
// reported: Query and QueryRow, an Exec whose arguments are constants or
// computed from loop-invariant values (time.Now(), a config field), a text or
// prepared statement chosen per iteration (a loop over statements), an Exec
// on a statement that may be a lib/pq COPY (the function prepares one, or
// the package hands one to its own functions or keeps it in a struct), and a
// call of a function that wraps such an Exec. With -unknown-sql every call that
// executes unknown text in a per-element loop with changing arguments is
// reported, DDL included.
//
// A function literal runs where it is run from: a write in a literal that
// is called per element, or handed per element to a helper that runs it
// once before returning, is a per-element write. The helpers are pgx's
// BeginFunc and BeginTxFunc, pgxpool's Pool.AcquireFunc, gorm's
// DB.Transaction, bun's RunInTx (DB, Conn, Tx), go-pg's RunInTransaction
// (DB, Conn, Tx), and the analyzed package's own functions and methods
// that call a function parameter directly, or pass it on to a helper,
// outside any loop, go or defer statement and nested literal (a local
// withTx). A function that stores its parameter, calls it on another
// goroutine, in a loop or under sync.Once, is not a helper.
//
// Loops that retry, walk a short literal list (at most eight statements,
// tables or seed rows of any type, written in the loop or in a variable that
// is never changed after it), walk a list the code defines elsewhere at any
// length (a package-level variable, exported or not, that only ever holds
// literals: declared empty or with one, and set only to literals; or the
// result of a function of the package whose every return is a literal: it
// runs the same number of times on every start, bounded by the code, not the
// data), count up to the length of such a list (for v := current; v <
// len(migrations); v++, or up to a variable never changed after it was set
// to that length: one iteration per schema migration), walk a variadic
// parameter that no call in the package fills from a slice (f(a, b), never
// f(xs...), and the function is never used as a value: each caller writes
// the list out) when the function is unexported, so every call is seen, or
// its elements are values of an enumeration (a named string or integer type
// with constants: grant(ctx, RoleAdmin)), run a constant count of at most
// 16 times (for i := range 10, or i < min(n, 12): fixtures and examples,
// where a count of records is a variable), handle one chunk per iteration
// (a slice, a constant step of 10 or more, or an id window: a variable step
// whose far end lo+step the body computes), are paced (a range over data
// whose body sleeps a constant time or waits for a tick on every iteration;
// a variable delay may be zero, and a counting loop that sleeps is more
// often a retry), exit during their first iteration, and writes under a
// "buffer is full" guard are not reported. A short literal list counts
// whatever its items compute ({Name: "x", At: now.Add(-time.Hour)}). Neither is a write whose arguments are the same on every
// iteration (a cleanup on each tick, one statement per shard), nor one whose
// table name changes per iteration (a loop over tables, not rows). Neither
// is code in generated files (the finding belongs at the caller of sqlc's or
// ent's methods) nor, by default, test code (flag -tests): _test.go files,
// and functions anywhere that take a *testing.T, *testing.B, *testing.F or
// testing.TB (helpers shared by several packages' tests).
//
// SQLite runs in the process: a statement costs no round trip, and inside a
// transaction no commit, so a prepared statement per row in one transaction
// is SQLite's own bulk path. A write in a file that imports a SQLite driver
// (modernc.org/sqlite, mattn/go-sqlite3, glebarez, ncruces, gorm's sqlite)
// and no other database's is therefore not reported when it runs in a
// transaction opened outside the loop, nor when whether it runs in one is
// unknown. With autocommit every statement is a transaction of its own,
// synced to disk: that is reported, with one transaction around the loop as
// the fix, and so is a transaction opened per iteration (a Begin, or a
// transaction runner, inside the loop) or inside a wrapper called per
// element.
//
// Neither is a write in a loop whose every element is a unit of work around
// a request to another service: the write is a call of a function that makes
// an HTTP client request (net/http's Client.Do, Get, Head, Post, PostForm,
// the package-level helpers, a RoundTripper) on every call, or the loop body
// makes one on every iteration, directly or through such a function of any
// package (a feed refresh: fetch, parse, then update the feed's row; an API called
// per account, then its answer saved). A request to another host takes
// tens to hundreds of milliseconds, a per-row statement about one, and the
// request cannot be batched away; a worker pool over a channel of such jobs
// is the common shape. A request made only on some branch, in a nested loop,
// in a stored closure or only built (http.NewRequest) does not count, and
// neither does an HTTP handler writing its response. Requests the code makes
// through an interface of its own (a storage driver's Init) are not seen.
//
// The message names the statement and table, the loop, the cost and the
// batched form of the library in use, and says "with autocommit" only for a
// handle whose every statement commits on its own (a pool such as *sql.DB
// or *pgxpool.Pool, or a single connection) and "in a transaction" only for
// a transaction (*sql.Tx, pgx.Tx, a handle made from one); otherwise
// (gorm's *gorm.DB, an interface, the parameter of a transaction runner's
// function of the program's own) it says neither. Related positions point
// at the loop and, for a wrapper, at the function that performs the write. There is no
// suggested fix: rewriting SQL (COPY has different error and conflict
// semantics than INSERT ... ON CONFLICT, a batch changes transaction
// boundaries) is not safe to do mechanically.
//
// Flags:
//
//	-unknown-sql  also report Exec calls of unknown SQL text whose arguments
//	              do not come from the element, and wrappers of them
//	-tests        also report findings in test code
//	-writers      comma-separated functions that write one row per call, for
//	              writes batchlint cannot see (through an interface, another
//	              driver): (*example.com/app/db.Store).Save,example.com/app/db.Put
//
// Suppress a deliberate per-row loop with a reason:
//
//	//batchlint:ignore sqlloop -- seeds three reference rows at startup
package sqlloop
