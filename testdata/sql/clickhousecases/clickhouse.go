// Package clickhousecases holds clickhouse-go v2 write shapes: an INSERT
// per row through Exec, a batch prepared, given one row and sent per
// element, and the batched forms that must stay silent.
package clickhousecases

import (
	"context"
	"slices"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

type Event struct {
	ID   uint64
	Kind string
	At   time.Time
}

// Positives.

func insertEach(ctx context.Context, conn driver.Conn, events []Event) error {
	for _, e := range events {
		if err := conn.Exec(ctx, "INSERT INTO events (id, kind, at) VALUES (?, ?, ?)", e.ID, e.Kind, e.At); err != nil { // want `INSERT INTO events executed once per element of events.*; use one clickhouse-go batch`
			return err
		}
	}
	return nil
}

func batchPerRow(ctx context.Context, conn driver.Conn, events []Event) error {
	for _, e := range events {
		batch, err := conn.PrepareBatch(ctx, "INSERT INTO events")
		if err != nil {
			return err
		}
		if err := batch.Append(e.ID, e.Kind, e.At); err != nil {
			return err
		}
		if err := batch.Send(); err != nil { // want `INSERT INTO events executed once per element of events.*; use one clickhouse-go batch`
			return err
		}
	}
	return nil
}

func structPerRow(ctx context.Context, in <-chan Event) error {
	conn, err := clickhouse.Open(&clickhouse.Options{Addr: []string{"127.0.0.1:9000"}})
	if err != nil {
		return err
	}
	for e := range in {
		batch, err := conn.PrepareBatch(ctx, "INSERT INTO events")
		if err != nil {
			return err
		}
		batch.AppendStruct(&e)
		batch.Send() // want `INSERT INTO events executed once per element of in`
	}
	return nil
}

// Look-alikes: one batch for all rows or per chunk, async inserts, reads,
// DDL per table.

func batchAll(ctx context.Context, conn driver.Conn, events []Event) error {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO events")
	if err != nil {
		return err
	}
	defer batch.Abort()
	for _, e := range events {
		if err := batch.Append(e.ID, e.Kind, e.At); err != nil {
			return err
		}
	}
	return batch.Send()
}

func batchChunks(ctx context.Context, conn driver.Conn, events []Event) error {
	for chunk := range slices.Chunk(events, 100_000) {
		batch, err := conn.PrepareBatch(ctx, "INSERT INTO events")
		if err != nil {
			return err
		}
		for _, e := range chunk {
			if err := batch.Append(e.ID, e.Kind, e.At); err != nil {
				return err
			}
		}
		if err := batch.Send(); err != nil {
			return err
		}
	}
	return nil
}

// A batch per file holds the file's rows.
func batchPerFile(ctx context.Context, conn driver.Conn, files [][]Event) error {
	for _, rows := range files {
		batch, err := conn.PrepareBatch(ctx, "INSERT INTO events")
		if err != nil {
			return err
		}
		for _, e := range rows {
			batch.Append(e.ID, e.Kind, e.At)
		}
		if err := batch.Send(); err != nil {
			return err
		}
	}
	return nil
}

// The server buffers async inserts and writes one part per flush.
func asyncEach(ctx context.Context, conn driver.Conn, events []Event) error {
	for _, e := range events {
		if err := conn.AsyncInsert(ctx, "INSERT INTO events (id, kind, at) VALUES (?, ?, ?)", false, e.ID, e.Kind, e.At); err != nil {
			return err
		}
	}
	return nil
}

// The same per row with WithAsync, the client side of async inserts.
func asyncContextEach(ctx context.Context, conn driver.Conn, events []Event) error {
	actx := clickhouse.Context(ctx, clickhouse.WithAsync(false))
	for _, e := range events {
		if err := conn.Exec(actx, "INSERT INTO events (id, kind, at) VALUES (?, ?, ?)", e.ID, e.Kind, e.At); err != nil {
			return err
		}
	}
	return nil
}

func readEach(ctx context.Context, conn driver.Conn, ids []uint64) ([]string, error) {
	var out []string
	for _, id := range ids {
		var kind string
		if err := conn.QueryRow(ctx, "SELECT kind FROM events WHERE id = ?", id).Scan(&kind); err != nil {
			return nil, err
		}
		out = append(out, kind)
	}
	return out, nil
}

func optimizeEach(ctx context.Context, conn driver.Conn, tables []string) {
	for _, t := range tables {
		conn.Exec(ctx, "OPTIMIZE TABLE "+t+" FINAL")
	}
}
