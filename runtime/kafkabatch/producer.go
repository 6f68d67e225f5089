// Package kafkabatch is the batched way to produce to Kafka with franz-go
// (github.com/twmb/franz-go/pkg/kgo): option presets that make the client
// linger and compress (ThroughputOpts, LatencyOpts), and a Producer that
// produces asynchronously and hands every failed record back.
//
// A loop that calls ProduceSync once per record pays a produce request and
// a full round trip per record. Producer.Produce only buffers the record;
// kgo sends it with the others of its partition when the linger expires or
// the batch fills, and Producer.Flush waits for the acknowledgements and
// reports the records that failed.
package kafkabatch

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/twmb/franz-go/pkg/kgo"
)

// MaxHeldFailures bounds the failed records a Producer holds for Flush to
// hand back. Past it, Produce refuses records with ErrFailuresHeld: a
// producer whose every record fails must not grow its memory without limit
// while nobody calls Flush.
const MaxHeldFailures = 100_000

var (
	// ErrClosed is returned by Produce after Close.
	ErrClosed = errors.New("kafkabatch: producer closed")
	// ErrFailuresHeld is returned by Produce while MaxHeldFailures failed
	// records wait to be handed back by Flush or Close.
	ErrFailuresHeld = errors.New("kafkabatch: too many failed records wait to be handed back by Flush")
)

// FailedError hands back the records whose produce failed. Errs[i] is why
// Records[i] failed. errors.Is and errors.As see each distinct error, for
// example kerr.InvalidRecord or context.Canceled.
//
// A record can fail after the broker wrote it (a timeout or a closed
// connection while the request was in flight): producing it again gives
// at-least-once delivery, not exactly-once.
type FailedError struct {
	Records []*kgo.Record
	Errs    []error
}

func (e *FailedError) Error() string {
	counts := map[string]int{}
	for _, err := range e.Errs {
		counts[err.Error()]++
	}
	msgs := make([]string, 0, len(counts))
	for msg := range counts {
		msgs = append(msgs, msg)
	}
	sort.Slice(msgs, func(i, j int) bool {
		return counts[msgs[i]] > counts[msgs[j]] || counts[msgs[i]] == counts[msgs[j]] && msgs[i] < msgs[j]
	})
	parts := make([]string, 0, min(len(msgs), 3))
	for _, msg := range msgs[:min(len(msgs), 3)] {
		parts = append(parts, fmt.Sprintf("%s (%d)", msg, counts[msg]))
	}
	if len(msgs) > 3 {
		parts = append(parts, fmt.Sprintf("%d more distinct errors", len(msgs)-3))
	}
	return fmt.Sprintf("kafkabatch: %d records failed: %s", len(e.Records), strings.Join(parts, "; "))
}

// Unwrap returns each distinct error once.
func (e *FailedError) Unwrap() []error {
	seen := map[string]bool{}
	var out []error
	for _, err := range e.Errs {
		if msg := err.Error(); !seen[msg] {
			seen[msg] = true
			out = append(out, err)
		}
	}
	return out
}

// Stats are a Producer's counters.
type Stats struct {
	Produced     int64 // records accepted by Produce
	Acked        int64 // records the broker acknowledged
	Failed       int64 // records whose produce failed
	Pending      int   // records produced and not yet acknowledged or failed
	HeldFailures int   // failed records not yet handed back
}

// Producer produces records asynchronously through a *kgo.Client and keeps
// account of every record: each one Produce accepts is either acknowledged
// or handed back in exactly one *FailedError by Flush or Close. Its methods
// are safe for concurrent use.
type Producer struct {
	cl      *kgo.Client
	owns    bool
	maxHeld int // MaxHeldFailures; lowered by tests

	mu           sync.Mutex
	epoch        uint64         // records produced now belong to this epoch; Flush starts a new one
	pending      map[uint64]int // records awaiting their promise, by epoch
	failed       FailedError
	closed       bool
	clientClosed bool
	changed      chan struct{} // closed and replaced whenever an epoch's last record completes
	stats        Stats
}

// New creates a kgo client from ThroughputOpts followed by opts (which
// override the presets; give at least kgo.SeedBrokers) and a Producer that
// owns it: Close closes the client.
func New(opts ...kgo.Opt) (*Producer, error) {
	cl, err := kgo.NewClient(append(ThroughputOpts(), opts...)...)
	if err != nil {
		return nil, fmt.Errorf("kafkabatch: %w", err)
	}
	p := Wrap(cl)
	p.owns = true
	return p, nil
}

// Wrap returns a Producer over a client the caller made and keeps: Close
// flushes but does not close it. Other code may produce through the same
// client; Flush waits only for the records of this Producer.
func Wrap(cl *kgo.Client) *Producer {
	return &Producer{cl: cl, maxHeld: MaxHeldFailures, pending: map[uint64]int{}, changed: make(chan struct{})}
}

// Client returns the underlying client.
func (p *Producer) Client() *kgo.Client { return p.cl }

// Produce hands rec to the client without waiting for the broker. It blocks
// while the client's buffer is full (kgo's MaxBufferedRecords and
// MaxBufferedBytes), until space frees or ctx ends; kgo then fails the
// record with ctx's error.
//
// ctx bounds only that wait. Once Produce has returned, neither ctx nor
// rec.Context can cancel the record (Produce strips rec.Context of its
// cancellation and keeps its values). kgo looks only at the context of a
// batch's first record and, when it has ended, fails every record buffered
// for the partition: with a shared Producer, other callers' records. Only a
// ctx that ends in the instant between kgo buffering the record and Produce
// returning can still do that. To bound how long records wait, use
// kgo.RecordDeliveryTimeout (the presets set it) or the ctx of Close.
//
// A nil error means the record was accepted: Flush or Close reports whether
// it was written. A non-nil error (ErrClosed, ErrFailuresHeld, ctx's error
// when ctx was already done, or a nil record) means it was not accepted and
// will never be written.
func (p *Producer) Produce(ctx context.Context, rec *kgo.Record) error {
	if rec == nil {
		return errors.New("kafkabatch: Produce of a nil record")
	}
	if p.cl == nil {
		return errors.New("kafkabatch: Producer has no client (use New or Wrap with a client)")
	}
	ctx = orBackground(ctx)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("kafkabatch: record not produced: %w", err)
	}
	p.mu.Lock()
	p.initLocked()
	switch {
	case p.closed:
		p.mu.Unlock()
		return ErrClosed
	case len(p.failed.Records) >= p.maxHeld:
		p.mu.Unlock()
		return ErrFailuresHeld
	}
	epoch := p.epoch
	p.pending[epoch]++
	p.stats.Produced++
	p.mu.Unlock()

	if rec.Context == nil {
		rec.Context = ctx // as kgo would
	}
	if rec.Context.Done() != nil {
		rec.Context = context.WithoutCancel(rec.Context)
	}
	kctx := ctx
	if ctx.Done() != nil {
		wait := &waitCtx{Context: context.Background(), caller: ctx}
		wait.stop = context.AfterFunc(ctx, wait.cancel)
		defer wait.release()
		kctx = wait
	}
	p.cl.Produce(kctx, rec, func(r *kgo.Record, err error) { p.finish(epoch, r, err) })
	return nil
}

// waitCtx is the context kgo gets with a record. kgo uses it both to stop
// Produce waiting for buffer space and, once the record is buffered, to fail
// its batch; only the first is the caller's business. It is done when the
// caller's context ends during Produce, and never once Produce has returned.
type waitCtx struct {
	context.Context // context.Background: no deadline, no values
	caller          context.Context
	stop            func() bool

	mu                  sync.Mutex
	done                chan struct{} // made when first asked for or closed
	cancelled, returned bool
}

func (c *waitCtx) cancel() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.returned {
		c.cancelled = true
		if c.done == nil {
			c.done = make(chan struct{})
		}
		close(c.done)
	}
}

// release is called when kgo's Produce has returned.
func (c *waitCtx) release() {
	c.stop()
	c.mu.Lock()
	c.returned = true
	c.mu.Unlock()
}

func (c *waitCtx) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.returned {
		return nil
	}
	if c.done == nil {
		c.done = make(chan struct{})
	}
	return c.done
}

func (c *waitCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.returned || !c.cancelled {
		return nil
	}
	return c.caller.Err()
}

// initLocked makes a zero Producer usable, so that misuse yields errors
// rather than a nil map panic.
func (p *Producer) initLocked() {
	if p.pending == nil {
		p.pending = map[uint64]int{}
	}
	if p.changed == nil {
		p.changed = make(chan struct{})
	}
	if p.maxHeld == 0 {
		p.maxHeld = MaxHeldFailures
	}
}

// orBackground treats a nil context as context.Background, as kgo does.
func orBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

// finish is the kgo promise: kgo calls promises one at a time and they must
// not block, so it only records the outcome.
func (p *Producer) finish(epoch uint64, r *kgo.Record, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		p.failed.Records = append(p.failed.Records, r)
		p.failed.Errs = append(p.failed.Errs, err)
		p.stats.Failed++
	} else {
		p.stats.Acked++
	}
	// Waiters only care when an epoch empties: waking them per record
	// would cost a channel per record on the hot path.
	if p.pending[epoch]--; p.pending[epoch] == 0 {
		delete(p.pending, epoch)
		close(p.changed)
		p.changed = make(chan struct{})
	}
}

// Flush sends every record produced before the call without waiting for the
// linger and waits until the broker acknowledged or failed each of them. It
// returns a *FailedError holding every failed record not yet handed back
// (also those that failed before this call), or nil. If ctx ends first it
// returns ctx's error, joined with the failed records handed back so far;
// the records still pending are reported by a later Flush or Close.
//
// A failure is handed back once, to whichever Flush or Close takes it first,
// whoever produced the record: when several goroutines flush one Producer, a
// nil Flush does not say that the caller's own records were written. Give
// each caller a Producer of its own (Wrap over one shared client), whose
// Flush waits for and hands back only its own records.
func (p *Producer) Flush(ctx context.Context) error {
	ctx = orBackground(ctx)
	p.mu.Lock()
	p.initLocked()
	target := p.epoch
	p.epoch++
	p.mu.Unlock()
	if p.cl == nil {
		return p.wait(ctx, target)
	}

	// kgo's Flush is the only way to cut lingering batches short; it waits
	// for the whole client (also records produced after this call and by
	// other users of a shared client), so it is stopped once ours are in.
	kctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { _ = p.cl.Flush(kctx) })
	defer func() {
		stop()
		wg.Wait()
	}()
	return p.wait(ctx, target)
}

// wait waits until no record of an epoch up to target is pending.
func (p *Producer) wait(ctx context.Context, target uint64) error {
	for {
		p.mu.Lock()
		busy := false
		for epoch := range p.pending {
			if epoch <= target {
				busy = true
				break
			}
		}
		if !busy {
			err := p.takeFailedLocked()
			p.mu.Unlock()
			return err
		}
		changed := p.changed
		p.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			p.mu.Lock()
			failed := p.takeFailedLocked()
			p.mu.Unlock()
			if failed == nil {
				return ctx.Err()
			}
			return errors.Join(ctx.Err(), failed)
		}
	}
}

func (p *Producer) takeFailedLocked() error {
	if len(p.failed.Records) == 0 {
		return nil
	}
	fe := p.failed
	p.failed = FailedError{}
	return &fe
}

// Close stops accepting records (Produce returns ErrClosed) and flushes.
// If the Producer owns its client (New), Close then closes it; when ctx
// ended before the flush finished, closing the client fails the records
// still buffered, so that when Close returns every record is accounted for
// (in the returned error, or in that of a Flush still waiting for it). With a client the caller owns (Wrap), records
// still pending when ctx ends are reported by a later Flush or Close.
func (p *Producer) Close(ctx context.Context) error {
	ctx = orBackground(ctx)
	p.mu.Lock()
	p.initLocked()
	p.closed = true
	closeClient := p.owns && !p.clientClosed
	p.clientClosed = p.clientClosed || p.owns
	p.mu.Unlock()

	err := p.Flush(ctx)
	if !closeClient {
		return err
	}
	p.cl.Close()
	p.mu.Lock()
	last := p.epoch
	p.mu.Unlock()
	// Closing the client completed every promise (with ErrClientClosed where
	// the record was still buffered); collect the failures they left.
	if rest := p.wait(context.Background(), last); rest != nil {
		if err == nil {
			return rest
		}
		return errors.Join(err, rest)
	}
	return err
}

// Stats returns the counters so far.
func (p *Producer) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.stats
	for _, n := range p.pending {
		s.Pending += n
	}
	s.HeldFailures = len(p.failed.Records)
	return s
}

// FailedRecords returns the records of every *FailedError in err's tree:
// Flush and Close join a context's error with the failures handed back.
func FailedRecords(err error) []*kgo.Record {
	var out []*kgo.Record
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *FailedError:
			out = append(out, e.Records...)
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
