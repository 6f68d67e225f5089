// Package pq stands in for the Postgres driver of the same import path:
// batchlint reads only the path a file imports.
package pq
