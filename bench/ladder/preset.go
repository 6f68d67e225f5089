package main

import (
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// batchedProducer is the producer configuration the linger and compression
// analyzers recommend: linger 20ms so records share a request, and zstd on
// the resulting batches.
func batchedProducer() (string, []kgo.Opt) {
	return "async Produce, linger 20ms + zstd", []kgo.Opt{
		kgo.ProducerLinger(20 * time.Millisecond),
		kgo.ProducerBatchCompression(kgo.ZstdCompression()),
	}
}
