// Package pgtest hands tests the throwaway Postgres cluster that
// scripts/test.sh starts.
package pgtest

import (
	"os"
	"testing"
)

// DSN returns the connection string of the test cluster. Without one the test
// is skipped, except under CI=true, where a missing Postgres is a failure.
func DSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("BATCHLINT_PG_DSN")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("BATCHLINT_PG_DSN is not set: run the tests through scripts/test.sh, which starts Postgres")
		}
		t.Skip("no Postgres: run the tests through scripts/test.sh, which starts one")
	}
	return dsn
}
