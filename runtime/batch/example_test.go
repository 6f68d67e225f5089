package batch_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/batchlint/batchlint/runtime/batch"
)

// Rows are written 100 at a time instead of one by one; Close flushes the
// last, partial batch.
func Example() {
	ctx := context.Background()
	b, err := batch.New(batch.Config[int]{
		MaxItems: 100,
		MaxWait:  50 * time.Millisecond,
		Flush: func(ctx context.Context, rows []int) error {
			// One multi-row INSERT, COPY or produce request per call.
			fmt.Printf("writing %d rows starting at %d\n", len(rows), rows[0])
			return nil
		},
	})
	if err != nil {
		panic(err)
	}
	for i := range 250 {
		if err := b.Add(ctx, i); err != nil {
			panic(err)
		}
	}
	if err := b.Close(ctx); err != nil {
		panic(err)
	}
	s := b.Stats()
	fmt.Printf("%d rows in %d batches\n", s.Items, s.Batches)
	// Output:
	// writing 100 rows starting at 0
	// writing 100 rows starting at 100
	// writing 50 rows starting at 200
	// 250 rows in 3 batches
}

// A failed batch is never dropped: its items come back from the next Flush
// or Close in a *FlushError, to be retried or logged.
func Example_failedBatch() {
	ctx := context.Background()
	b, err := batch.New(batch.Config[string]{
		MaxItems: 2,
		Flush: func(ctx context.Context, names []string) error {
			if names[0] == "carol" {
				return errors.New("unique violation")
			}
			return nil
		},
	})
	if err != nil {
		panic(err)
	}
	for _, name := range []string{"alice", "bob", "carol", "dave", "erin"} {
		if err := b.Add(ctx, name); err != nil {
			panic(err)
		}
	}
	err = b.Close(ctx)
	for _, fe := range batch.FlushErrors[string](err) {
		fmt.Printf("not written: %v (%v)\n", fe.Items, fe.Err)
	}
	// Output:
	// not written: [carol dave] (unique violation)
}
