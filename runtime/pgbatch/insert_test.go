package pgbatch

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/batchlint/batchlint/internal/pgtest"
	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// countingDB counts the statements sent through database/sql.
type countingDB struct {
	*sql.DB
	statements int
	maxParams  int
}

func (c *countingDB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	c.statements++
	c.maxParams = max(c.maxParams, len(args))
	return c.DB.ExecContext(ctx, query, args...)
}

func openSQL(t *testing.T) *sql.DB {
	t.Helper()
	sqlDB, err := sql.Open("pgx", pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	return sqlDB
}

func wideTable(t *testing.T, db *testDB, name string, cols int) (pgx.Identifier, []string) {
	t.Helper()
	tbl := db.table(name)
	names := make([]string, cols)
	defs := make([]string, cols)
	for i := range names {
		names[i] = fmt.Sprintf("c%d", i)
		defs[i] = names[i] + " bigint"
	}
	defs[0] += " PRIMARY KEY"
	db.exec(t, "CREATE TABLE "+tbl.Sanitize()+" ("+strings.Join(defs, ", ")+")")
	return tbl, names
}

func wideRows(n, cols int) [][]any {
	rows := make([][]any, n)
	for r := range rows {
		rows[r] = make([]any, cols)
		for c := range rows[r] {
			rows[r][c] = int64(r*cols + c)
		}
	}
	return rows
}

func TestInsertChunksStaysWithinTheParameterLimit(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()

	// 7 columns x 10,000 rows = 70,000 parameters: 65535/7 = 9362 rows per
	// statement, so exactly two statements.
	tbl, cols := wideTable(t, db, "seven", 7)
	sqlDB := &countingDB{DB: openSQL(t)}
	n, err := InsertChunks(ctx, sqlDB, Insert{Table: tbl, Columns: cols}, wideRows(10000, 7))
	if err != nil {
		t.Fatal(err)
	}
	if n != 10000 || sqlDB.statements != 2 || sqlDB.maxParams != 9362*7 {
		t.Fatalf("%d rows in %d statements of up to %d parameters; want 10000 in 2 of 65534", n, sqlDB.statements, sqlDB.maxParams)
	}
	var sum int64
	if err := db.pool.QueryRow(ctx, "SELECT count(*) FILTER (WHERE c6 = c0 + 6) FROM "+tbl.Sanitize()).Scan(&sum); err != nil || sum != 10000 {
		t.Fatalf("%d rows with their values intact (%v), want 10000", sum, err)
	}

	// 8 columns x 8192 rows = 65,536 parameters: one statement is refused...
	tbl8, cols8 := wideTable(t, db, "eight", 8)
	rows8 := wideRows(8192, 8)
	ins := Insert{Table: tbl8, Columns: cols8}
	var args []any
	for _, r := range rows8 {
		args = append(args, r...)
	}
	if _, err := db.pool.Exec(ctx, ins.sql(8192), args...); err == nil || !strings.Contains(err.Error(), "65535") {
		t.Fatalf("one INSERT with 65536 parameters: %v, want the protocol's 65535 limit", err)
	}
	// ...and the chunker sends two, through pgx this time.
	n, err = InsertChunksPgx(ctx, db.pool, ins, rows8)
	if err != nil || n != 8192 || db.count(t, tbl8) != 8192 {
		t.Fatalf("InsertChunksPgx: %d rows, %v", n, err)
	}
	var stmts int
	for st, err := range ins.Statements(rows8) {
		if err != nil {
			t.Fatal(err)
		}
		stmts++
		if len(st.Args) > MaxParams {
			t.Fatalf("statement with %d parameters", len(st.Args))
		}
	}
	if stmts != 2 {
		t.Fatalf("%d statements, want 2", stmts)
	}
}

func TestInsertChunksValuesNeverInSQL(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	tbl := db.table("notes")
	db.exec(t, "CREATE TABLE "+tbl.Sanitize()+" (id int PRIMARY KEY, body text)")
	evil := `'); DROP TABLE notes; --`
	ins := Insert{Table: tbl, Columns: []string{"id", "body"}, Suffix: "ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body"}
	for st, err := range ins.Statements([][]any{{1, evil}}) {
		if err != nil || strings.Contains(st.SQL, "DROP") {
			t.Fatalf("statement %q (%v) carries a value in its text", st.SQL, err)
		}
	}
	sqlDB := openSQL(t)
	if _, err := InsertChunks(ctx, sqlDB, ins, [][]any{{1, "old"}, {2, "two"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := InsertChunks(ctx, sqlDB, ins, [][]any{{1, evil}}); err != nil {
		t.Fatal(err)
	}
	var body string
	if err := db.pool.QueryRow(ctx, "SELECT body FROM "+tbl.Sanitize()+" WHERE id = 1").Scan(&body); err != nil || body != evil {
		t.Fatalf("body = %q (%v), want the value verbatim", body, err)
	}
}

func TestInsertChunksReportsTheFailedChunk(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	tbl := db.table("small")
	db.exec(t, "CREATE TABLE "+tbl.Sanitize()+" (id int PRIMARY KEY, v int)")
	// 3 rows per statement; row 7 repeats id 1, so the third statement fails.
	ins := Insert{Table: tbl, Columns: []string{"id", "v"}, MaxParams: 6}
	rows := [][]any{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}, {1, 7}, {8, 8}, {9, 9}}
	n, err := InsertChunks(ctx, openSQL(t), ins, rows)
	var ce *ChunkError
	if !errors.As(err, &ce) || ce.Start != 6 || ce.End != 9 || n != 6 {
		t.Fatalf("n=%d err=%v; want rows 6..8 reported after 6 written", n, err)
	}
	if c := db.count(t, tbl); c != 6 {
		t.Fatalf("%d rows in the table, want the 6 of the statements before the failure", c)
	}

	// A short row fails the call before anything is sent.
	_, err = InsertChunksPgx(ctx, db.pool, ins, [][]any{{20, 20}, {21}})
	var re *RowError
	if !errors.As(err, &re) || re.Index != 1 || db.count(t, tbl) != 6 {
		t.Fatalf("short row: %v", err)
	}
}

func TestInsertStatementText(t *testing.T) {
	for _, tc := range []struct {
		ins  Insert
		rows int
		want string
	}{
		{Insert{Table: []string{"s", `we"ird`}, Columns: []string{"a", "b"}}, 2,
			`INSERT INTO "s"."we""ird" ("a", "b") VALUES ($1,$2),($3,$4)`},
		{Insert{Table: []string{"t"}, Columns: []string{"a", "b`c"}, Dialect: MySQL, Suffix: "ON DUPLICATE KEY UPDATE a = a"}, 2,
			"INSERT INTO `t` (`a`, `b``c`) VALUES (?,?),(?,?) ON DUPLICATE KEY UPDATE a = a"},
	} {
		if got := tc.ins.sql(tc.rows); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
	for _, bad := range []Insert{
		{Columns: []string{"a"}},
		{Table: []string{"t"}},
		{Table: []string{"t", ""}, Columns: []string{"a"}},
		{Table: []string{"t"}, Columns: []string{"a", "b"}, MaxParams: 1},
		{Table: []string{"t"}, Columns: []string{"a"}, Dialect: Dialect(7)},
	} {
		var errs int
		for _, err := range bad.Statements([][]any{{1}}) {
			if err != nil {
				errs++
			}
		}
		if errs != 1 {
			t.Errorf("%+v: %d errors, want 1", bad, errs)
		}
	}
}
