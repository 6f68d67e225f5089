package pgbatch

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// MaxParams is the most bind parameters one statement may carry in the
// Postgres extended protocol (a 16-bit count); MySQL's prepared statements
// share the limit.
const MaxParams = 65535

// Dialect is the SQL spelling of a database: placeholders and quoting.
type Dialect int

const (
	// Postgres numbers placeholders ($1, $2) and quotes names with "".
	Postgres Dialect = iota
	// MySQL uses ? placeholders and quotes names with backticks.
	MySQL
)

// Insert describes multi-row INSERT statements for code that cannot use
// COPY. Values travel only as bind parameters, never in the SQL text.
type Insert struct {
	// Table is the table name, one element per part: {"events"} or
	// {"audit", "events"}. Each part is quoted.
	Table []string
	// Columns are the columns each row fills, in row order.
	Columns []string
	// Suffix is appended to every statement as written, e.g.
	// "ON CONFLICT (id) DO NOTHING". It must hold no placeholders.
	Suffix string
	Dialect
	// MaxParams caps the bind parameters per statement (default and at most
	// MaxParams). SQLite, for one, allows 32766.
	MaxParams int
}

// ExecContexter runs a statement; *sql.DB, *sql.Tx and *sql.Conn satisfy it.
type ExecContexter interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Execer runs a statement; *pgxpool.Pool, *pgx.Conn and pgx.Tx satisfy it.
type Execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// ChunkError reports the statement that failed: rows[Start:End] were not
// written. Statements before it ran (and, outside a transaction, committed);
// rows from End on were not tried.
type ChunkError struct {
	Start, End int
	Err        error
}

func (e *ChunkError) Error() string {
	return fmt.Sprintf("pgbatch: INSERT of rows %d to %d failed: %v", e.Start, e.End-1, e.Err)
}

func (e *ChunkError) Unwrap() error { return e.Err }

// RowsPerStatement is how many rows one statement carries: as many as fit
// in the parameter limit.
func (ins Insert) RowsPerStatement() int {
	limit := ins.MaxParams
	if limit <= 0 || limit > MaxParams {
		limit = MaxParams
	}
	if len(ins.Columns) == 0 {
		return 0
	}
	return limit / len(ins.Columns)
}

func (ins Insert) validate() error {
	if len(ins.Table) == 0 {
		return errors.New("pgbatch: no table named")
	}
	for _, part := range ins.Table {
		if part == "" {
			return fmt.Errorf("pgbatch: table name %v has an empty part", ins.Table)
		}
	}
	if len(ins.Columns) == 0 {
		return errors.New("pgbatch: no columns named")
	}
	if ins.RowsPerStatement() == 0 {
		return fmt.Errorf("pgbatch: %d columns do not fit in %d parameters", len(ins.Columns), ins.MaxParams)
	}
	switch ins.Dialect {
	case Postgres, MySQL:
	default:
		return fmt.Errorf("pgbatch: unknown dialect %d", ins.Dialect)
	}
	return nil
}

// Statements yields each statement with its arguments and the index of its
// first row. Every full chunk (RowsPerStatement rows) shares one SQL text, so
// a driver's statement cache prepares it once. The last, shorter chunk has a
// text of its own that other calls rarely repeat: do not let a statement
// cache keep it (InsertChunks and InsertChunksPgx do not).
func (ins Insert) Statements(rows [][]any) iter.Seq2[Statement, error] {
	return func(yield func(Statement, error) bool) {
		if err := ins.validate(); err != nil {
			yield(Statement{}, err)
			return
		}
		for i, row := range rows {
			if len(row) != len(ins.Columns) {
				err := fmt.Errorf("%d values for %d columns %v", len(row), len(ins.Columns), ins.Columns)
				yield(Statement{}, &RowError{Index: i, Row: row, Err: err})
				return
			}
		}
		per := ins.RowsPerStatement()
		var fullSQL string
		for start := 0; start < len(rows); start += per {
			end := min(start+per, len(rows))
			var text string
			if end-start == per {
				if fullSQL == "" {
					fullSQL = ins.sql(per)
				}
				text = fullSQL
			} else {
				text = ins.sql(end - start)
			}
			args := make([]any, 0, (end-start)*len(ins.Columns))
			for _, row := range rows[start:end] {
				args = append(args, row...)
			}
			if !yield(Statement{SQL: text, Args: args, Start: start, End: end}, nil) {
				return
			}
		}
	}
}

// Statement is one multi-row INSERT covering rows[Start:End].
type Statement struct {
	SQL        string
	Args       []any
	Start, End int
}

func (ins Insert) quote(name string) string {
	if ins.Dialect == MySQL {
		return "`" + strings.ReplaceAll(name, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func (ins Insert) sql(rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	for i, part := range ins.Table {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(ins.quote(part))
	}
	b.WriteString(" (")
	for i, c := range ins.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(ins.quote(c))
	}
	b.WriteString(") VALUES ")
	n := 0
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := range ins.Columns {
			if c > 0 {
				b.WriteByte(',')
			}
			n++
			if ins.Dialect == MySQL {
				b.WriteByte('?')
			} else {
				b.WriteByte('$')
				b.WriteString(strconv.Itoa(n))
			}
		}
		b.WriteByte(')')
	}
	if ins.Suffix != "" {
		b.WriteByte(' ')
		b.WriteString(ins.Suffix)
	}
	return b.String()
}

// InsertChunks writes rows with as few multi-row INSERT statements as the
// parameter limit allows. It returns the rows affected. A row of the wrong
// length fails the call before any statement runs; a failed statement stops
// it with a *ChunkError. Run it in a transaction to make the whole write
// atomic.
//
// Full chunks run with ExecContext, so a driver that caches statements (as
// pgx's stdlib does) prepares their one text once. The shorter last chunk
// runs as a statement prepared and closed around it when db can prepare
// (*sql.DB, *sql.Tx and *sql.Conn can): its text changes with the row count,
// and a cache would keep one statement of up to 65535 parameters, megabytes
// of server memory, for every count it ever saw.
func InsertChunks(ctx context.Context, db ExecContexter, ins Insert, rows [][]any) (int64, error) {
	per := ins.RowsPerStatement()
	var total int64
	for st, err := range ins.Statements(rows) {
		if err != nil {
			return total, err
		}
		exec := db.ExecContext
		if p, ok := db.(preparer); ok && st.End-st.Start != per {
			exec = func(ctx context.Context, query string, args ...any) (sql.Result, error) {
				return execOnce(ctx, p, query, args)
			}
		}
		res, err := exec(ctx, st.SQL, st.Args...)
		if err != nil {
			return total, &ChunkError{Start: st.Start, End: st.End, Err: err}
		}
		if n, err := res.RowsAffected(); err == nil {
			total += n
		}
	}
	return total, nil
}

type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

func execOnce(ctx context.Context, p preparer, query string, args []any) (sql.Result, error) {
	stmt, err := p.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	res, err := stmt.ExecContext(ctx, args...)
	// The rows are written or not by now; a failed close leaves a statement
	// until the session ends, which must not turn a write into a failure.
	_ = stmt.Close()
	return res, err
}

// InsertChunksPgx is InsertChunks for pgx. Full chunks run in the
// connection's default query mode, so pgx prepares their one text once per
// connection. The shorter last chunk runs with pgx.QueryExecModeDescribeExec:
// binary parameters typed by the server as usual, but neither pgx nor the
// server keeps a statement or description for a text that changes with the
// row count (pgx would keep up to 512 per connection, each up to 65535
// parameters and megabytes of server memory). A connection whose default
// mode caches nothing (exec, simple protocol, as behind PgBouncer) keeps it.
func InsertChunksPgx(ctx context.Context, db Execer, ins Insert, rows [][]any) (int64, error) {
	per := ins.RowsPerStatement()
	var total int64
	for st, err := range ins.Statements(rows) {
		if err != nil {
			return total, err
		}
		args := st.Args
		if st.End-st.Start != per && cachesStatements(db) {
			args = append([]any{pgx.QueryExecModeDescribeExec}, args...)
		}
		tag, err := db.Exec(ctx, st.SQL, args...)
		if err != nil {
			return total, &ChunkError{Start: st.Start, End: st.End, Err: err}
		}
		total += tag.RowsAffected()
	}
	return total, nil
}

// cachesStatements reports whether db's default query mode keeps what it
// prepares; an Execer that hides its mode is taken to have pgx's default,
// which does.
func cachesStatements(db Execer) bool {
	var mode pgx.QueryExecMode
	switch d := db.(type) {
	case *pgxpool.Pool:
		mode = d.Config().ConnConfig.DefaultQueryExecMode
	case interface{ Conn() *pgx.Conn }: // pgx.Tx, *pgxpool.Conn
		mode = d.Conn().Config().DefaultQueryExecMode
	case *pgx.Conn:
		mode = d.Config().DefaultQueryExecMode
	}
	switch mode {
	case pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeDescribeExec:
		return false
	}
	return true
}
