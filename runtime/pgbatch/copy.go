package pgbatch

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// Beginner starts the transaction a batch is written in. *pgxpool.Pool,
// *pgxpool.Conn and *pgx.Conn satisfy it; so does pgx.Tx, whose Begin opens a
// savepoint, which makes a batch part of the caller's transaction.
type Beginner interface {
	Begin(ctx context.Context) (pgx.Tx, error)
}

// Target names the table a batch goes to and what happens to rows whose key
// already exists.
type Target struct {
	// Table is the table name, one element per part: {"events"} or
	// {"audit", "events"}. Each part is quoted, so it may hold any
	// character but NUL; like column names, it may not be empty or longer
	// than 63 bytes.
	Table pgx.Identifier
	// Columns are the columns each row fills, in row order.
	Columns []string
	// OnConflict, when set, turns each batch into an upsert.
	OnConflict *OnConflict
}

// OnConflict describes an upsert: INSERT ... ON CONFLICT (Keys) DO UPDATE
// SET Update = EXCLUDED.Update, or DO NOTHING.
type OnConflict struct {
	// Keys are the columns of the unique index or primary key that decides
	// whether a row exists. Every key must be one of Target.Columns. Keys may
	// be empty only with DoNothing, which then skips a row that conflicts
	// with any unique index.
	Keys []string
	// Update lists the columns taken from the new row when its key exists.
	// Empty means every column of Target.Columns that is not a key.
	Update []string
	// DoNothing keeps the existing row untouched.
	DoNothing bool
}

// stageTable is where an upsert batch is copied before it is merged. It lives
// in the session's own temporary schema, so it can clash with no user table.
var stageTable = pgx.Identifier{"pg_temp", "pgbatch_stage"}

func (t Target) validate() error {
	if len(t.Table) == 0 {
		return errors.New("pgbatch: no table named")
	}
	for _, part := range t.Table {
		if err := checkName("table name part", part); err != nil {
			return fmt.Errorf("%w in table %q", err, []string(t.Table))
		}
	}
	if len(t.Columns) == 0 {
		return errors.New("pgbatch: no columns named")
	}
	seen, err := checkNames("column", t.Columns)
	if err != nil {
		return err
	}
	oc := t.OnConflict
	if oc == nil {
		return nil
	}
	if len(oc.Keys) == 0 && !oc.DoNothing {
		return errors.New("pgbatch: OnConflict needs Keys unless it is DoNothing")
	}
	if oc.DoNothing && len(oc.Update) > 0 {
		return errors.New("pgbatch: OnConflict has both DoNothing and Update")
	}
	for _, l := range []struct {
		kind  string
		names []string
	}{{"conflict key", oc.Keys}, {"update column", oc.Update}} {
		if _, err := checkNames(l.kind, l.names); err != nil {
			return err
		}
		for _, n := range l.names {
			if !seen[n] {
				return fmt.Errorf("pgbatch: %s %q is not one of the columns", l.kind, n)
			}
		}
	}
	return nil
}

// maxName is the longest name Postgres keeps (NAMEDATALEN-1 in a default
// build). It cuts a longer one short, which may name another table or column.
const maxName = 63

// checkName refuses a name that would not reach the server as written: pgx
// drops NUL bytes when it quotes a name, so "ev\x00ents" would be "events".
func checkName(kind, name string) error {
	switch {
	case name == "":
		return fmt.Errorf("pgbatch: empty %s", kind)
	case strings.IndexByte(name, 0) >= 0:
		return fmt.Errorf("pgbatch: %s %q holds a NUL byte, which no Postgres name can", kind, name)
	case len(name) > maxName:
		return fmt.Errorf("pgbatch: %s %q is longer than %d bytes, which Postgres would cut short", kind, name, maxName)
	}
	return nil
}

// checkNames checks each name and that none repeats, and returns them as a set.
func checkNames(kind string, names []string) (map[string]bool, error) {
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if err := checkName(kind, n); err != nil {
			return nil, err
		}
		if seen[n] {
			return nil, fmt.Errorf("pgbatch: %s %q named twice", kind, n)
		}
		seen[n] = true
	}
	return seen, nil
}

// checkRow rejects a row that COPY would refuse for its shape alone.
func (t Target) checkRow(row []any) error {
	if len(row) != len(t.Columns) {
		return fmt.Errorf("%d values for %d columns %v", len(row), len(t.Columns), t.Columns)
	}
	return nil
}

// updateColumns is the SET list of an upsert; empty means DO NOTHING.
func (oc *OnConflict) updateColumns(columns []string) []string {
	if oc.DoNothing {
		return nil
	}
	if len(oc.Update) > 0 {
		return oc.Update
	}
	var cols []string
	for _, c := range columns {
		if !contains(oc.Keys, c) {
			cols = append(cols, c)
		}
	}
	return cols
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quoteList(names []string, prefix string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = prefix + pgx.Identifier{n}.Sanitize()
	}
	return strings.Join(quoted, ", ")
}

// stageSQL makes an empty table with exactly the target's column types. CREATE
// TABLE AS, not LIKE: LIKE would carry over NOT NULL on columns the batch does
// not fill (an identity key) and defaults that draw from the target's
// sequences. The DROP lets a second batch in one outer transaction (through a
// savepoint) stage again before ON COMMIT DROP runs; both statements go in one
// round trip.
func (t Target) stageSQL() string {
	return fmt.Sprintf("DROP TABLE IF EXISTS %s; CREATE TEMP TABLE %s ON COMMIT DROP AS SELECT %s FROM %s WITH NO DATA",
		stageTable.Sanitize(), pgx.Identifier{stageTable[1]}.Sanitize(), quoteList(t.Columns, ""), t.Table.Sanitize())
}

// mergeSQL moves the staged batch into the target. When a batch holds the
// same key twice, DO UPDATE would fail ("cannot affect row a second time"),
// so only the last row per key is kept, as row-by-row upserts would leave it;
// the stage is filled by one COPY with no updates or deletes, so physical
// order (ctid) is the order rows were added. Rows with a NULL key never
// conflict and all pass.
func (t Target) mergeSQL() string {
	oc := t.OnConflict
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %s (%s) SELECT %s FROM %s AS s",
		t.Table.Sanitize(), quoteList(t.Columns, ""), quoteList(t.Columns, "s."), stageTable.Sanitize())
	update := oc.updateColumns(t.Columns)
	if len(update) > 0 && len(oc.Keys) > 0 {
		fmt.Fprintf(&b, " WHERE NOT EXISTS (SELECT 1 FROM %s AS l WHERE ", stageTable.Sanitize())
		for i, k := range oc.Keys {
			q := pgx.Identifier{k}.Sanitize()
			if i > 0 {
				b.WriteString(" AND ")
			}
			fmt.Fprintf(&b, "l.%s = s.%s", q, q)
		}
		b.WriteString(" AND l.ctid > s.ctid)")
	}
	b.WriteString(" ON CONFLICT")
	if len(oc.Keys) > 0 {
		fmt.Fprintf(&b, " (%s)", quoteList(oc.Keys, ""))
	}
	if len(update) == 0 {
		b.WriteString(" DO NOTHING")
		return b.String()
	}
	b.WriteString(" DO UPDATE SET ")
	for i, c := range update {
		if i > 0 {
			b.WriteString(", ")
		}
		q := pgx.Identifier{c}.Sanitize()
		fmt.Fprintf(&b, "%s = EXCLUDED.%s", q, q)
	}
	return b.String()
}

// rollbackTimeout bounds the ROLLBACK after a failed batch, which runs even
// when the caller's context is already done.
const rollbackTimeout = 5 * time.Second

// CopyRows writes rows to the target in one transaction: COPY, or for an
// upsert COPY into a temporary table and one INSERT ... ON CONFLICT from it.
// It returns the number of rows copied (for an upsert, the rows inserted or
// updated). On failure the error is a *BatchError holding rows; they were not
// written unless its MaybeWritten says the outcome is unknown. Given a pgx.Tx,
// the batch is written in a savepoint and commits only with the caller's
// transaction, so MaybeWritten is never set: that Commit's result decides.
func CopyRows(ctx context.Context, db Beginner, t Target, rows [][]any) (int64, error) {
	if err := t.validate(); err != nil {
		return 0, err
	}
	for i, row := range rows {
		if err := t.checkRow(row); err != nil {
			return 0, &BatchError{Rows: rows, Row: i, Err: err}
		}
	}
	if len(rows) == 0 {
		return 0, nil
	}
	return copyRows(ctx, db, t, rows)
}

func copyRows(ctx context.Context, db Beginner, t Target, rows [][]any) (int64, error) {
	tx, err := begin(ctx, db)
	if err != nil {
		return 0, &BatchError{Rows: rows, Row: -1, Err: err}
	}
	n, row, err := write(ctx, tx, t, rows)
	if err != nil {
		rollback(ctx, tx)
		return 0, &BatchError{Rows: rows, Row: row, Err: err}
	}
	_, nested := db.(pgx.Tx)
	if maybe, err := commit(ctx, tx, nested); err != nil {
		return 0, &BatchError{Rows: rows, Row: -1, MaybeWritten: maybe, Err: err}
	}
	return n, nil
}

// beginAttempts bounds the tries at BEGIN. A pool hands out a connection
// idle for under a second without checking it, so after a restart or a
// failover BEGIN may find several dead ones in a row. Only failures that sent
// nothing are tried again, which can never duplicate a row.
const beginAttempts = 10

func begin(ctx context.Context, db Beginner) (pgx.Tx, error) {
	var err error
	for range beginAttempts {
		var tx pgx.Tx
		if tx, err = db.Begin(ctx); err == nil {
			return tx, nil
		}
		if ctx.Err() != nil || !pgconn.SafeToRetry(err) {
			return nil, err
		}
	}
	return nil, err
}

// write runs a batch's statements in tx. On failure row is the index of the
// row to blame, or -1.
func write(ctx context.Context, tx pgx.Tx, t Target, rows [][]any) (n int64, row int, err error) {
	conn := tx.Conn()
	if conn == nil {
		return 0, -1, errors.New("pgbatch: the transaction has no connection")
	}
	table := t.Table
	if t.OnConflict != nil {
		if _, err := tx.Exec(ctx, t.stageSQL()); err != nil {
			return 0, -1, err
		}
		table = stageTable
	}
	n, row, err = copyIn(ctx, conn, table, t.Columns, rows)
	if err != nil || t.OnConflict == nil {
		return n, row, err
	}
	tag, err := tx.Exec(ctx, t.mergeSQL())
	return tag.RowsAffected(), -1, err
}

func rollback(ctx context.Context, tx pgx.Tx) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rollbackTimeout)
	defer cancel()
	// A failed rollback leaves nothing to do: the transaction never committed,
	// and a broken connection is discarded by the pool.
	_ = tx.Rollback(ctx)
}

// commit ends the batch's transaction and tells whether a failure leaves
// the outcome open. Until COMMIT is sent nothing can have landed. Once it is
// sent, only the server's answer settles it: an ERROR, or ROLLBACK for a
// transaction that had failed, means rolled back; anything else (the
// connection lost before the answer came) may have followed a successful
// commit. pgx cannot be asked for the difference: when the read of COMMIT's
// answer fails it reports the connection as closed, with SafeToRetry set as
// though nothing had been sent. Nested (a savepoint in the caller's
// transaction), COMMIT is RELEASE SAVEPOINT, and the caller's transaction
// decides: a lost connection there rolls all of it back.
func commit(ctx context.Context, tx pgx.Tx, nested bool) (maybeWritten bool, err error) {
	if err := ctx.Err(); err != nil {
		rollback(ctx, tx)
		return false, err
	}
	err = tx.Commit(ctx)
	var pgErr *pgconn.PgError
	if err == nil || nested || errors.As(err, &pgErr) || errors.Is(err, pgx.ErrTxCommitRollback) {
		return false, err
	}
	return true, err
}

// copyIn streams rows with COPY ... FROM STDIN BINARY and returns the row to
// blame on failure, or -1. pgx's CopyFrom is not used: it encodes values for
// the column types of a description it caches per connection under the text
// "select <columns> from <table>", which stays the same when a table of that
// name is dropped and made again with other types. The upsert stage is, for
// every batch and every target, and a target can be; the values were then
// encoded for the old types, and the server took int8 bytes as a float8, or
// timestamptz bytes as a timestamp, without a word. Here every COPY asks the
// server for the column types first, one round trip per batch. The
// connection's CopyFromTracer is told as pgx's CopyFrom would tell it, so
// tracing (OpenTelemetry, runtime/batchtest) still sees the COPY.
func copyIn(ctx context.Context, conn *pgx.Conn, table pgx.Identifier, columns []string, rows [][]any) (int64, int, error) {
	tracer, _ := conn.Config().Tracer.(pgx.CopyFromTracer)
	if tracer != nil {
		ctx = tracer.TraceCopyFromStart(ctx, conn, pgx.TraceCopyFromStartData{TableName: table, ColumnNames: columns})
	}
	tag, row, err := copyBinary(ctx, conn, table, columns, rows)
	if tracer != nil {
		tracer.TraceCopyFromEnd(ctx, conn, pgx.TraceCopyFromEndData{CommandTag: tag, Err: err})
	}
	return tag.RowsAffected(), row, err
}

func copyBinary(ctx context.Context, conn *pgx.Conn, table pgx.Identifier, columns []string, rows [][]any) (pgconn.CommandTag, int, error) {
	pg := conn.PgConn()
	cols := quoteList(columns, "")
	sd, err := pg.Prepare(ctx, "", "SELECT "+cols+" FROM "+table.Sanitize(), nil)
	if err != nil {
		return pgconn.CommandTag{}, -1, err
	}
	r := &copyReader{m: conn.TypeMap(), fields: sd.Fields, rows: rows, i: -1, buf: []byte(binaryHeader)}
	tag, err := pg.CopyFrom(ctx, r, "COPY "+table.Sanitize()+" ("+cols+") FROM STDIN BINARY")
	return tag, failedRow(err, r.stop(), len(rows)), err
}

// binaryHeader starts COPY's binary format: signature, flags, no extension.
const binaryHeader = "PGCOPY\n\xff\r\n\x00\x00\x00\x00\x00\x00\x00\x00\x00"

// copyReader encodes rows as COPY binary data as pgconn reads it, about a
// read's worth at a time. pgconn reads from its own goroutine, which can
// outlive CopyFrom when the server fails the COPY, hence the lock and stop.
type copyReader struct {
	mu      sync.Mutex
	m       *pgtype.Map
	fields  []pgconn.FieldDescription
	rows    [][]any
	i       int // the row being encoded; len(rows) once the trailer is
	buf     []byte
	stopped bool
}

func (r *copyReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.buf) < len(p) && r.i < len(r.rows) && !r.stopped {
		if err := r.next(); err != nil {
			r.stopped = true
			return 0, err
		}
	}
	if len(r.buf) == 0 || r.stopped {
		return 0, io.EOF
	}
	n := copy(p, r.buf)
	r.buf = append(r.buf[:0], r.buf[n:]...)
	return n, nil
}

// next appends the next row, or after the last one the trailer.
func (r *copyReader) next() (err error) {
	if r.i++; r.i == len(r.rows) {
		r.buf = binary.BigEndian.AppendUint16(r.buf, 0xffff)
		return nil
	}
	r.buf = binary.BigEndian.AppendUint16(r.buf, uint16(len(r.fields)))
	for c, v := range r.rows[r.i] {
		if r.buf, err = appendValue(r.m, r.buf, r.fields[c].DataTypeOID, v); err != nil {
			return err
		}
	}
	return nil
}

// stop ends the reading and returns the row being encoded when it ended.
func (r *copyReader) stop() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopped = true
	return r.i
}

// appendValue appends one field: its length, -1 for NULL, and its bytes.
func appendValue(m *pgtype.Map, buf []byte, oid uint32, v any) ([]byte, error) {
	start := len(buf)
	buf = binary.BigEndian.AppendUint32(buf, 0xffffffff)
	out, err := m.Encode(oid, pgtype.BinaryFormatCode, v, buf)
	if err != nil {
		var parseErr error
		if out, parseErr = appendParsed(m, buf, oid, v); parseErr != nil {
			return nil, err
		}
	}
	if out == nil {
		return buf, nil
	}
	binary.BigEndian.PutUint32(out[start:], uint32(len(out)-start-4))
	return out, nil
}

// appendParsed gives a value with no binary encoding for the column's type
// the second chance pgx's CopyFrom gives it: its text form (a string as it
// is) is parsed as that type, so "42" can fill an integer column.
func appendParsed(m *pgtype.Map, buf []byte, oid uint32, v any) ([]byte, error) {
	s, ok := v.(string)
	if !ok {
		text, err := m.Encode(oid, pgtype.TextFormatCode, v, nil)
		if err != nil {
			return nil, err
		}
		s = string(text)
	}
	if typ, ok := m.TypeForOID(oid); ok {
		// Scanned into an any, an array would lose its dimensions.
		var arr pgtype.Array[any]
		if _, isArray := typ.Codec.(*pgtype.ArrayCodec); isArray && m.Scan(oid, pgtype.TextFormatCode, []byte(s), &arr) == nil {
			return m.Encode(oid, pgtype.BinaryFormatCode, arr, buf)
		}
	}
	var parsed any
	if err := m.Scan(oid, pgtype.TextFormatCode, []byte(s), &parsed); err != nil {
		return nil, err
	}
	return m.Encode(oid, pgtype.BinaryFormatCode, parsed, buf)
}
