package batch

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// FuzzAccounting drives a Batcher with any interleaving of Add, Flush and
// Close from two goroutines, against a sink that is slow, fails or panics as
// the input says, and checks that every item is accounted for exactly once:
// written by a Flush call that returned nil, handed back in one FlushError,
// or rejected by Add's error. It runs on the fake clock, so MaxWait, MaxBlock
// and context deadlines fire within the input's sleeps.
func FuzzAccounting(f *testing.F) {
	// Seeds: a few hand-picked shapes plus pseudo-random op streams, so that
	// plain `go test` already covers every op against every config knob.
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 14})
	f.Add([]byte{3, 2, 1, 0, 7, 0x81, 0x13, 0x23, 0x33, 0x07, 0x09, 0x0b, 0x0c, 0x28, 0x0e})
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, seed))
		data := make([]byte, 6+rng.IntN(120))
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 6 {
			return
		}
		synctest.Test(t, func(t *testing.T) { runAccounting(t, data) })
	})
}

type ledger struct {
	mu        sync.Mutex
	next      int
	written   map[int]int
	handed    map[int]int
	rejected  map[int]int
	flushCall int
}

func (l *ledger) ids(n int) []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	ids := make([]int, n)
	for i := range ids {
		ids[i] = l.next
		l.next++
	}
	return ids
}

func (l *ledger) count(m map[int]int, items []int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, it := range items {
		m[it]++
	}
}

func runAccounting(t *testing.T, data []byte) {
	cfgBytes, ops := data[:6], data[6:]
	if len(ops) > 200 {
		ops = ops[:200]
	}
	l := &ledger{written: map[int]int{}, handed: map[int]int{}, rejected: map[int]int{}}
	failMode := cfgBytes[1] % 8
	cfg := Config[int]{
		MaxItems:    1 + int(cfgBytes[0]%8),
		MaxWait:     time.Duration(1+cfgBytes[2]%50) * time.Millisecond,
		MaxBlock:    time.Duration(int(cfgBytes[3]%40)-5) * time.Millisecond,
		Concurrency: 1 + int(cfgBytes[4]%3),
	}
	cfg.MaxBuffered = cfg.MaxItems * (1 + int(cfgBytes[4]/3%3))
	if cfgBytes[5]&1 != 0 {
		cfg.MaxBytes = 1 + int(cfgBytes[5]>>1%16)
		cfg.Size = func(v int) int { return v % 7 }
	}
	if cfgBytes[5]&0x20 != 0 {
		cfg.MaxBufferedBytes = cfg.MaxBytes + int(cfgBytes[2]%16)
		cfg.Size = func(v int) int { return v % 7 }
	}
	if cfgBytes[5]&0x40 != 0 {
		// A Size that fails now and then: Add rejects from that item on.
		cfg.Size = func(v int) int {
			switch {
			case v%23 == 22:
				return -1
			case v%29 == 28:
				panic("Size panicked")
			}
			return v % 7
		}
	}
	if cfgBytes[5]&0x80 != 0 {
		var calls atomic.Int32
		cfg.OnError = func(fe *FlushError[int]) {
			// A callback that panics has not taken the batch: it comes
			// back from Flush or Close instead.
			if calls.Add(1)%2 == 0 && cfgBytes[3] >= 200 {
				panic("OnError panicked")
			}
			l.count(l.handed, fe.Items)
		}
	}
	cfg.Flush = func(ctx context.Context, items []int) error {
		l.mu.Lock()
		l.flushCall++
		call := l.flushCall
		l.mu.Unlock()
		// A slow sink that honours ctx, as Config.Flush must.
		select {
		case <-time.After(time.Duration(items[0]%5) * time.Millisecond):
		case <-ctx.Done():
			return ctx.Err()
		}
		switch {
		case failMode == 0:
		case call%int(failMode+1) == 0:
			return fmt.Errorf("call %d failed", call)
		case failMode == 7 && call%3 == 1:
			panic("sink panicked")
		case failMode == 6 && call%3 == 1:
			runtime.Goexit()
		}
		l.count(l.written, items)
		return nil
	}
	b, err := New(cfg)
	if err != nil {
		t.Fatalf("New(%+v): %v", cfg, err)
	}

	collect := func(what string, err error) {
		for _, fe := range FlushErrors[int](err) {
			l.count(l.handed, fe.Items)
		}
		// Whatever else Flush or Close returns is a context's error.
		var rest []error
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			rest = j.Unwrap()
		} else if err != nil {
			rest = []error{err}
		}
		for _, e := range rest {
			var fe *FlushError[int]
			if !errors.As(e, &fe) && !errors.Is(e, context.DeadlineExceeded) {
				t.Errorf("%s returned %v", what, e)
			}
		}
	}
	add := func(ctx context.Context, n int) {
		items := l.ids(n)
		err := b.Add(ctx, items...)
		if err == nil {
			return
		}
		var ae *AddError
		if !errors.As(err, &ae) || ae.Accepted+ae.Rejected != n {
			t.Errorf("Add(%d items) = %v", n, err)
			return
		}
		if !errors.Is(err, ErrClosed) && !errors.Is(err, ErrBufferFull) && !errors.Is(err, ErrTooLarge) &&
			!strings.HasPrefix(ae.Err.Error(), "batch: Size of item") && ctx.Err() == nil {
			t.Errorf("Add = %v with a live context", err)
		}
		l.count(l.rejected, items[ae.Accepted:])
	}
	withTimeout := func(n int, fn func(context.Context)) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(n%8)*time.Millisecond)
		defer cancel()
		fn(ctx)
	}

	var wg sync.WaitGroup
	for g := range 2 {
		wg.Go(func() {
			for i := g; i < len(ops); i += 2 {
				op := ops[i]
				n := int(op >> 4) // 0..15
				switch op & 15 {
				case 0, 1, 2:
					add(context.Background(), 1)
				case 3, 4:
					add(context.Background(), 1+n)
				case 5:
					ctx, cancel := context.WithCancel(context.Background())
					cancel()
					add(ctx, 1+n%3)
				case 6:
					withTimeout(n, func(ctx context.Context) { add(ctx, 1+n) })
				case 7, 8:
					collect("Flush", b.Flush(context.Background()))
				case 9:
					withTimeout(n, func(ctx context.Context) { collect("Flush", b.Flush(ctx)) })
				case 10:
					// Closing ends the run's adds: keep it rare.
					if n < 14 {
						collect("Flush", b.Flush(context.Background()))
						break
					}
					withTimeout(n, func(ctx context.Context) { collect("Close", b.Close(ctx)) })
				case 11, 12, 13:
					time.Sleep(time.Duration(n) * time.Millisecond)
				case 14:
					if n < 15 {
						add(context.Background(), 1)
						break
					}
					collect("Close", b.Close(context.Background()))
				case 15:
					time.Sleep(time.Duration(n) * 10 * time.Millisecond)
				}
			}
		})
	}
	wg.Wait()
	collect("Close", b.Close(context.Background()))

	for id := range l.next {
		w, h, r := l.written[id], l.handed[id], l.rejected[id]
		if w+h+r != 1 {
			t.Fatalf("item %d: written %d, handed back %d, rejected %d times (config %+v)", id, w, h, r, cfg)
		}
	}
	s := b.Stats()
	if s.Items != int64(len(l.written)) || s.FailedItems != int64(len(l.handed)) || s.Buffered != 0 || s.BufferedBytes != 0 {
		t.Fatalf("stats %+v; written %d, handed back %d", s, len(l.written), len(l.handed))
	}
}
