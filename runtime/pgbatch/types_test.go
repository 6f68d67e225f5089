package pgbatch

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/batchlint/batchlint/internal/pgtest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// texts returns column v of table as the server prints it, by id.
func texts(t *testing.T, q querier, table pgx.Identifier) []string {
	t.Helper()
	// A failed Query comes back from CollectRows.
	rows, _ := q.Query(context.Background(), "SELECT v::text FROM "+table.Sanitize()+" ORDER BY id")
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// Two upsert Writers on one pool whose targets have the same column names
// but differently typed values: the stage of one must never lend its column
// types to the other.
func TestUpsertWritersWithDifferentColumnTypes(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	ints, floats := db.table("ints"), db.table("floats")
	db.exec(t, "CREATE TABLE "+ints.Sanitize()+" (id bigint PRIMARY KEY, v bigint)")
	db.exec(t, "CREATE TABLE "+floats.Sanitize()+" (id bigint PRIMARY KEY, v double precision)")
	writer := func(tbl pgx.Identifier) *Writer {
		w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: []string{"id", "v"},
			OnConflict: &OnConflict{Keys: []string{"id"}}}, MaxRows: 10, MaxWait: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	wi, wf := writer(ints), writer(floats)
	var wantI, wantF []string
	for id := range int64(100) {
		if err := wi.Add(ctx, []any{id, id + 1}); err != nil {
			t.Fatal(err)
		}
		if err := wf.Add(ctx, []any{id, float64(id + 1)}); err != nil {
			t.Fatal(err)
		}
		wantI, wantF = append(wantI, fmt.Sprint(id+1)), append(wantF, fmt.Sprint(id+1))
		if id%7 == 0 {
			if err := wi.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if err := wf.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, w := range []*Writer{wi, wf} {
		if err := w.Close(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := texts(t, db.pool, ints); !slices.Equal(got, wantI) {
		t.Errorf("bigint target holds %v", got)
	}
	if got := texts(t, db.pool, floats); !slices.Equal(got, wantF) {
		t.Errorf("double precision target holds %v", got)
	}
}

// Targets that differ only in a column's type, and a table dropped and
// recreated with another type under the same name, all on one connection so
// that whatever it caches is reused: every value lands exactly, in COPY and
// upsert mode, from a pool and inside the caller's transaction.
func TestTargetsDifferingOnlyInTypes(t *testing.T) {
	db := newTestDBAt(t, pgtest.DSN(t)+" pool_max_conns=1 timezone=UTC")
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", 5*3600))
	pairs := []typePair{
		// timestamp keeps the wall clock, timestamptz the instant.
		{"timestamp", "timestamptz", at, "2026-01-02 03:04:05", "2026-01-01 22:04:05+00"},
		{"numeric", "double precision", 2.5, "2.5", "2.5"},
		{"integer", "bigint", int64(7), "7", "7"},
		{"text", "jsonb", `{"a": 1}`, `{"a": 1}`, `{"a": 1}`},
	}
	for _, upsert := range []bool{false, true} {
		for _, inTx := range []bool{false, true} {
			t.Run(fmt.Sprintf("upsert=%v,tx=%v", upsert, inTx), func(t *testing.T) {
				var q querier = db.pool
				if inTx {
					tx, err := db.pool.Begin(ctx)
					if err != nil {
						t.Fatal(err)
					}
					defer tx.Rollback(ctx)
					q = tx
				}
				for i, p := range pairs {
					name := fmt.Sprintf("p%d_%v_%v", i, upsert, inTx)
					p.check(t, q, db.table(name+"_a"), db.table(name+"_b"), upsert)
				}
			})
		}
	}
}

type querier interface {
	Beginner
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

type typePair struct {
	a, b         string
	v            any
	wantA, wantB string
}

// check writes p.v to a table of type a, one of type b, a again, and then to
// a dropped and recreated with type b.
func (p typePair) check(t *testing.T, q querier, ta, tb pgx.Identifier, upsert bool) {
	t.Helper()
	ctx := context.Background()
	exec := func(sql string) {
		t.Helper()
		if _, err := q.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	create := func(tbl pgx.Identifier, typ string) {
		exec("CREATE TABLE " + tbl.Sanitize() + " (id bigint PRIMARY KEY, v " + typ + ")")
	}
	write := func(tbl pgx.Identifier, id int64) {
		t.Helper()
		target := Target{Table: tbl, Columns: []string{"id", "v"}}
		if upsert {
			target.OnConflict = &OnConflict{Keys: []string{"id"}}
		}
		if _, err := CopyRows(ctx, q, target, [][]any{{id, p.v}}); err != nil {
			t.Fatalf("%s %v into %s: %v", p.a, p.v, tbl.Sanitize(), err)
		}
	}
	expect := func(tbl pgx.Identifier, typ string, want ...string) {
		t.Helper()
		if got := texts(t, q, tbl); !slices.Equal(got, want) {
			t.Errorf("%v into %s column: stored %q, want %q", p.v, typ, got, want)
		}
	}
	create(ta, p.a)
	create(tb, p.b)
	write(ta, 1)
	write(tb, 1)
	write(ta, 2)
	expect(ta, p.a, p.wantA, p.wantA)
	expect(tb, p.b, p.wantB)
	exec("DROP TABLE " + ta.Sanitize())
	create(ta, p.b)
	write(ta, 1)
	expect(ta, p.b+" (recreated)", p.wantB)
}

// A string for a column of another type is parsed as that type, arrays
// keeping their dimensions, as pgx's CopyFrom does.
func TestStringsParsedAsTheColumnType(t *testing.T) {
	db := newTestDB(t)
	tbl := db.table("parsed")
	db.exec(t, "CREATE TABLE "+tbl.Sanitize()+" (id bigint PRIMARY KEY, v int, d date, m int[])")
	if _, err := CopyRows(context.Background(), db.pool, Target{Table: tbl, Columns: []string{"id", "v", "d", "m"}},
		[][]any{{1, "42", "2026-01-02", "{{1,2},{3,4}}"}}); err != nil {
		t.Fatal(err)
	}
	var got string
	if err := db.pool.QueryRow(context.Background(), "SELECT format('%s %s %s', v, d, m) FROM "+tbl.Sanitize()).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if want := "42 2026-01-02 {{1,2},{3,4}}"; got != want {
		t.Errorf("stored %q, want %q", got, want)
	}
}

// Names the server would change or refuse are refused up front, with a
// message naming the fault: a NUL (pgx drops it, which names another table
// or column), more than 63 bytes (the server cuts the name short), an empty
// part, no columns, a column named twice.
func TestInvalidNamesAreRefused(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	tbl := db.eventsTable(t)
	long := strings.Repeat("x", 64)
	for _, tc := range []struct {
		target Target
		want   string
	}{
		{Target{Table: pgx.Identifier{db.schema, "eve\x00nts"}, Columns: eventColumns}, "NUL"},
		{Target{Table: tbl, Columns: []string{"id", "na\x00me", "score", "at", "tags"}}, "NUL"},
		{Target{Table: tbl, Columns: eventColumns, OnConflict: &OnConflict{Keys: []string{"i\x00d"}}}, "NUL"},
		{Target{Table: pgx.Identifier{db.schema, "events" + long}, Columns: eventColumns}, "63 bytes"},
		{Target{Table: tbl, Columns: []string{"id", "name" + long}}, "63 bytes"},
		{Target{Table: pgx.Identifier{}, Columns: eventColumns}, "no table"},
		{Target{Table: pgx.Identifier{"", "events"}, Columns: eventColumns}, "empty table name part"},
		{Target{Table: tbl}, "no columns"},
		{Target{Table: tbl, Columns: []string{"id", ""}}, "empty column"},
		{Target{Table: tbl, Columns: []string{"id", "name", "id"}}, `"id" named twice`},
		{Target{Table: tbl, Columns: eventColumns, OnConflict: &OnConflict{Keys: []string{"id", "id"}}}, `"id" named twice`},
		{Target{Table: tbl, Columns: eventColumns, OnConflict: &OnConflict{Keys: []string{"id"}, Update: []string{"name", "name"}}}, `"name" named twice`},
	} {
		rows := [][]any{eventRow(1)[:len(tc.target.Columns)]}
		if _, err := CopyRows(ctx, db.pool, tc.target, rows); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("CopyRows(%q, %q): %v; want an error saying %q", tc.target.Table, tc.target.Columns, err, tc.want)
		}
		if w, err := NewWriter(db.pool, Config{Target: tc.target}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("NewWriter(%q, %q): %v; want an error saying %q", tc.target.Table, tc.target.Columns, err, tc.want)
			if err == nil {
				w.Close(ctx)
			}
		}
	}
	if n := db.count(t, tbl); n != 0 {
		t.Errorf("%d rows landed in %s", n, tbl.Sanitize())
	}
}
