package batchtest_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batchlint/batchlint/internal/pgtest"
	"github.com/batchlint/batchlint/runtime/batchtest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

// newPool connects a pool recorded by rec to a schema of the test's own, set
// as the search path, so statements name tables without a schema and shapes
// come out the same on every run. tracer is the user's own, kept.
func newPool(t *testing.T, rec *batchtest.Recorder, tracer pgx.QueryTracer) *pgxpool.Pool {
	t.Helper()
	ctx := context.Background()
	schema := fmt.Sprintf("batchtest_%08x", rand.Uint32())
	admin, err := pgx.Connect(ctx, pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, "CREATE TABLE "+schema+".items (id bigint PRIMARY KEY, name text NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		if c, err := pgx.Connect(ctx, pgtest.DSN(t)); err == nil {
			_, _ = c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			_ = c.Close(ctx)
		}
	})
	cfg, err := pgxpool.ParseConfig(pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	cfg.ConnConfig.Tracer = tracer
	rec.WrapPoolConfig(cfg)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// plainConfig is a configuration for pool's schema that records nothing.
func plainConfig(t *testing.T, pool *pgxpool.Pool) *pgxpool.Config {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = pool.Config().ConnConfig.RuntimeParams["search_path"]
	return cfg
}

// newDB opens database/sql on pool's schema through pgx's stdlib driver,
// recorded by the connector wrapper alone.
func newDB(t *testing.T, rec *batchtest.Recorder, pool *pgxpool.Pool) *sql.DB {
	db := sql.OpenDB(batchtest.WrapConnector(stdlib.GetConnector(*plainConfig(t, pool).ConnConfig), rec))
	t.Cleanup(func() { db.Close() })
	return db
}

const (
	insertItem = "INSERT INTO items (id, name) VALUES ($1, $2)"
	itemShape  = "insert into items (id, name) values (?, ?)"
)

type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// insertEach is the loop sqlloop reports, here with the SQL where the
// analyzer could see it; behind an interface wired in main it could not.
func insertEach(ctx context.Context, db execer, ids []int) error {
	for _, id := range ids {
		if _, err := db.Exec(ctx, insertItem, id, fmt.Sprint("item ", id)); err != nil {
			return err
		}
	}
	return nil
}

// insertValues writes ids with one multi-row INSERT.
func insertValues(ctx context.Context, db execer, ids []int) error {
	var q strings.Builder
	q.WriteString("INSERT INTO items (id, name) VALUES ")
	args := make([]any, 0, 2*len(ids))
	for i, id := range ids {
		if i > 0 {
			q.WriteString(", ")
		}
		fmt.Fprintf(&q, "($%d, $%d)", 2*i+1, 2*i+2)
		args = append(args, id, fmt.Sprint("item ", id))
	}
	_, err := db.Exec(ctx, q.String(), args...)
	return err
}

func span(from, n int) []int {
	ids := make([]int, n)
	for i := range ids {
		ids[i] = from + i
	}
	return ids
}

// TestClassifies runs each write path against Postgres and checks that only
// the row-by-row ones fail the check, with the shape, the count and the
// call sites in this file.
func TestClassifies(t *testing.T) {
	ctx := context.Background()
	rec := batchtest.New()
	pool := newPool(t, rec, nil)
	db := newDB(t, rec, pool)
	// perRow is the loop of the per-row cases, around what each does per id.
	perRow := func(one func(id int) error) func([]int) error {
		return func(ids []int) error {
			for _, id := range ids {
				if err := one(id); err != nil {
					return err
				}
			}
			return nil
		}
	}
	cases := []struct {
		name  string
		write func(ids []int) error
		count int    // single-row executions in a row reported; 0: none
		shape string // the shape reported, when not itemShape
	}{
		{"per-row Exec", func(ids []int) error { return insertEach(ctx, pool, ids) }, 30, ""},
		{"per-row Exec in one transaction", func(ids []int) error {
			return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error { return insertEach(ctx, tx, ids) })
		}, 30, ""},
		{"one pgx.Batch per row", perRow(func(id int) error {
			b := &pgx.Batch{}
			b.Queue(insertItem, id, "x")
			return pool.SendBatch(ctx, b).Close()
		}), 30, ""},
		{"one CopyFrom per row", perRow(func(id int) error {
			_, err := pool.CopyFrom(ctx, pgx.Identifier{"items"}, []string{"id", "name"}, pgx.CopyFromRows([][]any{{id, "x"}}))
			return err
		}), 30, `copy "items" ("id", "name") from stdin binary`},
		{"QueryRow of INSERT ... RETURNING per row", perRow(func(id int) error {
			return pool.QueryRow(ctx, insertItem+" RETURNING id", id, "x").Scan(new(int))
		}), 30, itemShape + " returning id"},
		{"database/sql QueryRowContext of INSERT ... RETURNING per row", perRow(func(id int) error {
			return db.QueryRowContext(ctx, insertItem+" RETURNING id", id, "x").Scan(new(int))
		}), 30, itemShape + " returning id"},
		{"database/sql prepared statement per row in a transaction", func(ids []int) error {
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			defer tx.Rollback()
			stmt, err := tx.PrepareContext(ctx, insertItem)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if _, err := stmt.ExecContext(ctx, id, "x"); err != nil {
					return err
				}
			}
			return tx.Commit()
		}, 30, ""},
		{"database/sql ExecContext per row", perRow(func(id int) error {
			_, err := db.ExecContext(ctx, insertItem, id, "x")
			return err
		}), 30, ""},
		{"eleven single-row inserts, one over the threshold", func(ids []int) error { return insertEach(ctx, pool, ids[:11]) }, 11, ""},
		{"ten single-row inserts, at the threshold", func(ids []int) error { return insertEach(ctx, pool, ids[:10]) }, 0, ""},
		{"CopyFrom", func(ids []int) error {
			rows := make([][]any, len(ids))
			for i, id := range ids {
				rows[i] = []any{id, "x"}
			}
			_, err := pool.CopyFrom(ctx, pgx.Identifier{"items"}, []string{"id", "name"}, pgx.CopyFromRows(rows))
			return err
		}, 0, ""},
		{"multi-row INSERT", func(ids []int) error { return insertValues(ctx, pool, ids) }, 0, ""},
		{"multi-row INSERT through database/sql", func(ids []int) error {
			_, err := db.ExecContext(ctx, "INSERT INTO items (id, name) SELECT g, 'x' FROM generate_series($1::bigint, $2::bigint) g", ids[0], ids[len(ids)-1])
			return err
		}, 0, ""},
		{"pgx.Batch", func(ids []int) error {
			b := &pgx.Batch{}
			for _, id := range ids {
				b.Queue(insertItem, id, "x")
			}
			return pool.SendBatch(ctx, b).Close()
		}, 0, ""},
		{"chunk loop", func(ids []int) error {
			for start := 0; start < len(ids); start += 7 {
				if err := insertValues(ctx, pool, ids[start:min(start+7, len(ids))]); err != nil {
					return err
				}
			}
			return nil
		}, 0, ""},
		{"retry of one statement", func(ids []int) error {
			var err error
			for attempt := range 5 {
				actx, cancel := context.WithTimeout(ctx, time.Hour)
				if attempt < 2 {
					cancel() // the first two attempts time out before they are sent
				}
				_, err = pool.Exec(actx, insertItem, ids[0], "x")
				cancel()
				if err == nil {
					return nil
				}
			}
			return err
		}, 0, ""},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec.Reset()
			ids := span(i*1000, 30)
			if err := c.write(ids); err != nil {
				t.Fatal(err)
			}
			fs := rec.Findings()
			if c.count == 0 {
				if len(fs) != 0 {
					t.Fatalf("findings on a batched path: %+v", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("%d findings, want 1: %+v", len(fs), fs)
			}
			f := fs[0]
			wantShape := itemShape
			if c.shape != "" {
				wantShape = c.shape
			}
			if f.Shape != wantShape || f.Count != c.count || f.Analyzer != "sqlloop" || !strings.Contains(f.Fix, "runtime/pgbatch") {
				t.Errorf("finding %+v, want shape %q, count %d, sqlloop and pgbatch", f, wantShape, c.count)
			}
			for _, site := range []string{f.First, f.Last} {
				if !strings.HasPrefix(site, "pg_test.go:") {
					t.Errorf("call site %q is not in pg_test.go", site)
				}
			}
		})
	}
}

// TestCounts checks the per-shape counts and round trips the assertions
// rest on.
func TestCounts(t *testing.T) {
	ctx := context.Background()
	rec := batchtest.New()
	pool := newPool(t, rec, nil)

	rec.Reset()
	if err := insertValues(ctx, pool, span(0, 25)); err != nil {
		t.Fatal(err)
	}
	rec.AtMostRoundTrips(t, 1)
	if got := rec.Stats(); len(got) != 1 || got[0] != (batchtest.Stats{Shape: itemShape, Executions: 1, Rows: 25, RoundTrips: 1}) {
		t.Errorf("multi-row INSERT stats %+v", got)
	}

	rec.Reset()
	if err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error { return insertEach(ctx, tx, span(100, 5)) }); err != nil {
		t.Fatal(err)
	}
	ft := &fakeT{}
	rec.AtMostRoundTrips(ft, 3)
	// BEGIN, five INSERTs, COMMIT.
	if len(ft.errs) != 1 || !strings.Contains(ft.errs[0], "7 round trips, want at most 3") || !strings.Contains(ft.errs[0], "    5  "+itemShape) || ft.helpers == 0 {
		t.Errorf("AtMostRoundTrips reported %q (Helper called %d times)", ft.errs, ft.helpers)
	}

	rec.Reset()
	b := &pgx.Batch{}
	for _, id := range span(200, 40) {
		b.Queue(insertItem, id, "x")
	}
	b.Queue("SELECT count(*) FROM items")
	if err := pool.SendBatch(ctx, b).Close(); err != nil {
		t.Fatal(err)
	}
	rec.AtMostRoundTrips(t, 1)
	if got := rec.Stats(); len(got) != 2 || got[0] != (batchtest.Stats{Shape: itemShape, Executions: 1, Rows: 40, RoundTrips: 1}) || got[1].Shape != "select count(*) from items" {
		t.Errorf("pgx.Batch stats %+v", got)
	}
}

// TestAllowAndThreshold checks the per-shape allow list and the threshold.
func TestAllowAndThreshold(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		opts []batchtest.Option
		want int
	}{
		{"default", nil, 1},
		{"another statement allowed", []batchtest.Option{batchtest.AllowSQL("INSERT INTO items (id) VALUES (7)")}, 1},
		{"allowed, written with other literals and spacing", []batchtest.Option{batchtest.AllowSQL("insert into items(id,name)\n VALUES (7, 'seven'), (8, 'eight')")}, 0},
		{"threshold raised", []batchtest.Option{batchtest.Threshold(20)}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := batchtest.New(c.opts...)
			if err := insertEach(ctx, newPool(t, rec, nil), span(0, 20)); err != nil {
				t.Fatal(err)
			}
			if got := len(rec.Findings()); got != c.want {
				t.Errorf("%d findings, want %d", got, c.want)
			}
		})
	}
}

type countingTracer struct{ starts, ends atomic.Int32 }

func (c *countingTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.starts.Add(1)
	return ctx
}

func (c *countingTracer) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {
	c.ends.Add(1)
}

// TestKeepsUserTracer checks that the user's tracer still sees every query.
func TestKeepsUserTracer(t *testing.T) {
	rec := batchtest.New()
	mine := &countingTracer{}
	if err := insertEach(context.Background(), newPool(t, rec, mine), span(0, 12)); err != nil {
		t.Fatal(err)
	}
	if mine.starts.Load() != 12 || mine.ends.Load() != 12 {
		t.Errorf("user tracer saw %d starts and %d ends, want 12 each", mine.starts.Load(), mine.ends.Load())
	}
	if fs := rec.Findings(); len(fs) != 1 || fs[0].Count != 12 {
		t.Errorf("findings %+v, want 12 single-row INSERTs", fs)
	}
}

// fakeT records what Check and the assertions report, so that a test can
// see them fail.
type fakeT struct {
	helpers  int
	errs     []string
	cleanups []func()
}

func (f *fakeT) Helper()                        { f.helpers++ }
func (f *fakeT) Errorf(format string, a ...any) { f.errs = append(f.errs, fmt.Sprintf(format, a...)) }
func (f *fakeT) Cleanup(fn func())              { f.cleanups = append(f.cleanups, fn) }

// TestStartChecksAtCleanup checks that Start fails the test when it ends.
func TestStartChecksAtCleanup(t *testing.T) {
	ft := &fakeT{}
	rec := batchtest.Start(ft)
	if err := insertEach(context.Background(), newPool(t, rec, nil), span(0, 15)); err != nil {
		t.Fatal(err)
	}
	if len(ft.errs) != 0 || len(ft.cleanups) != 1 {
		t.Fatalf("before cleanup: %d errors, %d cleanups", len(ft.errs), len(ft.cleanups))
	}
	ft.cleanups[0]()
	if len(ft.errs) != 1 || !strings.Contains(ft.errs[0], itemShape) || !strings.Contains(ft.errs[0], "15 statements in a row, one row each") {
		t.Errorf("at cleanup: %q", ft.errs)
	}
}

// TestTracerAlone checks the tracer set by hand, without WrapConfig: pgx's
// CopyFrom is seen through its CopyFromTracer.
func TestTracerAlone(t *testing.T) {
	ctx := context.Background()
	rec := batchtest.New()
	cfg := plainConfig(t, newPool(t, batchtest.New(), nil))
	cfg.ConnConfig.Tracer = rec.Tracer(nil)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	copyShape := `copy "items" ("id", "name") from stdin binary`
	for _, id := range span(0, 12) {
		if _, err := pool.CopyFrom(ctx, pgx.Identifier{"items"}, []string{"id", "name"}, pgx.CopyFromRows([][]any{{id, "x"}})); err != nil {
			t.Fatal(err)
		}
	}
	if fs := rec.Findings(); len(fs) != 1 || fs[0].Shape != copyShape || fs[0].Count != 12 || !strings.HasPrefix(fs[0].First, "pg_test.go:") {
		t.Errorf("one CopyFrom per row: findings %+v", fs)
	}
	rec.Reset()
	rows := [][]any{}
	for _, id := range span(100, 30) {
		rows = append(rows, []any{id, "x"})
	}
	if _, err := pool.CopyFrom(ctx, pgx.Identifier{"items"}, []string{"id", "name"}, pgx.CopyFromRows(rows)); err != nil {
		t.Fatal(err)
	}
	if st := rec.Stats(); len(st) != 1 || st[0] != (batchtest.Stats{Shape: copyShape, Executions: 1, Rows: 30, RoundTrips: 1}) {
		t.Errorf("one CopyFrom of 30 rows: stats %+v", st)
	}
}

var registered atomic.Int32

// TestWrapDriver checks the driver wrapper for sql.Register, with a driver
// that opens connectors (pgx's stdlib) and with one that only opens
// connections by name (the same driver with that method hidden).
func TestWrapDriver(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		d    driver.Driver
	}{
		{"DriverContext", stdlib.GetDefaultDriver()},
		{"Open only", struct{ driver.Driver }{stdlib.GetDefaultDriver()}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := batchtest.New()
			schema := newPool(t, batchtest.New(), nil).Config().ConnConfig.RuntimeParams["search_path"]
			name := fmt.Sprintf("batchtest-%d", registered.Add(1))
			sql.Register(name, batchtest.WrapDriver(c.d, rec))
			db, err := sql.Open(name, pgtest.DSN(t)+" search_path="+schema)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, id := range span(0, 12) {
				if _, err := db.ExecContext(ctx, insertItem, id, "x"); err != nil {
					t.Fatal(err)
				}
			}
			if fs := rec.Findings(); len(fs) != 1 || fs[0].Shape != itemShape || fs[0].Count != 12 {
				t.Errorf("findings %+v, want 12 single-row INSERTs", fs)
			}
		})
	}
}
