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
// Store interface over a repository) are judged by the standalone command's
// whole-module step, which sees every analysed package at once: see
// Interfaces below. Under go vet -vettool and golangci-lint, one package at
// a time, they are not followed.
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
// A goroutine launched per element (go func(){...}(), go f(x), errgroup's
// Group.Go and TryGo, sync.WaitGroup's Go) that makes one write is
// reported, and the message says "in a goroutine per element": the writes
// run in parallel, but each still pays its statement and its commit. A
// goroutine launched once that loops (a worker reading a channel) is judged
// by its own loop.
//
// A function value called per element is followed when its value is
// certain: a local closure (record := func(ev E) error {...}, then
// record(ev) in the loop), a local variable given one function or method
// value and never reassigned nor addressed (save := s.insert), and a field
// of a struct type of the package that the package gives exactly one value
// (a function, a method value or a literal) and never addresses
// (s.record = func(...) error {...} in a constructor). The finding is at the
// call in the loop and names the function, the field or the closure's
// variable. A function parameter, a variable or field given
// several values, a field of another package's type, and a field the
// package never sets are not followed. The last is a callback in an options
// struct that the importing package fills in (Opt{OnBounce:
// store.RecordBounce} in main): the value is chosen in a package that
// imports this one, and each package's run sees only what it imports.
//
// A counted loop that repeats an iteration's work a fixed or configured
// number of times (for i := 0; i < n; i++ or for range n, with n a constant
// or a package-level variable such as a flag, and an index that picks no
// element) inside a loop over data is not the loop the message names: the
// loop over data is.
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
// (modernc.org/sqlite, mattn/go-sqlite3, glebarez, ncruces's driver, gorm's
// sqlite) and no other database's package is therefore not reported when
// it runs in a transaction opened outside the loop, nor when whether it runs
// in one is unknown. With autocommit every statement is a transaction of its own,
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
// batched form: the library's own (pgx CopyFrom, an ORM's bulk save), else
// that of the database the file's imports name a driver of: on Postgres
// (lib/pq, pgx) COPY or a multi-row INSERT, and WHERE id = ANY($1) for an
// UPDATE or DELETE; on MySQL a multi-row INSERT per chunk or LOAD DATA, and
// WHERE id IN (...); on SQLite one transaction. Only a driver package counts
// (modernc.org/sqlite/lib, the C library, does not); with none, or with
// packages of two databases, the fix is a multi-row INSERT per chunk or
// WHERE id IN (...), naming Postgres's forms beside. For SQL text not known
// statically the statement may as well be a DELETE: the fix is one
// multi-row or set-based statement per chunk of rows. The message says
// "with autocommit" only for a handle whose every statement commits on its
// own (a pool such as *sql.DB or *pgxpool.Pool, or a single connection) and
// "in a transaction" only for a transaction (*sql.Tx, pgx.Tx, a handle made
// from one); otherwise (gorm's *gorm.DB, an interface, the parameter of a
// transaction runner's function of the program's own) it says neither.
// Related positions point at the loop and, for a wrapper, at the function
// that performs the write. There is no suggested fix: rewriting SQL (COPY
// has different error and conflict semantics than INSERT ... ON CONFLICT, a
// batch changes transaction boundaries) is not safe to do mechanically.
//
// A finding reads:
//
//	orders.go:42:13: INSERT INTO orders executed once per element of orders, with autocommit; use COPY (pq.CopyIn) or a multi-row INSERT (runtime/pgbatch.InsertChunks)
//
// The message says "with autocommit" only when the handle commits every
// statement on its own (a pool such as `*sql.DB` or `*pgxpool.Pool`, or a single
// connection) and "in a transaction" only for a transaction (`*sql.Tx`,
// `pgx.Tx`, a statement prepared on one). A `*gorm.DB`, an interface, or the
// parameter of your own transaction runner (`withTx(ctx, func(q *Queries)
// error {...})`) may be either, and the message says neither.
//
// # Why
//
// Every statement pays a fixed cost before its bytes: a round trip, parse and
// plan, and with autocommit a commit and a WAL flush. For small rows the fixed
// cost dominates. Measured on 2 cores, Postgres 15 on a unix socket, 5 columns:
//
// | write path | rows/s | × per-row autocommit |
// |---|---|---|
// | per-row INSERT, autocommit | ~3.7k | 1 |
// | per-row INSERT, one transaction | ~11k | 3 |
// | multi-row INSERT, 1000 rows/statement | ~200k | ~50 |
// | pgx.Batch, 1000 rows/batch | ~98k | ~26 |
// | pgx CopyFrom (binary), one call | ~900k | ~240 |
// | server-side COPY FROM a CSV file | ~585k | ~155 |
//
// Over a network the per-row shapes fall further behind: each row waits a real
// round trip.
//
// # What is reported, and the fix per library
//
// # database/sql and lib/pq
//
// Bad:
//
//	for _, o := range orders {
//		if _, err := db.ExecContext(ctx, "INSERT INTO orders (id, total) VALUES ($1, $2)", o.ID, o.Total); err != nil {
//			return err
//		}
//	}
//
// Good, lib/pq COPY: a prepared `COPY ... FROM STDIN` in one transaction. Each
// `stmt.Exec(row...)` is buffered; the final `stmt.Exec()` flushes. sqlloop
// never reports Exec on a COPY statement.
//
//	tx, err := db.BeginTx(ctx, nil)
//	if err != nil {
//		return err
//	}
//	defer tx.Rollback()
//	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("orders", "id", "total"))
//	if err != nil {
//		return err
//	}
//	for _, o := range orders {
//		if _, err := stmt.ExecContext(ctx, o.ID, o.Total); err != nil {
//			return err
//		}
//	}
//	if _, err := stmt.ExecContext(ctx); err != nil {
//		return err
//	}
//	if err := stmt.Close(); err != nil {
//		return err
//	}
//	return tx.Commit()
//
// Good, any driver: multi-row INSERTs, chunked under the 65535-parameter limit,
// with `runtime/pgbatch.InsertChunks`:
//
//	rows := make([][]any, 0, len(orders))
//	for _, o := range orders {
//		rows = append(rows, []any{o.ID, o.Total})
//	}
//	_, err := pgbatch.InsertChunks(ctx, tx, pgbatch.Insert{Table: []string{"orders"}, Columns: []string{"id", "total"}}, rows)
//
// # pgx v5
//
// Bad:
//
//	for _, u := range users {
//		if _, err := pool.Exec(ctx, "INSERT INTO users (id, name) VALUES ($1, $2)", u.ID, u.Name); err != nil {
//			return err
//		}
//	}
//
// Good, COPY:
//
//	_, err := pool.CopyFrom(ctx, pgx.Identifier{"users"}, []string{"id", "name"},
//		pgx.CopyFromSlice(len(users), func(i int) ([]any, error) {
//			return []any{users[i].ID, users[i].Name}, nil
//		}))
//
// Good, a batch (queue in the loop, send once; reading `br.Exec()` in a loop
// afterwards is not a write loop):
//
//	b := &pgx.Batch{}
//	for _, u := range users {
//		b.Queue("INSERT INTO users (id, name) VALUES ($1, $2)", u.ID, u.Name)
//	}
//	if err := pool.SendBatch(ctx, b).Close(); err != nil {
//		return err
//	}
//
// Good, a stream of unknown length: `runtime/pgbatch.Writer` buffers rows and
// writes one COPY per batch (size or time bound), handing failed batches back
// with their rows.
//
//	w, err := pgbatch.NewWriter(pool, pgbatch.Config{
//		Target: pgbatch.Target{Table: pgx.Identifier{"events"}, Columns: []string{"id", "kind", "at"}},
//	})
//	if err != nil {
//		return err
//	}
//	for e := range events {
//		if err := w.Add(ctx, []any{e.ID, e.Kind, e.At}); err != nil {
//			return err
//		}
//	}
//	return w.Close(ctx)
//
// A `pgx.Batch` created, filled with one query and sent inside the loop is
// still one round trip per row, and is reported.
//
// The function given to `pgx.ForEachRow`, `pgx.CollectRows` or
// `pgx.AppendRows` runs once per row, like the body of `for rows.Next()`, so a
// write in it is a per-row write too:
//
//	_, err := pgx.ForEachRow(rows, []any{&id}, func() error {
//		_, err := pool.Exec(ctx, "UPDATE events SET seen_at = now() WHERE id = $1", id)
//		return err
//	})
//
// For per-row `UPDATE` and `DELETE`, the fix is one set-based statement:
// `DELETE FROM sessions WHERE user_id = ANY($1)`, or
// `UPDATE t SET v = u.v FROM unnest($1::bigint[], $2::text[]) AS u(id, v) WHERE t.id = u.id`.
//
// # pgx v4
//
// The same as v5: `Exec`, `Query` or `QueryRow` of one row per element on a
// `pgx.Conn`, a `pgx.Tx`, a `pgxpool.Pool`, `Conn` or `Tx` is reported, and so
// is a `pgx.Batch` holding one query sent per element. The function given to a
// `BeginFunc`, `BeginTxFunc` or `AcquireFunc` method runs where the call is;
// the one given to `QueryFunc` runs once per row read. The fix is `CopyFrom`
// or a `pgx.Batch` filled in the loop and sent once (`runtime/pgbatch` takes
// v5 connections).
//
// # squirrel
//
// Bad: a statement built and run per element.
//
//	for _, u := range users {
//		if _, err := sq.Insert("users").Columns("id", "name").Values(u.ID, u.Name).RunWith(db).Exec(); err != nil {
//			return err
//		}
//	}
//
// Good: one builder that accumulates the rows, run once per chunk of rows
// (each `Values` adds bind parameters; stay under 65535 per statement).
//
//	for chunk := range slices.Chunk(users, 1000) {
//		q := sq.Insert("users").Columns("id", "name")
//		for _, u := range chunk {
//			q = q.Values(u.ID, u.Name)
//		}
//		if _, err := q.RunWith(db).Exec(); err != nil {
//			return err
//		}
//	}
//
// `Update` and `Delete` with one key per element are reported the same way;
// `Where(sq.Eq{"id": ids})` with a slice is one set-based statement. A builder
// kept in a variable and run elsewhere is not followed.
//
// # clickhouse-go v2
//
// On ClickHouse every `INSERT` creates a part on disk that background merges
// must fold in, so an insert per row is worse than on Postgres: thousands of
// tiny parts, then "too many parts" errors. Reported: `conn.Exec` of an
// `INSERT` per element, and a batch prepared, given one row (`Append` or
// `AppendStruct`) and sent inside the loop.
//
//	for _, e := range events {
//		batch, err := conn.PrepareBatch(ctx, "INSERT INTO events")
//		if err != nil {
//			return err
//		}
//		if err := batch.Append(e.ID, e.Kind, e.At); err != nil {
//			return err
//		}
//		if err := batch.Send(); err != nil {
//			return err
//		}
//	}
//
// Good: one batch for many rows (per chunk of 10k–1M rows for a stream), or
// async inserts, which the server buffers: an `Exec` whose context comes from
// `clickhouse.Context(ctx, clickhouse.WithAsync(wait))` is not reported.
//
//	batch, err := conn.PrepareBatch(ctx, "INSERT INTO events")
//	if err != nil {
//		return err
//	}
//	defer batch.Close()
//	for _, e := range events {
//		if err := batch.Append(e.ID, e.Kind, e.At); err != nil {
//			return err
//		}
//	}
//	return batch.Send()
//
// A batch per file or per chunk that appends in an inner loop is silent.
// clickhouse-go through `database/sql` (`clickhouse.OpenDB`) is database/sql's.
//
// # sqlx
//
// Bad: `NamedExec` with one struct per iteration.
//
//	for _, p := range products {
//		if _, err := db.NamedExec(`INSERT INTO products (sku, name) VALUES (:sku, :name)`, p); err != nil {
//			return err
//		}
//	}
//
// Good: `NamedExec` with the slice expands to one multi-row INSERT (chunk very
// large slices to stay under 65535 parameters).
//
//	_, err := db.NamedExec(`INSERT INTO products (sku, name) VALUES (:sku, :name)`, products)
//
// # sqlc
//
// sqlc's `:exec`, `:one` and `:execrows` methods are recognised as one-row
// writes through their `DBTX` interface; the finding is at your call, naming
// the generated method.
//
// Bad:
//
//	for _, a := range in {
//		if _, err := q.CreateAuthor(ctx, db.CreateAuthorParams{Name: a.Name}); err != nil {
//			return err
//		}
//	}
//
// Good: declare a `:copyfrom` query (pgx)
//
//	-- name: CreateAuthors :copyfrom
//	INSERT INTO authors (name, bio) VALUES ($1, $2);
//
// and call it once:
//
//	params := make([]db.CreateAuthorsParams, 0, len(in))
//	for _, a := range in {
//		params = append(params, db.CreateAuthorsParams{Name: a.Name})
//	}
//	_, err := q.CreateAuthors(ctx, params)
//
// `:batchexec` queries (one `pgx.Batch` per call) are fine too.
//
// # Raw SQL through gorm, bun and go-pg
//
// SQL text that an ORM runs as given is classified like database/sql's, and the
// message names the ORM: gorm's `Exec` (and `gorm.G[T](db).Exec`), gorm's
// `Raw(...)` executed by `Scan`, `Find`, `Row` or `Rows` (a write with
// `RETURNING`), bun's `NewRaw(...).Exec`/`Scan`, and the
// `Exec`/`Query`/`QueryRow` methods and their `Context` forms of `*bun.DB`,
// `bun.Tx`, `bun.Conn` and `bun.IDB` (bun's own, which format the query; they
// shadow the `*sql.DB` that `bun.DB` embeds), and go-pg's (v10, v9, v8) `Exec`,
// `ExecOne`, `Query` and `QueryOne` and their `Context` forms of `*pg.DB`,
// `*pg.Conn`, `*pg.Tx`, `pg.DBI` and `orm.DB` (`Query(&model, ...)` and
// `QueryOne` are writes when the text has `RETURNING`). The ORMs' model writes
// (`Create`, `NewInsert`, go-pg's `Model(...).Insert()`) are
// [ormloop](ormloop.md)'s.
//
// Bad:
//
//	for _, id := range ids {
//		if err := db.Exec("UPDATE users SET age = age + 1 WHERE id = ?", id).Error; err != nil {
//			return err
//		}
//	}
//
// Good: one statement for the set. gorm expands a slice bound after `IN` into
// the list; bun does the same for `bun.List(ids)` (or `bun.In`), go-pg for
// `pg.In(ids)`. A statement with `IN ?` or `IN (?)` is therefore never reported
// through these APIs.
//
//	err := db.Exec("UPDATE users SET age = age + 1 WHERE id IN ?", ids).Error
//
//	_, err := db.NewRaw("UPDATE users SET age = age + 1 WHERE id IN (?)", bun.List(ids)).Exec(ctx)
//
//	_, err := db.Exec("UPDATE users SET age = age + 1 WHERE id IN (?)", pg.In(ids))
//
// For rows to insert, the ORM's bulk form: gorm `CreateInBatches(&rows, n)`,
// bun `NewInsert().Model(&rows)`, go-pg `db.Model(&rows).Insert()`.
//
// A function literal runs where it is run from: a write in a literal that is
// called per element, or handed per element to a helper that runs it once
// before returning, is a per-element write. The helpers are pgx's `BeginFunc`
// and `BeginTxFunc`, pgxpool's `Pool.AcquireFunc`, gorm's `DB.Transaction`,
// bun's `RunInTx` (`DB`, `Conn`, `Tx`), go-pg's `RunInTransaction` (`DB`,
// `Conn`, `Tx`), and the analyzed package's own functions and methods that call
// a function parameter directly, or pass it on to a helper, outside any loop,
// `go` or `defer` statement and nested literal (a local `withTx`). A function
// that stores its parameter, calls it on another goroutine, in a loop or under
// `sync.Once`, is not a helper.
//
// # What is not reported
//
//   - Reads (`SELECT`, `SELECT ... FOR UPDATE`), DDL and migrations (`CREATE`,
//     `ALTER`, `DROP`, `TRUNCATE`, `GRANT`, `COMMENT`, `VACUUM`, `SET`, `LOCK`),
//     transaction control. Row INSERTs inside a migration are still reported.
//   - COPY statements, multi-row `VALUES`, a `VALUES` list filled in at run time,
//     `INSERT ... SELECT ... FROM`, `unnest(...)`, `= ANY($n)`, statements without
//     bind parameters, sqlx `NamedExec` with a slice, sqlc `:copyfrom` and
//     `:batchexec`, and through gorm's, bun's and go-pg's raw APIs `IN ?` or `IN (?)`.
//   - Retry loops, loops over a short literal list (at most eight items of any
//     type: statements, tables, seed rows as structs, whatever the items compute,
//     as in `{Name: "x", At: now.Add(-time.Hour)}`; written in the loop or in a
//     variable never changed after its literal), loops over a list the code
//     defines elsewhere, at any length (a package-level variable, exported or
//     not, that only ever holds literals: declared empty or with one, and set
//     only to literals; or the result of a function of the package whose every
//     return is a literal: it runs the same number of times on every start,
//     bounded by the code, not the data), counted loops up to the length of such
//     a list (`for v := current; v < len(migrations); v++`, or up to a variable
//     never changed after it was set to that length: one iteration per schema
//     migration), loops over a variadic parameter that no call in the package
//     fills from a slice (`f(a, b)`, never `f(xs...)`, and the function is never
//     used as a value: each caller writes the list out) when the function is
//     unexported, so every call is seen, or its elements are values of an
//     enumeration (a named string or integer type with constants:
//     `grant(ctx, RoleAdmin)`; an exported function of records may be called
//     with `books...` from another package, so its loop is reported), loops
//     that run a constant count of at most 16 times (`for i := range 10`,
//     `i < min(n, 12)`: fixtures and examples, where a count of records is a
//     variable), chunk loops (`slices.Chunk`, `for i := 0; i < n; i += size`
//     taking `xs[i:end]`, a constant step of 10 or more, or an id window: a
//     variable step whose far end `lo+step` the body computes), paced loops (a
//     range over data whose body sleeps a constant time or waits for a tick on
//     every iteration; a variable delay may be zero, and a counting loop that
//     sleeps is more often a retry), flushes under a "buffer is full" guard,
//     loops that exit during their first iteration, closures stored but not
//     called in the loop.
//   - A write whose arguments are the same on every iteration (a cleanup on each
//     tick of a ticker, one statement per shard) and one whose table name changes
//     per iteration (`DELETE FROM %s WHERE tenant_id = $1` over a list of tables):
//     the loop walks ticks, shards or tables, not rows.
//   - A write in a loop whose every element is a unit of work around a request to
//     another service: the write is a call of a function that makes an HTTP client
//     request (`net/http`'s `Client.Do`, `Get`, `Head`, `Post`, `PostForm`, the
//     package-level helpers, a `RoundTripper`) on every call, or the loop body
//     makes one on every iteration, directly or through such a function of any
//     package (a feed refresh: fetch, parse, then update the feed's row; an API called
//     per account, then its answer saved). A request to another host takes tens
//     to hundreds of milliseconds, a per-row statement about one, and the request
//     cannot be batched away; a worker pool over a channel of such jobs is the
//     common shape. A request made only on some branch, in a nested loop, in a
//     stored closure or only built (`http.NewRequest`) does not count, and neither
//     does an HTTP handler writing its response. Requests made through an interface
//     of your own (a storage driver's `Init`) are not seen.
//   - Generated files (`// Code generated ... DO NOT EDIT.`): the finding belongs
//     at the caller. Unless `-sqlloop.tests`, test code: `_test.go` files, and functions anywhere that take a `*testing.T`, `*testing.B`, `*testing.F` or `testing.TB` (helpers shared by several packages' tests).
//   - On SQLite (a file that imports a SQLite driver — `modernc.org/sqlite`,
//     `github.com/mattn/go-sqlite3`, glebarez's, ncruces's driver, `gorm.io/driver/sqlite`
//     — and no other database's package), a write in a transaction opened outside
//     the loop, or one where whether a transaction is open is unknown. SQLite runs
//     in the process: a statement costs no round trip, and inside a transaction no
//     commit, so a prepared statement per row in one transaction is SQLite's own
//     bulk path. With autocommit each statement is a transaction of its own,
//     synced to disk: that is reported, with one transaction around the loop as
//     the fix, and so is a transaction opened per iteration (a `Begin` or a
//     transaction runner inside the loop) or inside a wrapper called per element.
//   - Calls whose SQL text cannot be resolved statically (a statement read from a
//     `.sql` file or `go:embed`, a map, a parameter, a `*sql.Stmt` or `*sqlx.Stmt`
//     handed in, a pgx statement prepared by name elsewhere), unless it is an Exec
//     that binds the element's values (below) or `-sqlloop.unknown-sql` is set.
//     The text is resolved through constants, variables (an exported one of another package
//     too) and struct fields assigned once,
//     `+`, `fmt.Sprintf`, `strings.Join`, sqlx `Rebind`, `tx.Stmt`/`Prepare`
//     (including a statement kept in a struct field set in a constructor), pgx
//     statements prepared by name, and helpers that execute the text their caller
//     passes (`func (s *Store) exec(ctx, query string, args ...any)`): each call
//     site's text decides.
//   - Calls through an interface you declared that is not a DB interface and
//     that no supported library type implements: see [Interfaces](#interfaces).
//
// # Interfaces
//
// A method of an interface you declared is the library's when one of the
// library's types implements the whole interface with that very method, and the
// method's signature names a type of the library (go-pg's `Exec` returning
// `pg.Result`, pgx's returning `pgconn.CommandTag`): the library is what runs
// outside tests. A read method of such an interface is a read; an interface no
// library type implements stays unknown. Whether such a call runs in a
// transaction is unknown, so the message claims neither.
//
// Interfaces implemented by your own types (a `Store` interface over a
// repository) are judged by the standalone command's whole-module step. Which
// implementation runs is decided where the value is built, usually in `main`
// or a wiring package the caller does not import, so a run that sees one
// package at a time never sees the call and its implementations together.
// In the standalone command each package's run also hands over, inside go
// vet's own output (so go vet's cache keeps it), its calls of interface
// methods made once per element with the element's values, its types' method
// sets, and its methods that write one row per call or that call an interface
// method on every call. A last step reports a call when every implementation
// of the interface among the analysed packages writes one row per call, with
// the loop and each implementation's write as related positions:
//
//	usecase/usecase.go:30:13: (repo.Orders).Save (INSERT INTO orders) executed once per element of orders, with autocommit; use a multi-row INSERT per chunk (runtime/pgbatch.InsertChunks) or COPY on Postgres
//
// What counts:
//
//   - An implementation is a type with every method of the interface, with the
//     same signatures (aliases and parameter names aside); a generic type with
//     every method name counts too. Every implementation must write.
//   - Test doubles do not count: types of `_test.go` files, and the types of
//     packages that tests import and no analysed package's build reaches (a
//     `mocks` package). A fake in non-test code (an in-memory store behind a
//     flag) counts and keeps the call silent, as does an implementation that
//     buffers and writes in a later `Flush`.
//   - A method that calls an interface method on every call writes when that
//     method does in every implementation: a use case over a repository, or a
//     decorator (tracing, metrics) that wraps the same interface, which then
//     neither counts nor blocks.
//   - The interface must be declared in the module, and only implementations in
//     the analysed packages are seen: findings depend on the package patterns
//     given (`./...` sees the most). When some package does not build, the step
//     reports nothing.
//   - The call is left out when the loop searches (it sits under an `if` that
//     compares, with `==`, a value computed in the loop with a variable from
//     outside it, as in `if t.ID == id`: it writes for the match) or is driven
//     by a channel (`for m := range ch`, `for { m := <-ch ... }`, a `select`:
//     events that may have to be stored one by one as they arrive, such as a
//     message stored and then pushed to clients with its id).
//   - A write whose SQL text is unknown, and a SQLite write whose transaction
//     is unknown, are not reported this way (see above).
//
// The step is off by default; `batchlint -interfaces` turns it on. On the
// real-code sweep it found 3 per-row writes, all true, in 2 of 19
// repositories (gotify, Cloudreve; see docs/realcode), for 4–17% more CPU on
// a cold run and up to 16% more peak memory (docs/performance.md). It stays
// opt-in because its findings change with the package patterns given (an
// implementation outside them is not seen), and go vet -vettool and
// golangci-lint, which see one package at a time, cannot reproduce them;
// `-sqlloop.writers` names such a method there. A directive on a call the
// step judges is never reported as unused, since a run of one package
// cannot tell.
//
// # Unknown SQL text with the element's values as arguments
//
// An Exec (not a Query) whose text cannot be resolved is reported when the text
// is the same on every iteration and a bind argument comes from the loop's
// element: a range variable, a counter, a row read or scanned in the body
// (`rows.Scan(&id)`), a method of the iterator the loop advances (`sc.Text()` in
// `for sc.Scan()`), or a value computed from them. DDL takes no bind
// parameters, so such a statement is a write:
//
//	importer.go:310:14: Exec of SQL text not known statically, executed once per element of s.subQueue; use one multi-row or set-based statement per chunk of rows
//
// The statement may be an INSERT as well as a DELETE or UPDATE by id, so the
// fix names neither COPY nor a multi-row INSERT.
//
// Not reported: `Query` and `QueryRow`; an Exec whose arguments are constants
// or computed from loop-invariant values (`time.Now()`, a config field); a text
// or prepared statement chosen per iteration (`for _, q := range stmts`,
// `stmts[row.Kind]`: a loop over statements); an Exec on a statement that may
// be a lib/pq COPY, whose Exec per row is buffered: the function prepares one
// (`Prepare(pq.CopyIn(...))`, on any branch), or the package hands one to its
// own functions or keeps it in a struct; a call of a function of yours that
// wraps such an Exec (its arguments need not be what the statement binds).
// `-sqlloop.unknown-sql` reports every Exec of unknown text in a per-element
// loop whose arguments change, including those and DDL run from a list of
// statement texts: on the real-code sweep it added 14 findings to the default
// of that time, 2 of them false (a table rebuild, three `PRAGMA`s), against
// none for the default rule.
//
// # The fix the message names
//
// The library's own batched form when it has one (pgx `CopyFrom` or a
// `pgx.Batch`, sqlx `NamedExec` with a slice, an ORM's bulk save); for
// database/sql and lib/pq, the form of the database the file's imports name a
// driver of:
//
// | file imports | INSERT | UPDATE, DELETE |
// |---|---|---|
// | `github.com/lib/pq`, pgx (`pgx/v5`, `pgxpool`, `stdlib`), `gorm.io/driver/postgres` | COPY (`pq.CopyIn`) or a multi-row INSERT | `unnest` or `WHERE id = ANY($1)` |
// | `github.com/go-sql-driver/mysql`, `gorm.io/driver/mysql` | a multi-row INSERT per chunk or `LOAD DATA` | `WHERE id IN (...)`, or a JOIN with the rows' values |
// | a SQLite driver only | one transaction around the loop | one transaction around the loop |
// | no driver, or packages of two databases | a multi-row INSERT per chunk, or COPY on Postgres | `WHERE id IN (...)`, or `unnest` / `= ANY($1)` on Postgres |
//
// Only a driver package names the database: `modernc.org/sqlite/lib` (SQLite's
// C library, which tg-spam blank-imports in a file that also runs on Postgres)
// or `pgx/v5/pgtype` alone do not, though beside another database's driver
// they make the file's database unknown. Most repositories import the driver
// in one file and run SQL in others, so most messages name the neutral form.
//
// There is no suggested fix: COPY, multi-row INSERT and batches differ from a
// row-by-row loop in error handling, conflict handling and transaction
// boundaries, so the rewrite needs a person.
//
// # Precision and recall
//
// Two labelled corpora, scored by `TestCorpus` and `TestIndependentCorpus`:
//
//   - written with the rules, in `testdata/sql/corpus`: 36 lines that must be reported and 51 look-alikes: precision 1.00, recall 1.00;
//   - written independently from real-world shapes, labelled by what the code does at runtime before
//     the analyzer was run on it, in `testdata/sql/independent`: 61 / 86 lines: precision 1.00, recall 0.93.
//
// The independent corpus is the honest figure. No look-alike in either is reported. Its misses:
// generic repositories whose SQL sits in a struct field, calls through an interface, a one-row
// `CopyFrom` per element, and a method of another package called per element whose own writes
// loop inside a `pgx.BeginFunc` literal.
//
// Each corpus lists the lines the analyzer gets wrong, with the reason for each, in `known.tsv` in
// its folder; the tests fail when the analyzer's misses or false positives differ from that list
// in either direction, so these figures change only together with a list.
//
// # Suppressing
//
// A deliberate per-row loop (three reference rows at startup, a loop that must
// see each row's trigger result) takes a directive with a reason, on the line
// of the finding or the line above:
//
//	//batchlint:ignore sqlloop -- seeds three reference rows at startup
//	pool.Exec(ctx, "INSERT INTO roles (name) VALUES ($1)", n)
package sqlloop
