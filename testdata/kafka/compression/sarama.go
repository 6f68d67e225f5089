package compression

import (
	"time"

	"example.com/kafka/kafkaopts"
	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

var addrs = []string{"b"}

func saramaSnappyDefaultFlush() {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy // want `snappy compression where batching is off \(sarama config with no Producer.Flush trigger`
	sarama.NewSyncProducer(addrs, c)
}

func saramaZstdZeroFreq() {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionZSTD // want `zstd compression`
	c.Producer.Flush.Frequency = 0
	sarama.NewAsyncProducer(addrs, c)
}

func saramaGzipFromClient() {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionGZIP // want `gzip compression`
	client, _ := sarama.NewClient(addrs, c)
	sarama.NewAsyncProducerFromClient(client)
}

func shopifyLZ4() {
	c := shopify.NewConfig()
	c.Producer.Compression = shopify.CompressionLZ4 // want `lz4 compression`
	shopify.NewSyncProducer(addrs, c)
}

func saramaOtherPkgHelper() {
	sarama.NewSyncProducer(addrs, kafkaopts.SaramaSnappyNoFlush()) // want `snappy compression \(set at opts.go:\d+\)`
}

const codec = sarama.CompressionZSTD

func saramaConstCodec() {
	c := sarama.NewConfig()
	c.Producer.Compression = codec // want `zstd compression`
	sarama.NewSyncProducer(addrs, c)
}

func saramaHelperThenCodec() {
	c := kafkaopts.SaramaFast()
	c.Producer.Compression = sarama.CompressionSnappy // want `snappy compression`
	sarama.NewSyncProducer(addrs, c)
}

// Look-alikes.

func saramaBatched() {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionZSTD
	c.Producer.Flush.Frequency = 20 * time.Millisecond
	sarama.NewAsyncProducer(addrs, c)
}

func saramaBytes() {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy
	c.Producer.Flush.Bytes = 64 << 10
	sarama.NewAsyncProducer(addrs, c)
}

func saramaNone() {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionNone
	sarama.NewAsyncProducer(addrs, c)
}

func saramaCodecParam(codec sarama.CompressionCodec) {
	c := sarama.NewConfig()
	c.Producer.Compression = codec
	sarama.NewAsyncProducer(addrs, c)
}

func saramaConfigureElsewhere() {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy
	tune(c)
	sarama.NewAsyncProducer(addrs, c)
}

func tune(c *sarama.Config) { c.Producer.Flush.Messages = 100 }

func saramaConsumerCodec() {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionSnappy
	sarama.NewConsumer(addrs, c)
}

func saramaBatchedHelper() {
	c := kafkaopts.SaramaBatched()
	c.Producer.Compression = sarama.CompressionSnappy
	sarama.NewAsyncProducer(addrs, c)
}
