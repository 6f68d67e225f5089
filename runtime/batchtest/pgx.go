package batchtest

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/multitracer"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Tracer returns a pgx tracer that records into r and then calls next (nil
// for none), for ConnConfig.Tracer. It traces queries, batches and COPY
// (pgx's CopyFrom, and runtime/pgbatch's, which reports to the same tracer).
func (r *Recorder) Tracer(next pgx.QueryTracer) pgx.QueryTracer {
	t := &pgxTracer{r: r}
	if next == nil {
		return t
	}
	return multitracer.New(t, next)
}

// WrapConfig records every connection made with cfg, keeping its tracer.
func (r *Recorder) WrapConfig(cfg *pgx.ConnConfig) { cfg.Tracer = r.Tracer(cfg.Tracer) }

// WrapPoolConfig records every connection of a pool made with cfg, keeping
// its tracer.
func (r *Recorder) WrapPoolConfig(cfg *pgxpool.Config) { r.WrapConfig(cfg.ConnConfig) }

type pgxTracer struct{ r *Recorder }

type ctxKey int

const (
	queryKey ctxKey = iota
	batchKey
	copyKey
)

func (t *pgxTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryStartData) context.Context {
	return context.WithValue(ctx, queryKey, t.r.shapeOf(data.SQL))
}

func (t *pgxTracer) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryEndData) {
	s, ok := ctx.Value(queryKey).(shape)
	if !ok {
		return
	}
	t.r.executed("pgx", s, rowsOf(s, data.CommandTag), 1, data.Err != nil, siteFor(s))
}

// batchShapes sums a batch's writes per shape: a batch is one round trip,
// and a batch of one row repeated is as row-by-row as a loop of Execs.
type batchShapes struct {
	order []shape
	rows  map[string]int
}

func (t *pgxTracer) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return context.WithValue(ctx, batchKey, &batchShapes{rows: map[string]int{}})
}

func (t *pgxTracer) TraceBatchQuery(ctx context.Context, _ *pgx.Conn, data pgx.TraceBatchQueryData) {
	b, ok := ctx.Value(batchKey).(*batchShapes)
	if !ok || data.Err != nil {
		return
	}
	s := t.r.shapeOf(data.SQL)
	if _, seen := b.rows[s.text]; !seen {
		b.order = append(b.order, s)
	}
	b.rows[s.text] += max(rowsOf(s, data.CommandTag), 0)
}

func (t *pgxTracer) TraceBatchEnd(ctx context.Context, _ *pgx.Conn, data pgx.TraceBatchEndData) {
	b, ok := ctx.Value(batchKey).(*batchShapes)
	if !ok {
		return
	}
	if len(b.order) == 0 {
		t.r.trip()
		return
	}
	for i, s := range b.order {
		trips := 0
		if i == 0 {
			trips = 1
		}
		t.r.executed("pgx", s, b.rows[s.text], trips, false, siteFor(s))
	}
}

func (t *pgxTracer) TraceCopyFromStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceCopyFromStartData) context.Context {
	cols := make([]string, len(data.ColumnNames))
	for i, c := range data.ColumnNames {
		cols[i] = pgx.Identifier{c}.Sanitize()
	}
	return context.WithValue(ctx, copyKey, t.r.shapeOf("COPY "+data.TableName.Sanitize()+" ("+strings.Join(cols, ", ")+") FROM STDIN BINARY"))
}

func (t *pgxTracer) TraceCopyFromEnd(ctx context.Context, _ *pgx.Conn, data pgx.TraceCopyFromEndData) {
	if s, ok := ctx.Value(copyKey).(shape); ok {
		t.r.executed("pgx", s, int(data.CommandTag.RowsAffected()), 1, data.Err != nil, siteFor(s))
	}
}

// rowsOf is the rows a write statement wrote: the server's count, or the
// VALUES list's length when it is longer (an upsert that changed nothing
// still sent every row in one statement).
func rowsOf(s shape, tag pgconn.CommandTag) int {
	if !s.write() {
		return 0
	}
	return max(int(tag.RowsAffected()), s.tuples)
}

// siteFor captures the call site only for writes, the only shapes reported.
func siteFor(s shape) *stack {
	if !s.write() {
		return nil
	}
	return callers()
}
