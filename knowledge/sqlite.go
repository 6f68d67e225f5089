package knowledge

// SQLiteBatched is the fix for per-row writes with autocommit on SQLite.
// SQLite runs in the process: a statement costs no round trip, and inside a
// transaction no commit either, so a prepared statement per row in one
// transaction is SQLite's own bulk path; with autocommit every statement is
// a transaction of its own, synced to disk.
const SQLiteBatched = "one transaction around the loop (SQLite commits each statement on its own)"
