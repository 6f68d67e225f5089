// Package compressionold is compiled against franz-go v1.19.5, which
// lingers 0 unless told otherwise.
package compressionold

import (
	"context"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

func zstdDefaultLinger(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression())) // want `zstd compression where batching is off \(franz-go v1.19.5 lingers 0 by default, unlike v1.20\+\)`
	cl.ProduceSync(ctx, &kgo.Record{})
}

func snappyExplicit() {
	kgo.NewClient(kgo.ProducerBatchCompression(kgo.SnappyCompression()), kgo.ProducerLinger(0)) // want `snappy compression`
}

// Look-alikes.

func zstdWithLinger(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(10*time.Millisecond))
	cl.ProduceSync(ctx, &kgo.Record{})
}

func defaultCodec(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("b"), kgo.ConsumeTopics("t"))
	cl.PollFetches(ctx)
}
