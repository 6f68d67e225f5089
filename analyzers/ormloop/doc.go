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
//     element: gorm adds its key); Delete and the updates on a chain whose
//     Where finds the row by the model's primary key (Where("id = ?", id),
//     see below); the generics API's G[T](db).Create(ctx, &one), and its
//     Update, Updates and Delete after a Where on the key. Use
//     Create(&slice) or CreateInBatches(&slice, n).
//   - ent (entgo.io/ent, any generated client): Create()...Save/SaveX/Exec/ExecX,
//     UpdateOne(x)/UpdateOneID(id)...Save/Exec, DeleteOne(x)/DeleteOneID(id).Exec,
//     and Update() or Delete() whose Where holds the predicate ent generates
//     for the ID field (user.ID(id), user.IDEQ(id)).
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
// unknown here; one implemented by the program's own repository types is
// judged by the standalone command's whole-module step (batchlint
// -interfaces), as for sqlloop (see its documentation).
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
// several values, and a field of another package's type are not followed.
//
// A counted loop that repeats an iteration's work a fixed or configured
// number of times (for i := 0; i < n; i++ or for range n, with n a constant
// or a package-level variable such as a flag, and an index that picks no
// element) inside a loop over data is not the loop the message names: the
// loop over data is.
//
// The row count comes from types: the static type of the model argument (a
// pointer to a struct is one row; a slice, an array or a pointer to either
// is one multi-row statement and is never reported) and, for updates and
// deletes, the query chain (a Where condition makes the write set-based,
// unless it finds the row by its primary key).
//
// A condition on the primary key finds one row: gorm's Where("id = ?", id)
// (the column of the model's one primary key: the field tagged primaryKey,
// else ID, embedded gorm.Model included; qualified or quoted; ANDed with
// other conditions, in a chain of Where, Not and neutral methods) before
// Delete(&T{}) or Model(&T{})...Update, or in the generics API's chain
// before Update, Updates or Delete (the model is G's type argument), and ent's ID predicate in an
// Update() or Delete() Where, also when the builder sits in a variable given
// one value. Such a write is reported when the key's value changes per
// element, directly or through the arguments of a wrapper (a
// DeleteClientByID(id) called per row of a user's clients). A condition on
// another column (Where("user_id = ?", uid), one user's rows), an OR, a
// comparison (id > ?), a slice of keys, a named argument, one column of a
// composite key, and a key that is the same on every iteration are not.
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
// A finding reads:
//
//	import.go:31:3: gorm insert of one User runs once per element of users, with autocommit; use gorm Create(&slice) or CreateInBatches(&slice, n)
//
// The finding points at the loop (related information) and, for a wrapper, at
// the wrapper and the write inside it. When the write runs inside an explicit
// transaction — a bun `bun.Tx`, a go-pg `*pg.Tx`, ent's generated `Tx` client,
// a gorm handle from `Begin()` or the parameter of a `Transaction` callback —
// the message gives the in-transaction cost instead: one commit for all rows,
// but still one statement and round trip per row, ~11k rows/s. It says "with
// autocommit" only for a handle whose every statement commits on its own (bun's
// `DB`, go-pg's `DB` or `Conn`); a `*gorm.DB` or an ent `Client` from elsewhere,
// an interface, or the parameter of your own transaction runner
// (`withTx(db, func(tx *gorm.DB) error {...})`) may be either, and the message
// says neither.
//
// A method of an interface you declared (a `Create(value interface{}) *gorm.DB`
// that tests fake) counts as the ORM's when one of the ORM's types implements
// the whole interface with that very method and the method's signature names a
// type of the ORM: the ORM is what runs outside tests. An interface
// implemented by your own repository types is judged by `batchlint
// -interfaces` when every implementation saves one object per call, as for
// [sqlloop](sqlloop.md#interfaces); under `go vet` and golangci-lint it is not
// followed.
//
// # Why
//
// An ORM save of one object is one SQL statement: a round trip, parse and plan,
// and with autocommit a commit and WAL flush, for one row. Measured on 2 cores,
// Postgres 15 on a unix socket, 5 columns: per-row INSERT with autocommit
// ~3.7k rows/s, in one transaction ~11k, a multi-row INSERT of 1000 rows
// ~200k. Every ORM here has a bulk form that sends one multi-row statement.
//
// # How the row count is decided
//
// From types, never from names:
//
//   - the static type of the model argument: a pointer to one struct (or a
//     `map[string]any` of column values) is one row; a slice, an array, or a
//     pointer to either — `[]User`, `*[]User`, `[]*User`, a named `type Users
//     []User` — is one multi-row statement and is never reported;
//   - for updates and deletes, the query chain: a `Where`, `Scopes` or other
//     condition makes the write set-based (not per object); gorm needs a key in
//     the model, bun and go-pg need `WherePK()` (both refuse an update or delete
//     without a `Where`);
//   - for ent, whose client is generated into your module, the builders are
//     recognised by structure: a builder holds a mutation whose `Op()` returns
//     `entgo.io/ent.Op`; its `Save` returns the entity (one row: `Create`,
//     `UpdateOne`) or a count (`Update`: a set); `DeleteOne` wraps the `Delete`
//     builder. Any schema's client works; bulk builders never match.
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
// Loops are judged by their intent: retry loops, loops over a few literal
// items (at most eight of any type, whatever they compute, such as default rows seeded from
// `[]Role{{Name: "admin"}, {Name: "viewer"}}`, written in the loop or in a
// variable never changed after its literal), loops over a list the code defines
// elsewhere, at any length (a package-level variable, exported or not, that only
// ever holds literals: declared empty or with one, and set only to literals; or
// the result of a function of the package whose every return is a literal: it
// runs the same number of times on every start, bounded by the code, not the
// data), counted loops up to the length of such a list (`for v := current; v <
// len(steps); v++`, or up to a variable never changed after it was set to that
// length), loops over a variadic parameter that no call in the package fills
// from a slice (`f(a, b)`, never `f(xs...)`, and the function is never used as
// a value) when the function is unexported or its elements are values of an
// enumeration (a named string or integer type with constants:
// `CreateToken(ctx, t, RoleUser)`), loops that run a constant count of at most
// 16 times (`range 10`, `i < min(n, 12)`), chunk loops (each iteration writes a
// slice, the step is a constant of 10 or more, or a variable step whose far end
// `lo+step` the body computes: an id window), paced loops (a range over data
// whose body sleeps a constant time or waits for a tick on every iteration),
// loops that always exit in their first iteration, and writes under a
// "buffer is full" guard are not reported. Generated files (ent's own client)
// and, unless `-ormloop.tests`, test code: `_test.go` files, and functions anywhere that take a `*testing.T`, `*testing.B`, `*testing.F` or `testing.TB` (helpers shared by several packages' tests), are skipped.
//
// Neither is a write in a loop whose every element is a unit of work around a request to
// another service: the write is a call of a function that makes an HTTP client
// request (`net/http`'s `Client.Do`, `Get`, `Head`, `Post`, `PostForm`, the
// package-level helpers, a `RoundTripper`) on every call, or the loop body
// makes one on every iteration, directly or through such a function of any
// package (a feed refresh: fetch, parse, then update the feed's row; an API called
// per account, then its answer saved). A request to another host takes tens
// to hundreds of milliseconds, a per-object save about one, and the request
// cannot be batched away; a worker pool over a channel of such jobs is the
// common shape. A request made only on some branch, in a nested loop, in a
// stored closure or only built (`http.NewRequest`) does not count, and neither
// does an HTTP handler writing its response. Requests made through an interface
// of your own (a storage driver's `Init`) are not seen.
//
// # gorm (gorm.io/gorm)
//
// Bad:
//
//	for _, u := range users {
//		if err := db.WithContext(ctx).Create(&u).Error; err != nil {
//			return err
//		}
//	}
//
// Good: one multi-row INSERT, or one per chunk of n rows.
//
//	if len(users) > 0 {
//		if err := db.WithContext(ctx).Create(&users).Error; err != nil {
//			return err
//		}
//	}
//	// or, for very large slices:
//	err := db.CreateInBatches(&users, 1000).Error
//
// Updates: `db.Model(&u).Updates(...)` per element is reported, also with an
// extra `Where` (optimistic locking) when `u` is the loop's element, since gorm
// adds the loaded row's primary key to the condition; a set-based update is
// not:
//
//	db.Model(&User{}).Where("last_seen < ?", cutoff).Update("active", false)
//
// gorm's generics API is covered too: `gorm.G[User](db).Create(ctx, &u)` per
// element is one INSERT per row; use `gorm.G[User](db).CreateInBatches(ctx, &users, n)`.
// `gorm.G[User](db).Where("id = ?", u.ID).Update(ctx, "active", false)` per
// element is one UPDATE per row, and so are `Updates` and `Delete` there.
//
// `db.Where(...).FirstOrCreate(&tag)` per element is a SELECT and an INSERT
// per row; find the existing rows once and insert the missing ones with
// `db.Clauses(clause.OnConflict{DoNothing: true}).Create(&missing)`.
//
// Deletes: `db.Delete(&u)` or `db.Delete(&User{}, id)` per element is
// reported; `db.Delete(&User{}, ids)` (a slice of keys) is one statement.
//
// A condition on the primary key is one row too, also behind a wrapper:
//
//	func (d *DB) DeleteClientByID(id uint) error {
//		return d.DB.Where("id = ?", id).Delete(&Client{}).Error
//	}
//	for _, c := range clients {
//		d.DeleteClientByID(c.ID) // one DELETE per client
//	}
//
// Good: `d.DB.Where("id IN ?", ids).Delete(&Client{})`. A condition on
// another column (`Where("user_id = ?", uid)`) deletes a set per element and
// is not reported.
//
// # ent (entgo.io/ent)
//
// Bad:
//
//	for _, u := range users {
//		if _, err := client.User.Create().SetName(u.Name).SetAge(u.Age).Save(ctx); err != nil {
//			return err
//		}
//	}
//
// Good:
//
//	err := client.User.MapCreateBulk(users, func(c *ent.UserCreate, i int) {
//		c.SetName(users[i].Name).SetAge(users[i].Age)
//	}).Exec(ctx)
//
//	// or build in the loop and save once after it:
//	builders := make([]*ent.UserCreate, len(users))
//	for i, u := range users {
//		builders[i] = client.User.Create().SetName(u.Name).SetAge(u.Age)
//	}
//	err := client.User.CreateBulk(builders...).Exec(ctx)
//
// `UpdateOneID(id)...Exec` and `DeleteOneID(id).Exec` per element are reported,
// and so are `Update().Where(user.ID(id))...Exec` and
// `Delete().Where(user.ID(id)).Exec`, one row each;
// use `client.User.Update().Where(user.IDIn(ids...))` and
// `client.User.Delete().Where(user.IDIn(ids...))`.
//
// # bun (github.com/uptrace/bun)
//
// Bad:
//
//	for _, ev := range events {
//		if _, err := db.NewInsert().Model(&ev).Exec(ctx); err != nil {
//			return err
//		}
//	}
//
// Good:
//
//	if len(events) > 0 {
//		_, err := db.NewInsert().Model(&events).Exec(ctx)
//	}
//
// `NewUpdate().Model(&one).WherePK()` and `NewDelete().Model(&one).WherePK()`
// per element are reported; use `NewUpdate().Model(&slice).Column(...).Bulk()`
// and `NewDelete().Model(&slice).WherePK()`.
//
// # go-pg (github.com/go-pg/pg/v10, /v9, and github.com/go-pg/pg for v8)
//
// Bad:
//
//	for i := range users {
//		if _, err := db.Model(&users[i]).Insert(); err != nil {
//			return err
//		}
//	}
//
// Good: `db.Model(&users).Insert()` (one multi-row INSERT), or `db.CopyFrom`.
// `Model(&one).WherePK().Update()` / `.Delete()` per element are reported, and
// so are v9's and v8's `db.Insert(&one)`, `db.Update(&one)` and
// `db.Delete(&one)` (on `*pg.DB` and `*pg.Tx`; v10 dropped them). Their slice
// forms, `db.Insert(&users)`, are one statement.
//
// # Raw SQL
//
// SQL text run through an ORM's raw API (gorm `db.Exec("UPDATE ...", id)` and
// `db.Raw(...).Scan`, bun `db.NewRaw(...).Exec(ctx)` and `db.ExecContext`,
// go-pg `db.Exec("UPDATE ...", id)` and `db.QueryOne(&m, "INSERT ... RETURNING
// ...")`) is not a model save: it is classified by its text and reported by
// [sqlloop](sqlloop.md#raw-sql-through-gorm-bun-and-go-pg), naming the ORM.
//
// # sqlboiler (github.com/aarondl/sqlboiler/v4)
//
// Reported: the generated `Insert`, `Upsert` and `Update` of one model per
// element, recognised by their shape (a method on a pointer to the model
// struct taking a `boil.ContextExecutor`, or a `boil.Executor` when generated
// with `--no-context`); the `G` and `P` variants call them and count as
// wrappers.
//
//	for _, u := range users {
//		if err := u.Insert(ctx, db, boil.Infer()); err != nil {
//			return err
//		}
//	}
//
// sqlboiler generates no bulk insert: write one multi-row `INSERT` per chunk
// of rows with `queries.Raw` or the executor's `ExecContext`, or use `COPY`.
// For updates, the generated slice type's `UpdateAll(ctx, exec, M{...})`
// sends one statement for every row. `Delete` runs a constant statement, so a
// `Delete` per element is reported by [sqlloop](sqlloop.md) as the `DELETE` it
// wraps.
//
// # Suggested fix
//
// When the loop ranges over a slice variable (or field) and its body is only
// the one-object create — as a statement, or as
// `if err := <create>; err != nil { ... }` whose handler does not use the loop
// variables and does not `break`/`continue` — the fix replaces the loop with
// one bulk call over the slice:
//
// | ORM | loop body | becomes |
// |---|---|---|
// | gorm | `db.Create(&u)`, `db.Create(u)` for `[]*T`, `db.Create(&users[i])` | `db.CreateInBatches(&users, 1000)` |
// | ent | `client.T.Create().SetA(u.A)...Save(ctx)` | `client.T.MapCreateBulk(users, func(b *ent.TCreate, i int) { b.SetA(users[i].A)... }).Save(ctx)` |
// | bun | `db.NewInsert().Model(&u).Exec(ctx)` | `db.NewInsert().Model(&users).Exec(ctx)` |
//
// The bulk call is guarded by `if len(users) > 0`: gorm rejects an empty slice
// with `ErrEmptySlice`, and an empty multi-row INSERT is invalid SQL. What
// changes, knowingly:
//
//   - gorm writes generated primary keys back into the slice elements. The loop
//     `for _, u := range users { db.Create(&u) }` wrote them into a copy and lost
//     them, so the bulk form is, if anything, better.
//   - The rows go in one statement, all or nothing, where the loop stopped at the
//     first failing row with the earlier rows already written. gorm's form is
//     `CreateInBatches` with 1000 rows per `INSERT`, not `Create(&users)`: the
//     slice's size is unknown, and one `INSERT` of all its rows fails past 65535
//     bind parameters ([paramlimit](paramlimit.md)); gorm runs the batches in one
//     transaction unless `SkipDefaultTransaction` is set.
//
// No fix is offered when the loop variable is used elsewhere, the body has other
// statements, the created object is used afterwards, the slice is a call result,
// or the write happens inside a wrapper.
//
// # Precision and recall
//
// Two labelled corpora, scored by `TestCorpus` and `TestIndependentCorpus`:
//
//   - written with the rules, in `testdata/orm/corpus`: 31 / 39 lines: precision 1.00, recall 0.97 (the miss: a generic repository taking `any`);
//   - written independently from real-world shapes, labelled by what the code does at runtime before
//     the analyzer was run on it, in `testdata/orm/independent`: 59 / 84 lines, scored together with sqlloop for the raw SQL lines: precision 1.00, recall 0.88.
//
// The independent corpus is the honest figure. No look-alike in either is reported. Its misses:
// updates whose filter pins one row to the loop element by a column that is not the model's key, or with no model (bun `NewUpdate().Table(...).Where(...)`), which read as set-based; a slice or bulk builder holding one element per iteration; `FirstOrCreate(&tag)` where `tag` is already a pointer (a `**Tag`, whose row count is left unknown); gorm `Association(...).Append` per element; generic and interface repositories.
//
// Each corpus lists the lines the analyzer gets wrong, with the reason for each, in `known.tsv` in
// its folder; the tests fail when the analyzer's misses or false positives differ from that list
// in either direction, so these figures change only together with a list.
//
// # Suppressing
//
// A per-object loop can be deliberate (per-row hooks, per-row error handling
// that must not roll back the others). Say why:
//
//	//batchlint:ignore ormloop -- each row fires its own audit hook
//	db.Create(&u)
package ormloop
