// Package compressionshared holds exported producer settings: a codec
// written here with batching turned off here is reported here, once.
package compressionshared

import (
	"github.com/IBM/sarama"
	"github.com/twmb/franz-go/pkg/kgo"
)

// ZstdNoLinger compresses batches that never wait.
func ZstdNoLinger() []kgo.Opt {
	return []kgo.Opt{
		kgo.ProducerBatchCompression(kgo.ZstdCompression()), // want `zstd compression where batching is off \(kgo.ProducerLinger\(0\)\)`
		kgo.ProducerLinger(0),
	}
}

func newLocal() {
	kgo.NewClient(ZstdNoLinger()...)
}

// Look-alikes.

// Zstd only picks a codec; whether batching is off is the importer's.
func Zstd() []kgo.Opt {
	return []kgo.Opt{kgo.ProducerBatchCompression(kgo.ZstdCompression())}
}

// Snappy leaves sarama's Flush defaults: judged where a producer is built.
func Snappy() *sarama.Config {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy
	return c
}
