package main

import (
	"github.com/batchlint/batchlint/runtime/kafkabatch"
	"github.com/twmb/franz-go/pkg/kgo"
)

// batchedProducer is the producer configuration the linger and compression
// analyzers recommend: the kafkabatch throughput preset (linger 20ms, zstd).
func batchedProducer() (string, []kgo.Opt) {
	return "kafkabatch.ThroughputOpts (linger 20ms, zstd)", kafkabatch.ThroughputOpts()
}
