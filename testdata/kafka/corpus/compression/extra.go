package compression

import (
	"os"
	"time"

	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	segkafka "github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

type producerSettings struct {
	linger time.Duration
	codec  string
}

func NewFromSettings() (*kgo.Client, error) {
	s := producerSettings{codec: "zstd"}
	return kgo.NewClient(kgo.ProducerLinger(s.linger), kgo.ProducerBatchCompression(kgo.ZstdCompression())) // label:bad
}

func NewFromLocal() (*kgo.Client, error) {
	l := 0 * time.Millisecond
	return kgo.NewClient(kgo.ProducerLinger(l), kgo.ProducerBatchCompression(kgo.SnappyCompression())) // label:bad
}

func zeroLinger() time.Duration { return 0 }

func NewFromZeroHelper() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(zeroLinger()), kgo.ProducerBatchCompression(kgo.Lz4Compression())) // label:bad
}

func NewSaramaHelperCodec(addrs []string) (sarama.AsyncProducer, error) {
	c := newPlainConfig()
	c.Producer.Compression = sarama.CompressionZSTD // label:bad
	return sarama.NewAsyncProducer(addrs, c)
}

func newPlainConfig() *sarama.Config {
	c := sarama.NewConfig()
	c.ClientID = "svc"
	return c
}

func newCompressedConfig() *sarama.Config {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy // label:bad
	return c
}

func NewSaramaCompressedHelper(addrs []string) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, newCompressedConfig())
}

func NewShopifyZstdZeroFreq(addrs []string) (shopify.AsyncProducer, error) {
	c := shopify.NewConfig()
	c.Producer.Compression = shopify.CompressionZSTD // label:bad
	c.Producer.Flush.Frequency = 0
	return shopify.NewAsyncProducer(addrs, c)
}

func NewShopifyBatched(addrs []string) (shopify.AsyncProducer, error) {
	c := shopify.NewConfig()
	c.Producer.Compression = shopify.CompressionZSTD // label:ok
	c.Producer.Flush.Frequency = 30 * time.Millisecond
	return shopify.NewAsyncProducer(addrs, c)
}

func NewConfluentFloatLinger() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"compression.type": "gzip", "linger.ms": 0.0}) // label:bad
}

func NewConfluentEnvCodec() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"compression.type": os.Getenv("CODEC"), "linger.ms": 0}) // label:ok
}

func NewConfluentNone() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"compression.type": "none", "batch.num.messages": 1}) // label:ok
}

func NewConfluentSetKeys() (*kafka.Producer, error) {
	cm := &kafka.ConfigMap{}
	cm.SetKey("batch.num.messages", 1)
	cm.SetKey("compression.codec", "zstd") // label:bad
	return kafka.NewProducer(cm)
}

type sink struct {
	w *segkafka.Writer
}

func newSink() *sink {
	return &sink{w: &segkafka.Writer{Addr: segkafka.TCP("b"), BatchSize: 1, Compression: segkafka.Lz4}} // label:bad
}

func NewWriterResized() *segkafka.Writer {
	w := &segkafka.Writer{Compression: segkafka.Snappy, BatchSize: 1} // label:ok
	w.BatchSize = 100
	return w
}

func NewWriterBatchSizeEnv() *segkafka.Writer {
	n := len(os.Getenv("BATCH"))
	return &segkafka.Writer{Compression: segkafka.Snappy, BatchSize: n} // label:ok
}

func NewConfluentIndexCodec() (*kafka.Producer, error) {
	cm := kafka.ConfigMap{"linger.ms": 0}
	cm["compression.type"] = "snappy" // label:bad
	return kafka.NewProducer(&cm)
}

func NewGzipImmediate() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(0), kgo.ProducerBatchCompression(kgo.GzipCompression())) // label:bad
}
