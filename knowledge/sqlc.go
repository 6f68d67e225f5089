package knowledge

// Sqlc is sqlc's generated code: a query whose text starts with
// "-- name: " is sqlc's, whatever driver runs it. Its :copyfrom and :batch*
// commands are the batched forms.
var Sqlc = Library{
	Key:           "sqlc",
	Headers:       &Headers{Batching: []string{":copyfrom", ":batchexec", ":batchone", ":batchmany"}},
	BatchedInsert: "an sqlc :copyfrom or :batchexec query",
	BatchedSet:    "an sqlc :batchexec query or one set-based query",
}

func init() { register(&Sqlc) }
