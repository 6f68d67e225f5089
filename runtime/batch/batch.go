// Package batch groups items into batches and writes each batch with one
// call, so a write's fixed cost (a round trip, a commit, a produce request) is
// paid once per batch instead of once per item.
//
// A batch is flushed when it holds MaxItems items, OR its items' sizes reach
// MaxBytes, OR MaxWait has passed since its first item arrived. Buffering is
// bounded: when MaxBuffered items, or MaxBufferedBytes of their sizes, are
// held, Add blocks (up to MaxBlock, or until its context ends) instead of
// letting memory grow without limit.
//
// No accepted item is lost. Every item passed to Add is either
//   - rejected by Add, whose *AddError says how many items it accepted,
//   - written by a Config.Flush call that returned nil, or
//   - handed back in exactly one *FlushError, returned by Flush or Close
//     (or passed to Config.OnError when that is set).
//
// A failed batch is handed back once, to whichever Flush or Close call
// collects it first: when several goroutines call Flush, a nil Flush says
// nothing about the caller's own items. Set Config.OnError to learn every
// batch's failure; with it set, a Flush that returns nil means every item
// added before it was written or passed to OnError.
package batch

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"sync"
	"time"
)

// Defaults applied by New to zero fields of Config.
const (
	DefaultMaxItems = 1000
	DefaultMaxWait  = 100 * time.Millisecond
	// DefaultMaxBlock matches Kafka's max.block.ms: long enough to ride out a
	// slow sink, short enough that a dead one shows up as an error.
	DefaultMaxBlock = 60 * time.Second
)

var (
	// ErrClosed is returned by Add after Close.
	ErrClosed = errors.New("batch: batcher closed")
	// ErrBufferFull is returned by Add when MaxBuffered items stayed buffered
	// for MaxBlock: the sink is slower than the producer of items.
	ErrBufferFull = errors.New("batch: buffer full")
	// ErrTooLarge is returned by Add for an item whose Size exceeds
	// MaxBufferedBytes: it could never fit, so waiting would not help.
	ErrTooLarge = errors.New("batch: item larger than MaxBufferedBytes")

	errNotNew = errors.New("batch: Batcher not created by New")
)

// orBackground treats a nil context as context.Background, as kgo does,
// instead of panicking on it.
func orBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

// Config configures a Batcher. Zero values mean the documented defaults.
type Config[T any] struct {
	// MaxItems flushes a batch when it holds this many items (default 1000).
	MaxItems int
	// MaxBytes flushes a batch when the sum of Size over its items reaches
	// this (0: no byte limit). An item that would push a non-empty batch past
	// MaxBytes starts the next batch; an item larger than MaxBytes is flushed
	// in a batch of its own.
	MaxBytes int
	// Size returns the size of one item; required when MaxBytes or
	// MaxBufferedBytes is set. Add rejects an item whose Size is negative or
	// panics.
	Size func(T) int
	// MaxWait flushes a batch this long after its first item arrived
	// (default 100ms), so a trickle of items is still written promptly.
	MaxWait time.Duration
	// MaxBuffered bounds the items held in total: the open batch, batches
	// waiting for or being flushed, and failed batches not yet handed back.
	// Add blocks while it is reached (default 4*MaxItems; at least MaxItems).
	MaxBuffered int
	// MaxBufferedBytes bounds the sum of Size over the same items; Add
	// blocks while the next item does not fit (default 4*MaxBytes; at least
	// MaxBytes; no bound when MaxBytes is 0 or this is negative). Add rejects
	// an item larger than the whole bound with ErrTooLarge.
	MaxBufferedBytes int
	// MaxBlock is how long Add may block on a full buffer before it returns
	// ErrBufferFull (default 60s; negative: fail at once).
	MaxBlock time.Duration
	// Concurrency is the number of flushes in flight at once (default 1,
	// which writes batches in the order their items were added).
	Concurrency int
	// Flush writes one batch. It must not retain items after it returns and
	// must return promptly once ctx is cancelled (Close cancels it when its
	// own context ends): Close waits for it, since it cannot hand back items
	// a running Flush may still write. A non-nil error hands the batch back
	// in a *FlushError; a panic or runtime.Goexit (t.FailNow) fails the batch
	// with an error that holds the stack. It must not call the Batcher's
	// Add, Flush or Close, which may wait for it.
	Flush func(ctx context.Context, items []T) error
	// OnError, when set, receives each failed batch as soon as its flush
	// fails, and Flush and Close no longer return it: the callback takes
	// ownership of the items. The next flush waits for it, so a slow callback
	// holds flushing back. If it panics or calls runtime.Goexit, it has not
	// taken the batch: the next Flush or Close hands it back, its Err joined
	// with the panic. Like Flush, it must not call the Batcher's Add, Flush
	// or Close.
	OnError func(*FlushError[T])
}

// FlushError hands back the items of a batch whose flush failed.
type FlushError[T any] struct {
	Items []T
	Err   error
}

func (e *FlushError[T]) Error() string {
	return fmt.Sprintf("batch: flush of %d items failed: %v", len(e.Items), e.Err)
}

func (e *FlushError[T]) Unwrap() error { return e.Err }

// FlushErrors returns every *FlushError[T] in err's tree, in order: Flush and
// Close join several failed batches with errors.Join, and errors.As would
// find only the first.
func FlushErrors[T any](err error) []*FlushError[T] {
	var out []*FlushError[T]
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *FlushError[T]:
			out = append(out, e)
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		}
	}
	walk(err)
	return out
}

// FailedItems returns the items of every failed batch in err, in order.
func FailedItems[T any](err error) []T {
	var items []T
	for _, fe := range FlushErrors[T](err) {
		items = append(items, fe.Items...)
	}
	return items
}

// AddError reports that Add did not accept all of its items: items[:Accepted]
// were accepted (they will be flushed), items[Accepted:] were not.
type AddError struct {
	Accepted, Rejected int
	Err                error // ErrClosed, ErrBufferFull, ErrTooLarge, a bad Size or the context's error
}

func (e *AddError) Error() string {
	return fmt.Sprintf("batch: Add rejected %d of %d items: %v", e.Rejected, e.Accepted+e.Rejected, e.Err)
}

func (e *AddError) Unwrap() error { return e.Err }

// Stats are cumulative counters since New.
type Stats struct {
	Batches         int64         // batches written successfully
	Items           int64         // items written successfully
	Failed          int64         // batches whose flush failed
	FailedItems     int64         // items handed back in a *FlushError
	LargestBatch    int           // most items passed to one Flush call
	FlushLatency    time.Duration // total time spent in Flush calls
	MaxFlushLatency time.Duration // longest Flush call
	Blocked         time.Duration // total time Add spent waiting for buffer space
	Buffered        int           // items held right now (see Config.MaxBuffered)
	BufferedBytes   int           // sum of their sizes (see Config.MaxBufferedBytes)
}

// Batcher collects items and flushes them in batches. Its methods are safe
// for concurrent use. An idle Batcher runs no goroutine.
type Batcher[T any] struct {
	cfg    Config[T]
	ctx    context.Context // passed to Config.Flush; cancelled by Close on timeout
	cancel context.CancelCauseFunc

	mu        sync.Mutex
	open      []T
	openBytes int
	openGen   uint64 // identifies the open batch to its MaxWait timer
	timer     *time.Timer
	queue     []sealed[T]
	running   int    // flushing goroutines
	sealedSeq uint64 // sequence number of the last sealed batch
	doneSeq   uint64 // every batch up to this one has finished
	doneAhead map[uint64]bool
	buffered  int
	bufBytes  int         // sum of Size over buffered items, at most MaxBufferedBytes
	pending   []sealed[T] // failed batches not yet handed back
	closed    bool
	changed   chan struct{} // closed and replaced whenever waiters may proceed
	stats     Stats
}

type sealed[T any] struct {
	seq   uint64
	items []T
	bytes int
	fe    *FlushError[T] // set once the batch failed
}

// New validates cfg, applies defaults and returns a Batcher.
func New[T any](cfg Config[T]) (*Batcher[T], error) {
	if cfg.Flush == nil {
		return nil, errors.New("batch: Config.Flush is required")
	}
	if cfg.MaxItems < 0 || cfg.MaxBytes < 0 || cfg.MaxWait < 0 || cfg.MaxBuffered < 0 || cfg.Concurrency < 0 {
		return nil, fmt.Errorf("batch: negative limit in Config (MaxItems %d, MaxBytes %d, MaxWait %v, MaxBuffered %d, Concurrency %d)",
			cfg.MaxItems, cfg.MaxBytes, cfg.MaxWait, cfg.MaxBuffered, cfg.Concurrency)
	}
	if (cfg.MaxBytes > 0 || cfg.MaxBufferedBytes > 0) && cfg.Size == nil {
		return nil, errors.New("batch: Config.Size is required when MaxBytes or MaxBufferedBytes is set")
	}
	switch {
	case cfg.MaxBufferedBytes == 0 && cfg.MaxBytes > 0 && cfg.MaxBytes <= math.MaxInt/4:
		cfg.MaxBufferedBytes = 4 * cfg.MaxBytes
	case cfg.MaxBufferedBytes <= 0:
		// No bound is the largest int: one code path for all, and a byte
		// counter that stops there never overflows.
		cfg.MaxBufferedBytes = math.MaxInt
	case cfg.MaxBufferedBytes < cfg.MaxBytes:
		return nil, fmt.Errorf("batch: Config.MaxBufferedBytes (%d) is smaller than MaxBytes (%d): a batch could never fill", cfg.MaxBufferedBytes, cfg.MaxBytes)
	}
	if cfg.MaxItems == 0 {
		cfg.MaxItems = DefaultMaxItems
	}
	if cfg.MaxWait == 0 {
		cfg.MaxWait = DefaultMaxWait
	}
	if cfg.MaxBuffered == 0 {
		cfg.MaxBuffered = cfg.MaxItems
		if cfg.MaxItems <= int(^uint(0)>>3) {
			cfg.MaxBuffered = 4 * cfg.MaxItems
		}
	}
	if cfg.MaxBuffered < cfg.MaxItems {
		return nil, fmt.Errorf("batch: Config.MaxBuffered (%d) is smaller than MaxItems (%d): a batch could never fill", cfg.MaxBuffered, cfg.MaxItems)
	}
	if cfg.MaxBlock == 0 {
		cfg.MaxBlock = DefaultMaxBlock
	}
	if cfg.Concurrency == 0 {
		cfg.Concurrency = 1
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	return &Batcher[T]{
		cfg:       cfg,
		ctx:       ctx,
		cancel:    cancel,
		doneAhead: make(map[uint64]bool),
		changed:   make(chan struct{}),
	}, nil
}

// Add adds items to the open batch, flushing batches as they fill. When the
// buffer is full it blocks until a flush frees space, ctx ends, or MaxBlock
// passes. On error it returns an *AddError that says how many items were
// accepted (items[:Accepted], which will be flushed) and wraps ErrClosed,
// ErrBufferFull, ErrTooLarge, the error of a bad Size or ctx's error. An
// accepted item's outcome is reported by Flush or Close (or OnError).
func (b *Batcher[T]) Add(ctx context.Context, items ...T) error {
	if b.cfg.Flush == nil { // set by New and never changed: safe to read unlocked
		return &AddError{Rejected: len(items), Err: errNotNew}
	}
	ctx = orBackground(ctx)
	if err := ctx.Err(); err != nil {
		return &AddError{Rejected: len(items), Err: err}
	}
	// Size is user code: call it before taking the lock. An item it cannot
	// size ends the call there; the items before it are still added.
	sizes, sizeErr := b.measure(items)
	addable := len(items)
	if sizeErr != nil {
		addable = len(sizes)
	}
	accepted := 0
	var deadline <-chan time.Time
	var blockedSince time.Time
	for {
		b.mu.Lock()
		if b.closed {
			b.mu.Unlock()
			b.addBlocked(blockedSince)
			return &AddError{Accepted: accepted, Rejected: len(items) - accepted, Err: ErrClosed}
		}
		for accepted < addable {
			size := 0
			if sizes != nil {
				size = sizes[accepted]
			}
			if b.buffered >= b.cfg.MaxBuffered || size > b.cfg.MaxBufferedBytes-b.bufBytes {
				break
			}
			b.appendLocked(items[accepted], size)
			accepted++
		}
		if accepted == addable {
			b.mu.Unlock()
			b.addBlocked(blockedSince)
			if sizeErr != nil {
				return &AddError{Accepted: accepted, Rejected: len(items) - accepted, Err: sizeErr}
			}
			return nil
		}
		if b.running == 0 {
			// No flush is under way to free space, so the open batch alone
			// fills the buffer (or it and failed batches do): waiting for
			// MaxWait to flush it would only stall Add.
			b.sealLocked()
		}
		changed := b.changed
		b.mu.Unlock()

		if b.cfg.MaxBlock < 0 {
			return &AddError{Accepted: accepted, Rejected: len(items) - accepted, Err: b.fullError()}
		}
		if deadline == nil {
			blockedSince = time.Now()
			t := time.NewTimer(b.cfg.MaxBlock)
			defer t.Stop()
			deadline = t.C
		}
		select {
		case <-changed:
		case <-ctx.Done():
			b.addBlocked(blockedSince)
			return &AddError{Accepted: accepted, Rejected: len(items) - accepted, Err: ctx.Err()}
		case <-deadline:
			b.addBlocked(blockedSince)
			return &AddError{Accepted: accepted, Rejected: len(items) - accepted, Err: b.fullError()}
		}
	}
}

// measure returns the size of each item, or nil when no limit needs sizes.
// If an item cannot be sized (a negative size, a panic, larger than
// MaxBufferedBytes), it returns the sizes of the items before it and why.
func (b *Batcher[T]) measure(items []T) (sizes []int, err error) {
	if b.cfg.Size == nil {
		return nil, nil
	}
	sizes = make([]int, 0, len(items))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("batch: Size of item %d panicked: %v\n%s", len(sizes), r, debug.Stack())
		}
	}()
	for i, it := range items {
		n := b.cfg.Size(it)
		switch {
		case n < 0:
			return sizes, fmt.Errorf("batch: Size of item %d is %d: a size must not be negative", i, n)
		case n > b.cfg.MaxBufferedBytes:
			return sizes, fmt.Errorf("%w: item %d has Size %d, MaxBufferedBytes is %d", ErrTooLarge, i, n, b.cfg.MaxBufferedBytes)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

// fullError explains a full buffer; when failed batches fill it, the fix
// is to collect them with Flush, not to wait longer.
func (b *Batcher[T]) fullError() error {
	b.mu.Lock()
	held := 0
	for _, s := range b.pending {
		held += len(s.items)
	}
	b.mu.Unlock()
	if held == 0 {
		return ErrBufferFull
	}
	return fmt.Errorf("%w: %d items of failed flushes wait to be handed back by Flush or Close", ErrBufferFull, held)
}

func (b *Batcher[T]) addBlocked(since time.Time) {
	if since.IsZero() {
		return
	}
	d := time.Since(since)
	b.mu.Lock()
	b.stats.Blocked += d
	b.mu.Unlock()
}

func (b *Batcher[T]) appendLocked(item T, size int) {
	// openBytes < MaxBytes while the batch is open, so the subtraction
	// cannot overflow where a sum could.
	if b.cfg.MaxBytes > 0 && len(b.open) > 0 && size > b.cfg.MaxBytes-b.openBytes {
		b.sealLocked()
	}
	if b.open == nil {
		b.open = make([]T, 0, min(b.cfg.MaxItems, 1024))
	}
	b.open = append(b.open, item)
	b.openBytes += size
	b.bufBytes += size
	b.buffered++
	if len(b.open) == 1 {
		gen := b.openGen
		b.timer = time.AfterFunc(b.cfg.MaxWait, func() { b.onMaxWait(gen) })
	}
	if len(b.open) >= b.cfg.MaxItems || (b.cfg.MaxBytes > 0 && b.openBytes >= b.cfg.MaxBytes) {
		b.sealLocked()
	}
}

func (b *Batcher[T]) onMaxWait(gen uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if gen == b.openGen {
		b.sealLocked()
	}
}

// sealLocked moves the open batch to the flush queue and makes sure a
// goroutine is there to flush it.
func (b *Batcher[T]) sealLocked() {
	if len(b.open) == 0 {
		return
	}
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	b.openGen++
	b.sealedSeq++
	b.queue = append(b.queue, sealed[T]{seq: b.sealedSeq, items: b.open, bytes: b.openBytes})
	b.open, b.openBytes = nil, 0
	if b.running < b.cfg.Concurrency {
		b.running++
		go b.run()
	}
}

// run flushes queued batches until the queue is empty. With Concurrency 1
// there is at most one run goroutine, which keeps batches in Add order.
func (b *Batcher[T]) run() {
	for {
		b.mu.Lock()
		if len(b.queue) == 0 {
			b.running--
			b.mu.Unlock()
			return
		}
		s := b.queue[0]
		b.queue[0] = sealed[T]{}
		b.queue = b.queue[1:]
		b.mu.Unlock()

		start := time.Now()
		err := b.flushOne(s.items)
		took := time.Since(start)

		taken := err == nil
		if err != nil {
			fe := &FlushError[T]{Items: s.items, Err: err}
			if b.cfg.OnError != nil {
				cbErr := guard("OnError", func() error { b.cfg.OnError(fe); return nil })
				taken = cbErr == nil
				if !taken {
					// A fresh error: the callback may have changed fe.
					fe = &FlushError[T]{Items: s.items, Err: errors.Join(err, cbErr)}
				}
			}
			s.fe = fe
		}

		b.mu.Lock()
		b.stats.FlushLatency += took
		b.stats.MaxFlushLatency = max(b.stats.MaxFlushLatency, took)
		b.stats.LargestBatch = max(b.stats.LargestBatch, len(s.items))
		if err == nil {
			b.stats.Batches++
			b.stats.Items += int64(len(s.items))
		} else {
			b.stats.Failed++
			b.stats.FailedItems += int64(len(s.items))
		}
		if taken {
			b.releaseLocked(s)
		} else {
			// Held until Flush or Close hands it back; it keeps its place in
			// the buffer so that a failing sink pushes back on Add.
			b.pending = append(b.pending, s)
		}
		b.doneLocked(s.seq)
		b.notifyLocked()
		b.mu.Unlock()
	}
}

func (b *Batcher[T]) releaseLocked(s sealed[T]) {
	b.buffered -= len(s.items)
	b.bufBytes -= s.bytes
}

func (b *Batcher[T]) flushOne(items []T) error {
	if err := b.ctx.Err(); err != nil {
		return fmt.Errorf("not flushed: %w", context.Cause(b.ctx))
	}
	return guard("Flush", func() error { return b.cfg.Flush(b.ctx, items) })
}

// guard runs user code on a goroutine of its own and turns a panic or a
// runtime.Goexit (t.FailNow in a test) into an error: either would otherwise
// kill the process, or end the flushing goroutine with its batch never done,
// so that Flush and Close would wait forever.
func guard(what string, f func() error) error {
	res := make(chan error, 1)
	go func() {
		returned := false
		defer func() {
			if returned {
				return
			}
			if r := recover(); r != nil {
				res <- fmt.Errorf("batch: %s panicked: %v\n%s", what, r, debug.Stack())
				return
			}
			res <- fmt.Errorf("batch: %s called runtime.Goexit (t.FailNow?) instead of returning", what)
		}()
		err := f()
		returned = true
		res <- err
	}()
	return <-res
}

func (b *Batcher[T]) doneLocked(seq uint64) {
	b.doneAhead[seq] = true
	for b.doneAhead[b.doneSeq+1] {
		delete(b.doneAhead, b.doneSeq+1)
		b.doneSeq++
	}
}

func (b *Batcher[T]) notifyLocked() {
	close(b.changed)
	b.changed = make(chan struct{})
}

// takePendingLocked hands back the failed batches held so far, freeing their
// buffer space.
func (b *Batcher[T]) takePendingLocked() []error {
	if len(b.pending) == 0 {
		return nil
	}
	errs := make([]error, len(b.pending))
	for i, s := range b.pending {
		errs[i] = s.fe
		b.releaseLocked(s)
	}
	b.pending = nil
	b.notifyLocked()
	return errs
}

// Flush flushes every item added before the call and waits for those
// flushes to finish. It returns the failed batches not yet handed back, each
// as a *FlushError (joined with errors.Join when there are several), also
// those of earlier background flushes. If ctx ends first it returns ctx's
// error, joined with the failed batches handed back so far; the flushes go on.
func (b *Batcher[T]) Flush(ctx context.Context) error {
	if b.cfg.Flush == nil { // set by New and never changed: safe to read unlocked
		return errNotNew
	}
	ctx = orBackground(ctx)
	b.mu.Lock()
	b.sealLocked()
	target := b.sealedSeq
	b.mu.Unlock()
	return b.wait(ctx, target)
}

func (b *Batcher[T]) wait(ctx context.Context, target uint64) error {
	for {
		b.mu.Lock()
		if b.doneSeq >= target {
			errs := b.takePendingLocked()
			b.mu.Unlock()
			return join(nil, errs)
		}
		changed := b.changed
		b.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			b.mu.Lock()
			errs := b.takePendingLocked()
			b.mu.Unlock()
			return join(ctx.Err(), errs)
		}
	}
}

// Close stops accepting items (Add returns ErrClosed), flushes everything
// accepted and waits for it. If ctx ends first, Close cancels the context
// of the flushes still running, fails the batches not yet started, and
// waits for the running flushes to return, so that when Close returns every
// accepted item has been written or handed back in the returned error.
// Close may be called more than once.
func (b *Batcher[T]) Close(ctx context.Context) error {
	if b.cfg.Flush == nil { // set by New and never changed: safe to read unlocked
		return errNotNew
	}
	ctx = orBackground(ctx)
	b.mu.Lock()
	b.closed = true
	b.sealLocked()
	target := b.sealedSeq
	b.notifyLocked() // wakes blocked Adds so they return ErrClosed
	b.mu.Unlock()

	err := b.wait(ctx, target)
	if ctx.Err() == nil {
		return err
	}
	b.cancel(fmt.Errorf("batch: Close: %w", ctx.Err()))
	return join(err, []error{b.wait(context.Background(), target)})
}

// Stats returns the counters so far.
func (b *Batcher[T]) Stats() Stats {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.stats
	s.Buffered = b.buffered
	s.BufferedBytes = b.bufBytes
	return s
}

func join(first error, errs []error) error {
	all := make([]error, 0, len(errs)+1)
	if first != nil {
		all = append(all, first)
	}
	for _, e := range errs {
		if e != nil {
			all = append(all, e)
		}
	}
	switch len(all) {
	case 0:
		return nil
	case 1:
		return all[0]
	}
	return errors.Join(all...)
}
