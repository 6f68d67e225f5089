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
func NewSaramaSync(addrs []string, cfg *sarama.Config) (sarama.SyncProducer, error) { // want NewSaramaSync:"builds sarama NewSyncProducer from param 1 return.successes=1$" NewSaramaSync:"changes param 1 return.successes=1$"
	cfg.Producer.Return.Successes = true
	return sarama.NewSyncProducer(addrs, cfg)
}

// SaramaAcks asks for acks and leaves Flush alone.
func SaramaAcks(cfg *sarama.Config) { // want SaramaAcks:"changes param 0 return.successes=1$"
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	cfg.Producer.Return.Successes = true
}

// SaramaFlushWhen sets a flush trigger on one path only.
func SaramaFlushWhen(batch bool, cfg *sarama.Config) { // want SaramaFlushWhen:"changes param 1 flush.frequency=\\?$"
	if batch {
		cfg.Producer.Flush.Frequency = 20 * time.Millisecond
	}
}

// ConfluentZeroLinger writes linger.ms 0 into the caller's map.
func ConfluentZeroLinger(cm *kafka.ConfigMap) error { // want ConfluentZeroLinger:"changes param 0 linger=0$"
	return cm.SetKey("linger.ms", 0)
}

var keptConfig *sarama.Config

// SaramaKeep keeps the config: no fact.
func SaramaKeep(cfg *sarama.Config) { keptConfig = cfg }

// SaramaLog hands the config to a function this pass does not follow: no
// fact.
func SaramaLog(cfg *sarama.Config, log func(any)) {
	cfg.Producer.Flush.Bytes = 1 << 20
	log(cfg)
}

// SaramaTwo takes two configs: no fact.
func SaramaTwo(a, b *sarama.Config) {
	a.Producer.Flush.Bytes = 1 << 20
	b.Producer.Flush.Bytes = 1 << 20
}
