package compression

import (
	segkafka "github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/compress/snappy"
	"github.com/segmentio/kafka-go/compress/zstd"
)

func writerConfigCodecMethod() {
	segkafka.NewWriter(segkafka.WriterConfig{BatchSize: 1, CompressionCodec: segkafka.Snappy.Codec()}) // want `snappy compression`
}

func writerConfigCodecValue() {
	segkafka.NewWriter(segkafka.WriterConfig{BatchSize: 1, CompressionCodec: &zstd.Codec{Level: 3}}) // want `zstd compression`
}

// Look-alikes.

func writerConfigBatched() {
	segkafka.NewWriter(segkafka.WriterConfig{BatchSize: 500, CompressionCodec: &snappy.Codec{}})
}

func writerConfigCodecParam(c segkafka.CompressionCodec) {
	segkafka.NewWriter(segkafka.WriterConfig{BatchSize: 1, CompressionCodec: c})
}
