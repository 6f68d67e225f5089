package pgbatch

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// BatchError reports a batch that did not commit. Its rows were not written,
// unless MaybeWritten says the outcome is unknown.
type BatchError struct {
	// Rows holds every row of the batch, in the order they were added.
	Rows [][]any
	// Row is the index in Rows of the row that made the batch fail, or -1
	// when the failure does not belong to one row (a lost connection, a
	// cancelled context, a conflict between rows).
	Row int
	// MaybeWritten is set when COMMIT was sent and no answer from the
	// server settled it: the connection was lost, or the context ended,
	// while COMMIT was in flight, so the server may have committed the
	// batch (or, if the context ended just as COMMIT was about to be sent,
	// not). Writing these rows again may duplicate them unless the write is
	// idempotent (an upsert). It is not set when anything failed before
	// COMMIT was sent or when the server answered COMMIT with an error (a
	// deferred constraint): then nothing was written. It is never set for a
	// batch written in the caller's transaction (CopyRows given a pgx.Tx),
	// which commits only with that transaction.
	MaybeWritten bool
	Err          error
}

func (e *BatchError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "pgbatch: batch of %d rows ", len(e.Rows))
	if e.MaybeWritten {
		b.WriteString("may not have been written")
	} else {
		b.WriteString("not written")
	}
	if e.Row >= 0 && e.Row < len(e.Rows) {
		fmt.Fprintf(&b, ": row %d %s", e.Row, formatRow(e.Rows[e.Row]))
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *BatchError) Unwrap() error { return e.Err }

// RowError rejects a row before it is buffered: nothing from the call that
// returned it was added.
type RowError struct {
	// Index is the position of the row among the rows of that call.
	Index int
	Row   []any
	Err   error
}

func (e *RowError) Error() string {
	return fmt.Sprintf("pgbatch: row %d %s: %v", e.Index, formatRow(e.Row), e.Err)
}

func (e *RowError) Unwrap() error { return e.Err }

// formatRow renders a row for an error message, cut short so that a row of
// large values cannot flood a log.
func formatRow(row []any) string {
	const max = 200
	s := fmt.Sprintf("%v", row)
	if len(s) > max {
		s = s[:max] + "...]"
	}
	return s
}

// copyLine finds the line of COPY input the server blamed: "COPY t, line 3,
// column b: ...". Lines count from 1.
var copyLine = regexp.MustCompile(`^COPY [^\n]*?, line (\d+)`)

// failedRow maps a COPY error to the row that caused it, or -1. current is
// the index of the row pgx was encoding when the COPY stopped.
func failedRow(err error, current, n int) int {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return -1
	}
	// pgx aborts the COPY with CopyFail when it cannot encode a value; the
	// server answers with query_canceled and echoes the reason. The row being
	// encoded at that moment is the culprit.
	if pgErr.Code == "57014" && strings.HasPrefix(pgErr.Message, "COPY from stdin failed") {
		if current >= 0 && current < n {
			return current
		}
		return -1
	}
	if m := copyLine.FindStringSubmatch(pgErr.Where); m != nil {
		line, convErr := strconv.Atoi(m[1])
		if convErr == nil && line >= 1 && line <= n {
			return line - 1
		}
	}
	return -1
}
