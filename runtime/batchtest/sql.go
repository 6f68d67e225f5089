package batchtest

import (
	"context"
	"database/sql/driver"
	"errors"
)

// WrapConnector records every statement run through connections of c; open
// the database with sql.OpenDB(batchtest.WrapConnector(c, rec)). Drivers are
// expected to implement the context forms of the driver interfaces, as
// lib/pq, pgx's stdlib and the sqlite drivers do.
func WrapConnector(c driver.Connector, r *Recorder) driver.Connector {
	return &connector{c: c, r: r}
}

// WrapDriver records every statement run through connections of d, for
// sql.Register.
func WrapDriver(d driver.Driver, r *Recorder) driver.Driver { return &wrappedDriver{d: d, r: r} }

type connector struct {
	c driver.Connector
	r *Recorder
}

func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	cn, err := c.c.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &conn{c: cn, r: c.r}, nil
}

func (c *connector) Driver() driver.Driver { return WrapDriver(c.c.Driver(), c.r) }

type wrappedDriver struct {
	d driver.Driver
	r *Recorder
}

func (d *wrappedDriver) Open(name string) (driver.Conn, error) {
	cn, err := d.d.Open(name)
	if err != nil {
		return nil, err
	}
	return &conn{c: cn, r: d.r}, nil
}

func (d *wrappedDriver) OpenConnector(name string) (driver.Connector, error) {
	if dc, ok := d.d.(driver.DriverContext); ok {
		c, err := dc.OpenConnector(name)
		if err != nil {
			return nil, err
		}
		return WrapConnector(c, d.r), nil
	}
	return &dsnConnector{name: name, d: d}, nil
}

type dsnConnector struct {
	name string
	d    *wrappedDriver
}

func (c *dsnConnector) Connect(context.Context) (driver.Conn, error) { return c.d.Open(c.name) }
func (c *dsnConnector) Driver() driver.Driver                        { return c.d }

// conn passes every call through; where the driver lacks an optional
// interface it answers as database/sql does for a driver without it
// (driver.ErrSkip, nil, true), so wrapping changes nothing but the counts.
type conn struct {
	c driver.Conn
	r *Recorder
}

func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	var s driver.Stmt
	var err error
	if p, ok := c.c.(driver.ConnPrepareContext); ok {
		s, err = p.PrepareContext(ctx, query)
	} else {
		s, err = c.c.Prepare(query)
	}
	c.r.trip()
	if err != nil {
		return nil, err
	}
	return &stmt{s: s, c: c, shape: c.r.shapeOf(query)}, nil
}

func (c *conn) Close() error { return c.c.Close() }

func (c *conn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	var tx driver.Tx
	var err error
	if b, ok := c.c.(driver.ConnBeginTx); ok {
		tx, err = b.BeginTx(ctx, opts)
	} else if opts != (driver.TxOptions{}) {
		return nil, errors.New("batchtest: the wrapped driver does not support transaction options")
	} else {
		tx, err = c.c.Begin()
	}
	c.r.trip()
	if err != nil {
		return nil, err
	}
	return &txn{tx: tx, r: c.r}, nil
}

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	e, ok := c.c.(driver.ExecerContext)
	if !ok {
		return nil, driver.ErrSkip
	}
	res, err := e.ExecContext(ctx, query, args)
	if !errors.Is(err, driver.ErrSkip) {
		c.r.sqlExec(c.r.shapeOf(query), res, err)
	}
	return res, err
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	q, ok := c.c.(driver.QueryerContext)
	if !ok {
		return nil, driver.ErrSkip
	}
	rows, err := q.QueryContext(ctx, query, args)
	if !errors.Is(err, driver.ErrSkip) {
		c.r.sqlQuery(c.r.shapeOf(query), err)
	}
	return rows, err
}

func (c *conn) Ping(ctx context.Context) error {
	if p, ok := c.c.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *conn) ResetSession(ctx context.Context) error {
	if s, ok := c.c.(driver.SessionResetter); ok {
		return s.ResetSession(ctx)
	}
	return nil
}

func (c *conn) IsValid() bool {
	if v, ok := c.c.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

func (c *conn) CheckNamedValue(nv *driver.NamedValue) error {
	if n, ok := c.c.(driver.NamedValueChecker); ok {
		return n.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

// sqlExec records a statement run with Exec: the driver's RowsAffected when
// it has one, else the VALUES list's length.
func (r *Recorder) sqlExec(s shape, res driver.Result, err error) {
	rows := -1
	if err == nil && s.write() {
		if n, rerr := res.RowsAffected(); rerr == nil {
			rows = int(n)
		}
	}
	r.executed("database/sql", s, max(rows, knownRows(s)), 1, err != nil, siteFor(s))
}

// sqlQuery records a statement run with Query (INSERT ... RETURNING): its
// rows are counted by the VALUES list alone, since counting the returned
// rows would mean wrapping driver.Rows and hiding its optional interfaces.
func (r *Recorder) sqlQuery(s shape, err error) {
	r.executed("database/sql", s, knownRows(s), 1, err != nil, siteFor(s))
}

// knownRows is -1 (unknown) for a write without a VALUES list whose driver
// did not count its rows, so that it neither extends nor ends a run.
func knownRows(s shape) int {
	if s.tuples > 0 {
		return s.tuples
	}
	return -1
}

type txn struct {
	tx driver.Tx
	r  *Recorder
}

func (t *txn) Commit() error {
	t.r.trip()
	return t.tx.Commit()
}

func (t *txn) Rollback() error {
	t.r.trip()
	return t.tx.Rollback()
}

// stmt records its executions; on a COPY ... FROM STDIN statement (lib/pq)
// an Exec with values buffers one row and the Exec without values sends the
// copy, so the rows add up to one execution.
type stmt struct {
	s     driver.Stmt
	c     *conn
	shape shape
	rows  int // rows buffered into a COPY not yet sent
}

func (s *stmt) Close() error {
	s.endCopy(nil)
	return s.s.Close()
}

func (s *stmt) NumInput() int { return s.s.NumInput() }

func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), named(args))
}

func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), named(args))
}

func (s *stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	var res driver.Result
	var err error
	if e, ok := s.s.(driver.StmtExecContext); ok {
		res, err = e.ExecContext(ctx, args)
	} else {
		res, err = legacy(args, s.s.Exec)
	}
	switch {
	case s.shape.copy && len(args) > 0:
		if err == nil {
			s.rows++
		}
	case s.shape.copy:
		s.endCopy(err)
	default:
		s.c.r.sqlExec(s.shape, res, err)
	}
	return res, err
}

func (s *stmt) endCopy(err error) {
	if s.rows == 0 && err == nil {
		return
	}
	s.c.r.executed("database/sql", s.shape, s.rows, 1, err != nil, callers())
	s.rows = 0
}

func (s *stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	var rows driver.Rows
	var err error
	if q, ok := s.s.(driver.StmtQueryContext); ok {
		rows, err = q.QueryContext(ctx, args)
	} else {
		rows, err = legacy(args, s.s.Query)
	}
	s.c.r.sqlQuery(s.shape, err)
	return rows, err
}

func (s *stmt) CheckNamedValue(nv *driver.NamedValue) error {
	if n, ok := s.s.(driver.NamedValueChecker); ok {
		return n.CheckNamedValue(nv)
	}
	// database/sql asks the statement first and, when it implements the
	// checker, never the connection: ask it here.
	return s.c.CheckNamedValue(nv)
}

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, v := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return out
}

// legacy runs a statement of a driver without the context forms.
func legacy[T any](args []driver.NamedValue, run func([]driver.Value) (T, error)) (T, error) {
	vals := make([]driver.Value, len(args))
	for i, a := range args {
		if a.Name != "" {
			var zero T
			return zero, errors.New("batchtest: the wrapped driver does not support named parameters")
		}
		vals[i] = a.Value
	}
	return run(vals)
}
