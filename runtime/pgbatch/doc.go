// Package pgbatch writes rows to Postgres in batches, so that the fixed cost
// of a write (a round trip, a parse and plan, a commit and its WAL flush) is
// paid once per batch instead of once per row.
//
// [Writer] buffers rows and streams each batch with COPY inside one
// transaction: a batch lands whole or not at all, and a batch that fails
// comes back, rows included, in a [*BatchError]. In upsert mode a batch is
// copied into a temporary table first and merged with INSERT ... ON
// CONFLICT in the same transaction.
//
// [CopyRows] is the same write for a batch the caller has already built.
//
// [Insert] serves code that cannot use COPY (database/sql drivers, MySQL,
// statement-level ON CONFLICT): it builds multi-row INSERT statements whose
// values travel only as bind parameters, chunked to stay within the 65535
// parameters the Postgres (and MySQL) protocol allows per statement.
package pgbatch
