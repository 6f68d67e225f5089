// Package kafkaopts holds shared producer settings, as platform teams do.
package kafkaopts

import (
	"time"

	"github.com/IBM/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/twmb/franz-go/pkg/kgo"
)

// NoLinger is a constant zero linger.
const NoLinger = 0 * time.Millisecond

// Linger returns the house linger.
func Linger() time.Duration { return 0 }

// GoodLinger returns a sensible linger.
func GoodLinger() time.Duration { return 25 * time.Millisecond }

// LowLatency returns options that send every record at once.
func LowLatency(brokers ...string) []kgo.Opt {
	return []kgo.Opt{kgo.SeedBrokers(brokers...), kgo.ProducerLinger(0)}
}

// Throughput returns options that batch.
func Throughput(brokers ...string) []kgo.Opt {
	return []kgo.Opt{kgo.SeedBrokers(brokers...), kgo.ProducerLinger(50 * time.Millisecond)}
}

// ZstdNoLinger compresses without lingering.
func ZstdNoLinger() []kgo.Opt {
	return []kgo.Opt{kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0)}
}

// Consumer returns consumer options only.
func Consumer(group string) []kgo.Opt {
	return []kgo.Opt{kgo.ConsumerGroup(group), kgo.ConsumeTopics("events")}
}

// SaramaFast returns a sarama config with no flush trigger.
func SaramaFast() *sarama.Config {
	c := sarama.NewConfig()
	c.Producer.Return.Successes = true
	return c
}

// SaramaZeroFreq returns a config with an explicit zero frequency.
func SaramaZeroFreq() *sarama.Config {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0
	return c
}

// SaramaBatched returns a config that lingers.
func SaramaBatched() *sarama.Config {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 20 * time.Millisecond
	c.Producer.Flush.Bytes = 64 << 10
	return c
}

// SaramaSnappyNoFlush compresses without a flush trigger.
func SaramaSnappyNoFlush() *sarama.Config {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy
	return c
}

// ConfluentNoLinger returns a config map that never lingers.
func ConfluentNoLinger() *kafka.ConfigMap {
	return &kafka.ConfigMap{"bootstrap.servers": "localhost:9092", "linger.ms": 0}
}

// ConfluentDefault returns a config map with librdkafka's defaults.
func ConfluentDefault() *kafka.ConfigMap {
	return &kafka.ConfigMap{"bootstrap.servers": "localhost:9092"}
}
