package knowledge

import "slices"

// SqlxPath is sqlx. Its DB, Tx and Conn embed database/sql's, so their
// Exec is database/sql's method, named as sqlx's.
const SqlxPath = "github.com/jmoiron/sqlx"

// Sqlx is sqlx: NamedExec with a slice expands it into one multi-row INSERT.
var Sqlx = Library{
	Key:   "sqlx",
	Paths: []string{SqlxPath},
	Tx:    []TypeName{{SqlxPath, "Tx"}},
	Pool:  []TypeName{{SqlxPath, "DB"}, {SqlxPath, "Conn"}},
	SQLCalls: slices.Concat(
		calls(SqlxPath, []string{"DB", "Tx", "Conn"}, map[string]shape{
			"MustExec": {0, -1, true}, "MustExecContext": {1, -1, true},
			"NamedExec": {0, 1, true}, "NamedExecContext": {1, 2, true},
			"NamedQuery": {0, 1, false}, "NamedQueryContext": {1, 2, false},
			"Queryx": {0, -1, false}, "QueryxContext": {1, -1, false},
			"QueryRowx": {0, -1, false}, "QueryRowxContext": {1, -1, false},
			// Get and Select are reads, unless the statement is a write with
			// RETURNING: the classification decides, not the method name.
			"Get": {1, -1, false}, "GetContext": {2, -1, false},
			"Select": {1, -1, false}, "SelectContext": {2, -1, false},
		}),
		calls(SqlxPath, []string{""}, map[string]shape{
			"MustExec": {1, -1, true}, "MustExecContext": {2, -1, true},
			"NamedExec": {1, 2, true}, "NamedExecContext": {2, 3, true},
			"Get": {2, -1, false}, "GetContext": {3, -1, false},
		}),
		calls(SqlxPath, []string{"Stmt"}, map[string]shape{
			"MustExec": {-1, -1, true}, "MustExecContext": {-1, -1, true},
			"Queryx": {-1, -1, false}, "QueryxContext": {-1, -1, false},
			"QueryRowx": {-1, -1, false}, "QueryRowxContext": {-1, -1, false},
			"Get": {-1, -1, false}, "GetContext": {-1, -1, false},
		}),
		calls(SqlxPath, []string{"NamedStmt"}, map[string]shape{
			"Exec": {-1, 0, true}, "ExecContext": {-1, 1, true},
			"MustExec": {-1, 0, true}, "MustExecContext": {-1, 1, true},
			"QueryRow": {-1, 0, false}, "QueryRowContext": {-1, 1, false},
			"QueryRowx": {-1, 0, false}, "QueryRowxContext": {-1, 1, false},
			"Get": {-1, 1, false}, "GetContext": {-1, 2, false},
		}),
	),
	Prepares: append(
		prepares(SqlxPath, []string{"DB", "Tx", "Conn"}, map[string]int{
			"Preparex": 0, "PrepareNamed": 0, "MustPrepare": 0,
			"PreparexContext": 1, "PrepareNamedContext": 1,
			"Stmtx": -1 - 0, "NamedStmt": -1 - 0,
			"StmtxContext": -1 - 1, "NamedStmtContext": -1 - 1,
		}),
		prepares(SqlxPath, []string{""}, map[string]int{
			"Preparex": 1, "PrepareNamed": 1,
			"PreparexContext": 2, "PrepareNamedContext": 2,
		})...),
	// sqlx.Rebind(bindType, query) and (*sqlx.DB).Rebind(query) only
	// rewrite placeholders.
	TextCalls:     []TextCall{{SqlxPath, "Rebind", LastArgText}},
	BatchedInsert: "sqlx NamedExec with a slice of rows per chunk",
	Params:        &Params{Chunked: chunkedSQL},
}

func init() { register(&Sqlx) }
