package knowledge

// DatabaseSQLPath is database/sql, through which lib/pq and every other
// driver is used.
const DatabaseSQLPath = "database/sql"

// DatabaseSQL is database/sql; its writes through any driver are named so.
var DatabaseSQL = Library{
	Key:           "database/sql",
	Paths:         []string{DatabaseSQLPath},
	Tx:            []TypeName{{DatabaseSQLPath, "Tx"}},
	Pool:          []TypeName{{DatabaseSQLPath, "DB"}},
	BatchedInsert: PqCopy,
	BatchedSet:    setBased,
}

// setBased is the batched form of a per-row UPDATE or DELETE on Postgres.
const setBased = "one set-based statement (... FROM unnest(...) or WHERE id = ANY($1))"
