package pgbatch

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
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
// first row. Every full chunk shares one SQL text, so a driver's statement
// cache prepares it once.
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
// parameter limit allows, one ExecContext each. It returns the rows affected.
// A row of the wrong length fails the call before any statement runs; a
// failed statement stops it with a *ChunkError. Run it in a transaction to
// make the whole write atomic.
func InsertChunks(ctx context.Context, db ExecContexter, ins Insert, rows [][]any) (int64, error) {
	var total int64
	for st, err := range ins.Statements(rows) {
		if err != nil {
			return total, err
		}
		res, err := db.ExecContext(ctx, st.SQL, st.Args...)
		if err != nil {
			return total, &ChunkError{Start: st.Start, End: st.End, Err: err}
		}
		if n, err := res.RowsAffected(); err == nil {
			total += n
		}
	}
	return total, nil
}

// InsertChunksPgx is InsertChunks for pgx.
func InsertChunksPgx(ctx context.Context, db Execer, ins Insert, rows [][]any) (int64, error) {
	var total int64
	for st, err := range ins.Statements(rows) {
		if err != nil {
			return total, err
		}
		tag, err := db.Exec(ctx, st.SQL, st.Args...)
		if err != nil {
			return total, &ChunkError{Start: st.Start, End: st.End, Err: err}
		}
		total += tag.RowsAffected()
	}
	return total, nil
}
