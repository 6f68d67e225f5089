package batchtest_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/batchlint/batchlint/runtime/batchtest"
)

var update = flag.Bool("update", false, "rewrite testdata/report.golden")

// TestReportGolden pins the report Check fails a test with: per shape the
// statement or topic, the count, the first and last call sites, the analyzer
// and its fix; no addresses or timings, so it reads the same on every run.
func TestReportGolden(t *testing.T) {
	ctx := context.Background()
	rec := batchtest.New()
	pool := newPool(t, rec, nil)
	db := newDB(t, rec, pool)
	// The loops are here, not in helpers, so that the call sites in the
	// golden file move only when this test does.
	if _, err := pool.Exec(ctx, insertItem, 0, "first"); err != nil {
		t.Fatal(err)
	}
	for id := range 39 {
		if _, err := pool.Exec(ctx, insertItem, id+1, "x"); err != nil {
			t.Fatal(err)
		}
	}
	for id := range 12 {
		if _, err := db.ExecContext(ctx, "UPDATE items SET name = $1 WHERE id = $2", "renamed", id); err != nil {
			t.Fatal(err)
		}
	}
	cl, _, _ := newKafka(t, rec)
	for i := range 20 {
		if err := cl.ProduceSync(ctx, kgo.StringRecord(fmt.Sprint(i))).FirstErr(); err != nil {
			t.Fatal(err)
		}
	}

	ft := &fakeT{}
	rec.Check(ft)
	if len(ft.errs) != 1 || ft.helpers == 0 {
		t.Fatalf("Check reported %d errors and called Helper %d times, want one error after Helper", len(ft.errs), ft.helpers)
	}
	const golden = "testdata/report.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(ft.errs[0]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if ft.errs[0] != string(want) {
		t.Errorf("report differs from %s (go test -run TestReportGolden -update to accept):\n--- got\n%s\n--- want\n%s", golden, ft.errs[0], want)
	}
}
