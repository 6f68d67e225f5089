// Package corpus is realistic producer code with every produce call labelled:
// label:bad is a one-record synchronous produce per element, label:ok is not.
package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

type OutboxRow struct {
	ID      int64
	Topic   string
	Key     []byte
	Payload []byte
}

type Relay struct {
	db     *sql.DB
	client *kgo.Client
	log    *slog.Logger
}

func (r *Relay) pending(ctx context.Context, limit int) ([]OutboxRow, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, topic, key, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutboxRow
	for rows.Next() {
		var o OutboxRow
		if err := rows.Scan(&o.ID, &o.Topic, &o.Key, &o.Payload); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// RelayOnce publishes the pending rows one at a time.
func (r *Relay) RelayOnce(ctx context.Context) error {
	rows, err := r.pending(ctx, 500)
	if err != nil {
		return err
	}
	for _, row := range rows {
		rec := &kgo.Record{Topic: row.Topic, Key: row.Key, Value: row.Payload}
		if err := r.client.ProduceSync(ctx, rec).FirstErr(); err != nil { // label:bad
			return fmt.Errorf("outbox %d: %w", row.ID, err)
		}
		if _, err := r.db.ExecContext(ctx, `UPDATE outbox SET sent_at = now() WHERE id = $1`, row.ID); err != nil {
			return err
		}
	}
	return nil
}

// RelayBatch publishes the pending rows with one ProduceSync.
func (r *Relay) RelayBatch(ctx context.Context) error {
	rows, err := r.pending(ctx, 500)
	if err != nil {
		return err
	}
	recs := make([]*kgo.Record, len(rows))
	for i, row := range rows {
		recs[i] = &kgo.Record{Topic: row.Topic, Key: row.Key, Value: row.Payload}
	}
	results := r.client.ProduceSync(ctx, recs...) // label:ok
	for i, res := range results {
		if res.Err != nil {
			r.log.Error("outbox publish", "id", rows[i].ID, "err", res.Err)
		}
	}
	return nil
}

// Run polls the outbox; each pass publishes a batch.
func (r *Relay) Run(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := r.RelayBatch(ctx); err != nil {
				r.log.Error("relay", "err", err)
			}
			r.client.ProduceSync(ctx, &kgo.Record{Topic: "relay-heartbeat", Value: []byte(time.Now().Format(time.RFC3339))}) // label:ok
		}
	}
}

// Republish sends the rows again, waiting for each one: the flush after
// every Produce makes it synchronous.
func (r *Relay) Republish(ctx context.Context, rows []OutboxRow) error {
	for _, row := range rows {
		r.client.Produce(ctx, &kgo.Record{Topic: row.Topic, Key: row.Key, Value: row.Payload}, nil) // label:bad
		if err := r.client.Flush(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Backfill produces asynchronously and flushes every 10k records.
func (r *Relay) Backfill(ctx context.Context, rows []OutboxRow) error {
	for i, row := range rows {
		r.client.Produce(ctx, &kgo.Record{Topic: row.Topic, Key: row.Key, Value: row.Payload}, func(_ *kgo.Record, err error) { // label:ok
			if err != nil {
				r.log.Error("backfill", "id", row.ID, "err", err)
			}
		})
		if i%10_000 == 9_999 {
			if err := r.client.Flush(ctx); err != nil {
				return err
			}
		}
	}
	return r.client.Flush(ctx)
}

// PublishOne is used by the HTTP handler for a single event.
func (r *Relay) PublishOne(ctx context.Context, row OutboxRow) error {
	return r.client.ProduceSync(ctx, &kgo.Record{Topic: row.Topic, Key: row.Key, Value: row.Payload}).FirstErr() // label:ok
}

// Drain waits for each record before producing the next, to keep strict
// order without idempotence.
func (r *Relay) Drain(ctx context.Context, rows []OutboxRow) error {
	for _, row := range rows {
		errc := make(chan error, 1)
		r.client.Produce(ctx, &kgo.Record{Topic: row.Topic, Value: row.Payload}, func(_ *kgo.Record, err error) { errc <- err }) // label:bad
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// Mirror copies rows to two fixed topics.
func (r *Relay) Mirror(ctx context.Context, row OutboxRow) error {
	for _, topic := range []string{"primary", "dr"} {
		if err := r.client.ProduceSync(ctx, &kgo.Record{Topic: topic, Key: row.Key, Value: row.Payload}).FirstErr(); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// SendWithRetry retries one record.
func (r *Relay) SendWithRetry(ctx context.Context, rec *kgo.Record) error {
	var err error
	for attempt := 1; attempt <= 5; attempt++ {
		if err = r.client.ProduceSync(ctx, rec).FirstErr(); err == nil { // label:ok
			return nil
		}
		time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
	}
	return err
}

// ResendAll retries each row: still one synchronous produce per row.
func (r *Relay) ResendAll(ctx context.Context, rows []OutboxRow) error {
	for _, row := range rows {
		var err error
		for attempt := 1; attempt <= 3; attempt++ {
			if err = r.client.ProduceSync(ctx, &kgo.Record{Topic: row.Topic, Value: row.Payload}).FirstErr(); err == nil { // label:bad
				break
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}
