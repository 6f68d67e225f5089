package pgbatch_test

import (
	"context"
	"database/sql"
	"log"
	"os"
	"time"

	"github.com/batchlint/batchlint/runtime/pgbatch"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type event struct {
	ID   int64
	Kind string
	At   time.Time
}

// A loop that ran one INSERT per event writes through a Writer instead: one
// COPY per 10,000 rows (or per 100ms), each batch in one transaction.
func ExampleWriter() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()

	w, err := pgbatch.NewWriter(pool, pgbatch.Config{
		Target: pgbatch.Target{
			Table:   pgx.Identifier{"audit", "events"},
			Columns: []string{"id", "kind", "at"},
		},
		// Failed batches come back here, rows included, while writing goes on.
		OnError: func(be *pgbatch.BatchError) {
			log.Printf("%d rows not written: %v", len(be.Rows), be.Err)
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	var events []event // from a file, a queue, an API...
	for _, e := range events {
		if err := w.Add(ctx, []any{e.ID, e.Kind, e.At}); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Close(ctx); err != nil {
		log.Fatal(err)
	}
}

// An upsert keyed on id: rows whose id exists update kind and at.
func ExampleCopyRows_upsert() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()

	rows := [][]any{{int64(1), "login", time.Now()}, {int64(2), "logout", time.Now()}}
	n, err := pgbatch.CopyRows(ctx, pool, pgbatch.Target{
		Table:      pgx.Identifier{"events"},
		Columns:    []string{"id", "kind", "at"},
		OnConflict: &pgbatch.OnConflict{Keys: []string{"id"}},
	}, rows)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d rows inserted or updated", n)
}

// database/sql code that cannot use COPY still avoids one INSERT per row.
func ExampleInsertChunks() {
	ctx := context.Background()
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	rows := [][]any{{int64(1), "login"}, {int64(2), "logout"}}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer tx.Rollback()
	_, err = pgbatch.InsertChunks(ctx, tx, pgbatch.Insert{
		Table:   []string{"events"},
		Columns: []string{"id", "kind"},
		Suffix:  "ON CONFLICT (id) DO NOTHING",
	}, rows)
	if err != nil {
		log.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		log.Fatal(err)
	}
}
