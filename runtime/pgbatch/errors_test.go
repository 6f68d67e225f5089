package pgbatch

import (
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestFailedRow(t *testing.T) {
	for _, tc := range []struct {
		err     error
		current int
		want    int
	}{
		{&pgconn.PgError{Code: "23502", Where: `COPY events, line 43, column name: null`}, 7, 42},
		{&pgconn.PgError{Code: "22P02", Where: "COPY \"odd, name\", line 1, column x: \"abc\""}, 0, 0},
		// A line past the batch is not trusted.
		{&pgconn.PgError{Code: "23502", Where: `COPY events, line 101`}, 7, -1},
		// pgx aborted the COPY on a value it could not encode.
		{&pgconn.PgError{Code: "57014", Message: "COPY from stdin failed: unable to encode"}, 7, 7},
		// A cancelled statement is no row's fault.
		{&pgconn.PgError{Code: "57014", Message: "canceling statement due to user request"}, 7, -1},
		{errors.New("conn closed"), 7, -1},
	} {
		if got := failedRow(tc.err, tc.current, 100); got != tc.want {
			t.Errorf("failedRow(%v, %d) = %d, want %d", tc.err, tc.current, got, tc.want)
		}
	}
}

func TestErrorMessagesNameTheRow(t *testing.T) {
	long := strings.Repeat("x", 1000)
	be := &BatchError{Rows: [][]any{{1, "a"}, {2, long}}, Row: 1, Err: errors.New("boom")}
	msg := be.Error()
	if !strings.Contains(msg, "batch of 2 rows not written: row 1 [2 xxx") || len(msg) > 400 || !strings.HasSuffix(msg, ": boom") {
		t.Errorf("BatchError message: %q", msg)
	}
	be.MaybeWritten, be.Row = true, -1
	if msg := be.Error(); !strings.Contains(msg, "may not have been written: boom") {
		t.Errorf("uncertain BatchError message: %q", msg)
	}
	re := &RowError{Index: 3, Row: []any{1}, Err: errors.New("1 values for 2 columns")}
	if msg := re.Error(); msg != "pgbatch: row 3 [1]: 1 values for 2 columns" {
		t.Errorf("RowError message: %q", msg)
	}
}
