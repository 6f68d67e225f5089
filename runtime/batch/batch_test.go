package batch

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// recorder is a Config.Flush that remembers every batch it was given.
type recorder[T any] struct {
	mu      sync.Mutex
	batches [][]T
	at      []time.Duration
	start   time.Time
}

func newRecorder[T any]() *recorder[T] { return &recorder[T]{start: time.Now()} }

func (r *recorder[T]) flush(_ context.Context, items []T) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batches = append(r.batches, slices.Clone(items))
	r.at = append(r.at, time.Since(r.start))
	return nil
}

func (r *recorder[T]) sizes() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	var n []int
	for _, b := range r.batches {
		n = append(n, len(b))
	}
	return n
}

func mustNew[T any](t *testing.T, cfg Config[T]) *Batcher[T] {
	t.Helper()
	b, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func addAll(t *testing.T, b *Batcher[int], from, to int) {
	t.Helper()
	for i := from; i < to; i++ {
		if err := b.Add(t.Context(), i); err != nil {
			t.Fatalf("Add(%d): %v", i, err)
		}
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	noop := func(context.Context, []int) error { return nil }
	for name, cfg := range map[string]Config[int]{
		"no Flush":                  {},
		"negative MaxItems":         {MaxItems: -1, Flush: noop},
		"negative MaxBytes":         {MaxBytes: -1, Flush: noop},
		"negative MaxWait":          {MaxWait: -time.Second, Flush: noop},
		"negative MaxBuffered":      {MaxBuffered: -1, Flush: noop},
		"negative Concurrency":      {Concurrency: -1, Flush: noop},
		"MaxBytes without Size":     {MaxBytes: 100, Flush: noop},
		"byte bound without Size":   {MaxBufferedBytes: 100, Flush: noop},
		"byte bound below a batch":  {MaxBytes: 100, MaxBufferedBytes: 50, Size: func(int) int { return 1 }, Flush: noop},
		"MaxBuffered below a batch": {MaxItems: 10, MaxBuffered: 5, Flush: noop},
	} {
		b, err := New(cfg)
		if err == nil || b != nil {
			t.Errorf("%s: New = %v, %v; want an error", name, b, err)
		} else if !strings.HasPrefix(err.Error(), "batch: ") {
			t.Errorf("%s: error %q does not name the package", name, err)
		}
	}
}

func TestDefaults(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := newRecorder[int]()
		b := mustNew(t, Config[int]{Flush: rec.flush})
		addAll(t, b, 0, DefaultMaxItems+1)
		synctest.Wait()
		if got := rec.sizes(); !slices.Equal(got, []int{DefaultMaxItems}) {
			t.Fatalf("after %d adds: batches %v, want one of %d", DefaultMaxItems+1, got, DefaultMaxItems)
		}
		time.Sleep(DefaultMaxWait)
		synctest.Wait()
		if got := rec.sizes(); !slices.Equal(got, []int{DefaultMaxItems, 1}) {
			t.Fatalf("after MaxWait: batches %v", got)
		}
		if rec.at[1] != DefaultMaxWait {
			t.Errorf("trailing item flushed at %v, want %v", rec.at[1], DefaultMaxWait)
		}
		// The default buffer holds 4 batches: with the sink stuck, the
		// 4001st item fails after the default MaxBlock.
		release := make(chan struct{})
		stuck := mustNew(t, Config[int]{Flush: func(context.Context, []int) error { <-release; return nil }})
		addAll(t, stuck, 0, 4*DefaultMaxItems)
		start := time.Now()
		err := stuck.Add(t.Context(), 1)
		if !errors.Is(err, ErrBufferFull) || time.Since(start) != DefaultMaxBlock {
			t.Errorf("Add on a full default buffer = %v after %v, want ErrBufferFull after %v", err, time.Since(start), DefaultMaxBlock)
		}
		close(release)
		if err := stuck.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
	})
}

func TestFlushOnMaxItems(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := newRecorder[int]()
		b := mustNew(t, Config[int]{MaxItems: 10, MaxWait: time.Hour, Flush: rec.flush})
		addAll(t, b, 0, 25)
		synctest.Wait()
		if got := rec.sizes(); !slices.Equal(got, []int{10, 10}) {
			t.Fatalf("batches %v, want [10 10] with 5 items open", got)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if got := rec.sizes(); !slices.Equal(got, []int{10, 10, 5}) {
			t.Fatalf("after Close: batches %v", got)
		}
		var all []int
		for _, bt := range rec.batches {
			all = append(all, bt...)
		}
		for i, v := range all {
			if v != i {
				t.Fatalf("item %d is %d: order lost (%v)", i, v, all)
			}
		}
	})
}

func TestFlushOnMaxBytes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := newRecorder[string]()
		b := mustNew(t, Config[string]{
			MaxItems: 100, MaxBytes: 10, MaxWait: time.Hour,
			Size:  func(s string) int { return len(s) },
			Flush: rec.flush,
		})
		// 4+4 fits, a third 4 would make 12: it starts the next batch.
		// 5+5 reaches 10 exactly: flushed at once. 15 is alone.
		for _, s := range []string{"aaaa", "bbbb", "cccc", "dd", "eeeee", "fffff", "ggggggggggggggg", "h"} {
			if err := b.Add(t.Context(), s); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		want := [][]string{{"aaaa", "bbbb"}, {"cccc", "dd"}, {"eeeee", "fffff"}, {"ggggggggggggggg"}, {"h"}}
		if fmt.Sprint(rec.batches) != fmt.Sprint(want) {
			t.Fatalf("batches %q, want %q", rec.batches, want)
		}
	})
}

func TestFlushOnMaxWaitSinceFirstItem(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := newRecorder[int]()
		b := mustNew(t, Config[int]{MaxItems: 100, MaxWait: 100 * time.Millisecond, Flush: rec.flush})
		addAll(t, b, 0, 1)
		time.Sleep(60 * time.Millisecond)
		addAll(t, b, 1, 2) // does not restart the clock
		time.Sleep(39 * time.Millisecond)
		synctest.Wait()
		if n := len(rec.sizes()); n != 0 {
			t.Fatalf("flushed after 99ms")
		}
		time.Sleep(time.Millisecond)
		synctest.Wait()
		if got := rec.sizes(); !slices.Equal(got, []int{2}) || rec.at[0] != 100*time.Millisecond {
			t.Fatalf("batches %v at %v, want [2] at 100ms", got, rec.at)
		}
		// The next batch gets its own clock, started by its first item.
		time.Sleep(time.Second)
		addAll(t, b, 2, 3)
		time.Sleep(100 * time.Millisecond)
		synctest.Wait()
		if got := rec.sizes(); !slices.Equal(got, []int{2, 1}) || rec.at[1] != 1200*time.Millisecond {
			t.Fatalf("batches %v at %v, want [2 1] at [100ms 1.2s]", got, rec.at)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
	})
}

// gate is a Config.Flush that blocks until released, and counts flushes in
// flight.
type gate struct {
	release  chan struct{}
	inFlight atomic.Int32
	maxIn    atomic.Int32
	mu       sync.Mutex
	order    []int
}

func newGate() *gate { return &gate{release: make(chan struct{})} }

func (g *gate) flush(ctx context.Context, items []int) error {
	n := g.inFlight.Add(1)
	defer g.inFlight.Add(-1)
	for {
		m := g.maxIn.Load()
		if n <= m || g.maxIn.CompareAndSwap(m, n) {
			break
		}
	}
	select {
	case <-g.release:
	case <-ctx.Done():
		return ctx.Err()
	}
	g.mu.Lock()
	g.order = append(g.order, items...)
	g.mu.Unlock()
	return nil
}

func TestAddBlocksOnFullBuffer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGate()
		b := mustNew(t, Config[int]{MaxItems: 2, MaxBuffered: 4, MaxWait: time.Hour, Flush: g.flush})
		addAll(t, b, 0, 4)
		var addErr error
		done := make(chan struct{})
		go func() { addErr = b.Add(context.Background(), 4); close(done) }()
		time.Sleep(time.Second)
		synctest.Wait()
		select {
		case <-done:
			t.Fatalf("Add returned %v with 4 of 4 items buffered", addErr)
		default:
		}
		close(g.release)
		<-done
		if addErr != nil {
			t.Fatal(addErr)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if s := b.Stats(); s.Blocked != time.Second || s.Items != 5 || s.Buffered != 0 {
			t.Fatalf("stats %+v, want 1s blocked, 5 items, nothing buffered", s)
		}
	})
}

func TestAddGivesUpAfterMaxBlock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGate()
		b := mustNew(t, Config[int]{MaxItems: 2, MaxBuffered: 4, MaxWait: time.Hour, MaxBlock: 3 * time.Second, Flush: g.flush})
		addAll(t, b, 0, 3)
		start := time.Now()
		err := b.Add(t.Context(), 3, 4, 5)
		var ae *AddError
		if !errors.Is(err, ErrBufferFull) || !errors.As(err, &ae) || ae.Accepted != 1 || ae.Rejected != 2 {
			t.Fatalf("Add = %v, want ErrBufferFull with 1 accepted, 2 rejected", err)
		}
		if d := time.Since(start); d != 3*time.Second {
			t.Fatalf("Add gave up after %v, want MaxBlock 3s", d)
		}
		close(g.release)
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(g.order, []int{0, 1, 2, 3}) {
			t.Fatalf("written %v, want the 4 accepted items", g.order)
		}
	})
}

func TestAddNegativeMaxBlockFailsAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGate()
		b := mustNew(t, Config[int]{MaxItems: 2, MaxBuffered: 2, MaxBlock: -1, Flush: g.flush})
		addAll(t, b, 0, 2)
		start := time.Now()
		if err := b.Add(t.Context(), 2); !errors.Is(err, ErrBufferFull) || time.Since(start) != 0 {
			t.Fatalf("Add = %v after %v, want ErrBufferFull at once", err, time.Since(start))
		}
		close(g.release)
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
	})
}

func TestAddRespectsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGate()
		b := mustNew(t, Config[int]{MaxItems: 1, MaxBuffered: 1, Flush: g.flush})
		addAll(t, b, 0, 1)
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		if err := b.Add(ctx, 1); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Add = %v, want the context's deadline", err)
		}
		canceled, cancel2 := context.WithCancel(t.Context())
		cancel2()
		close(g.release)
		synctest.Wait()
		if err := b.Add(canceled, 2); !errors.Is(err, context.Canceled) {
			t.Fatalf("Add with a done context = %v, want context.Canceled even with room", err)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(g.order, []int{0}) {
			t.Fatalf("written %v, want only the accepted item", g.order)
		}
	})
}

func TestAddAfterCloseAndBlockedAddDuringClose(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGate()
		b := mustNew(t, Config[int]{MaxItems: 1, MaxBuffered: 1, Flush: g.flush})
		addAll(t, b, 0, 1)
		blocked := make(chan error)
		go func() { blocked <- b.Add(context.Background(), 1) }()
		closed := make(chan error)
		synctest.Wait()
		go func() { closed <- b.Close(context.Background()) }()
		if err := <-blocked; !errors.Is(err, ErrClosed) {
			t.Fatalf("Add blocked during Close = %v, want ErrClosed", err)
		}
		close(g.release)
		if err := <-closed; err != nil {
			t.Fatal(err)
		}
		if err := b.Add(t.Context(), 2); !errors.Is(err, ErrClosed) {
			t.Fatalf("Add after Close = %v, want ErrClosed", err)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatalf("second Close = %v", err)
		}
	})
}

func TestConcurrency(t *testing.T) {
	for _, conc := range []int{1, 4} {
		t.Run(fmt.Sprint(conc), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				g := newGate()
				b := mustNew(t, Config[int]{MaxItems: 1, MaxBuffered: 10, Concurrency: conc, Flush: g.flush})
				addAll(t, b, 0, 10)
				synctest.Wait()
				if got := g.inFlight.Load(); got != int32(conc) {
					t.Fatalf("%d flushes in flight, want Concurrency %d", got, conc)
				}
				close(g.release)
				if err := b.Flush(t.Context()); err != nil {
					t.Fatal(err)
				}
				if g.maxIn.Load() != int32(conc) {
					t.Fatalf("at most %d in flight, want %d", g.maxIn.Load(), conc)
				}
				if conc == 1 && !slices.Equal(g.order, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
					t.Fatalf("Concurrency 1 wrote %v: order lost", g.order)
				}
				if err := b.Close(t.Context()); err != nil {
					t.Fatal(err)
				}
			})
		})
	}
}

var errSink = errors.New("sink down")

func TestFailedBatchesComeBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := mustNew(t, Config[int]{MaxItems: 3, MaxWait: time.Hour, Flush: func(_ context.Context, items []int) error {
			if items[0]%2 == 0 {
				return errSink
			}
			return nil
		}})
		// Batches [0 1 2] fails, [3 4 5] is written, [6 7 8] fails: the
		// background failures wait for Flush.
		addAll(t, b, 0, 9)
		synctest.Wait()
		if s := b.Stats(); s.Failed != 2 || s.FailedItems != 6 || s.Batches != 1 || s.Buffered != 6 {
			t.Fatalf("stats %+v", s)
		}
		err := b.Flush(t.Context())
		if !errors.Is(err, errSink) {
			t.Fatalf("Flush = %v, want the sink's error", err)
		}
		var fe *FlushError[int]
		if !errors.As(err, &fe) || !slices.Equal(fe.Items, []int{0, 1, 2}) {
			t.Fatalf("errors.As found %v", fe)
		}
		if got := FailedItems[int](err); !slices.Equal(got, []int{0, 1, 2, 6, 7, 8}) {
			t.Fatalf("failed items %v", got)
		}
		// Handed back once: the next Flush has nothing to report.
		if err := b.Flush(t.Context()); err != nil {
			t.Fatalf("second Flush = %v", err)
		}
		if s := b.Stats(); s.Buffered != 0 {
			t.Fatalf("%d items still buffered after hand-back", s.Buffered)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
	})
}

func TestFailedItemsPushBackOnAdd(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := mustNew(t, Config[int]{MaxItems: 2, MaxBuffered: 4, MaxBlock: time.Second, Flush: func(context.Context, []int) error { return errSink }})
		addAll(t, b, 0, 4)
		synctest.Wait()
		if err := b.Add(t.Context(), 4); !errors.Is(err, ErrBufferFull) {
			t.Fatalf("Add with 4 failed items held = %v, want ErrBufferFull", err)
		}
		if got := FailedItems[int](b.Flush(t.Context())); !slices.Equal(got, []int{0, 1, 2, 3}) {
			t.Fatalf("Flush handed back %v", got)
		}
		if err := b.Add(t.Context(), 4); err != nil {
			t.Fatalf("Add after hand-back = %v", err)
		}
		if got := FailedItems[int](b.Close(t.Context())); !slices.Equal(got, []int{4}) {
			t.Fatalf("Close handed back %v", got)
		}
	})
}

func TestOnErrorTakesFailedBatches(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var got []int
		b := mustNew(t, Config[int]{
			MaxItems: 2, MaxBuffered: 2,
			Flush:   func(context.Context, []int) error { return errSink },
			OnError: func(fe *FlushError[int]) { got = append(got, fe.Items...) },
		})
		addAll(t, b, 0, 5) // would block forever if failed items stayed buffered
		if err := b.Close(t.Context()); err != nil {
			t.Fatalf("Close = %v; OnError owns the failures", err)
		}
		if !slices.Equal(got, []int{0, 1, 2, 3, 4}) {
			t.Fatalf("OnError got %v", got)
		}
	})
}

func TestPanickingFlushHandsItemsBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := mustNew(t, Config[int]{Flush: func(context.Context, []int) error { panic("boom") }})
		addAll(t, b, 0, 3)
		err := b.Close(t.Context())
		if got := FailedItems[int](err); !slices.Equal(got, []int{0, 1, 2}) {
			t.Fatalf("Close = %v, want the 3 items back", err)
		}
		if msg := err.Error(); !strings.Contains(msg, "Flush panicked: boom") || !strings.Contains(msg, "TestPanickingFlushHandsItemsBack") {
			t.Fatalf("Close = %v, want the panic and its stack", err)
		}
	})
}

func TestCloseTimeoutCancelsAndHandsBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGate() // never released: only ctx ends its flushes
		b := mustNew(t, Config[int]{MaxItems: 2, Concurrency: 1, MaxWait: time.Hour, Flush: g.flush})
		addAll(t, b, 0, 5) // [0 1] in flight, [2 3] queued, [4] open
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		err := b.Close(ctx)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Close = %v, want its deadline", err)
		}
		got := FailedItems[int](err)
		slices.Sort(got)
		if !slices.Equal(got, []int{0, 1, 2, 3, 4}) {
			t.Fatalf("Close handed back %v, want every item", got)
		}
		if s := b.Stats(); s.Buffered != 0 || s.Items != 0 {
			t.Fatalf("stats %+v", s)
		}
	})
}

func TestFlushContextEndsWaitNotFlush(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g := newGate()
		b := mustNew(t, Config[int]{Flush: g.flush})
		addAll(t, b, 0, 3)
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		if err := b.Flush(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Flush = %v", err)
		}
		close(g.release)
		if err := b.Flush(t.Context()); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(g.order, []int{0, 1, 2}) {
			t.Fatalf("written %v", g.order)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
	})
}

func TestStats(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := mustNew(t, Config[int]{MaxItems: 4, Flush: func(_ context.Context, items []int) error {
			time.Sleep(time.Duration(len(items)) * time.Millisecond)
			return nil
		}})
		addAll(t, b, 0, 10)
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		want := Stats{Batches: 3, Items: 10, LargestBatch: 4, FlushLatency: 10 * time.Millisecond, MaxFlushLatency: 4 * time.Millisecond}
		if s := b.Stats(); s != want {
			t.Fatalf("stats %+v, want %+v", s, want)
		}
	})
}

// TestConcurrentAddersRace runs on the real clock (for -race): many
// goroutines add, flush and fail at once, and every item is accounted for.
func TestConcurrentAddersRace(t *testing.T) {
	const adders, each = 8, 2000
	var written sync.Map
	var calls atomic.Int64
	b := mustNew(t, Config[int]{
		MaxItems: 64, MaxBuffered: 256, MaxWait: time.Millisecond, MaxBlock: 10 * time.Millisecond, Concurrency: 3,
		Flush: func(_ context.Context, items []int) error {
			if calls.Add(1)%5 == 0 {
				return errSink
			}
			for _, it := range items {
				if _, dup := written.LoadOrStore(it, true); dup {
					return fmt.Errorf("item %d written twice", it)
				}
			}
			return nil
		},
	})
	var mu sync.Mutex
	var failed []int
	var wg sync.WaitGroup
	for a := range adders {
		wg.Go(func() {
			collect := func(err error) {
				mu.Lock()
				failed = append(failed, FailedItems[int](err)...)
				mu.Unlock()
			}
			for i := range each {
				// Failed batches hold buffer space until handed back: an
				// adder that meets a full buffer collects them and retries.
				for {
					err := b.Add(context.Background(), a*each+i)
					if err == nil {
						break
					}
					if !errors.Is(err, ErrBufferFull) {
						t.Errorf("Add: %v", err)
						return
					}
					collect(b.Flush(context.Background()))
				}
				if i%500 == 0 {
					collect(b.Flush(context.Background()))
				}
			}
		})
	}
	wg.Wait()
	failed = append(failed, FailedItems[int](b.Close(context.Background()))...)
	seen := make(map[int]int)
	written.Range(func(k, _ any) bool { seen[k.(int)]++; return true })
	for _, it := range failed {
		seen[it]++
	}
	for i := range adders * each {
		if seen[i] != 1 {
			t.Fatalf("item %d accounted for %d times", i, seen[i])
		}
	}
	s := b.Stats()
	if s.Items+s.FailedItems != adders*each || int(s.FailedItems) != len(failed) {
		t.Fatalf("stats %+v, %d handed back", s, len(failed))
	}
}

func TestMisuseGivesErrorsNotPanics(t *testing.T) {
	var zero Batcher[int]
	if err := zero.Add(t.Context(), 1); err == nil {
		t.Error("Add on a zero Batcher succeeded")
	}
	if err := zero.Flush(t.Context()); err == nil {
		t.Error("Flush on a zero Batcher succeeded")
	}
	if err := zero.Close(t.Context()); err == nil {
		t.Error("Close on a zero Batcher succeeded")
	}
	rec := newRecorder[int]()
	b := mustNew(t, Config[int]{Flush: rec.flush})
	if err := b.Add(nil, 1); err != nil { //nolint:staticcheck
		t.Fatalf("Add with a nil context = %v", err)
	}
	if err := b.Close(nil); err != nil { //nolint:staticcheck
		t.Fatalf("Close with a nil context = %v", err)
	}
	if !slices.Equal(rec.sizes(), []int{1}) {
		t.Fatalf("batches %v", rec.sizes())
	}
	if err := b.Add(t.Context()); !errors.Is(err, ErrClosed) {
		t.Fatalf("Add of no items after Close = %v, want ErrClosed", err)
	}
}

// mib sizes every item at 1 MiB without allocating it.
func mib(int) int { return 1 << 20 }

func TestByteBoundStopsAdd(t *testing.T) {
	for _, tc := range []struct {
		maxBufferedBytes, want int
	}{{0, 4}, {2 << 20, 2}} { // default 4*MaxBytes, then an explicit bound
		synctest.Test(t, func(t *testing.T) {
			g := newGate()
			b := mustNew(t, Config[int]{MaxBytes: 1 << 20, MaxBufferedBytes: tc.maxBufferedBytes, Size: mib, MaxBlock: -1, Flush: g.flush})
			accepted := 0
			var err error
			for ; accepted < 5000; accepted++ {
				if err = b.Add(t.Context(), accepted); err != nil {
					break
				}
			}
			if accepted != tc.want || !errors.Is(err, ErrBufferFull) {
				t.Fatalf("MaxBufferedBytes %d: Add took %d items of 1 MiB, then %v; want %d, then ErrBufferFull", tc.maxBufferedBytes, accepted, err, tc.want)
			}
			if s := b.Stats(); s.BufferedBytes != tc.want<<20 || s.Buffered != tc.want {
				t.Fatalf("stats %+v", s)
			}
			close(g.release)
			synctest.Wait()
			if err := b.Add(t.Context(), accepted); err != nil {
				t.Fatalf("Add after the sink caught up = %v", err)
			}
			if err := b.Close(t.Context()); err != nil {
				t.Fatal(err)
			}
			if s := b.Stats(); s.Items != int64(tc.want+1) || s.BufferedBytes != 0 {
				t.Fatalf("stats after Close %+v", s)
			}
		})
	}
}

func TestItemLargerThanByteBoundIsRejected(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := newRecorder[int]()
		b := mustNew(t, Config[int]{MaxBytes: 10, MaxBufferedBytes: 20, Size: func(v int) int { return v }, Flush: rec.flush})
		err := b.Add(t.Context(), 5, 21, 3)
		var ae *AddError
		if !errors.Is(err, ErrTooLarge) || !errors.As(err, &ae) || ae.Accepted != 1 || ae.Rejected != 2 {
			t.Fatalf("Add = %v, want ErrTooLarge with 1 accepted", err)
		}
		if err := b.Add(t.Context(), 20); err != nil {
			t.Fatalf("Add of an item of exactly MaxBufferedBytes = %v", err)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(rec.batches) != "[[5] [20]]" {
			t.Fatalf("batches %v", rec.batches)
		}
	})
}

// Without MaxBytes the open batch alone can fill the byte bound; Add must
// not then sit out MaxWait (an hour here) before it is flushed.
func TestFullByteBoundFlushesTheOpenBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := newRecorder[int]()
		b := mustNew(t, Config[int]{MaxItems: 100, MaxWait: time.Hour, MaxBufferedBytes: 10, Size: func(v int) int { return v }, Flush: rec.flush})
		start := time.Now()
		if err := b.Add(t.Context(), 4, 4, 4); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d != 0 {
			t.Fatalf("Add blocked %v", d)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(rec.batches) != "[[4 4] [4]]" {
			t.Fatalf("batches %v", rec.batches)
		}
	})
}

// Sizes near the largest int must not overflow the counters: an item that
// does not fit a batch never joins it.
func TestHugeSizesDoNotOverflow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		size := func(v int) int { return v }
		rec := newRecorder[int]()
		b := mustNew(t, Config[int]{MaxBytes: 10, Size: size, MaxWait: time.Hour, Flush: rec.flush})
		if err := b.Add(t.Context(), 3, math.MaxInt); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("Add of a MaxInt item under the default byte bound = %v, want ErrTooLarge", err)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(rec.batches) != "[[3]]" {
			t.Fatalf("batches %v", rec.batches)
		}

		// With no byte bound a huge item still goes alone, and two of them
		// are held one at a time rather than summed past the largest int.
		rec = newRecorder[int]()
		b = mustNew(t, Config[int]{MaxBytes: 10, MaxBufferedBytes: -1, Size: size, MaxWait: time.Hour, Flush: rec.flush})
		if err := b.Add(t.Context(), 3, math.MaxInt, math.MaxInt-1, 2); err != nil {
			t.Fatal(err)
		}
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprint([][]int{{3}, {math.MaxInt}, {math.MaxInt - 1}, {2}})
		if fmt.Sprint(rec.batches) != want {
			t.Fatalf("batches %v, want %v", rec.batches, want)
		}
		if s := b.Stats(); s.BufferedBytes != 0 {
			t.Fatalf("stats %+v", s)
		}
	})
}

func TestBadSizesAreRejected(t *testing.T) {
	rec := newRecorder[int]()
	b := mustNew(t, Config[int]{MaxBytes: 100, Flush: rec.flush, Size: func(v int) int {
		if v == 7 {
			panic("no size for 7")
		}
		return v
	}})
	for _, tc := range []struct {
		items []int
		want  string
	}{
		{[]int{1, -2, 3}, "batch: Size of item 1 is -2: a size must not be negative"},
		{[]int{4, 7, 5}, "batch: Size of item 1 panicked: no size for 7"},
	} {
		err := b.Add(t.Context(), tc.items...)
		var ae *AddError
		if !errors.As(err, &ae) || ae.Accepted != 1 || ae.Rejected != 2 || !strings.HasPrefix(ae.Err.Error(), tc.want) {
			t.Fatalf("Add(%v) = %v, want 1 accepted and %q", tc.items, err, tc.want)
		}
	}
	if err := b.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(rec.batches) != "[[1 4]]" {
		t.Fatalf("batches %v", rec.batches)
	}
}

// t.FailNow in a Flush calls runtime.Goexit: the batch fails, and Close
// neither hangs nor loses it.
func TestGoexitInFlushFailsItsBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var calls atomic.Int32
		b := mustNew(t, Config[int]{MaxItems: 2, Flush: func(context.Context, []int) error {
			if calls.Add(1) == 1 {
				runtime.Goexit()
			}
			return nil
		}})
		addAll(t, b, 0, 5)
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		err := b.Close(ctx)
		if got := FailedItems[int](err); !slices.Equal(got, []int{0, 1}) || !strings.Contains(err.Error(), "Goexit") {
			t.Fatalf("Close = %v, want items [0 1] back with the Goexit named", err)
		}
		if s := b.Stats(); s.Items != 3 || s.Buffered != 0 {
			t.Fatalf("stats %+v", s)
		}
	})
}

// A panic in OnError must not kill the process; the batch it did not take
// comes back from Close, with the panic and its stack in the error.
func TestPanickingOnErrorKeepsTheBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var taken []int
		b := mustNew(t, Config[int]{
			MaxItems: 2,
			Flush:    func(context.Context, []int) error { return errSink },
			OnError: func(fe *FlushError[int]) {
				if fe.Items[0] == 0 {
					panic("OnError broke")
				}
				taken = append(taken, fe.Items...)
			},
		})
		addAll(t, b, 0, 4)
		err := b.Close(t.Context())
		if got := FailedItems[int](err); !slices.Equal(got, []int{0, 1}) || !errors.Is(err, errSink) {
			t.Fatalf("Close = %v, want [0 1] back with the sink's error", err)
		}
		if msg := err.Error(); !strings.Contains(msg, "OnError panicked: OnError broke") || !strings.Contains(msg, "TestPanickingOnErrorKeepsTheBatch") {
			t.Fatalf("Close = %v, want the panic and its stack", err)
		}
		if !slices.Equal(taken, []int{2, 3}) {
			t.Fatalf("OnError took %v", taken)
		}
	})
}

// A failed batch is handed back once: with several callers flushing, one
// Flush returns it and the others return nil, even when their own items
// were in it. OnError is how each caller learns its items' fate: when a
// Flush returns, every item added before it was written or given to OnError.
func TestConcurrentFlushCallers(t *testing.T) {
	for _, withOnError := range []bool{false, true} {
		synctest.Test(t, func(t *testing.T) {
			var mu sync.Mutex
			var toOnError []int
			cfg := Config[int]{MaxItems: 100, MaxWait: time.Hour, Flush: func(_ context.Context, items []int) error {
				time.Sleep(time.Millisecond)
				if slices.Contains(items, 1) {
					return errSink
				}
				return nil
			}}
			if withOnError {
				cfg.OnError = func(fe *FlushError[int]) {
					mu.Lock()
					toOnError = append(toOnError, fe.Items...)
					mu.Unlock()
				}
			}
			b := mustNew(t, cfg)
			addAll(t, b, 0, 2) // both callers' items share one batch
			errs := make([]error, 2)
			var wg sync.WaitGroup
			for caller := range 2 {
				wg.Go(func() {
					errs[caller] = b.Flush(context.Background())
					if withOnError {
						mu.Lock()
						defer mu.Unlock()
						if !slices.Contains(toOnError, caller) {
							t.Errorf("caller %d: Flush returned before its failed item reached OnError", caller)
						}
					}
				})
			}
			wg.Wait()
			handed := append(FailedItems[int](errs[0]), FailedItems[int](errs[1])...)
			switch {
			case withOnError && (errs[0] != nil || errs[1] != nil):
				t.Fatalf("with OnError, Flush returned %v", errs)
			case !withOnError && (!slices.Equal(handed, []int{0, 1}) || (errs[0] != nil) == (errs[1] != nil)):
				t.Fatalf("Flush callers got %v, want the failed batch once, to one of them", errs)
			}
			if err := b.Close(t.Context()); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// A Flush that ignores its cancelled context holds Close, which cannot hand
// back items that may still be written; what it writes counts as written.
func TestCloseWaitsForAFlushThatIgnoresItsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := newRecorder[int]()
		b := mustNew(t, Config[int]{Flush: func(ctx context.Context, items []int) error {
			time.Sleep(time.Minute)
			return rec.flush(ctx, items)
		}})
		addAll(t, b, 0, 3)
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		start := time.Now()
		err := b.Close(ctx)
		if !errors.Is(err, context.DeadlineExceeded) || len(FlushErrors[int](err)) != 0 || time.Since(start) != time.Minute {
			t.Fatalf("Close = %v after %v, want only its deadline, after the flush's minute", err, time.Since(start))
		}
		if s := b.Stats(); s.Items != 3 || s.Buffered != 0 {
			t.Fatalf("stats %+v", s)
		}
	})
}

// Close from two goroutines while others Add, on the real clock for -race:
// every item is written or rejected, once.
func TestCloseConcurrentWithAddAndClose(t *testing.T) {
	var written sync.Map
	b := mustNew(t, Config[int]{MaxItems: 8, MaxWait: time.Millisecond, Concurrency: 2, Flush: func(_ context.Context, items []int) error {
		for _, it := range items {
			written.Store(it, true)
		}
		return nil
	}})
	var rejected atomic.Int64
	var wg sync.WaitGroup
	for a := range 4 {
		wg.Go(func() {
			for i := range 500 {
				if err := b.Add(context.Background(), a*500+i); err != nil {
					if !errors.Is(err, ErrClosed) {
						t.Errorf("Add: %v", err)
					}
					rejected.Add(1)
				}
			}
		})
	}
	for range 2 {
		wg.Go(func() {
			time.Sleep(time.Millisecond)
			if err := b.Close(context.Background()); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
	wg.Wait()
	n := int64(0)
	written.Range(func(any, any) bool { n++; return true })
	if s := b.Stats(); n+rejected.Load() != 2000 || s.Items != n || s.Buffered != 0 {
		t.Fatalf("%d written, %d rejected of 2000; stats %+v", n, rejected.Load(), s)
	}
}
