package pgbatch

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/batchlint/batchlint/internal/pgtest"
	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// countingDB counts the statements sent through database/sql: those run
// directly and those prepared to run once.
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

func (c *countingDB) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	c.statements++
	return c.DB.PrepareContext(ctx, query)
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

// wideRows returns n rows whose first value, the key, runs from first.
func wideRows(first, n, cols int) [][]any {
	rows := make([][]any, n)
	for r := range rows {
		rows[r] = make([]any, cols)
		for c := range rows[r] {
			rows[r][c] = int64((first+r)*cols + c)
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
	n, err := InsertChunks(ctx, sqlDB, Insert{Table: tbl, Columns: cols}, wideRows(0, 10000, 7))
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
	rows8 := wideRows(0, 8192, 8)
	ins := Insert{Table: tbl8, Columns: cols8}
	if _, err := db.pool.Exec(ctx, ins.sql(8192), flat(rows8)...); err == nil || !strings.Contains(err.Error(), pgxLimit) {
		t.Fatalf("one INSERT with 65536 parameters: %v, want %q", err, pgxLimit)
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

// pgx's error for a statement over the protocol's limit.
const pgxLimit = "extended protocol limited to 65535 parameters"

func flat(rows [][]any) []any {
	var args []any
	for _, r := range rows {
		args = append(args, r...)
	}
	return args
}

// The limit is exact, so one multi-row INSERT breaks at 65535 / columns
// rows, the count paramlimit's message gives: 5 columns x 13107 rows =
// 65535 parameters go through, one row more is refused.
func TestOneInsertBreaksAtTheLimitOverColumns(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	tbl, cols := wideTable(t, db, "five", 5)
	ins := Insert{Table: tbl, Columns: cols}
	rows := wideRows(0, MaxParams/5+1, 5)
	if _, err := db.pool.Exec(ctx, ins.sql(len(rows)), flat(rows)...); err == nil || !strings.Contains(err.Error(), pgxLimit) {
		t.Fatalf("one INSERT of %d rows x 5 columns: %v, want %q", len(rows), err, pgxLimit)
	}
	if _, err := db.pool.Exec(ctx, ins.sql(MaxParams/5), flat(rows[:MaxParams/5])...); err != nil {
		t.Fatalf("one INSERT of exactly %d parameters: %v", MaxParams, err)
	}
	if n := db.count(t, tbl); n != MaxParams/5 {
		t.Fatalf("%d rows written, want %d", n, MaxParams/5)
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

// TestInsertChunksTailsLeaveNoStatementBehind writes 20 batches of distinct
// sizes through one session and measures what the session keeps: every size
// is a distinct SQL text, and a statement cache that prepared each one would
// hold about 9 MiB of server memory per text until the connection closes.
func TestInsertChunksTailsLeaveNoStatementBehind(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	tbl, cols := wideTable(t, db, "tails", 2)
	ins := Insert{Table: tbl, Columns: cols}
	per := ins.RowsPerStatement()

	pc, err := db.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Release()
	sc, err := openSQL(t).Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()

	for _, path := range []struct {
		name   string
		insert func([][]any) (int64, error)
		query  func(sql string, dest ...any) error
	}{
		{"pgx",
			func(rows [][]any) (int64, error) { return InsertChunksPgx(ctx, pc, ins, rows) },
			func(sql string, dest ...any) error { return pc.QueryRow(ctx, sql).Scan(dest...) }},
		{"database/sql",
			func(rows [][]any) (int64, error) { return InsertChunks(ctx, sc, ins, rows) },
			func(sql string, dest ...any) error { return sc.QueryRowContext(ctx, sql).Scan(dest...) }},
	} {
		t.Run(path.name, func(t *testing.T) {
			db.exec(t, "TRUNCATE "+tbl.Sanitize())
			session := func() (statements int, memory int64) {
				t.Helper()
				if err := path.query(`SELECT (SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'INSERT%'),
					(SELECT sum(total_bytes)::bigint FROM pg_backend_memory_contexts)`, &statements, &memory); err != nil {
					t.Fatal(err)
				}
				return statements, memory
			}
			next := 0
			write := func(n int) {
				t.Helper()
				if got, err := path.insert(wideRows(next, n, len(cols))); err != nil || got != int64(n) {
					t.Fatalf("%d rows: wrote %d, %v", n, got, err)
				}
				next += n
			}
			// A full statement, the one text worth keeping, and a tail as large
			// as those that follow: Postgres keeps the last unnamed statement
			// until the next replaces it.
			write(per + per/2)
			stmts0, mem0 := session()
			for k := 1; k <= 20; k++ {
				write(per/2 + k)
			}
			stmts, mem := session()
			t.Logf("INSERT statements prepared: %d -> %d; session memory %.1f -> %.1f MiB", stmts0, stmts, float64(mem0)/(1<<20), float64(mem)/(1<<20))
			if stmts > 1 {
				t.Errorf("%d INSERT statements stay prepared after 20 batch sizes, want at most the full-chunk one", stmts)
			}
			if growth := mem - mem0; growth > 4<<20 {
				t.Errorf("session memory grew by %.1f MiB over 20 batch sizes", float64(growth)/(1<<20))
			}
			if n := db.count(t, tbl); n != next {
				t.Fatalf("%d rows in the table, want %d", n, next)
			}
		})
	}
}

// modeTracer records the query mode each INSERT asked pgx for (0: none).
type modeTracer struct{ modes []pgx.QueryExecMode }

func (m *modeTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	if strings.HasPrefix(d.SQL, "INSERT") {
		mode, _ := d.Args[0].(pgx.QueryExecMode)
		m.modes = append(m.modes, mode)
	}
	return ctx
}

func (m *modeTracer) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// A connection set to a mode that caches nothing, such as the simple
// protocol behind PgBouncer, must keep it for the tail too.
func TestInsertChunksPgxOverridesOnlyCachingModes(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	tbl, cols := wideTable(t, db, "modes", 2)
	ins := Insert{Table: tbl, Columns: cols, MaxParams: 4}
	for i, tc := range []struct {
		mode, tail pgx.QueryExecMode
		inTx       bool
	}{
		{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeDescribeExec, false},
		{pgx.QueryExecModeCacheDescribe, pgx.QueryExecModeDescribeExec, true},
		{pgx.QueryExecModeExec, 0, false},
		{pgx.QueryExecModeSimpleProtocol, 0, true},
	} {
		cfg, err := pgx.ParseConfig(pgtest.DSN(t))
		if err != nil {
			t.Fatal(err)
		}
		tr := &modeTracer{}
		cfg.DefaultQueryExecMode, cfg.Tracer = tc.mode, tr
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		var ex Execer = conn
		if tc.inTx {
			tx, err := conn.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback(ctx)
			ex = tx
		}
		// Two rows per statement: a full chunk, then a tail of one.
		if n, err := InsertChunksPgx(ctx, ex, ins, wideRows(3*i, 3, 2)); err != nil || n != 3 {
			t.Fatalf("%v: %d rows, %v", tc.mode, n, err)
		}
		if want := []pgx.QueryExecMode{0, tc.tail}; !slices.Equal(tr.modes, want) {
			t.Errorf("default mode %v: statements asked for %v, want %v", tc.mode, tr.modes, want)
		}
	}
}
