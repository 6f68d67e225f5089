// Package writers covers -sqlloop.writers: functions the user names as one
// row write per call, because the write is out of batchlint's sight.
package writers

import "context"

// Sink writes through an interface batchlint does not follow.
type Sink interface {
	Put(ctx context.Context, row []any) error
}

// Store writes one row per Save call, through its Sink.
type Store struct{ sink Sink }

func (s *Store) Save(ctx context.Context, row []any) error { return s.sink.Put(ctx, row) }

// SaveAll writes many rows per call.
func (s *Store) SaveAll(ctx context.Context, rows [][]any) error {
	for _, r := range rows {
		if err := s.sink.Put(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

// InsertRow is a package-level writer.
func InsertRow(ctx context.Context, s Sink, row []any) error { return s.Put(ctx, row) }

func Import(ctx context.Context, st *Store, sink Sink, rows [][]any) error {
	for _, r := range rows {
		if err := st.Save(ctx, r); err != nil { // want `\(\*writers.Store\).Save \(write\) executed once per element of rows; use COPY or a multi-row INSERT`
			return err
		}
		if err := InsertRow(ctx, sink, r); err != nil { // want `writers.InsertRow \(write\) executed once per element of rows`
			return err
		}
	}
	return st.SaveAll(ctx, rows) // many rows per call: not named, not reported
}

func retry(ctx context.Context, st *Store, row []any) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = st.Save(ctx, row); err == nil { // a retry loop: not per element
			return nil
		}
	}
	return err
}
