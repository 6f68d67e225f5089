package knowledge

import (
	"slices"
	"strings"
	"sync"
)

// Dialect is the database a file's SQL runs on, as far as its imports tell,
// for the wording of the fix.
type Dialect int

const (
	// UnknownDialect: the file imports no driver, drivers of more than one
	// database, or one of a database without a fix of its own.
	UnknownDialect Dialect = iota
	SQLite
	MySQL
	Postgres
)

// database is one database's packages: Drivers are the exact import paths
// that open it (database/sql drivers, ORM dialectors, its own clients);
// Libs are the import paths below which a package belongs to it, drivers or
// not. A package below Libs that is no driver (modernc.org/sqlite/lib, the
// transpiled C library; pgtype) says nothing about where the file's SQL
// runs, but it does tie the file to that database too.
type database struct {
	dialect       Dialect
	drivers, libs []string
}

// Database is the database a library's packages belong to: a file that
// imports one of its Drivers runs its SQL there.
type Database struct {
	Dialect Dialect
	Drivers []string
}

// databases are the packages of databases that are no library of the
// registry; a library adds its own with its Database.
var databases = []database{
	{SQLite, []string{
		"modernc.org/sqlite",
		"github.com/mattn/go-sqlite3",
		"github.com/glebarez/go-sqlite",
		"github.com/glebarez/sqlite",
		"github.com/ncruces/go-sqlite3/driver",
		"github.com/ncruces/go-sqlite3/gormlite",
		"gorm.io/driver/sqlite",
	}, []string{
		"modernc.org/sqlite",
		"github.com/mattn/go-sqlite3",
		"github.com/glebarez/go-sqlite",
		"github.com/glebarez/sqlite",
		"github.com/ncruces/go-sqlite3",
		"gorm.io/driver/sqlite",
	}},
	{MySQL, []string{
		"github.com/go-sql-driver/mysql",
		"gorm.io/driver/mysql",
	}, []string{
		"github.com/go-sql-driver/mysql",
		"gorm.io/driver/mysql",
	}},
	{Postgres, []string{"gorm.io/driver/postgres"}, []string{"gorm.io/driver/postgres"}},
	// Databases without their own wording: a file that imports one of them
	// beside another database's driver runs SQL on either.
	{UnknownDialect, nil, []string{
		"github.com/microsoft/go-mssqldb",
		"github.com/denisenkom/go-mssqldb",
		"github.com/sijms/go-ora",
		"github.com/godror/godror",
		"gorm.io/driver/sqlserver",
	}},
}

// allDatabases are the databases with every library's packages added to
// its dialect's: the packages below its Paths, and its Drivers.
var allDatabases = sync.OnceValue(func() []database {
	all := slices.Clone(databases)
	for _, l := range libraries {
		if l.Database == nil {
			continue
		}
		i := slices.IndexFunc(all, func(db database) bool { return db.dialect == l.Database.Dialect })
		if i < 0 {
			all = append(all, database{dialect: l.Database.Dialect})
			i = len(all) - 1
		}
		all[i].drivers = slices.Concat(all[i].drivers, l.Database.Drivers)
		all[i].libs = slices.Concat(all[i].libs, l.Paths)
	}
	return all
})

// DialectOf returns the dialect of a file with these imports: the database
// one of them is a driver of, when no import belongs to another database.
func DialectOf(imports []string) Dialect {
	dbs := allDatabases()
	seen := -1
	driven := false
	for _, p := range imports {
		for i, db := range dbs {
			if !under(p, db.libs) {
				continue
			}
			if seen >= 0 && seen != i {
				return UnknownDialect
			}
			seen = i
			driven = driven || slices.Contains(db.drivers, p)
		}
	}
	if !driven {
		return UnknownDialect
	}
	return dbs[seen].dialect
}

// fixes is the batched form of a per-row statement through database/sql on
// each dialect: for an INSERT (or upsert), for an UPDATE or DELETE, and for
// a statement whose text is unknown.
var fixes = map[Dialect]struct{ insert, set, any string }{
	Postgres: {PqCopy, "one set-based statement (unnest or WHERE id = ANY($1))", neutral},
	MySQL: {"a multi-row INSERT per chunk (runtime/pgbatch.InsertChunks with MySQL) or LOAD DATA",
		"one set-based statement (WHERE id IN (...), or a JOIN with the rows' values)", neutral},
	SQLite: {SQLiteBatched, SQLiteBatched, SQLiteBatched},
	UnknownDialect: {"a multi-row INSERT per chunk (runtime/pgbatch.InsertChunks) or COPY on Postgres",
		"one set-based statement (WHERE id IN (...), or unnest or = ANY($1) on Postgres)", neutral},
}

// neutral batches statements whose text, so whose kind, is unknown.
const neutral = "one multi-row or set-based statement per chunk of rows"

// under reports whether path is one of paths or a package below one.
func under(path string, paths []string) bool {
	for _, p := range paths {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// WriterBatched is the fix for a function the user names as writing one row
// per call (sqlloop's -writers): neither its statement nor its database is
// known.
const WriterBatched = "COPY or a multi-row INSERT (runtime/pgbatch.Writer)"
