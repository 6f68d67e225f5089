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
func LowLatency(brokers ...string) []kgo.Opt { // want LowLatency:"config franz-go linger=0 producing"
	return []kgo.Opt{kgo.SeedBrokers(brokers...), kgo.ProducerLinger(0)}
}

// Throughput returns options that batch.
func Throughput(brokers ...string) []kgo.Opt { // want Throughput:"config franz-go linger=50000000 producing"
	return []kgo.Opt{kgo.SeedBrokers(brokers...), kgo.ProducerLinger(50 * time.Millisecond)}
}

// ZstdNoLinger compresses without lingering.
func ZstdNoLinger() []kgo.Opt { // want ZstdNoLinger:"config franz-go compression=zstd linger=0 producing"
	return []kgo.Opt{kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0)}
}

// Consumer returns consumer options only.
func Consumer(group string) []kgo.Opt { // want Consumer:"config franz-go$"
	return []kgo.Opt{kgo.ConsumerGroup(group), kgo.ConsumeTopics("events")}
}

// SaramaFast returns a sarama config with no flush trigger.
func SaramaFast() *sarama.Config { // want SaramaFast:"config sarama return.successes=1$"
	c := sarama.NewConfig()
	c.Producer.Return.Successes = true
	return c
}

// SaramaZeroFreq returns a config with an explicit zero frequency.
func SaramaZeroFreq() *sarama.Config { // want SaramaZeroFreq:"config sarama flush.frequency=0$"
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0
	return c
}

// SaramaBatched returns a config that lingers.
func SaramaBatched() *sarama.Config { // want SaramaBatched:"config sarama flush.bytes=65536 flush.frequency=20000000$"
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 20 * time.Millisecond
	c.Producer.Flush.Bytes = 64 << 10
	return c
}

// SaramaSnappyNoFlush compresses without a flush trigger.
func SaramaSnappyNoFlush() *sarama.Config { // want SaramaSnappyNoFlush:"config sarama compression=snappy$"
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy
	return c
}

// ConfluentNoLinger returns a config map that never lingers.
func ConfluentNoLinger() *kafka.ConfigMap { // want ConfluentNoLinger:"config confluent linger=0$"
	return &kafka.ConfigMap{"bootstrap.servers": "localhost:9092", "linger.ms": 0}
}

// ConfluentDefault returns a config map with librdkafka's defaults.
func ConfluentDefault() *kafka.ConfigMap { // want ConfluentDefault:"config confluent$"
	return &kafka.ConfigMap{"bootstrap.servers": "localhost:9092"}
}

// NewSaramaSync builds a producer from the caller's config, asking for acks.
func NewSaramaSync(addrs []string, cfg *sarama.Config) (sarama.SyncProducer, error) { // want NewSaramaSync:"builds sarama NewSyncProducer from param 1 return.successes=1$"
	cfg.Producer.Return.Successes = true
	return sarama.NewSyncProducer(addrs, cfg)
}
