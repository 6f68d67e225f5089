package kafkabatch

import (
	"context"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// BenchmarkProduce compares, on an in-process kfake broker, 200-byte records
// written one ProduceSync per record against the async Producer with kgo's
// defaults and with each preset. Loopback hides the network round trip, so
// on a real cluster the per-record shape falls much further behind.
func BenchmarkProduce(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts []kgo.Opt
		sync bool
	}{
		{"ProduceSync-per-record", nil, true},
		{"kgo-Produce-no-wrapper", nil, false},
		{"Producer-kgo-defaults", nil, false},
		{"Producer-ThroughputOpts", ThroughputOpts(), false},
		{"Producer-LatencyOpts", LatencyOpts(), false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := newCluster(b, 1)
			w := watchProduce(c)
			cl, err := kgo.NewClient(append(bc.opts, kgo.SeedBrokers(c.ListenAddrs()...))...)
			if err != nil {
				b.Fatal(err)
			}
			defer cl.Close()
			ctx := context.Background()
			// Connect and load metadata before timing.
			if err := cl.ProduceSync(ctx, &kgo.Record{Topic: topic, Value: value(0)}).FirstErr(); err != nil {
				b.Fatal(err)
			}
			reqs0, recs0, _ := w.snapshot()
			w.mu.Lock()
			bytes0 := w.bytes
			w.mu.Unlock()
			p := Wrap(cl)
			start := time.Now()
			for i := 0; b.Loop(); i++ {
				r := &kgo.Record{Topic: topic, Value: value(i)}
				switch {
				case bc.sync:
					err = cl.ProduceSync(ctx, r).FirstErr()
				case bc.name == "kgo-Produce-no-wrapper":
					cl.Produce(ctx, r, nil)
				default:
					err = p.Produce(ctx, r)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			if err := p.Flush(ctx); err != nil {
				b.Fatal(err)
			}
			if err := cl.Flush(ctx); err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			reqs, recs, _ := w.snapshot()
			w.mu.Lock()
			wire := w.bytes - bytes0
			w.mu.Unlock()
			b.ReportMetric(float64(wire)/float64(recs-recs0), "wire-bytes/record")
			b.ReportMetric(float64(b.N)/took.Seconds(), "records/s")
			b.ReportMetric(float64(recs-recs0)/float64(reqs-reqs0), "records/request")
		})
	}
}

// BenchmarkTrickle produces one record every 200µs (a steady 5k records/s,
// far below what a batch could hold) and reports produce requests per
// record and the mean time from Produce to acknowledgement: the trade the
// linger makes at a rate where batches never fill.
func BenchmarkTrickle(b *testing.B) {
	const gap = 200 * time.Microsecond
	for _, bc := range []struct {
		name string
		opts []kgo.Opt
	}{
		{"linger-0", []kgo.Opt{kgo.ProducerLinger(0)}},
		{"LatencyOpts", LatencyOpts()},
		{"kgo-default-10ms", nil},
		{"ThroughputOpts", ThroughputOpts()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := newCluster(b, 1)
			w := watchProduce(c)
			cl, err := kgo.NewClient(append(bc.opts, kgo.SeedBrokers(c.ListenAddrs()...))...)
			if err != nil {
				b.Fatal(err)
			}
			defer cl.Close()
			ctx := context.Background()
			if err := cl.ProduceSync(ctx, &kgo.Record{Topic: topic, Value: value(0)}).FirstErr(); err != nil {
				b.Fatal(err)
			}
			reqs0, recs0, _ := w.snapshot()
			var latency time.Duration // promises run one at a time: no lock needed
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				cl.Produce(ctx, &kgo.Record{Topic: topic, Value: value(i)}, func(_ *kgo.Record, err error) {
					if err != nil {
						b.Error(err)
					}
					latency += time.Since(start)
				})
				time.Sleep(gap)
			}
			if err := cl.Flush(ctx); err != nil {
				b.Fatal(err)
			}
			reqs, recs, _ := w.snapshot()
			b.ReportMetric(float64(reqs-reqs0)/float64(recs-recs0), "requests/record")
			b.ReportMetric(float64(latency.Microseconds())/float64(b.N), "µs-to-ack")
		})
	}
}
