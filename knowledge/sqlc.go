package knowledge

// Sqlc is sqlc's generated code: a query whose text starts with
// "-- name: " is sqlc's, whatever driver runs it. Its :copyfrom and :batch*
// commands are the batched forms.
var Sqlc = Library{
	Key:           "sqlc",
	BatchedInsert: "an sqlc :copyfrom or :batchexec query",
	BatchedSet:    "an sqlc :batchexec query or one set-based query",
}

// SqlcBatched reports the sqlc commands that batch rows.
func SqlcBatched(cmd string) bool {
	switch cmd {
	case ":copyfrom", ":batchexec", ":batchone", ":batchmany":
		return true
	}
	return false
}
