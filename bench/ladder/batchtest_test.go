package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/batchlint/batchlint/internal/pgtest"
	"github.com/batchlint/batchlint/runtime/batchtest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// benchPool is a pgBench, without its table, whose pool (and the
// database/sql handle on it) records into rec, or records nothing when rec
// is nil.
func benchPool(t *testing.T, rec *batchtest.Recorder) *pgBench {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	if rec != nil {
		rec.WrapPoolConfig(cfg)
	}
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	sqlDB := stdlib.OpenDBFromPool(pool)
	t.Cleanup(func() { sqlDB.Close() })
	return &pgBench{pool: pool, sqlDB: sqlDB}
}

// createTable gives p the ladder's table, in a schema of its own.
func (p *pgBench) createTable(t *testing.T) {
	t.Helper()
	schema := fmt.Sprintf("ladder_bt_%08x", rand.Uint32())
	p.table = pgx.Identifier{schema, "readings"}
	for _, q := range []string{"CREATE SCHEMA " + pgx.Identifier{schema}.Sanitize(), "CREATE TABLE " + p.table.Sanitize() +
		" (id bigint PRIMARY KEY, device text NOT NULL, reading double precision, at timestamptz NOT NULL, note text)"} {
		if _, err := p.pool.Exec(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		_, _ = p.pool.Exec(context.Background(), "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
	})
}

// TestRecorderClassifiesRungs runs runtime/batchtest over every rung of the
// ladder: the per-row rungs (autocommit, one transaction, ProduceSync per
// record) fail its check, every batched rung passes, and the rows and
// produce requests it counts are the ladder's own.
func TestRecorderClassifiesRungs(t *testing.T) {
	ctx := context.Background()
	rec := batchtest.New()
	p := benchPool(t, rec)
	p.createTable(t)
	cfg := pgConfig{Rows: 3000, SlowRows: 300, BatchRows: 1000, PgxBatch: 250}
	all := makeRows(cfg.Rows)
	perRow := map[string]bool{"autocommit": true, "onetx": true, "sync": true}
	for _, pr := range pgRungs(cfg) {
		rows := all
		if pr.slow {
			rows = all[:cfg.SlowRows]
		}
		rec.Reset()
		r, err := p.measure(ctx, pr, rows)
		if err != nil {
			t.Fatal(err)
		}
		written := 0
		for _, s := range rec.Stats() {
			if s.Shape != "select count(*) from "+p.table.Sanitize() {
				written += s.Rows
			}
		}
		classify(t, rec, r.Key, r.Name, perRow[r.Key], len(rows))
		if written != len(rows) {
			t.Errorf("%s: recorder counted %d rows written, the table holds %d", r.Name, written, len(rows))
		}
	}

	cluster, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, topic))
	if err != nil {
		t.Fatal(err)
	}
	defer cluster.Close()
	var requests atomic.Int64
	cluster.ControlKey(int16(kmsg.Produce), func(kmsg.Request) (kmsg.Response, error, bool) {
		cluster.KeepControl()
		requests.Add(1)
		return nil, nil, false
	})
	values := make([][]byte, 3000)
	for i := range values {
		values[i] = makeRecordValue(i, 200)
	}
	for _, kr := range kafkaRungs() {
		vals := values
		if kr.slow {
			vals = values[:300]
		}
		kr.opts = append(slices.Clone(kr.opts), rec.KafkaHooks())
		rec.Reset()
		r, err := measureKafka(ctx, cluster, &requests, kr, vals)
		if err != nil {
			t.Fatal(err)
		}
		classify(t, rec, r.Key, r.Name, perRow[r.Key], len(vals))
		// The rung's own count leaves out its warm-up record's request.
		if got := int64(rec.RoundTrips()); got != r.Requests+1 {
			t.Errorf("%s: recorder counted %d produce requests, the cluster received %d", r.Name, got, r.Requests+1)
		}
	}
}

func classify(t *testing.T, rec *batchtest.Recorder, key, name string, perRow bool, items int) {
	t.Helper()
	fs := rec.Findings()
	verdict := "passes"
	if len(fs) > 0 {
		verdict = fmt.Sprintf("fails: %s, %d in a row", fs[0].Analyzer, fs[0].Count)
	}
	t.Logf("%-10s %-52s %s", key, name, verdict)
	switch {
	case perRow && (len(fs) != 1 || fs[0].Count < items):
		t.Errorf("%s writes row by row, recorder found %+v", name, fs)
	case !perRow && len(fs) != 0:
		t.Errorf("%s is batched, recorder found %+v", name, fs)
	}
}
