package batchtest_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"testing"

	"github.com/batchlint/batchlint/runtime/batchtest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// copyInConnector speaks lib/pq's COPY protocol to database/sql (lib/pq is
// not a dependency of this module): a prepared "COPY ... FROM STDIN"
// statement buffers each Exec's row and the Exec without values sends them,
// here with pgx CopyFrom on a pool connection, so the rows reach Postgres.
type copyInConnector struct{ pool *pgxpool.Pool }

func (c copyInConnector) Connect(ctx context.Context) (driver.Conn, error) {
	pc, err := c.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	return &copyInConn{pc: pc}, nil
}

func (c copyInConnector) Driver() driver.Driver { return nil }

type copyInConn struct {
	pc *pgxpool.Conn
	tx pgx.Tx
}

func (c *copyInConn) Prepare(query string) (driver.Stmt, error) {
	if query != "COPY items (id, name) FROM STDIN" {
		return nil, errors.New("copyInConn prepares only the COPY of items")
	}
	return &copyInStmt{c: c}, nil
}

func (c *copyInConn) Close() error { c.pc.Release(); return nil }

func (c *copyInConn) Begin() (driver.Tx, error) {
	tx, err := c.pc.Begin(context.Background())
	c.tx = tx
	return c, err
}

func (c *copyInConn) Commit() error   { return c.tx.Commit(context.Background()) }
func (c *copyInConn) Rollback() error { return c.tx.Rollback(context.Background()) }

type copyInStmt struct {
	c    *copyInConn
	rows [][]any
}

func (s *copyInStmt) Close() error  { return nil }
func (s *copyInStmt) NumInput() int { return -1 }

func (s *copyInStmt) Exec(args []driver.Value) (driver.Result, error) {
	if len(args) > 0 {
		s.rows = append(s.rows, []any{args[0], args[1]})
		return driver.RowsAffected(0), nil
	}
	n, err := s.c.tx.CopyFrom(context.Background(), pgx.Identifier{"items"}, []string{"id", "name"}, pgx.CopyFromRows(s.rows))
	s.rows = nil
	return driver.RowsAffected(n), err
}

func (s *copyInStmt) Query([]driver.Value) (driver.Rows, error) {
	return nil, errors.New("COPY FROM STDIN returns no rows")
}

// TestCopyInStatement checks that the rows of a COPY statement executed one
// Exec per row are one copy, and that one COPY per row is still reported.
func TestCopyInStatement(t *testing.T) {
	ctx := context.Background()
	rec := batchtest.New()
	// The database/sql wrapper alone records.
	pool, err := pgxpool.NewWithConfig(ctx, plainConfig(t, newPool(t, rec, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	db := sql.OpenDB(batchtest.WrapConnector(copyInConnector{pool}, rec))
	t.Cleanup(func() { db.Close() })

	copyIn := func(ids []int) error {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback()
		stmt, err := tx.Prepare("COPY items (id, name) FROM STDIN")
		if err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := stmt.Exec(id, "x"); err != nil {
				return err
			}
		}
		if _, err := stmt.Exec(); err != nil {
			return err
		}
		return tx.Commit()
	}

	rec.Reset()
	if err := copyIn(span(0, 30)); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM items").Scan(&n); err != nil || n != 30 {
		t.Fatalf("%d rows in items (%v), want 30", n, err)
	}
	want := batchtest.Stats{Shape: "copy items (id, name) from stdin", Executions: 1, Rows: 30, RoundTrips: 1}
	if got := rec.Stats(); len(got) != 1 || got[0] != want || len(rec.Findings()) != 0 {
		t.Errorf("one COPY of 30 rows: stats %+v, findings %+v; want %+v and none", got, rec.Findings(), want)
	}
	rec.AtMostRoundTrips(t, 4) // BEGIN, prepare, the copy, COMMIT

	rec.Reset()
	for _, id := range span(100, 12) {
		if err := copyIn([]int{id}); err != nil {
			t.Fatal(err)
		}
	}
	if fs := rec.Findings(); len(fs) != 1 || fs[0].Count != 12 || fs[0].Shape != want.Shape {
		t.Errorf("one COPY per row: findings %+v, want 12 single-row copies", fs)
	}
}
