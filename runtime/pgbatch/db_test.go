package pgbatch

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/batchlint/batchlint/internal/pgtest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// testDB is a pool on the test cluster plus a schema of the test's own, so
// tests running side by side never see each other's tables.
type testDB struct {
	pool   *pgxpool.Pool
	schema string
}

func newTestDB(t *testing.T) *testDB {
	t.Helper()
	return newTestDBAt(t, pgtest.DSN(t))
}

func newTestDBAt(t *testing.T, dsn string) *testDB {
	t.Helper()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	name := strings.ToLower(regexp.MustCompile(`[^A-Za-z0-9]+`).ReplaceAllString(t.Name(), "_"))
	schema := fmt.Sprintf("t_%s_%08x", name, rand.Uint32())
	db := &testDB{pool: pool, schema: schema}
	db.exec(t, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize())
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, _ = pool.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
	})
	return db
}

// table names a table in the test's schema.
func (db *testDB) table(name string) pgx.Identifier { return pgx.Identifier{db.schema, name} }

func (db *testDB) exec(t *testing.T, sql string, args ...any) {
	t.Helper()
	if _, err := db.pool.Exec(context.Background(), sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func (db *testDB) count(t *testing.T, table pgx.Identifier) int {
	t.Helper()
	var n int
	if err := db.pool.QueryRow(context.Background(), "SELECT count(*) FROM "+table.Sanitize()).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// ids returns the id column of table, ascending.
func (db *testDB) ids(t *testing.T, table pgx.Identifier) []int64 {
	t.Helper()
	rows, err := db.pool.Query(context.Background(), "SELECT id FROM "+table.Sanitize()+" ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// eventsTable creates the table most tests write to.
func (db *testDB) eventsTable(t *testing.T) pgx.Identifier {
	t.Helper()
	tbl := db.table("events")
	db.exec(t, "CREATE TABLE "+tbl.Sanitize()+` (
		id bigint PRIMARY KEY,
		name text NOT NULL,
		score double precision,
		at timestamptz,
		tags text[]
	)`)
	return tbl
}

var eventColumns = []string{"id", "name", "score", "at", "tags"}

var baseTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func eventRow(id int64) []any {
	var score any = float64(id) / 4
	if id%10 == 0 {
		score = nil
	}
	return []any{id, fmt.Sprintf("event %d, \"quoted\"\t'x'\n", id), score,
		baseTime.Add(time.Duration(id) * time.Second), []string{"a", fmt.Sprint(id % 7)}}
}

func eventRows(from, to int64) [][]any {
	rows := make([][]any, 0, to-from)
	for id := from; id < to; id++ {
		rows = append(rows, eventRow(id))
	}
	return rows
}

// checkEvents asserts that table holds exactly the rows eventRow makes for
// want, column by column.
func (db *testDB) checkEvents(t *testing.T, table pgx.Identifier, want []int64) {
	t.Helper()
	rows, err := db.pool.Query(context.Background(),
		"SELECT id, name, score, at, tags FROM "+table.Sanitize()+" ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([]any, error) {
		var id int64
		var name string
		var score *float64
		var at time.Time
		var tags []string
		err := r.Scan(&id, &name, &score, &at, &tags)
		var s any
		if score != nil {
			s = *score
		}
		return []any{id, name, s, at.UTC(), tags}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("table has %d rows, want %d", len(got), len(want))
	}
	for i, id := range want {
		if g, w := fmt.Sprint(got[i]), fmt.Sprint(eventRow(id)); g != w {
			t.Fatalf("row %d:\n got %s\nwant %s", i, g, w)
		}
	}
}

func seq(from, to int64) []int64 {
	var s []int64
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}

func rowIDs(rows [][]any) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r[0].(int64)
	}
	return ids
}
