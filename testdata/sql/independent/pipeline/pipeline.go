// Package pipeline belongs to the independent corpus: ingestion workers and
// cross-package callers of the ledger, pgxsvc and sqlxrepo helpers, adapted
// from public repository patterns and labelled by runtime behaviour (see
// package ledger).
package pipeline

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/sync/semaphore"

	"example.com/sqlcases/independent/ledger"
	"example.com/sqlcases/independent/pgxsvc"
	"example.com/sqlcases/independent/sqlxrepo"
)

type Job struct {
	Rows [][]any
}

const insertNormalized = `INSERT INTO normalized (id, type, ts, payload) VALUES ($1, $2, $3, $4)`

// Worker pool: each worker takes one event at a time and inserts it.
func RunWorkers(ctx context.Context, pool *pgxpool.Pool, events <-chan pgxsvc.Event, n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range events {
				pool.Exec(ctx, insertNormalized, e.ID, e.Type, e.ReceivedAt, e.Payload) // label:bad
			}
		}()
	}
	wg.Wait()
}

// Worker pool over jobs that each carry a slice of rows, written with one COPY per job.
func RunCopyWorkers(ctx context.Context, pool *pgxpool.Pool, jobs <-chan Job, n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				pool.CopyFrom(ctx, pgx.Identifier{"normalized"}, []string{"id", "type", "ts", "payload"}, pgx.CopyFromRows(j.Rows)) // label:ok
			}
		}()
	}
	wg.Wait()
}

// Worker pool where each job is a slice of rows, but the worker inserts row by row.
func doTheJob(db *sql.DB, job [][]any) {
	for _, row := range job {
		db.Exec("INSERT INTO transactions (a, b, c) VALUES ($1, $2, $3)", row...) // label:bad
	}
}

func dispatchWorkers(db *sql.DB, jobs <-chan [][]any, wg *sync.WaitGroup) {
	for i := 0; i < 100; i++ {
		go func() {
			for job := range jobs {
				doTheJob(db, job) // label:ok
				wg.Done()
			}
		}()
	}
}

// Buffered writer: events are collected and flushed with one COPY per batch or tick.
type Flusher struct {
	pool *pgxpool.Pool
	buf  []pgxsvc.Event
}

func (f *Flusher) flush(ctx context.Context) error {
	if len(f.buf) == 0 {
		return nil
	}
	rows := make([][]any, len(f.buf))
	for i, e := range f.buf {
		rows[i] = []any{e.ID, e.Type, e.ReceivedAt, e.Payload}
	}
	_, err := f.pool.CopyFrom(ctx, pgx.Identifier{"normalized"}, []string{"id", "type", "ts", "payload"}, pgx.CopyFromRows(rows)) // label:ok
	f.buf = f.buf[:0]
	return err
}

func (f *Flusher) Run(ctx context.Context, in <-chan pgxsvc.Event) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case e, ok := <-in:
			if !ok {
				return f.flush(ctx) // label:ok
			}
			f.buf = append(f.buf, e)
			if len(f.buf) >= 1000 {
				if err := f.flush(ctx); err != nil { // label:ok
					return err
				}
			}
		case <-tick.C:
			if err := f.flush(ctx); err != nil { // label:ok
				return err
			}
		}
	}
}

// Cross-package: the ledger's one-row helper method called per element.
func Close(ctx context.Context, st *ledger.Store, accounts []string) error {
	for _, a := range accounts {
		if err := st.Close(ctx, a); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Cross-package: the ledger's bulk method called once.
func Import(ctx context.Context, st *ledger.Store, entries []ledger.Entry) error {
	return st.InsertEntriesUnnest(ctx, entries) // label:ok
}

// Cross-package: the ledger's bulk method called once per chunk.
func ImportChunks(ctx context.Context, st *ledger.Store, chunks [][]ledger.Entry) error {
	for _, c := range chunks {
		if err := st.InsertEntriesValues(ctx, c); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Cross-package: the sqlx repository's single insert per person.
func Signup(ctx context.Context, people *sqlxrepo.People, batch []sqlxrepo.Person) error {
	for i := range batch {
		if err := people.Insert(ctx, &batch[i]); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Cross-package: the pgx repository's loop-inside method, called once per order.
func SaveOrders(ctx context.Context, pool *pgxpool.Pool, r *pgxsvc.Repo, orders map[int64][]pgxsvc.OrderItem) error {
	for id, items := range orders {
		if err := r.ReplaceItems(ctx, id, items); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Goroutine per event bounded by a semaphore.
func InsertBounded(ctx context.Context, pool *pgxpool.Pool, events []pgxsvc.Event) error {
	sem := semaphore.NewWeighted(16)
	var wg sync.WaitGroup
	for _, e := range events {
		if err := sem.Acquire(ctx, 1); err != nil {
			return err
		}
		wg.Add(1)
		go func() {
			defer sem.Release(1)
			defer wg.Done()
			pool.Exec(ctx, insertNormalized, e.ID, e.Type, e.ReceivedAt, e.Payload) // label:bad
		}()
	}
	wg.Wait()
	return nil
}

// A write function held in a struct field, called per element.
type Sink struct {
	Write func(ctx context.Context, e pgxsvc.Event) error
}

func NewSink(pool *pgxpool.Pool) Sink {
	return Sink{Write: func(ctx context.Context, e pgxsvc.Event) error {
		_, err := pool.Exec(ctx, insertNormalized, e.ID, e.Type, e.ReceivedAt, e.Payload) // label:ok
		return err
	}}
}

func Drain(ctx context.Context, s Sink, events []pgxsvc.Event) error {
	for _, e := range events {
		if err := s.Write(ctx, e); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Generic repository with a per-item Save, used in a loop.
type Repository[T any] struct {
	pool   *pgxpool.Pool
	insert string
	args   func(T) []any
}

func (r *Repository[T]) Save(ctx context.Context, v T) error {
	_, err := r.pool.Exec(ctx, r.insert, r.args(v)...) // label:ok
	return err
}

func SaveAll[T any](ctx context.Context, r *Repository[T], items []T) error {
	for _, it := range items {
		if err := r.Save(ctx, it); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Heartbeat: the same row updated on every tick of an unbounded loop.
func Heartbeat(ctx context.Context, pool *pgxpool.Pool, id string) {
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			pool.Exec(ctx, `UPDATE workers SET seen_at = now() WHERE id = $1`, id) // label:ok
		}
	}
}
