package kafkabatch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batchlint/batchlint/internal/kfaketest"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

const topic = "t"

func newCluster(t testing.TB, partitions int32) *kfake.Cluster {
	t.Helper()
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(partitions, topic))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func newProducer(t testing.TB, c *kfake.Cluster, opts ...kgo.Opt) *Producer {
	t.Helper()
	p, err := New(append([]kgo.Opt{kgo.SeedBrokers(c.ListenAddrs()...)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Bounded: a test that stalls the broker must not hang here.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = p.Close(ctx)
	})
	return p
}

// waitFor polls cond for up to 10 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 10s")
		}
	}
}

func record(i int) *kgo.Record {
	return &kgo.Record{Topic: topic, Value: fmt.Appendf(nil, "record-%06d", i)}
}

// consumeAll reads the topic from the start until it holds want records,
// then briefly longer to catch any extra, and returns how often each value
// was seen.
func consumeAll(t *testing.T, c *kfake.Cluster, want int) map[string]int {
	t.Helper()
	cl, err := kgo.NewClient(kgo.SeedBrokers(c.ListenAddrs()...), kgo.ConsumeTopics(topic),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	seen := map[string]int{}
	total := 0
	deadline := time.Now().Add(20 * time.Second)
	for extra := false; ; {
		wait := time.Until(deadline)
		if total >= want {
			if extra {
				return seen
			}
			extra, wait = true, 300*time.Millisecond
		}
		if wait <= 0 {
			t.Fatalf("consumed %d records, want %d", total, want)
		}
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		fetches := cl.PollFetches(ctx)
		cancel()
		fetches.EachRecord(func(r *kgo.Record) {
			seen[string(r.Value)]++
			total++
		})
	}
}

// checkAccounting asserts that each of n records was either consumed once
// and not failed, or failed once and not consumed.
func checkAccounting(t *testing.T, n int, consumed map[string]int, failed []*kgo.Record) {
	t.Helper()
	failedCount := map[string]int{}
	for _, r := range failed {
		failedCount[string(r.Value)]++
	}
	for i := range n {
		v := string(record(i).Value)
		if consumed[v]+failedCount[v] != 1 {
			t.Fatalf("%s: consumed %d times, failed %d times", v, consumed[v], failedCount[v])
		}
	}
	if len(consumed)+len(failedCount) != n {
		t.Fatalf("%d distinct consumed + %d failed, want %d records", len(consumed), len(failedCount), n)
	}
}

func TestAllRecordsArrive(t *testing.T) {
	c := newCluster(t, 3)
	p := newProducer(t, c)
	const n = 5000
	for i := range n {
		if err := p.Produce(t.Context(), record(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	if s := p.Stats(); s.Produced != n || s.Acked != n || s.Failed != 0 || s.Pending != 0 {
		t.Fatalf("stats %+v", s)
	}
	checkAccounting(t, n, consumeAll(t, c, n), nil)
	if err := p.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := p.Produce(t.Context(), record(n)); !errors.Is(err, ErrClosed) {
		t.Fatalf("Produce after Close = %v, want ErrClosed", err)
	}
}

// failEveryNth answers every nth produce request with INVALID_RECORD for
// all its partitions, without writing anything, and counts requests.
func failEveryNth(c *kfake.Cluster, nth int64) *atomic.Int64 {
	var requests atomic.Int64
	c.ControlKey(int16(kmsg.Produce), func(kreq kmsg.Request) (kmsg.Response, error, bool) {
		c.KeepControl()
		if requests.Add(1)%nth != 0 {
			return nil, nil, false
		}
		return kfaketest.RefuseProduce(kreq), nil, true
	})
	return &requests
}

func TestFailedRecordsComeBack(t *testing.T) {
	c := newCluster(t, 3)
	requests := failEveryNth(c, 3)
	// A short linger makes many requests, so that some fail and some do not.
	p := newProducer(t, c, kgo.ProducerLinger(time.Millisecond))
	const n = 3000
	var failed []*kgo.Record
	for i := range n {
		if err := p.Produce(t.Context(), record(i)); err != nil {
			t.Fatal(err)
		}
		if i%500 == 499 {
			err := p.Flush(t.Context())
			var fe *FailedError
			if err != nil && (!errors.As(err, &fe) || !errors.Is(err, kerr.InvalidRecord)) {
				t.Fatalf("Flush = %v, want a *FailedError of INVALID_RECORD", err)
			}
			if fe != nil && len(fe.Records) != len(fe.Errs) {
				t.Fatalf("%d records, %d errors", len(fe.Records), len(fe.Errs))
			}
			failed = append(failed, FailedRecords(err)...)
		}
	}
	failed = append(failed, FailedRecords(p.Flush(t.Context()))...)
	if len(failed) == 0 || len(failed) == n {
		t.Fatalf("%d of %d records failed over %d requests; the test needs some of each", len(failed), n, requests.Load())
	}
	s := p.Stats()
	if s.Failed != int64(len(failed)) || s.Acked+s.Failed != n || s.HeldFailures != 0 {
		t.Fatalf("stats %+v, %d handed back", s, len(failed))
	}
	checkAccounting(t, n, consumeAll(t, c, n-len(failed)), failed)
	t.Logf("%d requests, %d of %d records failed and came back", requests.Load(), len(failed), n)
}

// stallProduce leaves every produce request unanswered (the broker never
// writes it), as a hung broker would.
func stallProduce(c *kfake.Cluster) {
	c.ControlKey(int16(kmsg.Produce), func(kmsg.Request) (kmsg.Response, error, bool) {
		c.KeepControl()
		return nil, nil, true
	})
}

func TestProduceRespectsContext(t *testing.T) {
	c := newCluster(t, 1)
	stallProduce(c)
	p := newProducer(t, c, kgo.MaxBufferedRecords(2))

	canceled, cancel := context.WithCancel(t.Context())
	cancel()
	if err := p.Produce(canceled, record(0)); !errors.Is(err, context.Canceled) {
		t.Fatalf("Produce with a done context = %v", err)
	}
	for i := 1; i <= 2; i++ {
		if err := p.Produce(t.Context(), record(i)); err != nil {
			t.Fatal(err)
		}
	}
	// The buffer is full and the broker silent: the third Produce blocks
	// until its context ends, and kgo fails the record with that error.
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := p.Produce(ctx, record(3)); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Fatalf("Produce on a full buffer returned after %v, want it to block", d)
	}
	// kgo delivers the failure through its promise goroutine.
	waitFor(t, func() bool { return p.Stats().Failed == 1 })

	flushCtx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	err := p.Flush(flushCtx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Flush = %v, want its deadline", err)
	}
	failed := FailedRecords(err)
	if len(failed) != 1 || string(failed[0].Value) != string(record(3).Value) {
		t.Fatalf("Flush handed back %v, want the record whose Produce timed out", failed)
	}
	if s := p.Stats(); s.Pending != 2 || s.Produced != 3 {
		t.Fatalf("stats %+v, want 2 records still pending", s)
	}
	// The broker never answers: Close gives up at its deadline, closes the
	// client it owns and hands back the two records still pending.
	closeCtx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	err = p.Close(closeCtx)
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, kgo.ErrClientClosed) || len(FailedRecords(err)) != 2 {
		t.Fatalf("Close = %v, want its deadline and the 2 pending records", err)
	}
}

func TestCloseDuringFlush(t *testing.T) {
	c := newCluster(t, 2)
	stallProduce(c)
	p := newProducer(t, c)
	const n = 100
	for i := range n {
		if err := p.Produce(t.Context(), record(i)); err != nil {
			t.Fatal(err)
		}
	}
	flushed := make(chan error, 1)
	go func() { flushed <- p.Flush(context.Background()) }()
	time.Sleep(50 * time.Millisecond)

	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	closeErr := p.Close(ctx)
	if !errors.Is(closeErr, context.DeadlineExceeded) {
		t.Fatalf("Close = %v, want its deadline", closeErr)
	}
	if s := p.Stats(); s.Pending != 0 || s.Failed != n {
		t.Fatalf("stats after Close %+v: every record must be accounted for", s)
	}
	var flushErr error
	select {
	case flushErr = <-flushed:
	case <-time.After(10 * time.Second):
		t.Fatal("Flush still waiting after Close")
	}
	// The closed client failed every record; each came back once, from
	// Close or from the Flush that was waiting for it.
	if !errors.Is(closeErr, kgo.ErrClientClosed) && !errors.Is(flushErr, kgo.ErrClientClosed) {
		t.Fatalf("Close = %v, Flush = %v; want records failed by the closed client", closeErr, flushErr)
	}
	failed := append(FailedRecords(closeErr), FailedRecords(flushErr)...)
	checkAccounting(t, n, map[string]int{}, failed)
}

func TestWrapLeavesClientOpen(t *testing.T) {
	c := newCluster(t, 1)
	cl, err := kgo.NewClient(append(ThroughputOpts(), kgo.SeedBrokers(c.ListenAddrs()...))...)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	p := Wrap(cl)
	if err := p.Produce(t.Context(), record(0)); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	// The caller's client still works.
	if err := cl.ProduceSync(t.Context(), record(1)).FirstErr(); err != nil {
		t.Fatalf("client closed by Close of a wrapping Producer: %v", err)
	}
	checkAccounting(t, 2, consumeAll(t, c, 2), nil)
}

func TestConcurrentProducersRace(t *testing.T) {
	c := newCluster(t, 3)
	failEveryNth(c, 5)
	p := newProducer(t, c, kgo.ProducerLinger(time.Millisecond))
	const goroutines, each = 4, 500
	var mu sync.Mutex
	var failed []*kgo.Record
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range each {
				if err := p.Produce(context.Background(), record(g*each+i)); err != nil {
					t.Error(err)
					return
				}
				if i%100 == 0 {
					err := p.Flush(context.Background())
					mu.Lock()
					failed = append(failed, FailedRecords(err)...)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	failed = append(failed, FailedRecords(p.Close(context.Background()))...)
	checkAccounting(t, goroutines*each, consumeAll(t, c, goroutines*each-len(failed)), failed)
}

func TestFailedErrorMessage(t *testing.T) {
	fe := &FailedError{
		Records: []*kgo.Record{record(0), record(1), record(2)},
		Errs:    []error{kerr.InvalidRecord, kerr.InvalidRecord, context.Canceled},
	}
	want := "kafkabatch: 3 records failed: " + kerr.InvalidRecord.Error() + " (2); context canceled (1)"
	if fe.Error() != want {
		t.Fatalf("Error() = %q, want %q", fe.Error(), want)
	}
	if !errors.Is(fe, kerr.InvalidRecord) || !errors.Is(fe, context.Canceled) || len(fe.Unwrap()) != 2 {
		t.Fatalf("Unwrap() = %v", fe.Unwrap())
	}
}

func TestMisuseGivesErrorsNotPanics(t *testing.T) {
	var zero Producer
	if err := zero.Produce(t.Context(), record(0)); err == nil {
		t.Error("Produce on a zero Producer succeeded")
	}
	if err := zero.Flush(t.Context()); err != nil {
		t.Errorf("Flush on a zero Producer = %v; it has nothing to wait for", err)
	}
	if err := Wrap(nil).Produce(t.Context(), record(0)); err == nil {
		t.Error("Produce through Wrap(nil) succeeded")
	}
	c := newCluster(t, 1)
	p := newProducer(t, c)
	if err := p.Produce(t.Context(), nil); err == nil {
		t.Error("Produce of a nil record succeeded")
	}
	if err := p.Produce(nil, record(0)); err != nil { //nolint:staticcheck // a nil context is what this tests
		t.Fatalf("Produce with a nil context = %v", err)
	}
	// kgo fails a record without a topic before buffering it; it still
	// comes back from Flush.
	noTopic := &kgo.Record{Value: []byte("no topic")}
	if err := p.Produce(t.Context(), noTopic); err != nil {
		t.Fatal(err)
	}
	if got := FailedRecords(p.Flush(t.Context())); len(got) != 1 || got[0] != noTopic {
		t.Fatalf("Flush handed back %v, want the record without a topic", got)
	}
	if err := p.Close(nil); err != nil { //nolint:staticcheck
		t.Fatalf("Close with a nil context = %v", err)
	}
	checkAccounting(t, 1, consumeAll(t, c, 1), nil)
}

func TestHeldFailuresAreBounded(t *testing.T) {
	c := newCluster(t, 1)
	failEveryNth(c, 1)
	p := newProducer(t, c)
	p.maxHeld = 5
	for i := range 5 {
		if err := p.Produce(t.Context(), record(i)); err != nil {
			t.Fatal(err)
		}
	}
	// Wait for the five failures without collecting them.
	waitFor(t, func() bool { return p.Stats().HeldFailures == 5 })
	if err := p.Produce(t.Context(), record(5)); !errors.Is(err, ErrFailuresHeld) {
		t.Fatalf("Produce with 5 failures held = %v, want ErrFailuresHeld", err)
	}
	if got := FailedRecords(p.Flush(t.Context())); len(got) != 5 {
		t.Fatalf("Flush handed back %d records, want 5", len(got))
	}
	if err := p.Produce(t.Context(), record(6)); err != nil {
		t.Fatalf("Produce after hand-back = %v", err)
	}
}

// TestCloseRacingProduce closes while goroutines still produce: each record
// is refused with ErrClosed, or acknowledged, or handed back by Close.
func TestCloseRacingProduce(t *testing.T) {
	c := newCluster(t, 2)
	p := newProducer(t, c)
	var next atomic.Int64
	var mu sync.Mutex
	refused := map[string]bool{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				r := record(int(next.Add(1) - 1))
				err := p.Produce(context.Background(), r)
				if errors.Is(err, ErrClosed) {
					mu.Lock()
					refused[string(r.Value)] = true
					mu.Unlock()
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	time.Sleep(50 * time.Millisecond)
	failed := FailedRecords(p.Close(context.Background()))
	wg.Wait()
	n := int(next.Load())
	s := p.Stats()
	if int(s.Produced)+len(refused) != n || s.Pending != 0 || int(s.Failed) != len(failed) {
		t.Fatalf("stats %+v: %d records, %d refused, %d handed back", s, n, len(refused), len(failed))
	}
	consumed := consumeAll(t, c, int(s.Acked))
	// A refused record counts as accounted for once, like a failed one, and
	// checkAccounting also proves it was never written.
	for v := range refused {
		failed = append(failed, &kgo.Record{Value: []byte(v)})
	}
	checkAccounting(t, n, consumed, failed)
	t.Logf("%d records: %d acknowledged, %d handed back, %d refused", n, s.Acked, s.Failed, len(refused))
}

// kgo fails a whole batch, with every record buffered for its partition,
// when the context of the batch's first record ends. A Producer shared by
// callers must not let one caller's cancellation fail the others' records:
// a caller's ctx bounds only its own Produce call.
func TestCancelledCallerFailsNoOtherRecords(t *testing.T) {
	for _, rc := range []struct {
		name string
		set  func(rec *kgo.Record, ctx context.Context) context.Context
	}{
		{"Produce ctx", func(_ *kgo.Record, ctx context.Context) context.Context { return ctx }},
		{"record Context", func(rec *kgo.Record, ctx context.Context) context.Context {
			rec.Context = ctx
			return context.Background()
		}},
	} {
		t.Run(rc.name, func(t *testing.T) {
			c := newCluster(t, 1)
			// The batch waits for Flush, so the cancellation lands while it
			// is buffered.
			p := newProducer(t, c, kgo.ProducerLinger(time.Minute))
			ctxA, cancelA := context.WithCancel(context.Background())
			recA := record(0)
			// Caller A's record opens the batch; caller B's follow it.
			if err := p.Produce(rc.set(recA, ctxA), recA); err != nil {
				t.Fatal(err)
			}
			const n = 10
			for i := 1; i < n; i++ {
				if err := p.Produce(context.Background(), record(i)); err != nil {
					t.Fatal(err)
				}
			}
			cancelA()
			if err := p.Flush(t.Context()); err != nil {
				t.Fatalf("Flush = %v, want every record written", err)
			}
			checkAccounting(t, n, consumeAll(t, c, n), nil)
		})
	}
}

// While a topic's metadata is loading, kgo holds its records with the
// first record's context and fails them all when it ends.
func TestCancelledCallerFailsNoRecordOfALoadingTopic(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	metadata := make(chan struct{}, 100)
	c.ControlKey(int16(kmsg.Metadata), func(kmsg.Request) (kmsg.Response, error, bool) {
		c.KeepControl()
		select {
		case metadata <- struct{}{}:
		default: // nobody counts any more
		}
		return nil, nil, false
	})
	p := newProducer(t, c, kgo.UnknownTopicRetries(-1))
	ctxA, cancelA := context.WithCancel(context.Background())
	const n = 10
	for i := range n {
		ctx := context.Background()
		if i == 0 {
			ctx = ctxA
		}
		if err := p.Produce(ctx, record(i)); err != nil {
			t.Fatal(err)
		}
	}
	<-metadata // the topic is unknown: the records wait
	cancelA()
	for len(metadata) > 0 {
		<-metadata
	}
	<-metadata // kgo looked again after the cancellation

	req := kmsg.NewPtrCreateTopicsRequest()
	rt := kmsg.NewCreateTopicsRequestTopic()
	rt.Topic, rt.NumPartitions, rt.ReplicationFactor = topic, 1, 1
	req.Topics = append(req.Topics, rt)
	if _, err := req.RequestWith(t.Context(), p.Client()); err != nil {
		t.Fatal(err)
	}
	if err := p.Flush(t.Context()); err != nil {
		t.Fatalf("Flush = %v, want every record written", err)
	}
	checkAccounting(t, n, consumeAll(t, c, n), nil)
}
