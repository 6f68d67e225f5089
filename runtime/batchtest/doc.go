// Package batchtest fails a test when the code it exercises writes row by
// row: the per-row INSERT loop, the ProduceSync of one record per call, which
// batchlint's analyzers report where they can see them. A test sees what
// static analysis cannot: SQL text loaded from files, writes behind
// interfaces wired in main, and how many rows each statement really wrote.
//
// A Recorder is attached where connections are made: [Recorder.WrapPoolConfig]
// or [Recorder.Tracer] for pgx v5, [WrapConnector] or [WrapDriver] for
// database/sql (lib/pq, pgx's stdlib, sqlite drivers), [Recorder.KafkaHooks]
// for franz-go. It normalises each statement to its shape (literals and
// placeholders folded to ?, a VALUES list of any length folded to its first
// row, keywords lower-cased, spacing made canonical) and counts, per shape,
// executions, rows and round trips; per Kafka topic, partition batches and
// records.
//
// [Recorder.Check] fails the test when one write shape ran more than
// [DefaultThreshold] times in a row with one row each (one record each for a
// topic), naming the shape, the count, the call sites of the first and last
// of them, the batchlint analyzer that reports such a loop, and its fix.
// COPY, multi-row INSERTs, a pgx.Batch, chunk loops and a retried statement
// pass. [Recorder.AtMostRoundTrips] bounds the round trips of one operation.
package batchtest
