// Package sqlite3 stands in for the SQLite driver of the same import path:
// batchlint reads only the path a file imports to tell that its statements
// run on SQLite, so no driver code is needed (the real one is a cgo build
// of the SQLite amalgamation).
package sqlite3
