// Package sqlite3 stands in for modernc.org/sqlite/lib, the C library
// transpiled to Go (and its result codes): it registers no driver.
package sqlite3
