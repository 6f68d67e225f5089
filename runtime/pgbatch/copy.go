package pgbatch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
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
	// {"audit", "events"}. Each part is quoted, so any name is safe.
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
		if part == "" {
			return fmt.Errorf("pgbatch: table name %v has an empty part", []string(t.Table))
		}
	}
	if len(t.Columns) == 0 {
		return errors.New("pgbatch: no columns named")
	}
	seen := make(map[string]bool, len(t.Columns))
	for _, c := range t.Columns {
		if c == "" {
			return errors.New("pgbatch: empty column name")
		}
		if seen[c] {
			return fmt.Errorf("pgbatch: column %q named twice", c)
		}
		seen[c] = true
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
	for _, k := range oc.Keys {
		if !seen[k] {
			return fmt.Errorf("pgbatch: conflict key %q is not one of the columns", k)
		}
	}
	for _, u := range oc.Update {
		if !seen[u] {
			return fmt.Errorf("pgbatch: update column %q is not one of the columns", u)
		}
	}
	return nil
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

// rowSource feeds a batch to COPY and remembers which row pgx asked for last,
// so that a value pgx cannot encode can be blamed on its row.
type rowSource struct {
	rows [][]any
	i    int
}

func (s *rowSource) Next() bool             { s.i++; return s.i < len(s.rows) }
func (s *rowSource) Values() ([]any, error) { return s.rows[s.i], nil }
func (s *rowSource) Err() error             { return nil }

// rollbackTimeout bounds the ROLLBACK after a failed batch, which runs even
// when the caller's context is already done.
const rollbackTimeout = 5 * time.Second

// CopyRows writes rows to the target in one transaction: COPY, or for an
// upsert COPY into a temporary table and one INSERT ... ON CONFLICT from it.
// It returns the number of rows copied (for an upsert, the rows inserted or
// updated). On failure nothing was written and the error is a *BatchError
// holding rows.
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

func copyRows(ctx context.Context, db Beginner, t Target, rows [][]any) (n int64, err error) {
	tx, err := begin(ctx, db)
	if err != nil {
		return 0, &BatchError{Rows: rows, Row: -1, Err: err}
	}
	src := &rowSource{rows: rows, i: -1}
	if t.OnConflict == nil {
		n, err = tx.CopyFrom(ctx, t.Table, t.Columns, src)
	} else {
		n, err = upsert(ctx, tx, t, src)
	}
	if err != nil {
		rollback(ctx, tx)
		return 0, &BatchError{Rows: rows, Row: failedRow(err, src.i, len(rows)), Err: err}
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, &BatchError{Rows: rows, Row: -1, MaybeWritten: commitMayHaveLanded(err), Err: err}
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

func upsert(ctx context.Context, tx pgx.Tx, t Target, src *rowSource) (int64, error) {
	if _, err := tx.Exec(ctx, t.stageSQL()); err != nil {
		return 0, err
	}
	if _, err := tx.CopyFrom(ctx, stageTable, t.Columns, src); err != nil {
		return 0, err
	}
	tag, err := tx.Exec(ctx, t.mergeSQL())
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

func rollback(ctx context.Context, tx pgx.Tx) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rollbackTimeout)
	defer cancel()
	// A failed rollback leaves nothing to do: the transaction never committed,
	// and a broken connection is discarded by the pool.
	_ = tx.Rollback(ctx)
}

// commitMayHaveLanded tells whether a failed COMMIT leaves the outcome open.
// A server error or a ROLLBACK reply means the transaction was rolled back;
// an error before any byte was sent means COMMIT never left; anything else (a
// connection lost mid-flight) may have followed a successful commit.
func commitMayHaveLanded(err error) bool {
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &pgErr), errors.Is(err, pgx.ErrTxCommitRollback), pgconn.SafeToRetry(err):
		return false
	}
	return true
}
