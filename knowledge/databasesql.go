package knowledge

// DatabaseSQLPath is database/sql, through which lib/pq and every other
// driver is used.
const DatabaseSQLPath = "database/sql"

// DatabaseSQL is database/sql; its writes through any driver are named so.
var DatabaseSQL = Library{
	Key:   "database/sql",
	Paths: []string{DatabaseSQLPath},
	Tx:    []TypeName{{DatabaseSQLPath, "Tx"}},
	Pool:  []TypeName{{DatabaseSQLPath, "DB"}, {DatabaseSQLPath, "Conn"}},
	SQLCalls: append(
		calls(DatabaseSQLPath, []string{"DB", "Tx", "Conn"}, map[string]shape{
			"Exec": {0, -1, true}, "ExecContext": {1, -1, true},
			"Query": {0, -1, false}, "QueryContext": {1, -1, false},
			"QueryRow": {0, -1, false}, "QueryRowContext": {1, -1, false},
		}),
		calls(DatabaseSQLPath, []string{"Stmt"}, map[string]shape{
			"Exec": {-1, -1, true}, "ExecContext": {-1, -1, true},
			"Query": {-1, -1, false}, "QueryContext": {-1, -1, false},
			"QueryRow": {-1, -1, false}, "QueryRowContext": {-1, -1, false},
		})...),
	Prepares: prepares(DatabaseSQLPath, []string{"DB", "Tx", "Conn"}, map[string]int{
		"Prepare": 0, "PrepareContext": 1, "Stmt": -1 - 0, "StmtContext": -1 - 1,
	}),
	Results: &SQLResults{
		Exec:  []TypeName{{DatabaseSQLPath, "Result"}},
		Query: []TypeName{{DatabaseSQLPath, "Row"}, {DatabaseSQLPath, "Rows"}},
	},
	Params: &Params{Chunked: chunkedSQL},
}

func init() { register(&DatabaseSQL) }
