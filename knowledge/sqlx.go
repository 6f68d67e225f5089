package knowledge

// SqlxPath is sqlx. Its DB, Tx and Conn embed database/sql's, so their
// Exec is database/sql's method, named as sqlx's.
const SqlxPath = "github.com/jmoiron/sqlx"

// Sqlx is sqlx: NamedExec with a slice expands it into one multi-row INSERT.
var Sqlx = Library{
	Key:           "sqlx",
	Paths:         []string{SqlxPath},
	Tx:            []TypeName{{SqlxPath, "Tx"}},
	Pool:          []TypeName{{SqlxPath, "DB"}},
	BatchedInsert: "sqlx NamedExec with a slice (one multi-row INSERT)",
	BatchedSet:    setBased,
}
