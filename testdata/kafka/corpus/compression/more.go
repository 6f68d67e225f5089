package compression

import (
	"time"

	"github.com/IBM/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	segkafka "github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

func producerOpts(codec kgo.CompressionCodec) []kgo.Opt {
	return []kgo.Opt{kgo.ProducerBatchCompression(codec)}
}

func NewFromCodecHelper() (*kgo.Client, error) {
	return kgo.NewClient(append(producerOpts(kgo.ZstdCompression()), kgo.ProducerLinger(0))...) // label:ok
}

func NewBothBranches(eu bool) (*kgo.Client, error) {
	opts := []kgo.Opt{kgo.ProducerLinger(0)}
	if eu {
		opts = append(opts, kgo.ProducerBatchCompression(kgo.ZstdCompression())) // label:bad
	} else {
		opts = append(opts, kgo.ProducerBatchCompression(kgo.ZstdCompression()))
	}
	return kgo.NewClient(opts...)
}

func NewOneBranch(eu bool) (*kgo.Client, error) {
	opts := []kgo.Opt{kgo.ProducerLinger(0)}
	if eu {
		opts = append(opts, kgo.ProducerBatchCompression(kgo.ZstdCompression())) // label:ok
	}
	return kgo.NewClient(opts...)
}

func NewLingerOverride() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0), kgo.ProducerLinger(time.Millisecond)) // label:ok
}

const codec = sarama.CompressionGZIP

func NewSaramaConstCodec(addrs []string) (sarama.SyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Compression = codec // label:bad
	return sarama.NewSyncProducer(addrs, c)
}

func NewSaramaNilCodec(addrs []string) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, nil) // label:ok
}

func NewConfluentStringLinger() (*kafka.Producer, error) {
	cm := kafka.ConfigMap{"compression.type": "LZ4"} // label:bad
	cm["linger.ms"] = "0"
	return kafka.NewProducer(&cm)
}

func NewWriterValue() segkafka.Writer {
	return segkafka.Writer{Compression: segkafka.Gzip, BatchSize: 1} // label:bad
}

func NewWriterConfig() *segkafka.Writer {
	return segkafka.NewWriter(segkafka.WriterConfig{Brokers: []string{"b"}, BatchSize: 1}) // label:ok
}
