// Package knowledge is batchlint's registry of the libraries it knows: one
// file per library, holding its import paths, its transaction and pool
// types, the calls that run SQL text and make prepared statements, the
// batched form to recommend, the functions that call a function argument
// for it (transaction runners, per-row callbacks), and for a Kafka client
// its produce calls, producer constructors, options, defaults by version
// and what turns batching off, with the words the messages use. The passes
// read the registry through its generic API (the files that declare no
// library): no non-test file of the passes or analyzers names a library's
// import path or refers to an identifier a library's file declares (tests
// check both). Where a library needs an algorithm of its own, its entry
// names a shape (ModelShape, TxShape, FixShape, Shape) that the passes
// implement once. A driver whose calls take SQL text as database/sql's do,
// a Kafka client whose produce calls wait as one of the Sends kinds says,
// or an ORM whose saves take one of the ModelShapes is a file here and its
// testdata.
package knowledge

import "cmp"

// TypeName names a named type by import path and name.
type TypeName struct{ Pkg, Name string }

// Func names a package-level function (Recv == "") or a method by import
// path, receiver type name and name.
type Func struct{ Pkg, Recv, Name string }

// Callback is a function that calls its function argument, the Arg'th,
// in the caller's goroutine before it returns.
type Callback struct {
	Func
	Arg int
	// Chunked: it calls the argument once per batch of elements (a
	// partition, a topic), not once per element.
	Chunked bool
}

// Library is what batchlint knows about one library.
type Library struct {
	// Key names the library in messages and in the writes the passes find.
	Key string
	// Paths are the import paths of its packages that batchlint knows. No
	// file outside the registry, testdata and docs names them.
	Paths []string
	// SQLCalls are its methods and functions that run SQL text; Prepares
	// those that make prepared statements.
	SQLCalls []SQLCall
	Prepares []Prepare
	// BatchSends send a batch of statements queued one by one.
	BatchSends []BatchSend
	// Raw is an ORM's raw query run at the end of a chain.
	Raw *RawQuery
	// Builders are its query builders that run the statement they built.
	Builders []Builder
	// GeneratedSaves are the one-object saves it generates into user code.
	GeneratedSaves []GeneratedSave
	// ModelWrites are an ORM's one-object saves; Chain the vocabulary of
	// its query chains; Tags how it reads a model's struct tags.
	ModelWrites []ModelWrite
	Chain       *Chain
	Tags        *Tags
	// TxShape is how its ORM handles show a transaction; Begins are the
	// calls that return one, for TxOrigin.
	TxShape TxShape
	Begins  []Func
	// Fix is the bulk rewrite of a loop of its one-object inserts.
	Fix *BulkFix
	// Results are the types its SQL calls return, which mark an interface
	// that runs SQL text through it.
	Results *SQLResults
	// NamedPrepares prepare a statement under a name that its SQL calls
	// then take in place of the text.
	NamedPrepares []NamedPrepare
	// TextCalls return SQL text built from their arguments.
	TextCalls []TextCall
	// Headers is set for a generator whose queries carry a "-- name: X
	// :cmd" header: a write whose text has one is the generator's.
	Headers *Headers
	// Async are options that make a write asynchronous, buffered and
	// batched by the server: an SQL write whose context argument was built
	// with one is not a statement per row.
	Async []Func
	// ORM: SQL text run through the library is run by an ORM, which knows
	// its transactions its own way (a raw SQL API beside the ORM's).
	ORM bool
	// Tx are its transaction types; Pool its handles whose every statement
	// runs on its own (autocommit): pools, and single connections, which
	// hold no transaction unless the code sends BEGIN as SQL text.
	Tx, Pool []TypeName
	// Runners call their function argument once (transaction helpers):
	// a literal passed to one runs where the call is.
	Runners []Callback
	// Iterators call their function argument once per element or chunk.
	Iterators []Callback
	// Launchers run their function argument once per call, on a goroutine
	// of its own (errgroup's Group.Go).
	Launchers []Callback
	// Pollers return a batch of records per call.
	Pollers []Func
	// Sizers are types whose Len() counts buffered records.
	Sizers []TypeName
	// The batched form to recommend instead of a per-row SQL statement: for
	// an INSERT (or an upsert), for an UPDATE (when empty, Set), for the
	// other writes, and for a statement whose text is unknown. Empty: the
	// form of the file's dialect (database/sql's).
	BatchedInsert, BatchedUpdate, BatchedSet, BatchedAny string
	// Bulk is the batched form to recommend in place of an ORM's
	// per-object save, by the save's operation ("INSERT", "UPSERT",
	// "UPDATE", "DELETE") or, where one method differs from the others of
	// its operation, by method.
	Bulk map[string]string
	// Produces are its calls that send Kafka records and wait for them.
	Produces []Produce
	// Kafka is set for a Kafka client: its producers' configuration.
	Kafka *Kafka
	// ExpandsInList: the library binds a slice after IN as a list, so a
	// statement with IN ? is set-based.
	ExpandsInList bool
	// Params is how it sends a statement's values (nil: it runs no SQL).
	Params *Params
	// Database is the database its packages belong to, for the dialect of
	// a file that imports them.
	Database *Database
}

// libraries is the registry, in no particular order: each library's file
// registers its entry from its init.
var libraries []*Library

func register(l *Library) { libraries = append(libraries, l) }

// Lookup returns the library with the key, or nil.
func Lookup(key string) *Library {
	for _, l := range libraries {
		if l.Key == key {
			return l
		}
	}
	return nil
}

// Batched names the batched form of an SQL write op ("INSERT", "UPDATE",
// ..., or "" when the text is unknown) through library key on a database of
// dialect d: the library's own form, else the dialect's (database/sql's).
// On SQLite every write gets the dialect's: a transaction.
func Batched(key, op string, d Dialect) string {
	fix := fixes[d]
	l := Lookup(key)
	if l == nil || d == SQLite {
		l = &Library{}
	}
	switch {
	case op == "":
		return cmp.Or(l.BatchedAny, fix.any)
	case op == "INSERT" || op == "UPSERT" || op == "MERGE":
		return cmp.Or(l.BatchedInsert, fix.insert)
	case op == "UPDATE" && l.BatchedUpdate != "":
		return l.BatchedUpdate
	}
	return cmp.Or(l.BatchedSet, fix.set)
}

// ExpandsInList reports whether library key binds a slice after IN as a list.
func ExpandsInList(key string) bool {
	l := Lookup(key)
	return l != nil && l.ExpandsInList
}

// IsTx reports a transaction type of any library.
func IsTx(pkg, name string) bool {
	return anyHas(pkg, name, func(l *Library) []TypeName { return l.Tx })
}

// IsPool reports a pool handle of any library.
func IsPool(pkg, name string) bool {
	return anyHas(pkg, name, func(l *Library) []TypeName { return l.Pool })
}

func anyHas(pkg, name string, list func(*Library) []TypeName) bool {
	for _, l := range libraries {
		for _, t := range list(l) {
			if t.Pkg == pkg && t.Name == name {
				return true
			}
		}
	}
	return false
}

// Runners returns every library's transaction runners.
func Runners() []Callback { return collect(func(l *Library) []Callback { return l.Runners }) }

// Iterators returns every library's callback iterators.
func Iterators() []Callback { return collect(func(l *Library) []Callback { return l.Iterators }) }

// Launchers returns every library's launchers.
func Launchers() []Callback { return collect(func(l *Library) []Callback { return l.Launchers }) }

// Sizers returns every library's sizers.
func Sizers() []TypeName { return collect(func(l *Library) []TypeName { return l.Sizers }) }

// Pollers returns every library's pollers.
func Pollers() []Func { return collect(func(l *Library) []Func { return l.Pollers }) }

func collect[T any](list func(*Library) []T) []T {
	var all []T
	for _, l := range libraries {
		all = append(all, list(l)...)
	}
	return all
}
