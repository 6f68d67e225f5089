// Package compression is a labelled corpus: compressed producers as they
// appear in services, each reported line labelled bad, each look-alike ok.
package compression

import (
	"context"
	"os"
	"time"

	"example.com/kafka/corpus/compression/platform"
	"example.com/kafka/kafkaopts"
	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	segkafka "github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

const immediate = time.Duration(0)

func NewZstdImmediate() (*kgo.Client, error) {
	return kgo.NewClient(
		kgo.SeedBrokers("b"),
		kgo.ProducerBatchCompression(kgo.ZstdCompression()), // label:bad
		kgo.ProducerLinger(0),
	)
}

func NewSnappyImmediateConst() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerBatchCompression(kgo.SnappyCompression()), kgo.ProducerLinger(immediate)) // label:bad
}

func NewGzipLevel() (*kgo.Client, error) {
	opts := []kgo.Opt{kgo.ProducerLinger(0)}
	opts = append(opts, kgo.ProducerBatchCompression(kgo.GzipCompression().WithLevel(6))) // label:bad
	return kgo.NewClient(opts...)
}

func NewLz4Fallback() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(0), kgo.ProducerBatchCompression(kgo.Lz4Compression(), kgo.NoCompression())) // label:bad
}

func NewShared() (*kgo.Client, error) {
	return kgo.NewClient(platform.ZstdNoLinger()...) // reported in platform, where both settings are written
}

func compressed() kgo.Opt {
	return kgo.ProducerBatchCompression(kgo.ZstdCompression()) // label:bad
}

func NewCompressedHelper() (*kgo.Client, error) {
	return kgo.NewClient(compressed(), kgo.ProducerLinger(0*time.Millisecond))
}

func NewZstdLinger() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(5*time.Millisecond)) // label:ok
}

func NewZstdDefault(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression())) // label:ok
	cl.ProduceSync(ctx, &kgo.Record{})
}

func NewNoneImmediate() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerBatchCompression(kgo.NoCompression()), kgo.ProducerLinger(0)) // label:ok
}

func NewDefaultCodecImmediate() (*kgo.Client, error) {
	//batchlint:ignore linger -- latency-critical
	return kgo.NewClient(kgo.ProducerLinger(0)) // label:ok
}

func NewCodecParam(c kgo.CompressionCodec) (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerBatchCompression(c), kgo.ProducerLinger(0)) // label:ok
}

func NewLingerEnv() (*kgo.Client, error) {
	d, _ := time.ParseDuration(os.Getenv("LINGER"))
	return kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(d)) // label:ok
}

func NewDeliberate() (*kgo.Client, error) {
	//batchlint:ignore compression -- 1 MB records, each compresses on its own
	return kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0)) // label:ok
}

func NewSaramaSnappy(addrs []string) (sarama.SyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Return.Successes = true
	c.Producer.Compression = sarama.CompressionSnappy // label:bad
	return sarama.NewSyncProducer(addrs, c)
}

func NewSaramaZstdZero(addrs []string) (sarama.AsyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0
	c.Producer.Compression = sarama.CompressionZSTD // label:bad
	return sarama.NewAsyncProducer(addrs, c)
}

func NewSaramaShared(addrs []string) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, kafkaopts.SaramaSnappyNoFlush()) // label:bad
}

func NewShopifyGzip(addrs []string) (shopify.SyncProducer, error) {
	c := shopify.NewConfig()
	c.Producer.Compression = shopify.CompressionGZIP // label:bad
	return shopify.NewSyncProducer(addrs, c)
}

func NewSaramaClientLZ4(addrs []string) (sarama.AsyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionLZ4 // label:bad
	cl, err := sarama.NewClient(addrs, c)
	if err != nil {
		return nil, err
	}
	return sarama.NewAsyncProducerFromClient(cl)
}

func NewSaramaBatched(addrs []string) (sarama.AsyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionZSTD // label:ok
	c.Producer.Flush.Frequency = 20 * time.Millisecond
	c.Producer.Flush.Bytes = 128 << 10
	return sarama.NewAsyncProducer(addrs, c)
}

func NewSaramaMessages(addrs []string) (sarama.AsyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy // label:ok
	c.Producer.Flush.Messages = 1000
	return sarama.NewAsyncProducer(addrs, c)
}

func NewSaramaFlushEnv(addrs []string) (sarama.AsyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy // label:ok
	if v := os.Getenv("FLUSH"); v != "" {
		d, _ := time.ParseDuration(v)
		c.Producer.Flush.Frequency = d
	}
	return sarama.NewAsyncProducer(addrs, c)
}

func NewSaramaNone(addrs []string) (sarama.AsyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionNone // label:ok
	return sarama.NewAsyncProducer(addrs, c)
}

func NewSaramaConsumer(addrs []string) (sarama.Consumer, error) {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy // label:ok
	return sarama.NewConsumer(addrs, c)
}

func NewSaramaParam(addrs []string, c *sarama.Config) (sarama.AsyncProducer, error) {
	c.Producer.Compression = sarama.CompressionSnappy // label:ok
	return sarama.NewAsyncProducer(addrs, c)
}

func NewConfluentZstd() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{
		"bootstrap.servers": "b",
		"compression.type":  "zstd", // label:bad
		"linger.ms":         0,
	})
}

func NewConfluentOneMessage() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{
		"compression.codec":  "snappy", // label:bad
		"batch.num.messages": 1,
	})
}

func NewConfluentSetKey() (*kafka.Producer, error) {
	cm := &kafka.ConfigMap{"queue.buffering.max.ms": 0}
	if err := cm.SetKey("compression.type", "lz4"); err != nil { // label:bad
		return nil, err
	}
	return kafka.NewProducer(cm)
}

func NewConfluentDefault() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"compression.type": "zstd"}) // label:ok
}

func NewConfluentLinger() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"compression.type": "zstd", "linger.ms": 50}) // label:ok
}

func NewConfluentBatches() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"compression.type": "gzip", "batch.num.messages": 10000}) // label:ok
}

func NewConfluentConsumer() (*kafka.Consumer, error) {
	return kafka.NewConsumer(&kafka.ConfigMap{"compression.type": "zstd", "linger.ms": 0}) // label:ok
}

func NewWriterOne() *segkafka.Writer {
	return &segkafka.Writer{
		Addr:        segkafka.TCP("b"),
		Topic:       "t",
		BatchSize:   1,
		Compression: segkafka.Zstd, // label:bad
	}
}

func NewWriterFields() *segkafka.Writer {
	w := &segkafka.Writer{Addr: segkafka.TCP("b")}
	w.BatchSize = 1
	w.Compression = segkafka.Snappy // label:bad
	return w
}

func NewWriterDefaultBatch() *segkafka.Writer {
	return &segkafka.Writer{Addr: segkafka.TCP("b"), Compression: segkafka.Zstd} // label:ok
}

func NewWriterBatched() *segkafka.Writer {
	return &segkafka.Writer{BatchSize: 200, Compression: segkafka.Lz4, BatchTimeout: 10 * time.Millisecond} // label:ok
}

func NewWriterSizeParam(n int) *segkafka.Writer {
	return &segkafka.Writer{BatchSize: n, Compression: segkafka.Gzip} // label:ok
}

func NewWriterPlain() *segkafka.Writer {
	return &segkafka.Writer{BatchSize: 1} // label:ok
}
