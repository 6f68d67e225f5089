package compression

import (
	"os"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

func confluentZstdLinger0() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "zstd", "linger.ms": 0}) // want `zstd compression where batching is off \(confluent linger.ms 0\)`
}

func confluentCodecAlias() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.codec": "LZ4", "queue.buffering.max.ms": "0"}) // want `lz4 compression`
}

func confluentOneMessage() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "gzip", "batch.num.messages": 1}) // want `gzip compression .*batch.num.messages 1`
}

func confluentSetKey() {
	cm := &kafka.ConfigMap{"bootstrap.servers": "b"}
	cm.SetKey("compression.type", "snappy") // want `snappy compression`
	cm.SetKey("linger.ms", 0)
	kafka.NewProducer(cm)
}

// Look-alikes.

func confluentDefaultLinger() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "zstd"})
}

func confluentLingerSet() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "zstd", "linger.ms": 20})
}

func confluentNone() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "none", "linger.ms": 0})
}

func confluentEnvCodec() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": os.Getenv("CODEC"), "linger.ms": 0})
}

func confluentBigBatches() {
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "lz4", "batch.num.messages": 5000})
}
