package knowledge

// PqPath is lib/pq, a database/sql driver: its writes are database/sql's,
// and its CopyIn builds the COPY that batches them.
const PqPath = "github.com/lib/pq"

// Pq is lib/pq: its writes go through database/sql and are named so.
// CopyIn and CopyInSchema build a COPY ... FROM STDIN statement.
var Pq = Library{
	Key: "lib/pq", Paths: []string{PqPath}, Params: &Params{Chunked: chunkedSQL},
	Database:  &Database{Postgres, []string{PqPath}},
	TextCalls: []TextCall{{PqPath, "CopyIn", CopyText}, {PqPath, "CopyInSchema", CopyText}},
}

// PqCopy is the batched form of a per-row INSERT through database/sql on
// Postgres.
const PqCopy = "COPY (pq.CopyIn) or a multi-row INSERT (runtime/pgbatch.InsertChunks)"

func init() { register(&Pq) }
