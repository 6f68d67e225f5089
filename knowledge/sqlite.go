package knowledge

import "strings"

// SQLiteDrivers are the packages that register SQLite with database/sql or
// an ORM. SQLite runs in the process: a statement costs no round trip, and
// inside a transaction no commit either, so a prepared statement per row in
// one transaction is SQLite's own bulk path; with autocommit every
// statement is a transaction of its own, synced to disk.
var SQLiteDrivers = []string{
	"modernc.org/sqlite",
	"github.com/mattn/go-sqlite3",
	"github.com/glebarez/go-sqlite",
	"github.com/glebarez/sqlite",
	"github.com/ncruces/go-sqlite3",
	"gorm.io/driver/sqlite",
}

// serverDrivers are drivers of databases reached over a connection, beyond
// the registry's libraries that run SQL: a file that imports one of them
// may run its statements there.
var serverDrivers = []string{
	"github.com/go-sql-driver/mysql",
	"github.com/microsoft/go-mssqldb",
	"github.com/denisenkom/go-mssqldb",
	"github.com/sijms/go-ora",
	"github.com/godror/godror",
	"gorm.io/driver/postgres",
	"gorm.io/driver/mysql",
	"gorm.io/driver/sqlserver",
}

// SQLiteBatched is the fix for per-row writes with autocommit on SQLite.
const SQLiteBatched = "one transaction around the loop (SQLite commits each statement on its own)"

// SQLiteOnly reports whether a file with these imports runs its SQL on
// SQLite: it imports a SQLite driver and no driver of another database.
func SQLiteOnly(imports []string) bool {
	sqlite := false
	for _, p := range imports {
		switch {
		case under(p, SQLiteDrivers):
			sqlite = true
		case under(p, serverDrivers) || under(p, Pq.Paths) || under(p, Pgx.Paths) ||
			under(p, PgxV4.Paths) || under(p, Clickhouse.Paths):
			return false
		}
	}
	return sqlite
}

// under reports whether path is one of paths or a package below one.
func under(path string, paths []string) bool {
	for _, p := range paths {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}
