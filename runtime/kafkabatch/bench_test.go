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
