package compression

import (
	"context"
	"time"

	"example.com/kafka/kafkaopts"
	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	segkafka "github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

func zstdOptVar() {
	c := kgo.ProducerBatchCompression(kgo.ZstdCompression()) // want `zstd compression where batching is off`
	kgo.NewClient(c, kgo.ProducerLinger(0))
}

var sharedOpts = []kgo.Opt{
	kgo.ProducerBatchCompression(kgo.Lz4Compression()), // want `lz4 compression`
	kgo.ProducerLinger(0),
}

func fromPackageVar() {
	kgo.NewClient(sharedOpts...)
}

func lingerFromOtherPkgConst() {
	kgo.NewClient(kgo.ProducerLinger(kafkaopts.NoLinger), kgo.ProducerBatchCompression(kgo.SnappyCompression())) // want `snappy compression`
}

func saramaNilThenNot(addrs []string) {
	c := sarama.NewConfig()
	c.Producer.Flush.MaxMessages = 1
	c.Producer.Compression = sarama.CompressionLZ4 // want `lz4 compression`
	sarama.NewSyncProducer(addrs, c)
}

func shopifyFromClient(addrs []string) {
	c := shopify.NewConfig()
	c.Producer.Compression = shopify.CompressionSnappy // want `snappy compression`
	cl, _ := shopify.NewClient(addrs, c)
	shopify.NewSyncProducerFromClient(cl)
}

func confluentQueueAlias() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "zstd", "queue.buffering.max.ms": 0.0}) // want `zstd compression`
}

func confluentMapValue() {
	cm := kafka.ConfigMap{"compression.codec": "gzip", "batch.num.messages": "1"} // want `gzip compression`
	kafka.NewProducer(&cm)
}

func writerBatchSizeConst() {
	const one = 1
	_ = &segkafka.Writer{BatchSize: one, Compression: segkafka.Zstd} // want `zstd compression`
}

// Look-alikes.

func kgoSnappyDefault() {
	kgo.NewClient(kgo.ProducerLinger(0)) // the default snappy is not a choice the user made
}

func kgoLingerAfterOpaque(extra []kgo.Opt) {
	kgo.NewClient(append([]kgo.Opt{kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0)}, extra...)...)
}

func kgoConsumerCompression(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.ConsumeTopics("t"), kgo.ProducerBatchCompression(kgo.ZstdCompression()))
	cl.PollFetches(ctx)
}

func saramaFrequencyOnly(addrs []string) {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionZSTD
	c.Producer.Flush.Frequency = time.Millisecond
	sarama.NewSyncProducer(addrs, c)
}

func shopifyMessages(addrs []string) {
	c := shopify.NewConfig()
	c.Producer.Compression = shopify.CompressionZSTD
	c.Producer.Flush.Messages = 10
	shopify.NewAsyncProducer(addrs, c)
}

func confluentBatchTwo() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "zstd", "batch.num.messages": 2})
}

func confluentLingerString() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "zstd", "linger.ms": "5"})
}

func writerAsync() {
	_ = &segkafka.Writer{Compression: segkafka.Zstd, Async: true}
}

func writerConfigOnly() {
	segkafka.NewWriter(segkafka.WriterConfig{BatchSize: 1})
}
