package pgbatch

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/batchlint/batchlint/internal/pgtest"
	"github.com/batchlint/batchlint/runtime/batch"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func TestWriterLandsEveryRowExactly(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns}, MaxRows: 10000, MaxWait: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	// Added from several goroutines in uneven calls: ordering across calls
	// is not promised, content and count are.
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for start := int64(g * 6251); start < int64((g+1)*6251); start += 97 {
				if err := w.Add(ctx, eventRows(start, min(start+97, int64((g+1)*6251)))...); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	db.checkEvents(t, tbl, seq(0, 25004))
	st := w.Stats()
	if st.Batches != 3 || st.Items != 25004 || st.Failed != 0 || st.LargestBatch != 10000 {
		t.Errorf("stats = %+v, want 3 batches of at most 10000 rows, 25004 rows", st)
	}
}

func TestWriterFlushesAfterMaxWait(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns}, MaxWait: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close(ctx)
	if err := w.Add(ctx, eventRows(0, 3)...); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for db.count(t, tbl) != 3 {
		if time.Now().After(deadline) {
			t.Fatal("3 rows not written within 5s of a 20ms MaxWait")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestOddNamesAreQuoted(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	schema := `we"ird sch.ema`
	db.exec(t, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize())
	t.Cleanup(func() { db.exec(t, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE") })
	tbl := pgx.Identifier{schema, `Order Items"; DROP TABLE x; --`}
	cols := []string{"select", "Mixed Case", `quo"te`, "ünï"}
	db.exec(t, "CREATE TABLE "+tbl.Sanitize()+` ("select" int PRIMARY KEY, "Mixed Case" text, "quo""te" text, "ünï" int)`)

	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: cols}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(ctx, []any{1, "a", "b", 10}, []any{2, "c", "d", 20}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	up := Target{Table: tbl, Columns: cols, OnConflict: &OnConflict{Keys: []string{"select"}}}
	if _, err := CopyRows(ctx, db.pool, up, [][]any{{2, "C", "D", 21}, {3, "e", "f", 30}}); err != nil {
		t.Fatal(err)
	}
	ins := Insert{Table: tbl, Columns: cols, Suffix: `ON CONFLICT ("select") DO NOTHING`}
	if _, err := InsertChunksPgx(ctx, db.pool, ins, [][]any{{3, "x", "x", 0}, {4, "g", "h", 40}}); err != nil {
		t.Fatal(err)
	}
	rows, _ := db.pool.Query(ctx, `SELECT "select", "Mixed Case", "quo""te", "ünï" FROM `+tbl.Sanitize()+` ORDER BY 1`)
	got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([]any, error) {
		var a, d int
		var b, c string
		err := r.Scan(&a, &b, &c, &d)
		return []any{a, b, c, d}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]any{{1, "a", "b", 10}, {2, "C", "D", 21}, {3, "e", "f", 30}, {4, "g", "h", 40}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestUpsert(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	tbl := db.table("accounts")
	// The identity key is not among the columns: the stage must not demand it.
	db.exec(t, "CREATE TABLE "+tbl.Sanitize()+` (
		id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		email text NOT NULL UNIQUE,
		name text NOT NULL,
		visits int NOT NULL DEFAULT 0,
		created timestamptz NOT NULL DEFAULT now())`)
	cols := []string{"email", "name", "visits"}
	if _, err := CopyRows(ctx, db.pool, Target{Table: tbl, Columns: cols},
		[][]any{{"a@x", "A", 1}, {"b@x", "B", 2}}); err != nil {
		t.Fatal(err)
	}
	read := func() map[string][2]any {
		rows, _ := db.pool.Query(ctx, "SELECT email, name, visits FROM "+tbl.Sanitize())
		m := map[string][2]any{}
		for rows.Next() {
			var e, n string
			var v int
			if err := rows.Scan(&e, &n, &v); err != nil {
				t.Fatal(err)
			}
			m[e] = [2]any{n, v}
		}
		if rows.Err() != nil {
			t.Fatal(rows.Err())
		}
		return m
	}

	// Update every non-key column; a key repeated in one batch ends with its
	// last row, as row-by-row upserts would leave it.
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: cols, OnConflict: &OnConflict{Keys: []string{"email"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(ctx, []any{"a@x", "A2", 10}, []any{"c@x", "C", 3}, []any{"a@x", "A3", 11}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]any{"a@x": {"A3", 11}, "b@x": {"B", 2}, "c@x": {"C", 3}}
	if got := read(); !mapsEqual(got, want) {
		t.Fatalf("after upsert: %v, want %v", got, want)
	}

	// Update a subset: name stays.
	n, err := CopyRows(ctx, db.pool, Target{Table: tbl, Columns: cols, OnConflict: &OnConflict{Keys: []string{"email"}, Update: []string{"visits"}}},
		[][]any{{"b@x", "ignored", 20}})
	if err != nil || n != 1 {
		t.Fatalf("n=%d err=%v", n, err)
	}
	want["b@x"] = [2]any{"B", 20}
	if got := read(); !mapsEqual(got, want) {
		t.Fatalf("after partial update: %v, want %v", got, want)
	}

	// DO NOTHING: existing rows stay; of two new rows with one key, the first lands.
	n, err = CopyRows(ctx, db.pool, Target{Table: tbl, Columns: cols, OnConflict: &OnConflict{Keys: []string{"email"}, DoNothing: true}},
		[][]any{{"a@x", "no", 0}, {"d@x", "D", 4}, {"d@x", "D2", 5}})
	if err != nil || n != 1 {
		t.Fatalf("n=%d err=%v", n, err)
	}
	want["d@x"] = [2]any{"D", 4}
	if got := read(); !mapsEqual(got, want) {
		t.Fatalf("after do nothing: %v, want %v", got, want)
	}
}

func mapsEqual(a, b map[string][2]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestUpsertNullKeysAreNotMerged(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	tbl := db.table("nullable")
	db.exec(t, "CREATE TABLE "+tbl.Sanitize()+" (k int UNIQUE, v text)")
	_, err := CopyRows(ctx, db.pool, Target{Table: tbl, Columns: []string{"k", "v"}, OnConflict: &OnConflict{Keys: []string{"k"}}},
		[][]any{{nil, "a"}, {nil, "b"}, {1, "c"}, {1, "d"}})
	if err != nil {
		t.Fatal(err)
	}
	if n := db.count(t, tbl); n != 3 {
		t.Fatalf("%d rows, want 3 (two NULL keys, one merged key)", n)
	}
}

// Two upserts inside the caller's transaction go through savepoints, and the
// caller's rollback takes them back.
func TestCopyRowsInCallersTransaction(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	up := Target{Table: tbl, Columns: eventColumns, OnConflict: &OnConflict{Keys: []string{"id"}}}
	for i := range 2 {
		if _, err := CopyRows(ctx, tx, up, eventRows(int64(i*10), int64(i*10+15))); err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
	}
	var n int
	if err := tx.QueryRow(ctx, "SELECT count(*) FROM "+tbl.Sanitize()).Scan(&n); err != nil || n != 25 {
		t.Fatalf("inside the transaction: %d rows (%v), want 25", n, err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if n := db.count(t, tbl); n != 0 {
		t.Fatalf("%d rows after rollback, want 0", n)
	}
}

func TestBadRows(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	var mu sync.Mutex
	var failed []*BatchError
	w, err := NewWriter(db.pool, Config{
		Target: Target{Table: tbl, Columns: eventColumns}, MaxRows: 100, MaxWait: time.Hour,
		OnError: func(be *BatchError) { mu.Lock(); failed = append(failed, be); mu.Unlock() },
	})
	if err != nil {
		t.Fatal(err)
	}

	// The wrong number of values is refused at Add, and nothing of that call is taken.
	bad := append(eventRows(0, 5), []any{int64(5), "short"})
	var re *RowError
	if err := w.Add(ctx, bad...); !errors.As(err, &re) || re.Index != 5 {
		t.Fatalf("Add of a short row: %v, want a *RowError for row 5", err)
	}

	// Batch 0: rows 0..99, fine. Batch 1: row 137 has a value pgx cannot
	// encode as bigint. Batch 2: row 242 has a NULL name, refused by the
	// server. Batch 3: fine.
	rows := eventRows(0, 400)
	rows[137][0] = struct{ X int }{137}
	rows[242][1] = nil
	if err := w.Add(ctx, rows...); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatalf("with OnError set, Close returned %v", err)
	}
	if len(failed) != 2 {
		t.Fatalf("%d failed batches, want 2", len(failed))
	}
	if be := failed[0]; be.Row != 37 || len(be.Rows) != 100 || be.MaybeWritten || be.Rows[0][0] != int64(100) {
		t.Errorf("encoding failure: row %d of %d (first id %v), want row 37 of the batch from id 100: %v", be.Row, len(be.Rows), be.Rows[0][0], be)
	}
	if be := failed[1]; be.Row != 42 || len(be.Rows) != 100 || be.Rows[0][0] != int64(200) {
		t.Errorf("NOT NULL violation: row %d of %d, want row 42 of the batch from id 200: %v", be.Row, len(be.Rows), be)
	}
	t.Logf("encoding failure: %v", failed[0])
	t.Logf("server failure: %v", failed[1])
	db.checkEvents(t, tbl, append(seq(0, 100), seq(300, 400)...))
}

func TestWriterConfigErrors(t *testing.T) {
	db := newTestDB(t)
	for _, cfg := range []Config{
		{},
		{Target: Target{Table: pgx.Identifier{"t"}}},
		{Target: Target{Table: pgx.Identifier{"", "t"}, Columns: []string{"a"}}},
		{Target: Target{Table: pgx.Identifier{"t"}, Columns: []string{"a", "a"}}},
		{Target: Target{Table: pgx.Identifier{"t"}, Columns: []string{"a"}, OnConflict: &OnConflict{}}},
		{Target: Target{Table: pgx.Identifier{"t"}, Columns: []string{"a"}, OnConflict: &OnConflict{Keys: []string{"b"}}}},
		{Target: Target{Table: pgx.Identifier{"t"}, Columns: []string{"a"}, OnConflict: &OnConflict{Keys: []string{"a"}, Update: []string{"c"}}}},
		{Target: Target{Table: pgx.Identifier{"t"}, Columns: []string{"a"}}, MaxRows: -1},
	} {
		if w, err := NewWriter(db.pool, cfg); err == nil {
			w.Close(context.Background())
			t.Errorf("NewWriter(%+v) = nil error", cfg)
		}
	}
	if _, err := NewWriter(nil, Config{Target: Target{Table: pgx.Identifier{"t"}, Columns: []string{"a"}}}); err == nil {
		t.Error("NewWriter(nil) = nil error")
	}
	var pool *pgxpool.Pool
	if _, err := NewWriter(pool, Config{Target: Target{Table: pgx.Identifier{"t"}, Columns: []string{"a"}}}); err == nil {
		t.Error("NewWriter((*pgxpool.Pool)(nil)) = nil error")
	}
}

func TestClosedWriterRefusesRows(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(ctx, eventRow(1)); !errors.Is(err, batch.ErrClosed) {
		t.Fatalf("Add after Close: %v, want ErrClosed", err)
	}
}

func TestBatchTimeoutRollsBackASlowBatch(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns}, MaxRows: 100, MaxWait: time.Hour,
		BatchTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	unlock := lockTable(t, db, tbl)
	if err := w.Add(ctx, eventRows(0, 100)...); err != nil {
		t.Fatal(err)
	}
	err = w.Flush(ctx)
	if bes := BatchErrors(err); len(bes) != 1 || len(bes[0].Rows) != 100 || bes[0].MaybeWritten {
		t.Fatalf("Flush of a batch stuck past its timeout: %v", err)
	}
	unlock()
	if err := w.Add(ctx, eventRows(100, 200)...); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	db.checkEvents(t, tbl, seq(100, 200))
}

// Upsert batches on one connection recreate the stage each time, while pgx
// caches the stage's description: every batch must still land.
func TestUpsertBatchesReuseOneConnection(t *testing.T) {
	db := newTestDBAt(t, pgtest.DSN(t)+" pool_max_conns=1")
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns, OnConflict: &OnConflict{Keys: []string{"id"}}},
		MaxRows: 100, MaxWait: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	// Every id is written twice, in different batches; the second copy wins
	// and is identical, so content checks stay exact.
	if err := w.Add(ctx, eventRows(0, 500)...); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(ctx, eventRows(250, 750)...); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if st := w.Stats(); st.Batches != 10 {
		t.Errorf("%d batches, want 10", st.Batches)
	}
	db.checkEvents(t, tbl, seq(0, 750))
}
