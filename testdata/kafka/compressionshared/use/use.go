// Package use builds producers from compressionshared's settings.
package use

import (
	"time"

	"example.com/kafka/compressionshared"
	"github.com/IBM/sarama"
	"github.com/twmb/franz-go/pkg/kgo"
)

func fromShared() {
	kgo.NewClient(compressionshared.ZstdNoLinger()...) // reported in compressionshared
}

func lingerHere() {
	kgo.NewClient(append(compressionshared.Zstd(), kgo.ProducerLinger(0))...) // want `zstd compression \(set at shared.go:\d+\) where batching is off`
}

func defaultFlushHere(addrs []string) {
	sarama.NewSyncProducer(addrs, compressionshared.Snappy()) // want `snappy compression \(set at shared.go:\d+\) where batching is off \(sarama config with no Producer.Flush trigger\)`
}

// Look-alikes.

func lingerSetHere() {
	kgo.NewClient(append(compressionshared.Zstd(), kgo.ProducerLinger(20*time.Millisecond))...)
}

func flushSetHere(addrs []string) {
	c := compressionshared.Snappy()
	c.Producer.Flush.Frequency = 20 * time.Millisecond
	sarama.NewSyncProducer(addrs, c)
}
