package pgbatch

import (
	"context"
	"errors"
	"reflect"
	"time"

	"github.com/batchlint/batchlint/runtime/batch"
)

// Defaults applied by NewWriter to zero fields of Config. A COPY of 10k small
// rows takes milliseconds, long enough to amortise the transaction's round
// trips and commit, short enough to keep a failed batch cheap to hand back.
const (
	DefaultMaxRows = 10000
	DefaultMaxWait = 100 * time.Millisecond
	// DefaultMaxBufferedBytes holds 4 full batches of rows of up to 1.6 KB.
	DefaultMaxBufferedBytes = 64 << 20
)

// Config configures a Writer. Zero values mean the documented defaults.
type Config struct {
	Target
	// MaxRows writes a batch when it holds this many rows (default 10000).
	MaxRows int
	// MaxWait writes a batch this long after its first row arrived (default
	// 100ms), so a trickle of rows still lands promptly.
	MaxWait time.Duration
	// MaxBuffered bounds the rows held in memory; Add blocks while it is
	// reached (default 4*MaxRows).
	MaxBuffered int
	// MaxBufferedBytes bounds the estimated memory of those rows (default
	// 64 MiB; negative: no byte bound). Add blocks while the next row does
	// not fit and refuses a row larger than the whole bound with
	// batch.ErrTooLarge. A batch is written once it holds a quarter of it,
	// so that with wide rows the next batch still fills while one is written.
	MaxBufferedBytes int
	// MaxBlock is how long Add may block on a full buffer before it fails
	// with batch.ErrBufferFull (default 60s; negative: fail at once).
	MaxBlock time.Duration
	// Concurrency is the number of batches written at once, each on its own
	// connection (default 1, which writes batches in the order rows were
	// added). Above 1 the Beginner must be safe for concurrent use, as a
	// *pgxpool.Pool is.
	Concurrency int
	// BatchTimeout bounds the transaction of one batch (default: none). A
	// batch that takes longer is rolled back and handed back.
	BatchTimeout time.Duration
	// OnError, when set, receives each failed batch as soon as it fails, and
	// Flush and Close no longer return it. Without it a failed batch keeps
	// its place in the buffer until Flush or Close hands it back, so a
	// long-running writer that never calls Flush stalls Add once failures
	// fill MaxBuffered: set OnError, or call Flush periodically.
	OnError func(*BatchError)
}

// Writer buffers rows and writes them in batches, one transaction per batch
// (see CopyRows). Its methods are safe for concurrent use.
//
// Every row passed to Add is either rejected by Add, written, or handed back
// in exactly one *BatchError (returned by Flush or Close, or passed to
// Config.OnError).
type Writer struct {
	target  Target
	batcher *batch.Batcher[[]any]
}

// NewWriter returns a Writer that writes to cfg.Target through db, usually a
// *pgxpool.Pool.
func NewWriter(db Beginner, cfg Config) (*Writer, error) {
	if isNil(db) {
		return nil, errors.New("pgbatch: NewWriter needs a database")
	}
	if err := cfg.Target.validate(); err != nil {
		return nil, err
	}
	if cfg.MaxRows == 0 {
		cfg.MaxRows = DefaultMaxRows
	}
	if cfg.MaxWait == 0 {
		cfg.MaxWait = DefaultMaxWait
	}
	if cfg.MaxBufferedBytes == 0 {
		cfg.MaxBufferedBytes = DefaultMaxBufferedBytes
	}
	if cfg.BatchTimeout < 0 {
		return nil, errors.New("pgbatch: negative BatchTimeout")
	}
	// The batcher keeps its own reference to the rows; the Target is copied
	// so that later edits to the caller's slices cannot reach a running flush.
	t := cfg.Target
	t.Table = append(t.Table[:0:0], t.Table...)
	t.Columns = append(t.Columns[:0:0], t.Columns...)
	if oc := t.OnConflict; oc != nil {
		t.OnConflict = &OnConflict{
			Keys:      append(oc.Keys[:0:0], oc.Keys...),
			Update:    append(oc.Update[:0:0], oc.Update...),
			DoNothing: oc.DoNothing,
		}
	}
	bc := batch.Config[[]any]{
		MaxItems:    cfg.MaxRows,
		MaxWait:     cfg.MaxWait,
		MaxBuffered: cfg.MaxBuffered,
		MaxBlock:    cfg.MaxBlock,
		Concurrency: cfg.Concurrency,
		Flush: func(ctx context.Context, rows [][]any) error {
			if cfg.BatchTimeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, cfg.BatchTimeout)
				defer cancel()
			}
			_, err := copyRows(ctx, db, t, rows)
			return err
		},
	}
	if cfg.MaxBufferedBytes > 0 {
		bc.MaxBytes, bc.MaxBufferedBytes, bc.Size = cfg.MaxBufferedBytes/4, cfg.MaxBufferedBytes, rowSize
	}
	if onError := cfg.OnError; onError != nil {
		bc.OnError = func(fe *batch.FlushError[[]any]) { onError(asBatchError(fe)) }
	}
	b, err := batch.New(bc)
	if err != nil {
		return nil, err
	}
	return &Writer{target: t, batcher: b}, nil
}

// isNil catches a nil pool behind the interface, which would otherwise
// panic in the first flush, far from the mistake.
func isNil(db Beginner) bool {
	if db == nil {
		return true
	}
	v := reflect.ValueOf(db)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// Add buffers rows, writing batches as they fill. A row with the wrong number
// of values fails the whole call with a *RowError before any row is added.
// Otherwise it may block on a full buffer and then fail with a
// *batch.AddError, which says how many rows were accepted. The outcome of an
// accepted row is reported by Flush or Close.
//
// Add keeps the row slices, and the values in them, until their batch is
// written or handed back: build a new slice per row rather than refilling one.
func (w *Writer) Add(ctx context.Context, rows ...[]any) error {
	for i, row := range rows {
		if err := w.target.checkRow(row); err != nil {
			return &RowError{Index: i, Row: row, Err: err}
		}
	}
	return w.batcher.Add(ctx, rows...)
}

// Flush writes every row added before the call and waits for it. It returns
// the batches that failed since the last Flush or Close, each as a
// *BatchError (several are joined with errors.Join: use BatchErrors or
// FailedRows). If ctx ends first it returns ctx's error too; the writes go on.
func (w *Writer) Flush(ctx context.Context) error {
	return convert(w.batcher.Flush(ctx))
}

// Close stops accepting rows, writes everything accepted and waits for it. If
// ctx ends first, the batches being written are cancelled (their transactions
// roll back, or, with COMMIT already in flight, come back MaybeWritten) and,
// with those not yet started, returned as failed: when Close returns, every
// accepted row has been written or handed back.
func (w *Writer) Close(ctx context.Context) error {
	return convert(w.batcher.Close(ctx))
}

// Stats returns the batcher's counters: batches and rows written and failed,
// flush latency, time Add spent blocked.
func (w *Writer) Stats() batch.Stats {
	return w.batcher.Stats()
}

// BatchErrors returns every *BatchError in err's tree, in order. Flush and
// Close join several failed batches, and errors.As would find only the first.
func BatchErrors(err error) []*BatchError {
	var out []*BatchError
	walk(err, func(e error) bool {
		if be, ok := e.(*BatchError); ok {
			out = append(out, be)
			return false
		}
		return true
	})
	return out
}

// FailedRows returns the rows of every failed batch in err, in order.
func FailedRows(err error) [][]any {
	var rows [][]any
	for _, be := range BatchErrors(err) {
		rows = append(rows, be.Rows...)
	}
	return rows
}

func walk(err error, visit func(error) bool) {
	if err == nil || !visit(err) {
		return
	}
	switch u := err.(type) {
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			walk(e, visit)
		}
	case interface{ Unwrap() error }:
		walk(u.Unwrap(), visit)
	}
}

// convert replaces each of the batcher's *FlushError in err with the
// *BatchError it carries, so callers deal with one error type.
func convert(err error) error {
	if err == nil {
		return nil
	}
	fes := batch.FlushErrors[[]any](err)
	if len(fes) == 0 {
		return err
	}
	var errs []error
	var others func(error)
	others = func(e error) {
		if e == nil {
			return
		}
		if _, ok := e.(*batch.FlushError[[]any]); ok {
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, inner := range j.Unwrap() {
				others(inner)
			}
			return
		}
		errs = append(errs, e)
	}
	others(err)
	for _, fe := range fes {
		errs = append(errs, asBatchError(fe))
	}
	return errors.Join(errs...)
}

// asBatchError turns a failed batch into a *BatchError. The flush function
// always fails with one, but the batcher fails batches itself too (cancelled
// by Close before they started, or a recovered panic).
func asBatchError(fe *batch.FlushError[[]any]) *BatchError {
	var be *BatchError
	if errors.As(fe.Err, &be) && len(be.Rows) == len(fe.Items) {
		return be
	}
	return &BatchError{Rows: fe.Items, Row: -1, Err: fe.Err}
}
