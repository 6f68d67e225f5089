package knowledge

// PqPath is lib/pq, a database/sql driver: its writes are database/sql's,
// and its CopyIn builds the COPY that batches them.
const PqPath = "github.com/lib/pq"

// PqCopy is the batched form of a per-row INSERT through database/sql.
const PqCopy = "lib/pq COPY (a prepared COPY ... FROM STDIN in one transaction) or a multi-row INSERT (runtime/pgbatch.InsertChunks)"
