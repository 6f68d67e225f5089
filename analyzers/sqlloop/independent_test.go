package sqlloop_test

import (
	"path/filepath"
	"testing"
)

// TestIndependentCorpus scores sqlloop on testdata/sql/independent: shapes
// taken from public Go code over database/sql, lib/pq, pgx, sqlx and sqlc,
// labelled by what each line does at runtime by someone who had not read
// the rules. Unlike ./corpus it is not tuned to the analyzer, so its
// numbers are the honest ones: go test -v logs them. Every miss and false
// positive is listed, with its reason, in
// testdata/sql/independent/known.tsv, and the test fails when the
// analyzer's results move away from the list in either direction.
func TestIndependentCorpus(t *testing.T) {
	s := corpora.Collect(t, "./independent/...")
	s.Require(t, 40, filepath.Join(testdata, "independent", "known.tsv"))
}
