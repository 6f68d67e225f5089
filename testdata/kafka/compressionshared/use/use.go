// Package use builds producers from compressionshared's settings.
package use

import (
	"time"

	"example.com/kafka/compressionshared"
	"example.com/kafka/lingershared/tune"
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

func tunedHere(addrs []string) {
	c := sarama.NewConfig()
	tune.Zstd(c) // want `zstd compression \(set at tune.go:\d+\) where batching is off \(sarama config with no Producer.Flush trigger\)`
	sarama.NewSyncProducer(addrs, c)
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

func tunedFlushHere(addrs []string) {
	c := sarama.NewConfig()
	tune.Zstd(c)
	tune.Flush(c)
	sarama.NewSyncProducer(addrs, c)
}
