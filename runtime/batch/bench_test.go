package batch

import (
	"context"
	"testing"
	"time"
)

func noopFlush(context.Context, []int) error { return nil }

// BenchmarkAdd measures the batcher's own overhead: items/s through Add
// with a Flush that does nothing.
func BenchmarkAdd(b *testing.B) {
	for _, conc := range []int{1, 4} {
		b.Run(map[int]string{1: "concurrency=1", 4: "concurrency=4"}[conc], func(b *testing.B) {
			bt, err := New(Config[int]{MaxItems: 1000, MaxWait: time.Second, Concurrency: conc, Flush: noopFlush})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			start := time.Now()
			for i := 0; b.Loop(); i++ {
				if err := bt.Add(ctx, i); err != nil {
					b.Fatal(err)
				}
			}
			if err := bt.Close(ctx); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "items/s")
		})
	}
}

// BenchmarkAddParallel adds from GOMAXPROCS goroutines at once.
func BenchmarkAddParallel(b *testing.B) {
	bt, err := New(Config[int]{MaxItems: 1000, MaxWait: time.Second, Flush: noopFlush})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			if err := bt.Add(ctx, i); err != nil {
				b.Error(err)
				return
			}
		}
	})
	if err := bt.Close(ctx); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "items/s")
}

// BenchmarkAddSlice adds 100 items per call.
func BenchmarkAddSlice(b *testing.B) {
	bt, err := New(Config[int]{MaxItems: 1000, MaxWait: time.Second, Flush: noopFlush})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	items := make([]int, 100)
	start := time.Now()
	for b.Loop() {
		if err := bt.Add(ctx, items...); err != nil {
			b.Fatal(err)
		}
	}
	if err := bt.Close(ctx); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N*len(items))/time.Since(start).Seconds(), "items/s")
}
