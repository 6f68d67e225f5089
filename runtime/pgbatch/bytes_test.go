package pgbatch

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/batchlint/batchlint/runtime/batch"
	"github.com/jackc/pgx/v5/pgtype"
)

// Rows of 256 KiB against a stuck table: Add stops at the default 64 MiB,
// not at MaxBuffered's 40000 rows (10 GiB).
func TestWriterBoundsBufferedBytes(t *testing.T) {
	db := newTestDB(t)
	tbl := db.table("blobs")
	db.exec(t, "CREATE TABLE "+tbl.Sanitize()+" (id bigint PRIMARY KEY, body text NOT NULL)")
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: []string{"id", "body"}}, MaxBlock: -1})
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("x", 256<<10) // shared by every row: the test holds it once
	row := func(id int) []any { return []any{int64(id), body} }
	unlock := lockTable(t, db, tbl)
	accepted := 0
	for ; accepted < 1000; accepted++ {
		if err = w.Add(ctx, row(accepted)); err != nil {
			break
		}
	}
	if want := DefaultMaxBufferedBytes / rowSize(row(0)); accepted != want || !errors.Is(err, batch.ErrBufferFull) {
		t.Fatalf("Add took %d rows of 256 KiB, then %v; want %d, then ErrBufferFull", accepted, err, want)
	}
	if s := w.Stats(); s.BufferedBytes > DefaultMaxBufferedBytes {
		t.Fatalf("%d bytes buffered", s.BufferedBytes)
	}
	unlock()
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if n := db.count(t, tbl); n != accepted {
		t.Fatalf("%d rows written, %d accepted", n, accepted)
	}
}

func TestWriterRefusesARowLargerThanTheByteBound(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns}, MaxBufferedBytes: 4096})
	if err != nil {
		t.Fatal(err)
	}
	big := eventRow(1)
	big[1] = strings.Repeat("y", 5000)
	err = w.Add(ctx, eventRow(0), big, eventRow(2))
	var ae *batch.AddError
	if !errors.Is(err, batch.ErrTooLarge) || !errors.As(err, &ae) || ae.Accepted != 1 {
		t.Fatalf("Add = %v, want ErrTooLarge after 1 accepted row", err)
	}
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	db.checkEvents(t, tbl, []int64{0})
}

// The estimate sees the bulk of a value in the forms pgx takes it.
func TestRowSizeCountsContents(t *testing.T) {
	s := strings.Repeat("z", 1000)
	for name, v := range map[string]any{
		"string":          s,
		"*string":         &s,
		"[]byte":          []byte(s),
		"json.RawMessage": json.RawMessage(s),
		"[]string":        []string{s},
		"map[string]any":  map[string]any{"k": []any{s}},
		"pgtype.Text":     pgtype.Text{String: s, Valid: true},
	} {
		if n := rowSize([]any{v}); n < 1000 || n > 1200 {
			t.Errorf("%s of 1000 bytes: rowSize %d", name, n)
		}
	}
}
