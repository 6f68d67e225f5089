// Package ormloop defines an Analyzer that reports ORM saves of one object
// per iteration of a loop.
//
// # Analyzer ormloop
//
// ormloop: report ORM per-object saves in loops
//
// An ORM save of one object pays a full statement's fixed cost: a round
// trip, parse and plan, and with autocommit a commit and WAL flush. Saving
// the objects of a slice one by one inside a loop writes about 1k–5k rows/s
// on Postgres; the same ORM's bulk form sends one multi-row INSERT that does
// 5k–50k rows/s.
//
// ormloop reports, inside a loop that runs once per element, these writes
// of exactly one object, and the calls of functions in any package that
// perform one on every call (repository wrappers):
//
//   - gorm (gorm.io/gorm): Create, Save, FirstOrCreate and Delete of a
//     pointer to one struct; Updates, Update, UpdateColumn and UpdateColumns
//     on Model(&one) with no Scopes, Joins or other condition in the chain
//     (a Where, Or or Not is allowed when the model is the loop's own
//     element: gorm adds its key); the generics API's G[T](db).Create(ctx,
//     &one). Use Create(&slice) or CreateInBatches(&slice, n).
//   - ent (entgo.io/ent, any generated client): Create()...Save/SaveX/Exec/ExecX,
//     UpdateOne(x)/UpdateOneID(id)...Save/Exec, DeleteOne(x)/DeleteOneID(id).Exec.
//     The builders are recognised by their structure (a builder holding a
//     mutation whose Op method returns ent.Op), not by their names. Use
//     CreateBulk(builders...) or MapCreateBulk(slice, fn), per chunk of rows.
//   - bun (github.com/uptrace/bun): NewInsert().Model(&one), and NewUpdate or
//     NewDelete with Model(&one).WherePK(), then Exec or Scan. Use
//     NewInsert().Model(&slice), NewUpdate().Model(&slice).Bulk().
//   - go-pg (github.com/go-pg/pg/v10, /v9, and github.com/go-pg/pg for v8
//     and earlier): db.Model(&one).Insert(), and Update/Delete after
//     WherePK(); v9's and v8's db.Insert(&one), db.Update(&one) and
//     db.Delete(&one) (on *pg.DB and *pg.Tx), which v10 dropped. Use
//     db.Model(&slice).Insert().
//
// A method of the program's own interface counts as the library's when a
// library type implements the whole interface (types.Implements) with that
// very method and the method's signature names a type of the library (a
// Create(value interface{}) *gorm.DB that *gorm.DB implements): the library
// is what runs outside tests. An interface no library type implements stays
// unknown, and so does an interface of the program's own implemented by its
// own repository types (see sqlloop's documentation for why and what seeing
// them would take).
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
// The message says "with autocommit" only for a handle whose every statement
// commits on its own (bun's DB, go-pg's DB or Conn) and "in a transaction"
// only for a transaction (bun.Tx, *pg.Tx, ent's Tx, gorm's Begin() or the
// parameter of gorm's Transaction callback). A *gorm.DB or an ent Client
// from elsewhere, an interface, or the parameter of a transaction runner of
// the program's own may be either, and the message says neither.
//
// The row count comes from types: the static type of the model argument (a
// pointer to a struct is one row; a slice, an array or a pointer to either
// is one multi-row statement and is never reported) and, for updates and
// deletes, the query chain (a Where condition makes the write set-based).
// Loops that retry, that walk a few literal items (at most eight, of any
// type: default rows seeded from a literal list of structs, pairs of names;
// written in the loop or in a variable that is never changed after it), that
// walk a list the code defines elsewhere at any length (a package-level
// variable, exported or not, that only ever holds literals: declared empty or
// with one, and set only to literals; or the result of a function of the
// package whose every return is a literal: it runs the same number of times
// on every start, bounded by the code, not the data), that count up to the
// length of such a list (for v := current; v < len(steps); v++, or up to a
// variable never changed after it was set to that length), that walk a
// variadic parameter no call in the package fills from a slice (f(a, b),
// never f(xs...), and the function is never used as a value) when the
// function is unexported or its elements are values of an enumeration (a
// named string or integer type with constants: CreateToken(ctx, t,
// RoleUser)), that run a constant count of at most 16 times (range 10,
// i < min(n, 12)), that handle a chunk per iteration (a slice, a constant
// step of 10 or more, or an id window: a variable step whose far end lo+step
// the body computes), that are paced (a range over data whose body sleeps a
// constant time or waits for a tick on every iteration), that exit after
// their first pass, and writes under a "buffer is full" guard are not
// reported. A short literal list counts whatever its items compute. Neither is code in
// generated files (ent's own client) nor, by default, test code (flag
// -tests): _test.go files, and functions anywhere that take a *testing.T,
// *testing.B, *testing.F or testing.TB.
//
// Neither is a write in a loop whose every element is a unit of work around
// a request to another service: the write is a call of a function that makes
// an HTTP client request (net/http's Client.Do, Get, Head, Post, PostForm,
// the package-level helpers, a RoundTripper) on every call, or the loop body
// makes one on every iteration, directly or through such a function of any
// package (a feed refresh: fetch, parse, then update the feed's row; an API called
// per account, then its answer saved). A request to another host takes
// tens to hundreds of milliseconds, a per-object save about one, and the
// request cannot be batched away; a worker pool over a channel of such jobs
// is the common shape. A request made only on some branch, in a nested loop,
// in a stored closure or only built (http.NewRequest) does not count, and
// neither does an HTTP handler writing its response. Requests the code makes
// through an interface of its own (a storage driver's Init) are not seen.
//
// When the loop ranges over a slice variable and its body is only the
// one-object create, optionally as `if err := <create>; err != nil {...}`
// whose handler does not use the loop variables, a suggested fix replaces
// the loop with one bulk call over the slice, guarded by len(slice) > 0
// (gorm rejects an empty slice with ErrEmptySlice). The same rows are
// written; two things change. gorm writes the generated keys back into the
// slice's elements, where the loop over copies (for _, u := range users)
// set them nowhere. And the rows go in one statement, all or nothing, where
// the loop stopped at the first failing row with the earlier rows kept. For
// gorm the call is CreateInBatches(&slice, 1000): the slice's size is
// unknown, and one INSERT of all its rows fails past 65535 bind parameters;
// gorm runs the batches in one transaction unless SkipDefaultTransaction is
// set.
//
// SQL text run through an ORM's raw API (gorm's Exec and Raw, bun's NewRaw
// and ExecContext, go-pg's Exec and Query) is sqlloop's: it is classified by
// its text, like database/sql's, and reported there with the ORM named.
//
// sqlboiler's generated Insert, Upsert and Update of one model are
// recognised by their shape: a method on a pointer to the model struct
// taking a boil.ContextExecutor or boil.Executor. sqlboiler generates no
// bulk insert; the slice type's UpdateAll updates every row at once.
//
// Suppress a deliberate per-object loop with a reason:
//
//	//batchlint:ignore ormloop -- each row needs its own hook
package ormloop
