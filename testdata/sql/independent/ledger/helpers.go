package ledger

import (
	"context"
	"database/sql"
	"iter"
	"maps"
	"slices"
	"sync"

	"golang.org/x/sync/errgroup"
)

// insertEntry is a one-row helper; callers decide how often it runs.
func insertEntry(ctx context.Context, tx *sql.Tx, e Entry) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO entries (account, amount, at) VALUES ($1, $2, $3)", e.Account, e.Amount, e.At) // label:ok
	return err
}

// Order placement: header once, then a helper call per line item.
func (s *Store) PostJournal(ctx context.Context, journal string, lines []Entry) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "INSERT INTO journals (name) VALUES ($1)", journal); err != nil { // label:ok
		return err
	}
	for _, l := range lines {
		if err := insertEntry(ctx, tx, l); err != nil { // label:bad
			return err
		}
	}
	return tx.Commit()
}

// Two-level helper chain: recordTransfer calls insertEntry twice.
func recordTransfer(ctx context.Context, tx *sql.Tx, from, to Entry) error {
	if err := insertEntry(ctx, tx, from); err != nil { // label:ok
		return err
	}
	return insertEntry(ctx, tx, to) // label:ok
}

func (s *Store) SettleAll(ctx context.Context, pairs [][2]Entry) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, p := range pairs {
		if err := recordTransfer(ctx, tx, p[0], p[1]); err != nil { // label:bad
			return err
		}
	}
	return tx.Commit()
}

// withTx runs fn in a transaction (a common helper).
func withTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Loop inside a transaction closure.
func (s *Store) ImportTx(ctx context.Context, entries []Entry) error {
	return withTx(ctx, s.db, func(tx *sql.Tx) error {
		for _, e := range entries {
			if _, err := tx.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount); err != nil { // label:bad
				return err
			}
		}
		return nil
	})
}

// A transaction per element: the closure runs once per entry.
func (s *Store) ImportEachInOwnTx(ctx context.Context, entries []Entry) error {
	for _, e := range entries {
		err := withTx(ctx, s.db, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount) // label:bad
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// A local closure that writes, called in a loop.
func (s *Store) Tag(ctx context.Context, ids []int64, tag string) error {
	setTag := func(id int64) error {
		_, err := s.db.ExecContext(ctx, "UPDATE entries SET tag = $1 WHERE id = $2", tag, id) // label:ok
		return err
	}
	for _, id := range ids {
		if err := setTag(id); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// One goroutine per entry, each doing its own INSERT.
func (s *Store) InsertConcurrently(ctx context.Context, entries []Entry) {
	var wg sync.WaitGroup
	for _, e := range entries {
		wg.Add(1)
		go func(e Entry) {
			defer wg.Done()
			s.db.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount) // label:bad
		}(e)
	}
	wg.Wait()
}

// errgroup with a concurrency limit, one INSERT per task.
func (s *Store) InsertErrgroup(ctx context.Context, entries []Entry) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, e := range entries {
		g.Go(func() error {
			_, err := s.db.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount) // label:bad
			return err
		})
	}
	return g.Wait()
}

// errgroup over chunks: each task writes one chunk with one statement.
func (s *Store) InsertChunksParallel(ctx context.Context, chunks [][]Entry) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, c := range chunks {
		g.Go(func() error {
			return s.InsertEntriesValues(ctx, c) // label:ok
		})
	}
	return g.Wait()
}

// Range over an iterator of entries.
func (s *Store) InsertSeq(ctx context.Context, seq iter.Seq[Entry]) error {
	for e := range seq {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Range over slices.All and maps.Keys.
func (s *Store) Renumber(ctx context.Context, entries []Entry, renamed map[string]string) error {
	for i, e := range slices.All(entries) {
		if _, err := s.db.ExecContext(ctx, "UPDATE entries SET seq = $1 WHERE id = $2", i, e.ID); err != nil { // label:bad
			return err
		}
	}
	for old := range maps.Keys(renamed) {
		if _, err := s.db.ExecContext(ctx, "UPDATE accounts SET name = $1 WHERE name = $2", renamed[old], old); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Generic helper that executes one statement per item.
func ExecEach[T any](ctx context.Context, db *sql.DB, query string, items []T, args func(T) []any) error {
	for _, it := range items {
		if _, err := db.ExecContext(ctx, query, args(it)...); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Caller of the generic helper, outside any loop.
func (s *Store) ArchiveAll(ctx context.Context, entries []Entry) error {
	return ExecEach(ctx, s.db, "INSERT INTO archive (id) VALUES ($1)", entries, func(e Entry) []any { return []any{e.ID} }) // label:ok
}

type Node struct {
	Name     string
	Children []*Node
}

// Recursive tree insert: one INSERT per node, recursion per child.
func insertTree(ctx context.Context, tx *sql.Tx, parent string, n *Node) error {
	if _, err := tx.ExecContext(ctx, "INSERT INTO categories (name, parent) VALUES ($1, $2)", n.Name, parent); err != nil { // label:ok
		return err
	}
	for _, c := range n.Children {
		if err := insertTree(ctx, tx, n.Name, c); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Called once for the root.
func (s *Store) SaveTree(ctx context.Context, root *Node) error {
	return withTx(ctx, s.db, func(tx *sql.Tx) error {
		return insertTree(ctx, tx, "", root) // label:ok
	})
}

// Worker reading from a channel, one INSERT per message.
func (s *Store) Consume(ctx context.Context, in <-chan Entry) error {
	for e := range in {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Worker loop with select on a channel, one INSERT per received message.
func (s *Store) ConsumeSelect(ctx context.Context, in <-chan Entry) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e, ok := <-in:
			if !ok {
				return nil
			}
			if _, err := s.db.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount); err != nil { // label:bad
				return err
			}
		}
	}
}

// Starting a fixed number of workers: the loop is over workers, not rows.
func (s *Store) StartWorkers(ctx context.Context, in <-chan Entry, n int) {
	for i := 0; i < n; i++ {
		go s.Consume(ctx, in) // label:ok
	}
}

// Interface-typed store called per element (the implementation writes one row).
type EntryWriter interface {
	Write(ctx context.Context, e Entry) error
}

type sqlWriter struct{ db *sql.DB }

func (w sqlWriter) Write(ctx context.Context, e Entry) error {
	_, err := w.db.ExecContext(ctx, "INSERT INTO entries (account, amount) VALUES ($1, $2)", e.Account, e.Amount) // label:ok
	return err
}

func Replay(ctx context.Context, w EntryWriter, entries []Entry) error {
	for _, e := range entries {
		if err := w.Write(ctx, e); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Concrete method value called per element.
func ReplaySQL(ctx context.Context, db *sql.DB, entries []Entry) error {
	w := sqlWriter{db: db}
	for _, e := range entries {
		if err := w.Write(ctx, e); err != nil { // label:bad
			return err
		}
	}
	return nil
}
